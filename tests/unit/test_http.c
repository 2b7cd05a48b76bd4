/*
 * test_http.c: unit tests of src/http/request.c and src/http/dispatch.c.
 *
 * Form and query decoding byte for byte; then whole requests built by
 * hand and run through http_dispatch() against an in-memory store with
 * the Stockport demo, without a socket: routing with {id}, 404 and 405
 * with Allow, the Host check against DNS rebinding, the form token and
 * Origin checks that stop cross-site writes, and the JSON API's media
 * type and error bodies; the query parameters each route declares; the
 * response cache's budget, eviction and keys.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>

#include "base/text.h"
#include "demo/demo.h"
#include "http/cache.h"
#include "http/http.h"
#include "routes.h"
#include "store/store.h"

#define TODAY "2021-06-01"
/* A form token the site made (group_setup): a cookie and field that
 * someone made up do not pass (test_csrf_post). */
static char token_buf[200];
#define TOKEN ((const char *)token_buf)
#define MADE_UP "0123456789abcdef0123456789abcdef"
#define HOST "127.0.0.1:8080"

static struct store *store;

/* ------------------------------------------------------------------ */
/* http_parse_urlencoded                                               */
/* ------------------------------------------------------------------ */

struct parsed {
	struct arena a;
	struct kv *kv;
	size_t n;
	struct err e;
	int rc;
};

static void parse_n(struct parsed *p, const char *s, size_t n, size_t max)
{
	memset(p, 0, sizeof(*p));
	p->rc = http_parse_urlencoded(&p->a, s, n, &p->kv, &p->n, max, &p->e);
}

static void parse(struct parsed *p, const char *s)
{
	parse_n(p, s, strlen(s), 100);
}

static void pair(const struct parsed *p, size_t i, const char *key,
		 const char *value)
{
	assert_true(i < p->n);
	assert_string_equal(p->kv[i].key, key);
	assert_string_equal(p->kv[i].value, value);
}

static void test_urlencoded(void **state)
{
	struct parsed p;

	UNUSED(state);
	parse(&p, "a=1&b=two+words&c=%3C%2fx%3E");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 3);
	pair(&p, 0, "a", "1");
	pair(&p, 1, "b", "two words");
	pair(&p, 2, "c", "</x>");
	arena_release(&p.a);

	/* Names without values, values without names, empty pairs. */
	parse(&p, "a&=v&b=&&c=%26%3D&");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 4);
	pair(&p, 0, "a", "");
	pair(&p, 1, "", "v");
	pair(&p, 2, "b", "");
	pair(&p, 3, "c", "&=");
	arena_release(&p.a);

	/* '=' in a value is part of the value; repeated names are kept in
	 * order. */
	parse(&p, "q=a=b&q=2");
	assert_int_equal(p.n, 2);
	pair(&p, 0, "q", "a=b");
	pair(&p, 1, "q", "2");
	arena_release(&p.a);

	/* Encodings of '+', '%' and UTF-8. */
	parse(&p, "x=%2B%25+%2b&y=caf%C3%A9&z=caf\xC3\xA9&%41%42=%4a");
	assert_int_equal(p.n, 4);
	pair(&p, 0, "x", "+% +");
	pair(&p, 1, "y", "caf\xC3\xA9");
	pair(&p, 2, "z", "caf\xC3\xA9");
	pair(&p, 3, "AB", "J");
	arena_release(&p.a);

	/* A '%' without two hex digits is kept as it is. */
	parse(&p, "a=%&b=%4&c=%zz&d=100%&e=%%41&f=%4G");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 6);
	pair(&p, 0, "a", "%");
	pair(&p, 1, "b", "%4");
	pair(&p, 2, "c", "%zz");
	pair(&p, 3, "d", "100%");
	pair(&p, 4, "e", "%A");
	pair(&p, 5, "f", "%4G");
	arena_release(&p.a);
	parse(&p, "%41");
	pair(&p, 0, "A", "");
	arena_release(&p.a);
	parse(&p, "k=%4");
	pair(&p, 0, "k", "%4");
	arena_release(&p.a);
}

static void test_urlencoded_empty(void **state)
{
	struct parsed p;

	UNUSED(state);
	parse(&p, "");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 0);
	assert_null(p.kv);
	arena_release(&p.a);
	parse(&p, "&&&");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 0);
	arena_release(&p.a);
	/* Only n bytes are read. */
	parse_n(&p, "a=1&b=2", 3, 100);
	assert_int_equal(p.n, 1);
	pair(&p, 0, "a", "1");
	arena_release(&p.a);
	parse_n(&p, "a=%41", 4, 100);
	pair(&p, 0, "a", "%4");
	arena_release(&p.a);
}

static void test_urlencoded_invalid(void **state)
{
	struct parsed p;

	UNUSED(state);
	/* Invalid UTF-8 in a value names the parameter. */
	parse(&p, "ok=1&title=%FF");
	assert_int_equal(p.rc, -1);
	assert_int_equal(p.e.code, ERR_INVALID);
	assert_string_equal(p.e.field, "title");
	assert_string_equal(p.e.msg, "is not valid UTF-8 text");
	assert_int_equal(p.n, 0);
	arena_release(&p.a);
	parse(&p, "title=caf\xC3");
	assert_int_equal(p.rc, -1);
	assert_string_equal(p.e.field, "title");
	arena_release(&p.a);
	parse(&p, "title=%ED%A0%80");
	assert_int_equal(p.rc, -1);
	assert_string_equal(p.e.field, "title");
	arena_release(&p.a);
	/* A NUL, encoded or raw, is not text. */
	parse(&p, "title=a%00b");
	assert_int_equal(p.rc, -1);
	assert_string_equal(p.e.field, "title");
	assert_string_equal(p.e.msg, "is not valid UTF-8 text");
	arena_release(&p.a);
	parse_n(&p, "title=a\0b", 9, 100);
	assert_int_equal(p.rc, -1);
	assert_string_equal(p.e.field, "title");
	arena_release(&p.a);
	/* In a name: no field to name. */
	parse(&p, "%FF=1");
	assert_int_equal(p.rc, -1);
	assert_int_equal(p.e.code, ERR_INVALID);
	assert_string_equal(p.e.field, "");
	assert_string_equal(p.e.msg, "a parameter name is not valid UTF-8 text");
	arena_release(&p.a);
}

static void test_urlencoded_max(void **state)
{
	struct parsed p;

	UNUSED(state);
	parse_n(&p, "a&b&c", 5, 3);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 3);
	arena_release(&p.a);
	parse_n(&p, "a&b&c&d", 7, 3);
	assert_int_equal(p.rc, -1);
	assert_int_equal(p.e.code, ERR_INVALID);
	assert_string_equal(p.e.field, "");
	assert_string_equal(p.e.msg, "too many parameters (at most 3)");
	assert_int_equal(p.n, 0);
	assert_null(p.kv);
	arena_release(&p.a);
}

/* ------------------------------------------------------------------ */
/* Requests through http_dispatch                                      */
/* ------------------------------------------------------------------ */

struct t {
	struct arena a;
	struct req r;
	struct resp w;
	struct kv headers[12];
	json_t *json; /* the body, parsed, for JSON responses */
};

static void start(struct t *t, enum http_method method, const char *path)
{
	memset(t, 0, sizeof(*t));
	t->r.arena = &t->a;
	t->r.site = &safer_site;
	t->r.store = store;
	t->r.method = method;
	t->r.path = path;
	t->r.headers = t->headers;
	t->r.body = "";
	memcpy(t->r.today, TODAY, sizeof(TODAY));
	buf_init(&t->w.body, 0);
}

static void header(struct t *t, const char *name, const char *value)
{
	assert_true(t->r.n_headers < ARRAY_SIZE(t->headers));
	t->headers[t->r.n_headers].key = name;
	t->headers[t->r.n_headers].value = value;
	t->r.n_headers++;
}

static void query(struct t *t, const char *q)
{
	struct err e = ERR_INIT;

	assert_int_equal(http_parse_urlencoded(&t->a, q, strlen(q), &t->r.query,
					       &t->r.n_query, 200, &e), 0);
}

static void body(struct t *t, const char *content_type, const char *b)
{
	if (content_type)
		header(t, "Content-Type", content_type);
	t->r.body = b;
	t->r.body_len = strlen(b);
}

/* A form post that passes the form-token check. */
static void form(struct t *t, const char *fields)
{
	header(t, "Cookie", arena_printf(&t->a, "safer_csrf=%s", TOKEN));
	body(t, "application/x-www-form-urlencoded",
	     arena_printf(&t->a, "csrf=%s&%s", TOKEN, fields));
}

/* Run the request; every response has a status, a type and a body of
 * valid UTF-8; a JSON one is parsed into t->json. */
static int run(struct t *t)
{
	http_dispatch(&t->r, &t->w);
	assert_true(t->w.status >= 100 && t->w.status <= 599);
	assert_non_null(t->w.content_type);
	assert_false(t->w.body.overflow);
	if (!utf8_valid(t->w.body.ptr, t->w.body.len))
		fail_msg("%s: the body is not valid UTF-8", t->r.path);
	if (strncmp(t->w.content_type, "application/json", 16) == 0) {
		json_error_t jerr;

		t->json = json_loadb(t->w.body.ptr, t->w.body.len, 0, &jerr);
		if (!t->json)
			fail_msg("%s: not JSON (%s): %s", t->r.path, jerr.text,
				 t->w.body.ptr);
	}
	return t->w.status;
}

static void finish(struct t *t)
{
	json_decref(t->json);
	buf_release(&t->w.body);
	arena_release(&t->a);
}

static const char *resp_get(const struct t *t, const char *name)
{
	for (size_t i = 0; i < t->w.n_headers; i++)
		if (strcmp(t->w.headers[i].key, name) == 0)
			return t->w.headers[i].value;
	return NULL;
}

static bool body_has(const struct t *t, const char *s)
{
	return strstr(t->w.body.ptr, s) != NULL;
}

/* The "error" object of a JSON error response. */
static void api_error(const struct t *t, const char *code, const char *field,
		      const char *message)
{
	json_t *err = json_object_get(t->json, "error");
	json_t *f;

	assert_true(json_is_object(err));
	assert_string_equal(json_string_value(json_object_get(err, "code")), code);
	f = json_object_get(err, "field");
	if (field)
		assert_string_equal(json_string_value(f), field);
	else
		assert_true(json_is_null(f));
	if (message)
		assert_string_equal(json_string_value(json_object_get(err, "message")),
				    message);
}

/* One whole GET: status and content type. */
static void get(const char *path, int status, const char *type)
{
	struct t t;

	start(&t, HTTP_GET, path);
	if (run(&t) != status)
		fail_msg("GET %s gave %d, want %d", path, t.w.status, status);
	if (strncmp(t.w.content_type, type, strlen(type)) != 0)
		fail_msg("GET %s gave %s, want %s", path, t.w.content_type, type);
	finish(&t);
}

static int group_setup(void **state)
{
	struct err e = ERR_INIT;
	enum demo_result res;

	UNUSED(state);
	store = store_open(":memory:", true, &e);
	if (!store) {
		fprintf(stderr, "cannot open the store: %s\n", e.msg);
		return -1;
	}
	if (demo_load(store, &res, &e) < 0) {
		fprintf(stderr, "cannot load the demo: %s\n", e.msg);
		return -1;
	}
	{
		/* A form token as the site gives it. */
		struct t t;

		start(&t, HTTP_GET, "/actions/new");
		if (run(&t) != 200 || !t.r.csrf_new)
			return -1;
		snprintf(token_buf, sizeof(token_buf), "%s", t.r.csrf);
		finish(&t);
	}
	return 0;
}

static int group_teardown(void **state)
{
	UNUSED(state);
	cache_clear();
	store_close(store);
	return 0;
}

static int test_setup(void **state)
{
	UNUSED(state);
	http_allowed_port = NULL;
	cache_clear();
	return 0;
}

static void test_routes(void **state)
{
	UNUSED(state);
	get("/", 200, "text/html; charset=utf-8");
	get("/plans", 200, "text/html");
	get("/plans/1", 200, "text/html");
	get("/themes/1", 200, "text/html");
	get("/priorities/14", 200, "text/html");
	get("/actions", 200, "text/html");
	get("/actions/1", 200, "text/html");
	get("/actions/20/edit", 200, "text/html");
	get("/actions/new", 200, "text/html");
	get("/actions.csv", 200, "text/csv");
	get("/awards.csv", 200, "text/csv");
	get("/funding", 200, "text/html");
	get("/funds/1", 200, "text/html");
	get("/funds/1/edit", 200, "text/html");
	get("/funds/1/awards/new", 200, "text/html");
	get("/awards/1/edit", 200, "text/html");
	get("/governance", 200, "text/html");
	get("/outcomes", 200, "text/html");
	get("/organisations", 200, "text/html");
	get("/static/safer.css", 200, "text/css");
	get("/healthz", 200, "application/json");
	get("/api/v1/plans", 200, "application/json");
	get("/api/v1/plans/1", 200, "application/json");
	get("/api/v1/outcomes", 200, "application/json");
	get("/api/v1/funds", 200, "application/json");
	get("/api/v1/funds/1", 200, "application/json");
	get("/api/v1/awards", 200, "application/json");
	get("/api/v1/actions", 200, "application/json");
	get("/api/v1/actions/1", 200, "application/json");
	get("/api/v1/actions/1/updates", 200, "application/json");
	get("/api/v1/people", 200, "application/json");
	get("/api/v1/organisations", 200, "application/json");
	get("/api/v1/boards", 200, "application/json");
}

static void test_not_found(void **state)
{
	static const char *const pages[] = {
		"/nope", "/actions/0", "/actions/00", "/actions/01",
		"/actions/007", "/actions/-1", "/actions/+1", "/actions/1x",
		"/actions/x", "/actions/", "/actions/1/", "/actions//1",
		"/actions/99999999999999999999",
		"/actions/9223372036854775807",
		"/actions/9223372036854775808",
		"/actions/1/edit/", "/actions/1/editx", "/Actions", "//",
		"", "/plans/1 ", "/plans/%31", "/static/", "/static/../Makefile",
	};
	struct t t;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(pages); i++)
		get(pages[i], 404, "text/html");
	/* A page whose id matches but is not there. */
	get("/actions/12345", 404, "text/html");
	get("/plans/922337203685477580", 404, "text/html");

	/* Under /api/ the 404 is JSON. */
	start(&t, HTTP_GET, "/api/v1/nope");
	assert_int_equal(run(&t), 404);
	assert_string_equal(t.w.content_type, "application/json");
	assert_string_equal(t.w.body.ptr,
			    "{\"error\":{\"code\":\"not_found\",\"message\":"
			    "\"there is nothing at this address\",\"field\":null}}\n");
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/12345");
	assert_int_equal(run(&t), 404);
	api_error(&t, "not_found", NULL, "no such action: 12345");
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/0");
	assert_int_equal(run(&t), 404);
	api_error(&t, "not_found", NULL, "there is nothing at this address");
	finish(&t);
}

static void test_ids(void **state)
{
	struct t t;

	UNUSED(state);
	start(&t, HTTP_GET, "/actions/7/edit");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_ids, 1);
	assert_int_equal(t.r.ids[0], 7);
	finish(&t);
	start(&t, HTTP_GET, "/funds/2/awards/new");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_ids, 1);
	assert_int_equal(t.r.ids[0], 2);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/10");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.ids[0], 10);
	assert_int_equal(json_integer_value(json_object_get(t.json, "id")), 10);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/922337203685477580");
	assert_int_equal(run(&t), 404);
	assert_true(t.r.ids[0] == 922337203685477580);
	api_error(&t, "not_found", NULL, "no such action: 922337203685477580");
	finish(&t);
	start(&t, HTTP_GET, "/");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_ids, 0);
	finish(&t);
}

static void test_method_not_allowed(void **state)
{
	static const struct {
		enum http_method method;
		const char *path, *allow;
	} cases[] = {
		{ HTTP_DELETE, "/actions/1", "GET, HEAD, POST" },
		{ HTTP_PUT, "/actions/1", "GET, HEAD, POST" },
		{ HTTP_PATCH, "/", "GET, HEAD" },
		{ HTTP_POST, "/outcomes", "GET, HEAD" },
		{ HTTP_OTHER, "/actions", "GET, HEAD, POST" },
		{ HTTP_POST, "/actions/1/edit", "GET, HEAD" },
		{ HTTP_GET, "/actions/1/updates", "POST" },
		{ HTTP_POST, "/funds/1/awards/new", "GET, HEAD" },
	};
	struct t t;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		start(&t, cases[i].method, cases[i].path);
		if (run(&t) != 405)
			fail_msg("%s gave %d, want 405", cases[i].path, t.w.status);
		assert_non_null(resp_get(&t, "Allow"));
		assert_string_equal(resp_get(&t, "Allow"), cases[i].allow);
		assert_string_equal(t.w.content_type, "text/html; charset=utf-8");
		finish(&t);
	}
	start(&t, HTTP_DELETE, "/api/v1/actions/1/updates");
	assert_int_equal(run(&t), 405);
	assert_string_equal(resp_get(&t, "Allow"), "GET, HEAD, POST");
	api_error(&t, "method_not_allowed", NULL,
		  "this address does not accept that method");
	finish(&t);
	start(&t, HTTP_POST, "/api/v1/outcomes");
	assert_int_equal(run(&t), 405);
	assert_string_equal(resp_get(&t, "Allow"), "GET, HEAD");
	finish(&t);
	start(&t, HTTP_PATCH, "/api/v1/actions");
	assert_int_equal(run(&t), 405);
	assert_string_equal(resp_get(&t, "Allow"), "GET, HEAD, POST");
	finish(&t);
	/* HEAD is a GET. */
	start(&t, HTTP_HEAD, "/");
	assert_int_equal(run(&t), 200);
	finish(&t);
	start(&t, HTTP_HEAD, "/api/v1/actions/1");
	assert_int_equal(run(&t), 200);
	finish(&t);
}

static void check_host(const char *host, int status)
{
	struct t t;

	start(&t, HTTP_GET, "/");
	if (host)
		header(&t, "Host", host);
	if (run(&t) != status)
		fail_msg("Host '%s' gave %d, want %d", host ? host : "(none)",
			 t.w.status, status);
	finish(&t);
}

static void test_host(void **state)
{
	struct t t;

	UNUSED(state);
	/* Without a port to check, any Host is fine. */
	check_host("evil.com", 200);
	check_host(NULL, 200);

	http_allowed_port = "8080";
	check_host("127.0.0.1:8080", 200);
	check_host("localhost:8080", 200);
	check_host("LocalHost:8080", 200);
	check_host("[::1]:8080", 200);
	check_host("evil.com", 400);
	check_host("evil.com:8080", 400);
	check_host("127.0.0.1", 400);
	check_host("localhost", 400);
	check_host("127.0.0.1:8081", 400);
	check_host("127.0.0.1:80800", 400);
	check_host("127.0.0.1:808", 400);
	check_host("localhost:8080.evil.com", 400);
	check_host("localhost.evil.com:8080", 400);
	check_host("127.0.0.2:8080", 400);
	check_host("", 400);
	check_host(NULL, 400);

	start(&t, HTTP_GET, "/api/v1/plans");
	header(&t, "host", "evil.com");
	assert_int_equal(run(&t), 400);
	api_error(&t, "bad_host", NULL,
		  "this server answers only to its own address "
		  "(127.0.0.1 or localhost)");
	finish(&t);
	/* The Host check comes before everything, writes included. */
	start(&t, HTTP_POST, "/actions");
	header(&t, "Host", "evil.com");
	form(&t, "title=x&plan_id=1");
	assert_int_equal(run(&t), 400);
	finish(&t);
	http_allowed_port = NULL;
}

static void test_csrf_token(void **state)
{
	struct t t;

	UNUSED(state);
	/* A GET without a cookie gets a new token to set. */
	start(&t, HTTP_GET, "/actions/new");
	assert_int_equal(run(&t), 200);
	assert_true(t.r.csrf_new);
	assert_non_null(t.r.csrf);
	assert_int_equal(strlen(t.r.csrf), 32);
	assert_int_equal(strspn(t.r.csrf, "0123456789abcdef"), 32);
	assert_true(body_has(&t, t.r.csrf));
	finish(&t);
	/* A cookie is read, among others. */
	start(&t, HTTP_GET, "/actions/new");
	header(&t, "Cookie", arena_printf(&t.a, "theme=dark; safer_csrf=%s; other=1", TOKEN));
	assert_int_equal(run(&t), 200);
	assert_false(t.r.csrf_new);
	assert_string_equal(t.r.csrf, TOKEN);
	assert_true(body_has(&t, arena_printf(&t.a, "value=\"%s\"", TOKEN)));
	finish(&t);
	/* Not a cookie called safer_csrf. */
	start(&t, HTTP_GET, "/actions/new");
	header(&t, "Cookie", arena_printf(&t.a, "xsafer_csrf=%s", TOKEN));
	assert_int_equal(run(&t), 200);
	assert_true(t.r.csrf_new);
	assert_string_not_equal(t.r.csrf, TOKEN);
	finish(&t);
	/* Too short, too long, upper case: a new token. */
	start(&t, HTTP_GET, "/actions/new");
	header(&t, "Cookie", "safer_csrf=0123456789abcdef");
	run(&t);
	assert_true(t.r.csrf_new);
	finish(&t);
	start(&t, HTTP_GET, "/actions/new");
	header(&t, "Cookie", arena_printf(&t.a, "safer_csrf=%s0", TOKEN));
	run(&t);
	assert_true(t.r.csrf_new);
	finish(&t);
	start(&t, HTTP_GET, "/actions/new");
	header(&t, "Cookie", "safer_csrf=0123456789ABCDEF0123456789ABCDEF");
	run(&t);
	assert_true(t.r.csrf_new);
	finish(&t);
}

/* A POST of a page's form with the given cookie and token field. */
static int post_form(const char *cookie, const char *token, const char *type)
{
	struct t t;
	int status;

	start(&t, HTTP_POST, "/actions");
	if (cookie)
		header(&t, "Cookie", cookie);
	body(&t, type,
	     token ? arena_printf(&t.a, "title=Posted+action&plan_id=1&status=not_started&csrf=%s",
				  token)
		   : "title=Posted+action&plan_id=1&status=not_started");
	status = run(&t);
	if (status == 303) {
		const char *loc = resp_get(&t, "Location");

		assert_non_null(loc);
		assert_true(strncmp(loc, "/actions/", 9) == 0);
		assert_non_null(strstr(loc, "?saved=created"));
	}
	if (status == 403)
		assert_true(body_has(&t, "This form has expired"));
	finish(&t);
	return status;
}

static void test_csrf_post(void **state)
{
	const char *form_type = "application/x-www-form-urlencoded";
	char cookie[256], other[256], longer[256];

	UNUSED(state);
	snprintf(cookie, sizeof(cookie), "safer_csrf=%s", TOKEN);
	snprintf(other, sizeof(other), "xsafer_csrf=%s", TOKEN);
	snprintf(longer, sizeof(longer), "%s0", TOKEN);
	/* A pair made up by someone else, the same in cookie and field: the
	 * site did not sign it. */
	assert_int_equal(post_form("safer_csrf=" MADE_UP, MADE_UP, form_type), 403);
	assert_int_equal(post_form(cookie, TOKEN, form_type), 303);
	assert_int_equal(post_form(cookie, TOKEN,
				   "application/x-www-form-urlencoded; charset=UTF-8"),
			 303);
	/* No token, no cookie, or the two differ. */
	assert_int_equal(post_form(NULL, NULL, form_type), 403);
	assert_int_equal(post_form(cookie, NULL, form_type), 403);
	assert_int_equal(post_form(NULL, TOKEN, form_type), 403);
	assert_int_equal(post_form(cookie, "", form_type), 403);
	assert_int_equal(post_form(cookie, "0123456789abcdef0123456789abcdee",
				   form_type), 403);
	assert_int_equal(post_form(cookie, longer, form_type), 403);
	assert_int_equal(post_form(cookie, "0123456789abcdef", form_type), 403);
	assert_int_equal(post_form(other, TOKEN, form_type), 403);
	/* Not a form. */
	assert_int_equal(post_form(cookie, TOKEN, NULL), 415);
	assert_int_equal(post_form(cookie, TOKEN, "text/plain"), 415);
	assert_int_equal(post_form(cookie, TOKEN, "multipart/form-data"), 415);
	assert_int_equal(post_form(cookie, TOKEN, "application/json"), 415);
	assert_int_equal(post_form(cookie, TOKEN,
				   "application/x-www-form-urlencodedx"), 415);
}

static void test_form_errors(void **state)
{
	struct t t;

	UNUSED(state);
	/* The token is right but the form is not: the form again, 400. */
	start(&t, HTTP_POST, "/actions");
	form(&t, "title=&plan_id=1");
	assert_int_equal(run(&t), 400);
	assert_true(body_has(&t, "There is a problem"));
	finish(&t);
	start(&t, HTTP_POST, "/actions");
	form(&t, "title=%3Cscript%3E&plan_id=1&due_on-day=31&due_on-month=2"
		 "&due_on-year=2021");
	assert_int_equal(run(&t), 400);
	assert_false(body_has(&t, "<script>"));
	assert_true(body_has(&t, "&lt;script&gt;"));
	finish(&t);
	/* Invalid UTF-8 in the form: 400 before the handler. */
	start(&t, HTTP_POST, "/actions");
	form(&t, "title=%FF&plan_id=1");
	assert_int_equal(run(&t), 400);
	finish(&t);
	/* A save to an action that is not there. */
	start(&t, HTTP_POST, "/actions/12345");
	form(&t, "title=x&plan_id=1");
	assert_int_equal(run(&t), 404);
	finish(&t);
}

static int post_origin(const char *origin, const char *host, const char *site)
{
	struct t t;
	int status;

	start(&t, HTTP_POST, "/actions");
	if (origin)
		header(&t, "Origin", origin);
	if (host)
		header(&t, "Host", host);
	if (site)
		header(&t, "Sec-Fetch-Site", site);
	form(&t, "title=From+somewhere&plan_id=1&status=not_started");
	status = run(&t);
	finish(&t);
	return status;
}

static void test_origin(void **state)
{
	struct t t;

	UNUSED(state);
	assert_int_equal(post_origin(NULL, HOST, NULL), 303);
	assert_int_equal(post_origin("http://" HOST, HOST, NULL), 303);
	assert_int_equal(post_origin("http://LOCALHOST:8080", "localhost:8080", NULL),
			 303);
	assert_int_equal(post_origin(NULL, HOST, "same-origin"), 303);
	assert_int_equal(post_origin("http://evil.com", HOST, NULL), 403);
	assert_int_equal(post_origin("http://" HOST ".evil.com", HOST, NULL), 403);
	assert_int_equal(post_origin("http://127.0.0.1:9999", HOST, NULL), 403);
	assert_int_equal(post_origin("null", HOST, NULL), 403);
	assert_int_equal(post_origin("ftp://" HOST, HOST, NULL), 403);
	assert_int_equal(post_origin(HOST, HOST, NULL), 403);
	assert_int_equal(post_origin("http://" HOST, NULL, NULL), 403);
	assert_int_equal(post_origin(NULL, HOST, "cross-site"), 403);
	assert_int_equal(post_origin("http://" HOST, HOST, "cross-site"), 403);

	/* The same for the API, with a JSON error. */
	start(&t, HTTP_POST, "/api/v1/actions");
	header(&t, "Origin", "http://evil.com");
	header(&t, "Host", HOST);
	body(&t, "application/json", "{\"title\":\"x\",\"plan_id\":1}");
	assert_int_equal(run(&t), 403);
	api_error(&t, "forbidden", NULL,
		  "requests from other sites cannot change anything here");
	finish(&t);
}

/* Send body to the API; returns the status, leaving the response in t. */
static int api(struct t *t, enum http_method method, const char *path,
	       const char *type, const char *json)
{
	start(t, method, path);
	body(t, type, json);
	return run(t);
}

static void test_api_media_type(void **state)
{
	static const char *const bad[] = { NULL, "text/plain",
					   "application/x-www-form-urlencoded",
					   "application/jsonx",
					   "application/json-patch+json",
					   "json", "" };
	static const char *const good[] = { "application/json",
					    "application/json; charset=utf-8",
					    "application/json;charset=UTF-8",
					    "Application/JSON" };
	struct t t;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		if (api(&t, HTTP_POST, "/api/v1/actions", bad[i],
			"{\"title\":\"x\",\"plan_id\":1}") != 415)
			fail_msg("Content-Type '%s' gave %d", bad[i] ? bad[i] : "(none)",
				 t.w.status);
		assert_string_equal(t.w.body.ptr,
				    "{\"error\":{\"code\":\"unsupported_media_type\","
				    "\"message\":\"the body must be JSON sent as "
				    "Content-Type: application/json\",\"field\":null}}\n");
		finish(&t);
	}
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		if (api(&t, HTTP_POST, "/api/v1/actions", good[i],
			"{\"title\":\"Media type\",\"plan_id\":1}") != 201)
			fail_msg("Content-Type '%s' gave %d: %s", good[i], t.w.status,
				 t.w.body.ptr);
		finish(&t);
	}
	/* PATCH too. */
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/1", "text/plain", "{}"),
			 415);
	finish(&t);
}

static void test_api_create(void **state)
{
	struct t t;
	const char *loc;
	int64_t id;
	char want[64];

	UNUSED(state);
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions", "application/json",
			     "{\"title\":\"Caf\\u00e9 <b>patrols</b>\",\"priority_id\":5,"
			     "\"due_on\":\"2021-05-31\",\"status\":\"in_progress\","
			     "\"rag\":\"amber\",\"owner_id\":2,\"description\":null}"),
			 201);
	assert_string_equal(t.w.content_type, "application/json");
	id = json_integer_value(json_object_get(t.json, "id"));
	assert_true(id > 20);
	loc = resp_get(&t, "Location");
	assert_non_null(loc);
	snprintf(want, sizeof(want), "/api/v1/actions/%lld", (long long)id);
	assert_string_equal(loc, want);
	assert_string_equal(json_string_value(json_object_get(t.json, "title")),
			    "Caf\xC3\xA9 <b>patrols</b>");
	/* Theme and plan inferred from the priority area. */
	assert_int_equal(json_integer_value(json_object_get(t.json, "priority_id")), 5);
	assert_int_equal(json_integer_value(json_object_get(t.json, "theme_id")), 2);
	assert_int_equal(json_integer_value(json_object_get(t.json, "plan_id")), 1);
	assert_string_equal(json_string_value(json_object_get(t.json, "owner")),
			    "Chris McLoughlin");
	/* Due before today and in progress. */
	assert_true(json_is_true(json_object_get(t.json, "overdue")));
	assert_true(json_is_null(json_object_get(t.json, "description")));
	assert_int_equal(json_array_size(json_object_get(t.json, "updates")), 0);
	finish(&t);
}

static void check_bad_body(const char *json, int status, const char *code,
			   const char *field, const char *message)
{
	struct t t;

	if (api(&t, HTTP_POST, "/api/v1/actions", "application/json", json) !=
	    status)
		fail_msg("%s gave %d, want %d: %s", json, t.w.status, status,
			 t.w.body.ptr);
	api_error(&t, code, field, message);
	finish(&t);
}

static void test_api_bad_bodies(void **state)
{
	struct t t;
	json_t *msg;

	UNUSED(state);
	check_bad_body("{\"title\":\"x\"}", 400, "invalid", "plan_id",
		       "must be given (or a theme or priority area)");
	check_bad_body("{\"plan_id\":1}", 400, "invalid", "title",
		       "must not be empty");
	check_bad_body("{\"plan_id\":1,\"title\":\"  \"}", 400, "invalid", "title",
		       "must not be empty");
	check_bad_body("{\"plan_id\":1,\"title\":null}", 400, "invalid", "title",
		       "must not be null");
	check_bad_body("{\"plan_id\":1,\"title\":5}", 400, "invalid", "title",
		       "must be a string");
	check_bad_body("{\"plan_id\":\"1\",\"title\":\"x\"}", 400, "invalid",
		       "plan_id", "must be an id (a whole number, 1 or more)");
	check_bad_body("{\"plan_id\":0,\"title\":\"x\"}", 400, "invalid", "plan_id",
		       "must be an id (a whole number, 1 or more)");
	check_bad_body("{\"plan_id\":1.5,\"title\":\"x\"}", 400, "invalid",
		       "plan_id", "must be an id (a whole number, 1 or more)");
	check_bad_body("{\"plan_id\":99,\"title\":\"x\"}", 400, "invalid", "plan_id",
		       "there is no plan 99");
	check_bad_body("{\"theme_id\":\"x\",\"title\":\"x\"}", 400, "invalid",
		       "theme_id",
		       "must be an id (a whole number, 1 or more) or null");
	check_bad_body("{\"plan_id\":1,\"title\":\"x\",\"foo\":1}", 400, "invalid",
		       "foo", "unknown field 'foo'");
	check_bad_body("{\"plan_id\":1,\"title\":\"x\",\"status\":\"done\"}", 400,
		       "invalid", "status",
		       "must be one of: not_started, in_progress, on_hold, "
		       "completed, cancelled");
	check_bad_body("{\"plan_id\":1,\"title\":\"x\",\"rag\":\"blue\"}", 400,
		       "invalid", "rag", "must be one of: red, amber, green");
	check_bad_body("{\"plan_id\":1,\"title\":\"x\",\"due_on\":\"2021-02-29\"}",
		       400, "invalid", "due_on",
		       "must be a real date written YYYY-MM-DD");
	check_bad_body("{\"plan_id\":1,\"title\":\"x\",\"owner_id\":999}", 400,
		       "invalid", "owner_id", "there is no person 999");
	check_bad_body("{\"plan_id\":2,\"title\":\"x\",\"theme_id\":1}", 400,
		       "invalid", "theme_id",
		       "theme 'Public Safety and Protection' (1) belongs to plan "
		       "'Safer Stockport Partnership Plan 2018/21' (1), not to plan "
		       "'One Stockport Safety Partnership Plan 2022-2025' (2)");
	check_bad_body("{\"title\":\"x\",\"theme_id\":1,\"priority_id\":5}", 400,
		       "invalid", "priority_id",
		       "is not one of the chosen theme's priority areas: priority area "
		       "'Domestic Abuse' (5) belongs to theme 'Protecting Vulnerable "
		       "People' (2)");
	check_bad_body("[1]", 400, "invalid", NULL, "the body must be a JSON object");
	check_bad_body("{}", 400, "invalid", "title", "must not be empty");
	check_bad_body("\"x\"", 400, "invalid", NULL, NULL);
	check_bad_body("5", 400, "invalid", NULL, NULL);
	check_bad_body("{\"title\":\"a\",\"title\":\"b\",\"plan_id\":1}", 400,
		       "invalid", NULL, NULL);
	check_bad_body("{\"title\":\"a\\u0000b\",\"plan_id\":1}", 400, "invalid",
		       NULL, NULL);
	check_bad_body("", 400, "invalid", NULL, NULL);

	/* Bad JSON says where. */
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions", "application/json",
			     "{\"title\": \"x\",\n \"plan_id\": }"), 400);
	api_error(&t, "invalid", NULL, NULL);
	msg = json_object_get(json_object_get(t.json, "error"), "message");
	assert_true(strncmp(json_string_value(msg),
			    "the body is not valid JSON (line 2, column ", 43) == 0);
	finish(&t);
}

static void test_api_patch(void **state)
{
	struct t t;

	UNUSED(state);
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/20", "application/json",
			     "{\"status\":\"completed\",\"rag\":null}"), 200);
	assert_int_equal(json_integer_value(json_object_get(t.json, "id")), 20);
	assert_string_equal(json_string_value(json_object_get(t.json, "status")),
			    "completed");
	assert_true(json_is_null(json_object_get(t.json, "rag")));
	/* Unchanged fields stay. */
	assert_string_equal(json_string_value(json_object_get(t.json, "title")),
			    "Prepare for the Channel Panel case peer review");
	assert_int_equal(json_integer_value(json_object_get(t.json, "theme_id")), 5);
	finish(&t);
	/* An empty patch changes nothing but is fine. */
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/20", "application/json",
			     "{}"), 200);
	finish(&t);
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/12345",
			     "application/json", "{}"), 404);
	api_error(&t, "not_found", NULL, "no such action: 12345");
	finish(&t);
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/20", "application/json",
			     "{\"title\":\"\"}"), 400);
	api_error(&t, "invalid", "title", "must not be empty");
	finish(&t);
	/* Moving to a theme of another plan without moving the plan. */
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/20", "application/json",
			     "{\"plan_id\":2}"), 400);
	api_error(&t, "invalid", "theme_id",
		  "theme 'Radicalisation and Extremism' (5) belongs to plan 'Safer "
		  "Stockport Partnership Plan 2018/21' (1), not to plan 'One "
		  "Stockport Safety Partnership Plan 2022-2025' (2)");
	finish(&t);

	/* A progress update sets status and RAG. */
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions/19/updates",
			     "application/json",
			     "{\"body\":\"Paused.\",\"status\":\"on_hold\","
			     "\"rag\":\"red\"}"), 201);
	assert_string_equal(json_string_value(json_object_get(t.json, "status")),
			    "on_hold");
	assert_string_equal(json_string_value(json_object_get(t.json, "rag")), "red");
	assert_string_equal(
		json_string_value(json_object_get(
			json_array_get(json_object_get(t.json, "updates"), 0), "body")),
		"Paused.");
	finish(&t);
	/* The author is whoever sends it: a client cannot name one. */
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions/19/updates",
			     "application/json",
			     "{\"body\":\"x\",\"author_id\":5}"), 400);
	api_error(&t, "invalid", "author_id", "unknown field 'author_id'");
	finish(&t);
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions/19/updates",
			     "application/json", "{\"body\":\"\"}"), 400);
	api_error(&t, "invalid", "body", "must not be empty");
	finish(&t);
	assert_int_equal(api(&t, HTTP_POST, "/api/v1/actions/12345/updates",
			     "application/json", "{\"body\":\"x\"}"), 404);
	finish(&t);
}

static void test_api_query(void **state)
{
	struct t t;

	UNUSED(state);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "bogus=1");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "bogus", "unknown query parameter 'bogus'");
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "plan=x");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "plan", NULL);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "status=done");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "status", NULL);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "overdue=yes");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "overdue", "must be true or false");
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "plan=1&status=on_hold");
	assert_int_equal(run(&t), 200);
	assert_true(json_integer_value(json_object_get(t.json, "count")) >= 1);
	finish(&t);
	/* Queries are not routes. */
	start(&t, HTTP_GET, "/api/v1/actions/1");
	query(&t, "x=1");
	assert_int_equal(run(&t), 400);
	finish(&t);
}

/* The parameters a route declares: names separated by spaces, '*' for
 * one that may be repeated. */
static void test_route_param(void **state)
{
	const struct route rt = { HTTP_GET, "/x", NULL, 0, "area type* by", 0 };
	const struct route none = { HTTP_GET, "/y", NULL, 0, NULL, 0 };
	bool rep = true;

	UNUSED(state);
	assert_true(http_route_param(&rt, "area", &rep));
	assert_false(rep);
	assert_true(http_route_param(&rt, "type", &rep));
	assert_true(rep);
	assert_true(http_route_param(&rt, "by", &rep));
	assert_false(rep);
	assert_true(http_route_param(&rt, "by", NULL));
	assert_false(http_route_param(&rt, "typ", NULL));
	assert_false(http_route_param(&rt, "type*", NULL));
	assert_false(http_route_param(&rt, "areas", NULL));
	assert_false(http_route_param(&rt, "", NULL));
	assert_false(http_route_param(&rt, "area type", NULL));
	assert_false(http_route_param(&none, "area", NULL));
}

/* The API refuses what its route does not declare, and a parameter
 * given twice unless declared repeatable, naming it; a page drops both,
 * as if they had not been sent; what is left is in the route's order. */
static void test_declared_query(void **state)
{
	struct t t;
	char *plain;

	UNUSED(state);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "overdue=&overdue=1");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "overdue",
		  "query parameter 'overdue' is given more than once");
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "status=on_hold&colour=red&size=9");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "colour", "unknown query parameter 'colour'");
	finish(&t);
	/* Writes too, after the checks every write passes. */
	start(&t, HTTP_POST, "/api/v1/actions");
	query(&t, "x=1");
	body(&t, "application/json", "{\"title\":\"x\"}");
	assert_int_equal(run(&t), 400);
	api_error(&t, "invalid", "x", "unknown query parameter 'x'");
	finish(&t);
	start(&t, HTTP_POST, "/api/v1/actions");
	query(&t, "x=1");
	body(&t, "text/plain", "{\"title\":\"x\"}");
	assert_int_equal(run(&t), 415);
	finish(&t);
	/* Repeatable: crime types. */
	start(&t, HTTP_GET, "/api/v1/crime/counts");
	query(&t, "type=Burglary&by=type&type=Robbery");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_query, 3);
	assert_string_equal(t.r.query[0].key, "type");
	assert_string_equal(t.r.query[0].value, "Burglary");
	assert_string_equal(t.r.query[1].key, "type");
	assert_string_equal(t.r.query[1].value, "Robbery");
	assert_string_equal(t.r.query[2].key, "by");
	finish(&t);
	/* The route's order, whatever the order sent. */
	start(&t, HTTP_GET, "/api/v1/actions");
	query(&t, "status=on_hold&plan=1");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_query, 2);
	assert_string_equal(t.r.query[0].key, "plan");
	assert_string_equal(t.r.query[1].key, "status");
	finish(&t);

	/* A page: the same as without what it does not read. */
	start(&t, HTTP_GET, "/actions");
	query(&t, "status=on_hold");
	assert_int_equal(run(&t), 200);
	plain = xstrdup(t.w.body.ptr);
	finish(&t);
	start(&t, HTTP_GET, "/actions");
	query(&t, "utm_source=x&status=on_hold&status=completed&overdue=&overdue=1");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_query, 2);
	assert_string_equal(t.r.query[0].key, "status");
	assert_string_equal(t.r.query[0].value, "on_hold");
	assert_string_equal(t.r.query[1].key, "overdue");
	assert_string_equal(t.r.query[1].value, "");
	assert_string_equal(t.w.body.ptr, plain);
	finish(&t);
	free(plain);
	start(&t, HTTP_GET, "/static/safer.css");
	query(&t, "v=2");
	assert_int_equal(run(&t), 200);
	assert_int_equal(t.r.n_query, 0);
	finish(&t);
}

/* Every route runs with every parameter it declares, and every form
 * route with an empty form: no handler reads a parameter its route does
 * not declare (http_query would BUG) and none fails. */
static void test_every_route(void **state)
{
	unsigned long undeclared = http_undeclared_reads();

	UNUSED(state);
	for (size_t i = 0; i < safer_site.n_routes; i++) {
		const struct route *rt = &safer_site.routes[i];
		struct buf path = BUF_INIT, q = BUF_INIT;
		struct t t;

		for (const char *p = rt->pattern; *p; p++) {
			if (strncmp(p, "{id}", 4) == 0) {
				buf_addc(&path, '1');
				p += 3;
			} else {
				buf_addc(&path, *p);
			}
		}
		for (const char *p = rt->params; p && *p;) {
			size_t len = strcspn(p, " ");

			buf_printf(&q, "%s%.*s=", q.len ? "&" : "",
				   (int)(len - (p[len - 1] == '*')), p);
			p += len;
			p += *p == ' ';
		}
		if (rt->methods & HTTP_GET) {
			start(&t, HTTP_GET, path.ptr);
		} else if (rt->flags & ROUTE_JSON) {
			/* an empty change, or one refused */
			start(&t, rt->methods & HTTP_POST ? HTTP_POST : HTTP_PATCH,
			      path.ptr);
			body(&t, "application/json", "{}");
		} else {
			start(&t, HTTP_POST, path.ptr);
			form(&t, "x=");
		}
		t.r.path = path.ptr;
		if (q.len)
			query(&t, q.ptr);
		if (run(&t) >= 500)
			fail_msg("%s %s?%s gave %d", rt->methods & HTTP_GET ? "GET" : "POST",
				 path.ptr, q.ptr, t.w.status);
		if (http_undeclared_reads() != undeclared)
			fail_msg("the handler of %s reads a query parameter its "
				 "route does not declare (see the message above)",
				 rt->pattern);
		finish(&t);
		buf_release(&path);
		buf_release(&q);
	}
}

/* GET answers come from the cache until something is written; the date
 * is part of the key. */
static void test_cache(void **state)
{
	struct t t;
	char *first;

	UNUSED(state);
	start(&t, HTTP_GET, "/api/v1/actions/7");
	assert_int_equal(run(&t), 200);
	assert_true(json_is_true(json_object_get(t.json, "overdue")));
	first = xstrdup(t.w.body.ptr);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/7");
	assert_int_equal(run(&t), 200);
	assert_string_equal(t.w.body.ptr, first);
	finish(&t);
	free(first);
	/* Another day: not overdue yet. */
	start(&t, HTTP_GET, "/api/v1/actions/7");
	memcpy(t.r.today, "2021-03-01", 11);
	assert_int_equal(run(&t), 200);
	assert_true(json_is_false(json_object_get(t.json, "overdue")));
	finish(&t);
	/* A write through dispatch, then the new title. */
	assert_int_equal(api(&t, HTTP_PATCH, "/api/v1/actions/7", "application/json",
			     "{\"title\":\"Changed since cached\"}"), 200);
	finish(&t);
	start(&t, HTTP_GET, "/api/v1/actions/7");
	assert_int_equal(run(&t), 200);
	assert_string_equal(json_string_value(json_object_get(t.json, "title")),
			    "Changed since cached");
	finish(&t);
	start(&t, HTTP_HEAD, "/api/v1/actions/7");
	assert_int_equal(run(&t), 200);
	assert_string_equal(json_string_value(json_object_get(t.json, "title")),
			    "Changed since cached");
	finish(&t);
}

/* A response of n bytes of c, as a handler would leave it. */
static void fake_resp(struct resp *w, char c, size_t n)
{
	memset(w, 0, sizeof(*w));
	w->status = 200;
	w->content_type = "text/plain";
	buf_init(&w->body, 0);
	for (size_t i = 0; i < n; i++)
		buf_addc(&w->body, c);
}

/* One budget of bytes for the whole cache, whatever the keys: the least
 * recently used go first, an entry over an eighth of the budget is not
 * kept, and entries of a past generation are never served. */
static void test_cache_budget(void **state)
{
	struct resp w, got;
	char key[32];
	size_t peak = 0;
	uint64_t gen = cache_generation(1);

	UNUSED(state);
	cache_set_budget(64 * 1024);
	fake_resp(&w, 'x', 4000);
	for (int i = 0; i < 200; i++) {
		snprintf(key, sizeof(key), "/k?n=%d", i);
		cache_put(key, gen, &w);
		if (cache_bytes() > peak)
			peak = cache_bytes();
		/* "/k?n=0" is used all along: it stays */
		memset(&got, 0, sizeof(got));
		buf_init(&got.body, 0);
		assert_true(cache_get("/k?n=0", gen, &got));
		assert_int_equal(got.body.len, 4000);
		buf_release(&got.body);
	}
	assert_true(peak <= 64 * 1024);
	assert_true(cache_bytes() > 48 * 1024); /* and it is used */
	assert_true(cache_count() >= 12 && cache_count() <= 16);
	memset(&got, 0, sizeof(got));
	buf_init(&got.body, 0);
	assert_false(cache_get("/k?n=1", gen, &got));   /* the oldest went */
	assert_true(cache_get("/k?n=199", gen, &got));  /* the newest stayed */
	buf_release(&got.body);
	buf_release(&w.body);

	/* Larger than an eighth of the budget: not kept. */
	fake_resp(&w, 'y', 9000);
	cache_put("/big", gen, &w);
	memset(&got, 0, sizeof(got));
	buf_init(&got.body, 0);
	assert_false(cache_get("/big", gen, &got));
	buf_release(&w.body);

	/* A write makes every entry stale; a stale one is dropped when met,
	 * and a newer one is not replaced by an older. */
	cache_note_write();
	assert_false(cache_get("/k?n=199", gen + 1, &got));
	fake_resp(&w, 'z', 10);
	cache_put("/k?n=198", gen + 2, &w);
	cache_put("/k?n=198", gen + 1, &w);
	assert_false(cache_get("/k?n=198", gen + 1, &got));
	assert_true(cache_get("/k?n=198", gen + 2, &got));
	buf_release(&w.body);
	buf_release(&got.body);

	/* A smaller budget drops what no longer fits at once. */
	cache_set_budget(1024);
	assert_true(cache_bytes() <= 1024);
	cache_set_budget(CACHE_DEFAULT_BUDGET);
	cache_clear();
	assert_int_equal(cache_bytes(), 0);
	assert_int_equal(cache_count(), 0);
}

/* Through dispatch: one entry for one answer, however the query was
 * written (parameters in another order, undeclared ones, repeats). */
static void test_cache_key(void **state)
{
	static const char *const queries[] = {
		"status=on_hold&plan=1", "plan=1&status=on_hold",
		"utm_source=mail&plan=1&status=on_hold",
		"plan=1&plan=2&status=on_hold&status=completed",
		"status=on_hold&x=1&plan=1&y=2",
	};
	struct t t;
	size_t bytes = 0;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(queries); i++) {
		start(&t, HTTP_GET, "/actions");
		query(&t, queries[i]);
		assert_int_equal(run(&t), 200);
		finish(&t);
		if (i == 0)
			bytes = cache_bytes();
		assert_int_equal(cache_count(), 1);
		assert_int_equal(cache_bytes(), bytes);
	}
	start(&t, HTTP_GET, "/actions");
	query(&t, "plan=1&status=completed");
	assert_int_equal(run(&t), 200);
	finish(&t);
	assert_int_equal(cache_count(), 2);
}

/* Every 503 tells the client when to come back, whoever wrote it. */
static void test_retry_after(void **state)
{
	struct resp w;

	UNUSED(state);
	fake_resp(&w, 'x', 1);
	resp_finish(&w);
	assert_null(resp_get_header(&w, "Retry-After"));
	w.status = 503;
	resp_finish(&w);
	assert_string_equal(resp_get_header(&w, "retry-after"), HTTP_RETRY_AFTER);
	resp_finish(&w);
	assert_int_equal(w.n_headers, 1);
	buf_release(&w.body);
}

/* Pages with a form say no-store (their route's flag), errors included;
 * others are left to the server's default. */
static void test_no_store(void **state)
{
	static const char *const forms[] = {
		"/actions/new", "/actions/1/edit", "/funds/new", "/funds/1/edit",
		"/funds/1/awards/new", "/awards/1/edit", "/actions/1",
		"/actions/12345/edit",
	};
	struct t t;

	UNUSED(state);
	for (size_t i = 0; i < ARRAY_SIZE(forms); i++) {
		start(&t, HTTP_GET, forms[i]);
		run(&t);
		if (!resp_get(&t, "Cache-Control") ||
		    strcmp(resp_get(&t, "Cache-Control"), "no-store") != 0)
			fail_msg("%s: Cache-Control is not no-store", forms[i]);
		finish(&t);
	}
	start(&t, HTTP_POST, "/actions");
	form(&t, "title=&plan_id=1");
	assert_int_equal(run(&t), 400);
	assert_string_equal(resp_get(&t, "Cache-Control"), "no-store");
	finish(&t);
	start(&t, HTTP_GET, "/actions");
	assert_int_equal(run(&t), 200);
	assert_null(resp_get(&t, "Cache-Control"));
	finish(&t);
}

static void test_healthz(void **state)
{
	struct t t;
	char want[100];

	UNUSED(state);
	start(&t, HTTP_GET, "/healthz");
	assert_int_equal(run(&t), 200);
	snprintf(want, sizeof(want), "{\"status\":\"ok\",\"schema_version\":%d}\n",
		 store_schema_version());
	assert_string_equal(t.w.body.ptr, want);
	finish(&t);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, test_setup)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlencoded),
		cmocka_unit_test(test_urlencoded_empty),
		cmocka_unit_test(test_urlencoded_invalid),
		cmocka_unit_test(test_urlencoded_max),
		T(test_routes),
		T(test_not_found),
		T(test_ids),
		T(test_method_not_allowed),
		T(test_host),
		T(test_csrf_token),
		T(test_csrf_post),
		T(test_form_errors),
		T(test_origin),
		T(test_api_media_type),
		T(test_api_create),
		T(test_api_bad_bodies),
		T(test_api_patch),
		T(test_api_query),
		T(test_route_param),
		T(test_declared_query),
		T(test_every_route),
		T(test_cache),
		T(test_cache_budget),
		T(test_cache_key),
		T(test_retry_after),
		T(test_no_store),
		T(test_healthz),
	};
#undef T

	return cmocka_run_group_tests_name("http", tests, group_setup,
					   group_teardown);
}
