/*
 * dispatch.c: from a parsed request to a response.
 *
 * Before any handler runs, http_dispatch() checks what every request
 * must satisfy: a Host that names this server (against DNS rebinding when
 * serving on loopback), and for a request that changes something, an
 * Origin that is this server, and either a form token that matches the
 * client's cookie (pages) or a JSON body (API: browsers cannot send one
 * across sites without asking first).  Then it finds the route.
 */
#include <sodium.h>
#include <strings.h>

#include "base/esc.h"
#include "base/text.h"
#include "cache.h"
#include "http.h"
#include "store/store.h"

const char *http_allowed_port;
bool http_cache_enabled = true;
bool http_listen_loopback = true;
bool http_behind_https;

#define CSRF_COOKIE "safer_csrf"
#define CSRF_LEN 32     /* hex digits of a token made here */
#define CSRF_MAX_LEN 128 /* of a token read (the site's may be longer) */

const char *http_cookie_attributes(void)
{
	return http_behind_https ? "; Path=/; HttpOnly; SameSite=Strict; Secure"
				 : "; Path=/; HttpOnly; SameSite=Strict";
}

/* Send an error in the form the client reads: the site's writer knows. */
static void fail(struct req *r, struct resp *w, int status, const char *code,
		 const char *message)
{
	r->site->error(r, w, status, code, message, NULL);
}

/* Match path against pattern, filling r->ids from the {id} parts. */
static bool match(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	size_t n_ids = 0;

	while (*p && *s) {
		if (strncmp(p, "{id}", 4) == 0) {
			int64_t v = 0;

			if (*s < '1' || *s > '9')
				return false;
			while (*s >= '0' && *s <= '9') {
				if (v > (INT64_MAX - 9) / 10)
					return false;
				v = v * 10 + (*s++ - '0');
			}
			if (n_ids < HTTP_MAX_PARAMS)
				r->ids[n_ids++] = v;
			p += 4;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*p || *s)
		return false;
	r->n_ids = n_ids;
	return true;
}

/* Step through a route's params ("area type* by"): the next name at *p,
 * its length without the '*', and whether it may be repeated; false at
 * the end. */
static bool next_param(const char **p, const char **name, size_t *len,
		       bool *repeatable)
{
	size_t n;

	if (!*p || !**p)
		return false;
	n = strcspn(*p, " ");
	*name = *p;
	*repeatable = n > 0 && (*p)[n - 1] == '*';
	*len = n - *repeatable;
	*p += n;
	*p += **p == ' ';
	return true;
}

bool http_route_param(const struct route *rt, const char *name,
		      bool *repeatable)
{
	const char *p = rt->params, *param;
	size_t n = strlen(name), len;
	bool star;

	while (next_param(&p, &param, &len, &star))
		if (len == n && memcmp(param, name, n) == 0) {
			if (repeatable)
				*repeatable = star;
			return true;
		}
	return false;
}

/* The query as the route declares it (see struct route): r->query keeps
 * only the declared parameters, in the order declared, each once unless
 * repeatable.  On a page the rest is dropped; the API refuses it with
 * 400 naming the first parameter at fault (in the order sent).  False
 * when w is filled. */
static bool declared_query(struct req *r, struct resp *w)
{
	const struct route *rt = r->route;
	bool api = rt->flags & ROUTE_JSON, star;
	struct kv *kept;
	size_t n = 0, len;

	for (size_t i = 0; api && i < r->n_query; i++) {
		const char *key = r->query[i].key;
		bool repeatable;

		if (!http_route_param(rt, key, &repeatable)) {
			r->site->error(r, w, 400, "invalid",
				       arena_printf(r->arena,
						    "unknown query parameter '%.100s'",
						    key),
				       key);
			return false;
		}
		for (size_t k = 0; !repeatable && k < i; k++)
			if (strcmp(r->query[k].key, key) == 0) {
				r->site->error(r, w, 400, "invalid",
					       arena_printf(r->arena,
							    "query parameter '%.100s' "
							    "is given more than once",
							    key),
					       key);
				return false;
			}
	}
	if (!r->n_query)
		return true;
	kept = arena_array(r->arena, r->n_query, sizeof(*kept));
	for (const char *p = rt->params, *param;
	     next_param(&p, &param, &len, &star);)
		for (size_t i = 0; i < r->n_query; i++) {
			const char *key = r->query[i].key;

			if (strlen(key) != len || memcmp(key, param, len) != 0)
				continue;
			kept[n++] = r->query[i];
			if (!star)
				break;
		}
	r->query = kept;
	r->n_query = n;
	return true;
}

/* Is the Host header one of the names of this server on loopback? */
static bool host_allowed(const struct req *r)
{
	static const char *const names[] = { "127.0.0.1:", "localhost:",
					     "[::1]:" };
	const char *host = http_header(r, "Host");

	if (!http_allowed_port)
		return true;
	if (!host)
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		size_t n = strlen(names[i]);

		if (strncasecmp(host, names[i], n) == 0 &&
		    strcmp(host + n, http_allowed_port) == 0)
			return true;
	}
	return false;
}

/* A request from another site must not change anything.  Origin, when a
 * browser sends it, must be this server; Sec-Fetch-Site must not say
 * cross-site. */
static bool same_origin(const struct req *r)
{
	const char *origin = http_header(r, "Origin");
	const char *site = http_header(r, "Sec-Fetch-Site");
	const char *host = http_header(r, "Host");

	if (site && strcmp(site, "cross-site") == 0)
		return false;
	if (!origin)
		return true;
	if (!host)
		return false;
	if (strncmp(origin, "http://", 7) == 0)
		origin += 7;
	else if (strncmp(origin, "https://", 8) == 0)
		origin += 8;
	else
		return false;
	return strcasecmp(origin, host) == 0;
}

/* Read this client's form token from its cookie, or make a new one. */
static void read_csrf(struct req *r)
{
	const char *cookie = http_header(r, "Cookie");
	unsigned char raw[CSRF_LEN / 2];
	char *hex;

	for (const char *c = cookie; c && (c = strstr(c, CSRF_COOKIE "="));) {
		const char *v = c + strlen(CSRF_COOKIE "=");
		size_t len = strspn(v, "0123456789abcdef");

		if ((c == cookie || c[-1] == ' ' || c[-1] == ';') &&
		    len >= CSRF_LEN && len <= CSRF_MAX_LEN &&
		    (v[len] == '\0' || v[len] == ';')) {
			r->csrf = arena_strndup(r->arena, v, len);
			return;
		}
		c = v;
	}
	randombytes_buf(raw, sizeof(raw));
	hex = arena_alloc(r->arena, CSRF_LEN + 1);
	sodium_bin2hex(hex, CSRF_LEN + 1, raw, sizeof(raw));
	r->csrf = hex;
	r->csrf_new = true;
}

static bool csrf_ok(const struct req *r)
{
	const char *sent = http_form(r, "csrf");
	size_t n = r->csrf ? strlen(r->csrf) : 0;

	return sent && !r->csrf_new && n && strlen(sent) == n &&
	       sodium_memcmp(sent, r->csrf, n) == 0;
}

static bool content_type_is(const struct req *r, const char *type)
{
	const char *ct = http_header(r, "Content-Type");
	size_t n = strlen(type);

	return ct && strncasecmp(ct, type, n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Checks for a request that changes something; false when w is filled. */
static bool check_write(struct req *r, struct resp *w,
			const struct route *route)
{
	struct err e = ERR_INIT;

	if (!same_origin(r)) {
		fail(r, w, 403, "forbidden",
		     "requests from other sites cannot change anything here");
		return false;
	}
	if (route->flags & ROUTE_UPLOAD)
		return true;
	if (route->flags & ROUTE_JSON) {
		if (!content_type_is(r, "application/json")) {
			fail(r, w, 415, "unsupported_media_type",
			     "the body must be JSON sent as "
			     "Content-Type: application/json");
			return false;
		}
		return true;
	}
	if (!content_type_is(r, "application/x-www-form-urlencoded")) {
		fail(r, w, 415, "unsupported_media_type",
		     "This page only accepts forms sent by a browser.");
		return false;
	}
	if (http_parse_urlencoded(r->arena, r->body, r->body_len, &r->form,
				  &r->n_form, 1000, &e) < 0) {
		fail(r, w, 400, "invalid", e.msg);
		return false;
	}
	if (!csrf_ok(r)) {
		fail(r, w, 403, "forbidden",
		     "This form has expired or did not come from "
		     "safer. Go back, reload the page and try again.");
		return false;
	}
	return true;
}

static void add_allow(struct req *r, struct resp *w, unsigned methods)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ HTTP_GET, "GET" },     { HTTP_HEAD, "HEAD" },
		{ HTTP_POST, "POST" },   { HTTP_PATCH, "PATCH" },
		{ HTTP_PUT, "PUT" },     { HTTP_DELETE, "DELETE" },
	};
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (methods & names[i].bit)
			buf_printf(&b, "%s%s", b.len ? ", " : "", names[i].name);
	resp_header(w, "Allow", arena_strdup(r->arena, b.ptr));
	buf_release(&b);
}

/* The cache key of a GET: whom it is for (the site's audience), the
 * path, the declared query (declared_query has put it in the route's
 * order and dropped the rest), and the date. */
static const char *cache_key(const struct req *r)
{
	struct buf b = BUF_INIT;
	const char *key;

	if (r->auth.audience)
		buf_printf(&b, "%s ", r->auth.audience);
	esc_adds(&b, ESC_URL, r->path);
	for (size_t i = 0; i < r->n_query; i++) {
		buf_addc(&b, i ? '&' : '?');
		esc_adds(&b, ESC_URL, r->query[i].key);
		buf_addc(&b, '=');
		esc_adds(&b, ESC_URL, r->query[i].value);
	}
	buf_printf(&b, "|%s%s", r->today, r->auth.anonymous ? "|public" : "");
	key = arena_strdup(r->arena, b.ptr);
	buf_release(&b);
	return key;
}

/* Run a GET: from the cache if the route allows and the data has not
 * changed, else by the handler inside one read transaction. */
static void run_get(struct req *r, struct resp *w, const struct route *route)
{
	bool cached = (route->flags & ROUTE_CACHE) && r->store &&
		      http_cache_enabled;
	uint64_t gen = 0;
	const char *key = NULL;
	struct err e = ERR_INIT;

	if (cached) {
		gen = cache_generation(store_data_version(r->store));
		key = cache_key(r);
		if (cache_get(key, gen, w))
			return;
	}
	if (r->store && store_read_begin(r->store, &e) < 0) {
		fprintf(stderr, "safer: %s\n", e.msg);
		fail(r, w, 503, "unavailable",
		     "the database cannot be read just now; try again");
		return;
	}
	route->handler(r, w);
	if (r->store)
		store_read_end(r->store);
	if (cached)
		cache_put(key, gen, w);
}

/* http_dispatch without what every response gets at the end. */
static void dispatch(struct req *r, struct resp *w)
{
	const struct route *found = NULL;
	unsigned allowed = 0;
	unsigned method = r->method == HTTP_HEAD ? HTTP_GET : r->method;

	w->status = 200;
	w->content_type = "text/html; charset=utf-8";
	if (!r->today[0])
		text_today(r->today);
	read_csrf(r);
	if (!host_allowed(r)) {
		fail(r, w, 400, "bad_host",
		     "this server answers only to its own address "
		     "(127.0.0.1 or localhost)");
		return;
	}
	for (size_t i = 0; i < r->site->n_routes; i++) {
		const struct route *rt = &r->site->routes[i];

		if (!match(rt->pattern, r->path, r))
			continue;
		allowed |= rt->methods;
		if (rt->methods & method) {
			found = rt;
			break;
		}
	}
	if (!found) {
		if (allowed) {
			add_allow(r, w, allowed | (allowed & HTTP_GET ? HTTP_HEAD : 0));
			fail(r, w, 405, "method_not_allowed",
			     "this address does not accept that method");
		} else {
			fail(r, w, 404, "not_found", "there is nothing at this address");
		}
		return;
	}
	r->route = found;
	/* Who asks, and whether they may: before the form token is checked,
	 * since a session brings its own. */
	if (r->site->authorize && r->site->authorize(r, w) != 0)
		return;
	if (method != HTTP_GET) {
		/* Before: this thread's own commit does not change its data
		 * version.  After: what other threads built and kept while
		 * the write was under way may be older than it. */
		cache_note_write();
		if (check_write(r, w, found) && declared_query(r, w))
			found->handler(r, w);
		cache_note_write();
		return;
	}
	if (declared_query(r, w))
		run_get(r, w, found);
}

void http_dispatch(struct req *r, struct resp *w)
{
	dispatch(r, w);
	if (r->route && (r->route->flags & ROUTE_NO_STORE) &&
	    !resp_get_header(w, "Cache-Control"))
		resp_header(w, "Cache-Control", "no-store");
	resp_finish(w);
}
