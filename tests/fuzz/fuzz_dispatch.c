/*
 * fuzz_dispatch.c: libFuzzer target for http_dispatch(), the whole
 * request path after the socket: Host, Origin and form-token checks,
 * routing, every page and API handler, the response cache.
 *
 * Input, in the shape of an HTTP request:
 *
 *	METHOD /path?query\n
 *	Name: value\n          (headers; "X-Fuzz-Port: 8080" sets
 *	...                     http_allowed_port for this request)
 *	\n
 *	body
 *
 * What the server refuses before dispatching (a NUL in the request, a path
 * or query that is not UTF-8, too many query parameters) is skipped;
 * headers that are not UTF-8 are dropped, as the server drops them.
 *
 * Checked for every response: a status 100-599 and a content type; text
 * and JSON bodies valid UTF-8 without NUL; JSON bodies that Jansson
 * reads; no <script in HTML (safer never writes one, so one would be
 * injected); header values without CR or LF; a 303's Location within
 * safer; a 405's Allow.  A write that fails (any status but 200, 201,
 * 303) must leave the data exactly as it was.
 *
 * The demo store is loaded once (it takes a second: it generates a year
 * of crime data); each input runs inside a transaction that is rolled
 * back afterwards, so every input starts from the same data.
 */
#include <stdint.h>

#include <jansson.h>

#include "base/text.h"
#include "demo/demo.h"
#include "http/http.h"
#include "routes.h"
#include "store/store_action.h"
#include "store/store_fund.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TODAY "2021-06-01"

static struct store *store;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct err e = ERR_INIT;
	enum demo_result res;

	UNUSED(argc);
	UNUSED(argv);
	store = store_open(":memory:", true, &e);
	if (!store || demo_load(store, &res, &e) < 0) {
		fprintf(stderr, "fuzz_dispatch: cannot set up the store: %s\n",
			e.msg);
		abort();
	}
	return 0;
}

static void begin_input(void)
{
	struct err e = ERR_INIT;

	if (store_begin(store, &e) < 0) {
		fprintf(stderr, "store_begin: %s\n", e.msg);
		abort();
	}
}

/* Undo the input's writes; a handler that left a transaction of its own
 * open shows here. */
static void end_input(void)
{
	store_rollback(store);
	if (store_read_begin(store, NULL) < 0) {
		fprintf(stderr, "a transaction was left open\n");
		abort();
	}
	store_read_end(store);
}

/* Everything a request can change, written out, to compare before and
 * after a write that failed. */
static void fingerprint(struct buf *b)
{
	struct arena a = ARENA_INIT;
	struct err e = ERR_INIT;
	struct action_filter f = { .today = TODAY };
	struct action *x;
	struct award *w;
	struct fund *fd;
	size_t n;

	x = store_actions(store, &a, &f, &n, &e);
	if (!x)
		abort();
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "a%lld|%lld|%lld|%lld|%s|%s|%lld|%s|%s|%s|%s|%lld\n",
			   (long long)x[i].id, (long long)x[i].plan_id,
			   (long long)x[i].theme_id, (long long)x[i].priority_id,
			   x[i].title, x[i].description ? x[i].description : "-",
			   (long long)x[i].owner_id, x[i].due_on ? x[i].due_on : "-",
			   x[i].status, x[i].rag ? x[i].rag : "-", x[i].updated_at,
			   (long long)x[i].n_updates);
	fd = store_funds(store, &a, NULL, false, &n, &e);
	if (!fd)
		abort();
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "f%lld|%s|%s|%s|%lld|%s\n", (long long)fd[i].id,
			   fd[i].name, fd[i].year, fd[i].grantor ? fd[i].grantor : "-",
			   (long long)fd[i].allocation_pence,
			   fd[i].note ? fd[i].note : "-");
	w = store_awards(store, &a, 0, &n, &e);
	if (!w)
		abort();
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "w%lld|%lld|%s|%s|%d|%lld|%lld|%s|%s\n",
			   (long long)w[i].id, (long long)w[i].fund_id,
			   w[i].recipient, w[i].purpose ? w[i].purpose : "-",
			   w[i].has_amount, (long long)w[i].amount_pence,
			   (long long)w[i].priority_id, w[i].status,
			   w[i].note ? w[i].note : "-");
	arena_release(&a);
}

static enum http_method method_of(const char *m)
{
	static const struct {
		const char *name;
		enum http_method method;
	} map[] = {
		{ "GET", HTTP_GET },     { "HEAD", HTTP_HEAD },
		{ "POST", HTTP_POST },   { "PATCH", HTTP_PATCH },
		{ "PUT", HTTP_PUT },     { "DELETE", HTTP_DELETE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (strcmp(map[i].name, m) == 0)
			return map[i].method;
	return HTTP_OTHER;
}

/* The next line of *p (without its \n or \r\n), or NULL at the end. */
static char *next_line(char **p)
{
	char *line = *p, *nl;

	if (!line)
		return NULL;
	nl = strchr(line, '\n');
	if (nl) {
		*nl = '\0';
		*p = nl + 1;
	} else {
		*p = NULL;
	}
	if (*line && line[strlen(line) - 1] == '\r')
		line[strlen(line) - 1] = '\0';
	return line;
}

static void check_response(const struct resp *w)
{
	const char *type = w->content_type;

	if (w->status < 100 || w->status > 599 || !type || w->body.overflow)
		abort();
	if ((strncmp(type, "text/", 5) == 0 ||
	     strncmp(type, "application/json", 16) == 0) &&
	    (strlen(w->body.ptr) != w->body.len ||
	     !utf8_valid(w->body.ptr, w->body.len)))
		abort();
	if (strncmp(type, "application/json", 16) == 0) {
		json_error_t jerr;
		json_t *j = json_loadb(w->body.ptr, w->body.len, 0, &jerr);

		if (!j) {
			fprintf(stderr, "not JSON (%s): %s\n", jerr.text, w->body.ptr);
			abort();
		}
		json_decref(j);
	}
	if (strncmp(type, "text/html", 9) == 0 && strcasestr(w->body.ptr, "<script"))
		abort();
	for (size_t i = 0; i < w->n_headers; i++) {
		const char *v = w->headers[i].value;

		if (!w->headers[i].key || !v || strpbrk(v, "\r\n") ||
		    !utf8_valid(v, strlen(v)))
			abort();
	}
	if (w->status == 303) {
		const char *loc = NULL;

		for (size_t i = 0; i < w->n_headers; i++)
			if (strcmp(w->headers[i].key, "Location") == 0)
				loc = w->headers[i].value;
		if (!loc || loc[0] != '/' || loc[1] == '/' || loc[1] == '\\')
			abort();
	}
	if (w->status == 405) {
		bool allow = false;

		for (size_t i = 0; i < w->n_headers; i++)
			allow |= strcmp(w->headers[i].key, "Allow") == 0;
		if (!allow)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct req r = { 0 };
	struct resp w = { .body = BUF_INIT };
	struct kv *headers;
	struct err e = ERR_INIT;
	struct buf before = BUF_INIT, after = BUF_INIT;
	char *text, *p, *line, *sp, *q;
	size_t n_headers = 0;
	bool writes;

	if (size > HTTP_MAX_BODY)
		return 0;
	text = arena_alloc(&a, size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	if (memchr(text, '\0', size))
		goto out; /* the server refuses a NUL anywhere */
	p = text;

	/* The request line. */
	line = next_line(&p);
	sp = strchr(line, ' ');
	if (sp) {
		*sp = '\0';
		r.path = sp + 1;
	} else {
		r.path = "/";
	}
	r.method = method_of(line);
	q = strchr(r.path, '?');
	if (q) {
		*q++ = '\0';
		if (http_parse_urlencoded(&a, q, strlen(q), &r.query, &r.n_query,
					  200, &e) < 0)
			goto out;
	}
	if (!utf8_valid(r.path, strlen(r.path)))
		goto out;

	/* Headers, up to an empty line. */
	headers = arena_array(&a, 64, sizeof(*headers));
	while ((line = next_line(&p)) && *line) {
		char *colon = strchr(line, ':'), *v;

		if (!colon || colon == line || n_headers == 64)
			continue;
		*colon = '\0';
		v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		if (!utf8_valid(line, strlen(line)) || !utf8_valid(v, strlen(v)))
			continue;
		if (strcmp(line, "X-Fuzz-Port") == 0) {
			http_allowed_port = v;
			continue;
		}
		headers[n_headers].key = line;
		headers[n_headers].value = v;
		n_headers++;
	}

	r.arena = &a;
	r.site = &safer_site;
	r.store = store;
	r.headers = headers;
	r.n_headers = n_headers;
	r.body = p ? p : "";
	r.body_len = strlen(r.body);
	memcpy(r.today, TODAY, sizeof(TODAY));

	writes = r.method != HTTP_GET && r.method != HTTP_HEAD;
	begin_input();
	if (writes)
		fingerprint(&before);
	http_dispatch(&r, &w);
	check_response(&w);
	if (writes && w.status != 200 && w.status != 201 && w.status != 303) {
		fingerprint(&after);
		if (strcmp(before.ptr, after.ptr) != 0) {
			fprintf(stderr, "a failed write (%d) changed the data\n",
				w.status);
			abort();
		}
	}
	end_input();
out:
	http_allowed_port = NULL;
	buf_release(&before);
	buf_release(&after);
	buf_release(&w.body);
	arena_release(&a);
	return 0;
}
