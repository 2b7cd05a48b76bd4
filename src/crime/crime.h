/*
 * crime.h: the crime engine's life: built from the store, shared between
 * the server's threads, given back when the request that asked is done.
 *
 * An engine is the answer to "what does this database hold now": it is
 * keyed by the database it was built from (its identity, not its path:
 * two databases in one process never share an engine) and by the
 * store's crime generation, which every import of crime data, geography
 * or peer groups moves on.  A request asks for the engine with
 * crime_acquire and never gives it back by hand: the request's arena
 * does, when it is reset (arena_on_release).
 */
#ifndef SAFER_CRIME_H
#define SAFER_CRIME_H

#include "base/arena.h"
#include "base/err.h"

struct store;
struct crime_engine;

/* A new engine of what s holds now, for the caller alone (free it with
 * crime_engine_free).  A damaged store (ids out of range, holes in a
 * dictionary, columns that do not decode) fails with ERR_DB saying what
 * is inconsistent.  NULL with e set. */
struct crime_engine *crime_load(struct store *s, struct err *e);

/* The engine for s's database as it is now, shared: loaded on first use
 * and again after an import, by one thread while the others wait.  It is
 * given back when a is reset or released.  NULL with e set. */
const struct crime_engine *crime_acquire(struct store *s, struct arena *a,
					 struct err *e);

/* Free every shared engine that no request holds (at exit, in tests). */
void crime_shared_drop(void);

#endif
