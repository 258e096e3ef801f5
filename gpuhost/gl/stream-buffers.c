/*
 * A GL stream's two buffers: the one a command is reassembled in (when frames bring it in
 * pieces) and the one its reply is built in.
 *
 * Reassembly and reply buffers bigger than KEEP_BUFFER are kept while
 * commands keep needing them, and freed once KEEP_COMMANDS commands in a
 * row did not. Freed after each command as they were, an app uploading
 * 4 MiB textures over a link without shared memory made the link process
 * map and fault in 4 MiB of fresh pages per upload (glibc maps blocks this
 * big on their own, session-run.c): half the CPU it spent was page faults
 * (doc/performance.md). What is kept stays bounded per link: reassembly
 * buffers are charged to GH_GL_MAX_PARTIAL_BYTES, and idle ones are freed
 * when a command needs the room (gh_gl_free_idle_input); kept reply buffers
 * share KEEP_REPLIES, a reply beyond it is freed once sent, as before.
 */
#include <stdlib.h>

#include <gpupipe/wire.h>

#include "executor.h"
#include "stream.h"

#define KEEP_BUFFER (1u << 20)
#define KEEP_COMMANDS 1024u
#define KEEP_REPLIES (64u << 20)

bool gh_gl_input_grow(struct gl_exec *x, uint32_t need, uint32_t want)
{
	/* Grown as bytes arrive, not to the size the header announces: a stream that
	 * announces much and sends little costs little. */
	uint32_t cap = x->in_cap ? x->in_cap : 4096;
	while (cap < need)
		cap = cap > want / 2 ? want : cap * 2;
	if (x->gl->partial_bytes - x->in_cap + cap > GH_GL_MAX_PARTIAL_BYTES)
		gh_gl_free_idle_input(x->gl, x);
	if (x->gl->partial_bytes - x->in_cap + cap > GH_GL_MAX_PARTIAL_BYTES)
		return gh_gl_fail(
		        x, "commands being received on all streams would hold over %llu bytes",
		        (unsigned long long)GH_GL_MAX_PARTIAL_BYTES);
	uint8_t *in = realloc(x->in, cap);
	if (!in)
		return gh_gl_fail(x, "out of memory for a command of %u bytes", want);
	x->in = in;
	x->gl->partial_bytes += cap - x->in_cap;
	x->in_cap = cap;
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

void gh_gl_buffers_after_command(struct gl_exec *x, uint32_t reassembled)
{
	x->commands++;
	if ((x->replied && x->reply.size > KEEP_BUFFER) || reassembled > KEEP_BUFFER)
		x->big_used_at = x->commands;
	bool idle = x->commands - x->big_used_at >= KEEP_COMMANDS;
	keep_or_free_reply(x, idle);
	if (idle && x->in_cap > KEEP_BUFFER && x->in_len == 0)
		free_input(x);
}

void gh_gl_buffers_free(struct gl_exec *x)
{
	x->gl->kept_reply_bytes -= x->reply_kept;
	wl_array_release(&x->reply);
	free_input(x);
}
