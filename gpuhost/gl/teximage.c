/*
 * glGetTexImage and glGetCompressedTexImage (desktop OpenGL): readbacks
 * whose size GL does not pass. The host sizes the level itself (its
 * width, height and depth, or its compressed bytes), lays that out with
 * the context's pack state as the library does (gl_pack_size_3d; a
 * compressed level's blocks: gl_blocks_layout), and has
 * the driver write at most that many bytes: through the bounded forms of
 * ARB_robustness, glGetnTexImageARB / glGetnCompressedTexImageARB, under
 * those names: Mesa 22's dispatch knows no core 4.5 glGetnTexImage, and
 * glvnd answers every name with a stub, which then does nothing. A driver
 * without them would write nothing at all through those stubs: still within
 * the size. The plain forms run only where no function came back. The reply carries the size with
 * the pixels, so that the library copies what GL wrote (proxy/gl/gl-teximage.c: the wire). With a
 * GL_PIXEL_PACK_BUFFER bound the pixels go there, checked to fit.
 */
#include <EGL/egl.h>
#include <string.h>

#include <gpupipe/gl-sizes.h>
#include <gpupipe/log.h>

#include "bindings.h"
#include "gles-codec.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

#define GL_TEXTURE_COMPRESSED_IMAGE_SIZE_ 0x86A0
#define GL_TEXTURE_COMPRESSED_ 0x86A1
#define GL_TEXTURE_INTERNAL_FORMAT_ 0x1003

typedef void(GL_APIENTRY *getn_tex_image_fn)(GLenum, GLint, GLenum, GLenum, GLsizei, void *);
typedef void(GL_APIENTRY *getn_compressed_fn)(GLenum, GLint, GLsizei, void *);

/* A reply of pixels must leave room for its header in one command. */
#define MAX_READ ((int64_t)GL_MAX_COMMAND - 64)

static void *bounded(const char *name)
{
	return (void *)eglGetProcAddress(name);
}

/* The args of either command, read and checked. */
struct tex_read {
	const char *cmd;
	GLenum target, format, type;
	GLint level;
	bool to_buffer;
	uint64_t offset;
};

static bool read_args(struct gl_exec *x, struct gl_reader *r, struct tex_read *t, bool pixels)
{
	t->target = gl_rd_u32(r);
	t->level = (GLint)gl_rd_u32(r);
	if (pixels) {
		t->format = gl_rd_u32(r);
		t->type = gl_rd_u32(r);
	}
	uint32_t mode = gl_rd_u32(r);
	t->to_buffer = mode == GL_BLOB_OFFSET;
	t->offset = t->to_buffer ? gl_rd_u64(r) : 0;
	if (!gles_reader_end(x, r, t->cmd))
		return false;
	if (!t->to_buffer && mode != 0)
		return gl_exec_fail(x, "%s: 0x%x is neither 0 nor an offset", t->cmd, mode);
	/* The library refuses the others (GL_INVALID_ENUM) before sending. */
	if (!gl_teximage_target_ok(t->target))
		return gl_exec_fail(x, "%s: target 0x%x", t->cmd, t->target);
	bool bound = gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER) != NULL;
	if (bound != t->to_buffer)
		return gl_exec_fail(x, "%s: %s while a pixel pack buffer is %sbound", t->cmd,
		                    t->to_buffer ? "an offset" : "pixels asked back",
		                    bound ? "" : "not ");
	return true;
}

/* The level's pixels into the bound pixel pack buffer: GL_INVALID_OPERATION
 * (the call skipped) past its end, as GL says. */
static bool buffer_fits(struct gl_exec *x, const struct tex_read *t, int64_t size)
{
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER);
	if (t->offset > buf->size || (uint64_t)size > buf->size - t->offset) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

/* GL's own level check first: a level it refuses has no size to ask. */
static bool level_ok(struct gl_exec *x, GLint level)
{
	if (level >= 0 && level < 32)
		return true;
	gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
	return false;
}

bool gl_exec_special_glGetTexImage(struct gl_exec *x, struct gl_reader *r)
{
	struct tex_read t = {.cmd = "glGetTexImage"};
	if (!read_args(x, r, &t, true))
		return false;
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	int64_t bpp = gl_pixel_size_api(t.format, t.type, ps->desktop);
	if (bpp < 0)
		return gl_exec_fail(x, "glGetTexImage: format 0x%x, type 0x%x", t.format, t.type);
	if (!gl_teximage_pack_ok(ps, t.target))
		return gl_exec_fail(x, "glGetTexImage: a 1D array with a pack image height of %d",
		                    ps->pack_image_height);
	GLint dims[3] = {0, 0, 0};
	int64_t size = 0;
	if (level_ok(x, t.level)) {
		static const GLenum pnames[3] = {GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT,
		                                 GL_TEXTURE_DEPTH};
		for (int i = 0; i < 3; i++)
			gles_host.glGetTexLevelParameteriv(t.target, t.level, pnames[i], &dims[i]);
		size = gl_pack_size_3d(ps, dims[0], dims[1], dims[2], t.format, t.type,
		                       gl_teximage_target_3d(t.target));
		if (size < 0 || size > MAX_READ) {
			gh_gl_error_record(x->ctx, size < 0 ? GL_INVALID_VALUE : GL_OUT_OF_MEMORY);
			size = -1;
		}
	} else {
		size = -1;
	}
	getn_tex_image_fn getn = bounded("glGetnTexImageARB");
	if (t.to_buffer) {
		if (size >= 0 && buffer_fits(x, &t, size))
			gles_host.glGetTexImage(t.target, t.level, t.format, t.type,
			                        (void *)(uintptr_t)t.offset);
		return true;
	}
	uint32_t n = size > 0 ? (uint32_t)size : 0;
	uint8_t *p = gl_exec_reply(x, 16 + ((n + 3) & ~3u));
	if (!p)
		return false;
	if (!n)
		memset(dims, 0, sizeof(dims));
	memcpy(p, dims, 12);
	memcpy(p + 12, &n, 4);
	if (n && getn)
		getn(t.target, t.level, t.format, t.type, (GLsizei)n, p + 16);
	else if (n)
		gles_host.glGetTexImage(t.target, t.level, t.format, t.type, p + 16);
	return true;
}

bool gl_exec_special_glGetCompressedTexImage(struct gl_exec *x, struct gl_reader *r)
{
	struct tex_read t = {.cmd = "glGetCompressedTexImage"};
	if (!read_args(x, r, &t, false))
		return false;
	GLint compressed = 0, bytes = 0, format = 0, dims[3] = {0, 0, 0};
	int64_t size = 0;
	if (level_ok(x, t.level)) {
		gles_host.glGetTexLevelParameteriv(t.target, t.level, GL_TEXTURE_COMPRESSED_,
		                                   &compressed);
		if (compressed)
			gles_host.glGetTexLevelParameteriv(
			        t.target, t.level, GL_TEXTURE_COMPRESSED_IMAGE_SIZE_, &bytes);
	}
	/* Not compressed, or no such level: GL's error, nothing written. */
	if (!compressed || bytes <= 0) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		bytes = 0;
	} else {
		static const GLenum pnames[4] = {GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT,
		                                 GL_TEXTURE_DEPTH, GL_TEXTURE_INTERNAL_FORMAT_};
		GLint *v[4] = {&dims[0], &dims[1], &dims[2], &format};
		for (int i = 0; i < 4; i++)
			gles_host.glGetTexLevelParameteriv(t.target, t.level, pnames[i], v[i]);
		/* With the pack block pnames set (ARB_compressed_texture_pixel_storage)
		 * the blocks are spaced as gl_blocks_layout says, the library
		 * computing the same from the level's size. */
		struct gl_block_layout l;
		switch (gh_gl_blocks(x, true, gl_texture_dims(t.target), (uint32_t)format, dims[0],
		                     dims[1], dims[2], &l)) {
		case GL_BLOCKS_OFF:
			size = bytes;
			break;
		case GL_BLOCKS_ON:
			size = gl_blocks_size(&l);
			break;
		default:
			size = 0; /* GL_INVALID_OPERATION recorded */
			break;
		}
		if (size < 0 || size > MAX_READ) {
			gh_gl_error_record(x->ctx, size < 0 ? GL_INVALID_VALUE : GL_OUT_OF_MEMORY);
			size = 0;
		}
	}
	getn_compressed_fn getn = bounded("glGetnCompressedTexImageARB");
	if (t.to_buffer) {
		if (size > 0 && buffer_fits(x, &t, size))
			gles_host.glGetCompressedTexImage(t.target, t.level,
			                                  (void *)(uintptr_t)t.offset);
		return true;
	}
	uint32_t n = (uint32_t)size;
	uint8_t *p = gl_exec_reply(x, 16 + ((n + 3) & ~3u));
	if (!p)
		return false;
	memset(p, 0, 16 + ((n + 3) & ~3u));
	if (n)
		memcpy(p, dims, 12);
	memcpy(p + 12, &n, 4);
	if (n && getn)
		getn(t.target, t.level, (GLsizei)n, p + 16);
	else if (n)
		gles_host.glGetCompressedTexImage(t.target, t.level, p + 16);
	return true;
}
