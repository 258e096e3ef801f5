/*
 * Shaders deleted while attached, on an OpenGL ES 2.0 context and a core 3.2 one, each
 * checked in the app (surfaceless). GL only flags a shader deleted while it is attached to a
 * program: its name stays a shader's (glIsShader GL_TRUE, GL_DELETE_STATUS GL_TRUE, listed by
 * glGetAttachedShaders, detachable) until it is detached from every program, by
 * glDetachShader or by the program's own deletion, which a program current somewhere waits
 * for too. OpenGL ES refuses a second shader of a stage where desktop GL takes it, so the
 * same calls leave different attachments. Through gpu-0 the library and gpupipe-host keep
 * these names by the same rule (proxy/gl/gles-attach.c, gpuhost/gl/shader-attach.c).
 */
#define GL_GLEXT_PROTOTYPES
#include <stdio.h>
#include <string.h>

#include <GL/gl.h>
#include <GL/glext.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

struct api {
	const char *prefix;
	bool es; /* one shader of a stage at most */
	const char *vs, *fs;
};

static const struct api es2 = {
        .prefix = "es2",
        .es = true,
        .vs = "attribute vec4 p;\nvoid main() { gl_Position = p; }\n",
        .fs = "precision mediump float;\nvoid main() { gl_FragColor = vec4(1.0); }\n",
};

static const struct api core = {
        .prefix = "core",
        .es = false,
        .vs = "#version 150\nin vec4 p;\nvoid main() { gl_Position = p; }\n",
        .fs = "#version 150\nout vec4 c;\nvoid main() { c = vec4(1.0); }\n",
};

static const struct api *api;
static char check_name[96];

static const char *named(const char *check)
{
	snprintf(check_name, sizeof(check_name), "%s-%s", api->prefix, check);
	return check_name;
}

static GLuint vertex(void)
{
	return gc_shader(GL_VERTEX_SHADER, api->vs);
}

static GLuint fragment(void)
{
	return gc_shader(GL_FRAGMENT_SHADER, api->fs);
}

static GLint delete_status(GLuint shader)
{
	GLint status = -1;
	glGetShaderiv(shader, GL_DELETE_STATUS, &status);
	return status;
}

/* The shader is a shader, flagged for deletion or not as `flagged` says. */
static bool alive(const char *c, GLuint shader, bool flagged, const char *when)
{
	bool ok = glIsShader(shader) || gc_fail(c, "glIsShader(%u) GL_FALSE %s", shader, when);
	GLint status = delete_status(shader);
	ok = gc_no_error(c, when) && ok;
	return (status == (flagged ? GL_TRUE : GL_FALSE) ||
	        gc_fail(c, "GL_DELETE_STATUS of %u %d %s", shader, status, when)) &&
	       ok;
}

/* The shader's name is gone: not a shader, and a query of it GL_INVALID_VALUE. */
static bool gone(const char *c, GLuint shader, const char *when)
{
	bool ok = !glIsShader(shader) || gc_fail(c, "glIsShader(%u) GL_TRUE %s", shader, when);
	delete_status(shader);
	return gc_error_is(c, GL_INVALID_VALUE, when) && ok;
}

/* glGetAttachedShaders lists exactly `want` (n of them, in any order). */
static bool attached(const char *c, GLuint program, const GLuint *want, int n, const char *when)
{
	GLuint got[8] = {0};
	GLsizei count = -1;
	glGetAttachedShaders(program, 8, &count, got);
	bool ok = gc_no_error(c, when);
	if (count != n)
		return gc_fail(c, "%d shaders attached %s, not %d", count, when, n);
	for (int i = 0; i < n; i++) {
		bool found = false;
		for (int j = 0; j < count; j++)
			found = found || got[j] == want[i];
		ok = (found || gc_fail(c, "shader %u not listed %s", want[i], when)) && ok;
	}
	GLint attached_count = -1;
	glGetProgramiv(program, GL_ATTACHED_SHADERS, &attached_count);
	return (attached_count == n ||
	        gc_fail(c, "GL_ATTACHED_SHADERS %d %s, not %d", attached_count, when, n)) &&
	       ok;
}

static bool linked(GLuint program)
{
	GLint status = GL_FALSE;
	glLinkProgram(program);
	glGetProgramiv(program, GL_LINK_STATUS, &status);
	return status == GL_TRUE;
}

/* Deleted while attached: still a shader, listed, linked, deleted again for nothing;
 * detached, it goes. */
static void check_detached(void)
{
	const char *c = named("deleted-then-detached");
	GLuint vs = vertex(), fs = fragment(), p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	glDeleteShader(vs);
	bool ok = gc_no_error(c, "glDeleteShader of an attached shader");
	ok = alive(c, vs, true, "once deleted while attached") && ok;
	ok = alive(c, fs, false, "never deleted") && ok;
	ok = attached(c, p, (GLuint[]){vs, fs}, 2, "with one of them deleted") && ok;
	glDeleteShader(vs);
	ok = gc_no_error(c, "glDeleteShader of a flagged shader") && ok;
	glCompileShader(vs);
	ok = gc_no_error(c, "glCompileShader of a flagged shader") && ok;
	ok = (linked(p) || gc_fail(c, "no link with a flagged shader")) && ok;
	glDetachShader(p, vs);
	ok = gc_no_error(c, "glDetachShader of the flagged shader") && ok;
	ok = gone(c, vs, "once detached") && ok;
	ok = attached(c, p, (GLuint[]){fs}, 1, "once it is detached") && ok;
	glDetachShader(p, vs);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glDetachShader of a shader gone") && ok;
	glDeleteShader(vs);
	ok = gc_error_is(c, GL_INVALID_VALUE, "glDeleteShader of a shader gone") && ok;
	glDeleteProgram(p);
	glDeleteShader(fs);
	gc_result(c, gc_no_error(c, "the program and the other shader deleted") && ok);
}

/* Attached to two programs, it goes with its last attachment. */
static void check_two_programs(void)
{
	const char *c = named("deleted-in-two-programs");
	GLuint vs = vertex(), p = glCreateProgram(), q = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(q, vs);
	glDeleteShader(vs);
	glDetachShader(p, vs);
	bool ok = gc_no_error(c, "deleted, then detached from one program");
	ok = alive(c, vs, true, "while still attached to the other") && ok;
	glDetachShader(q, vs);
	ok = gc_no_error(c, "detached from the other") && ok;
	ok = gone(c, vs, "detached from both") && ok;
	glDeleteProgram(p);
	glDeleteProgram(q);
	gc_result(c, gc_no_error(c, "the programs deleted") && ok);
}

/* A program's deletion detaches its shaders: the flagged ones go, the others stay. */
static void check_program_deleted(void)
{
	const char *c = named("deleted-with-its-program");
	GLuint vs = vertex(), fs = fragment(), p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	glDeleteShader(vs);
	glDeleteProgram(p);
	bool ok = gc_no_error(c, "the program deleted");
	ok = gone(c, vs, "once its program was deleted") && ok;
	ok = alive(c, fs, false, "an unflagged shader of a deleted program") && ok;
	glDeleteShader(fs);
	ok = gone(c, fs, "the unflagged one deleted once its program was") && ok;
	gc_result(c, ok);
}

/* A program deleted while current keeps its shaders until no context has it current. */
static void check_program_current(void)
{
	const char *c = named("deleted-with-its-current-program");
	GLuint vs = vertex(), fs = fragment(), p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	bool ok = linked(p) || gc_fail(c, "the program did not link");
	glUseProgram(p);
	glDeleteShader(vs);
	glDeleteShader(fs);
	glDeleteProgram(p);
	ok = gc_no_error(c, "its shaders and the current program deleted") && ok;
	ok = alive(c, vs, true, "attached to a flagged program still current") && ok;
	ok = attached(c, p, (GLuint[]){vs, fs}, 2, "of the flagged program") && ok;
	glUseProgram(0);
	ok = gc_no_error(c, "glUseProgram(0)") && ok;
	ok = (!glIsProgram(p) || gc_fail(c, "glIsProgram GL_TRUE once not current")) && ok;
	ok = gone(c, vs, "once its program was no longer current") && ok;
	ok = gone(c, fs, "the other, once its program was no longer current") && ok;
	gc_result(c, ok);
}

/* What GL refuses to attach is not attached: deleted, it goes at once. OpenGL ES refuses a
 * second shader of a stage; desktop GL takes it. */
static void check_refused(void)
{
	const char *c = named("attach-refused");
	GLuint vs = vertex(), vs2 = vertex(), p = glCreateProgram();
	glAttachShader(p, vs);
	bool ok = gc_no_error(c, "the first vertex shader attached");
	glAttachShader(p, vs);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "the same shader attached again") && ok;
	glAttachShader(p, vs2);
	if (api->es)
		ok = gc_error_is(c, GL_INVALID_OPERATION, "a second vertex shader attached") && ok;
	else
		ok = gc_no_error(c, "a second vertex shader attached") && ok;
	glDeleteShader(vs2);
	if (api->es)
		ok = gone(c, vs2, "refused, then deleted") && ok;
	else
		ok = alive(c, vs2, true, "a second vertex shader, attached and deleted") && ok;
	glDetachShader(p, vs);
	glDetachShader(p, vs);
	ok = gc_error_is(c, GL_INVALID_OPERATION, "a shader detached twice") && ok;
	glDeleteProgram(p);
	ok = gc_no_error(c, "the program deleted") && ok;
	ok = gone(c, vs2, "once its program was deleted") && ok;
	glDeleteShader(vs);
	gc_result(c, gc_no_error(c, "the first vertex shader deleted") && ok);
}

/* Names made after the others went: new shaders and programs compile and link. */
static void check_new_names(void)
{
	const char *c = named("names-after");
	bool ok = true;
	for (int i = 0; i < 20 && ok; i++) {
		GLuint vs = vertex(), fs = fragment(), p = glCreateProgram();
		glAttachShader(p, vs);
		glAttachShader(p, fs);
		glDeleteShader(vs);
		glDeleteShader(fs);
		ok = (vs && fs && linked(p)) || gc_fail(c, "round %d did not link", i);
		glDeleteProgram(p);
		ok = gone(c, vs, "with its program") && ok;
	}
	gc_result(c, gc_no_error(c, "twenty programs made and deleted") && ok);
}

/* A program current in a context that is destroyed goes with it: its flagged shaders too. */
static void check_context_destroyed(EGLDisplay dpy, EGLContext ctx, const EGLint *attribs)
{
	const char *c = named("deleted-in-a-destroyed-context");
	EGLint id = 0, n = 0;
	EGLConfig config;
	eglQueryContext(dpy, ctx, EGL_CONFIG_ID, &id);
	const EGLint want[] = {EGL_CONFIG_ID, id, EGL_NONE};
	EGLContext other = EGL_NO_CONTEXT;
	if (eglChooseConfig(dpy, want, &config, 1, &n) && n == 1)
		other = eglCreateContext(dpy, config, ctx, attribs);
	if (other == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, other)) {
		gc_result(c, gc_fail(c, "no context sharing with the first (0x%x)", eglGetError()));
		if (other != EGL_NO_CONTEXT)
			eglDestroyContext(dpy, other);
		eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx);
		return;
	}
	GLuint vs = vertex(), fs = fragment(), p = glCreateProgram();
	glAttachShader(p, vs);
	glAttachShader(p, fs);
	bool ok = linked(p) || gc_fail(c, "the program did not link");
	glUseProgram(p);
	glDeleteShader(vs);
	glDeleteProgram(p);
	ok = gc_no_error(c, "a shader and the current program deleted in the second context") && ok;
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx);
	ok = alive(c, vs, true, "while its program is current in the other") && ok;
	eglDestroyContext(dpy, other);
	ok = gone(c, vs, "once the other context went") && ok;
	ok = alive(c, fs, false, "the unflagged one, once the other context went") && ok;
	glDeleteShader(fs);
	gc_result(c, gc_no_error(c, "the unflagged one deleted") && ok);
}

static void check_all(EGLDisplay dpy, EGLContext ctx, const EGLint *attribs)
{
	check_detached();
	check_two_programs();
	check_program_deleted();
	check_program_current();
	check_refused();
	check_context_destroyed(dpy, ctx, attribs);
	check_new_names();
}

/* An OpenGL ES 2.0 context on the display, current without a surface; false after a SKIP
 * line. */
static bool es2_open(EGLDisplay dpy, EGLContext *ctx, const EGLint *attribs)
{
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES2_BIT, EGL_NONE};
	EGLConfig config;
	EGLint n = 0;
	*ctx = EGL_NO_CONTEXT;
	if (eglBindAPI(EGL_OPENGL_ES_API) && eglChooseConfig(dpy, want, &config, 1, &n) && n > 0)
		*ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, attribs);
	if (*ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, *ctx)) {
		printf("SKIP es2: no surfaceless OpenGL ES 2.0 context (0x%x)\n", eglGetError());
		return false;
	}
	printf("info: es2 GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	return true;
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, 3, 2, &status))
		return status;
	const EGLint core_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
	                               3,
	                               EGL_CONTEXT_MINOR_VERSION,
	                               2,
	                               EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                               EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
	                               EGL_NONE};
	api = &core;
	check_all(d.dpy, d.ctx, core_attribs);

	const EGLint es2_attribs[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	EGLContext es_ctx;
	if (es2_open(d.dpy, &es_ctx, es2_attribs)) {
		api = &es2;
		check_all(d.dpy, es_ctx, es2_attribs);
		eglMakeCurrent(d.dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
		eglDestroyContext(d.dpy, es_ctx);
	}
	eglBindAPI(EGL_OPENGL_API);
	eglMakeCurrent(d.dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, d.ctx);
	return gc_desktop_close(&d);
}
