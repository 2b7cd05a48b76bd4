/*
 * shared.c: one crime engine per database and generation, shared by the
 * server's threads (see crime.h).
 *
 * The list holds the engines in use.  For each database one of them is
 * current: the newest loaded.  A request that finds the data newer than
 * the current engine loads another (outside the lock, while requests for
 * the same database wait rather than load it twice), makes it current,
 * and the one it replaces is freed when the last request holding it lets
 * go.  Engines of other databases are never touched.
 */
#include <pthread.h>

#include "crime.h"
#include "engine.h"
#include "store/store_crime.h"

struct shared {
	uint64_t db[2];       /* the database's identity (store.h) */
	int64_t generation;   /* its crime generation when loaded */
	struct crime_engine *g;
	int refs;             /* requests holding it */
	bool current;         /* the newest engine of its database */
	bool loading;         /* a slot whose engine is being built (g NULL) */
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t loaded = PTHREAD_COND_INITIALIZER;
static struct shared *list;
static size_t n_list, cap_list;

static bool same_db(const struct shared *x, const uint64_t db[2])
{
	return x->db[0] == db[0] && x->db[1] == db[1];
}

/* Remove entry i (the lock is held); the order does not matter. */
static void drop(size_t i)
{
	crime_engine_free(list[i].g);
	list[i] = list[--n_list];
}

static void release(void *p)
{
	pthread_mutex_lock(&mu);
	for (size_t i = 0; i < n_list; i++)
		if (list[i].g == p) {
			if (--list[i].refs == 0 && !list[i].current)
				drop(i);
			pthread_mutex_unlock(&mu);
			return;
		}
	pthread_mutex_unlock(&mu);
	BUG("a crime engine given back twice");
}

/* The current engine of db at generation gen or newer, taken; or NULL
 * (the lock is held). */
static struct crime_engine *take_current(const uint64_t db[2], int64_t gen)
{
	for (size_t i = 0; i < n_list; i++)
		if (same_db(&list[i], db) && list[i].current && list[i].g &&
		    list[i].generation >= gen) {
			list[i].refs++;
			return list[i].g;
		}
	return NULL;
}

static bool loading(const uint64_t db[2])
{
	for (size_t i = 0; i < n_list; i++)
		if (same_db(&list[i], db) && list[i].loading)
			return true;
	return false;
}

static struct shared *push(void)
{
	if (n_list == cap_list) {
		cap_list = cap_list ? cap_list * 2 : 8;
		list = xrealloc(list, cap_list * sizeof(*list));
	}
	memset(&list[n_list], 0, sizeof(*list));
	return &list[n_list++];
}

const struct crime_engine *crime_acquire(struct store *s, struct arena *a,
					 struct err *e)
{
	int64_t gen;
	struct crime_engine *g;
	struct shared *slot;

	if (store_crime_generation(s, &gen, e) < 0)
		return NULL;

	pthread_mutex_lock(&mu);
	while (!(g = take_current(s->identity, gen)) && loading(s->identity))
		pthread_cond_wait(&loaded, &mu);
	if (g) {
		pthread_mutex_unlock(&mu);
		arena_on_release(a, release, g);
		return g;
	}
	slot = push();
	memcpy(slot->db, s->identity, sizeof(slot->db));
	slot->loading = true;
	pthread_mutex_unlock(&mu);

	g = crime_load(s, e);

	pthread_mutex_lock(&mu);
	/* The engine it replaces goes once no request holds it. */
	for (size_t i = 0; g && i < n_list; i++)
		if (same_db(&list[i], s->identity) && list[i].current) {
			list[i].current = false;
			if (list[i].refs == 0)
				drop(i--);
		}
	for (size_t i = 0; i < n_list; i++) {
		if (!same_db(&list[i], s->identity) || !list[i].loading)
			continue;
		if (g) {
			list[i].loading = false;
			list[i].g = g;
			list[i].generation = gen;
			list[i].refs = 1;
			list[i].current = true;
		} else {
			list[i] = list[--n_list];
		}
		break;
	}
	pthread_cond_broadcast(&loaded);
	pthread_mutex_unlock(&mu);
	if (g)
		arena_on_release(a, release, g);
	return g;
}

void crime_shared_drop(void)
{
	pthread_mutex_lock(&mu);
	for (size_t i = 0; i < n_list; i++)
		if (list[i].refs == 0 && !list[i].loading) {
			drop(i);
			i--;
		}
	if (!n_list) {
		free(list);
		list = NULL;
		cap_list = 0;
	}
	pthread_mutex_unlock(&mu);
}
