/*
 * Compressed texture uploads in display lists, the library's part
 * (gpuhost/gl/lists-compressed.c says why): in a list being made, the
 * driver copies imageSize bytes from the command's pointer, so an upload
 * there must not be laid out in blocks (GL_UNPACK_COMPRESSED_BLOCK_*) nor
 * read from a pixel unpack buffer: GL_INVALID_OPERATION, not sent (the
 * host ends a link that sends it). Otherwise imageSize bytes travel, as
 * gl_compressed_unpack_size says with the block pnames off.
 */
#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

bool ge_list_compressed_ok(struct gl_enc *e)
{
	struct ge_gl_state *gl = e->gl;
	if (!gl || !gl->list_mode)
		return true;
	const int32_t *b = gl->ps.unpack_block;
	if (b[0] || b[1] || b[2] || b[3] || gl_enc_unpack_buffer(e)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glCompressedTexImage1D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLint border, GLsizei imageSize,
                                                       const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexImage1D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexImage1D(target, level, internalformat, width, border,
		                              imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexImage2D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLsizei height, GLint border,
                                                       GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexImage2D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexImage2D(target, level, internalformat, width, height, border,
		                              imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexImage3D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLsizei height, GLsizei depth, GLint border,
                                                       GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexImage3D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexImage3D(target, level, internalformat, width, height, depth,
		                              border, imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage1D(GLenum target, GLint level, GLint xoffset,
                                                          GLsizei width, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexSubImage1D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexSubImage1D(target, level, xoffset, width, format, imageSize,
		                                 data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage2D(GLenum target, GLint level, GLint xoffset,
                                                          GLint yoffset, GLsizei width,
                                                          GLsizei height, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexSubImage2D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexSubImage2D(target, level, xoffset, yoffset, width, height,
		                                 format, imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage3D(GLenum target, GLint level, GLint xoffset,
                                                          GLint yoffset, GLint zoffset,
                                                          GLsizei width, GLsizei height,
                                                          GLsizei depth, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTexSubImage3D);
	if (e && ge_list_compressed_ok(e))
		gl_enc_glCompressedTexSubImage3D(target, level, xoffset, yoffset, zoffset, width,
		                                 height, depth, format, imageSize, data);
}
