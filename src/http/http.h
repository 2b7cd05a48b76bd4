/*
 * http.h: requests, responses, routes, and the site they make up.
 *
 * The server (server.c) turns what libmicrohttpd gives it into a struct
 * req, finds the route in the site's table, calls its handler and sends
 * the struct resp the handler filled.  Handlers never see libmicrohttpd,
 * so they can be run without a socket by tests and fuzzers
 * (http_dispatch).  This layer knows nothing of pages or of the API: the
 * layer above gives it the site (the route table and the writer of error
 * responses, src/routes.c).
 *
 * Everything a handler allocates comes from req->arena, which is freed
 * when the response has been sent.
 */
#ifndef SAFER_HTTP_H
#define SAFER_HTTP_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

struct store;

/* Largest request body accepted (413 beyond). */
#define HTTP_MAX_BODY (1024 * 1024)

enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,
	HTTP_POST = 1 << 2,
	HTTP_PATCH = 1 << 3,
	HTTP_PUT = 1 << 4,
	HTTP_DELETE = 1 << 5,
	HTTP_OTHER = 1 << 6,
};

struct kv {
	const char *key;
	const char *value;
};

#define HTTP_MAX_PARAMS 4

struct http_site;

/*
 * Who is asking, as the site's authenticate found them before the route
 * runs (src/routes.c decides what each route needs; this layer only
 * carries the answer to the handlers).  The handlers read it to say who
 * made a change, to show what this person may do, and to leave out what
 * an anonymous visitor of the published pages must not see.
 */
struct http_auth {
	int64_t account;    /* the signed-in account, 0 if nobody */
	const char *name;   /* the account's name, or NULL */
	const char *email;
	int role;           /* the site's code for the account's role */
	bool local;         /* local mode: no accounts exist and the server
			     * listens on loopback only; whoever reaches it may
			     * do everything */
	bool api_token;     /* the account was named by a bearer token */
	bool anonymous;     /* nobody signed in and not local: the public
			     * view, with small numbers suppressed */
	const char *audience; /* whom the answer is for, as the response
			       * cache keys it ("session:12", "public"): an
			       * answer kept for one audience is never served
			       * to another.  NULL: all alike (no site
			       * authorize). */
};

struct req {
	const struct http_site *site;
	const struct route *route; /* the route matched (set by http_dispatch) */
	struct arena *arena;
	struct store *store;
	enum http_method method;
	const char *path;        /* percent-decoded, without the query */
	struct kv *query;        /* decoded query parameters; once the route
				  * is found, only those it declares, in the
				  * order it declares them */
	size_t n_query;
	struct kv *headers;      /* names as sent; look up with http_header */
	size_t n_headers;
	const char *body;        /* NUL-terminated; "" if none */
	size_t body_len;
	struct kv *form;         /* decoded form fields of a POST */
	size_t n_form;
	int64_t ids[HTTP_MAX_PARAMS]; /* the {id} parts of the route, in order */
	size_t n_ids;
	char today[11];          /* YYYY-MM-DD */
	const char *csrf;        /* the form token this client's forms carry:
				  * read from its cookie (or made), then the
				  * site's authorize may replace it (with the
				  * session's own, or a new one when the
				  * cookie's is not one the site made) */
	bool csrf_new;           /* csrf was made for this response: set it */
	const char *peer;        /* the client's address ("127.0.0.1"), or NULL */
	struct http_auth auth;   /* who is asking (the site's authenticate) */
};

struct resp {
	int status;
	const char *content_type;
	struct buf body;
	struct kv headers[8];
	size_t n_headers;
};

/* ---------------------------------------------------------------------
 * Reading the request
 */

/* The value of a header (case-insensitive name), or NULL. */
const char *http_header(const struct req *r, const char *name);

/* The value of the cookie name (in the request's arena), or NULL. */
const char *http_cookie(const struct req *r, const char *name);

/* The first value of a query parameter or form field, or NULL.  Values are
 * checked to be valid UTF-8 before any handler runs.  A handler may read
 * only the query parameters its route declares (struct route's params),
 * so that every parameter a page or the API reads is in the route table,
 * where the cache key and the API's checks find it.  Reading another is a
 * bug in safer: it reads as absent, is said on standard error and counted
 * (http_undeclared_reads, for the tests); the server goes on serving. */
const char *http_query(const struct req *r, const char *name);
const char *http_form(const struct req *r, const char *name);

/* How many times a handler has read an undeclared query parameter. */
unsigned long http_undeclared_reads(void);

/* A query parameter that must be an id (a whole number 1 or more) if
 * present: *id gets it, or 0 if the parameter is absent or empty.  Fails
 * with ERR_INVALID naming the parameter. */
int http_query_id(const struct req *r, const char *name, int64_t *id,
		  struct err *e);
/* A query parameter that is "true" or "false" (absent or empty: false);
 * anything else is an error on the field. */
int http_query_bool(const struct req *r, const char *name, bool *out,
		    struct err *e);

/* Parse application/x-www-form-urlencoded text (a query string or a form
 * body) into pairs allocated from the arena.  '+' is a space; %XX is a
 * byte.  Fails with ERR_INVALID if a name or value is not valid UTF-8, or
 * there are more than max pairs. */
int http_parse_urlencoded(struct arena *a, const char *s, size_t n,
			  struct kv **out, size_t *count, size_t max,
			  struct err *e);

/* ---------------------------------------------------------------------
 * Writing the response
 */

/* Add a response header (at most 8; the names are literals). */
void resp_header(struct resp *w, const char *name, const char *value);

/* The value of a response header already added (case-insensitive name),
 * or NULL. */
const char *resp_get_header(const struct resp *w, const char *name);

/* Seconds a client is asked to wait before trying again after a 503 (the
 * database was busy with another writer, or could not be opened). */
#define HTTP_RETRY_AFTER "5"

/* The headers that follow from the status, added once a response is
 * complete, whoever wrote it: Retry-After on a 503.  http_dispatch calls
 * it; so does the server for the answers it gives before dispatch. */
void resp_finish(struct resp *w);

/* 303 See Other to a path within safer (after a successful POST). */
void resp_redirect(struct resp *w, struct arena *a, const char *location);

/* A JSON error: {"error": {"code", "message", "field"}} with the status
 * the code implies (err_http_status). */
void resp_api_error(struct resp *w, const struct err *e);
/* The same with an explicit status (405, 415, ...). */
void resp_api_error_status(struct resp *w, int status, const char *code,
			   const char *message, const char *field);

/* ---------------------------------------------------------------------
 * Routes
 */

typedef void route_fn(struct req *r, struct resp *w);

/* Route flags. */
enum {
	/* The response depends only on the address, the date and the data
	 * (no form token, no cookie): keep it in the cache (cache.c). */
	ROUTE_CACHE = 1 << 0,
	/* The route speaks JSON: a request that changes something must send
	 * a JSON body (browsers cannot send one across sites without asking
	 * first); otherwise it must send a form with the form token. */
	ROUTE_JSON = 1 << 1,
	/* The answer carries a form token, or what someone typed into a
	 * form: browsers and proxies must not keep it (Cache-Control:
	 * no-store), so that Back after leaving, or the next user of a
	 * shared computer, does not find it. */
	ROUTE_NO_STORE = 1 << 2,
	/* With ROUTE_JSON: the body is a file, sent as it is with its own
	 * Content-Type (an attachment), not JSON; the handler checks the
	 * type.  Other sites are refused as for any write. */
	ROUTE_UPLOAD = 1 << 3,
};

/*
 * A route declares the query parameters its handler reads (Kore's
 * params): params is their names, separated by single spaces, a name
 * ending in '*' being one that may be given more than once ("area
 * type* by"); NULL declares none.  Before the handler runs, the query
 * keeps only what is declared, in the order declared:
 *
 *   - a page (no ROUTE_JSON) drops any other parameter, and every value
 *     of a repeated one after its first, as if they had not been sent
 *     (links from elsewhere carry all sorts);
 *   - the API (ROUTE_JSON) refuses them, 400 naming the parameter:
 *     "unknown query parameter 'x'", "query parameter 'x' is given more
 *     than once".
 *
 * So a handler sees only what it declared, and the response cache keys
 * an answer on the path and exactly those values.
 */
struct route {
	unsigned methods;    /* HTTP_* bits */
	const char *pattern; /* "/actions/{id}/edit" */
	route_fn *handler;
	unsigned flags;      /* ROUTE_* bits */
	const char *params;  /* "plan theme status", or NULL */
	unsigned need;       /* who may use it, in the site's terms
			      * (routes.h); the site's authorize decides */
};

/* Does the route declare the query parameter name?  *repeatable (if not
 * NULL) gets whether it may be given more than once. */
bool http_route_param(const struct route *rt, const char *name,
		      bool *repeatable);

/* Write an error response for a request that no handler answered (no
 * route, a method not allowed, a request refused by the checks): status,
 * a code for machines ("not_found"), a sentence for people, and the
 * query parameter at fault or NULL. */
typedef void http_error_fn(struct req *r, struct resp *w, int status,
			   const char *code, const char *message,
			   const char *field);

/* What a server serves: its routes (tried in order; the first whose
 * pattern and method match runs) and its error writer. */
struct http_site {
	const struct route *routes;
	size_t n_routes;
	http_error_fn *error;
	/* Say who is asking (fill r->auth) once the route is found, and
	 * whether they may use it: 0 to run the handler; else the response
	 * (401, 403) is written and the handler does not run.  NULL lets
	 * everyone use everything (tests of this layer). */
	int (*authorize)(struct req *r, struct resp *w);
};

/* Handle a request completely: check it (Host, form token, sizes),
 * find its route in r->site, keep the query it declares, run the
 * handler, fill in 404, 405 or 500 as needed, and add the headers the
 * route's flags and the status ask for (resp_finish).  Never fails:
 * every outcome is a response. */
void http_dispatch(struct req *r, struct resp *w);

/* Hosts accepted in the Host header when serving on loopback (set by the
 * server from its listening address); NULL accepts any. */
extern const char *http_allowed_port;

/* Whether the server listens on loopback only (server_run sets it from
 * its address; true when no server runs, as for the tests that drive
 * http_dispatch).  The site reads it to decide on local mode. */
extern bool http_listen_loopback;

/* The server is reached through an HTTPS proxy in front of it (safer
 * serve --https-proxy): cookies are marked Secure, and the client's
 * address (req->peer) is the last one the proxy adds to
 * X-Forwarded-For. */
extern bool http_behind_https;

/* The attributes of every cookie the site sets: "; Path=/; HttpOnly;
 * SameSite=Strict", with "; Secure" when http_behind_https. */
const char *http_cookie_attributes(void);

/* False turns the response cache off (safer serve --no-cache or
 * --cache-mb 0: for measuring how fast pages are built). */
extern bool http_cache_enabled;

#endif
