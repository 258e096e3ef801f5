/*
 * The Wayland window and EGL set-up of the GL test clients (see gl-window.h).
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>

#include <GLES2/gl2.h>
#include <wayland-client.h>
#include <wayland-egl.h>

#include "gl-window.h"
#include "xdg-shell-client-protocol.h"

const char *gp_egl_error_name(EGLint error)
{
	switch (error) {
#define E(x)                                                                                       \
	case x:                                                                                    \
		return #x
		E(EGL_SUCCESS);
		E(EGL_NOT_INITIALIZED);
		E(EGL_BAD_ACCESS);
		E(EGL_BAD_ALLOC);
		E(EGL_BAD_ATTRIBUTE);
		E(EGL_BAD_CONFIG);
		E(EGL_BAD_CONTEXT);
		E(EGL_BAD_CURRENT_SURFACE);
		E(EGL_BAD_DISPLAY);
		E(EGL_BAD_MATCH);
		E(EGL_BAD_NATIVE_PIXMAP);
		E(EGL_BAD_NATIVE_WINDOW);
		E(EGL_BAD_PARAMETER);
		E(EGL_BAD_SURFACE);
		E(EGL_CONTEXT_LOST);
#undef E
	}
	return "an unknown EGL error";
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
	struct gp_app *app = data;
	if (strcmp(interface, wl_compositor_interface.name) == 0 && !app->compositor) {
		app->compositor = wl_registry_bind(registry, name, &wl_compositor_interface,
		                                   version < 4 ? version : 4);
	} else if (strcmp(interface, xdg_wm_base_interface.name) == 0 && !app->wm_base) {
		app->wm_base = wl_registry_bind(registry, name, &xdg_wm_base_interface, 1);
		xdg_wm_base_add_listener(app->wm_base, &wm_base_listener, app);
	}
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {.global = global_added,
                                                              .global_remove = global_removed};

static void xdg_surface_configure(void *data, struct xdg_surface *xdg_surface, uint32_t serial)
{
	struct gp_window *w = data;
	xdg_surface_ack_configure(xdg_surface, serial);
	w->configured = true;
}

static const struct xdg_surface_listener xdg_surface_listener = {.configure =
                                                                         xdg_surface_configure};

/* The size is ours to choose (a floating window): the suggested one is ignored. */
static void toplevel_configure(void *data, struct xdg_toplevel *toplevel, int32_t width,
                               int32_t height, struct wl_array *states)
{
}

static void toplevel_close(void *data, struct xdg_toplevel *toplevel)
{
	struct gp_window *w = data;
	w->closed = true;
}

static const struct xdg_toplevel_listener toplevel_listener = {.configure = toplevel_configure,
                                                               .close = toplevel_close};

struct gp_window *gp_window_create(struct gp_app *app, int width, int height, const char *title)
{
	struct gp_window *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->surface = wl_compositor_create_surface(app->compositor);
	w->xdg_surface = xdg_wm_base_get_xdg_surface(app->wm_base, w->surface);
	xdg_surface_add_listener(w->xdg_surface, &xdg_surface_listener, w);
	w->toplevel = xdg_surface_get_toplevel(w->xdg_surface);
	xdg_toplevel_add_listener(w->toplevel, &toplevel_listener, w);
	xdg_toplevel_set_title(w->toplevel, title);
	xdg_toplevel_set_app_id(w->toplevel, app->name);
	wl_surface_commit(w->surface);
	while (!w->configured) {
		if (wl_display_dispatch(app->display) < 0) {
			fprintf(stderr, "%s: the display failed before configure\n", app->name);
			goto err;
		}
	}
	w->native = wl_egl_window_create(w->surface, width, height);
	if (!w->native)
		goto err;
	w->egl_surface =
	        eglCreatePlatformWindowSurface(app->egl, app->window_config, w->native, NULL);
	if (w->egl_surface == EGL_NO_SURFACE) {
		fprintf(stderr, "%s: eglCreatePlatformWindowSurface: %s\n", app->name,
		        gp_egl_error_name(eglGetError()));
		goto err;
	}
	return w;
err:
	gp_window_destroy(app, w);
	return NULL;
}

void gp_window_destroy(struct gp_app *app, struct gp_window *w)
{
	if (!w)
		return;
	if (w->egl_surface)
		eglDestroySurface(app->egl, w->egl_surface);
	if (w->native)
		wl_egl_window_destroy(w->native);
	xdg_toplevel_destroy(w->toplevel);
	xdg_surface_destroy(w->xdg_surface);
	wl_surface_destroy(w->surface);
	free(w);
}

EGLSurface gp_window_egl_surface(struct gp_window *w)
{
	return w->egl_surface;
}

/* --- EGL --- */

/* Exactly 8 bits per channel, a depth buffer and no multisampling: what the probes assume.
 * With alpha (ARGB8888 buffers): the patterns end each frame with alpha 1 everywhere, so
 * the window is opaque. Without alpha (XRGB8888), llvmpipe still writes blended alpha into
 * the X byte, and weston's pixman renderer lets that byte into its screenshots; so a config
 * without alpha is only the fallback. eglChooseConfig sorts deeper colour (10 bits) first,
 * hence the filtering here. */
static EGLConfig pick_config(EGLDisplay dpy, EGLint surface_type, EGLint renderable)
{
	const EGLint attribs[] = {EGL_SURFACE_TYPE,
	                          surface_type,
	                          EGL_RENDERABLE_TYPE,
	                          renderable,
	                          EGL_RED_SIZE,
	                          8,
	                          EGL_GREEN_SIZE,
	                          8,
	                          EGL_BLUE_SIZE,
	                          8,
	                          EGL_DEPTH_SIZE,
	                          16,
	                          EGL_NONE};
	EGLConfig configs[256];
	EGLint n = 0;
	if (!eglChooseConfig(dpy, attribs, configs, 256, &n))
		return NULL;
	EGLConfig opaque = NULL;
	for (EGLint i = 0; i < n; i++) {
		EGLint r, g, b, a, samples;
		eglGetConfigAttrib(dpy, configs[i], EGL_RED_SIZE, &r);
		eglGetConfigAttrib(dpy, configs[i], EGL_GREEN_SIZE, &g);
		eglGetConfigAttrib(dpy, configs[i], EGL_BLUE_SIZE, &b);
		eglGetConfigAttrib(dpy, configs[i], EGL_ALPHA_SIZE, &a);
		eglGetConfigAttrib(dpy, configs[i], EGL_SAMPLES, &samples);
		if (r != 8 || g != 8 || b != 8 || samples > 1)
			continue;
		if (a == 8)
			return configs[i];
		if (a == 0 && !opaque)
			opaque = configs[i];
	}
	return opaque;
}

EGLConfig gp_app_egl_config(struct gp_app *app, bool pbuffer)
{
	return pbuffer ? app->pbuffer_config : app->window_config;
}

EGLDisplay gp_app_egl_display(struct gp_app *app)
{
	return app->egl;
}

EGLContext gp_app_create_context(struct gp_app *app, EGLConfig config, int major, int minor)
{
	EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, major, EGL_NONE, minor, EGL_NONE};
	if (minor)
		attribs[2] = EGL_CONTEXT_MINOR_VERSION;
	EGLContext ctx = eglCreateContext(app->egl, config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT)
		fprintf(stderr, "%s: eglCreateContext (OpenGL ES %d.%d): %s\n", app->name, major,
		        minor, gp_egl_error_name(eglGetError()));
	return ctx;
}

static bool egl_init(struct gp_app *app, EGLint renderable)
{
	app->egl = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, app->display, NULL);
	EGLint major = 0, minor = 0;
	if (app->egl == EGL_NO_DISPLAY || !eglInitialize(app->egl, &major, &minor)) {
		fprintf(stderr, "%s: no EGL display for the Wayland display: %s\n", app->name,
		        gp_egl_error_name(eglGetError()));
		return false;
	}
	if (!eglBindAPI(EGL_OPENGL_ES_API))
		return false;
	printf("info: EGL_VENDOR %s\n", eglQueryString(app->egl, EGL_VENDOR));
	printf("info: EGL_VERSION %s\n", eglQueryString(app->egl, EGL_VERSION));
	const char *exts = eglQueryString(app->egl, EGL_EXTENSIONS);
	printf("info: EGL_EXTENSIONS %s\n", exts ? exts : "");
	app->buffer_age = exts && strstr(exts, "EGL_EXT_buffer_age");
	app->window_config = pick_config(app->egl, EGL_WINDOW_BIT, renderable);
	app->pbuffer_config = pick_config(app->egl, EGL_PBUFFER_BIT, renderable);
	return true;
}

void gp_print_gl_info(void)
{
	static const struct {
		GLenum name;
		const char *text;
	} strings[] = {{GL_VENDOR, "GL_VENDOR"},
	               {GL_RENDERER, "GL_RENDERER"},
	               {GL_VERSION, "GL_VERSION"},
	               {GL_SHADING_LANGUAGE_VERSION, "GL_SHADING_LANGUAGE_VERSION"},
	               {GL_EXTENSIONS, "GL_EXTENSIONS"}};
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		const GLubyte *s = glGetString(strings[i].name);
		printf("info: %s %s\n", strings[i].text, s ? (const char *)s : "(null)");
	}
}

bool gp_app_signalled(struct gp_app *app)
{
	struct pollfd p = {.fd = app->sigfd, .events = POLLIN};
	return poll(&p, 1, 0) == 1;
}

/* Keeps the last frame on screen until a signal, a close or the end of the connection. */
void gp_app_hold(struct gp_app *app, struct gp_window *w)
{
	printf("held\n");
	fflush(stdout);
	while (!w->closed) {
		while (wl_display_prepare_read(app->display) != 0) {
			if (wl_display_dispatch_pending(app->display) < 0)
				return;
		}
		wl_display_flush(app->display);
		struct pollfd p[2] = {{.fd = wl_display_get_fd(app->display), .events = POLLIN},
		                      {.fd = app->sigfd, .events = POLLIN}};
		if (poll(p, 2, -1) < 0 && errno != EINTR) {
			wl_display_cancel_read(app->display);
			return;
		}
		if (p[0].revents & POLLIN) {
			if (wl_display_read_events(app->display) < 0)
				return;
		} else {
			wl_display_cancel_read(app->display);
		}
		if (p[0].revents & (POLLERR | POLLHUP)) {
			printf("info: the Wayland connection ended while held\n");
			return;
		}
		if (wl_display_dispatch_pending(app->display) < 0 || (p[1].revents & POLLIN))
			return;
	}
}

/* --- set-up --- */

bool gp_app_init(struct gp_app *app, const char *name, EGLint renderable)
{
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	*app = (struct gp_app){.name = name, .sigfd = signalfd(-1, &mask, SFD_CLOEXEC)};
	if (app->sigfd < 0) {
		fprintf(stderr, "%s: signalfd: %s\n", name, strerror(errno));
		return false;
	}
	app->display = wl_display_connect(NULL);
	if (!app->display) {
		fprintf(stderr, "%s: cannot connect to the Wayland display\n", name);
		return false;
	}
	app->registry = wl_display_get_registry(app->display);
	wl_registry_add_listener(app->registry, &registry_listener, app);
	if (wl_display_roundtrip(app->display) < 0 || !app->compositor || !app->wm_base) {
		fprintf(stderr, "%s: the compositor lacks wl_compositor or xdg_wm_base\n", name);
		return false;
	}
	return egl_init(app, renderable);
}
