/*
 * GL streams: one per GL channel of the link. Bytes arrive in WIRE_GL
 * frames cut anywhere; commands are reassembled (their size checked before
 * anything is buffered), executed when whole, and answered in order.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>
#include <gpupipe/wire.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gl.h"
#include "gles-codec.h"
#include "gles-list-prims.h"
#include "running.h"
#include "shared.h"
#include "storage.h"
#include "stream.h"
#include "surface.h"

static bool run_command(struct gl_exec *x, const uint8_t *cmd, uint32_t size)
{
	struct gl_cmd hdr;
	memcpy(&hdr, cmd, sizeof(hdr));
	uint32_t reassembled = cmd == x->in ? size : 0;
	struct gl_reader r = {
	        .p = cmd + sizeof(hdr), .left = size - (uint32_t)sizeof(hdr), .shared = x};
	x->op = hdr.op;
	x->replied = false;
	if (x->ctx && x->ctx->begin_end && !gh_gl_begin_end_allows(x, hdr.op))
		return false;
	/* What the list being made holds (gles-list-prims.h). */
	if (x->ctx && x->ctx->lists.mode)
		gles_list_prims_command(&x->ctx->lists.prims, hdr.op);
	if (x->ctx && x->ctx->lists.reread_pending && !x->ctx->begin_end &&
	    (!gh_gl_stream_make_current(x) || !gh_gl_lists_reread_pending(x)))
		return false;
	bool ok;
	if (hdr.op >= 1 && hdr.op < GL_OP_EGL_COUNT) {
		ok = gh_gl_exec_egl_op(x, &r);
	} else if (hdr.op >= GL_OP_GLES_BASE) {
		ok = gh_gl_stream_make_current(x) && gles_decode(x, hdr.op, &r);
		gh_gl_after_command(x);
		gh_gl_storage_after(x);
		gh_gl_bindings_after(x);
	} else {
		gh_gl_fail_link(x->gl, "GL stream %u: unknown opcode 0x%x", x->channel, hdr.op);
		ok = false;
	}
	gh_gl_shared_after(x);
	if (!ok || x->gl->failed)
		return false;
	gh_gl_count_command(x->gl, hdr.op, x->replied);
	if (x->replied && !x->gl->sink->send(x->gl->sink_data, x->channel, x->reply.data,
	                                     (uint32_t)x->reply.size))
		return gh_gl_fail(x, "cannot queue the reply");
	gh_gl_buffers_after_command(x, reassembled);
	return true;
}

/* A command, marked for the thread that names one the driver holds (running.c): from
 * the first call that may reach the driver (a display list read again, a make-current)
 * to its reply. */
static bool execute(struct gl_exec *x, const uint8_t *cmd, uint32_t size)
{
	struct gl_cmd hdr;
	memcpy(&hdr, cmd, sizeof(hdr));
	gh_gl_running_begin(x->channel, hdr.op);
	bool ok = run_command(x, cmd, size);
	gh_gl_running_end();
	return ok;
}

static bool check_header(struct gl_exec *x, const uint8_t *p)
{
	struct gl_cmd hdr;
	memcpy(&hdr, p, sizeof(hdr));
	if (hdr.size < sizeof(hdr) || hdr.size % 4 || hdr.size > GL_MAX_COMMAND) {
		x->op = hdr.op;
		return gh_gl_fail(x, "command size %u is not a multiple of 4 in 8..%u", hdr.size,
		                  GL_MAX_COMMAND);
	}
	return true;
}

static uint32_t header_size(const struct gl_exec *x)
{
	uint32_t size;
	memcpy(&size, x->in, 4);
	return size;
}

/* Appends up to `len` bytes of the command being reassembled; returns how
 * many it took, or 0 after failing. */
static uint32_t reassemble(struct gl_exec *x, const uint8_t *p, uint32_t len)
{
	uint32_t want = x->in_len < sizeof(struct gl_cmd) ? (uint32_t)sizeof(struct gl_cmd)
	                                                  : header_size(x);
	uint32_t take = want - x->in_len < len ? want - x->in_len : len;
	if (x->in_len + take > x->in_cap && !gh_gl_input_grow(x, x->in_len + take, want))
		return 0;
	memcpy(x->in + x->in_len, p, take);
	x->in_len += take;
	if (x->in_len == sizeof(struct gl_cmd) && !check_header(x, x->in))
		return 0;
	if (x->in_len >= sizeof(struct gl_cmd) && x->in_len == header_size(x)) {
		x->in_len = 0;
		if (!execute(x, x->in, header_size(x)))
			return 0;
	}
	return take;
}

static struct gl_exec *stream_at(struct gh_gl *gl, uint16_t channel, const char *what)
{
	if (gl->failed)
		return NULL;
	if (channel == 0 || channel > WIRE_MAX_GL_CHANNEL) {
		gh_gl_fail_link(gl, "GL stream %u: %s: channel out of range 1..%u", channel, what,
		                WIRE_MAX_GL_CHANNEL);
		return NULL;
	}
	if (!gl->streams[channel])
		gh_gl_fail_link(gl, "GL stream %u: %s: the stream is not open", channel, what);
	return gl->streams[channel];
}

/* After a reply: whether to stop and let the link's queue drain. */
static bool congested(struct gl_exec *x, uint32_t *used)
{
	const struct gh_gl_sink *sink = x->gl->sink;
	return used && x->replied && sink->congested && sink->congested(x->gl->sink_data);
}

bool gh_gl_stream_data(struct gh_gl *gl, uint16_t channel, const uint8_t *p, uint32_t len,
                       uint32_t *used)
{
	struct gl_exec *x = stream_at(gl, channel, "data");
	if (used)
		*used = 0;
	if (!x)
		return false;
	/* A command is whole in a frame or not: each replied-to command is
	 * the place to stop at, with what follows left for later. */
	uint32_t total = len;
	while (len > 0 && !gl->failed) {
		if (congested(x, used)) {
			*used = total - len;
			return true;
		}
		x->replied = false;
		/* Whole commands at an aligned address run in place: blobs are
		 * handed to GL as they lie, and GL expects aligned arrays. */
		if (x->in_len == 0 && len >= sizeof(struct gl_cmd) && ((uintptr_t)p & 3) == 0) {
			if (!check_header(x, p))
				return false;
			uint32_t size;
			memcpy(&size, p, 4);
			if (size <= len) {
				if (!execute(x, p, size))
					return false;
				p += size;
				len -= size;
				continue;
			}
		}
		uint32_t took = reassemble(x, p, len);
		if (!took)
			return false;
		p += took;
		len -= took;
	}
	if (used)
		*used = total - len;
	return !gl->failed;
}

bool gh_gl_stream_open(struct gh_gl *gl, uint16_t channel)
{
	if (gl->failed)
		return false;
	if (channel == 0 || channel > WIRE_MAX_GL_CHANNEL) {
		gh_gl_fail_link(gl, "GL stream %u: open: channel out of range 1..%u", channel,
		                WIRE_MAX_GL_CHANNEL);
		return false;
	}
	if (gl->streams[channel]) {
		gh_gl_fail_link(gl, "GL stream %u: open: the stream is already open", channel);
		return false;
	}
	struct gl_exec *x = calloc(1, sizeof(*x));
	if (!x) {
		gh_gl_fail_link(gl, "GL stream %u: open: out of memory", channel);
		return false;
	}
	x->gl = gl;
	x->channel = channel;
	wl_array_init(&x->reply);
	gl->streams[channel] = x;
	return true;
}

void gh_gl_stream_free(struct gl_exec *x)
{
	gh_gl_stream_release(x);
	gh_gl_shared_free(x);
	x->gl->streams[x->channel] = NULL;
	gh_gl_buffers_free(x);
	free(x);
}

bool gh_gl_stream_close(struct gh_gl *gl, uint16_t channel)
{
	struct gl_exec *x = stream_at(gl, channel, "close");
	if (!x)
		return false;
	/* A half-received command dies with the stream. Its context and
	 * surfaces live on: they belong to the link. */
	gh_gl_stream_free(x);
	return true;
}
