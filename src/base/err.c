/*
 * err.c: error reporting for library code (see err.h).
 */
#include "err.h"

int err_set(struct err *e, enum err_code code, const char *field,
	    const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int err_list_add(struct err_list *l, const struct err *e)
{
	if (l && l->n < l->max)
		l->v[l->n++] = *e;
	return -1;
}

void err_clear(struct err *e)
{
	e->code = ERR_OK;
	e->field[0] = '\0';
	e->msg[0] = '\0';
}

int err_locate(struct err *e, const char *file, unsigned line)
{
	struct err why;
	size_t n = strlen(file);

	if (!e || (strncmp(e->msg, file, n) == 0 && e->msg[n] == ':'))
		return -1;
	why = *e;
	if (why.field[0])
		return err_set(e, why.code, why.field, "%s:%u: field '%s': %s", file,
			       line, why.field, why.msg);
	return err_set(e, why.code, NULL, "%s:%u: %s", file, line, why.msg);
}

const char *err_code_name(enum err_code code)
{
	switch (code) {
	case ERR_OK: return "ok";
	case ERR_INVALID: return "invalid";
	case ERR_NOT_FOUND: return "not_found";
	case ERR_CONFLICT: return "conflict";
	case ERR_TOO_LARGE: return "too_large";
	case ERR_IO: return "io";
	case ERR_DB: return "internal";
	}
	return "internal";
}

int err_http_status(enum err_code code)
{
	switch (code) {
	case ERR_OK: return 200;
	case ERR_INVALID: return 400;
	case ERR_NOT_FOUND: return 404;
	case ERR_CONFLICT: return 409;
	case ERR_TOO_LARGE: return 413;
	case ERR_IO:
	case ERR_DB: return 500;
	}
	return 500;
}
