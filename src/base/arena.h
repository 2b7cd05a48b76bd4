/*
 * arena.h: region allocation for one request or one command.
 *
 * Everything a request handler allocates comes from the request's arena
 * and is freed at once by arena_release() (or arena_reset(), which keeps
 * one block for the next request on the same connection).  Nothing
 * allocated from an arena is ever freed on its own; what is not arena
 * memory but lives as long as the request is given back by a hook
 * (arena_on_release).  Allocation cannot
 * fail (see xmalloc in base.h); results are aligned for any type.
 */
#ifndef SAFER_ARENA_H
#define SAFER_ARENA_H

#include "base.h"

struct arena_block;
struct arena_cleanup;

struct arena {
	struct arena_block *head; /* current block; older ones chained */
	size_t total;             /* bytes handed out, for limits and tests */
	struct arena_cleanup *cleanups; /* newest first */
};

#define ARENA_INIT { NULL, 0, NULL }

/* Zeroed memory for n bytes from the arena. */
void *arena_alloc(struct arena *a, size_t n);

/* Zeroed memory for an array of n elements of the given size; BUG()s on
 * overflow of n * size. */
void *arena_array(struct arena *a, size_t n, size_t size);
#define arena_new(a, type) ((type *)arena_alloc((a), sizeof(type)))

/* Copies of strings, NUL-terminated, owned by the arena.  A NULL source
 * gives NULL. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* Call fn(arg) when the arena is next reset or released, before its
 * memory goes (hooks run newest first).  For what a request holds that
 * is not arena memory: a shared crime engine, say.  The hook is recorded
 * in the arena itself. */
void arena_on_release(struct arena *a, void (*fn)(void *), void *arg);

/* Run the hooks, then free everything but the first block; the arena
 * stays usable. */
void arena_reset(struct arena *a);

/* Run the hooks, then free everything; the arena is left empty and
 * usable. */
void arena_release(struct arena *a);

#endif
