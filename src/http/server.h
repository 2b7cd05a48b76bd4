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

/* Serve site over the database at path until SIGINT or SIGTERM.  Returns
 * 0 after a clean stop, -1 with e set if the server cannot start. */
int server_run(const char *path, const struct http_site *site,
	       const struct server_addr *addr, unsigned threads,
	       struct err *e);

#endif
