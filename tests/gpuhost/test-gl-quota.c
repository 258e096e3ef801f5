/*
 * The GL executor's per-link quotas on the host's real EGL (quota.c, storage.c,
 * bindings.c): what each allocation is charged, that storage given back is uncharged
 * (re-specification, deletion, context destruction) but storage GL keeps alive is not
 * (bound elsewhere, attached, in an EGLImage), that a refused allocation gives the app
 * GL_OUT_OF_MEMORY and never reaches the driver, that a call GL refuses is not charged,
 * and that a congested link pauses the stream. Each case is one meson test.
 */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "executor.h"
#include "gl-harness.h"
#include "gl.h"
#include "quota.h"

#define MIB (1u << 20)
#define GL_BUFFER_SIZE_ 0x8764
#define ETC2_RGB8 0x9274
#define DEPTH24_STENCIL8 0x88F0
#define RGBA8 0x8058

/* `memory` for GL objects, beside the fixed charge of the context that
 * ready() makes (GH_GL_CONTEXT_BYTES). */
static void limits(struct gt *t, uint64_t memory, uint64_t names)
{
	struct gh_gl_limits l = {
	        .memory = memory + GH_GL_CONTEXT_BYTES, .names = names, .frame_memory = 64 * MIB};
	gh_gl_set_limits(t->gl, &l);
}

static uint64_t held(struct gt *t)
{
	return t->gl->quota.memory;
}

/* A context and a 16x16 pbuffer current on stream 1; *base: the bytes they hold. */
static bool ready(struct gt *t, uint64_t *base)
{
	if (!gt_init_stream(t, 1) || !gt_context(t, 1, 1) ||
	    !gt_surface(t, 1, 1, 16, 16, GL_SURFACE_PBUFFER) || !gt_current(t, 1, 1, 1))
		return false;
	*base = held(t);
	CHECK(*base >= 16 * 16 * 4, "a 16x16 surface holds %llu bytes", (unsigned long long)*base);
	return true;
}

static void gen(struct gt *t, uint32_t op, uint32_t name)
{
	gt_begin(t, op);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
}

static void del(struct gt *t, uint32_t op, uint32_t name)
{
	gen(t, op, name); /* the same layout: n, then the names */
}

static void buffer_data(struct gt *t, uint64_t size)
{
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, GL_ARRAY_BUFFER);
	gt_u64(t, size);
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, NULL, GL_BLOB_NULL);
	gt_end(t);
}

static void tex_image(struct gt *t, uint32_t target, uint32_t level, uint32_t format, uint32_t w,
                      uint32_t h)
{
	gt_begin(t, GLES_OP_glTexImage2D);
	uint32_t args[] = {target, level, format, w, h, 0, format, GL_UNSIGNED_BYTE};
	for (int i = 0; i < 8; i++)
		gt_u32(t, args[i]);
	gt_blob(t, NULL, GL_BLOB_NULL);
	gt_end(t);
}

/* Sends what was built and expects glGetError to say `want`, then GL_NO_ERROR. */
static bool errors(struct gt *t, uint16_t ch, uint32_t want)
{
	uint32_t err;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, ch, GLES_OP_glGetError, &err), "glGetError");
	CHECK(err == want, "glGetError 0x%x, expected 0x%x", err, want);
	if (want == GL_NO_ERROR)
		return true;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, ch, GLES_OP_glGetError, &err), "glGetError");
	CHECK(err == GL_NO_ERROR, "a second glGetError 0x%x", err);
	return true;
}

static bool holds(struct gt *t, uint64_t want)
{
	CHECK(held(t) == want, "the link holds %llu bytes, expected %llu",
	      (unsigned long long)held(t), (unsigned long long)want);
	return true;
}

static bool buffer_store_past_the_quota_gives_out_of_memory(struct gt *t)
{
	uint64_t base;
	limits(t, 1 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenBuffers, 5);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5);
	buffer_data(t, 2 * MIB);
	if (!errors(t, 1, GL_OUT_OF_MEMORY) || !holds(t, base))
		return false;
	uint32_t size = 1;
	gt_cmd(t, GLES_OP_glGetBufferParameteriv, 3, GL_ARRAY_BUFFER, GL_BUFFER_SIZE_, 4);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	uint32_t n;
	const uint8_t *p = gt_reply(t, 1, GLES_OP_glGetBufferParameteriv, &n);
	CHECK(p && n == 8, "glGetBufferParameteriv reply");
	memcpy(&size, p + 4, 4);
	CHECK(size == 0, "the driver made a %u-byte store", size);
	buffer_data(t, 512 * 1024);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base + 512 * 1024);
}

static bool respecified_and_deleted_buffers_give_their_bytes_back(struct gt *t)
{
	uint64_t base, k600 = 600 * 1024;
	limits(t, 1 * MIB + 64 * 1024, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenBuffers, 5);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5);
	buffer_data(t, k600);
	buffer_data(t, k600); /* replaces the first store */
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + k600))
		return false;
	gen(t, GLES_OP_glGenBuffers, 6);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 6);
	buffer_data(t, k600);
	if (!errors(t, 1, GL_OUT_OF_MEMORY))
		return false;
	del(t, GLES_OP_glDeleteBuffers, 5);
	buffer_data(t, k600);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base + k600);
}

/* Level 0 and 1 of a 2D texture, the six faces of a cube map (RGB kept as 4 bytes),
 * respecification, glGenerateMipmap, a compressed image by its blocks, deletion. */
static bool texture_images_are_counted_by_level_and_face(struct gt *t)
{
	uint64_t base;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 7);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	tex_image(t, GL_TEXTURE_2D, 1, GL_RGBA, 32, 32);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	/* Level 1 makes Mesa allocate the whole chain of its 64x64 base: more
	 * than the two images. */
	uint64_t chain64 = 16384 + 16384 / 3;
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + chain64))
		return false;
	gt_cmd(t, GLES_OP_glGenerateMipmap, 1, GL_TEXTURE_2D);
	/* 32x32 again, then 16x16 ... 1x1 */
	uint64_t mips = 4096 + 1024 + 256 + 64 + 16 + 4;
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384 + mips))
		return false;

	gen(t, GLES_OP_glGenTextures, 8);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_CUBE_MAP, 8);
	for (uint32_t f = 0; f < 6; f++)
		tex_image(t, GL_TEXTURE_CUBE_MAP_POSITIVE_X + f, 0, GL_RGB, 32, 32);
	uint64_t cube = 6 * 32 * 32 * 4;
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384 + mips + cube))
		return false;

	gen(t, GLES_OP_glGenTextures, 9);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9);
	uint8_t blocks[128] = {0}; /* 16x16 ETC2 RGB8: 16 blocks of 8 bytes */
	gt_begin(t, GLES_OP_glCompressedTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, ETC2_RGB8, 16, 16, 0, sizeof(blocks)};
	for (int i = 0; i < 7; i++)
		gt_u32(t, args[i]);
	gt_blob(t, blocks, sizeof(blocks));
	gt_end(t);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384 + mips + cube + 128))
		return false;
	del(t, GLES_OP_glDeleteTextures, 7);
	del(t, GLES_OP_glDeleteTextures, 8);
	del(t, GLES_OP_glDeleteTextures, 9);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

/* A command GL refuses makes no storage: not charged, and its error reaches the app. An
 * error recorded before an allocation is not mistaken for the allocation's. */
static bool a_call_gl_refuses_is_not_charged(struct gt *t)
{
	uint64_t base;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 7);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	gt_begin(t, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 64, 64, 1, GL_RGBA, GL_UNSIGNED_BYTE};
	for (int i = 0; i < 8; i++)
		gt_u32(t, args[i]); /* border 1: GL_INVALID_VALUE */
	gt_blob(t, NULL, GL_BLOB_NULL);
	gt_end(t);
	if (!errors(t, 1, GL_INVALID_VALUE) || !holds(t, base))
		return false;
	gt_cmd(t, GLES_OP_glEnable, 1, 0x1234); /* GL_INVALID_ENUM, then a good image */
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	return errors(t, 1, GL_INVALID_ENUM) && holds(t, base + 16384);
}

/* GL keeps a deleted texture alive while a framebuffer other than the bound one has it
 * attached; deleting it while attached to the bound framebuffer detaches it. */
static bool deleted_texture_attached_to_a_framebuffer_stays_charged(struct gt *t)
{
	uint64_t base;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	for (uint32_t tex = 7; tex <= 8; tex++) {
		gen(t, GLES_OP_glGenTextures, tex);
		gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, tex);
		tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
		gen(t, GLES_OP_glGenFramebuffers, tex - 4);
		gt_cmd(t, GLES_OP_glBindFramebuffer, 2, GL_FRAMEBUFFER, tex - 4);
		gt_cmd(t, GLES_OP_glFramebufferTexture2D, 5, GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
		       GL_TEXTURE_2D, tex, 0);
	}
	/* Framebuffer 4 (texture 8) is bound, 3 (texture 7) is not. */
	del(t, GLES_OP_glDeleteTextures, 7);
	del(t, GLES_OP_glDeleteTextures, 8);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384))
		return false;
	del(t, GLES_OP_glDeleteFramebuffers, 3);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

/* Two contexts of one share group, on two streams: a texture deleted in one but bound in
 * the other stays charged, takes new images there, and goes when unbound. */
static bool texture_bound_in_another_context_stays_charged(struct gt *t)
{
	uint64_t base;
	uint32_t err;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base) || !gt_init_stream(t, 2))
		return false;
	gt_cmd_create_context(t, 2, 1);
	CHECK(gt_sync_u32(t, 2, GL_OP_CREATE_CONTEXT, &err) && err == EGL_SUCCESS, "context 2");
	if (!gt_surface(t, 2, 2, 16, 16, GL_SURFACE_PBUFFER) || !gt_current(t, 2, 2, 2))
		return false;
	base = held(t);
	gen(t, GLES_OP_glGenTextures, 7);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	CHECK(gt_send(t, 2, 0, 0), "%s", t->reason);
	del(t, GLES_OP_glDeleteTextures, 7);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384))
		return false;
	tex_image(t, GL_TEXTURE_2D, 1, GL_RGBA, 32, 32);
	if (!errors(t, 2, GL_NO_ERROR) || !holds(t, base + 16384 + 16384 / 3))
		return false;
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 0);
	return errors(t, 2, GL_NO_ERROR) && holds(t, base);
}

static bool renderbuffer_storage_is_counted(struct gt *t)
{
	uint64_t base;
	limits(t, 1 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenRenderbuffers, 3);
	gt_cmd(t, GLES_OP_glBindRenderbuffer, 2, GL_RENDERBUFFER, 3);
	gt_cmd(t, GLES_OP_glRenderbufferStorage, 4, GL_RENDERBUFFER, RGBA8, 64, 64);
	gt_cmd(t, GLES_OP_glRenderbufferStorage, 4, GL_RENDERBUFFER, DEPTH24_STENCIL8, 32, 32);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 4096))
		return false;
	gt_cmd(t, GLES_OP_glRenderbufferStorage, 4, GL_RENDERBUFFER, RGBA8, 1024, 1024);
	if (!errors(t, 1, GL_OUT_OF_MEMORY) || !holds(t, base + 4096))
		return false;
	del(t, GLES_OP_glDeleteRenderbuffers, 3);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

/* An EGLImage keeps its texture level alive on its own: charged apart, as is a texture
 * made from it. */
static bool images_and_their_targets_are_charged_apart(struct gt *t)
{
	uint64_t base;
	uint32_t v;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 9);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	gt_cmd(t, GL_OP_IMAGE_CREATE, 5, 1, 1, EGL_GL_TEXTURE_2D_KHR, 9, 0);
	CHECK(gt_sync_u32(t, 1, GL_OP_IMAGE_CREATE, &v) && v == EGL_SUCCESS, "image: 0x%x", v);
	if (!holds(t, base + 2 * 16384))
		return false;
	gen(t, GLES_OP_glGenTextures, 10);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 10);
	gt_cmd(t, GLES_OP_glEGLImageTargetTexture2DOES, 2, GL_TEXTURE_2D, 1);
	del(t, GLES_OP_glDeleteTextures, 9);
	gt_cmd(t, GL_OP_IMAGE_DESTROY, 1, 1);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384))
		return false;
	del(t, GLES_OP_glDeleteTextures, 10);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

static bool surface_past_the_quota_is_egl_bad_alloc(struct gt *t)
{
	uint64_t base;
	uint32_t err;
	limits(t, 1 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gt_cmd(t, GL_OP_CREATE_SURFACE, 5, 2, t->config.config_id, 1024, 1024, GL_SURFACE_PBUFFER);
	CHECK(gt_sync_u32(t, 1, GL_OP_CREATE_SURFACE, &err), "create surface");
	CHECK(err == EGL_BAD_ALLOC, "EGL error 0x%x, expected EGL_BAD_ALLOC", err);
	return holds(t, base);
}

static bool destroyed_context_gives_everything_back(struct gt *t)
{
	uint64_t base;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenBuffers, 5);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5);
	buffer_data(t, 1000);
	gen(t, GLES_OP_glGenTextures, 7);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 0);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 32, 32); /* the default texture */
	gen(t, GLES_OP_glGenRenderbuffers, 3);
	gt_cmd(t, GLES_OP_glBindRenderbuffer, 2, GL_RENDERBUFFER, 3);
	gt_cmd(t, GLES_OP_glRenderbufferStorage, 4, GL_RENDERBUFFER, RGBA8, 16, 16);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 1000 + 16384 + 4096 + 1024))
		return false;
	CHECK(t->gl->quota.names == 3, "%llu live names", (unsigned long long)t->gl->quota.names);
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, 0, 0, 0);
	gt_cmd(t, GL_OP_DESTROY_CONTEXT, 1, 1);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(t->gl->quota.names == 0, "%llu names left", (unsigned long long)t->gl->quota.names);
	return holds(t, base - GH_GL_CONTEXT_BYTES);
}

static bool names_past_the_quota_end_the_link(struct gt *t)
{
	uint64_t base;
	limits(t, 64 * MIB, 4);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 1);
	gen(t, GLES_OP_glGenBuffers, 2);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 3);
	del(t, GLES_OP_glDeleteTextures, 1);
	gen(t, GLES_OP_glGenTextures, 4);
	gen(t, GLES_OP_glGenTextures, 5); /* the fourth live name */
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	gt_begin(t, GLES_OP_glGenTextures);
	gt_u32(t, 2);
	gt_blob(t, (uint32_t[]){6, 7}, 8);
	gt_end(t);
	gt_send(t, 1, 0, 0);
	return gt_refused(t, "glGenTextures: 2 new names would pass the GL names quota (the link "
	                     "holds 4 of 4 names, --quota-gl-names)");
}

/* While the sink says its queue is over the bound, the stream stops after the next reply
 * and says how much it ran; the rest runs once the queue drained. */
static bool congested_link_pauses_the_stream(struct gt *t)
{
	uint64_t base;
	if (!ready(t, &base))
		return false;
	for (int i = 0; i < 3; i++)
		gt_cmd(t, GLES_OP_glGetError, 0);
	uint32_t len = (uint32_t)t->cmds.size, used = 0;
	uint8_t *cmds = malloc(len);
	CHECK(cmds, "memory");
	memcpy(cmds, t->cmds.data, len);
	t->cmds.size = 0;
	t->congested = true;
	bool ok = gh_gl_stream_data(t->gl, 1, cmds, len, &used);
	CHECK(ok && used == 8 && t->out[1].size == 12, "ran %u bytes, replied %zu", used,
	      t->out[1].size);
	ok = gh_gl_stream_data(t->gl, 1, cmds + used, len - used, &used);
	CHECK(ok && used == 0, "ran %u bytes while congested", used);
	t->congested = false;
	ok = gh_gl_stream_data(t->gl, 1, cmds + 8, len - 8, &used);
	free(cmds);
	CHECK(ok && used == 16 && t->out[1].size == 36, "ran %u bytes, replied %zu", used,
	      t->out[1].size);
	return true;
}

/* What the driver allocates beyond the images named: a 2x2 image at level
 * 12 makes Mesa allocate the whole chain of an 8192x8192 base (341 MiB
 * measured), one cube face all six; an EGLImage of one level keeps the
 * whole texture alive. Each is charged so. */
static bool implied_storage_is_charged(struct gt *t)
{
	uint64_t base;
	uint32_t v;
	limits(t, 64 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 7);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	tex_image(t, GL_TEXTURE_2D, 12, GL_RGBA, 2, 2);
	if (!errors(t, 1, GL_OUT_OF_MEMORY) || !holds(t, base))
		return false;
	tex_image(t, GL_TEXTURE_2D, 4, GL_RGBA, 2, 2); /* a 32x32 base */
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 4096 + 4096 / 3))
		return false;
	gen(t, GLES_OP_glGenTextures, 8);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_CUBE_MAP, 8);
	tex_image(t, GL_TEXTURE_CUBE_MAP_POSITIVE_X, 0, GL_RGBA, 32, 32);
	uint64_t tex7 = 4096 + 4096 / 3, cube = 6 * 4096;
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + tex7 + cube))
		return false;
	/* An image of one small level of a complete texture holds all of it. */
	gen(t, GLES_OP_glGenTextures, 9);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9);
	tex_image(t, GL_TEXTURE_2D, 0, GL_RGBA, 64, 64);
	gt_cmd(t, GLES_OP_glGenerateMipmap, 1, GL_TEXTURE_2D);
	uint64_t tex9 = 16384 + 4096 + 1024 + 256 + 64 + 16 + 4;
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + tex7 + cube + tex9))
		return false;
	gt_cmd(t, GL_OP_IMAGE_CREATE, 5, 1, 1, EGL_GL_TEXTURE_2D_KHR, 9, 5);
	CHECK(gt_sync_u32(t, 1, GL_OP_IMAGE_CREATE, &v) && v == EGL_SUCCESS, "image: 0x%x", v);
	if (!holds(t, base + tex7 + cube + 2 * tex9))
		return false;
	del(t, GLES_OP_glDeleteTextures, 9);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + tex7 + cube + tex9))
		return false;
	gt_cmd(t, GL_OP_IMAGE_DESTROY, 1, 1);
	del(t, GLES_OP_glDeleteTextures, 7);
	del(t, GLES_OP_glDeleteTextures, 8);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

/* Each EGL context holds driver memory no argument says: a fixed charge,
 * EGL_BAD_ALLOC past the quota, given back when it goes. */
static bool contexts_are_charged(struct gt *t)
{
	uint64_t base;
	uint32_t err;
	limits(t, 1 * MIB, 1000);
	if (!ready(t, &base) || !gt_init_stream(t, 2))
		return false;
	CHECK(base >= GH_GL_CONTEXT_BYTES, "a context and a surface hold %llu bytes",
	      (unsigned long long)base);
	gt_cmd_create_context(t, 2, 0);
	CHECK(gt_sync_u32(t, 2, GL_OP_CREATE_CONTEXT, &err) && err == EGL_BAD_ALLOC,
	      "a second context past the quota: EGL error 0x%x", err);
	if (!holds(t, base))
		return false;
	limits(t, 1 * MIB + GH_GL_CONTEXT_BYTES, 1000);
	gt_cmd_create_context(t, 2, 0);
	CHECK(gt_sync_u32(t, 2, GL_OP_CREATE_CONTEXT, &err) && err == EGL_SUCCESS,
	      "a second context within the quota: EGL error 0x%x", err);
	if (!holds(t, base + GH_GL_CONTEXT_BYTES))
		return false;
	gt_cmd(t, GL_OP_DESTROY_CONTEXT, 1, 2);
	CHECK(gt_send(t, 2, 0, 0), "%s", t->reason);
	return holds(t, base);
}

/* A texture view (OES_texture_view) charges nothing of its own and keeps its origin's
 * storage charged after the origin's name is deleted, as GL keeps it alive. */
static bool texture_view_shares_its_origins_storage(struct gt *t)
{
	uint64_t base;
	limits(t, 1 * MIB, 1000);
	if (!ready(t, &base))
		return false;
	gen(t, GLES_OP_glGenTextures, 7);
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7);
	gt_cmd(t, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1, RGBA8, 64, 64);
	gen(t, GLES_OP_glGenTextures, 8);
	gt_cmd(t, GLES_OP_glTextureViewOES, 8, 8, GL_TEXTURE_2D, 7, RGBA8, 0, 1, 0, 1);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384))
		return false;
	del(t, GLES_OP_glDeleteTextures, 7);
	if (!errors(t, 1, GL_NO_ERROR) || !holds(t, base + 16384))
		return false;
	/* The view is immutable: new storage into it is GL's error, not charged. */
	gt_cmd(t, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 8);
	gt_cmd(t, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1, RGBA8, 64, 64);
	if (!errors(t, 1, GL_INVALID_OPERATION) || !holds(t, base + 16384))
		return false;
	del(t, GLES_OP_glDeleteTextures, 8);
	return errors(t, 1, GL_NO_ERROR) && holds(t, base);
}

/* The front is charged: past the GL memory quota, a glDrawBuffer(GL_FRONT) ends the link
 * (it has no error to give), and the host made no pbuffer. */
static bool window_front_past_the_quota_ends_the_link(struct gt *t)
{
	if (!gt_compat_window(t, 16, 8))
		return false;
	limits(t, held(t) + 16 - GH_GL_CONTEXT_BYTES, 1u << 16);
	gt_cmd(t, GLES_OP_glDrawBuffer, 1, 0x0404 /* GL_FRONT */);
	CHECK(!gt_send(t, 1, 0, 0), "a front past the quota was made");
	return gt_refused(t, "front buffer of surface 1 would pass the GL memory quota");
}

static const struct gt_case cases[] = {
        GT_CASE(buffer_store_past_the_quota_gives_out_of_memory),
        GT_CASE(respecified_and_deleted_buffers_give_their_bytes_back),
        GT_CASE(texture_images_are_counted_by_level_and_face),
        GT_CASE(a_call_gl_refuses_is_not_charged),
        GT_CASE(deleted_texture_attached_to_a_framebuffer_stays_charged),
        GT_CASE(texture_bound_in_another_context_stays_charged),
        GT_CASE(renderbuffer_storage_is_counted),
        GT_CASE(images_and_their_targets_are_charged_apart),
        GT_CASE(surface_past_the_quota_is_egl_bad_alloc),
        GT_CASE(destroyed_context_gives_everything_back),
        GT_CASE(names_past_the_quota_end_the_link),
        GT_CASE(congested_link_pauses_the_stream),
        GT_CASE(implied_storage_is_charged),
        GT_CASE(contexts_are_charged),
        GT_CASE(window_front_past_the_quota_ends_the_link),
        GT_CASE(texture_view_shares_its_origins_storage),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
