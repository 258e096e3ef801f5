/*
 * GL_OES_framebuffer_object, OpenGL ES 1.1's framebuffer objects: the OES
 * commands are ES 2.0's framebuffer commands under other names (the same
 * enums, objects and errors), so each hook and guard is its core twin's
 * (bindings.c, storage.c): the bindings, attachments and renderbuffer
 * bytes of an ES 1 context are followed as an ES 2 context's are.
 */
#include "gles-codec.h"
#include "stream.h"

bool gl_exec_hook_glBindRenderbufferOES(struct gl_exec *x, GLenum target, GLuint renderbuffer,
                                        GLuint app_renderbuffer)
{
	return gl_exec_hook_glBindRenderbuffer(x, target, renderbuffer, app_renderbuffer);
}

bool gl_exec_hook_glBindFramebufferOES(struct gl_exec *x, GLenum target, GLuint framebuffer,
                                       GLuint app_framebuffer)
{
	return gl_exec_hook_glBindFramebuffer(x, target, framebuffer, app_framebuffer);
}

bool gl_exec_hook_glFramebufferTexture2DOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum textarget, GLuint texture, GLint level,
                                            GLuint app_texture)
{
	return gl_exec_hook_glFramebufferTexture2D(x, target, attachment, textarget, texture, level,
	                                           app_texture);
}

bool gl_exec_hook_glFramebufferRenderbufferOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                               GLenum renderbuffertarget, GLuint renderbuffer,
                                               GLuint app_renderbuffer)
{
	return gl_exec_hook_glFramebufferRenderbuffer(x, target, attachment, renderbuffertarget,
	                                              renderbuffer, app_renderbuffer);
}

enum gl_guard gl_exec_guard_glGenerateMipmapOES(struct gl_exec *x, GLenum target)
{
	return gl_exec_guard_glGenerateMipmap(x, target);
}

enum gl_guard gl_exec_guard_glRenderbufferStorageOES(struct gl_exec *x, GLenum target,
                                                     GLenum internalformat, GLsizei width,
                                                     GLsizei height)
{
	return gl_exec_guard_glRenderbufferStorage(x, target, internalformat, width, height);
}
