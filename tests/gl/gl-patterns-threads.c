/*
 * gl-patterns --threads: three threads at once on one EGL display, each with its own
 * context: two draw into their own windows (and swap), one into a pbuffer. Each thread
 * creates its own context (and the pbuffer its surface) concurrently with the others,
 * draws every pattern each frame and checks it with glReadPixels. Each clears to its own
 * colour, so a command that reached the wrong context shows up in the probes. Output lines
 * carry the thread's name: "PASS window1/triangle-vbo ...". Mesa's Wayland platform has
 * no pbuffer configs: then the pbuffer thread is skipped, saying so.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "gl-patterns.h"

#define SIZE 256

struct worker {
	struct gp_app *app;
	const char *name;   /* "window1/", ... */
	EGLSurface surface; /* window surface, or EGL_NO_SURFACE for a pbuffer of our own */
	uint32_t clear_rgb;
	int frames, interval;
	int failures; /* -1: setup failed */
	pthread_t thread;
};

static EGLSurface make_pbuffer(struct worker *w, EGLConfig config)
{
	const EGLint attribs[] = {EGL_WIDTH, SIZE, EGL_HEIGHT, SIZE, EGL_NONE};
	EGLSurface s = eglCreatePbufferSurface(gp_app_egl_display(w->app), config, attribs);
	if (s == EGL_NO_SURFACE)
		printf("FAIL %spbuffer: eglCreatePbufferSurface: %s\n", w->name,
		       gp_egl_error_name(eglGetError()));
	return s;
}

static int draw_frames(struct worker *w, EGLSurface surface, bool window)
{
	EGLDisplay dpy = gp_app_egl_display(w->app);
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		return 1;
	f->prefix = w->name;
	f->clear_rgb = w->clear_rgb;
	int failures = 0;
	for (int i = 1; i <= w->frames; i++) {
		gp_draw_frame(f, SIZE, SIZE);
		failures += gp_check_frame(f, i != 1 && i != w->frames);
		if (window && !eglSwapBuffers(dpy, surface)) {
			printf("FAIL %sswap: %s\n", w->name, gp_egl_error_name(eglGetError()));
			failures++;
			break;
		}
	}
	free(f);
	return failures;
}

static void *work(void *data)
{
	struct worker *w = data;
	EGLDisplay dpy = gp_app_egl_display(w->app);
	bool window = w->surface != EGL_NO_SURFACE;
	EGLConfig config = gp_app_egl_config(w->app, !window);
	w->failures = -1;
	EGLSurface surface = window ? w->surface : make_pbuffer(w, config);
	EGLContext ctx = gp_app_create_context(w->app, config, 2, 0);
	if (surface == EGL_NO_SURFACE || ctx == EGL_NO_CONTEXT)
		return NULL;
	if (!eglMakeCurrent(dpy, surface, surface, ctx)) {
		printf("FAIL %smake-current: %s\n", w->name, gp_egl_error_name(eglGetError()));
		return NULL;
	}
	if (window && w->interval >= 0)
		eglSwapInterval(dpy, w->interval);
	if (!gp_draw_init(NULL)) {
		printf("FAIL %sinit: the programs did not build\n", w->name);
		return NULL;
	}
	w->failures = draw_frames(w, surface, window);
	gp_draw_finish();
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	if (!window)
		eglDestroySurface(dpy, surface);
	eglReleaseThread();
	printf("%s%s: %d failures in %d frames\n", w->name, window ? "window" : "pbuffer",
	       w->failures, w->frames);
	return NULL;
}

int gp_run_threads(struct gp_app *app, int frames, int interval, bool hold)
{
	struct gp_window *win[2] = {gp_window_create(app, SIZE, SIZE, "gl-patterns thread 1"),
	                            gp_window_create(app, SIZE, SIZE, "gl-patterns thread 2")};
	if (!win[0] || !win[1])
		return -1;
	struct worker workers[3] = {
	        {.name = "window1/",
	         .surface = gp_window_egl_surface(win[0]),
	         .clear_rgb = 0x000000},
	        {.name = "window2/",
	         .surface = gp_window_egl_surface(win[1]),
	         .clear_rgb = 0x400000},
	        {.name = "pbuffer/", .surface = EGL_NO_SURFACE, .clear_rgb = 0x004000},
	};
	int n = 3;
	if (!gp_app_egl_config(app, true)) {
		printf("SKIP pbuffer/: no EGL config with EGL_PBUFFER_BIT on this display\n");
		n = 2;
	}
	int started = 0;
	for (; started < n; started++) {
		workers[started].app = app;
		workers[started].frames = frames;
		workers[started].interval = interval;
		if (pthread_create(&workers[started].thread, NULL, work, &workers[started]) != 0)
			break;
	}
	int failures = started == n ? 0 : -1;
	for (int i = 0; i < started; i++) {
		pthread_join(workers[i].thread, NULL);
		if (workers[i].failures < 0)
			failures = -1;
		else if (failures >= 0)
			failures += workers[i].failures;
	}
	if (hold && failures >= 0)
		gp_app_hold(app, win[0]);
	gp_window_destroy(app, win[0]);
	gp_window_destroy(app, win[1]);
	return failures;
}
