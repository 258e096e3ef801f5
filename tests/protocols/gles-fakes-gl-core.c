/*
 * The fakes of gles-fakes.c for desktop OpenGL's commands of versions 1.0
 * to 2.0 (batch gl-a): stubs of the library's specials, the 1D images'
 * guards as the 2D ones' fakes, and the texture readbacks' host specials.
 */
#include "gles-fakes.h"

CLIENT_SPECIAL(void, glGetDoublev, (GLenum pname, GLdouble *data), )
CLIENT_SPECIAL(void, glPixelStoref, (GLenum pname, GLfloat param), )
CLIENT_SPECIAL(void, glGetBufferSubData,
               (GLenum target, GLintptr offset, GLsizeiptr size, void *data), )
CLIENT_SPECIAL(void *, glMapBuffer, (GLenum target, GLenum access), NULL)
CLIENT_SPECIAL(void, glMultiDrawArrays,
               (GLenum mode, const GLint *first, const GLsizei *count, GLsizei drawcount), )
CLIENT_SPECIAL(void, glMultiDrawElements,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei drawcount), )
CLIENT_SPECIAL(void, glGetTexImage,
               (GLenum target, GLint level, GLenum format, GLenum type, void *pixels), )
CLIENT_SPECIAL(void, glGetCompressedTexImage, (GLenum target, GLint level, void *img), )

HOST_SPECIAL(glGetTexImage)
HOST_SPECIAL(glGetCompressedTexImage)

bool gl_exec_wrap_glGetVertexAttribdv(struct gl_exec *x, GLuint index, GLenum pname,
                                      GLdouble *params)
{
	gles_host.glGetVertexAttribdv(index, pname, params);
	return true;
}

enum gl_guard gl_exec_guard_glTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLint border,
                                         GLenum format, GLenum type, const void *pixels)
{
	return fake_guard(x);
}

enum gl_guard gl_exec_guard_glCopyTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                             GLenum internalformat, GLint px, GLint py,
                                             GLsizei width, GLint border)
{
	return fake_guard(x);
}

enum gl_guard gl_exec_guard_glCompressedTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLint border, GLsizei imageSize,
                                                   const void *data)
{
	return fake_guard(x);
}
