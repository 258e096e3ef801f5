/*
 * ES 2 extensions that are ES 3's commands under other names:
 * GL_OES_texture_3D's images are charged to the GL memory quota and held
 * as attachments as glTexImage3D's and glFramebufferTextureLayer's are
 * (storage.c, bindings.c). Their target is GL_TEXTURE_3D_OES, which is
 * GL_TEXTURE_3D.
 */
#include "gles-codec.h"
#include "stream.h"

enum gl_guard gl_exec_guard_glTexImage3DOES(struct gl_exec *x, GLenum target, GLint level,
                                            GLenum internalformat, GLsizei width, GLsizei height,
                                            GLsizei depth, GLint border, GLenum format, GLenum type,
                                            const void *pixels)
{
	return gl_exec_guard_glTexImage3D(x, target, level, (GLint)internalformat, width, height,
	                                  depth, border, format, type, pixels);
}

enum gl_guard gl_exec_guard_glCompressedTexImage3DOES(struct gl_exec *x, GLenum target, GLint level,
                                                      GLenum internalformat, GLsizei width,
                                                      GLsizei height, GLsizei depth, GLint border,
                                                      GLsizei imageSize, const void *data)
{
	return gl_exec_guard_glCompressedTexImage3D(x, target, level, internalformat, width, height,
	                                            depth, border, imageSize, data);
}

/* One slice (zoffset) of a 3D texture: the texture's storage is held as
 * a layer's is. */
bool gl_exec_hook_glFramebufferTexture3DOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum textarget, GLuint texture, GLint level,
                                            GLint zoffset, GLuint app_texture)
{
	return gl_exec_hook_glFramebufferTextureLayer(x, target, attachment, texture, level,
	                                              zoffset, app_texture);
}
