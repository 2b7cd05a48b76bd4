/*
 * esc.h: escaping text for the context it is written into.
 *
 * Every string safer writes into HTML, JSON or a URL passes through one
 * of these.  The formatted variants escape every %s (and %c) argument by
 * default, so that forgetting is impossible; numbers are written as they
 * are.  Markup that is meant to be markup is written with buf_adds() or
 * buf_printf(), never through a %s here.  Invalid UTF-8 in a string is
 * written as U+FFFD, so output is always valid UTF-8.
 */
#ifndef SAFER_ESC_H
#define SAFER_ESC_H

#include "buf.h"

enum esc {
	ESC_HTML, /* text and attribute values: & < > " ' */
	ESC_JSON, /* inside a JSON string: " \ and control characters */
	ESC_URL,  /* a query or path component: all but A-Z a-z 0-9 - . _ ~ */
};

/* Append n bytes of s escaped for the context. */
void esc_add(struct buf *b, enum esc mode, const char *s, size_t n);
void esc_adds(struct buf *b, enum esc mode, const char *s);

/* printf into b with every %s and %c argument escaped for the context.
 * Supports the conversions d i u x c s % with the length modifiers
 * hh h l ll z j t, flags, width and precision (including "%.*s"); a
 * string's width counts its characters before escaping. */
void esc_vformat(struct buf *b, enum esc mode, const char *fmt, va_list ap);
void esc_format(struct buf *b, enum esc mode, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

#endif
