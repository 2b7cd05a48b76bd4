/*
 * cache.h: the per-thread cache of whole GET responses (see cache.c).
 */
#ifndef SAFER_CACHE_H
#define SAFER_CACHE_H

#include "http.h"

/* The current generation, from the store's data version. */
uint64_t cache_generation(int64_t data_version);

/* This thread is about to handle a request that may write. */
void cache_note_write(void);

/* Fill w from the cache if key was stored at this generation. */
bool cache_get(const char *key, uint64_t generation, struct resp *w);

/* Keep w (if it is a 200 small enough) under key. */
void cache_put(const char *key, uint64_t generation, const struct resp *w);

/* Drop every entry of this thread (at thread exit, and in tests). */
void cache_clear(void);

#endif
