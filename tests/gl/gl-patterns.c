/*
 * gl-patterns [OPTIONS]: a deterministic GLES 2 Wayland client (see gl-patterns.h for what
 * it prints). One xdg_toplevel window, EGL on the Wayland platform, GLES 2.
 *
 *   --size WxH        window size, at least 256x256 (default 256x256)
 *   --frames N        frames to draw, check and swap (default 1)
 *   --resize WxH      then resize the window to WxH and draw --frames more frames
 *   --interval N      eglSwapInterval(N) (default: EGL's default, 1)
 *   --hold            after the last frame, keep the window on screen until SIGTERM or
 *                     SIGINT (prints "held" once the last frame was swapped)
 *   --until-lost      draw until EGL or Wayland fails (the connection is lost), then check
 *                     that GL and EGL calls still return, print "survived: ..." and exit 0;
 *                     exit 1 if SIGTERM comes first
 *   --threads         two windows and a pbuffer, each drawn by its own thread with its own
 *                     context (see gl-patterns-threads.c)
 *   --title TEXT      window title (default gl-patterns)
 *
 * Probe lines are printed for the first and the last frame of each size; failures always.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include <wayland-client.h>
#include <wayland-egl.h>

#include "gl-patterns.h"
#include "xdg-shell-client-protocol.h"

#include <EGL/eglext.h>

struct gp_app {
	struct wl_display *display;
	struct wl_registry *registry;
	struct wl_compositor *compositor;
	struct xdg_wm_base *wm_base;
	EGLDisplay egl;
	EGLConfig window_config, pbuffer_config;
	bool buffer_age;
	int sigfd;
};

struct gp_window {
	struct wl_surface *surface;
	struct xdg_surface *xdg_surface;
	struct xdg_toplevel *toplevel;
	struct wl_egl_window *native;
	EGLSurface egl_surface;
	bool configured, closed;
};

struct options {
	int width, height, frames, interval;
	int resize_width, resize_height;
	bool hold, until_lost, threads;
	const char *title;
};

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
	xdg_toplevel_set_app_id(w->toplevel, "gl-patterns");
	wl_surface_commit(w->surface);
	while (!w->configured) {
		if (wl_display_dispatch(app->display) < 0) {
			fprintf(stderr, "gl-patterns: the display failed before configure\n");
			goto err;
		}
	}
	w->native = wl_egl_window_create(w->surface, width, height);
	if (!w->native)
		goto err;
	w->egl_surface =
	        eglCreatePlatformWindowSurface(app->egl, app->window_config, w->native, NULL);
	if (w->egl_surface == EGL_NO_SURFACE) {
		fprintf(stderr, "gl-patterns: eglCreatePlatformWindowSurface: %s\n",
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
static EGLConfig pick_config(EGLDisplay dpy, EGLint surface_type)
{
	const EGLint attribs[] = {EGL_SURFACE_TYPE,
	                          surface_type,
	                          EGL_RENDERABLE_TYPE,
	                          EGL_OPENGL_ES2_BIT,
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

EGLContext gp_app_create_context(struct gp_app *app, EGLConfig config)
{
	const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	EGLContext ctx = eglCreateContext(app->egl, config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT)
		fprintf(stderr, "gl-patterns: eglCreateContext: %s\n",
		        gp_egl_error_name(eglGetError()));
	return ctx;
}

static bool egl_init(struct gp_app *app)
{
	app->egl = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, app->display, NULL);
	EGLint major = 0, minor = 0;
	if (app->egl == EGL_NO_DISPLAY || !eglInitialize(app->egl, &major, &minor)) {
		fprintf(stderr, "gl-patterns: no EGL display for the Wayland display: %s\n",
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
	app->window_config = pick_config(app->egl, EGL_WINDOW_BIT);
	app->pbuffer_config = pick_config(app->egl, EGL_PBUFFER_BIT);
	if (!app->window_config) {
		fprintf(stderr, "gl-patterns: no RGB888 window config with a depth buffer\n");
		return false;
	}
	return true;
}

static void print_gl_info(void)
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

/* --- the frame loop --- */

static bool signalled(struct gp_app *app)
{
	struct pollfd p = {.fd = app->sigfd, .events = POLLIN};
	return poll(&p, 1, 0) == 1;
}

static int64_t now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* EGL_BUFFER_AGE_EXT must be 0 for the first frame at a size: nothing was drawn yet. */
static int check_buffer_age(struct gp_app *app, struct gp_window *w, const char *when)
{
	if (!app->buffer_age)
		return 0;
	EGLint age = -1;
	if (!eglQuerySurface(app->egl, w->egl_surface, EGL_BUFFER_AGE_EXT, &age)) {
		printf("FAIL buffer-age-%s: eglQuerySurface: %s\n", when,
		       gp_egl_error_name(eglGetError()));
		return 1;
	}
	if (age != 0) {
		printf("FAIL buffer-age-%s: %d, expected 0\n", when, age);
		return 1;
	}
	printf("PASS buffer-age-%s\n", when);
	return 0;
}

/* Draws, checks and swaps `frames` frames at width x height. */
static int run_frames(struct gp_app *app, struct gp_window *w, int width, int height, int frames,
                      const char *when)
{
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		return 1;
	int failures = check_buffer_age(app, w, when);
	f->prefix = "";
	for (int i = 1; i <= frames && !signalled(app); i++) {
		gp_draw_frame(f, width, height);
		failures += gp_check_frame(f, i != 1 && i != frames);
		if (!eglSwapBuffers(app->egl, w->egl_surface)) {
			printf("FAIL swap: eglSwapBuffers: %s\n", gp_egl_error_name(eglGetError()));
			failures++;
			break;
		}
		printf("frame %d shown (%dx%d)\n", i, width, height);
		fflush(stdout);
		wl_display_dispatch_pending(app->display);
	}
	free(f);
	return failures;
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

/* After the connection is lost, GL calls must be no-ops that return, and EGL must report
 * errors rather than block: this runs a bit of everything and times it. */
static void survive(struct gp_app *app, struct gp_window *w, EGLContext ctx, int frames)
{
	int64_t t0 = now_ms();
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (f) {
		f->prefix = "";
		gp_draw_frame(f, 256, 256);
		free(f);
	}
	GLubyte px[4];
	glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
	glFinish();
	GLenum gl_error = glGetError();
	EGLBoolean swapped = eglSwapBuffers(app->egl, w->egl_surface);
	EGLint swap_error = eglGetError();
	eglMakeCurrent(app->egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(app->egl, ctx);
	eglDestroySurface(app->egl, w->egl_surface);
	w->egl_surface = EGL_NO_SURFACE;
	eglTerminate(app->egl);
	printf("survived: after %d frames, GL calls and EGL teardown returned in %lld ms "
	       "(glGetError 0x%04x, a later eglSwapBuffers %s with %s)\n",
	       frames, (long long)(now_ms() - t0), gl_error, swapped ? "worked" : "failed",
	       gp_egl_error_name(swap_error));
}

static int run_until_lost(struct gp_app *app, struct gp_window *w, EGLContext ctx, int width,
                          int height)
{
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		return 1;
	f->prefix = "";
	int frames = 0;
	for (;;) {
		if (signalled(app)) {
			printf("FAIL until-lost: signalled before the connection was lost\n");
			free(f);
			return 1;
		}
		gp_draw_frame(f, width, height);
		if (!eglSwapBuffers(app->egl, w->egl_surface)) {
			printf("lost: eglSwapBuffers failed after %d frames: %s\n", frames,
			       gp_egl_error_name(eglGetError()));
			break;
		}
		if (wl_display_dispatch_pending(app->display) < 0) {
			printf("lost: the Wayland connection failed after %d frames\n", frames);
			break;
		}
		if (++frames == 1)
			printf("frame 1 shown (%dx%d)\n", width, height);
		fflush(stdout);
	}
	fflush(stdout);
	free(f);
	survive(app, w, ctx, frames);
	return 0;
}

static int run_window(struct gp_app *app, const struct options *o)
{
	struct gp_window *w = gp_window_create(app, o->width, o->height, o->title);
	if (!w)
		return 2;
	EGLContext ctx = gp_app_create_context(app, app->window_config);
	if (ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(app->egl, w->egl_surface, w->egl_surface, ctx)) {
		fprintf(stderr, "gl-patterns: cannot make the context current: %s\n",
		        gp_egl_error_name(eglGetError()));
		return 2;
	}
	if (o->interval >= 0 && !eglSwapInterval(app->egl, o->interval)) {
		fprintf(stderr, "gl-patterns: eglSwapInterval(%d): %s\n", o->interval,
		        gp_egl_error_name(eglGetError()));
		return 2;
	}
	print_gl_info();
	if (!gp_draw_init(NULL))
		return 2;
	if (o->until_lost)
		return run_until_lost(app, w, ctx, o->width, o->height);

	int failures = run_frames(app, w, o->width, o->height, o->frames, "first-frame");
	if (o->resize_width) {
		wl_egl_window_resize(w->native, o->resize_width, o->resize_height, 0, 0);
		failures += run_frames(app, w, o->resize_width, o->resize_height, o->frames,
		                       "after-resize");
		EGLint ew = 0, eh = 0;
		eglQuerySurface(app->egl, w->egl_surface, EGL_WIDTH, &ew);
		eglQuerySurface(app->egl, w->egl_surface, EGL_HEIGHT, &eh);
		if (ew != o->resize_width || eh != o->resize_height) {
			printf("FAIL resize: EGL_WIDTH x EGL_HEIGHT is %dx%d, expected %dx%d\n", ew,
			       eh, o->resize_width, o->resize_height);
			failures++;
		}
	}
	if (o->hold && !signalled(app))
		gp_app_hold(app, w);
	gp_draw_finish();
	eglMakeCurrent(app->egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(app->egl, ctx);
	gp_window_destroy(app, w);
	return failures ? 1 : 0;
}

/* --- main --- */

static bool parse_size(const char *s, int *w, int *h)
{
	return sscanf(s, "%dx%d", w, h) == 2 && *w >= 4 * GP_CELL && *h >= 4 * GP_CELL &&
	       *w <= 4096 && *h <= 4096;
}

static bool parse_options(int argc, char **argv, struct options *o)
{
	*o = (struct options){
	        .width = 256, .height = 256, .frames = 1, .interval = -1, .title = "gl-patterns"};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--hold") == 0) {
			o->hold = true;
		} else if (strcmp(a, "--until-lost") == 0) {
			o->until_lost = true;
		} else if (strcmp(a, "--threads") == 0) {
			o->threads = true;
		} else if (!v) {
			return false;
		} else if (strcmp(a, "--size") == 0) {
			if (!parse_size(v, &o->width, &o->height))
				return false;
			i++;
		} else if (strcmp(a, "--resize") == 0) {
			if (!parse_size(v, &o->resize_width, &o->resize_height))
				return false;
			i++;
		} else if (strcmp(a, "--frames") == 0) {
			o->frames = atoi(v);
			if (o->frames < 1)
				return false;
			i++;
		} else if (strcmp(a, "--interval") == 0) {
			o->interval = atoi(v);
			i++;
		} else if (strcmp(a, "--title") == 0) {
			o->title = v;
			i++;
		} else {
			return false;
		}
	}
	return true;
}

static bool connect_app(struct gp_app *app)
{
	app->display = wl_display_connect(NULL);
	if (!app->display) {
		fprintf(stderr, "gl-patterns: cannot connect to the Wayland display\n");
		return false;
	}
	app->registry = wl_display_get_registry(app->display);
	wl_registry_add_listener(app->registry, &registry_listener, app);
	if (wl_display_roundtrip(app->display) < 0 || !app->compositor || !app->wm_base) {
		fprintf(stderr, "gl-patterns: the compositor lacks wl_compositor or xdg_wm_base\n");
		return false;
	}
	return egl_init(app);
}

int main(int argc, char **argv)
{
	struct options o;
	if (!parse_options(argc, argv, &o)) {
		fprintf(stderr, "usage: gl-patterns [--size WxH] [--frames N] [--resize WxH] "
		                "[--interval N] [--hold] [--until-lost] [--threads] [--title T]\n");
		return 2;
	}
	/* Signals become readable on an fd, for the hold loop; blocked before any thread
	 * (ours or the EGL library's) exists, so that every thread inherits the mask. */
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGTERM);
	sigaddset(&mask, SIGINT);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	struct gp_app app = {.sigfd = signalfd(-1, &mask, SFD_CLOEXEC)};
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (app.sigfd < 0 || !connect_app(&app))
		return 2;

	int status;
	if (o.threads) {
		int failures = gp_run_threads(&app, o.frames, o.interval, o.hold);
		status = failures < 0 ? 2 : failures ? 1 : 0;
	} else {
		status = run_window(&app, &o);
	}
	if (!o.until_lost)
		eglTerminate(app.egl);
	printf("exit status %d\n", status);
	return status;
}
