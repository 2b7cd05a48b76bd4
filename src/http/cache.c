/*
 * cache.c: a per-thread cache of whole responses to GET requests.
 *
 * Pages and API answers that depend only on the address, today's date and
 * the data are kept once built (routes say which, with ROUTE_CACHE; pages
 * that carry a form token never are).  A cached response is used only
 * while the database is exactly as it was when the response was built:
 * the generation stored with it must equal the current one, which changes
 * whenever anyone commits (another connection, thread or process, seen
 * through the store's data version) or this thread itself handles a
 * request that may write.  So a cached page is never stale, and the cache
 * needs no invalidation rules of its own.
 *
 * Each worker thread has its own table, so there is no locking.  The
 * table holds at most CACHE_SLOTS responses of at most CACHE_MAX_BODY
 * bytes; a colliding entry is replaced.
 */
#include "cache.h"

#define CACHE_SLOTS 256
#define CACHE_MAX_BODY (512 * 1024)

struct entry {
	char *key;
	uint64_t generation;
	int status;
	const char *content_type; /* a string literal of the handler's */
	struct kv headers[4];     /* names are literals; values are copies */
	size_t n_headers;
	char *body;
	size_t len;
};

static __thread struct entry table[CACHE_SLOTS];
static __thread uint64_t local_writes;

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

static void entry_free(struct entry *e)
{
	free(e->key);
	free(e->body);
	for (size_t i = 0; i < e->n_headers; i++)
		free((char *)e->headers[i].value);
	memset(e, 0, sizeof(*e));
}

uint64_t cache_generation(int64_t data_version)
{
	return ((uint64_t)data_version << 32) ^ local_writes;
}

void cache_note_write(void)
{
	local_writes++;
}

bool cache_get(const char *key, uint64_t generation, struct resp *w)
{
	struct entry *e = &table[hash(key) % CACHE_SLOTS];

	if (!e->key || e->generation != generation || strcmp(e->key, key) != 0)
		return false;
	w->status = e->status;
	w->content_type = e->content_type;
	for (size_t i = 0; i < e->n_headers; i++)
		resp_header(w, e->headers[i].key, e->headers[i].value);
	buf_reset(&w->body);
	buf_add(&w->body, e->body, e->len);
	return true;
}

void cache_put(const char *key, uint64_t generation, const struct resp *w)
{
	struct entry *e = &table[hash(key) % CACHE_SLOTS];

	if (w->status != 200 || w->body.len > CACHE_MAX_BODY ||
	    w->n_headers > ARRAY_SIZE(e->headers))
		return;
	entry_free(e);
	e->key = xstrdup(key);
	e->generation = generation;
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
}

void cache_clear(void)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++)
		entry_free(&table[i]);
}
