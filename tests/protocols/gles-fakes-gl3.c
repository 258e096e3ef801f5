/*
 * The fakes of gles-fakes.c for desktop OpenGL 3.0-3.3's commands that have
 * hooks or specials (the gl-b batch): they do what their ES twins' fakes do.
 */
#include "gles-fakes.h"

CLIENT_SPECIAL(void, glMultiDrawElementsBaseVertex,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei drawcount, const GLint *basevertex), )

bool gl_exec_hook_glFramebufferTexture1D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLuint app_texture)
{
	return true;
}
bool gl_exec_hook_glFramebufferTexture3D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLint zoffset, GLuint app_texture)
{
	return true;
}
enum gl_guard gl_exec_guard_glTexImage2DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height,
                                                    GLboolean fixedsamplelocations)
{
	return GL_GUARD_CALL;
}
enum gl_guard gl_exec_guard_glTexImage3DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height, GLsizei depth,
                                                    GLboolean fixedsamplelocations)
{
	return GL_GUARD_CALL;
}
