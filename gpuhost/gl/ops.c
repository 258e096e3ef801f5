/*
 * The EGL-level commands of a stream (GL_OP_*, gl-stream.h): decoding,
 * replies, and what is current on the stream.
 */
#include <inttypes.h>
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "debug.h"
#include "draws.h"
#include "executor.h"
#include "frames.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "programs.h"
#include "records.h"
#include "shared.h"
#include "stream.h"
#include "surface.h"

/* GL_OP_INIT from a library of another release: it gets no API, and the
 * link (its Wayland windows) goes on. Only the version, the first u32, is
 * read: what follows is whatever that version put there. */
static bool refuse_init(struct gl_exec *x, uint32_t version, uint64_t codec)
{
	if (!x->gl->warned_codec) {
		x->gl->warned_codec = true;
		gp_log(WARN,
		       "the app's EGL library speaks GL stream %u (codec %016" PRIx64 "), this "
		       "host %u (codec %016" PRIx64 "): no GL for this app; install the same "
		       "gpupipe release on both sides",
		       version, codec, GL_STREAM_VERSION, GLES_CODEC_ID);
	}
	struct gl_host_info info = {.version = GL_STREAM_VERSION, .codec = GLES_CODEC_ID};
	uint32_t no_configs = 0;
	uint8_t *p = gl_exec_reply(x, sizeof(info) + sizeof(no_configs));
	if (!p)
		return false;
	memcpy(p, &info, sizeof(info));
	memcpy(p + sizeof(info), &no_configs, sizeof(no_configs));
	return true;
}

static bool op_init(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_init op = {0};
	op.version = gl_rd_u32(r);
	if (!r->bad && op.version != GL_STREAM_VERSION)
		return refuse_init(x, op.version, 0);
	op.reserved = gl_rd_u32(r);
	op.codec = gl_rd_u64(r);
	if (!gh_gl_reader_done(x, r))
		return false;
	if (op.codec != GLES_CODEC_ID)
		return refuse_init(x, op.version, op.codec);
	uint8_t *p = gl_exec_reply(x, x->gl->init_reply_size);
	if (!p)
		return false;
	memcpy(p, x->gl->init_reply, x->gl->init_reply_size);
	/* Known once the link is up, after the reply was built. */
	if (x->gl->shared.offered) {
		struct gl_host_info info;
		memcpy(&info, p, sizeof(info));
		info.features |= GL_HOST_SHARED_MEMORY;
		memcpy(p, &info, sizeof(info));
	}
	return true;
}

void gh_gl_stream_release(struct gl_exec *x)
{
	if (x->ctx) {
		x->ctx->current_on = NULL;
		gh_gl_context_unref(x->ctx);
	}
	gh_gl_surface_unref(x->draw);
	gh_gl_surface_unref(x->read);
	x->ctx = NULL;
	x->draw = x->read = NULL;
}

static bool lookup_surface(struct gl_exec *x, uint32_t handle, struct gh_gl_surface **out)
{
	*out = NULL;
	if (!handle)
		return true;
	*out = gh_gl_map_get_ptr(&x->gl->surfaces, handle);
	if (!*out)
		return gh_gl_fail(x, "unknown surface %u", handle);
	return true;
}

bool gh_gl_make_current(struct gl_exec *x, uint32_t c, uint32_t d, uint32_t rd)
{
	struct gh_gl *gl = x->gl;
	if (!c) {
		if (d || rd)
			return gh_gl_fail(x, "surfaces given without a context");
		gh_gl_stream_release(x);
		return true;
	}
	struct gh_gl_context *ctx = gh_gl_map_get_ptr(&gl->contexts, c);
	if (!ctx)
		return gh_gl_fail(x, "unknown context %u", c);
	if (ctx->current_on && ctx->current_on != x)
		return gh_gl_fail(x, "context %u is current on stream %u", c,
		                  ctx->current_on->channel);
	if (!d != !rd)
		return gh_gl_fail(x, "one surface given: both or neither");
	struct gh_gl_surface *draw, *read;
	if (!lookup_surface(x, d, &draw) || !lookup_surface(x, rd, &read))
		return false;
	if (!draw && !gl->egl.surfaceless)
		return gh_gl_fail(x, "the host has no surfaceless contexts");
	if (!gh_egl_make_current(&gl->egl, ctx->egl, draw ? draw->egl : EGL_NO_SURFACE,
	                         read ? read->egl : EGL_NO_SURFACE))
		return gh_gl_fail(x, "the host cannot make context %u current with %u/%u (0x%x)", c,
		                  d, rd, eglGetError());
	if (!ctx->initialized) {
		/* "OpenGL ES 3.2 Mesa ...": GLES 2 requests get what the host has.
		 * Desktop OpenGL from 3.0 on ("4.5 (Compatibility Profile) Mesa",
		 * every core profile) has what ES 3 adds to these checks: draw and
		 * read framebuffers, the READ and COPY usages, its attribute types.
		 * A compatibility context is what the host's driver made, whatever
		 * version the app asked (Mesa gives its highest). */
		const char *v = (const char *)gles_host.glGetString(GL_VERSION);
		bool desktop = gl_api_desktop(ctx->level.api);
		if (v && !desktop)
			v = strncmp(v, "OpenGL ES ", 10) == 0 ? v + 10 : NULL;
		ctx->es3 = ctx->level.api == GL_API_GL_CORE || (v && v[0] >= '3' && v[0] <= '9');
		gh_gl_host_restart_caps(ctx);
		ctx->initialized = true;
		gh_gl_debug_attach(ctx);
	}
	/* References first: the new objects may be the old ones. */
	ctx->refs++;
	if (draw)
		draw->refs++;
	if (read)
		read->refs++;
	gh_gl_stream_release(x);
	x->ctx = ctx;
	x->draw = draw;
	x->read = read;
	ctx->current_on = x;
	return true;
}

static bool op_context(struct gl_exec *x, struct gl_reader *r)
{
	if (x->op == GL_OP_DESTROY_CONTEXT) {
		struct gl_op_handle op;
		gl_rd_struct(r, &op, sizeof(op));
		return gh_gl_reader_done(x, r) && gh_gl_context_destroy(x, op.handle);
	}
	struct gl_op_create_context op;
	gl_rd_struct(r, &op, sizeof(op));
	uint32_t n = 0;
	const void *exts = gl_rd_blob(r, &n);
	if (!gh_gl_reader_done(x, r))
		return false;
	struct gh_gl_context_args a = {
	        .handle = op.handle,
	        .config_id = op.config_id,
	        .share_handle = op.share,
	        .flags = op.flags,
	        .level = {.api = op.api, .version = op.version},
	};
	if (n != GL_EXT_WORDS * sizeof(uint64_t))
		return gh_gl_fail(x, "extension bits of %u bytes, not %u", n,
		                  (unsigned)(GL_EXT_WORDS * sizeof(uint64_t)));
	static_assert(GLES_EXT_WORDS <= GL_EXT_WORDS, "our extension words fit the blob");
	memcpy(a.level.exts, exts, sizeof(a.level.exts));
	uint64_t unused[GL_EXT_WORDS - GLES_EXT_WORDS + 1];
	memcpy(unused, (const uint64_t *)exts + GLES_EXT_WORDS,
	       8 * (GL_EXT_WORDS - GLES_EXT_WORDS));
	for (int i = 0; i < GL_EXT_WORDS - GLES_EXT_WORDS; i++) {
		if (unused[i])
			return gh_gl_fail(x, "extension bits past ours");
	}
	uint32_t err;
	return gh_gl_context_create(x, &a, &err) && gh_gl_reply_error(x, err);
}

static bool op_surface(struct gl_exec *x, struct gl_reader *r)
{
	if (x->op == GL_OP_DESTROY_SURFACE) {
		struct gl_op_handle op;
		gl_rd_struct(r, &op, sizeof(op));
		return gh_gl_reader_done(x, r) && gh_gl_surface_destroy(x, op.handle);
	}
	if (x->op == GL_OP_RESIZE_SURFACE) {
		struct gl_op_resize_surface op;
		gl_rd_struct(r, &op, sizeof(op));
		return gh_gl_reader_done(x, r) &&
		       gh_gl_surface_resize(x, op.handle, op.width, op.height);
	}
	struct gl_op_create_surface op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	uint32_t err;
	return gh_gl_surface_create(x, op.handle, op.config_id, op.width, op.height, op.kind,
	                            &err) &&
	       gh_gl_reply_error(x, err);
}

static bool op_make_current(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_make_current op;
	gl_rd_struct(r, &op, sizeof(op));
	return gh_gl_reader_done(x, r) && gh_gl_make_current(x, op.context, op.draw, op.read);
}

/* Commands that act on the stream's current context. */
static bool with_context(struct gl_exec *x, struct gl_reader *r,
                         bool (*fn)(struct gl_exec *x, struct gl_reader *r))
{
	if (!x->ctx)
		return gh_gl_fail(x, "no current context");
	return gh_gl_stream_make_current(x) && fn(x, r);
}

bool gh_gl_exec_egl_op(struct gl_exec *x, struct gl_reader *r)
{
	switch (x->op) {
	case GL_OP_INIT:
		return op_init(x, r);
	case GL_OP_CREATE_CONTEXT:
	case GL_OP_DESTROY_CONTEXT:
		return op_context(x, r);
	case GL_OP_CREATE_SURFACE:
	case GL_OP_RESIZE_SURFACE:
	case GL_OP_DESTROY_SURFACE:
		return op_surface(x, r);
	case GL_OP_MAKE_CURRENT:
		return op_make_current(x, r);
	case GL_OP_SWAP:
		return with_context(x, r, gh_gl_swap);
	case GL_OP_SYNC_CREATE:
	case GL_OP_SYNC_CLIENT_WAIT:
	case GL_OP_SYNC_SERVER_WAIT:
	case GL_OP_SYNC_DESTROY:
		return gh_gl_sync_op(x, r);
	case GL_OP_IMAGE_CREATE:
	case GL_OP_IMAGE_DESTROY:
		return gh_gl_image_op(x, r);
	case GL_OP_CLIENT_ARRAY:
	case GL_OP_CLIENT_ARRAY_AGAIN:
		return with_context(x, r, gh_gl_client_array);
	case GL_OP_BUFFER_READ:
		return with_context(x, r, gh_gl_buffer_read);
	case GL_OP_BUFFER_PERSIST:
	case GL_OP_BUFFER_UNPERSIST:
	case GL_OP_BUFFER_WRITE:
	case GL_OP_BUFFER_PULL:
		return with_context(x, r, gh_gl_persist_op);
	case GL_OP_DEBUG_FETCH:
		return with_context(x, r, gh_gl_debug_fetch);
	case GL_OP_LIST_DRAW:
		return with_context(x, r, gh_gl_list_draw);
	case GL_OP_PING:
		return gh_gl_reader_done(x, r) && gl_exec_reply(x, 0) != NULL;
	case GL_OP_PROGRAM_NAMES:
		return with_context(x, r, gh_gl_program_names);
	default:
		return gh_gl_fail(x, "unknown opcode");
	}
}
