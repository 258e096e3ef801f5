/*
 * A link process ends with its link, even while its main thread is held in
 * the GL driver. The main thread learns that the link closed only between GL
 * commands, and the app chooses commands that may not end in any time that
 * matters: a draw of 2^31 instances, which llvmpipe draws on the CPU for
 * hours; a shader that never ends on a GPU the kernel does not reset. The
 * process would then hold its CPU, its GPU memory and its place among the
 * listener's links after the app went.
 *
 * A thread of its own polls the link's fd for its close alone (it reads
 * nothing). Once the link has closed, the main thread normally ends the
 * process within a moment; where the process still runs GH_LINK_GRACE_S
 * seconds later, the thread says so and ends it, with exit status 1. Nothing
 * is lost: the app is gone, and what the process holds (the compositor's
 * objects, the GPU's memory) goes with it.
 *
 * The same thread wakes once a second to tell of a GL command that has run
 * for seconds in the driver (gh_gl_running_check), while the link is up too.
 *
 * The main thread closes the fd only in its last steps, after the GL driver
 * let go, and opens nothing after: a closed fd reads as a close (POLLNVAL),
 * never as another file.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "gl/gl.h"

#include "link-watchdog.h"

static void *watch(void *arg)
{
	/* Once the link has closed, the fd is left out (poll skips a negative
	 * one): its hang-up would wake every call. */
	struct pollfd p = {.fd = (int)(intptr_t)arg, .events = POLLRDHUP};
	double closed_at = 0;
	for (;;) {
		int n = poll(&p, 1, 1000);
		if (n < 0 && errno != EINTR) {
			gp_log(WARN, "link watchdog: poll: %s; it stops watching", strerror(errno));
			return NULL;
		}
		if (n > 0) {
			/* a close, an error, or an fd the main thread closed */
			p.fd = -1;
			closed_at = (double)gp_now_ns() / 1e9;
		}
		gh_gl_running_check();
		if (closed_at > 0 && (double)gp_now_ns() / 1e9 - closed_at >= GH_LINK_GRACE_S)
			break;
	}
	gp_log(ERROR,
	       "the link closed %d s ago and this link process still runs, held in the GL "
	       "driver (a draw or a shader that does not end, a hung GPU): ending it",
	       GH_LINK_GRACE_S);
	_exit(1);
}

bool gh_link_watchdog_start(int fd)
{
	pthread_t thread;
	pthread_attr_t attr;
	int err = pthread_attr_init(&attr);
	if (!err) {
		/* Its stack holds a few frames: the smallest the system gives. */
		pthread_attr_setstacksize(&attr, 64 * 1024);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		/* It takes no signal: each stays the main thread's (SIGUSR1's statistics,
		 * SIGTERM's orderly end). */
		sigset_t all, old;
		sigfillset(&all);
		pthread_sigmask(SIG_SETMASK, &all, &old);
		err = pthread_create(&thread, &attr, watch, (void *)(intptr_t)fd);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		pthread_attr_destroy(&attr);
	}
	if (err) {
		gp_log(ERROR, "cannot start the link watchdog: %s", strerror(err));
		return false;
	}
	return true;
}
