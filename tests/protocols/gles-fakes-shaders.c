/*
 * The fakes of gles-fakes.c for EXT_clear_texture (batch ext-shaders): its
 * two commands are guarded on the host.
 */
#include "gles-fakes.h"

enum gl_guard gl_exec_guard_glClearTexImageEXT(struct gl_exec *x, GLuint texture, GLint level,
                                               GLenum format, GLenum type, const void *data,
                                               GLuint app_texture)
{
	return GL_GUARD_CALL;
}

enum gl_guard gl_exec_guard_glClearTexSubImageEXT(struct gl_exec *x, GLuint texture, GLint level,
                                                  GLint xoffset, GLint yoffset, GLint zoffset,
                                                  GLsizei width, GLsizei height, GLsizei depth,
                                                  GLenum format, GLenum type, const void *data,
                                                  GLuint app_texture)
{
	return GL_GUARD_CALL;
}
