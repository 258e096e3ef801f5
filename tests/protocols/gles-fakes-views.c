/*
 * The fakes of gles-fakes.c for texture views (OES/EXT_texture_view),
 * viewport arrays (OES_viewport_array) and buffer storage: the host's
 * wraps call the fake GL straight through.
 */
#include "gles-fakes.h"

bool gl_exec_wrap_glTextureViewOES(struct gl_exec *x, GLuint texture, GLenum target,
                                   GLuint origtexture, GLenum internalformat, GLuint minlevel,
                                   GLuint numlevels, GLuint minlayer, GLuint numlayers,
                                   GLuint app_texture, GLuint app_origtexture)
{
	gles_host.glTextureViewOES(texture, target, origtexture, internalformat, minlevel,
	                           numlevels, minlayer, numlayers);
	return true;
}

bool gl_exec_wrap_glTextureViewEXT(struct gl_exec *x, GLuint texture, GLenum target,
                                   GLuint origtexture, GLenum internalformat, GLuint minlevel,
                                   GLuint numlevels, GLuint minlayer, GLuint numlayers,
                                   GLuint app_texture, GLuint app_origtexture)
{
	gles_host.glTextureViewEXT(texture, target, origtexture, internalformat, minlevel,
	                           numlevels, minlayer, numlayers);
	return true;
}
