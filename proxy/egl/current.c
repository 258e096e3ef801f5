/*
 * eglMakeCurrent: what the calling thread has current (thread.c keeps it).
 *
 * Each make-current starts the context's stream with GL_OP_MAKE_CURRENT;
 * a release sends MAKE_CURRENT(0, 0, 0) and flushes (EGL's implicit
 * glFlush), then runs the destruction EGL deferred while it was current.
 */
#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "client-gl.h"
#include "ge.h"
#include "gles-codec.h"

static void unbind_surface(struct ge_context *c, struct ge_surface *s)
{
	if (!s || s->bound != c)
		return;
	s->bound = NULL;
	if (s->destroyed)
		ge_surface_destroy_now(s);
}

/* Display locked; c is current on the calling thread. */
static void release(struct ge_context *c)
{
	static const struct gl_op_make_current none = {0};
	struct ge_display *d = c->d;
	if (ge_stream_op(c->stream, GL_OP_MAKE_CURRENT, &none, sizeof(none)))
		ge_stream_flush(c->stream);
	c->current = false;
	ge_set_current_context(NULL);
	struct ge_surface *draw = c->draw, *read = c->read;
	c->draw = c->read = NULL;
	unbind_surface(c, draw);
	if (read != draw)
		unbind_surface(c, read);
	if (c->destroyed)
		ge_context_destroy_now(c);
	ge_display_maybe_finish_terminate(d);
}

bool ge_current_release(struct ge_display *d)
{
	struct ge_context *c = ge_current_context();
	if (!c)
		return true;
	if (c->d != d) {
		struct ge_display *other = c->d; /* release() may free c */
		pthread_mutex_lock(&other->lock);
		release(c);
		pthread_mutex_unlock(&other->lock);
	} else {
		release(c);
	}
	return true;
}

static EGLint check_surface(struct ge_context *c, struct ge_surface *s)
{
	/* Bound to this thread's current context is fine: this call
	 * releases that one. */
	if (s->bound && s->bound != c && s->bound != ge_current_context())
		return EGL_BAD_ACCESS;
	if (c->config && !ge_configs_compatible(c->config, s->config))
		return EGL_BAD_MATCH;
	if (s->kind == GL_SURFACE_WINDOW && !s->win)
		return EGL_BAD_NATIVE_WINDOW;
	return EGL_SUCCESS;
}

static EGLint validate(struct ge_display *d, struct ge_context *c, EGLSurface draw, EGLSurface read,
                       struct ge_surface **sd, struct ge_surface **sr)
{
	if (!d->initialized)
		return EGL_NOT_INITIALIZED;
	if (!c)
		return EGL_BAD_CONTEXT;
	if ((draw == EGL_NO_SURFACE) != (read == EGL_NO_SURFACE))
		return EGL_BAD_MATCH;
	if (draw != EGL_NO_SURFACE) {
		*sd = ge_surface_lookup(d, draw);
		*sr = ge_surface_lookup(d, read);
		if (!*sd || !*sr)
			return EGL_BAD_SURFACE;
		EGLint e = check_surface(c, *sd);
		if (e == EGL_SUCCESS)
			e = check_surface(c, *sr);
		if (e != EGL_SUCCESS)
			return e;
	}
	if (c->current && c != ge_current_context())
		return EGL_BAD_ACCESS;
	if (ge_display_lost(d))
		return EGL_CONTEXT_LOST;
	return EGL_SUCCESS;
}

static void bind(struct ge_context *c, struct ge_surface *draw, struct ge_surface *read)
{
	struct ge_surface *old_draw = c->draw, *old_read = c->read;
	c->current = true;
	c->draw = draw;
	c->read = read;
	ge_set_current_context(c);
	for (struct ge_surface *s = draw; s; s = s == read ? NULL : read) {
		s->bound = c;
		s->last_ctx = c;
		s->used = true;
	}
	/* Surfaces the context leaves (same context, new surfaces). */
	if (old_draw && old_draw != draw && old_draw != read)
		unbind_surface(c, old_draw);
	if (old_read && old_read != old_draw && old_read != draw && old_read != read)
		unbind_surface(c, old_read);
}

/* Display locked. */
static EGLint make_current(struct ge_display *d, struct ge_context *c, EGLSurface draw_h,
                           EGLSurface read_h)
{
	struct ge_surface *draw = NULL, *read = NULL;
	EGLint error = validate(d, c, draw_h, read_h, &draw, &read);
	if (error != EGL_SUCCESS)
		return error;
	struct ge_context *now = ge_current_context();
	if (now && now != c)
		ge_current_release(d);
	if (!c->stream && !(c->stream = ge_stream_open(d, c->gl)))
		return EGL_BAD_ALLOC;
	if (draw)
		ge_surface_sync_size(draw, c->stream);
	struct gl_op_make_current op = {
	        .context = c->handle,
	        .draw = draw ? draw->handle : 0,
	        .read = read ? read->handle : 0,
	};
	if (!ge_stream_op(c->stream, GL_OP_MAKE_CURRENT, &op, sizeof(op)))
		return EGL_CONTEXT_LOST;
	bind(c, draw, read);
	return EGL_SUCCESS;
}

static EGLBoolean egl_make_current(EGLDisplay dpy, EGLSurface draw, EGLSurface read, EGLContext ctx)
{
	struct ge_display *d = ge_display_lock(dpy, false);
	if (!d)
		return EGL_FALSE;
	EGLint error = EGL_SUCCESS;
	if (ctx == EGL_NO_CONTEXT) {
		if (draw != EGL_NO_SURFACE || read != EGL_NO_SURFACE)
			error = EGL_BAD_MATCH;
		else
			ge_current_release(d);
	} else {
		struct ge_context *c = ge_context_lookup(d, ctx), *now = ge_current_context();
		if (now && c && now->d != d) {
			/* Leaving a context of another of our displays. */
			ge_current_release(d);
		}
		error = make_current(d, c, draw, read);
	}
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

static EGLBoolean egl_release_thread(void)
{
	struct ge_context *c = ge_current_context();
	if (c) {
		/* release() frees a context that was destroyed while current. */
		struct ge_display *d = c->d;
		pthread_mutex_lock(&d->lock);
		release(c);
		pthread_mutex_unlock(&d->lock);
	}
	return ge_ok();
}

/* Client API rendering done before native rendering: a glFinish. */
static EGLBoolean egl_wait_client(void)
{
	if (gl_enc_current())
		gl_enc_glFinish();
	struct ge_context *c = ge_current_context();
	if (c && ge_stream_lost(c->stream))
		return ge_fail(EGL_CONTEXT_LOST);
	return ge_ok();
}

static EGLBoolean egl_wait_native(EGLint engine)
{
	if (engine != EGL_CORE_NATIVE_ENGINE)
		return ge_fail(EGL_BAD_PARAMETER);
	return ge_ok();
}

const struct ge_proc ge_current_procs[] = {
        {"eglMakeCurrent", (void *)egl_make_current},
        {"eglReleaseThread", (void *)egl_release_thread},
        {"eglWaitClient", (void *)egl_wait_client},
        {"eglWaitGL", (void *)egl_wait_client},
        {"eglWaitNative", (void *)egl_wait_native},
        {NULL, NULL},
};
