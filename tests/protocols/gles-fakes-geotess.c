/*
 * The fakes of gles-fakes.c for geometry and tessellation shaders and texture buffers
 * (OpenGL ES 3.2, OES/EXT_geometry_shader, OES/EXT_texture_buffer): the host's hooks and
 * wraps, each calling the host's GL as the generic code would.
 */
#include "gles-fakes.h"

#define FB_TEXTURE_HOOK(name)                                                                      \
	bool gl_exec_hook_##name(struct gl_exec *x, GLenum target, GLenum attachment,              \
	                         GLuint texture, GLint level, GLuint app_texture)                  \
	{                                                                                          \
		return true;                                                                       \
	}
FB_TEXTURE_HOOK(glFramebufferTexture)
FB_TEXTURE_HOOK(glFramebufferTextureOES)
FB_TEXTURE_HOOK(glFramebufferTextureEXT)

#define TEX_BUFFER_WRAP(name)                                                                      \
	bool gl_exec_wrap_##name(struct gl_exec *x, GLenum target, GLenum internalformat,          \
	                         GLuint buffer, GLuint app_buffer)                                 \
	{                                                                                          \
		gles_host.name(target, internalformat, buffer);                                    \
		return true;                                                                       \
	}                                                                                          \
	void gl_enc_hook_##name(struct gl_enc *e, GLenum target, GLenum internalformat,            \
	                        GLuint buffer)                                                     \
	{                                                                                          \
		hook_calls++;                                                                      \
	}
TEX_BUFFER_WRAP(glTexBuffer)
TEX_BUFFER_WRAP(glTexBufferOES)
TEX_BUFFER_WRAP(glTexBufferEXT)

#define TEX_BUFFER_RANGE_WRAP(name)                                                                \
	bool gl_exec_wrap_##name(struct gl_exec *x, GLenum target, GLenum internalformat,          \
	                         GLuint buffer, GLintptr offset, GLsizeiptr size,                  \
	                         GLuint app_buffer)                                                \
	{                                                                                          \
		gles_host.name(target, internalformat, buffer, offset, size);                      \
		return true;                                                                       \
	}                                                                                          \
	void gl_enc_hook_##name(struct gl_enc *e, GLenum target, GLenum internalformat,            \
	                        GLuint buffer, GLintptr offset, GLsizeiptr size)                   \
	{                                                                                          \
		hook_calls++;                                                                      \
	}
TEX_BUFFER_RANGE_WRAP(glTexBufferRange)
TEX_BUFFER_RANGE_WRAP(glTexBufferRangeOES)
TEX_BUFFER_RANGE_WRAP(glTexBufferRangeEXT)

bool gl_exec_wrap_glGetTexLevelParameteriv(struct gl_exec *x, GLenum target, GLint level,
                                           GLenum pname, GLint *params)
{
	gles_host.glGetTexLevelParameteriv(target, level, pname, params);
	return true;
}
