/*
 * err.c: error reporting for library code (see err.h).
 */
#include "err.h"

int err_set(struct err *e, enum err_code code, const char *field,
	    const char *fmt, ...)
{
	va_list ap;

	struct err t;

	if (!e)
		return -1;
	/* Into a copy first: the field and the arguments may be e's own
	 * ("%s", e->msg), to add to a message. */
	t.code = code;
	snprintf(t.field, sizeof(t.field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(t.msg, sizeof(t.msg), fmt, ap);
	va_end(ap);
	*e = t;
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
	size_t n = strlen(file);

	if (!e || (strncmp(e->msg, file, n) == 0 && e->msg[n] == ':'))
		return -1;
	if (!line)
		return err_set(e, e->code, e->field, "%s: %s", file, e->msg);
	if (e->field[0])
		return err_set(e, e->code, e->field, "%s:%u: field '%s': %s", file,
			       line, e->field, e->msg);
	return err_set(e, e->code, NULL, "%s:%u: %s", file, line, e->msg);
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
	case ERR_BUSY: return "busy";
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
	case ERR_BUSY: return 503;
	}
	return 500;
}
