/*
 * GL streams: one per GL channel of the link. Bytes arrive in WIRE_GL
 * frames cut anywhere; commands are reassembled (their size checked before
 * anything is buffered), executed when whole, and answered in order.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "gl-private.h"
#include "gles-codec.h"

/* Reassembly and reply buffers bigger than KEEP_BUFFER are kept while
 * commands keep needing them, and freed once KEEP_COMMANDS commands in a
 * row did not. Freed after each command as they were, an app uploading
 * 4 MiB textures over a link without shared memory made the link process
 * map and fault in 4 MiB of fresh pages per upload (glibc maps blocks this
 * big on their own, session.c): half the CPU it spent was page faults
 * (doc/performance.md). What is kept stays bounded per link: reassembly
 * buffers are charged to GH_GL_MAX_PARTIAL_BYTES, and idle ones are freed
 * when a command needs the room (gh_gl_free_idle_input); kept reply buffers
 * share KEEP_REPLIES, a reply beyond it is freed once sent, as before. */
#define KEEP_BUFFER (1u << 20)
#define KEEP_COMMANDS 1024u
#define KEEP_REPLIES (64u << 20)

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

/* The generated decoders name the command themselves. */
bool gl_exec_fail(struct gl_exec *x, const char *fmt, ...)
{
	char what[WIRE_MAX_REASON];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	gh_gl_fail_link(x->gl, "GL stream %u: %s", x->channel, what);
	return false;
}

bool gh_gl_fail(struct gl_exec *x, const char *fmt, ...)
{
	char what[WIRE_MAX_REASON];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	gh_gl_fail_link(x->gl, "GL stream %u: %s: %s", x->channel, gh_gl_op_name(x->op), what);
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

bool gh_gl_host_make_current(struct gh_gl *gl, EGLContext ctx, EGLSurface draw, EGLSurface read)
{
	if (gl->cur_ctx == ctx && gl->cur_draw == draw && gl->cur_read == read)
		return true;
	if (!eglMakeCurrent(gl->dpy, draw, read, ctx)) {
		/* EGL leaves the previous binding in place on failure. */
		return false;
	}
	gl->cur_ctx = ctx;
	gl->cur_draw = draw;
	gl->cur_read = read;
	return true;
}

bool gh_gl_stream_make_current(struct gl_exec *x)
{
	if (!x->ctx)
		return true;
	EGLSurface draw, read;
	if (!gh_gl_front_surfaces(x, &draw, &read))
		return false;
	if (!gh_gl_host_make_current(x->gl, x->ctx->egl, draw, read))
		return gh_gl_fail(x, "the host cannot make context %u current (EGL error 0x%x)",
		                  x->ctx->handle, eglGetError());
	gh_gl_front_made_current(x, read);
	return true;
}

static void free_input(struct gl_exec *x)
{
	x->gl->partial_bytes -= x->in_cap;
	free(x->in);
	x->in = NULL;
	x->in_cap = 0;
}

void gh_gl_free_idle_input(struct gh_gl *gl, const struct gl_exec *except)
{
	for (unsigned c = 1; c <= WIRE_MAX_GL_CHANNEL; c++) {
		struct gl_exec *x = gl->streams[c];
		if (x && x != except && x->in_len == 0 && x->in_cap > KEEP_BUFFER)
			free_input(x);
	}
}

/* The reply buffer: kept within the link's KEEP_REPLIES while not idle,
 * else freed (charged to gh_gl.kept_reply_bytes while kept). */
static void keep_or_free_reply(struct gl_exec *x, bool idle)
{
	struct gh_gl *gl = x->gl;
	gl->kept_reply_bytes -= x->reply_kept;
	x->reply_kept = 0;
	if (x->reply.alloc <= KEEP_BUFFER)
		return;
	if (!idle && gl->kept_reply_bytes + x->reply.alloc <= KEEP_REPLIES) {
		x->reply_kept = x->reply.alloc;
		gl->kept_reply_bytes += x->reply_kept;
		return;
	}
	wl_array_release(&x->reply);
	wl_array_init(&x->reply);
}

/* After each command (`reassembled`: the bytes of one gathered in x->in): a
 * big buffer used by this one is kept, one unused for KEEP_COMMANDS is freed
 * (KEEP_BUFFER above). */
static void release_idle_buffers(struct gl_exec *x, uint32_t reassembled)
{
	x->commands++;
	if ((x->replied && x->reply.size > KEEP_BUFFER) || reassembled > KEEP_BUFFER)
		x->big_used_at = x->commands;
	bool idle = x->commands - x->big_used_at >= KEEP_COMMANDS;
	keep_or_free_reply(x, idle);
	if (idle && x->in_cap > KEEP_BUFFER && x->in_len == 0)
		free_input(x);
}

static bool execute(struct gl_exec *x, const uint8_t *cmd, uint32_t size)
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
	release_idle_buffers(x, reassembled);
	return true;
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
	if (x->in_len + take > x->in_cap) {
		/* Grown as bytes arrive, not to the size the header announces:
		 * a stream that announces much and sends little costs little. */
		uint32_t cap = x->in_cap ? x->in_cap : 4096;
		while (cap < x->in_len + take)
			cap = cap > want / 2 ? want : cap * 2;
		if (x->gl->partial_bytes - x->in_cap + cap > GH_GL_MAX_PARTIAL_BYTES)
			gh_gl_free_idle_input(x->gl, x);
		if (x->gl->partial_bytes - x->in_cap + cap > GH_GL_MAX_PARTIAL_BYTES)
			return gh_gl_fail(x,
			                  "commands being received on all streams would hold over "
			                  "%llu bytes",
			                  (unsigned long long)GH_GL_MAX_PARTIAL_BYTES),
			       0;
		uint8_t *in = realloc(x->in, cap);
		if (!in)
			return gh_gl_fail(x, "out of memory for a command of %u bytes", want), 0;
		x->in = in;
		x->gl->partial_bytes += cap - x->in_cap;
		x->in_cap = cap;
	}
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
	x->gl->kept_reply_bytes -= x->reply_kept;
	wl_array_release(&x->reply);
	x->gl->partial_bytes -= x->in_cap;
	free(x->in);
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
