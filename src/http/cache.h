/*
 * cache.h: the response cache: whole GET responses, shared by the
 * server's threads within one budget of bytes (see cache.c).
 *
 * Every function takes the cache's lock and may be called from any
 * thread.  What cache_get copies into a response belongs to that
 * response; what cache_put keeps is its own copy.
 */
#ifndef SAFER_CACHE_H
#define SAFER_CACHE_H

#include "http.h"

/* The budget unless told otherwise (safer serve --cache-mb). */
#define CACHE_DEFAULT_BUDGET ((size_t)32 * 1024 * 1024)

/* The current generation, given the data version of the calling thread's
 * connection to the store: if it changed since this thread last looked,
 * someone committed, and every entry kept so far is stale. */
uint64_t cache_generation(int64_t data_version);

/* The calling thread is about to handle, or has just handled, a request
 * that may write: every entry kept so far is stale. */
void cache_note_write(void);

/* Fill w (status, type, headers, body) from the entry kept under key at
 * this generation; false if there is none. */
bool cache_get(const char *key, uint64_t generation, struct resp *w);

/* Keep a copy of w under key, if it is a 200 with at most 4 headers and
 * takes at most an eighth of the budget, dropping the least recently used
 * entries to make room. */
void cache_put(const char *key, uint64_t generation, const struct resp *w);

/* Keep at most bytes in all (dropping what no longer fits). */
void cache_set_budget(size_t bytes);

/* Drop every entry (when the server stops, and in tests). */
void cache_clear(void);

/* What the cache holds: the bytes counted against the budget, and the
 * number of entries (for tests and measurements). */
size_t cache_bytes(void);
size_t cache_count(void);

#endif
