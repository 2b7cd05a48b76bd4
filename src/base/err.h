/*
 * err.h: how library code reports an error.
 *
 * A function that can fail takes a struct err * as its last argument and
 * returns -1 (or NULL) after filling it with err_set(); it never prints
 * and never exits.  The top level decides what to do: the CLI prints the
 * message and exits 1, the web pages show it beside the field, the API
 * returns {"error": {"code", "message", "field"}} with the HTTP status
 * of the code.  ERR_BUSY is not a failure of safer: another writer held
 * the database past the wait allowed, and the same request can succeed a
 * moment later (the API and the pages answer 503 with Retry-After).
 *
 * Messages follow git: lowercase, the problem first, the subject quoted:
 * "no such action: 42", "cannot open 'x.csv'", "must be a date (YYYY-MM-DD)".
 * The field, when there is one, is the name the API uses ("due_on").
 */
#ifndef SAFER_ERR_H
#define SAFER_ERR_H

#include "base.h"

enum err_code {
	ERR_OK = 0,
	ERR_INVALID,   /* bad input: 400 */
	ERR_NOT_FOUND, /* no such thing: 404 */
	ERR_CONFLICT,  /* would break a rule of the data: 409 */
	ERR_TOO_LARGE, /* input over a size limit: 413 */
	ERR_IO,        /* file or network: 500 */
	ERR_DB,        /* the store failed: 500 */
	ERR_BUSY,      /* another writer held the store too long: 503 */
};

struct err {
	enum err_code code;
	char field[64];
	char msg[512];
};

#define ERR_INIT { ERR_OK, "", "" }

/* Fill e (if not NULL) and return -1, so that callers can write
 * "return err_set(e, ERR_INVALID, "title", "must not be empty");".
 * field may be NULL.  A message too long for msg is cut at 511 bytes.
 * The field and the arguments may be e's own, to add to its message. */
int err_set(struct err *e, enum err_code code, const char *field,
	    const char *fmt, ...) PRINTF_LIKE(4, 5);

/* Several errors at once, for a form that reports every problem. */
struct err_list {
	struct err *v; /* room for max errors */
	size_t n, max;
};

/* Keep a copy of e in l if there is room (a list of max 1 keeps the first
 * error only).  Returns -1, like err_set. */
int err_list_add(struct err_list *l, const struct err *e);

/* Say where: unless e's message already starts with "file:", make it
 * "file:line: field 'F': message" ("file: message" for line 0).  Returns
 * -1, like err_set. */
int err_locate(struct err *e, const char *file, unsigned line);

/* Empty e again. */
void err_clear(struct err *e);

/* The code's name in the API ("invalid", "not_found", ...). */
const char *err_code_name(enum err_code code);

/* The HTTP status that goes with the code. */
int err_http_status(enum err_code code);

#endif
