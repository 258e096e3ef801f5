/*
 * Desktop OpenGL 3.0-3.3 commands ES lacks that need the host's tracking:
 * glFramebufferTexture1D and glFramebufferTexture3D attach a texture whose
 * storage is held while attached, as glFramebufferTexture2D's and
 * glFramebufferTextureLayer's are (bindings.c). The driver checks the
 * target, textarget, level and zoffset.
 */
#include "gl-private.h"
#include "gles-codec.h"

bool gl_exec_hook_glFramebufferTexture1D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLuint app_texture)
{
	return gl_exec_hook_glFramebufferTexture2D(x, target, attachment, textarget, texture, level,
	                                           app_texture);
}

/* One slice (zoffset) of a 3D texture, as GL_OES_texture_3D's (es2-ext.c). */
bool gl_exec_hook_glFramebufferTexture3D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLint zoffset, GLuint app_texture)
{
	return gl_exec_hook_glFramebufferTextureLayer(x, target, attachment, texture, level,
	                                              zoffset, app_texture);
}
