/*
 * server.h: starting the HTTP server.
 */
#ifndef SAFER_SERVER_H
#define SAFER_SERVER_H

#include <sys/socket.h>

#include "base/err.h"

struct server_addr {
	struct sockaddr_storage addr;
	socklen_t len;
	uint16_t port;
	bool loopback;
	char host[64]; /* for messages: "127.0.0.1" or "[::1]" */
};

/* Parse "HOST:PORT", "[IPV6]:PORT", ":PORT" or "PORT" (host defaults to
 * 127.0.0.1; NULL or "" means 127.0.0.1:8080). */
int server_parse_listen(const char *listen, struct server_addr *out,
			struct err *e);

/* How long a write waits for another writer before it is answered 503
 * with Retry-After, in milliseconds. */
#define SERVER_BUSY_MS 3000

struct http_site;

/* How the server serves (safer serve's options); 0 in a field means its
 * default. */
struct server_options {
	unsigned threads;   /* worker threads (default 2) */
	size_t cache_bytes; /* the response cache's budget (CACHE_DEFAULT_BUDGET
			     * in cache.h; http_cache_enabled turns it off) */
};

/* Serve site over the database at path until SIGINT or SIGTERM.  Returns
 * 0 after a clean stop, -1 with e set if the server cannot start. */
int server_run(const char *path, const struct http_site *site,
	       const struct server_addr *addr,
	       const struct server_options *opts, struct err *e);

#endif
