/*
 * ARB_compressed_texture_pixel_storage (GL 4.2) on the host: the block
 * pnames reach the driver, which then reads compressed uploads and writes
 * compressed readbacks spaced by the row length, image height and skips.
 * Both sides size those bytes with gl_blocks_layout from the pnames; the
 * driver (Mesa) spaces them with the pnames but copies each row of blocks
 * with the format's own block and size, and applies each dimension's
 * pnames on its own. So the host lets the driver run only where the two
 * agree: no block pname applies, or those of width (and of height in 2D
 * and 3D images) do and describe the format's blocks. Other pnames are
 * GL_INVALID_OPERATION here, the driver not called: GL leaves a block
 * size other than the format's to the implementation ("unlikely to have
 * the desired results"), and a width that applies without its height has
 * no size the library could know.
 */
#include <gpupipe/gl-sizes.h>

#include "gles-codec.h"
#include "quota.h"
#include "storage.h"
#include "stream.h"

int gh_gl_blocks(struct gl_exec *x, bool pack, int dims, uint32_t format, int64_t width,
                 int64_t height, int64_t depth, struct gl_block_layout *l)
{
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	const int32_t *b = pack ? ps->pack_block : ps->unpack_block;
	uint32_t bw, bh, bytes;
	switch (gl_blocks_layout(ps, pack, dims, width, height, depth, l)) {
	case GL_BLOCKS_OFF:
		return GL_BLOCKS_OFF;
	case GL_BLOCKS_ON:
		if (gh_gl_compressed_block(format, &bw, &bh, &bytes) && (uint32_t)b[0] == bw &&
		    (uint32_t)b[3] == bytes && (dims < 2 || (uint32_t)b[1] == bh) &&
		    (dims < 3 || b[2] <= 1))
			return GL_BLOCKS_ON;
		break;
	default:
		break;
	}
	gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
	return -1;
}

/* The uploads: their bytes were sized by gl_compressed_unpack_size; in a
 * display list being made, only imageSize bytes from the command. */
enum gl_guard gh_gl_compressed_unpack_guard(struct gl_exec *x, const char *cmd, int dims,
                                            uint32_t format)
{
	enum gl_guard g = gh_gl_list_compressed_guard(x, cmd);
	if (g != GL_GUARD_CALL)
		return g;
	struct gl_block_layout l;
	return gh_gl_blocks(x, false, dims, format, 0, 0, 0, &l) < 0 ? GL_GUARD_SKIP
	                                                             : GL_GUARD_CALL;
}

enum gl_guard gl_exec_guard_glCompressedTexSubImage1D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLsizei width, GLenum format,
                                                      GLsizei imageSize, const void *data)
{
	return gh_gl_compressed_unpack_guard(x, "glCompressedTexSubImage1D", 1, format);
}

enum gl_guard gl_exec_guard_glCompressedTexSubImage2D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLint yoffset, GLsizei width,
                                                      GLsizei height, GLenum format,
                                                      GLsizei imageSize, const void *data)
{
	return gh_gl_compressed_unpack_guard(x, "glCompressedTexSubImage2D", 2, format);
}

enum gl_guard gl_exec_guard_glCompressedTexSubImage3D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLint yoffset, GLint zoffset,
                                                      GLsizei width, GLsizei height, GLsizei depth,
                                                      GLenum format, GLsizei imageSize,
                                                      const void *data)
{
	return gh_gl_compressed_unpack_guard(x, "glCompressedTexSubImage3D", 3, format);
}
