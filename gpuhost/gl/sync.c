/*
 * EGL fence syncs (EGL_KHR_fence_sync, EGL_KHR_wait_sync) on the host. A
 * fence goes into the command stream of the context current on the stream
 * that asks for it, so the library sends GL_OP_SYNC_CREATE on the calling
 * thread's context stream, after the commands it must follow. Client waits
 * are bounded (GL_MAX_SYNC_WAIT_NS): the host thread serves every stream
 * of the link and must not block long on one of them.
 */
#include <string.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-stream.h>
#include <gpupipe/log.h>

#include "executor.h"
#include "map.h"
#include "stream.h"
#include "surface.h"

/* The wait's reply: status, or 0 and the EGL error (gl-stream.h). */
static bool reply_wait(struct gl_exec *x, uint32_t status, uint32_t error)
{
	struct gl_reply_sync_wait reply = {.status = status, .error = error};
	uint32_t size = status ? offsetof(struct gl_reply_sync_wait, error) : sizeof(reply);
	uint8_t *p = gl_exec_reply(x, size);
	if (!p)
		return false;
	memcpy(p, &reply, size);
	return true;
}

static uint32_t create(struct gl_exec *x, uint32_t handle, uint32_t type)
{
	struct gh_gl *gl = x->gl;
	if (type != EGL_SYNC_FENCE_KHR)
		return EGL_BAD_ATTRIBUTE;
	if (!gl->egl.fence_sync || !x->ctx)
		return EGL_BAD_MATCH;
	if (!gh_gl_stream_make_current(x))
		return 0;
	EGLSyncKHR sync = gl->egl.CreateSyncKHR(gl->egl.dpy, EGL_SYNC_FENCE_KHR, NULL);
	if (sync == EGL_NO_SYNC_KHR)
		return (uint32_t)eglGetError();
	if (!gh_gl_map_put(&gl->syncs, handle, (uintptr_t)sync)) {
		gl->egl.DestroySyncKHR(gl->egl.dpy, sync);
		return EGL_BAD_ALLOC;
	}
	return EGL_SUCCESS;
}

static bool op_create(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_sync_create op;
	gl_rd_struct(r, &op, sizeof(op));
	uintptr_t v;
	if (!gh_gl_reader_done(x, r))
		return false;
	if (!op.handle || gh_gl_map_get(&x->gl->syncs, op.handle, &v))
		return gh_gl_fail(x, "sync handle %u is 0 or in use", op.handle);
	if (x->gl->syncs.count >= x->gl->syncs.max)
		return gh_gl_fail(x, "more than %u syncs", x->gl->syncs.max);
	uint32_t err = create(x, op.handle, op.type);
	return !x->gl->failed && gh_gl_reply_error(x, err);
}

static bool op_client_wait(struct gl_exec *x, struct gl_reader *r)
{
	struct gh_gl *gl = x->gl;
	struct gl_op_sync_client_wait op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	uint32_t flags = op.flags;
	uint64_t timeout = op.timeout_ns;
	EGLSyncKHR sync = gh_gl_map_get_ptr(&gl->syncs, op.handle);
	if (!sync)
		return reply_wait(x, 0, EGL_BAD_PARAMETER);
	if (flags & ~(uint32_t)EGL_SYNC_FLUSH_COMMANDS_BIT_KHR)
		return reply_wait(x, 0, EGL_BAD_PARAMETER);
	/* The flush applies to the context current on the host thread: make
	 * it this stream's, or flush nothing. */
	if (x->ctx) {
		if (!gh_gl_stream_make_current(x))
			return false;
	} else {
		flags = 0;
	}
	if (timeout > GL_MAX_SYNC_WAIT_NS)
		timeout = GL_MAX_SYNC_WAIT_NS;
	EGLint status = gl->egl.ClientWaitSyncKHR(gl->egl.dpy, sync, (EGLint)flags, timeout);
	if (status == EGL_FALSE)
		return reply_wait(x, 0, (uint32_t)eglGetError());
	return reply_wait(x, (uint32_t)status, 0);
}

static bool op_server_wait(struct gl_exec *x, struct gl_reader *r)
{
	struct gh_gl *gl = x->gl;
	struct gl_op_handle op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	EGLSyncKHR sync = gh_gl_map_get_ptr(&gl->syncs, op.handle);
	if (!sync)
		return gh_gl_fail(x, "unknown sync %u", op.handle);
	if (!x->ctx)
		return gh_gl_fail(x, "no current context");
	if (!gh_gl_stream_make_current(x))
		return false;
	if (gl->egl.wait_sync)
		gl->egl.WaitSyncKHR(gl->egl.dpy, sync, 0);
	else
		gl->egl.ClientWaitSyncKHR(gl->egl.dpy, sync, EGL_SYNC_FLUSH_COMMANDS_BIT_KHR,
		                          GL_MAX_SYNC_WAIT_NS);
	return true;
}

static bool op_destroy(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_handle op;
	gl_rd_struct(r, &op, sizeof(op));
	uintptr_t v;
	if (!gh_gl_reader_done(x, r))
		return false;
	if (!gh_gl_map_remove(&x->gl->syncs, op.handle, &v))
		return gh_gl_fail(x, "unknown sync %u", op.handle);
	x->gl->egl.DestroySyncKHR(x->gl->egl.dpy, (EGLSyncKHR)v);
	return true;
}

bool gh_gl_sync_op(struct gl_exec *x, struct gl_reader *r)
{
	switch (x->op) {
	case GL_OP_SYNC_CREATE:
		return op_create(x, r);
	case GL_OP_SYNC_CLIENT_WAIT:
		return op_client_wait(x, r);
	case GL_OP_SYNC_SERVER_WAIT:
		return op_server_wait(x, r);
	default:
		return op_destroy(x, r);
	}
}

static void destroy_entry(uint32_t key, uintptr_t val, void *data)
{
	struct gh_gl *gl = data;
	gl->egl.DestroySyncKHR(gl->egl.dpy, (EGLSyncKHR)val);
}

void gh_gl_syncs_finish(struct gh_gl *gl)
{
	if (gl->egl.DestroySyncKHR)
		gh_gl_map_for_each(&gl->syncs, destroy_entry, gl);
	gh_gl_map_finish(&gl->syncs);
}
