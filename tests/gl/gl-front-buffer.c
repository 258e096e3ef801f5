/*
 * gl-front-buffer: the front and back colour buffers of a double-buffered window (a 64x64
 * xdg_toplevel with an EGL window surface, a desktop OpenGL compatibility context,
 * libOpenGL), each checked with pixels or values read back:
 *
 *   double-buffered     GL_DOUBLEBUFFER is true (glGetBooleanv, and glGetFramebufferParameteriv
 *                       of the default framebuffer where GL 4.3 has it); GL_DRAW_BUFFER and
 *                       GL_READ_BUFFER start as GL_BACK
 *   draw-buffer-names   glDrawBuffer/glReadBuffer of GL_FRONT, GL_BACK, GL_FRONT_AND_BACK,
 *                       GL_LEFT, GL_FRONT_LEFT, GL_BACK_LEFT are no error and read back as
 *                       named; glDrawBuffers(1, GL_FRONT_LEFT) too (GL_DRAW_BUFFER0)
 *   front-is-separate   a clear of GL_FRONT leaves the back buffer as it was, and one of
 *                       GL_BACK leaves the front; a rectangle drawn to GL_FRONT lands there
 *                       alone; GL_LEFT and GL_FRONT_AND_BACK read the front
 *   sys-blit            piglit's fbo-sys-blit: the back blitted into the front, the back
 *                       cleared again, the front still has the blitted colour
 *   blit-front-to-back  the reverse blit, and glCopyPixels from GL_FRONT to GL_BACK
 *   front-and-back      a clear of GL_FRONT_AND_BACK (and GL_LEFT) reaches both
 *   framebuffer-object  a framebuffer object bound and unbound leaves the window's draw
 *                       and read buffers as they were (GL_FRONT)
 *   swap-keeps-front    eglSwapBuffers leaves the front as it was: on Wayland it is a
 *                       buffer of the app's own that no swap fills (Mesa's, natively)
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility
 * context or a window config for desktop OpenGL.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdbool.h>
#include <stdio.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>

#include "gl-checks.h"
#include "gl-window.h"

#define SIZE 64
#define MID (SIZE / 2)
#define RED 0xff0000u
#define GREEN 0x00ff00u
#define BLUE 0x0000ffu
#define MAGENTA 0xff00ffu
#define CYAN 0x00ffffu
#define YELLOW 0xffff00u

/* Clears the draw buffer(s) `buf` to an opaque 0xrrggbb. */
static void clear_to(GLenum buf, unsigned rgb)
{
	glDrawBuffer(buf);
	glClearColor((float)(rgb >> 16 & 0xff) / 255.0f, (float)(rgb >> 8 & 0xff) / 255.0f,
	             (float)(rgb & 0xff) / 255.0f, 1.0f);
	glClear(GL_COLOR_BUFFER_BIT);
}

/* The centre pixel of `buf` is `want`. */
static bool reads(const char *check, GLenum buf, unsigned want, const char *what)
{
	glReadBuffer(buf);
	return gc_pixel_is(check, MID, MID, want, what);
}

static bool integer_is(const char *check, GLenum pname, GLint want, const char *what)
{
	GLint v = -1;
	glGetIntegerv(pname, &v);
	return v == want || gc_fail(check, "%s: 0x%x is 0x%x, expected 0x%x", what, pname, v, want);
}

static void double_buffered(void)
{
	const char *c = "double-buffered";
	GLboolean db = GL_FALSE;
	glGetBooleanv(GL_DOUBLEBUFFER, &db);
	bool ok = db || gc_fail(c, "GL_DOUBLEBUFFER is false");
	ok = integer_is(c, GL_DRAW_BUFFER, GL_BACK, "at the start") && ok;
	ok = integer_is(c, GL_READ_BUFFER, GL_BACK, "at the start") && ok;
	/* GL 4.3's framebuffer query answers the same of the default framebuffer. */
	PFNGLGETFRAMEBUFFERPARAMETERIVPROC get_param =
	        (PFNGLGETFRAMEBUFFERPARAMETERIVPROC)eglGetProcAddress(
	                "glGetFramebufferParameteriv");
	GLint v = 0;
	if (get_param && gc_no_error(c, "the queries")) {
		get_param(GL_DRAW_FRAMEBUFFER, GL_DOUBLEBUFFER, &v);
		ok = (glGetError() != GL_NO_ERROR || v == 1 ||
		      gc_fail(c, "glGetFramebufferParameteriv(GL_DOUBLEBUFFER) is %d", v)) &&
		     ok;
	}
	gc_result(c, gc_no_error(c, "the queries") && ok);
}

static void draw_buffer_names(void)
{
	const char *c = "draw-buffer-names";
	static const GLenum draws[] = {GL_FRONT, GL_BACK,       GL_FRONT_AND_BACK,
	                               GL_LEFT,  GL_FRONT_LEFT, GL_BACK_LEFT};
	static const GLenum reads_[] = {GL_FRONT, GL_BACK, GL_LEFT, GL_FRONT_LEFT, GL_BACK_LEFT};
	bool ok = true;
	for (unsigned i = 0; i < sizeof(draws) / sizeof(draws[0]); i++) {
		glDrawBuffer(draws[i]);
		ok = gc_no_error(c, "glDrawBuffer") &&
		     integer_is(c, GL_DRAW_BUFFER, (GLint)draws[i], "after glDrawBuffer") && ok;
	}
	for (unsigned i = 0; i < sizeof(reads_) / sizeof(reads_[0]); i++) {
		glReadBuffer(reads_[i]);
		ok = gc_no_error(c, "glReadBuffer") &&
		     integer_is(c, GL_READ_BUFFER, (GLint)reads_[i], "after glReadBuffer") && ok;
	}
	GLenum front_left = GL_FRONT_LEFT;
	glDrawBuffers(1, &front_left);
	ok = gc_no_error(c, "glDrawBuffers(GL_FRONT_LEFT)") &&
	     integer_is(c, GL_DRAW_BUFFER0, GL_FRONT_LEFT, "after glDrawBuffers") && ok;
	glDrawBuffer(GL_BACK);
	glReadBuffer(GL_BACK);
	gc_result(c, ok);
}

static void front_is_separate(void)
{
	const char *c = "front-is-separate";
	clear_to(GL_BACK, GREEN);
	clear_to(GL_FRONT, BLUE);
	bool ok = reads(c, GL_BACK, GREEN, "the back after a clear of the front");
	ok = reads(c, GL_FRONT, BLUE, "the front after its clear") && ok;
	clear_to(GL_BACK, RED);
	ok = reads(c, GL_FRONT, BLUE, "the front after a clear of the back") && ok;
	ok = reads(c, GL_FRONT_LEFT, BLUE, "GL_FRONT_LEFT") && ok;
	ok = reads(c, GL_BACK_LEFT, RED, "GL_BACK_LEFT") && ok;
	ok = reads(c, GL_LEFT, BLUE, "GL_LEFT") && ok;
	ok = reads(c, GL_FRONT_AND_BACK, BLUE, "GL_FRONT_AND_BACK") && ok;
	glDrawBuffer(GL_FRONT);
	glColor3f(1.0f, 1.0f, 0.0f);
	glRectf(-0.5f, -0.5f, 0.5f, 0.5f);
	ok = reads(c, GL_FRONT, YELLOW, "the front after a rectangle drawn to it") && ok;
	ok = reads(c, GL_BACK, RED, "the back after a rectangle drawn to the front") && ok;
	glDrawBuffer(GL_BACK);
	glReadBuffer(GL_BACK);
	gc_result(c, gc_no_error(c, "the clears") && ok);
}

static void sys_blit(void)
{
	const char *c = "sys-blit";
	clear_to(GL_BACK, GREEN);
	glDrawBuffer(GL_FRONT);
	glReadBuffer(GL_BACK);
	glBlitFramebuffer(0, 0, SIZE, SIZE, 0, 0, SIZE, SIZE, GL_COLOR_BUFFER_BIT, GL_LINEAR);
	clear_to(GL_BACK, RED);
	bool ok = reads(c, GL_FRONT, GREEN, "the front after the blit");
	ok = reads(c, GL_BACK, RED, "the back cleared after the blit") && ok;
	gc_result(c, gc_no_error(c, "the blit") && ok);
}

static void blit_front_to_back(void)
{
	const char *c = "blit-front-to-back";
	clear_to(GL_FRONT, MAGENTA);
	clear_to(GL_BACK, RED);
	glReadBuffer(GL_FRONT);
	glBlitFramebuffer(0, 0, SIZE, SIZE, 0, 0, SIZE, SIZE, GL_COLOR_BUFFER_BIT, GL_NEAREST);
	bool ok = reads(c, GL_BACK, MAGENTA, "the back after the blit");
	clear_to(GL_FRONT, CYAN);
	clear_to(GL_BACK, RED);
	glReadBuffer(GL_FRONT);
	glWindowPos2i(0, 0);
	glCopyPixels(0, 0, SIZE, SIZE, GL_COLOR);
	ok = reads(c, GL_BACK, CYAN, "the back after glCopyPixels") && ok;
	gc_result(c, gc_no_error(c, "the copies") && ok);
}

static void front_and_back(void)
{
	const char *c = "front-and-back";
	clear_to(GL_FRONT, RED);
	clear_to(GL_BACK, RED);
	clear_to(GL_FRONT_AND_BACK, MAGENTA);
	bool ok = reads(c, GL_FRONT, MAGENTA, "the front after GL_FRONT_AND_BACK");
	ok = reads(c, GL_BACK, MAGENTA, "the back after GL_FRONT_AND_BACK") && ok;
	clear_to(GL_LEFT, CYAN);
	ok = reads(c, GL_FRONT, CYAN, "the front after GL_LEFT") && ok;
	ok = reads(c, GL_BACK, CYAN, "the back after GL_LEFT") && ok;
	glDrawBuffer(GL_BACK);
	glReadBuffer(GL_BACK);
	gc_result(c, gc_no_error(c, "the clears") && ok);
}

static void framebuffer_object(void)
{
	const char *c = "framebuffer-object";
	GLuint fbo, rb;
	glDrawBuffer(GL_FRONT);
	glReadBuffer(GL_FRONT);
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, SIZE, SIZE);
	glGenFramebuffers(1, &fbo);
	glBindFramebuffer(GL_FRAMEBUFFER, fbo);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	bool ok = integer_is(c, GL_DRAW_BUFFER, GL_COLOR_ATTACHMENT0, "in the framebuffer object");
	glBindFramebuffer(GL_FRAMEBUFFER, 0);
	ok = integer_is(c, GL_DRAW_BUFFER, GL_FRONT, "back on the window") && ok;
	ok = integer_is(c, GL_READ_BUFFER, GL_FRONT, "back on the window") && ok;
	clear_to(GL_BACK, RED);
	clear_to(GL_FRONT, GREEN);
	ok = reads(c, GL_FRONT, GREEN, "the front after the framebuffer object") && ok;
	glDeleteFramebuffers(1, &fbo);
	glDeleteRenderbuffers(1, &rb);
	glDrawBuffer(GL_BACK);
	glReadBuffer(GL_BACK);
	gc_result(c, gc_no_error(c, "the framebuffer object") && ok);
}

static void swap_keeps_front(struct gp_app *app, EGLSurface s)
{
	const char *c = "swap-keeps-front";
	clear_to(GL_FRONT, RED);
	clear_to(GL_BACK, CYAN);
	if (!eglSwapBuffers(app->egl, s)) {
		gc_fail(c, "eglSwapBuffers: %s", gp_egl_error_name(eglGetError()));
		return;
	}
	gc_result(c, reads(c, GL_FRONT, RED, "the front after the swap"));
	glDrawBuffer(GL_BACK);
	glReadBuffer(GL_BACK);
}

int main(void)
{
	struct gp_app app;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!gp_app_init(&app, "gl-front-buffer", EGL_OPENGL_BIT))
		return 1;
	if (!app.window_config || !eglBindAPI(EGL_OPENGL_API)) {
		printf("SKIP setup: no window config for desktop OpenGL\n");
		return 77;
	}
	const EGLint attribs[] = {EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, EGL_NONE};
	EGLContext ctx = eglCreateContext(app.egl, app.window_config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT) {
		printf("SKIP setup: no compatibility context (%s)\n",
		       gp_egl_error_name(eglGetError()));
		return 77;
	}
	struct gp_window *w = gp_window_create(&app, SIZE, SIZE, "gl-front-buffer");
	if (!w)
		return 1;
	EGLSurface s = gp_window_egl_surface(w);
	if (!eglMakeCurrent(app.egl, s, s, ctx)) {
		printf("FAIL setup: eglMakeCurrent: %s\n", gp_egl_error_name(eglGetError()));
		return 1;
	}
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	printf("info: GL_RENDERER %s\n", (const char *)glGetString(GL_RENDERER));
	glViewport(0, 0, SIZE, SIZE);
	double_buffered();
	draw_buffer_names();
	front_is_separate();
	sys_blit();
	blit_front_to_back();
	front_and_back();
	framebuffer_object();
	swap_keeps_front(&app, s);
	eglMakeCurrent(app.egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	gp_window_destroy(&app, w);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
