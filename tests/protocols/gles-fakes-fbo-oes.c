/*
 * The fakes of gles-fakes.c for GL_OES_framebuffer_object (OpenGL ES 1.1):
 * the host's hooks, guards and special of the OES twins do what their core
 * twins' fakes do.
 */
#include "gles-fakes.h"

HOST_SPECIAL(glGetFramebufferAttachmentParameterivOES)

enum gl_guard gl_exec_guard_glGenerateMipmapOES(struct gl_exec *x, GLenum target)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glRenderbufferStorageOES(struct gl_exec *x, GLenum target,
                                                     GLenum internalformat, GLsizei width,
                                                     GLsizei height)
{
	return fake_guard(x);
}
bool gl_exec_hook_glBindRenderbufferOES(struct gl_exec *x, GLenum target, GLuint renderbuffer,
                                        GLuint app_renderbuffer)
{
	return true;
}
bool gl_exec_hook_glBindFramebufferOES(struct gl_exec *x, GLenum target, GLuint framebuffer,
                                       GLuint app_framebuffer)
{
	return true;
}
bool gl_exec_hook_glFramebufferTexture2DOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum textarget, GLuint texture, GLint level,
                                            GLuint app_texture)
{
	return true;
}
bool gl_exec_hook_glFramebufferRenderbufferOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                               GLenum renderbuffertarget, GLuint renderbuffer,
                                               GLuint app_renderbuffer)
{
	return true;
}
