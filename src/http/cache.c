/*
 * cache.c: the response cache: whole responses to GET requests, shared
 * by the server's worker threads, within one budget of bytes.
 *
 * Pages and API answers that depend only on the address, today's date and
 * the data are kept once built (routes say which, with ROUTE_CACHE; pages
 * that carry a form token never are).  The key is the path and the query
 * parameters the route declares, in the order it declares them
 * (dispatch.c), and the date; a parameter nobody reads never makes a new
 * entry.
 *
 * A cached response is used only while the database is as it was when
 * the response was built: the generation stored with it must equal the
 * current one.  The generation is one counter for the process, moved on
 * whenever a thread sees that someone else has committed (its own
 * connection's data version changed: another process, or another of this
 * process's connections) and before and after every request that may
 * write (cache_note_write).  An answer built while a write was under way
 * is stored under a generation that the write's end leaves behind.  So a
 * cached page is never stale, and the cache needs no invalidation rules of
 * its own.
 *
 * One table for the process, under one mutex: entries chained in a hash
 * table by key, and in a list from the most to the least recently used.
 * Every entry's bytes are counted (the entry, its key, body and header
 * values, and a word of the allocator's for each allocation); when a new
 * entry would take the total past the budget, the least recently used go
 * first, and an entry of more than an eighth of the budget is not kept.
 * Entries of a past generation are dropped when they are met.
 */
#include <pthread.h>

#include "cache.h"

/* What the allocator adds to each allocation, roughly (glibc: 8 to 16
 * bytes of header and rounding). */
#define ALLOC_OVERHEAD 16

struct entry {
	struct entry *chain;        /* next in the same bucket */
	struct entry *newer, *older; /* the list of use */
	uint64_t hash;
	uint64_t generation;
	size_t bytes;               /* counted against the budget */
	int status;
	const char *content_type;   /* a string literal of the handler's */
	struct kv headers[4];       /* names are literals; values are copies */
	size_t n_headers;
	char *body;
	size_t len;
	char key[];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry **buckets;  /* n_buckets chains, a power of two */
static size_t n_buckets;
static size_t n_entries;
static struct entry *newest, *oldest;
static size_t total;            /* bytes of every entry */
static size_t budget = CACHE_DEFAULT_BUDGET;
static uint64_t epoch = 1;      /* the current generation */

/* The data version this thread's connection had when it last looked. */
static __thread int64_t seen_version;
static __thread bool seen;

static uint64_t hash_of(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

/* ---------------------------------------------------------------------
 * The table and the list (the lock held)
 */

static void unlink_use(struct entry *e)
{
	if (e->newer)
		e->newer->older = e->older;
	else
		newest = e->older;
	if (e->older)
		e->older->newer = e->newer;
	else
		oldest = e->newer;
	e->newer = e->older = NULL;
}

static void link_newest(struct entry *e)
{
	e->older = newest;
	e->newer = NULL;
	if (newest)
		newest->newer = e;
	newest = e;
	if (!oldest)
		oldest = e;
}

static void entry_free(struct entry *e)
{
	free(e->body);
	for (size_t i = 0; i < e->n_headers; i++)
		free((char *)e->headers[i].value);
	free(e);
}

/* Take e out of the table and the list, and free it. */
static void drop(struct entry *e)
{
	struct entry **p = &buckets[e->hash & (n_buckets - 1)];

	while (*p != e)
		p = &(*p)->chain;
	*p = e->chain;
	unlink_use(e);
	total -= e->bytes;
	n_entries--;
	entry_free(e);
}

static struct entry *find(const char *key, uint64_t h)
{
	if (!n_buckets)
		return NULL;
	for (struct entry *e = buckets[h & (n_buckets - 1)]; e; e = e->chain)
		if (e->hash == h && strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

/* Keep about one entry a bucket. */
static void grow(void)
{
	size_t n = n_buckets ? n_buckets * 2 : 256;
	struct entry **b = xcalloc(n, sizeof(*b));

	for (size_t i = 0; i < n_buckets; i++)
		for (struct entry *e = buckets[i], *next; e; e = next) {
			next = e->chain;
			e->chain = b[e->hash & (n - 1)];
			b[e->hash & (n - 1)] = e;
		}
	free(buckets);
	buckets = b;
	n_buckets = n;
}

/* Drop the least recently used until bytes more fit. */
static void make_room(size_t bytes)
{
	while (oldest && total + bytes > budget)
		drop(oldest);
}

/* ---------------------------------------------------------------------
 * The interface (cache.h)
 */

uint64_t cache_generation(int64_t data_version)
{
	uint64_t g;

	pthread_mutex_lock(&lock);
	if (!seen || data_version != seen_version) {
		epoch++;
		seen = true;
		seen_version = data_version;
	}
	g = epoch;
	pthread_mutex_unlock(&lock);
	return g;
}

void cache_note_write(void)
{
	pthread_mutex_lock(&lock);
	epoch++;
	pthread_mutex_unlock(&lock);
}

bool cache_get(const char *key, uint64_t generation, struct resp *w)
{
	uint64_t h = hash_of(key);
	struct entry *e;
	bool hit = false;

	pthread_mutex_lock(&lock);
	e = find(key, h);
	if (e && e->generation < generation) {
		drop(e); /* stale for good: generations only grow */
	} else if (e && e->generation == generation) {
		unlink_use(e);
		link_newest(e);
		w->status = e->status;
		w->content_type = e->content_type;
		for (size_t i = 0; i < e->n_headers; i++)
			resp_header(w, e->headers[i].key, e->headers[i].value);
		buf_reset(&w->body);
		buf_add(&w->body, e->body, e->len);
		hit = true;
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void cache_put(const char *key, uint64_t generation, const struct resp *w)
{
	size_t klen = strlen(key);
	size_t bytes = sizeof(struct entry) + klen + 1 + w->body.len + 1 +
		       2 * ALLOC_OVERHEAD;
	uint64_t h = hash_of(key);
	struct entry *e, *old;

	if (w->status != 200 || w->n_headers > ARRAY_SIZE(e->headers))
		return;
	for (size_t i = 0; i < w->n_headers; i++)
		bytes += strlen(w->headers[i].value) + 1 + ALLOC_OVERHEAD;
	/* Copied outside the lock, kept inside it. */
	e = xmalloc(sizeof(*e) + klen + 1);
	memset(e, 0, sizeof(*e));
	memcpy(e->key, key, klen + 1);
	e->hash = h;
	e->generation = generation;
	e->bytes = bytes;
	e->status = w->status;
	e->content_type = w->content_type;
	e->n_headers = w->n_headers;
	for (size_t i = 0; i < w->n_headers; i++) {
		e->headers[i].key = w->headers[i].key;
		e->headers[i].value = xstrdup(w->headers[i].value);
	}
	e->body = xmalloc(w->body.len + 1);
	memcpy(e->body, w->body.ptr, w->body.len);
	e->len = w->body.len;

	pthread_mutex_lock(&lock);
	old = find(key, h);
	if (bytes > budget / 8 || (old && old->generation > generation)) {
		/* too large, or another thread has kept newer data */
		pthread_mutex_unlock(&lock);
		entry_free(e);
		return;
	}
	if (old)
		drop(old);
	make_room(bytes);
	if (n_entries >= n_buckets)
		grow();
	e->chain = buckets[h & (n_buckets - 1)];
	buckets[h & (n_buckets - 1)] = e;
	link_newest(e);
	total += bytes;
	n_entries++;
	pthread_mutex_unlock(&lock);
}

void cache_set_budget(size_t bytes)
{
	pthread_mutex_lock(&lock);
	budget = bytes;
	make_room(0);
	pthread_mutex_unlock(&lock);
}

void cache_clear(void)
{
	pthread_mutex_lock(&lock);
	while (oldest)
		drop(oldest);
	free(buckets);
	buckets = NULL;
	n_buckets = 0;
	pthread_mutex_unlock(&lock);
}

size_t cache_bytes(void)
{
	size_t n;

	pthread_mutex_lock(&lock);
	n = total;
	pthread_mutex_unlock(&lock);
	return n;
}

size_t cache_count(void)
{
	size_t n;

	pthread_mutex_lock(&lock);
	n = n_entries;
	pthread_mutex_unlock(&lock);
	return n;
}
