/*
 * The fakes of gles-fakes.c for the rest of desktop OpenGL 4.2 to 4.5 (batch gl4-rest): stubs
 * of the library's multi-binds and sub-image readbacks, their host specials, glTexStorage1D's
 * guard as the 2D one's fake, and a recording glTexStorage1D for test_gl4_rest.
 */
#include <string.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glTextureStorage1D,
               (GLuint texture, GLsizei levels, GLenum internalformat, GLsizei width), )
CLIENT_SPECIAL(void, glBindBuffersBase,
               (GLenum target, GLuint first, GLsizei count, const GLuint *buffers), )
CLIENT_SPECIAL(void, glBindBuffersRange,
               (GLenum target, GLuint first, GLsizei count, const GLuint *buffers,
                const GLintptr *offsets, const GLsizeiptr *sizes), )
CLIENT_SPECIAL(void, glBindTextures, (GLuint first, GLsizei count, const GLuint *textures), )
CLIENT_SPECIAL(void, glBindSamplers, (GLuint first, GLsizei count, const GLuint *samplers), )
CLIENT_SPECIAL(void, glBindImageTextures, (GLuint first, GLsizei count, const GLuint *textures), )
CLIENT_SPECIAL(void, glBindVertexBuffers,
               (GLuint first, GLsizei count, const GLuint *buffers, const GLintptr *offsets,
                const GLsizei *strides), )
CLIENT_SPECIAL(void, glGetTextureSubImage,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset,
                GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type,
                GLsizei bufSize, void *pixels), )
CLIENT_SPECIAL(void, glGetCompressedTextureSubImage,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset,
                GLsizei width, GLsizei height, GLsizei depth, GLsizei bufSize, void *pixels), )

HOST_SPECIAL(glGetTextureSubImage)
HOST_SPECIAL(glGetCompressedTextureSubImage)

enum gl_guard gl_exec_guard_glTexStorage1D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width)
{
	return fake_guard(x);
}

static void GL_APIENTRY fake_TexStorage1D(GLenum target, GLsizei levels, GLenum internalformat,
                                          GLsizei width)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glTexStorage1D";
	rec.i[0] = (GLint)target;
	rec.i[1] = levels;
	rec.i[2] = (GLint)internalformat;
	rec.i[3] = width;
}

void install_gl4_rest_fakes(void)
{
	gles_host.glTexStorage1D = fake_TexStorage1D;
}
