/*
 * Desktop OpenGL 3.0-3.3 commands ES lacks that need the host's tracking:
 * glFramebufferTexture1D and glFramebufferTexture3D attach a texture whose
 * storage is held while attached, as glFramebufferTexture2D's and
 * glFramebufferTextureLayer's are (bindings.c). The driver checks the
 * target, textarget, level and zoffset. And which primitive restart caps the
 * host context has, which draw.c asks.
 */
#include <stdio.h>
#include <string.h>

#include "context.h"
#include "gles-codec.h"
#include "stream.h"

static bool has_extension(const char *name)
{
	GLint n = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; gles_host.glGetStringi && i < n; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strcmp(e, name) == 0)
			return true;
	}
	return false;
}

/* The fixed index: ES 3, desktop 4.3 and GL_ARB_ES3_compatibility have it;
 * GL_PRIMITIVE_RESTART: desktop 3.1; GL_PRIMITIVE_RESTART_NV: compatibility
 * contexts whose driver lists NV_primitive_restart (offered to the app or
 * not: the driver takes the enable). Asked of the driver, not of the app's
 * level: the app may enable the fixed index on a host context newer than it
 * asked for, and then a draw restarts at it whatever GL_PRIMITIVE_RESTART
 * says. Nothing is asked that the context lacks (a GL error the app would
 * see: GL_NUM_EXTENSIONS before 3.0). */
void gh_gl_host_restart_caps(struct gh_gl_context *ctx)
{
	ctx->fixed_restart = ctx->es3;
	ctx->app_restart = false;
	ctx->nv_restart = false;
	if (ctx->level.api != GL_API_GL_CORE && ctx->level.api != GL_API_GL_COMPAT)
		return;
	const char *v = (const char *)gles_host.glGetString(GL_VERSION);
	int major = 0, minor = 0;
	if (!v || sscanf(v, "%d.%d", &major, &minor) != 2)
		return;
	uint32_t version = GL_VERSION_CODE(major, minor);
	ctx->app_restart = version >= GL_VERSION_CODE(3, 1);
	ctx->fixed_restart =
	        version >= GL_VERSION_CODE(4, 3) ||
	        (version >= GL_VERSION_CODE(3, 0) && has_extension("GL_ARB_ES3_compatibility"));
	ctx->nv_restart = ctx->level.api == GL_API_GL_COMPAT && version >= GL_VERSION_CODE(3, 0) &&
	                  has_extension("GL_NV_primitive_restart");
}

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
