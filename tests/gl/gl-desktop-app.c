/*
 * gl-desktop-app: a small desktop OpenGL Wayland client for the GL tests, written as
 * desktop GL apps are: eglChooseConfig with EGL_RENDERABLE_TYPE EGL_OPENGL_BIT,
 * eglBindAPI(EGL_OPENGL_API), libOpenGL. Each frame (256x256) draws, over a dark blue clear:
 *
 *   left     a red quad in immediate mode (glBegin(GL_QUADS)/glEnd), compatibility profile
 *   right    a green triangle from a display list (glNewList/glCallList)
 *   bottom   a cyan strip from client arrays (glVertexPointer/glColorPointer in the app's
 *            memory, glDrawArrays), left of centre, and a magenta block of glDrawPixels
 *            at window position 160,4, right of centre (both in the strip below the shapes)
 *   middle   a yellow square from a core 3.3 context sharing the surface: a vertex array
 *            object, a buffer and a GLSL 3.30 program (with --core only)
 *
 * then reads the probes back with glReadPixels and prints PASS/FAIL lines as gl-patterns
 * does (gl-probes.h; gl-shot-check.py reads them), and "info: GL_VERSION ..." of each
 * context. After 3 frames it prints "held" and keeps the window until SIGTERM or SIGINT
 * (exit 0, or 1 if a check failed); 2 when no desktop GL context can be had. With
 * --es-first it only makes an ES context, then a desktop GL one, and prints whether it got it.
 * With --core-only [VERSION] it makes a core 3.3 (VERSION) context alone (gl-desktop-core.c:
 * a uniform block, instancing; from 4.3 on a compute dispatch). With
 * --surface-first it chooses an OpenGL ES 2 config and makes its window surface before it
 * binds desktop OpenGL and asks for the compatibility context (as SDL does), which then
 * draws the left and right shapes alone.
 */
#define GL_GLEXT_PROTOTYPES 1
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>

#include "gl-desktop-core.h"
#include "gl-probes.h"
#include "gl-window.h"

#define SIZE GP_DESKTOP_SIZE
#define FRAMES 3
#define CLEAR GP_DESKTOP_CLEAR

static EGLContext create(struct gp_app *app, EGLint profile, EGLint major, EGLint minor)
{
	const EGLint attribs[] = {EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          profile,
	                          EGL_CONTEXT_MAJOR_VERSION,
	                          major,
	                          EGL_CONTEXT_MINOR_VERSION,
	                          minor,
	                          EGL_NONE};
	EGLContext ctx = eglCreateContext(app->egl, app->window_config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT)
		fprintf(stderr, "gl-desktop-app: eglCreateContext (OpenGL %d.%d %s): %s\n", major,
		        minor,
		        profile == EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT ? "core" : "compatibility",
		        gp_egl_error_name(eglGetError()));
	return ctx;
}

/* The display list of the right-hand triangle, made once in the compatibility context. */
static GLuint triangle_list(void)
{
	GLuint list = glGenLists(1);
	glNewList(list, GL_COMPILE);
	glBegin(GL_TRIANGLES);
	glColor3f(0, 1, 0);
	glVertex2f(0.1f, -0.8f);
	glVertex2f(0.9f, -0.8f);
	glVertex2f(0.5f, 0.8f);
	glEnd();
	glEndList();
	return list;
}

static void draw_compat(struct gp_frame *f, GLuint list)
{
	glViewport(0, 0, SIZE, SIZE);
	glClearColor(0x10 / 255.0f, 0x20 / 255.0f, 0x40 / 255.0f, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glBegin(GL_QUADS);
	glColor3f(1, 0, 0);
	glVertex2f(-0.9f, -0.8f);
	glVertex2f(-0.1f, -0.8f);
	glVertex2f(-0.1f, 0.8f);
	glVertex2f(-0.9f, 0.8f);
	glEnd();
	glCallList(list);
	/* Client arrays: a strip at pixels 40..88 x 4..20, colours as unsigned bytes. */
	static const GLfloat strip[] = {-0.6875f, -0.96875f, -0.3125f, -0.96875f,
	                                -0.6875f, -0.84375f, -0.3125f, -0.84375f};
	static const GLubyte cyan[] = {0, 255, 255, 0, 255, 255, 0, 255, 255, 0, 255, 255};
	glVertexPointer(2, GL_FLOAT, 0, strip);
	glColorPointer(3, GL_UNSIGNED_BYTE, 0, cyan);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	glDisableClientState(GL_COLOR_ARRAY);
	glDisableClientState(GL_VERTEX_ARRAY);
	/* glDrawPixels: a 16x8 magenta block at window position 160,4. */
	static GLubyte block[16 * 8 * 4];
	for (size_t i = 0; i < sizeof(block); i += 4)
		memcpy(block + i, (const GLubyte[]){255, 0, 255, 255}, 4);
	glWindowPos2i(160, 4);
	glDrawPixels(16, 8, GL_RGBA, GL_UNSIGNED_BYTE, block);
	gp_expect_no_error(f, "compat-draw");
	/* GL coordinates: x = (ndc + 1) * 128. */
	gp_add_probe(f, "immediate-quad", 64, 128, 0xff0000, 2);
	gp_add_probe(f, "display-list", 192, 60, 0x00ff00, 2);
	gp_add_probe(f, "client-arrays", 64, 12, 0x00ffff, 2);
	gp_add_probe(f, "draw-pixels", 168, 8, 0xff00ff, 2);
	gp_add_probe(f, "clear", 8, 8, CLEAR, 2);
	gp_add_probe(f, "clear", 248, 248, CLEAR, 2);
}

static const char *const vs_src = "#version 330 core\n"
                                  "layout(location = 0) in vec2 pos;\n"
                                  "void main() { gl_Position = vec4(pos, 0.0, 1.0); }\n";
static const char *const fs_src = "#version 330 core\n"
                                  "out vec4 colour;\n"
                                  "void main() { colour = vec4(1.0, 1.0, 0.0, 1.0); }\n";

struct core {
	GLuint program, vao, vbo;
};

static GLuint shader(GLenum type, const char *src)
{
	GLuint s = glCreateShader(type);
	glShaderSource(s, 1, &src, NULL);
	glCompileShader(s);
	GLint ok = 0;
	glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
	if (!ok) {
		char log[512] = "";
		glGetShaderInfoLog(s, sizeof(log), NULL, log);
		printf("FAIL core-shader: %s\n", log);
	}
	return s;
}

static void core_setup(struct core *c)
{
	static const GLfloat square[] = {-0.25f, -0.25f, 0.25f, -0.25f,
	                                 -0.25f, 0.25f,  0.25f, 0.25f};
	c->program = glCreateProgram();
	glAttachShader(c->program, shader(GL_VERTEX_SHADER, vs_src));
	glAttachShader(c->program, shader(GL_FRAGMENT_SHADER, fs_src));
	glLinkProgram(c->program);
	glGenVertexArrays(1, &c->vao);
	glBindVertexArray(c->vao);
	glGenBuffers(1, &c->vbo);
	glBindBuffer(GL_ARRAY_BUFFER, c->vbo);
	glBufferData(GL_ARRAY_BUFFER, sizeof(square), square, GL_STATIC_DRAW);
	glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, NULL);
	glEnableVertexAttribArray(0);
}

static void draw_core(struct gp_frame *f, const struct core *c)
{
	glViewport(0, 0, SIZE, SIZE);
	glUseProgram(c->program);
	glBindVertexArray(c->vao);
	glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
	gp_expect_no_error(f, "core-draw");
	gp_add_probe(f, "core-vao", 128, 128, 0xffff00, 2);
}

/* --es-first: an OpenGL ES context first, then a desktop GL one on the same display. Through
 * gpu-0 the display then holds a gpupipe context and cannot fall back as a whole: the desktop
 * GL context is refused with EGL_BAD_MATCH (as before the fallback existed). */
static int es_first(void)
{
	struct gp_app app;
	if (!gp_app_init(&app, "gl-desktop-app", EGL_OPENGL_ES2_BIT) || !app.window_config)
		return 2;
	EGLContext es = gp_app_create_context(&app, app.window_config, 2, 0);
	if (es == EGL_NO_CONTEXT || !eglBindAPI(EGL_OPENGL_API))
		return 2;
	const EGLint attribs[] = {EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                          EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, EGL_NONE};
	EGLContext gl = eglCreateContext(app.egl, app.window_config, EGL_NO_CONTEXT, attribs);
	EGLint error = eglGetError();
	printf("info: desktop GL context after an ES one: %s\n",
	       gl == EGL_NO_CONTEXT ? gp_egl_error_name(error) : "made");
	return 0;
}

/* --surface-first: the window surface exists, never current, when the compatibility
 * context is asked for. */
static int surface_first(void)
{
	struct gp_app app;
	if (!gp_app_init(&app, "gl-desktop-app", EGL_OPENGL_ES2_BIT) || !app.window_config)
		return 2;
	struct gp_window *w = gp_window_create(&app, SIZE, SIZE, "gl-desktop-app");
	if (!w || !eglBindAPI(EGL_OPENGL_API))
		return 2;
	EGLSurface s = gp_window_egl_surface(w);
	EGLContext compat = create(&app, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 2, 1);
	if (compat == EGL_NO_CONTEXT || !eglMakeCurrent(app.egl, s, s, compat)) {
		printf("FAIL surface-first: %s\n", gp_egl_error_name(eglGetError()));
		return 2;
	}
	EGLint width = 0;
	eglQuerySurface(app.egl, s, EGL_WIDTH, &width);
	printf("info: EGL_VENDOR after the context %s, surface width %d\n",
	       eglQueryString(app.egl, EGL_VENDOR), width);
	gp_print_gl_info();
	GLuint list = triangle_list();
	int failures = 0;
	for (int frame = 0; frame < FRAMES; frame++) {
		struct gp_frame f = {
		        .width = SIZE, .height = SIZE, .clear_rgb = CLEAR, .prefix = ""};
		draw_compat(&f, list);
		failures += gp_check_frame(&f, frame != FRAMES - 1);
		if (!eglSwapBuffers(app.egl, s)) {
			printf("FAIL swap: %s\n", gp_egl_error_name(eglGetError()));
			failures++;
		}
	}
	gp_app_hold(&app, w);
	return failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	bool use_core = argc > 1 && strcmp(argv[1], "--core") == 0;
	struct gp_app app;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc > 1 && strcmp(argv[1], "--es-first") == 0)
		return es_first();
	if (argc > 1 && strcmp(argv[1], "--surface-first") == 0)
		return surface_first();
	if (!gp_app_init(&app, "gl-desktop-app", EGL_OPENGL_BIT))
		return 2;
	if (!app.window_config) {
		fprintf(stderr, "gl-desktop-app: no 8-bit window config with EGL_OPENGL_BIT\n");
		return 2;
	}
	if (!eglBindAPI(EGL_OPENGL_API)) {
		fprintf(stderr, "gl-desktop-app: eglBindAPI(EGL_OPENGL_API): %s\n",
		        gp_egl_error_name(eglGetError()));
		return 2;
	}
	if (argc > 1 && strcmp(argv[1], "--core-only") == 0) {
		int major = 3, minor = 3;
		if (argc > 2 && (sscanf(argv[2], "%d.%d", &major, &minor) != 2 || major < 3 ||
		                 major > 4 || minor < 0 || minor > 6)) {
			fprintf(stderr, "gl-desktop-app: --core-only takes a version 3.2 to 4.6\n");
			return 2;
		}
		return gp_desktop_core_only(&app, major, minor);
	}
	EGLContext compat = create(&app, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 2, 1);
	EGLContext core =
	        use_core ? create(&app, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 3, 3) : EGL_NO_CONTEXT;
	if (compat == EGL_NO_CONTEXT || (use_core && core == EGL_NO_CONTEXT))
		return 2;
	struct gp_window *w = gp_window_create(&app, SIZE, SIZE, "gl-desktop-app");
	if (!w)
		return 2;
	EGLSurface s = gp_window_egl_surface(w);
	struct core c = {0};
	if (use_core) {
		if (!eglMakeCurrent(app.egl, s, s, core))
			return 2;
		printf("info: core GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
		core_setup(&c);
	}
	if (!eglMakeCurrent(app.egl, s, s, compat))
		return 2;
	printf("info: EGL_VENDOR after the context %s\n", eglQueryString(app.egl, EGL_VENDOR));
	gp_print_gl_info();
	GLuint list = triangle_list();

	int failures = 0;
	for (int frame = 0; frame < FRAMES; frame++) {
		struct gp_frame f = {
		        .width = SIZE, .height = SIZE, .clear_rgb = CLEAR, .prefix = ""};
		if (use_core)
			eglMakeCurrent(app.egl, s, s, compat);
		draw_compat(&f, list);
		if (use_core) {
			glFinish();
			eglMakeCurrent(app.egl, s, s, core);
			draw_core(&f, &c);
		}
		failures += gp_check_frame(&f, frame != FRAMES - 1);
		if (!eglSwapBuffers(app.egl, s)) {
			printf("FAIL swap: %s\n", gp_egl_error_name(eglGetError()));
			failures++;
		}
	}
	gp_app_hold(&app, w);
	return failures ? 1 : 0;
}
