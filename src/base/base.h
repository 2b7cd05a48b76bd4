/*
 * base.h: what every file in safer includes first.
 *
 * The standard headers nearly every file needs, the few macros safer uses
 * everywhere (ARRAY_SIZE, UNUSED, PRINTF_LIKE), the programmer-error
 * check BUG(), and the fatal exits die() and die_errno() that only the
 * top level (main and the commands) may call.  Library code reports errors
 * through struct err (err.h) and never exits.
 */
#ifndef SAFER_BASE_H
#define SAFER_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define UNUSED(x) ((void)(x))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define NORETURN __attribute__((noreturn))

/* Abort with the file and line of a broken invariant: a bug in safer,
 * never a reaction to bad input. */
#define BUG(...) bug_at(__FILE__, __LINE__, __VA_ARGS__)
NORETURN void bug_at(const char *file, int line, const char *fmt, ...)
	PRINTF_LIKE(3, 4);

/* Print "safer: <message>" to stderr and exit(1).  Top level only. */
NORETURN void die(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Print "safer: <message>: <strerror(errno)>" and exit(1).  Top level only. */
NORETURN void die_errno(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* Allocation that cannot fail: on exhaustion safer aborts (as git's
 * xmalloc and Redis's zmalloc do).  Sizes that users control are capped
 * long before this point (see buf.h). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#include "banned.h"

#endif
