/*
 * Fence syncs (EGL 1.5 core and EGL_KHR_fence_sync / EGL_KHR_wait_sync).
 * A fence goes into the current context's stream (GL_OP_SYNC_CREATE,
 * answered, so the host has it before anything else names it). Client
 * waits ask the host in slices of at most GL_MAX_SYNC_WAIT_NS, so a long
 * wait never holds the host, and a destroyed sync wakes its waiters as
 * EGL says.
 */
#include <stdlib.h>

#include "ge.h"
#include "client-gl.h"
#include "surface.h"

static struct ge_sync *lookup(struct ge_display *d, EGLSync sync)
{
	struct ge_sync *y;
	wl_list_for_each(y, &d->syncs, link) if ((EGLSync)y == sync && !y->destroyed) return y;
	return NULL;
}

static EGLSync create(EGLDisplay dpy, EGLenum type, const void *attribs, bool wide)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SYNC;
	struct ge_context *c = ge_current_context();
	struct ge_sync *y = NULL;
	uint32_t error = EGL_SUCCESS;
	if (type != EGL_SYNC_FENCE || (attribs && ge_attrib_at(attribs, wide, 0) != EGL_NONE))
		error = EGL_BAD_ATTRIBUTE;
	else if (!c || c->d != d || !(d->host.features & GL_HOST_FENCE_SYNC))
		error = EGL_BAD_MATCH;
	else if (!(y = calloc(1, sizeof(*y))))
		error = EGL_BAD_ALLOC;
	if (error == EGL_SUCCESS) {
		y->handle = ge_display_new_handle(d);
		y->ctx = c;
		struct gl_op_sync_create op = {.handle = y->handle, .type = EGL_SYNC_FENCE_KHR};
		struct gl_reply_error reply;
		if (ge_stream_op(c->stream, GL_OP_SYNC_CREATE, &op, sizeof(op)) &&
		    ge_stream_reply_fixed(c->stream, GL_OP_SYNC_CREATE, &reply, sizeof(reply),
		                          "malformed sync reply"))
			error = reply.error;
		else
			error = EGL_CONTEXT_LOST;
	}
	if (error == EGL_SUCCESS)
		wl_list_insert(&d->syncs, &y->link);
	else
		free(y);
	ge_display_unlock(d);
	ge_set_error((EGLint)error);
	return error == EGL_SUCCESS ? (EGLSync)y : EGL_NO_SYNC;
}

void ge_sync_destroy_now(struct ge_display *d, struct ge_sync *y)
{
	struct gl_op_handle op = {.handle = y->handle};
	ge_send_ordered(d, y->ctx, GL_OP_SYNC_DESTROY, &op, sizeof(op));
	wl_list_remove(&y->link);
	free(y);
}

static EGLBoolean destroy(EGLDisplay dpy, EGLSync sync)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_sync *y = lookup(d, sync);
	if (y && y->waiters)
		y->destroyed = true; /* the last waiter destroys it */
	else if (y)
		ge_sync_destroy_now(d, y);
	ge_display_unlock(d);
	return y ? ge_ok() : ge_fail(EGL_BAD_PARAMETER);
}

/* One slice on the host: EGL status, or 0 with *error set. */
static EGLint wait_slice(struct gl_enc *e, uint32_t handle, uint32_t flags, uint64_t ns,
                         EGLint *error)
{
	struct gl_op_sync_client_wait op = {.handle = handle, .flags = flags, .timeout_ns = ns};
	uint32_t size;
	const uint8_t *reply = NULL;
	if (ge_stream_op(e, GL_OP_SYNC_CLIENT_WAIT, &op, sizeof(op)))
		reply = gl_enc_reply(e, GL_OP_SYNC_CLIENT_WAIT, &size);
	/* The error travels only when status is 0 (gl-stream.h). */
	struct gl_reply_sync_wait r = {.status = 0, .error = EGL_CONTEXT_LOST};
	if (reply && (size == offsetof(struct gl_reply_sync_wait, error) || size == sizeof(r)))
		__builtin_memcpy(&r, reply, size);
	else if (reply)
		ge_stream_lose(e, "malformed GL_OP_SYNC_CLIENT_WAIT reply");
	if (r.status == EGL_CONDITION_SATISFIED || r.status == EGL_TIMEOUT_EXPIRED)
		return (EGLint)r.status;
	*error = r.status ? EGL_BAD_PARAMETER : (EGLint)r.error;
	return 0;
}

/* Display locked on entry and exit; unlocked while waiting on our own
 * context's stream. */
static EGLint wait_locked(struct ge_display *d, struct ge_sync *y, EGLint flags, EGLTime timeout,
                          EGLint *error)
{
	struct ge_context *c = ge_current_context();
	struct gl_enc *own = c && c->d == d ? c->stream : NULL;
	EGLint status = EGL_TIMEOUT_EXPIRED;
	y->waiters++;
	for (bool first = true; !y->signaled && !y->destroyed; first = false) {
		uint64_t slice = timeout < GL_MAX_SYNC_WAIT_NS ? timeout : GL_MAX_SYNC_WAIT_NS;
		uint32_t f = first ? (uint32_t)flags & EGL_SYNC_FLUSH_COMMANDS_BIT : 0;
		if (own)
			pthread_mutex_unlock(&d->lock);
		status = wait_slice(own ? own : d->stream, y->handle, f, slice, error);
		if (own)
			pthread_mutex_lock(&d->lock);
		if (status == EGL_CONDITION_SATISFIED)
			y->signaled = true;
		if (status != EGL_TIMEOUT_EXPIRED || timeout <= slice)
			break;
		if (timeout != EGL_FOREVER)
			timeout -= slice;
	}
	if (y->signaled || y->destroyed)
		status = EGL_CONDITION_SATISFIED;
	if (--y->waiters == 0 && y->destroyed)
		ge_sync_destroy_now(d, y);
	return status;
}

static EGLint client_wait(EGLDisplay dpy, EGLSync sync, EGLint flags, EGLTime timeout)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_sync *y = lookup(d, sync);
	EGLint error = EGL_SUCCESS, status = 0;
	if (!y)
		error = EGL_BAD_PARAMETER;
	else if (flags & ~EGL_SYNC_FLUSH_COMMANDS_BIT)
		error = EGL_BAD_PARAMETER;
	else
		status = wait_locked(d, y, flags, timeout, &error);
	ge_display_unlock(d);
	ge_set_error(status ? EGL_SUCCESS : error);
	return status ? status : EGL_FALSE;
}

static EGLBoolean get_attrib(EGLDisplay dpy, EGLSync sync, EGLint attribute, EGLAttrib *value)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_sync *y = lookup(d, sync);
	EGLint error = y ? EGL_SUCCESS : EGL_BAD_PARAMETER;
	EGLAttrib v = 0;
	if (y && attribute == EGL_SYNC_STATUS) {
		if (!y->signaled)
			wait_locked(d, y, 0, 0, &error);
		v = y->signaled ? EGL_SIGNALED : EGL_UNSIGNALED;
		error = EGL_SUCCESS;
	} else if (y && attribute == EGL_SYNC_TYPE) {
		v = EGL_SYNC_FENCE;
	} else if (y && attribute == EGL_SYNC_CONDITION) {
		v = EGL_SYNC_PRIOR_COMMANDS_COMPLETE;
	} else if (y) {
		error = EGL_BAD_ATTRIBUTE;
	}
	if (error == EGL_SUCCESS && !value)
		error = EGL_BAD_PARAMETER;
	if (error == EGL_SUCCESS)
		*value = v;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

/* The current context's GPU waits; without host support the CPU does. */
static EGLBoolean server_wait(EGLDisplay dpy, EGLSync sync, EGLint flags)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_sync *y = lookup(d, sync);
	struct ge_context *c = ge_current_context();
	EGLint error = EGL_SUCCESS;
	struct gl_op_handle op = {.handle = y ? y->handle : 0};
	if (!y)
		error = EGL_BAD_PARAMETER;
	else if (flags)
		error = EGL_BAD_PARAMETER;
	else if (!c || c->d != d)
		error = EGL_BAD_MATCH;
	else if (!y->signaled && d->host.features & GL_HOST_WAIT_SYNC)
		ge_stream_op(c->stream, GL_OP_SYNC_SERVER_WAIT, &op, sizeof(op));
	else if (!y->signaled && !wait_locked(d, y, 0, EGL_FOREVER, &error))
		error = error == EGL_SUCCESS ? EGL_CONTEXT_LOST : error;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

/* ---- EGL 1.5 and KHR flavours ---- */

static EGLSync egl_create_sync(EGLDisplay dpy, EGLenum type, const EGLAttrib *attribs)
{
	return create(dpy, type, attribs, true);
}

static EGLSyncKHR egl_create_sync_khr(EGLDisplay dpy, EGLenum type, const EGLint *attribs)
{
	return create(dpy, type, attribs, false);
}

static EGLBoolean egl_get_sync_attrib_khr(EGLDisplay dpy, EGLSync sync, EGLint attribute,
                                          EGLint *value)
{
	EGLAttrib v;
	if (!value)
		return ge_fail(EGL_BAD_PARAMETER);
	if (!get_attrib(dpy, sync, attribute, &v))
		return EGL_FALSE;
	*value = (EGLint)v;
	return EGL_TRUE;
}

static EGLint egl_wait_sync_khr(EGLDisplay dpy, EGLSync sync, EGLint flags)
{
	return server_wait(dpy, sync, flags);
}

const struct ge_proc ge_sync_procs[] = {
        {"eglCreateSync", (void *)egl_create_sync},
        {"eglCreateSyncKHR", (void *)egl_create_sync_khr},
        {"eglDestroySync", (void *)destroy},
        {"eglDestroySyncKHR", (void *)destroy},
        {"eglClientWaitSync", (void *)client_wait},
        {"eglClientWaitSyncKHR", (void *)client_wait},
        {"eglGetSyncAttrib", (void *)get_attrib},
        {"eglGetSyncAttribKHR", (void *)egl_get_sync_attrib_khr},
        {"eglWaitSync", (void *)server_wait},
        {"eglWaitSyncKHR", (void *)egl_wait_sync_khr},
        {NULL, NULL},
};
