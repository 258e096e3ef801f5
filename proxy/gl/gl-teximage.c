/*
 * glGetTexImage and glGetCompressedTexImage (desktop OpenGL): GL gives no
 * size for the app's memory, which is the level's size laid out by the
 * pack state. The host answers with the level's size and its pixels in
 * one round trip (gpuhost/gl/teximage.c); the library computes the bytes
 * from that size as the host did, and copies only the pixels GL writes
 * (gl_pack_scatter_3d keeps the app's row padding and skipped pixels).
 * With a GL_PIXEL_PACK_BUFFER bound the pointer is an offset into it:
 * sent as one, nothing comes back.
 *
 * Wire (payload): target, level, format, type (u32 each; the compressed
 * form has no format and type), then GL_BLOB_OFFSET and a u64 offset for
 * a pack buffer, or 0. Reply of glGetTexImage: width, height, depth (u32),
 * then a blob of gl_pack_size_3d bytes (empty after a GL error);
 * glGetCompressedTexImage: the same, the blob the level's compressed bytes,
 * laid out in blocks where the pack block pnames apply (gl_blocks_layout;
 * width, height and depth 0 after a GL error).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* Sends the command; true when it waits for a reply (no pack buffer). */
static bool send_get(struct gl_enc *e, uint32_t op, const uint32_t *args, int n_args,
                     const void *pixels)
{
	bool ok;
	bool to_buffer = ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok) != 0;
	uint8_t *p = gl_enc_begin(e, op, (uint32_t)n_args * 4 + (to_buffer ? 12 : 4));
	if (!p)
		return false;
	for (int i = 0; i < n_args; i++)
		p = ge_put_u32(p, args[i]);
	if (to_buffer) {
		p = ge_put_u32(p, GL_BLOB_OFFSET);
		ge_put_u64(p, (uint64_t)(uintptr_t)pixels);
	} else {
		ge_put_u32(p, 0);
	}
	gl_enc_end(e);
	return !to_buffer;
}

/* The reply's blob: its bytes and count, NULL when the reply is short. */
static const uint8_t *reply_blob(const uint8_t *reply, uint32_t size, uint32_t at, uint32_t *n)
{
	if (!reply || size < at + 4)
		return NULL;
	memcpy(n, reply + at, 4);
	if (size != at + ge_blob_size(*n))
		return NULL;
	return reply + at + 4;
}

void ge_get_tex_image(struct gl_enc *e, uint32_t target, int32_t level, uint32_t format,
                      uint32_t type, int64_t buf_size, void *pixels)
{
	const struct gl_pixel_state *ps = &e->gl->ps;
	int64_t bpp = gl_pixel_size_api(format, type, ps->desktop);
	if (!gl_teximage_target_ok(target) || bpp < 0) {
		gl_enc_error(e, bpp < 0 ? gl_size_error(bpp) : GL_INVALID_ENUM);
		return;
	}
	if (!gl_teximage_pack_ok(ps, target)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	uint32_t args[] = {target, (uint32_t)level, format, type};
	if (!send_get(e, GLES_OP_glGetTexImage, args, 4, pixels))
		return;
	uint32_t size = 0, n = 0, dims[3];
	const uint8_t *reply = gl_enc_reply(e, GLES_OP_glGetTexImage, &size);
	const uint8_t *data = reply_blob(reply, size, 12, &n);
	if (!data || !n)
		return;
	memcpy(dims, reply, 12);
	bool three_d = gl_teximage_target_3d(target);
	int64_t want = gl_pack_size_3d(ps, dims[0], dims[1], dims[2], format, type, three_d);
	if (want != n) {
		ge_stream_lose(e, "glGetTexImage: a reply that does not fit the level");
		return;
	}
	if (want > buf_size) {
		gl_enc_error(e, GL_INVALID_OPERATION); /* the bounded forms: nothing written */
		return;
	}
	if (pixels)
		gl_pack_scatter_3d(ps, dims[0], dims[1], dims[2], format, type, three_d, data,
		                   pixels);
}

void GL_APIENTRY gl_enc_special_glGetTexImage(GLenum target, GLint level, GLenum format,
                                              GLenum type, void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetTexImage);
	if (e)
		ge_get_tex_image(e, target, level, format, type, INT64_MAX, pixels);
}

void ge_get_compressed_tex_image(struct gl_enc *e, uint32_t target, int32_t level, int64_t buf_size,
                                 void *img)
{
	if (!gl_teximage_target_ok(target)) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	uint32_t args[] = {target, (uint32_t)level};
	if (!send_get(e, GLES_OP_glGetCompressedTexImage, args, 2, img))
		return;
	uint32_t size = 0, n = 0, dims[3];
	const uint8_t *reply = gl_enc_reply(e, GLES_OP_glGetCompressedTexImage, &size);
	const uint8_t *data = reply_blob(reply, size, 12, &n);
	if (!data || !n)
		return;
	memcpy(dims, reply, 12);
	struct gl_block_layout l;
	bool blocks = gl_blocks_layout(&e->gl->ps, true, gl_texture_dims(target), dims[0], dims[1],
	                               dims[2], &l) == GL_BLOCKS_ON;
	if (blocks && gl_blocks_size(&l) != n) {
		ge_stream_lose(e, "glGetCompressedTexImage: a reply that does not fit the level");
		return;
	}
	if (n > buf_size)
		gl_enc_error(e, GL_INVALID_OPERATION); /* the bounded forms: nothing written */
	else if (img && blocks)
		gl_blocks_scatter(&l, data, img);
	else if (img)
		memcpy(img, data, n);
}

void GL_APIENTRY gl_enc_special_glGetCompressedTexImage(GLenum target, GLint level, void *img)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetCompressedTexImage);
	if (e)
		ge_get_compressed_tex_image(e, target, level, INT64_MAX, img);
}

/* The bounded forms (OpenGL 4.5, ARB_robustness): over bufSize is
 * GL_INVALID_OPERATION, found once the level's size is known. */
void GL_APIENTRY gl_enc_special_glGetnTexImage(GLenum target, GLint level, GLenum format,
                                               GLenum type, GLsizei bufSize, void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetnTexImage);
	if (e)
		ge_get_tex_image(e, target, level, format, type, bufSize, pixels);
}

void GL_APIENTRY gl_enc_special_glGetnCompressedTexImage(GLenum target, GLint lod, GLsizei bufSize,
                                                         void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetnCompressedTexImage);
	if (e)
		ge_get_compressed_tex_image(e, target, lod, bufSize, pixels);
}
