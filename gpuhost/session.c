#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "gl/gl.h"
#include "gpupipe.h"
#include "registry.h"
#include "session.h"
#include "shm.h"

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

void gh_object_destroy(struct wire_object *obj)
{
	if (obj->data &&
	    (obj->interface == &wire_iface_wl_shm_pool || obj->interface == &wire_iface_wl_buffer))
		gh_shm_region_unref(obj->data);
	gh_gpupipe_object_destroy(obj);
	obj->data = NULL;
}

static void resume_if_drained(struct wire_conn *drained, struct wire_conn *paused)
{
	if (!paused->reading && wire_conn_pending(drained) < GH_BACKPRESSURE_BYTES / 2)
		wire_conn_set_reading(paused, true);
}

/* Once the link is ending nothing more is read: CLOSE is the last frame. */
static void on_link(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct gh_session *s = data;
	if (s->done)
		return;
	if (mask & WL_EVENT_WRITABLE)
		resume_if_drained(&s->link, &s->compositor);
	if (mask & WL_EVENT_READABLE) {
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
		resume_if_drained(&s->compositor, &s->link);
	if (mask & WL_EVENT_READABLE) {
		ssize_t n = wire_conn_read(conn);
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			/* Pass on whatever arrived (often a wl_display.error). */
			gh_compositor_process(s);
			gh_session_end(s, "the compositor closed the connection");
			return;
		}
		gh_compositor_process(s);
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		gh_session_end(s, "the compositor closed the connection");
	}
}

static int connect_compositor(void)
{
	const char *display = getenv("WAYLAND_DISPLAY");
	const char *dir = getenv("XDG_RUNTIME_DIR");
	if (!display)
		display = "wayland-0";
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	int n = display[0] == '/' ? snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", display)
	                          : snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/%s",
	                                     dir ? dir : "", display);
	if (n < 0 || (size_t)n >= sizeof(sun.sun_path) || (!dir && display[0] != '/')) {
		gp_log(ERROR, "cannot locate the host compositor: set XDG_RUNTIME_DIR and "
		              "WAYLAND_DISPLAY");
		return -1;
	}
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		gp_log(ERROR, "cannot connect to the host compositor at %s: %s", sun.sun_path,
		       strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

static int on_hello_timeout(void *data)
{
	struct gh_session *s = data;
	if (!s->hello_received)
		gh_session_fail(s, "no hello within %d ms", GH_HELLO_TIMEOUT_MS);
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
	s->hello_timer = wl_event_loop_add_timer(s->loop, on_hello_timeout, s);
	return s->hello_timer &&
	       wl_event_source_timer_update(s->hello_timer, GH_HELLO_TIMEOUT_MS) >= 0;
}

bool gh_session_init(struct gh_session *s, int link_in, int link_out, int compositor_fd,
                     const struct gh_options *options)
{
	*s = (struct gh_session){.options = options};
	s->link.fd = s->link.out_fd = -1;
	s->compositor.fd = s->compositor.out_fd = -1;
	bool ok = session_setup(s, link_in, link_out);
	if (ok && compositor_fd >= 0 &&
	    wire_conn_init(&s->compositor, compositor_fd, true, s->loop, on_compositor, s))
		return true;
	if (!ok && compositor_fd >= 0)
		close(compositor_fd);
	if (ok && compositor_fd < 0)
		gh_session_fail(s, "gpupipe-host cannot reach its compositor");
	s->exit_status = 1;
	return false;
}

void gh_session_finish(struct gh_session *s)
{
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
	if (s->loop)
		wl_event_loop_destroy(s->loop);
	s->loop = NULL;
}

int gh_session_run(int link_in, int link_out, const struct gh_options *options)
{
	struct gh_session s;
	if (gh_session_init(&s, link_in, link_out, connect_compositor(), options)) {
		while (!s.done) {
			if (wl_event_loop_dispatch(s.loop, -1) < 0 && errno != EINTR)
				break;
		}
	}
	gh_session_finish(&s);
	return s.exit_status;
}
