/*
 * gl-es3-app [--es 3.0|3.1] [--hold] [--map-loop N | --uploads]: an OpenGL ES 3.x Wayland client
 * whose one frame shows which ES 3 features worked (see gl-es3-app.h for the regions and the
 * output).
 *
 *   --es 3.1   (default) asks for an ES 3.1 context: every feature, compute included, and
 *              geometry shaders, texture buffers and tessellation through their OES
 *              extensions
 *   --es 3.0   asks for an ES 3.0 context; compute and those are skipped, their regions
 *              stay clear
 *   --hold     keeps the frame on screen until SIGTERM or SIGINT (prints "held")
 *   --map-loop N  draws no frame: maps one buffer N times instead, each map writing one
 *              float of it and keeping the others, then checks the store (PASS map-loop)
 *   --uploads  draws no frame: uploads textures of every size that takes its own way
 *              through gpupipe and reads each back (gl-es3-uploads.c)
 *
 * Exit status: 0 when every check passed, 1 when one failed, 2 when the window could not be
 * set up, 77 when the display offers no context of the version asked for (no config
 * renderable with EGL_OPENGL_ES3_BIT, or eglCreateContext refuses the version).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <wayland-client.h>

#include "gl-es3-app.h"
#include "gl-window.h"

#define WIDTH (GE_COLUMNS * GE_REGION)
#define HEIGHT (GE_ROWS * GE_REGION)

struct ge_rect ge_region_rect(enum ge_region region)
{
	int column = (int)region % GE_COLUMNS, row = (int)region / GE_COLUMNS;
	/* Row 0 is the top one: GL's y grows upwards. */
	return (struct ge_rect){column * GE_REGION + GE_INSET,
	                        HEIGHT - (row + 1) * GE_REGION + GE_INSET, GE_REGION - 2 * GE_INSET,
	                        GE_REGION - 2 * GE_INSET};
}

void ge_rect_ndc(struct ge_rect r, float ndc[4])
{
	ndc[0] = 2.0f * (float)r.x / WIDTH - 1.0f;
	ndc[1] = 2.0f * (float)r.y / HEIGHT - 1.0f;
	ndc[2] = 2.0f * (float)r.w / WIDTH;
	ndc[3] = 2.0f * (float)r.h / HEIGHT;
}

void ge_probe(struct gp_frame *f, const char *check, struct ge_rect r, float fx, float fy,
              uint32_t rgb)
{
	gp_add_probe(f, check, r.x + (int)(fx * (float)r.w), r.y + (int)(fy * (float)r.h), rgb, 2);
}

void ge_result(struct gp_frame *f, const char *what, bool ok, const char *why)
{
	if (ok) {
		printf("PASS %s\n", what);
	} else {
		printf("FAIL %s: %s\n", what, why);
		f->failures++;
	}
}

static GLuint shader(struct gp_frame *f, const char *what, GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = GL_FALSE;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[1024] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("FAIL %s: shader 0x%04x does not compile: %s\n", what, type, log);
		f->failures++;
		glDeleteShader(s);
		return 0;
	}
	return s;
}

static GLuint link_program(struct gp_frame *f, const char *what, GLuint prog)
{
	glLinkProgram(prog);
	GLint ok = GL_FALSE;
	glGetProgramiv(prog, GL_LINK_STATUS, &ok);
	if (!ok) {
		char log[1024] = "";
		glGetProgramInfoLog(prog, sizeof(log), NULL, log);
		printf("FAIL %s: the program does not link: %s\n", what, log);
		f->failures++;
		glDeleteProgram(prog);
		return 0;
	}
	gp_expect_no_error(f, what);
	return prog;
}

GLuint ge_program(struct gp_frame *f, const char *what, const char *vs, const char *fs,
                  const char *const *xfb_varyings, int n_varyings)
{
	GLuint v = shader(f, what, GL_VERTEX_SHADER, vs);
	GLuint s = shader(f, what, GL_FRAGMENT_SHADER, fs);
	GLuint prog = 0;
	if (v && s) {
		prog = glCreateProgram();
		glAttachShader(prog, v);
		glAttachShader(prog, s);
		if (n_varyings)
			glTransformFeedbackVaryings(prog, n_varyings, xfb_varyings,
			                            GL_INTERLEAVED_ATTRIBS);
		prog = link_program(f, what, prog);
	}
	glDeleteShader(v);
	glDeleteShader(s);
	return prog;
}

GLuint ge_compute_program(struct gp_frame *f, const char *what, const char *cs)
{
	GLuint c = shader(f, what, GL_COMPUTE_SHADER, cs);
	if (!c)
		return 0;
	GLuint prog = glCreateProgram();
	glAttachShader(prog, c);
	glDeleteShader(c);
	return link_program(f, what, prog);
}

GLuint ge_stage_program(struct gp_frame *f, const char *what, const GLenum *types,
                        const char *const *srcs, int n)
{
	GLuint prog = glCreateProgram();
	for (int i = 0; i < n; i++) {
		GLuint s = shader(f, what, types[i], srcs[i]);
		if (!s) {
			glDeleteProgram(prog);
			return 0;
		}
		glAttachShader(prog, s);
		glDeleteShader(s);
	}
	return link_program(f, what, prog);
}

/* --- the frame --- */

static int draw_frame(struct gp_frame *f, int minor)
{
	*f = (struct gp_frame){.width = WIDTH, .height = HEIGHT, .prefix = ""};
	glViewport(0, 0, WIDTH, HEIGHT);
	glClearColor((GE_CLEAR_RGB >> 16 & 0xff) / 255.0f, (GE_CLEAR_RGB >> 8 & 0xff) / 255.0f,
	             (GE_CLEAR_RGB & 0xff) / 255.0f, 1.0f);
	glClear(GL_COLOR_BUFFER_BIT);
	gp_expect_no_error(f, "clear");
	ge_draw_instancing(f);
	ge_draw_ubo(f);
	ge_draw_xfb(f);
	if (minor >= 1) {
		ge_draw_compute(f);
	} else {
		printf("SKIP compute: an OpenGL ES 3.0 context has no compute shaders\n");
		ge_probe(f, "compute-skipped", ge_region_rect(GE_COMPUTE), 0.5f, 0.5f,
		         GE_CLEAR_RGB);
	}
	ge_draw_pbo_readback(f);
	ge_draw_pbo_upload(f);
	if (minor >= 1) {
		ge_draw_geometry(f);
		ge_draw_texbuffer(f);
		ge_draw_tessellation(f);
	} else {
		printf("SKIP geometry, texbuffer, tessellation: ES 3.1 extensions\n");
		for (int i = GE_GEOMETRY; i <= GE_TESSELLATION; i++)
			ge_probe(f, "stages-skipped", ge_region_rect((enum ge_region)i), 0.5f, 0.5f,
			         GE_CLEAR_RGB);
	}
	ge_check_debug(f);
	ge_check_maps(f);
	/* The margins between regions: nothing drew there. */
	for (int i = 0; i < GE_COLUMNS * GE_ROWS; i++) {
		struct ge_rect r = ge_region_rect((enum ge_region)i);
		gp_add_probe(f, "clear", r.x - GE_INSET / 2, r.y - GE_INSET / 2, GE_CLEAR_RGB, 0);
	}
	return gp_check_frame(f, false);
}

/* The context must be the version asked for or a later one of the same major version. */
static bool context_version_ok(int minor)
{
	GLint major = 0, got_minor = 0;
	glGetIntegerv(GL_MAJOR_VERSION, &major);
	glGetIntegerv(GL_MINOR_VERSION, &got_minor);
	if (glGetError() != GL_NO_ERROR || major != 3 || got_minor < minor) {
		printf("FAIL context-version: GL_MAJOR_VERSION.GL_MINOR_VERSION is %d.%d, asked "
		       "for "
		       "3.%d\n",
		       major, got_minor, minor);
		return false;
	}
	printf("PASS context-version %d.%d\n", major, got_minor);
	return true;
}

static int run(struct gp_app *app, int minor, bool hold, int map_loop, bool uploads)
{
	struct gp_window *w = gp_window_create(app, WIDTH, HEIGHT, "gl-es3-app");
	if (!w)
		return 2;
	int status = 77;
	EGLContext ctx = gp_app_create_context(app, app->window_config, 3, minor);
	if (ctx == EGL_NO_CONTEXT) {
		fprintf(stderr, "gl-es3-app: the display offers no OpenGL ES 3.%d context\n",
		        minor);
		goto out;
	}
	status = 2;
	if (!eglMakeCurrent(app->egl, w->egl_surface, w->egl_surface, ctx)) {
		fprintf(stderr, "gl-es3-app: cannot make the context current: %s\n",
		        gp_egl_error_name(eglGetError()));
		goto out_context;
	}
	gp_print_gl_info();
	struct gp_frame *f = calloc(1, sizeof(*f));
	if (!f)
		goto out_current;
	int failures = context_version_ok(minor) ? 0 : 1;
	if (map_loop)
		failures += ge_map_loop(map_loop);
	else if (uploads)
		failures += ge_upload_check();
	else
		failures += draw_frame(f, minor);
	free(f);
	if (!eglSwapBuffers(app->egl, w->egl_surface)) {
		printf("FAIL swap: eglSwapBuffers: %s\n", gp_egl_error_name(eglGetError()));
		failures++;
	} else {
		printf("frame 1 shown (%dx%d)\n", WIDTH, HEIGHT);
		wl_display_dispatch_pending(app->display);
		if (hold && !gp_app_signalled(app))
			gp_app_hold(app, w);
	}
	status = failures ? 1 : 0;
out_current:
	eglMakeCurrent(app->egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
out_context:
	eglDestroyContext(app->egl, ctx);
out:
	gp_window_destroy(app, w);
	return status;
}

int main(int argc, char **argv)
{
	/* gl-es3-uploads.c waits for SIGUSR1 there: blocked before any thread
	 * starts, so that every thread inherits it and the signal waits. */
	if (getenv("GL_ES3_APP_PAUSE_BEFORE_LOOP")) {
		sigset_t usr1;
		sigemptyset(&usr1);
		sigaddset(&usr1, SIGUSR1);
		pthread_sigmask(SIG_BLOCK, &usr1, NULL);
	}
	int minor = 1;
	bool hold = false;
	int map_loop = 0;
	bool uploads = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--hold") == 0) {
			hold = true;
		} else if (strcmp(argv[i], "--uploads") == 0) {
			uploads = true;
		} else if (strcmp(argv[i], "--map-loop") == 0 && i + 1 < argc &&
		           atoi(argv[i + 1]) > 0) {
			map_loop = atoi(argv[++i]);
		} else if (strcmp(argv[i], "--es") == 0 && i + 1 < argc &&
		           (strcmp(argv[i + 1], "3.0") == 0 || strcmp(argv[i + 1], "3.1") == 0)) {
			minor = argv[++i][2] - '0';
		} else {
			fprintf(stderr, "usage: gl-es3-app [--es 3.0|3.1] [--hold] [--map-loop N | "
			                "--uploads]\n");
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct gp_app app;
	if (!gp_app_init(&app, "gl-es3-app", EGL_OPENGL_ES3_BIT))
		return 2;
	int status = 77;
	if (!app.window_config)
		fprintf(stderr,
		        "gl-es3-app: the display has no RGBA8888 window config with a depth "
		        "buffer renderable with EGL_OPENGL_ES3_BIT: no OpenGL ES 3 here\n");
	else
		status = run(&app, minor, hold, map_loop, uploads);
	eglTerminate(app.egl);
	printf("exit status %d\n", status);
	return status;
}
