/*
 * gl-es2-locations: glGetUniformLocation and glGetAttribLocation on an OpenGL ES 2.0 context
 * (surfaceless, on the Wayland display), each check in the app (PASS/FAIL lines,
 * gl-checks.h), natively and through gpu-0, where the library answers lookups from what
 * the host said of a linked program (proxy/gl/gles-locations.c):
 *   names     every active uniform and attribute has a location, which a value set through
 *             it reads back at (glUniform*, glGetUniformfv); "a" and "a[0]" are one
 *             location, "a[2]" another; a struct's members; a uniform the link dropped, an
 *             inactive attribute and an unknown name are -1, with no error
 *   repeated  names looked up 1000 times (active ones, and one no variable has): the same
 *             answer each time (through gpu-0 without a round trip each: the integration
 *             test counts them)
 *   relink    glBindAttribLocation and a link again: the lookups answer the new locations,
 *             not those of the link before
 *   failed    a link that fails after one that worked: a lookup raises
 *             GL_INVALID_OPERATION and answers -1, glUseProgram raises it too
 *   uncompiled  a link that fails because a shader did not compile, after one that worked:
 *             a lookup and glUseProgram raise GL_INVALID_OPERATION (gpupipe-host never
 *             gives such a shader to its driver's linker, and must fail the driver's link
 *             of the program all the same)
 *   deleted   a program deleted: GL_INVALID_VALUE; another made and linked with other
 *             bindings: its locations, also once deleted while current (still a program)
 */
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES2/gl2.h>
#include <wayland-client.h>

#include "gl-checks.h"

static const char vs_src[] = "attribute vec4 pos;\n"
                             "attribute vec2 uv;\n"
                             "attribute vec4 unused_attr;\n"
                             "uniform mat4 mvp;\n"
                             "uniform vec4 tint[3];\n"
                             "struct S { float f; vec2 g; };\n"
                             "uniform S s;\n"
                             "uniform float dropped;\n"
                             "varying vec4 v;\n"
                             "void main() {\n"
                             "  v = tint[0] + tint[2] * uv.x + vec4(s.f, s.g, 0.0);\n"
                             "  gl_Position = mvp * pos;\n"
                             "}\n";
static const char fs_src[] = "precision mediump float;\n"
                             "varying vec4 v;\n"
                             "uniform vec4 color;\n"
                             "void main() { gl_FragColor = v * color; }\n";
/* Links with vs_src's program-wide names but fails: v is a vec3 here, a vec4 there. */
static const char fs_bad_src[] = "precision mediump float;\n"
                                 "varying vec3 v;\n"
                                 "uniform vec4 color;\n"
                                 "void main() { gl_FragColor = vec4(v, 1.0) * color; }\n";

/* Does not compile. */
static const char fs_broken_src[] = "precision mediump float;\n"
                                    "uniform vec4 color;\n"
                                    "void main() { gl_FragColor = color * ; }\n";

static GLuint vs, fs;

static GLuint make(const char *pos_at_7)
{
	GLuint p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	if (pos_at_7)
		glBindAttribLocation(p, 7, pos_at_7);
	glLinkProgram(p);
	GLint linked = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &linked);
	return linked ? p : 0;
}

/* glUniform4f at `loc` reads back. */
static bool holds(const char *c, GLuint p, GLint loc, float x, const char *what)
{
	float back[4] = {0};
	glUniform4f(loc, x, x + 1, x + 2, x + 3);
	glGetUniformfv(p, loc, back);
	if (back[0] != x || back[3] != x + 3)
		return gc_fail(c, "%s at %d read back %g, not %g", what, loc, back[0], x);
	return true;
}

static void check_names(GLuint p)
{
	const char *c = "names";
	glUseProgram(p);
	GLint mvp = glGetUniformLocation(p, "mvp"), tint = glGetUniformLocation(p, "tint"),
	      tint0 = glGetUniformLocation(p, "tint[0]"),
	      tint2 = glGetUniformLocation(p, "tint[2]"), sf = glGetUniformLocation(p, "s.f"),
	      sg = glGetUniformLocation(p, "s.g"), color = glGetUniformLocation(p, "color"),
	      dropped = glGetUniformLocation(p, "dropped"),
	      unknown = glGetUniformLocation(p, "no_such_uniform");
	GLint pos = glGetAttribLocation(p, "pos"), uv = glGetAttribLocation(p, "uv"),
	      unused = glGetAttribLocation(p, "unused_attr"),
	      nope = glGetAttribLocation(p, "no_such_attribute");
	if (!gc_no_error(c, "the lookups"))
		return;
	bool ok = true;
	if (mvp < 0 || tint < 0 || tint2 < 0 || sf < 0 || sg < 0 || color < 0 || pos < 0 || uv < 0)
		ok = gc_fail(c,
		             "an active name has no location: mvp %d tint %d tint[2] %d s.f %d "
		             "s.g %d color %d pos %d uv %d",
		             mvp, tint, tint2, sf, sg, color, pos, uv);
	if (tint != tint0 || tint2 == tint0)
		ok = gc_fail(c, "tint %d, tint[0] %d, tint[2] %d", tint, tint0, tint2);
	if (dropped != -1 || unknown != -1 || unused != -1 || nope != -1)
		ok = gc_fail(c,
		             "dropped %d, unknown %d, inactive attribute %d, unknown attribute %d",
		             dropped, unknown, unused, nope);
	if (pos == uv)
		ok = gc_fail(c, "pos and uv both at %d", pos);
	if (ok) {
		ok = holds(c, p, tint0, 1.0f, "tint[0]") && holds(c, p, tint2, 5.0f, "tint[2]") &&
		     holds(c, p, color, 9.0f, "color");
		float f = 0;
		glUniform1f(sf, 0.25f);
		glGetUniformfv(p, sf, &f);
		if (ok && f != 0.25f)
			ok = gc_fail(c, "s.f read back %g", f);
	}
	gc_result(c, ok && gc_no_error(c, "setting and reading the uniforms"));
}

static void check_repeated(GLuint p)
{
	const char *c = "repeated";
	GLint first = glGetUniformLocation(p, "mvp"), attr = glGetAttribLocation(p, "uv");
	bool ok = first >= 0 && attr >= 0;
	for (int i = 0; ok && i < 1000; i++) {
		if (glGetUniformLocation(p, "mvp") != first ||
		    glGetAttribLocation(p, "uv") != attr ||
		    glGetUniformLocation(p, "no_such_uniform") != -1 ||
		    glGetAttribLocation(p, "unused_attr") != -1)
			ok = gc_fail(c, "lookup %d answered otherwise", i);
	}
	gc_result(c, ok && gc_no_error(c, "1000 lookups"));
}

static void check_relink(GLuint p)
{
	const char *c = "relink";
	GLint pos = glGetAttribLocation(p, "pos"), uv = glGetAttribLocation(p, "uv");
	GLint want_pos = pos == 3 ? 4 : 3, want_uv = uv == 6 ? 5 : 6;
	glBindAttribLocation(p, (GLuint)want_pos, "pos");
	glBindAttribLocation(p, (GLuint)want_uv, "uv");
	glLinkProgram(p);
	GLint linked = 0;
	glGetProgramiv(p, GL_LINK_STATUS, &linked);
	if (!linked) {
		gc_fail(c, "the link again failed");
		return;
	}
	GLint now_pos = glGetAttribLocation(p, "pos"), now_uv = glGetAttribLocation(p, "uv");
	bool ok = true;
	if (now_pos != want_pos || now_uv != want_uv)
		ok = gc_fail(c,
		             "pos at %d and uv at %d after binding them to %d and %d (%d and %d "
		             "before)",
		             now_pos, now_uv, want_pos, want_uv, pos, uv);
	glUseProgram(p);
	GLint tint2 = glGetUniformLocation(p, "tint[2]");
	gc_result(c, ok && tint2 >= 0 && holds(c, p, tint2, 3.0f, "tint[2] after the link") &&
	                     gc_no_error(c, "the lookups after the link"));
}

/* A link with `bad` in fs's place, after one that worked, fails: a lookup answers -1, and
 * it and glUseProgram raise GL_INVALID_OPERATION. */
static void check_link_fails_with(const char *c, GLuint bad)
{
	GLuint p = make(NULL);
	if (!p || !bad) {
		gc_fail(c, "the program, or the shader that fails it, did not build as meant");
		glDeleteShader(bad);
		return;
	}
	GLint color = glGetUniformLocation(p, "color");
	glDetachShader(p, fs);
	glAttachShader(p, bad);
	glLinkProgram(p);
	GLint linked = GL_TRUE;
	glGetProgramiv(p, GL_LINK_STATUS, &linked);
	gc_no_error(c, "the failed link");
	GLint after = glGetUniformLocation(p, "color");
	bool ok = color >= 0 && !linked && after == -1;
	if (!ok)
		gc_fail(c, "color at %d, then at %d after a link that %s", color, after,
		        linked ? "worked" : "failed");
	ok = ok && gc_error_is(c, GL_INVALID_OPERATION, "a lookup after the failed link");
	glUseProgram(p);
	ok = ok && gc_error_is(c, GL_INVALID_OPERATION, "glUseProgram after the failed link");
	gc_result(c, ok);
	glDeleteProgram(p);
	glDeleteShader(bad);
}

/* The driver's linker fails it. */
static void check_failed(void)
{
	check_link_fails_with("failed", gc_shader(GL_FRAGMENT_SHADER, fs_bad_src));
}

/* A shader that did not compile fails it (gpupipe-host never gives that shader to its
 * driver's linker, and must fail the driver's link of the program all the same). */
static void check_uncompiled(void)
{
	const char *src = fs_broken_src;
	GLuint broken = glCreateShader(GL_FRAGMENT_SHADER);
	GLint compiled = GL_TRUE;
	glShaderSource(broken, 1, &src, NULL);
	glCompileShader(broken);
	glGetShaderiv(broken, GL_COMPILE_STATUS, &compiled);
	if (compiled) {
		glDeleteShader(broken);
		broken = 0;
	}
	check_link_fails_with("uncompiled", broken);
}

static void check_deleted(void)
{
	const char *c = "deleted";
	GLuint p = make(NULL);
	GLint pos = p ? glGetAttribLocation(p, "pos") : -1;
	glUseProgram(0);
	glDeleteProgram(p);
	/* No program any more: GL_INVALID_VALUE, whatever was known of it. */
	GLint gone = glGetAttribLocation(p, "pos");
	if (!gc_error_is(c, GL_INVALID_VALUE, "a lookup in a deleted program"))
		return;
	/* Deleted while current: still a program, which answers as before. */
	GLuint q = make("pos");
	GLint now = q ? glGetAttribLocation(q, "pos") : -1;
	glUseProgram(q);
	glDeleteProgram(q);
	GLint current = glGetAttribLocation(q, "pos");
	bool ok = p && q && pos >= 0 && gone == -1 && now == 7 && current == 7;
	if (!ok)
		gc_fail(c,
		        "pos at %d, then %d once deleted; at %d in program %u bound at 7, %d once "
		        "deleted while current",
		        pos, gone, now, q, current);
	gc_result(c, ok && gc_no_error(c, "the lookups"));
	glUseProgram(0);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return printf("FAIL setup: no Wayland display\n"), 1;
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	EGLint major, minor, n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	const EGLint attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	if (!eglInitialize(dpy, &major, &minor) || !eglBindAPI(EGL_OPENGL_ES_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), 1;
	EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return printf("SKIP setup: no surfaceless OpenGL ES 2 context (0x%x)\n",
		              eglGetError()),
		       77;
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	vs = gc_shader(GL_VERTEX_SHADER, vs_src);
	fs = gc_shader(GL_FRAGMENT_SHADER, fs_src);
	GLuint p = vs && fs ? make(NULL) : 0;
	if (!p)
		return printf("FAIL setup: the program did not build\n"), 1;
	check_names(p);
	check_repeated(p);
	check_relink(p);
	check_failed();
	check_uncompiled();
	check_deleted();
	glDeleteProgram(p);
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
