#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include <gpupipe/clock.h>
#include <gpupipe/wl-proto.h>

#include "compositor.h"

/* The id of the start-up sync's wl_callback: the first client id. */
#define SYNC_CALLBACK_ID 2

static int fail(struct gh_compositor_error *err, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

static int fail(struct gh_compositor_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return -1;
}

int gh_compositor_connect(int timeout_ms, struct gh_compositor_error *err)
{
	const char *display = getenv("WAYLAND_DISPLAY");
	const char *dir = getenv("XDG_RUNTIME_DIR");
	if (!display || !*display)
		display = "wayland-0";
	if (display[0] != '/' && (!dir || !*dir))
		return fail(err,
		            "cannot locate the compositor: WAYLAND_DISPLAY=%s is not an "
		            "absolute path and XDG_RUNTIME_DIR is not set",
		            display);
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	int n = display[0] == '/'
	                ? snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", display)
	                : snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/%s", dir, display);
	if (n < 0 || (size_t)n >= sizeof(sun.sun_path))
		return fail(err, "the compositor's socket path is too long (WAYLAND_DISPLAY=%s)",
		            display);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return fail(err, "socket: %s", strerror(errno));
	/* A unix connect() waits for backlog room for as long as the send
	 * timeout says: a hung compositor's full backlog would block forever. */
	struct timeval tv = {.tv_sec = timeout_ms / 1000, .tv_usec = timeout_ms % 1000 * 1000};
	if (timeout_ms > 0)
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		if (errno == EAGAIN)
			fail(err, "the compositor at %s accepted no connection within %d ms",
			     sun.sun_path, timeout_ms);
		else
			fail(err, "cannot connect to the compositor at %s: %s", sun.sun_path,
			     strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static bool send_sync(int fd, struct gh_compositor_error *err)
{
	struct wire_msg msg = {
	        .object = 1,
	        .opcode = WIRE_WL_DISPLAY_REQ_SYNC,
	        .desc = &wire_iface_wl_display.requests[WIRE_WL_DISPLAY_REQ_SYNC],
	};
	msg.args[0].u = SYNC_CALLBACK_ID;
	uint8_t buf[WIRE_WL_MAX_MESSAGE];
	size_t n = wire_msg_encode(&msg, WIRE_FORM_SOCKET, buf, sizeof(buf));
	if (send(fd, buf, n, MSG_NOSIGNAL) != (ssize_t)n) {
		fail(err, "cannot write to the compositor: %s", strerror(errno));
		return false;
	}
	return true;
}

/* Looks at one whole message: 1 for the sync's done, 0 to go on, -1 on a
 * wl_display.error (the compositor would not serve us). */
static int look_at(const uint8_t *p, uint32_t object, uint16_t opcode, uint16_t size,
                   struct gh_compositor_error *err)
{
	if (object == SYNC_CALLBACK_ID && opcode == WIRE_WL_CALLBACK_EVT_DONE)
		return 1;
	if (object != 1 || opcode != WIRE_WL_DISPLAY_EVT_ERROR)
		return 0;
	struct wire_msg msg;
	const char *why;
	if (!wire_msg_decode(p, size, &wire_iface_wl_display.events[WIRE_WL_DISPLAY_EVT_ERROR],
	                     WIRE_FORM_SOCKET, &msg, &why))
		return fail(err, "the compositor sent a malformed error: %s", why);
	return fail(err, "the compositor refused the connection: %s", msg.args[2].s);
}

/* Reads until the sync is answered, an error comes, or the deadline. */
static bool await_sync(int fd, int timeout_ms, struct gh_compositor_error *err)
{
	uint8_t buf[2 * WIRE_WL_MAX_MESSAGE];
	size_t have = 0;
	int64_t deadline = gp_now_ms() + timeout_ms;
	for (;;) {
		int64_t left = deadline - gp_now_ms();
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int rc = left > 0 ? poll(&pfd, 1, (int)left) : 0;
		if (rc < 0 && errno == EINTR)
			continue;
		if (rc <= 0) {
			fail(err, "the compositor did not answer wl_display.sync within %d ms",
			     timeout_ms);
			return false;
		}
		ssize_t n = recv(fd, buf + have, sizeof(buf) - have, 0);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0) {
			fail(err, "the compositor closed the connection before answering%s%s",
			     n < 0 ? ": " : "", n < 0 ? strerror(errno) : "");
			return false;
		}
		have += (size_t)n;
		uint32_t object;
		uint16_t opcode, size;
		const char *why;
		while (have >= WIRE_WL_HEADER) {
			if (!wire_msg_peek(buf, have, &object, &opcode, &size, &why)) {
				fail(err, "the compositor sent a malformed message: %s", why);
				return false;
			}
			if (size > have)
				break;
			int seen = look_at(buf, object, opcode, size, err);
			if (seen != 0)
				return seen > 0;
			memmove(buf, buf + size, have - size);
			have -= size;
		}
	}
}

int gh_compositor_check(int timeout_ms, struct gh_compositor_error *err)
{
	int fd = gh_compositor_connect(timeout_ms, err);
	if (fd < 0)
		return -1;
	if (!send_sync(fd, err) || !await_sync(fd, timeout_ms, err)) {
		close(fd);
		return -1;
	}
	/* The rest (delete_id) is read and dropped by gh_compositor_alive. */
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
		fail(err, "fcntl: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

bool gh_compositor_alive(int fd, struct gh_compositor_error *err)
{
	uint8_t scratch[4096];
	for (;;) {
		ssize_t n = recv(fd, scratch, sizeof(scratch), 0);
		if (n > 0)
			continue;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return true;
		if (n == 0)
			fail(err, "it closed the connection");
		else
			fail(err, "%s", strerror(errno));
		return false;
	}
}
