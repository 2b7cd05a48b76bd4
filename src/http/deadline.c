/*
 * deadline.c: the watchdog that cuts off clients too slow to send a
 * request (see deadline.h).
 *
 * Every open connection is in one list, with the moment its clock
 * started and whether its request is being answered.  The watchdog
 * thread wakes a few times a deadline, and for each connection whose
 * request has not arrived within the deadline calls shutdown(2) on its
 * socket: libmicrohttpd then sees the connection end, as if the client
 * had gone, and closes it in its own thread.  shutdown, not close: the
 * socket stays libmicrohttpd's to close.
 *
 * The socket's number must not be reused under the watchdog: the
 * watchdog holds the lock while it shuts sockets down, and the close
 * notification takes the same lock to take the connection out of the
 * list, which libmicrohttpd sends before it closes the socket (0.9.75:
 * MHD_cleanup_connections and new_connection_process_ notify, then
 * close).  So a socket in the list is always still open, and the one it
 * was when it was put there.
 */
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

#include "deadline.h"

struct watched {
	struct watched *prev, *next;
	MHD_socket fd;
	uint64_t since;  /* ms on the monotonic clock: when its clock started */
	bool answering;  /* its request has arrived: not timed */
	bool cut;        /* shut down already */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake;
static pthread_t thread;
static bool running, stopping;
static struct watched *head;
static uint64_t deadline_ms;

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The watched connection of c, or NULL (one opened before the watchdog
 * started, or whose record could not be made). */
static struct watched *watched_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return info ? info->socket_context : NULL;
}

/* Shut down every connection past the deadline; the lock is held.
 * Returns how many. */
static unsigned cut_late(uint64_t now)
{
	unsigned n = 0;

	for (struct watched *w = head; w; w = w->next) {
		if (w->answering || w->cut || now - w->since < deadline_ms)
			continue;
		shutdown(w->fd, SHUT_RDWR);
		w->cut = true;
		n++;
	}
	return n;
}

static void *watchdog(void *arg)
{
	/* a few looks a deadline, at most a second apart */
	uint64_t tick = deadline_ms / 4 < 1000 ? deadline_ms / 4 : 1000;
	uint64_t logged = 0;
	unsigned pending = 0;

	UNUSED(arg);
	if (tick < 50)
		tick = 50;
	pthread_mutex_lock(&lock);
	while (!stopping) {
		struct timespec until;
		uint64_t now = now_ms(), at;

		pending += cut_late(now);
		/* One line at most every ten seconds, however many; written
		 * without the lock, which the workers need meanwhile. */
		if (pending && now - logged >= 10000) {
			unsigned n = pending;

			pending = 0;
			logged = now;
			pthread_mutex_unlock(&lock);
			fprintf(stderr, "safer: cut off %u connection%s that did not "
					"send a whole request within %llu s\n",
				n, n == 1 ? "" : "s",
				(unsigned long long)(deadline_ms / 1000));
			pthread_mutex_lock(&lock);
			if (stopping)
				break;
		}
		clock_gettime(CLOCK_MONOTONIC, &until);
		at = (uint64_t)until.tv_nsec + tick * 1000000;
		until.tv_sec += (time_t)(at / 1000000000);
		until.tv_nsec = (long)(at % 1000000000);
		pthread_cond_timedwait(&wake, &lock, &until);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int deadline_start(unsigned seconds, struct err *e)
{
	pthread_condattr_t attr;

	deadline_ms = (uint64_t)seconds * 1000;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&wake, &attr);
	pthread_condattr_destroy(&attr);
	stopping = false;
	if (pthread_create(&thread, NULL, watchdog, NULL) != 0) {
		pthread_cond_destroy(&wake);
		return err_set(e, ERR_IO, NULL,
			       "cannot start the thread that times requests");
	}
	running = true;
	return 0;
}

void deadline_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = true;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	pthread_cond_destroy(&wake);
	running = false;
	/* The daemon has closed every connection, and each was forgotten;
	 * free any it did not tell of. */
	while (head) {
		struct watched *w = head;

		head = w->next;
		free(w);
	}
}

void deadline_notify(void *cls, struct MHD_Connection *c,
		     void **socket_context,
		     enum MHD_ConnectionNotificationCode toe)
{
	struct watched *w;

	UNUSED(cls);
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *info =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);

		if (!info)
			return;
		w = xcalloc(1, sizeof(*w));
		w->fd = info->connect_fd;
		w->since = now_ms();
		pthread_mutex_lock(&lock);
		w->next = head;
		if (head)
			head->prev = w;
		head = w;
		pthread_mutex_unlock(&lock);
		*socket_context = w;
		return;
	}
	w = *socket_context;
	if (!w)
		return;
	pthread_mutex_lock(&lock);
	if (w->prev)
		w->prev->next = w->next;
	else
		head = w->next;
	if (w->next)
		w->next->prev = w->prev;
	pthread_mutex_unlock(&lock);
	free(w);
	*socket_context = NULL;
}

void deadline_arrived(struct MHD_Connection *c)
{
	struct watched *w = watched_of(c);

	if (!w)
		return;
	pthread_mutex_lock(&lock);
	w->answering = true;
	pthread_mutex_unlock(&lock);
}

void deadline_answered(struct MHD_Connection *c)
{
	struct watched *w = watched_of(c);

	if (!w)
		return;
	pthread_mutex_lock(&lock);
	w->answering = false;
	w->since = now_ms();
	pthread_mutex_unlock(&lock);
}
