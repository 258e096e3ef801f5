/*
 * A link process's life: its set-up (the link, the compositor, the GL), the sandbox it
 * enters before the app's first byte is read, the event loop that reads both sides and
 * dispatches what they send (requests.c, events.c), resuming what flow control paused, and
 * the end.
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "compositor.h"
#include "gl/gl.h"
#include "link-watchdog.h"
#include "policy.h"
#include "registry.h"
#include "session.h"
#include "shader-cache.h"
#include "shm.h"

/* A queue drained (WRITABLE): resumes what it paused once both queues are
 * down to half the bound, and runs the link frames received meanwhile
 * (their fd may never be readable again: the peer may be waiting for
 * replies to what it sent). */
static void resume(struct gh_session *s)
{
	size_t half = s->queue_bound / 2;
	size_t to_link = wire_conn_pending(&s->link);
	gh_session_resume_pipes(s);
	if (!s->compositor.reading && to_link < half) {
		gp_log(DEBUG, "resuming the compositor");
		wire_conn_set_reading(&s->compositor, true);
	}
	if (!s->link.reading && to_link < half && wire_conn_pending(&s->compositor) < half) {
		gp_log(DEBUG, "resuming the link");
		wire_conn_set_reading(&s->link, true);
		gh_link_process(s);
	}
}

/* A clipboard transfer's bytes were flushed on the link: if that emptied
 * its queue, no WL_EVENT_WRITABLE will come to resume what waited for it. */
static void pipes_flushed(void *data)
{
	struct gh_session *s = data;
	if (!s->done)
		resume(s);
}

/* Once the link is ending nothing more is read: CLOSE is the last frame. */
static void on_link(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct gh_session *s = data;
	if (s->done)
		return;
	if (mask & WL_EVENT_WRITABLE)
		resume(s);
	if (s->done)
		return;
	if ((mask & WL_EVENT_READABLE) && conn->reading) {
		ssize_t n = wire_conn_read(conn);
		if (n < 0 && errno == EBADMSG) {
			gh_session_fail(s, "the link sent a file descriptor, but fd passing is "
			                   "not enabled");
			return;
		}
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			gh_session_end(s, "proxy disconnected");
			return;
		}
		gh_link_process(s);
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		gh_session_end(s, "proxy disconnected");
	}
}

static void on_compositor(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct gh_session *s = data;
	if (s->done)
		return;
	if (mask & WL_EVENT_WRITABLE)
		resume(s);
	if (s->done)
		return;
	if ((mask & WL_EVENT_READABLE) && conn->reading) {
		ssize_t n = wire_conn_read(conn);
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			/* Pass on whatever arrived (often a wl_display.error, which the
			 * app then sees first), then say why the link ends: an EOF alone
			 * reads as a reset when the proxy had bytes in flight. */
			gh_compositor_process(s);
			gh_session_fail(s, "gpupipe-host's compositor closed the connection");
			return;
		}
		gh_compositor_process(s);
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		gh_session_fail(s, "gpupipe-host's compositor closed the connection");
	}
}

static int on_hello_timeout(void *data)
{
	struct gh_session *s = data;
	if (!s->hello_received)
		gh_session_fail(s, "no hello within %d ms", GH_HELLO_TIMEOUT_MS);
	else if (!s->first_request)
		gh_session_fail(s, "no Wayland request within %u ms of the hello (--setup-timeout)",
		                s->options->setup_timeout_ms ? s->options->setup_timeout_ms
		                                             : GH_FIRST_REQUEST_TIMEOUT_MS);
	return 0;
}

/* Last words to the proxy (a close reason, final events) get a moment to
 * leave even if the socket is full; then the process exits regardless. */
static void drain(struct wire_conn *conn)
{
	for (int tries = 0; tries < 10 && conn->fd >= 0 && wire_conn_pending(conn); tries++) {
		if (!wire_conn_flush(conn))
			return;
		struct pollfd pfd = {.fd = conn->out_fd, .events = POLLOUT};
		poll(&pfd, 1, 100);
	}
}

/* Everything but the compositor, whose fd comes last: a host that cannot
 * reach its compositor still tells the proxy why over the link. Takes the
 * link fds, even when it fails. */
static bool session_setup(struct gh_session *s, int link_in, int link_out)
{
	const char *err;
	s->next_handle = 1;
	wl_list_init(&s->globals);
	wl_list_init(&s->shm_regions);
	wl_list_init(&s->pipes.dests);
	wl_list_init(&s->pipes.sources);
	wl_array_init(&s->pipes.peer_handles);
	wire_object_map_init(&s->objects);
	s->loop = wl_event_loop_create();
	if (!s->loop) {
		close(link_in);
		if (link_out != link_in)
			close(link_out);
		return false;
	}
	bool ok = link_in == link_out
	                  ? wire_conn_init(&s->link, link_in, false, s->loop, on_link, s)
	                  : wire_conn_init_pair(&s->link, link_in, link_out, s->loop, on_link, s);
	if (!ok || !wire_object_insert(&s->objects, 1, &wire_iface_wl_display, 1, &err))
		return false;
	wire_pipes_init(&s->pipes, s->loop, &s->link);
	s->pipes.link_bound = s->queue_bound;
	s->pipes.link_flushed = pipes_flushed;
	s->pipes.link_flushed_data = s;
	s->hello_timer = wl_event_loop_add_timer(s->loop, on_hello_timeout, s);
	return s->hello_timer &&
	       wl_event_source_timer_update(s->hello_timer, GH_HELLO_TIMEOUT_MS) >= 0 &&
	       gh_stats_init(s, s->options->stats);
}

bool gh_session_init(struct gh_session *s, int link_in, int link_out, int compositor_fd,
                     const struct gh_options *options)
{
	*s = (struct gh_session){.options = options};
	s->link.fd = s->link.out_fd = -1;
	s->compositor.fd = s->compositor.out_fd = -1;
	s->queue_bound = options->quota_queued ? options->quota_queued : GH_DEFAULT_QUEUED_BYTES;
	bool ok = session_setup(s, link_in, link_out);
	if (ok && compositor_fd >= 0 &&
	    wire_conn_init(&s->compositor, compositor_fd, true, s->loop, on_compositor, s)) {
		/* The driver starts now, with the files it needs in reach; without
		 * it the app is not offered gpupipe_v1 and renders by itself. */
		if (options->gl && !(s->gl = gh_gl_create(s)))
			gp_log(WARN,
			       "this link gets no GL: the host's EGL cannot render (see above)");
		return true;
	}
	if (!ok && compositor_fd >= 0)
		close(compositor_fd);
	if (ok && compositor_fd < 0)
		gh_session_fail(s, "gpupipe-host cannot reach its compositor");
	s->exit_status = 1;
	return false;
}

void gh_session_finish(struct gh_session *s)
{
	if (s->hello_received)
		gh_stats_log_totals(s);
	drain(&s->link);
	wire_object_map_finish(&s->objects, gh_object_destroy);
	if (s->gl)
		gh_gl_destroy(s->gl);
	s->gl = NULL;
	gh_shm_finish(s);
	gh_registry_finish(s);
	wire_pipes_finish(&s->pipes);
	wire_conn_finish(&s->compositor);
	wire_conn_finish(&s->link);
	/* wl_event_loop_destroy frees only the sources already removed. */
	if (s->hello_timer)
		wl_event_source_remove(s->hello_timer);
	s->hello_timer = NULL;
	gh_stats_finish(s);
	if (s->loop)
		wl_event_loop_destroy(s->loop);
	s->loop = NULL;
}

/* Everything the session needs from outside is open: take the rest away
 * before the first byte from the app is read. */
static bool contain(struct gh_session *s)
{
	if (!s->options->sandbox.enabled) {
		gp_log(WARN, "this link is NOT sandboxed (--no-sandbox): the app can reach "
		             "everything this process can");
	} else if (!gh_sandbox_enter(&s->options->sandbox)) {
		gh_session_fail(s, "gpupipe-host cannot contain this link (see its log)");
		return false;
	}
#ifdef GPUPIPE_TEST_HOOKS
	gh_sandbox_probe();
#endif
	return true;
}

/* The GL driver allocates and frees vertex and command buffers of a few
 * hundred KiB on every draw (llvmpipe's draw module: 192 KiB a draw of
 * glmark2's bump scene). glibc gives the top of its heap back to the kernel
 * once more than M_TRIM_THRESHOLD of it is free, so each frame grew the heap
 * again and faulted in fresh zeroed pages: 17 brk calls a frame and 0.77 of
 * native fps, where glmark2 drawing natively made 143 in its whole run
 * (glibc raises both thresholds itself after freeing a big block, which an
 * app's loading does early and a link process may never do). Blocks up to
 * 1 MiB come from the heap and 16 MiB may stay free at its top; bigger
 * blocks (reply and copy buffers) keep their own mappings, which realloc
 * moves without copying and free returns at once. Larger thresholds cost a
 * link 40 MiB more at its peak in the unread-replies flood (hostile
 * cases-quota.c) and gained nothing. */
static void tune_heap(void)
{
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
	mallopt(M_TRIM_THRESHOLD, 16 << 20);
}

#ifdef GPUPIPE_TEST_HOOKS
/* GPUPIPE_TEST_CACHE_FLOOD=MIB (test builds): a file of the link's shader cache, opened
 * before the sandbox as Mesa opens its own, is made MIB MiB long once the link is contained,
 * as a compromised link could write it; for the tests of the cache's watch. */
static int flood_open(void)
{
	const char *dir = getenv("MESA_SHADER_CACHE_DIR");
	char path[4200];
	if (!getenv("GPUPIPE_TEST_CACHE_FLOOD") || !dir ||
	    snprintf(path, sizeof(path), "%s/flood", dir) >= (int)sizeof(path))
		return -1;
	return open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
}

static void flood(int fd)
{
	long mib = fd >= 0 ? atol(getenv("GPUPIPE_TEST_CACHE_FLOOD")) : 0;
	if (mib > 0 && ftruncate(fd, (off_t)mib << 20) < 0)
		gp_log(WARN, "GPUPIPE_TEST_CACHE_FLOOD: %s", strerror(errno));
}
#endif

int gh_session_run(int link_in, int link_out, const struct gh_options *options)
{
	tune_heap();
	struct gh_compositor_error cerr;
	int compositor_fd = gh_compositor_connect(0, &cerr);
	if (compositor_fd < 0)
		gp_log(ERROR, "%s", cerr.text);
	struct gh_session s;
#ifdef GPUPIPE_TEST_HOOKS
	int flood_fd = flood_open();
#endif
	if (gh_session_init(&s, link_in, link_out, compositor_fd, options) && contain(&s)) {
#ifdef GPUPIPE_TEST_HOOKS
		flood(flood_fd);
#endif
		/* Without it the link is served as well; only a driver that never returns
		 * would keep the process after the link, and one that holds a command for
		 * seconds would not say so. */
		gh_link_watchdog_start(link_in);
		while (!s.done) {
			if (wl_event_loop_dispatch(s.loop, -1) < 0 && errno != EINTR)
				break;
		}
	} else {
		/* Every way out says why (gh_session_fail has logged already). */
		if (!s.done)
			gp_log(ERROR, "cannot set up the link: %s", strerror(errno));
		s.exit_status = 1;
	}
	gh_session_finish(&s);
	return s.exit_status;
}
