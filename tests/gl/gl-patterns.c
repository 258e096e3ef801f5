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
 *   --buffer-transform T
 *                     wl_surface.set_buffer_transform(T) (a wl_output.transform, 0-7) before the
 *                     first frame: the window shows the frames turned, and probe lines give
 *                     where each probed pixel is on screen
 *   --damage          after the frames, one more that repaints a 32x32 square in two corners
 *                     (bottom left and top right) and swaps with just their damage
 *                     (eglSwapBuffersWithDamageKHR): probe lines for that frame follow
 *
 * Probe lines are printed for the first and the last frame of each size; failures always.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <wayland-client.h>
#include <wayland-egl.h>

#include "gl-patterns.h"
#include "gl-window.h"

struct options {
	int width, height, frames, interval;
	int resize_width, resize_height;
	bool hold, until_lost, threads, damage;
	int transform;
	const char *title;
};

/* --- the frame loop --- */

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
                      int transform, const char *when)
{
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		return 1;
	int failures = check_buffer_age(app, w, when);
	f->prefix = "";
	f->transform = transform;
	for (int i = 1; i <= frames && !gp_app_signalled(app); i++) {
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

/* Probes inside x, y, size x size (GL coordinates) go: the frame paints over them. */
static void drop_probes_in(struct gp_frame *f, int x, int y, int size)
{
	int kept = 0;
	for (int i = 0; i < f->n_probes; i++) {
		const struct gp_probe *p = &f->probes[i];
		if (p->x < x || p->x >= x + size || p->y < y || p->y >= y + size)
			f->probes[kept++] = *p;
	}
	f->n_probes = kept;
}

static void paint_square(struct gp_frame *f, int x, int y, int size, uint32_t rgb,
                         const char *check)
{
	glEnable(GL_SCISSOR_TEST);
	glScissor(x, y, size, size);
	glClearColor((float)(rgb >> 16) / 255.0f, (float)(rgb >> 8 & 0xff) / 255.0f,
	             (float)(rgb & 0xff) / 255.0f, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glDisable(GL_SCISSOR_TEST);
	drop_probes_in(f, x, y, size);
	gp_add_probe(f, check, x + size / 2, y + size / 2, rgb, 0);
}

/* --damage: the frame shown before, two corners repainted, swapped with their damage alone.
 * Had the damage reached the compositor elsewhere, it would keep showing the old corners. */
static int run_damaged_frame(struct gp_app *app, struct gp_window *w, int width, int height,
                             int transform)
{
	enum { SIZE = 32 };
	PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC swap_with_damage =
	        (PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC)eglGetProcAddress(
	                "eglSwapBuffersWithDamageKHR");
	if (!swap_with_damage) {
		printf("FAIL damage: no eglSwapBuffersWithDamageKHR\n");
		return 1;
	}
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		return 1;
	f->prefix = "";
	f->transform = transform;
	gp_draw_frame(f, width, height);
	paint_square(f, 0, 0, SIZE, 0xff00ff, "damage-bottom-left");
	paint_square(f, width - SIZE, height - SIZE, SIZE, 0x00ffff, "damage-top-right");
	int failures = gp_check_frame(f, false);
	EGLint rects[8] = {0, 0, SIZE, SIZE, width - SIZE, height - SIZE, SIZE, SIZE};
	if (!swap_with_damage(app->egl, w->egl_surface, rects, 2)) {
		printf("FAIL damage: eglSwapBuffersWithDamageKHR: %s\n",
		       gp_egl_error_name(eglGetError()));
		failures++;
	}
	printf("damaged frame shown\n");
	fflush(stdout);
	free(f);
	return failures;
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
		if (gp_app_signalled(app)) {
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
	EGLContext ctx = gp_app_create_context(app, app->window_config, 2, 0);
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
	gp_print_gl_info();
	if (!gp_draw_init(NULL))
		return 2;
	if (o->until_lost)
		return run_until_lost(app, w, ctx, o->width, o->height);
	if (o->transform)
		wl_surface_set_buffer_transform(w->surface, o->transform);

	int failures =
	        run_frames(app, w, o->width, o->height, o->frames, o->transform, "first-frame");
	if (o->damage)
		failures += run_damaged_frame(app, w, o->width, o->height, o->transform);
	if (o->resize_width) {
		wl_egl_window_resize(w->native, o->resize_width, o->resize_height, 0, 0);
		failures += run_frames(app, w, o->resize_width, o->resize_height, o->frames,
		                       o->transform, "after-resize");
		EGLint ew = 0, eh = 0;
		eglQuerySurface(app->egl, w->egl_surface, EGL_WIDTH, &ew);
		eglQuerySurface(app->egl, w->egl_surface, EGL_HEIGHT, &eh);
		if (ew != o->resize_width || eh != o->resize_height) {
			printf("FAIL resize: EGL_WIDTH x EGL_HEIGHT is %dx%d, expected %dx%d\n", ew,
			       eh, o->resize_width, o->resize_height);
			failures++;
		}
	}
	if (o->hold && !gp_app_signalled(app))
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
		} else if (strcmp(a, "--damage") == 0) {
			o->damage = true;
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
		} else if (strcmp(a, "--buffer-transform") == 0) {
			o->transform = atoi(v);
			if (o->transform < 0 || o->transform > 7)
				return false;
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

int main(int argc, char **argv)
{
	struct options o;
	if (!parse_options(argc, argv, &o)) {
		fprintf(stderr, "usage: gl-patterns [--size WxH] [--frames N] [--resize WxH] "
		                "[--interval N] [--hold] [--until-lost] [--threads] [--title T] "
		                "[--buffer-transform T] [--damage]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct gp_app app;
	if (!gp_app_init(&app, "gl-patterns", EGL_OPENGL_ES2_BIT))
		return 2;
	if (!app.window_config) {
		fprintf(stderr, "gl-patterns: no RGB888 window config with a depth buffer\n");
		return 2;
	}

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
