/*
 * What every part of a link process may do to its session: end it, with the reason logged
 * and sent to the proxy, and pause reading where a queue is over its bound
 * (GH_DEFAULT_QUEUED_BYTES). It calls nothing that dispatches: the event loop that reads
 * and resumes is session-run.c's.
 */
#include <stdarg.h>
#include <stdio.h>
#include <sys/socket.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "session.h"

void gh_session_fail(struct gh_session *s, const char *fmt, ...)
{
	if (s->done)
		return;
	char reason[WIRE_MAX_REASON];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	gp_log(ERROR, "closing link: %s", reason);
	wire_send_close(&s->link, reason);
	s->done = true;
	s->exit_status = 1;
}

void gh_session_end(struct gh_session *s, const char *why)
{
	if (s->done)
		return;
	gp_log(INFO, "link ends: %s", why);
	s->done = true;
}

/* ---- flow control (GH_DEFAULT_QUEUED_BYTES) ---- */

bool gh_session_congested(const struct gh_session *s)
{
	return wire_conn_pending(&s->link) > s->queue_bound ||
	       wire_conn_pending(&s->compositor) > s->queue_bound;
}

/* Clipboard transfers from the compositor wait while the link queues more
 * than the bound (wire_pipes.link_bound), and go on once it is down to half. */
void gh_session_resume_pipes(struct gh_session *s)
{
	if (wire_conn_pending(&s->link) < s->queue_bound / 2)
		wire_pipes_resume(&s->pipes);
}

void gh_session_throttle(struct gh_session *s)
{
	size_t to_link = wire_conn_pending(&s->link);
	size_t to_compositor = wire_conn_pending(&s->compositor);
	if (s->link.reading && gh_session_congested(s)) {
		gp_log(DEBUG,
		       "pausing the link: %zu bytes queued toward the proxy, %zu toward the "
		       "compositor (--quota-queued %zu)",
		       to_link, to_compositor, s->queue_bound);
		wire_conn_set_reading(&s->link, false);
	}
	if (s->compositor.reading && to_link > s->queue_bound) {
		gp_log(DEBUG, "pausing the compositor: %zu bytes queued toward the proxy", to_link);
		wire_conn_set_reading(&s->compositor, false);
	}
	gh_session_resume_pipes(s);
}

bool gh_session_link_passes_fds(const struct gh_session *s)
{
	if (s->options->no_shared_memory || !s->gl || s->link.fd != s->link.out_fd)
		return false;
	int domain = 0;
	socklen_t len = sizeof(domain);
	return getsockopt(s->link.fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0 &&
	       domain == AF_UNIX;
}
