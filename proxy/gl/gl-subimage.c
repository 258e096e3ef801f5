/*
 * glGetTextureSubImage and glGetCompressedTextureSubImage (OpenGL 4.5):
 * a region of a level read back by name, in one round trip. The host
 * checks the region against the level, sizes the bytes and reads with the
 * driver's bounded call (gpuhost/gl/subimage.c: the wire); the library
 * lays the pixels out as the host did (gl_pack_size_3d) and copies only
 * those GL writes (gl_pack_scatter_3d keeps the app's row padding and
 * skipped pixels). With a GL_PIXEL_PACK_BUFFER bound the pointer is an
 * offset into it: sent as one, nothing comes back. A name never bound nor
 * created is GL_INVALID_OPERATION, as for the other named commands.
 */
#include <stdint.h>
#include <string.h>

#include <GLES3/gl32.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

struct sub_args {
	uint32_t texture;
	int32_t level, x, y, z, w, h, d;
};

/* Sends the command; true when it waits for a reply (no pack buffer). */
static bool send_sub(struct gl_enc *e, uint32_t op, const struct sub_args *a, const uint32_t *fmt,
                     int32_t buf_size, const void *pixels)
{
	bool ok;
	bool to_buffer = ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok) != 0;
	uint32_t n_args = 9 + (fmt ? 2 : 0);
	uint8_t *p = gl_enc_begin(e, op, n_args * 4 + (to_buffer ? 12 : 4));
	if (!p)
		return false;
	const int32_t v[] = {a->level, a->x, a->y, a->z, a->w, a->h, a->d};
	p = ge_put_u32(p, a->texture);
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		p = ge_put_u32(p, (uint32_t)v[i]);
	if (fmt) {
		p = ge_put_u32(p, fmt[0]);
		p = ge_put_u32(p, fmt[1]);
	}
	p = ge_put_u32(p, (uint32_t)buf_size);
	if (to_buffer) {
		p = ge_put_u32(p, GL_BLOB_OFFSET);
		ge_put_u64(p, (uint64_t)(uintptr_t)pixels);
	} else {
		ge_put_u32(p, 0);
	}
	gl_enc_end(e);
	return !to_buffer;
}

/* The reply's bytes and their count when GL wrote them, else NULL (a
 * short reply loses the stream). */
static const uint8_t *reply_pixels(struct gl_enc *e, uint32_t op, const char *cmd, uint32_t *n)
{
	uint32_t size = 0, wrote = 0;
	const uint8_t *reply = gl_enc_reply(e, op, &size);
	if (!reply)
		return NULL;
	if (size < 8) {
		ge_stream_lose(e, cmd);
		return NULL;
	}
	memcpy(&wrote, reply, 4);
	memcpy(n, reply + 4, 4);
	if (size != 4 + ge_blob_size(*n)) {
		ge_stream_lose(e, cmd);
		return NULL;
	}
	return wrote == 1 ? reply + 8 : NULL;
}

static bool texture_ok(struct gl_enc *e, uint32_t texture, GLenum *target)
{
	*target = ge_tex_target_of(e, texture);
	if (!*target)
		gl_enc_error(e, GL_INVALID_OPERATION);
	return *target != 0;
}

void GL_APIENTRY gl_enc_special_glGetTextureSubImage(GLuint texture, GLint level, GLint xoffset,
                                                     GLint yoffset, GLint zoffset, GLsizei width,
                                                     GLsizei height, GLsizei depth, GLenum format,
                                                     GLenum type, GLsizei bufSize, void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetTextureSubImage);
	GLenum target;
	if (!e || !texture_ok(e, texture, &target))
		return;
	const struct gl_pixel_state *ps = &e->gl->ps;
	int64_t bpp = gl_pixel_size_api(format, type, ps->desktop);
	if (bpp < 0) {
		gl_enc_error(e, gl_size_error(bpp));
		return;
	}
	if (!gl_teximage_pack_ok(ps, target)) {
		gl_enc_error(e, GL_INVALID_OPERATION); /* Mesa 22's layout of it: gl-sizes.h */
		return;
	}
	struct sub_args a = {texture, level, xoffset, yoffset, zoffset, width, height, depth};
	uint32_t fmt[2] = {format, type};
	if (!send_sub(e, GLES_OP_glGetTextureSubImage, &a, fmt, bufSize, pixels))
		return;
	uint32_t n = 0;
	const uint8_t *data = reply_pixels(e, GLES_OP_glGetTextureSubImage,
	                                   "glGetTextureSubImage: a short reply", &n);
	if (!data || !n)
		return;
	bool three_d = gl_teximage_target_3d(target) || target == GL_TEXTURE_CUBE_MAP;
	int64_t want = gl_pack_size_3d(ps, width, height, depth, format, type, three_d);
	if (want != n || want > bufSize) {
		ge_stream_lose(e, "glGetTextureSubImage: a reply that does not fit the region");
		return;
	}
	if (pixels)
		gl_pack_scatter_3d(ps, width, height, depth, format, type, three_d, data, pixels);
}

void GL_APIENTRY gl_enc_special_glGetCompressedTextureSubImage(GLuint texture, GLint level,
                                                               GLint xoffset, GLint yoffset,
                                                               GLint zoffset, GLsizei width,
                                                               GLsizei height, GLsizei depth,
                                                               GLsizei bufSize, void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetCompressedTextureSubImage);
	GLenum target;
	if (!e || !texture_ok(e, texture, &target))
		return;
	struct sub_args a = {texture, level, xoffset, yoffset, zoffset, width, height, depth};
	if (!send_sub(e, GLES_OP_glGetCompressedTextureSubImage, &a, NULL, bufSize, pixels))
		return;
	uint32_t n = 0;
	const uint8_t *data = reply_pixels(e, GLES_OP_glGetCompressedTextureSubImage,
	                                   "glGetCompressedTextureSubImage: a short reply", &n);
	if (!data || !n)
		return;
	if (n > (uint32_t)(bufSize > 0 ? bufSize : 0)) {
		ge_stream_lose(e, "glGetCompressedTextureSubImage: a reply past bufSize");
		return;
	}
	/* The pack block pnames: the blocks spaced as the host spaced them. */
	struct gl_block_layout l;
	bool blocks = gl_blocks_layout(&e->gl->ps, true, gl_texture_dims(target), width, height,
	                               depth, &l) == GL_BLOCKS_ON;
	if (blocks && gl_blocks_size(&l) != n) {
		ge_stream_lose(e, "glGetCompressedTextureSubImage: a reply that does not fit the "
		                  "region");
		return;
	}
	if (pixels && blocks)
		gl_blocks_scatter(&l, data, pixels);
	else if (pixels)
		memcpy(pixels, data, n);
}
