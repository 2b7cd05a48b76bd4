/*
 * json.h: the one JSON writer (reading JSON is Jansson's job).
 *
 * A struct jw appends to a struct buf and keeps track of nesting, so
 * that callers never write a comma or a quote by hand:
 *
 *	struct jw j;
 *	jw_init(&j, &out, false);
 *	jw_obj(&j);
 *	jw_kv_int(&j, "id", 7);
 *	jw_key(&j, "themes"); jw_arr(&j); ... jw_end(&j);
 *	jw_end(&j);
 *
 * Strings are escaped (esc.h); invalid UTF-8 becomes U+FFFD.  Numbers
 * never depend on the locale: doubles are written in the shortest form
 * that reads back as the same double, and NaN or infinity as null.
 */
#ifndef SAFER_JSON_H
#define SAFER_JSON_H

#include "buf.h"

#define JSON_MAX_DEPTH 32

struct jw {
	struct buf *b;
	bool pretty;
	int depth;
	bool first[JSON_MAX_DEPTH]; /* no value written yet at this level */
	char close[JSON_MAX_DEPTH]; /* the bracket that closes each level */
	bool after_key;             /* a key was written; its value is next */
};

/* Start writing into b; pretty adds newlines and two-space indents. */
void jw_init(struct jw *j, struct buf *b, bool pretty);

void jw_obj(struct jw *j); /* { */
void jw_arr(struct jw *j); /* [ */
void jw_end(struct jw *j); /* } or ], whichever is open */

void jw_key(struct jw *j, const char *key);
void jw_str(struct jw *j, const char *s); /* NULL writes null */
void jw_int(struct jw *j, int64_t v);
void jw_num(struct jw *j, double v);
void jw_bool(struct jw *j, bool v);
void jw_null(struct jw *j);
/* A value that is JSON already (one the writer wrote, or read back from
 * the store), written as it is. */
void jw_raw(struct jw *j, const char *json);

/* A key and its value in one call. */
void jw_kv_str(struct jw *j, const char *key, const char *s);
void jw_kv_int(struct jw *j, const char *key, int64_t v);
void jw_kv_num(struct jw *j, const char *key, double v);
void jw_kv_bool(struct jw *j, const char *key, bool v);
void jw_kv_null(struct jw *j, const char *key);
/* An id that may be absent: 0 writes null. */
void jw_kv_id(struct jw *j, const char *key, int64_t id);

/* Write v in the shortest form that reads back exactly ("0.1", "1e-07"),
 * as JSON and SVG want it.  NaN and infinity are written as "null". */
void jw_add_double(struct buf *b, double v);

#endif
