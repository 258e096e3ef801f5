/*
 * What EGL keeps per calling thread: its last error, which is ours (glvnd
 * asks the vendor that served the thread's last call for eglGetError), its
 * current context, which is ours too for the GL entry points (glvnd keeps
 * its own for eglGetCurrent*, and switches the GL dispatch itself), the next
 * vendor's GL table while a context of that vendor is current (fallback-gl.h), and its
 * bound client API, which is glvnd's (eglBindAPI is libEGL's own). Every
 * file of the library reads or sets them here; this file calls none of them.
 */
#include <stdarg.h>
#include <stdio.h>

#include <glvnd/libeglabi.h>

#include <gpupipe/log.h>

#include "fallback-gl.h"
#include "ge.h"

static const __EGLapiExports *glvnd;
static __thread EGLint last_error = EGL_SUCCESS;
static __thread struct ge_context *current;
__thread struct ge_fb_gl_table *ge_fb_gl_current __attribute__((tls_model("initial-exec")));

void ge_thread_use_glvnd(const __EGLapiExports *exports)
{
	glvnd = exports;
}

const __EGLapiExports *ge_glvnd(void)
{
	return glvnd;
}

EGLenum ge_current_api(void)
{
	return glvnd ? glvnd->getCurrentApi() : EGL_OPENGL_ES_API;
}

struct ge_context *ge_current_context(void)
{
	return current;
}

void ge_set_current_context(struct ge_context *c)
{
	current = c;
}

struct ge_gl_state *ge_gl_current(void)
{
	return current ? current->gl : NULL;
}

/* The GL entry points' way to the current stream: a hand-written one, whose command the
 * library's messages cannot name, and a generated one, named. */
struct gl_enc *gl_enc_current(void)
{
	return gl_enc_current_op(0);
}

struct gl_enc *gl_enc_current_op(uint32_t op)
{
	struct ge_context *c = current;
	if (!c || ge_stream_lost(c->stream))
		return NULL;
	return ge_gl_enter(c->stream, op);
}

void ge_set_error(EGLint error)
{
	last_error = error;
}

EGLint ge_peek_error(void)
{
	return last_error;
}

EGLint ge_take_error(void)
{
	EGLint e = last_error;
	last_error = EGL_SUCCESS;
	return e;
}

const char *ge_error_name(EGLint error)
{
	static const char *const names[] = {
	        "EGL_SUCCESS",       "EGL_NOT_INITIALIZED",     "EGL_BAD_ACCESS",
	        "EGL_BAD_ALLOC",     "EGL_BAD_ATTRIBUTE",       "EGL_BAD_CONFIG",
	        "EGL_BAD_CONTEXT",   "EGL_BAD_CURRENT_SURFACE", "EGL_BAD_DISPLAY",
	        "EGL_BAD_MATCH",     "EGL_BAD_NATIVE_PIXMAP",   "EGL_BAD_NATIVE_WINDOW",
	        "EGL_BAD_PARAMETER", "EGL_BAD_SURFACE",         "EGL_CONTEXT_LOST",
	};
	EGLint i = error - EGL_SUCCESS;
	return i >= 0 && i < (EGLint)(sizeof(names) / sizeof(names[0])) ? names[i] : "EGL error";
}

EGLint ge_refuse_at(const char *file, int line, EGLint error, const char *fmt, ...)
{
	if (!gp_log_enabled(GP_LOG_INFO))
		return error;
	char why[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	gp_log_at(GP_LOG_INFO, file, line, "%s (%s)", why, ge_error_name(error));
	return error;
}
