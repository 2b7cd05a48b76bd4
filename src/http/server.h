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

/* Seconds a client has to send a whole request, headers and body, from
 * the moment the server is ready for it (deadline.h). */
#define SERVER_DEADLINE 10

/* Connections open at once: from all clients, and from one address.  With
 * 1,000 slow clients on one address, another request from that address
 * still gets in, and other addresses keep three quarters of the room. */
#define SERVER_MAX_CONNECTIONS 8192
#define SERVER_MAX_PER_CLIENT 2048

/* Files the server keeps for itself beyond its connections (each worker's
 * database, WAL and epoll; the listening socket; standard streams). */
#define SERVER_FD_RESERVE 256

struct http_site;

/* How the server serves (safer serve's options); 0 in a field means its
 * default. */
struct server_options {
	unsigned threads;        /* worker threads (default 2) */
	size_t cache_bytes;      /* the response cache's budget
				  * (CACHE_DEFAULT_BUDGET in cache.h;
				  * http_cache_enabled turns it off) */
	unsigned deadline;       /* seconds (SERVER_DEADLINE) */
	unsigned max_connections; /* SERVER_MAX_CONNECTIONS, or as many as
				  * the limit on open files allows */
	unsigned max_per_client; /* SERVER_MAX_PER_CLIENT, and at most half
				  * of max_connections */
};

/* Serve site over the database at path until SIGINT or SIGTERM.  Returns
 * 0 after a clean stop, -1 with e set if the server cannot start. */
int server_run(const char *path, const struct http_site *site,
	       const struct server_addr *addr,
	       const struct server_options *opts, struct err *e);

#endif
