/*
 * server.c: the HTTP server, on GNU libmicrohttpd (0.9.75 in Debian 12).
 *
 * libmicrohttpd runs a pool of worker threads (one per core) over epoll.
 * Each worker opens its own connection to the store the first time it
 * needs one and keeps it, with its prepared statements, until it exits;
 * each request gets the worker's arena, reset after the response is
 * queued.  Bodies are read into a buffer capped at HTTP_MAX_BODY; a
 * larger one is answered 413 without being stored.  Oversized headers
 * are refused by libmicrohttpd itself (431), within the connection's
 * memory limit.  A request that frames its body two ways or names two
 * hosts is refused before its body is read (framing_problem).
 *
 * Keeping serving when clients are slow or many: every request must
 * arrive whole within a deadline (deadline.c, which shuts down the
 * connections that take longer); at most so many connections are open
 * at once, and fewer from any one address, so that one address cannot
 * fill the server (connection_limits, which raises the limit on open
 * files to fit); and a write waits at most SERVER_BUSY_MS for another
 * writer before it is answered 503.
 */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <strings.h>
#include <sys/resource.h>
#include <unistd.h>

#include "base/text.h"
#include "cache.h"
#include "deadline.h"
#include "http.h"
#include "server.h"
#include "store/store.h"

static const char *db_path;
static const struct http_site *site;
static pthread_key_t store_key;

struct conn {
	struct buf body;
	bool too_large;
};

static __thread struct arena worker_arena;

/* A worker thread ends: its store and arena go. */
static void close_store(void *p)
{
	store_close(p);
	arena_release(&worker_arena);
}

/* This worker's store, opened on first use; NULL with e set if the
 * database cannot be opened.  A write waits at most SERVER_BUSY_MS for
 * another writer: the worker's other connections wait meanwhile, and the
 * client is better told 503 soon than left hanging. */
static struct store *worker_store(struct err *e)
{
	struct store *s = pthread_getspecific(store_key);

	if (!s) {
		s = store_open(db_path, false, e);
		if (s) {
			store_busy_timeout(s, SERVER_BUSY_MS);
			pthread_setspecific(store_key, s);
		}
	}
	return s;
}

static int hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}


/* libmicrohttpd's unescaping, less one thing: "%00" is left as it is, so
 * that a NUL can never end a path or a parameter early (the address
 * "/static/safer.css%00.html" must not be the stylesheet). */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	char *out = s;

	UNUSED(cls);
	UNUSED(c);
	for (char *p = s; *p; p++) {
		int hi, lo;

		if (p[0] == '%' && p[1] && p[2] &&
		    (hi = hexdigit(p[1])) >= 0 && (lo = hexdigit(p[2])) >= 0 &&
		    (hi | lo)) {
			*out++ = (char)(hi * 16 + lo);
			p += 2;
		} else {
			*out++ = *p;
		}
	}
	*out = '\0';
	return (size_t)(out - s);
}

/* The part of s before its first byte that is not UTF-8, in the arena
 * (so that an error can say which address it is about). */
static const char *valid_prefix(struct arena *a, const char *s)
{
	size_t i = 0, n = strlen(s);
	uint32_t cp;
	int k;

	while (i < n && (k = utf8_decode(s + i, n - i, &cp)) > 0)
		i += (size_t)k;
	return arena_strndup(a, s, i);
}

struct count {
	const char *name;
	int n;
};

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *value)
{
	struct count *c = cls;

	UNUSED(kind);
	UNUSED(value);
	if (key && strcasecmp(key, c->name) == 0)
		c->n++;
	return MHD_YES;
}

/* What is wrong with how the request says where it ends, or which host
 * it is for, or NULL.  Two lengths, or a length and a chunked coding, are
 * how a request is smuggled past a proxy that reads it one way while
 * safer reads it another (RFC 9112, 6.3); two Hosts, how a request is
 * routed one way and answered as another. */
static const char *framing_problem(struct MHD_Connection *c)
{
	struct count lengths = { MHD_HTTP_HEADER_CONTENT_LENGTH, 0 };
	struct count codings = { MHD_HTTP_HEADER_TRANSFER_ENCODING, 0 };
	struct count hosts = { MHD_HTTP_HEADER_HOST, 0 };

	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &lengths);
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &codings);
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hosts);
	if (lengths.n > 1)
		return "more than one Content-Length header";
	if (lengths.n && codings.n)
		return "both Content-Length and Transfer-Encoding headers "
		       "(a request has one or the other)";
	if (hosts.n > 1)
		return "more than one Host header";
	return NULL;
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

struct collect {
	struct arena *arena;
	struct kv *items;
	size_t n, cap;
	bool bad_utf8;
	const char *bad_key;
};

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind,
				  const char *key, const char *value)
{
	struct collect *c = cls;

	UNUSED(kind);
	if (!key)
		return MHD_YES;
	if (!value)
		value = "";
	if (!utf8_valid(key, strlen(key)) || !utf8_valid(value, strlen(value))) {
		c->bad_utf8 = true;
		c->bad_key = utf8_valid(key, strlen(key))
				     ? arena_strdup(c->arena, key) : NULL;
		return MHD_YES;
	}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 16;
		struct kv *grown = arena_array(c->arena, cap, sizeof(*grown));

		if (c->n)
			memcpy(grown, c->items, c->n * sizeof(*grown));
		c->items = grown;
		c->cap = cap;
	}
	c->items[c->n].key = key;
	c->items[c->n].value = value;
	c->n++;
	return MHD_YES;
}

/* Headers every response carries. */
static void add_standard_headers(struct MHD_Response *mr, const struct resp *w)
{
	MHD_add_response_header(mr, "Content-Type", w->content_type);
	MHD_add_response_header(mr, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(mr, "Referrer-Policy", "same-origin");
	MHD_add_response_header(mr, "X-Frame-Options", "DENY");
	MHD_add_response_header(
		mr, "Content-Security-Policy",
		"default-src 'none'; style-src 'self'; img-src 'self' data:; "
		"form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	if (!resp_get_header(w, "Cache-Control"))
		MHD_add_response_header(mr, "Cache-Control", "no-cache");
}

static enum MHD_Result send_resp(struct MHD_Connection *c, struct req *r,
				 struct resp *w)
{
	size_t len;
	char *body = buf_detach(&w->body, &len);
	struct MHD_Response *mr = MHD_create_response_from_buffer(
		len, body, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	if (!mr) {
		free(body);
		return MHD_NO;
	}
	add_standard_headers(mr, w);
	for (size_t i = 0; i < w->n_headers; i++)
		MHD_add_response_header(mr, w->headers[i].key, w->headers[i].value);
	if (r && r->csrf_new && strncmp(w->content_type, "text/html", 9) == 0) {
		char cookie[384];

		snprintf(cookie, sizeof(cookie), "safer_csrf=%s%s", r->csrf,
			 http_cookie_attributes());
		MHD_add_response_header(mr, "Set-Cookie", cookie);
	}
	ret = MHD_queue_response(c, (unsigned)w->status, mr);
	MHD_destroy_response(mr);
	return ret;
}

/* Answer with an error before a request is parsed (no store, no route):
 * the site's error writer, which knows what the client reads. */
static enum MHD_Result send_early_error(struct MHD_Connection *c,
					const char *url, int status,
					const char *code, const char *msg)
{
	struct req r = { .site = site, .arena = &worker_arena, .path = url,
			 .method = HTTP_GET };
	struct resp w = { .body = BUF_INIT };
	enum MHD_Result ret;

	deadline_arrived(c); /* answered: the request's clock stops */
	site->error(&r, &w, status, code, msg, NULL);
	w.status = status;
	resp_finish(&w);
	ret = send_resp(c, NULL, &w);
	buf_release(&w.body);
	arena_reset(&worker_arena);
	return ret;
}

/* The client's address, in the request's arena: the connection's, or
 * behind an HTTPS proxy the last address the proxy added to
 * X-Forwarded-For. */
static const char *client_address(struct MHD_Connection *c,
				  const struct req *r)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char text[INET6_ADDRSTRLEN] = "";

	if (http_behind_https) {
		const char *fwd = http_header(r, "X-Forwarded-For");

		if (fwd && *fwd) {
			const char *last = strrchr(fwd, ',');

			last = last ? last + 1 : fwd;
			while (*last == ' ')
				last++;
			return arena_strndup(r->arena, last,
					     strnlen(last, INET6_ADDRSTRLEN));
		}
	}
	if (!ci || !ci->client_addr)
		return NULL;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET,
			  &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
			  text, sizeof(text));
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr,
			  text, sizeof(text));
	return text[0] ? arena_strdup(r->arena, text) : NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct conn *cc = *con_cls;
	struct arena *a = &worker_arena;
	struct req r = { 0 };
	struct resp w = { .body = BUF_INIT };
	struct collect q = { .arena = a }, h = { .arena = a };
	struct err e = ERR_INIT;
	enum MHD_Result ret;

	UNUSED(cls);
	UNUSED(version);
	if (!cc) {
		const char *cl = MHD_lookup_connection_value(
			c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		const char *refused = framing_problem(c);
		int64_t len;

		cc = xcalloc(1, sizeof(*cc));
		buf_init(&cc->body, HTTP_MAX_BODY);
		*con_cls = cc;
		if (refused) {
			cc->too_large = true; /* read no body */
			return send_early_error(c, url, 400, "bad_request", refused);
		}
		if (cl && (text_int64(cl, 0, INT64_MAX, &len, NULL, NULL) < 0 ||
			   len > HTTP_MAX_BODY)) {
			cc->too_large = true;
			return send_early_error(c, url, 413, "too_large",
						"the request body is larger than "
						"1 MiB");
		}
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!cc->too_large) {
			buf_add(&cc->body, upload_data, *upload_data_size);
			cc->too_large = cc->body.overflow;
			if (cc->too_large)
				buf_release(&cc->body);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	/* The whole request has arrived: its clock stops while it is
	 * answered, however long that takes. */
	deadline_arrived(c);
	if (cc->too_large)
		return send_early_error(c, url, 413, "too_large",
					"the request body is larger than 1 MiB");

	if (strstr(url, "%00"))
		return send_early_error(c, url, 400, "bad_request",
					"the address contains a NUL (%00)");
	r.site = site;
	r.arena = a;
	r.method = method_of(method);
	r.path = url;
	r.body = cc->body.ptr;
	r.body_len = cc->body.len;
	if (!utf8_valid(url, strlen(url)))
		return send_early_error(c, valid_prefix(a, url), 400, "bad_request",
					"the address is not valid UTF-8 text");
	if (memchr(r.body, '\0', r.body_len))
		return send_early_error(c, url, 400, "bad_request",
					"the request body contains a NUL byte");
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_kv, &q);
	MHD_get_connection_values(c, MHD_HEADER_KIND, collect_kv, &h);
	if (q.bad_utf8) {
		arena_reset(a);
		return send_early_error(c, url, 400, "invalid",
					"a query parameter is not valid UTF-8 "
					"text");
	}
	if (q.n > 200) {
		arena_reset(a);
		return send_early_error(c, url, 400, "invalid",
					"too many query parameters");
	}
	r.query = q.items;
	r.n_query = q.n;
	r.headers = h.items;
	r.n_headers = h.n;
	r.peer = client_address(c, &r);
	r.store = worker_store(&e);
	if (!r.store) {
		fprintf(stderr, "safer: %s\n", e.msg);
		arena_reset(a);
		if (e.code == ERR_BUSY)
			return send_early_error(c, url, 503, "busy", e.msg);
		return send_early_error(c, url, 503, "unavailable",
					"the database cannot be opened");
	}
	http_dispatch(&r, &w);
	if (w.status >= 500)
		fprintf(stderr, "safer: %s %s: %d\n", method, url, w.status);
	ret = send_resp(c, &r, &w);
	buf_release(&w.body);
	arena_reset(a);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct conn *cc = *con_cls;

	UNUSED(cls);
	UNUSED(toe);
	deadline_answered(c); /* the next request's clock starts */
	if (!cc)
		return;
	buf_release(&cc->body);
	free(cc);
	*con_cls = NULL;
}

int server_parse_listen(const char *listen, struct server_addr *out,
			struct err *e)
{
	char host[256];
	const char *colon, *port;
	int64_t p;
	struct addrinfo hints = { 0 }, *res = NULL;
	int rc;

	if (!listen || !*listen)
		listen = "127.0.0.1:8080";
	if (listen[0] == '[') {
		const char *close = strchr(listen, ']');

		if (!close || close[1] != ':')
			return err_set(e, ERR_INVALID, "listen",
				       "'%s' is not [IPv6]:PORT", listen);
		snprintf(host, sizeof(host), "%.*s", (int)(close - listen - 1),
			 listen + 1);
		port = close + 2;
	} else if ((colon = strrchr(listen, ':'))) {
		snprintf(host, sizeof(host), "%.*s", (int)(colon - listen), listen);
		port = colon + 1;
	} else {
		snprintf(host, sizeof(host), "127.0.0.1");
		port = listen;
	}
	if (!host[0])
		snprintf(host, sizeof(host), "127.0.0.1");
	if (text_int64(port, 1, 65535, &p, "listen", NULL) < 0)
		return err_set(e, ERR_INVALID, "listen",
			       "'%s' has no valid port (1-65535)", listen);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0 || !res)
		return err_set(e, ERR_INVALID, "listen", "cannot resolve '%s': %s",
			       host, gai_strerror(rc));
	memcpy(&out->addr, res->ai_addr, res->ai_addrlen);
	out->len = res->ai_addrlen;
	out->port = (uint16_t)p;
	if (res->ai_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)res->ai_addr;

		out->loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
		inet_ntop(AF_INET, &in->sin_addr, out->host, sizeof(out->host));
	} else {
		const struct sockaddr_in6 *in6 = (const void *)res->ai_addr;
		char tmp[INET6_ADDRSTRLEN];

		out->loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
		inet_ntop(AF_INET6, &in6->sin6_addr, tmp, sizeof(tmp));
		snprintf(out->host, sizeof(out->host), "[%s]", tmp);
	}
	freeaddrinfo(res);
	return 0;
}

/* libmicrohttpd's messages, on standard error; less the one for a
 * connection that ends while its request is being read: a client that
 * went away, or one the deadline cut (deadline.c counts those). */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	UNUSED(cls);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (strstr(msg, "closed when reading request"))
		return;
	fprintf(stderr, "safer: libmicrohttpd: %s%s", msg,
		*msg && msg[strlen(msg) - 1] == '\n' ? "" : "\n");
}

/* Connections at once, from all clients (*max) and from one address
 * (*per_client), from the options, within what the limit on open files
 * allows: its soft limit is raised toward the hard one as far as needed.
 * Says so on standard error when the files are too few. */
static void connection_limits(const struct server_options *opts,
			      unsigned *max, unsigned *per_client)
{
	struct rlimit rl;
	rlim_t need;

	*max = opts->max_connections ? opts->max_connections
				     : SERVER_MAX_CONNECTIONS;
	need = (rlim_t)*max + SERVER_FD_RESERVE;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < need) {
		rlim_t was = rl.rlim_cur;

		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > need
				      ? need : rl.rlim_max;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			rl.rlim_cur = was;
		if (rl.rlim_cur < need) {
			rlim_t room = rl.rlim_cur > SERVER_FD_RESERVE + 16
					      ? rl.rlim_cur - SERVER_FD_RESERVE : 16;

			fprintf(stderr, "safer: only %llu files may be open (ulimit "
					"-n): serving at most %llu connections at "
					"once, not %u\n",
				(unsigned long long)rl.rlim_cur,
				(unsigned long long)room, *max);
			*max = (unsigned)room;
		}
	}
	if (opts->max_per_client)
		*per_client = opts->max_per_client < *max ? opts->max_per_client
							  : *max;
	else
		*per_client = SERVER_MAX_PER_CLIENT < *max / 2
				      ? SERVER_MAX_PER_CLIENT : *max / 2;
}

int server_run(const char *path, const struct http_site *s,
	       const struct server_addr *addr,
	       const struct server_options *opts, struct err *e)
{
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;
	static char port[8];
	unsigned max, per_client;

	db_path = path;
	site = s;
	connection_limits(opts, &max, &per_client);
	cache_set_budget(opts->cache_bytes ? opts->cache_bytes
					   : CACHE_DEFAULT_BUDGET);
	/* libsodium's functions are thread-safe once this has returned */
	if (sodium_init() < 0)
		return err_set(e, ERR_IO, NULL, "cannot start libsodium");
	if (pthread_key_create(&store_key, close_store) != 0)
		return err_set(e, ERR_IO, NULL, "cannot create a thread key");
	if (addr->loopback) {
		snprintf(port, sizeof(port), "%u", addr->port);
		http_allowed_port = port;
	}
	http_listen_loopback = addr->loopback;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (deadline_start(opts->deadline ? opts->deadline : SERVER_DEADLINE,
			   e) < 0)
		return -1;
	d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			MHD_USE_ERROR_LOG | MHD_USE_TURBO |
			(addr->addr.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0),
		addr->port, NULL, NULL, on_request, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL, /* first: for all */
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&addr->addr,
		MHD_OPTION_THREAD_POOL_SIZE, opts->threads ? opts->threads : 2u,
		MHD_OPTION_CONNECTION_LIMIT, max,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_client,
		/* no byte at all for this long (a response not being read);
		 * a request has the deadline */
		MHD_OPTION_CONNECTION_TIMEOUT, 30u,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
		MHD_OPTION_NOTIFY_CONNECTION, deadline_notify, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_END);
	if (!d) {
		deadline_stop();
		return err_set(e, ERR_IO, "listen",
			       "cannot listen on %s:%u (is the port in use?)",
			       addr->host, addr->port);
	}
	printf("safer: serving %s on http://%s:%u/ (Ctrl-C stops)\n", path,
	       addr->host, addr->port);
	if (!addr->loopback)
		printf("safer: listening beyond this machine: every internal "
		       "page and API call needs sign-in%s\n",
		       http_behind_https ? "" : "; passwords and sessions cross "
			       "the network unencrypted unless an HTTPS proxy is "
			       "in front (then give --https-proxy)");
	fflush(stdout);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	deadline_stop();
	cache_clear();
	printf("safer: stopped\n");
	return 0;
}
