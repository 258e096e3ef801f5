/*
 * What a command may ask of the stream it runs on: to end the link with a reason that names
 * the stream and the command, to reply, to know the stream's context, and to make the
 * host's EGL current. Every command's code (the generated decoders, ops.c and the rest of
 * gpuhost/gl/) calls these, and they call nothing of theirs: stream.c reads and dispatches
 * the commands, above them all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <gpupipe/wire.h>

#include "context.h"
#include "executor.h"
#include "gl.h"
#include "gles-codec.h"
#include "stream.h"

static const char *const egl_op_names[GL_OP_EGL_COUNT] = {
        [GL_OP_INIT] = "GL_OP_INIT",
        [GL_OP_CREATE_CONTEXT] = "GL_OP_CREATE_CONTEXT",
        [GL_OP_DESTROY_CONTEXT] = "GL_OP_DESTROY_CONTEXT",
        [GL_OP_CREATE_SURFACE] = "GL_OP_CREATE_SURFACE",
        [GL_OP_RESIZE_SURFACE] = "GL_OP_RESIZE_SURFACE",
        [GL_OP_DESTROY_SURFACE] = "GL_OP_DESTROY_SURFACE",
        [GL_OP_MAKE_CURRENT] = "GL_OP_MAKE_CURRENT",
        [GL_OP_SWAP] = "GL_OP_SWAP",
        [GL_OP_SYNC_CREATE] = "GL_OP_SYNC_CREATE",
        [GL_OP_SYNC_CLIENT_WAIT] = "GL_OP_SYNC_CLIENT_WAIT",
        [GL_OP_SYNC_SERVER_WAIT] = "GL_OP_SYNC_SERVER_WAIT",
        [GL_OP_SYNC_DESTROY] = "GL_OP_SYNC_DESTROY",
        [GL_OP_IMAGE_CREATE] = "GL_OP_IMAGE_CREATE",
        [GL_OP_IMAGE_DESTROY] = "GL_OP_IMAGE_DESTROY",
        [GL_OP_CLIENT_ARRAY] = "GL_OP_CLIENT_ARRAY",
        [GL_OP_BUFFER_READ] = "GL_OP_BUFFER_READ",
        [GL_OP_DEBUG_FETCH] = "GL_OP_DEBUG_FETCH",
        [GL_OP_BUFFER_PERSIST] = "GL_OP_BUFFER_PERSIST",
        [GL_OP_BUFFER_UNPERSIST] = "GL_OP_BUFFER_UNPERSIST",
        [GL_OP_BUFFER_WRITE] = "GL_OP_BUFFER_WRITE",
        [GL_OP_BUFFER_PULL] = "GL_OP_BUFFER_PULL",
        [GL_OP_LIST_DRAW] = "GL_OP_LIST_DRAW",
        [GL_OP_PING] = "GL_OP_PING",
        [GL_OP_CLIENT_ARRAY_AGAIN] = "GL_OP_CLIENT_ARRAY_AGAIN",
        [GL_OP_PROGRAM_NAMES] = "GL_OP_PROGRAM_NAMES",
};

const char *gh_gl_op_name(uint32_t op)
{
	if (op < GL_OP_EGL_COUNT && egl_op_names[op])
		return egl_op_names[op];
	const char *name = gles_command_name(op);
	return name ? name : "unknown command";
}

__attribute__((format(printf, 2, 0))) static void vfail_link(struct gh_gl *gl, const char *fmt,
                                                             va_list ap)
{
	if (gl->failed)
		return;
	char reason[WIRE_MAX_REASON];
	vsnprintf(reason, sizeof(reason), fmt, ap);
	gl->failed = true;
	gl->sink->fail(gl->sink_data, reason);
}

void gh_gl_fail_link(struct gh_gl *gl, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail_link(gl, fmt, ap);
	va_end(ap);
}

/* "GL stream N: " then, where `name_op`, the command's name, then what fmt says. */
__attribute__((format(printf, 3, 0))) static bool vfail_stream(struct gl_exec *x, bool name_op,
                                                               const char *fmt, va_list ap)
{
	char what[WIRE_MAX_REASON];
	vsnprintf(what, sizeof(what), fmt, ap);
	gh_gl_fail_link(x->gl, "GL stream %u: %s%s%s", x->channel,
	                name_op ? gh_gl_op_name(x->op) : "", name_op ? ": " : "", what);
	return false;
}

/* The generated decoders name the command themselves. */
bool gl_exec_fail(struct gl_exec *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail_stream(x, false, fmt, ap);
	va_end(ap);
	return false;
}

bool gh_gl_fail(struct gl_exec *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail_stream(x, true, fmt, ap);
	va_end(ap);
	return false;
}

const struct gl_pixel_state *gl_exec_pixel_state(struct gl_exec *x)
{
	static const struct gl_pixel_state defaults = {.pack_alignment = 4, .unpack_alignment = 4};
	return x->ctx ? &x->ctx->ps : &defaults;
}

bool gl_exec_has_context(struct gl_exec *x)
{
	return x->ctx != NULL;
}

bool gl_exec_context_has(struct gl_exec *x, uint32_t op)
{
	return x->ctx && gles_level_has(&x->ctx->level, op);
}

uint8_t *gl_exec_reply(struct gl_exec *x, uint32_t payload)
{
	if (payload > GL_MAX_COMMAND - sizeof(struct gl_cmd) || payload % 4) {
		gh_gl_fail(x, "reply of %u bytes is over the command limit", payload);
		return NULL;
	}
	x->reply.size = 0;
	uint8_t *p = wl_array_add(&x->reply, sizeof(struct gl_cmd) + payload);
	if (!p) {
		gh_gl_fail(x, "out of memory for a reply of %u bytes", payload);
		return NULL;
	}
	struct gl_cmd hdr = {.size = (uint32_t)sizeof(hdr) + payload, .op = x->op};
	memcpy(p, &hdr, sizeof(hdr));
	/* Whatever the host leaves unwritten goes out as zeros, never as
	 * stale memory. */
	memset(p + sizeof(hdr), 0, payload);
	x->replied = true;
	return p + sizeof(hdr);
}

bool gh_gl_reader_done(struct gl_exec *x, struct gl_reader *r)
{
	if (r->bad || r->left)
		return gh_gl_fail(x, "command size does not match its arguments");
	return true;
}

bool gh_gl_reply_error(struct gl_exec *x, uint32_t error)
{
	struct gl_reply_error reply = {.error = error};
	uint8_t *p = gl_exec_reply(x, sizeof(reply));
	if (!p)
		return false;
	memcpy(p, &reply, sizeof(reply));
	return true;
}
