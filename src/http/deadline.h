/*
 * deadline.h: a total deadline for each request to arrive, headers and
 * body, kept by a watchdog thread (see deadline.c).
 *
 * libmicrohttpd's own timeout is for a connection that sends nothing at
 * all: a client that sends a byte now and then keeps its connection, and
 * a thousand of them fill the server.  The watchdog gives each request a
 * number of seconds from the moment the server is ready for it (the
 * connection opened, or the previous response sent) to the moment the
 * whole of it has arrived, and shuts down the connections that take
 * longer.  The time spent answering is not counted.
 *
 * The server (server.c) wires it to libmicrohttpd: deadline_notify is its
 * MHD_OPTION_NOTIFY_CONNECTION callback, and it calls deadline_arrived and
 * deadline_answered as each request arrives and its response goes.  All
 * of these run in the connection's worker thread.
 */
#ifndef SAFER_DEADLINE_H
#define SAFER_DEADLINE_H

#include <microhttpd.h>

#include "base/err.h"

/* Start the watchdog: requests get seconds to arrive.  Fails with e set if
 * the thread cannot be started.  One watchdog per process. */
int deadline_start(unsigned seconds, struct err *e);

/* Stop the watchdog and wait for it (after the daemon has stopped, so
 * that every connection has been closed). */
void deadline_stop(void);

/* libmicrohttpd tells of a connection opened (start its clock) or closed
 * (forget it, before its socket is closed and its number reused). */
void deadline_notify(void *cls, struct MHD_Connection *c,
		     void **socket_context,
		     enum MHD_ConnectionNotificationCode toe);

/* The whole request on c has arrived, or is being refused: it is being
 * answered, and the clock stops. */
void deadline_arrived(struct MHD_Connection *c);

/* The response on c has gone (or the request was abandoned): the clock
 * starts again for the next request on the connection. */
void deadline_answered(struct MHD_Connection *c);

#endif
