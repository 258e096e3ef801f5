/*
 * gl-reinit: an app that re-initialises EGL on one wl_display, as SDL does. Five cycles of
 * eglGetPlatformDisplay, eglInitialize, a context and a window surface on the same
 * wl_egl_window, a frame of the cycle's colour (read back with glReadPixels) and
 * eglTerminate, each cycle ending another way: objects destroyed first, objects left to
 * eglTerminate, eglTerminate while the context is current (released after). Then a sixth
 * initialisation draws the final frame, 0x33cc99, and keeps it on screen until SIGTERM.
 *
 * Before the cycles it asks for a config and a context that no EGL gives (an OpenVG
 * config, an unknown context attribute): both must be refused (gpupipe's library says why
 * in its log, which the gpu-0 test reads).
 *
 * Prints "cycle N ok" per cycle, "final 33cc99" once the final frame was swapped and a
 * Wayland round trip came back, "held", then "exit status S"; "FAIL ..." lines for what went
 * wrong. Exit status 0 when everything worked.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <wayland-client.h>
#include <wayland-egl.h>

#include "xdg-shell-client-protocol.h"

#define WIDTH 160
#define HEIGHT 120
#define CYCLES 5

struct app {
	struct wl_display *wl;
	struct wl_compositor *compositor;
	struct xdg_wm_base *wm_base;
	struct wl_surface *surface;
	struct xdg_surface *xdg_surface;
	struct xdg_toplevel *toplevel;
	struct wl_egl_window *native;
	bool configured;
	EGLDisplay dpy;
	int sigfd;
	int failures;
};

__attribute__((format(printf, 2, 3))) static void fail(struct app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	printf("FAIL ");
	vprintf(fmt, ap);
	printf(" (EGL error 0x%x)\n", eglGetError());
	va_end(ap);
	app->failures++;
}

/* --- Wayland --- */

static void wm_base_ping(void *data, struct xdg_wm_base *wm_base, uint32_t serial)
{
	xdg_wm_base_pong(wm_base, serial);
}

static const struct xdg_wm_base_listener wm_base_listener = {.ping = wm_base_ping};

static void global_added(void *data, struct wl_registry *registry, uint32_t name,
                         const char *interface, uint32_t version)
{
	struct app *app = data;
	if (strcmp(interface, wl_compositor_interface.name) == 0 && !app->compositor) {
		app->compositor = wl_registry_bind(registry, name, &wl_compositor_interface, 4);
	} else if (strcmp(interface, xdg_wm_base_interface.name) == 0 && !app->wm_base) {
		app->wm_base = wl_registry_bind(registry, name, &xdg_wm_base_interface, 1);
		xdg_wm_base_add_listener(app->wm_base, &wm_base_listener, app);
	}
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global_added, global_removed};

static void xdg_surface_configure(void *data, struct xdg_surface *xdg_surface, uint32_t serial)
{
	struct app *app = data;
	xdg_surface_ack_configure(xdg_surface, serial);
	app->configured = true;
}

static const struct xdg_surface_listener xdg_surface_listener = {.configure =
                                                                         xdg_surface_configure};

static void toplevel_configure(void *data, struct xdg_toplevel *toplevel, int32_t width,
                               int32_t height, struct wl_array *states)
{
}

static void toplevel_close(void *data, struct xdg_toplevel *toplevel)
{
}

static const struct xdg_toplevel_listener toplevel_listener = {.configure = toplevel_configure,
                                                               .close = toplevel_close};

static bool window_create(struct app *app)
{
	struct wl_registry *registry = wl_display_get_registry(app->wl);
	wl_registry_add_listener(registry, &registry_listener, app);
	if (wl_display_roundtrip(app->wl) < 0 || !app->compositor || !app->wm_base)
		return false;
	app->surface = wl_compositor_create_surface(app->compositor);
	app->xdg_surface = xdg_wm_base_get_xdg_surface(app->wm_base, app->surface);
	xdg_surface_add_listener(app->xdg_surface, &xdg_surface_listener, app);
	app->toplevel = xdg_surface_get_toplevel(app->xdg_surface);
	xdg_toplevel_add_listener(app->toplevel, &toplevel_listener, app);
	xdg_toplevel_set_title(app->toplevel, "gl-reinit");
	wl_surface_commit(app->surface);
	while (!app->configured)
		if (wl_display_dispatch(app->wl) < 0)
			return false;
	app->native = wl_egl_window_create(app->surface, WIDTH, HEIGHT);
	return app->native != NULL;
}

/* --- EGL --- */

static const EGLint context_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};

/* 8-bit RGBA, ES 2, windows: gpupipe's and Mesa's both have one. */
static EGLConfig pick_config(struct app *app)
{
	const EGLint attribs[] = {EGL_SURFACE_TYPE,
	                          EGL_WINDOW_BIT,
	                          EGL_RENDERABLE_TYPE,
	                          EGL_OPENGL_ES2_BIT,
	                          EGL_RED_SIZE,
	                          8,
	                          EGL_GREEN_SIZE,
	                          8,
	                          EGL_BLUE_SIZE,
	                          8,
	                          EGL_ALPHA_SIZE,
	                          8,
	                          EGL_NONE};
	EGLConfig configs[64];
	EGLint n = 0, v;
	if (!eglChooseConfig(app->dpy, attribs, configs, 64, &n))
		return NULL;
	for (EGLint i = 0; i < n; i++) {
		eglGetConfigAttrib(app->dpy, configs[i], EGL_RED_SIZE, &v);
		if (v == 8)
			return configs[i];
	}
	return NULL;
}

/* What no EGL gives: an OpenVG config and a context attribute that does not exist. */
static void ask_for_refusals(struct app *app)
{
	const EGLint vg[] = {EGL_RENDERABLE_TYPE, EGL_OPENVG_BIT, EGL_NONE};
	EGLConfig cfg;
	EGLint n = -1;
	if (!eglChooseConfig(app->dpy, vg, &cfg, 1, &n) || n != 0)
		fail(app, "refusals: an OpenVG config was found (%d)", n);
	const EGLint bad[] = {EGL_CONTEXT_CLIENT_VERSION, 2, 0x1234, 1, EGL_NONE};
	EGLContext ctx = eglCreateContext(app->dpy, pick_config(app), EGL_NO_CONTEXT, bad);
	EGLint error = eglGetError();
	if (ctx != EGL_NO_CONTEXT || error != EGL_BAD_ATTRIBUTE)
		fail(app, "refusals: context attribute 0x1234 gave error 0x%x", error);
	printf("refusals asked\n");
}

static bool initialize(struct app *app, int cycle)
{
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, app->wl, NULL);
	if (dpy == EGL_NO_DISPLAY) {
		fail(app, "cycle %d: eglGetPlatformDisplay", cycle);
		return false;
	}
	if (app->dpy != EGL_NO_DISPLAY && dpy != app->dpy)
		fail(app, "cycle %d: a new EGLDisplay for the same wl_display", cycle);
	app->dpy = dpy;
	EGLint major = 0, minor = 0;
	if (!eglInitialize(dpy, &major, &minor)) {
		fail(app, "cycle %d: eglInitialize", cycle);
		return false;
	}
	if (cycle == 0)
		printf("info: EGL_VENDOR %s\n", eglQueryString(dpy, EGL_VENDOR));
	return true;
}

/* Clears to rgb, reads the middle back and swaps. */
static bool draw(struct app *app, EGLSurface surf, uint32_t rgb, int cycle)
{
	glClearColor((float)(rgb >> 16) / 255, (float)(rgb >> 8 & 0xff) / 255,
	             (float)(rgb & 0xff) / 255, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	uint8_t px[4] = {0};
	glReadPixels(WIDTH / 2, HEIGHT / 2, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
	uint32_t got = (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 | px[2];
	if (got != rgb)
		fail(app, "cycle %d: glReadPixels gives %06x, not %06x", cycle, got, rgb);
	if (!eglSwapBuffers(app->dpy, surf)) {
		fail(app, "cycle %d: eglSwapBuffers", cycle);
		return false;
	}
	return got == rgb;
}

enum ending { DESTROY_FIRST, LEAVE_TO_TERMINATE, TERMINATE_WHILE_CURRENT };

static void cycle(struct app *app, int i, uint32_t rgb, enum ending how)
{
	if (!initialize(app, i))
		return;
	if (i == 0)
		ask_for_refusals(app);
	EGLConfig cfg = pick_config(app);
	EGLContext ctx = cfg ? eglCreateContext(app->dpy, cfg, EGL_NO_CONTEXT, context_attribs)
	                     : EGL_NO_CONTEXT;
	EGLSurface surf = cfg ? eglCreatePlatformWindowSurface(app->dpy, cfg, app->native, NULL)
	                      : EGL_NO_SURFACE;
	if (ctx == EGL_NO_CONTEXT || surf == EGL_NO_SURFACE ||
	    !eglMakeCurrent(app->dpy, surf, surf, ctx)) {
		fail(app, "cycle %d: config, context, window surface or make-current", i);
		eglTerminate(app->dpy);
		return;
	}
	if (i == 0)
		printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	bool ok = draw(app, surf, rgb, i);
	if (how == DESTROY_FIRST) {
		eglMakeCurrent(app->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
		ok = eglDestroySurface(app->dpy, surf) && eglDestroyContext(app->dpy, ctx) && ok;
	} else if (how == LEAVE_TO_TERMINATE) {
		ok = eglMakeCurrent(app->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT) && ok;
	}
	ok = eglTerminate(app->dpy) && ok;
	if (how == TERMINATE_WHILE_CURRENT) {
		/* Still current: it renders until released. */
		glClear(GL_COLOR_BUFFER_BIT);
		glFinish();
		ok = glGetError() == GL_NO_ERROR && ok;
		ok = eglMakeCurrent(app->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT) && ok;
	}
	if (ok)
		printf("cycle %d ok\n", i);
	else
		fail(app, "cycle %d: its ending (%d)", i, (int)how);
}

/* Keeps the final frame on screen until SIGTERM or the end of the connection. */
static void hold(struct app *app)
{
	printf("held\n");
	for (;;) {
		while (wl_display_prepare_read(app->wl) != 0)
			if (wl_display_dispatch_pending(app->wl) < 0)
				return;
		wl_display_flush(app->wl);
		struct pollfd p[2] = {{.fd = wl_display_get_fd(app->wl), .events = POLLIN},
		                      {.fd = app->sigfd, .events = POLLIN}};
		if (poll(p, 2, -1) < 0 && errno != EINTR) {
			wl_display_cancel_read(app->wl);
			return;
		}
		if (p[0].revents & POLLIN) {
			if (wl_display_read_events(app->wl) < 0)
				return;
		} else {
			wl_display_cancel_read(app->wl);
		}
		if (p[0].revents & (POLLERR | POLLHUP)) {
			fail(app, "the Wayland connection ended while held");
			return;
		}
		if (wl_display_dispatch_pending(app->wl) < 0 || (p[1].revents & POLLIN))
			return;
	}
}

static void final_frame(struct app *app)
{
	if (!initialize(app, CYCLES))
		return;
	EGLConfig cfg = pick_config(app);
	EGLContext ctx = eglCreateContext(app->dpy, cfg, EGL_NO_CONTEXT, context_attribs);
	EGLSurface surf = eglCreatePlatformWindowSurface(app->dpy, cfg, app->native, NULL);
	if (!eglMakeCurrent(app->dpy, surf, surf, ctx)) {
		fail(app, "final: make-current");
		return;
	}
	if (!draw(app, surf, 0x33cc99, CYCLES))
		return;
	/* The connection is alive: gpupipe-host did not end the link. */
	if (wl_display_roundtrip(app->wl) < 0) {
		fail(app, "final: the Wayland connection failed");
		return;
	}
	printf("final 33cc99\n");
	hold(app);
	eglMakeCurrent(app->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglTerminate(app->dpy);
}

int main(void)
{
	static const uint32_t colours[CYCLES] = {0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff};
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct app app = {.sigfd = signalfd(-1, &mask, SFD_CLOEXEC), .dpy = EGL_NO_DISPLAY};
	app.wl = wl_display_connect(NULL);
	if (app.sigfd < 0 || !app.wl || !window_create(&app)) {
		fprintf(stderr,
		        "gl-reinit: no Wayland display with wl_compositor and xdg_wm_base\n");
		return 2;
	}
	for (int i = 0; i < CYCLES; i++)
		cycle(&app, i, colours[i], (enum ending)(i % 3));
	final_frame(&app);
	int status = app.failures ? 1 : 0;
	printf("exit status %d\n", status);
	return status;
}
