/*
 * glGetTextureSubImage and glGetCompressedTextureSubImage (OpenGL 4.5): a
 * region of one level of a texture, by name. The host checks the region
 * against the level the driver has (GL_INVALID_VALUE, the driver not
 * called, when it passes an edge: Mesa 22 checks the same, but the bytes
 * the reply carries are the host's to bound, so it does not rely on that),
 * sizes the pixels with the context's pack state as the library does
 * (gl_pack_size_3d; compressed: the region's blocks, spaced as
 * gl_blocks_layout says where the pack block pnames apply), and reads with the
 * driver's own bounded call given exactly that many bytes. With a
 * GL_PIXEL_PACK_BUFFER bound they go there, checked to fit it (GL then
 * ignores bufSize). A 1D array with GL_PACK_IMAGE_HEIGHT set is refused as
 * glGetTexImage's is (Mesa 22 spaces its layers by the image height).
 *
 * Wire (payload): texture, level, xoffset, yoffset, zoffset, width, height,
 * depth, then format and type (the uncompressed form only), bufSize (u32
 * each), then GL_BLOB_OFFSET and a u64 offset for a pack buffer, or 0.
 * Reply (no pack buffer): a u32 that is 1 when GL wrote the pixels, then a
 * blob of the region's bytes (empty when the host refused the region).
 */
#include <string.h>

#include <gpupipe/gl-sizes.h>
#include <gpupipe/log.h>

#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

#define TEXTURE_INTERNAL_FORMAT_ 0x1003
#define TEXTURE_COMPRESSED_ 0x86A1
#define TEXTURE_RECTANGLE_ 0x84F5

/* A reply of pixels must leave room for its header in one command. */
#define MAX_READ ((int64_t)GL_MAX_COMMAND - 64)

struct sub_read {
	const char *cmd;
	uint32_t texture; /* the host's name */
	GLenum target, format, type;
	int32_t level, x, y, z, w, h, d, buf_size;
	bool to_buffer;
	uint64_t offset;
};

static bool read_args(struct gl_exec *x, struct gl_reader *r, struct sub_read *s, bool pixels)
{
	uint32_t app = gl_rd_u32(r);
	int32_t *v[] = {&s->level, &s->x, &s->y, &s->z, &s->w, &s->h, &s->d};
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		*v[i] = (int32_t)gl_rd_u32(r);
	if (pixels) {
		s->format = gl_rd_u32(r);
		s->type = gl_rd_u32(r);
	}
	s->buf_size = (int32_t)gl_rd_u32(r);
	uint32_t mode = gl_rd_u32(r);
	s->to_buffer = mode == GL_BLOB_OFFSET;
	s->offset = s->to_buffer ? gl_rd_u64(r) : 0;
	if (!gles_reader_end(x, r, s->cmd))
		return false;
	if (!s->to_buffer && mode != 0)
		return gl_exec_fail(x, "%s: 0x%x is neither 0 nor an offset", s->cmd, mode);
	/* The library refuses 0 (GL_INVALID_OPERATION) before sending. */
	if (!app)
		return gl_exec_fail(x, "%s: texture 0", s->cmd);
	if (!gl_exec_map(x, GL_NAMES_TEXTURE, app, &s->texture))
		return false;
	bool bound = gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER) != NULL;
	if (bound != s->to_buffer)
		return gl_exec_fail(x, "%s: %s while a pixel pack buffer is %sbound", s->cmd,
		                    s->to_buffer ? "an offset" : "pixels asked back",
		                    bound ? "" : "not ");
	/* The target the host's records hold (from the texture's first bind,
	 * or the re-read after a display list or glPopAttrib bound it): Mesa
	 * 22 answers GL_TEXTURE_TARGET in core contexts only, and in a
	 * compatibility one its GL_INVALID_ENUM would reach the app. 0 for a
	 * texture never bound: GL_INVALID_OPERATION (level_dims). */
	struct gh_gl_storage *st = gh_gl_map_get_ptr(&x->ctx->share->textures, s->texture);
	s->target = st ? st->target : 0;
	return true;
}

/* Levels with a depth in the pack layout: their images are spaced by
 * GL_PACK_IMAGE_HEIGHT (a cube map's faces too, read as a 3D image). */
static bool three_d(GLenum target)
{
	return gl_teximage_target_3d(target) || target == GL_TEXTURE_CUBE_MAP;
}

/* The level's width, height and depth as the region's offsets count them
 * (a 1D array's layers are its height, a cube map's six faces its depth);
 * false (a GL error recorded) for targets GL reads no region of. */
static bool level_dims(struct gl_exec *x, const struct sub_read *s, int32_t dims[3])
{
	switch (s->target) {
	case GL_TEXTURE_1D_DESKTOP:
	case GL_TEXTURE_1D_ARRAY_DESKTOP:
	case GL_TEXTURE_2D:
	case GL_TEXTURE_3D:
	case GL_TEXTURE_2D_ARRAY:
	case GL_TEXTURE_CUBE_MAP:
	case GL_TEXTURE_CUBE_MAP_ARRAY:
	case TEXTURE_RECTANGLE_:
		break;
	default: /* buffer and multisample textures, one never bound */
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	if (s->level < 0 || s->level >= 32) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return false;
	}
	static const GLenum pnames[3] = {GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT, GL_TEXTURE_DEPTH};
	for (int i = 0; i < 3; i++) {
		dims[i] = 0;
		gles_host.glGetTextureLevelParameteriv(s->texture, s->level, pnames[i], &dims[i]);
	}
	if (s->target == GL_TEXTURE_CUBE_MAP)
		dims[2] = dims[0] ? 6 : 0;
	return true;
}

/* offset + size within [0, edge], in 64 bits (GL's sums may wrap in 32). */
static bool within(int32_t offset, int32_t size, int32_t edge)
{
	return offset >= 0 && size >= 0 && (int64_t)offset + size <= edge;
}

/* Whether each face of a cube map region has the +X face's size and internal format at the
 * level, asked of each face with the texture bound for a moment (the host's binding put
 * back). The region is sized by the +X face, and Mesa 22 checks the faces at the base level
 * only before it reads every face the region spans: a face missing at another level is a
 * NULL read there, a smaller one a read past its end into the reply. */
static bool cube_faces_alike(const struct sub_read *s)
{
	GLint old = 0;
	gles_host.glGetIntegerv(GL_TEXTURE_BINDING_CUBE_MAP, &old);
	gles_host.glBindTexture(GL_TEXTURE_CUBE_MAP, s->texture);
	static const GLenum pnames[3] = {GL_TEXTURE_WIDTH, GL_TEXTURE_HEIGHT,
	                                 TEXTURE_INTERNAL_FORMAT_};
	GLint first[3] = {0, 0, 0};
	bool alike = true;
	for (int f = 0; f < 6 && alike; f++) {
		GLint v[3] = {0, 0, 0};
		for (int i = 0; i < 3; i++)
			gles_host.glGetTexLevelParameteriv(GL_TEXTURE_CUBE_MAP_POSITIVE_X +
			                                           (GLenum)f,
			                                   s->level, pnames[i], &v[i]);
		if (f == 0)
			memcpy(first, v, sizeof(first));
		else if (f >= s->z && f < s->z + s->d)
			alike = memcmp(first, v, sizeof(first)) == 0;
	}
	gles_host.glBindTexture(GL_TEXTURE_CUBE_MAP, (GLuint)old);
	return alike && first[0] > 0;
}

static bool region_ok(struct gl_exec *x, const struct sub_read *s)
{
	int32_t dims[3];
	if (!level_dims(x, s, dims))
		return false;
	if (!within(s->x, s->w, dims[0]) || !within(s->y, s->h, dims[1]) ||
	    !within(s->z, s->d, dims[2])) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return false;
	}
	/* A face unlike +X at the level: the cube map is not cube complete there. */
	if (s->target == GL_TEXTURE_CUBE_MAP && s->d > 0 && !cube_faces_alike(s)) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

/* The bytes fit where they go: the pack buffer past `offset`, else the
 * app's bufSize and one reply. A GL error recorded when they do not. */
static bool fits(struct gl_exec *x, const struct sub_read *s, int64_t size)
{
	if (s->to_buffer) {
		struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER);
		if (s->offset <= buf->size && (uint64_t)size <= buf->size - s->offset)
			return true;
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	if (size > s->buf_size) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return false;
	}
	if (size > MAX_READ) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return false;
	}
	return true;
}

/* The reply: whether GL wrote, then n bytes for it to write into (zeroed:
 * a GL error leaves them as they are). NULL when the link failed. */
static uint8_t *reply(struct gl_exec *x, uint32_t n, uint8_t **status)
{
	uint8_t *p = gl_exec_reply(x, 8 + ((n + 3) & ~3u));
	if (!p)
		return NULL;
	memset(p, 0, 8 + ((n + 3) & ~3u));
	memcpy(p + 4, &n, 4);
	*status = p;
	return p + 8;
}

static void set_status(struct gl_exec *x, uint8_t *status, bool called)
{
	uint32_t wrote = called && !gh_gl_command_failed(x->ctx);
	memcpy(status, &wrote, 4);
}

bool gl_exec_special_glGetTextureSubImage(struct gl_exec *x, struct gl_reader *r)
{
	struct sub_read s = {.cmd = "glGetTextureSubImage"};
	if (!read_args(x, r, &s, true))
		return false;
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	if (gl_pixel_size_api(s.format, s.type, ps->desktop) < 0)
		return gl_exec_fail(x, "%s: format 0x%x, type 0x%x", s.cmd, s.format, s.type);
	if (!gl_teximage_pack_ok(ps, s.target))
		return gl_exec_fail(x, "%s: a 1D array with a pack image height of %d", s.cmd,
		                    ps->pack_image_height);
	int64_t size = -1;
	if (region_ok(x, &s)) {
		size = gl_pack_size_3d(ps, s.w, s.h, s.d, s.format, s.type, three_d(s.target));
		if (size < 0) {
			gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		} else if (!fits(x, &s, size)) {
			size = -1;
		}
	}
	if (s.to_buffer) {
		if (size >= 0)
			gles_host.glGetTextureSubImage(s.texture, s.level, s.x, s.y, s.z, s.w, s.h,
			                               s.d, s.format, s.type, (GLsizei)size,
			                               (void *)(uintptr_t)s.offset);
		return true;
	}
	uint8_t *status;
	uint32_t n = size > 0 ? (uint32_t)size : 0;
	uint8_t *p = reply(x, n, &status);
	if (!p)
		return false;
	if (size >= 0) {
		gh_gl_errors_stash(x->ctx);
		gles_host.glGetTextureSubImage(s.texture, s.level, s.x, s.y, s.z, s.w, s.h, s.d,
		                               s.format, s.type, (GLsizei)n, p);
	}
	set_status(x, status, size >= 0);
	return true;
}

bool gl_exec_special_glGetCompressedTextureSubImage(struct gl_exec *x, struct gl_reader *r)
{
	struct sub_read s = {.cmd = "glGetCompressedTextureSubImage"};
	if (!read_args(x, r, &s, false))
		return false;
	int64_t size = -1;
	if (region_ok(x, &s)) {
		GLint compressed = 0, format = 0;
		gles_host.glGetTextureLevelParameteriv(s.texture, s.level, TEXTURE_COMPRESSED_,
		                                       &compressed);
		gles_host.glGetTextureLevelParameteriv(s.texture, s.level, TEXTURE_INTERNAL_FORMAT_,
		                                       &format);
		/* Blocks of a format we know, whole ones: GL checks the offsets'
		 * and sizes' alignment (GL_INVALID_OPERATION) with these bytes. */
		uint64_t bytes = compressed ? gh_gl_compressed_bytes((uint32_t)format,
		                                                     (uint32_t)s.w, (uint32_t)s.h)
		                            : 0;
		struct gl_block_layout l;
		if (!compressed || (!bytes && s.w && s.h) ||
		    bytes > (uint64_t)MAX_READ / (s.d ? (uint64_t)s.d : 1)) {
			gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		} else {
			/* Laid out in blocks where the pack block pnames apply. */
			int64_t want = (int64_t)(bytes * (uint64_t)s.d);
			int blocks = gh_gl_blocks(x, true, gl_texture_dims(s.target),
			                          (uint32_t)format, s.w, s.h, s.d, &l);
			if (blocks == GL_BLOCKS_ON)
				want = gl_blocks_size(&l);
			if (blocks >= 0 && want < 0)
				gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
			else if (blocks >= 0 && fits(x, &s, want))
				size = want;
		}
	}
	if (s.to_buffer) {
		if (size >= 0)
			gles_host.glGetCompressedTextureSubImage(s.texture, s.level, s.x, s.y, s.z,
			                                         s.w, s.h, s.d, (GLsizei)size,
			                                         (void *)(uintptr_t)s.offset);
		return true;
	}
	uint8_t *status;
	uint32_t n = size > 0 ? (uint32_t)size : 0;
	uint8_t *p = reply(x, n, &status);
	if (!p)
		return false;
	if (size >= 0) {
		gh_gl_errors_stash(x->ctx);
		gles_host.glGetCompressedTextureSubImage(s.texture, s.level, s.x, s.y, s.z, s.w,
		                                         s.h, s.d, (GLsizei)n, p);
	}
	set_status(x, status, size >= 0);
	return true;
}
