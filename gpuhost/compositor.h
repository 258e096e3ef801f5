/*
 * Reaching the host compositor: the socket libwayland's clients would use
 * ($WAYLAND_DISPLAY, absolute or in $XDG_RUNTIME_DIR; default wayland-0).
 * gpupipe-host checks it once at start-up, so a host without a compositor
 * says so at once instead of failing every app later, and its listener
 * keeps that connection to notice when the compositor goes away.
 */
#ifndef GH_COMPOSITOR_H
#define GH_COMPOSITOR_H

#include <stdbool.h>
#include <stddef.h>

/* How long the compositor has to answer the start-up wl_display.sync. */
#define GH_COMPOSITOR_CHECK_MS 5000

struct gh_compositor_error {
	char text[256];
};

/* Connects (blocking, close-on-exec; timeout_ms > 0 bounds the wait for
 * room in a busy compositor's backlog); -1 with the reason in err. */
int gh_compositor_connect(int timeout_ms, struct gh_compositor_error *err);

/* Connects and waits at most timeout_ms for the answer to a
 * wl_display.sync: the compositor is there and serving clients. Returns
 * the connection (non-blocking, close-on-exec, nothing bound on it) or -1
 * with the reason in err. */
int gh_compositor_check(int timeout_ms, struct gh_compositor_error *err);

/* For that connection when poll() says it has something: reads what the
 * compositor sent (nothing it sends there matters) and returns false, with
 * the reason in err, once it has hung up. */
bool gh_compositor_alive(int fd, struct gh_compositor_error *err);

#endif
