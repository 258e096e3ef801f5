/*
 * Desktop OpenGL 3.0-3.3 commands ES lacks that need the host's tracking:
 * glFramebufferTexture1D and glFramebufferTexture3D attach a texture whose
 * storage is held while attached, as glFramebufferTexture2D's and
 * glFramebufferTextureLayer's are (bindings.c). The driver checks the
 * target, textarget, level and zoffset. And whether the host context has
 * GL_PRIMITIVE_RESTART_FIXED_INDEX, which draw.c must ask.
 */
#include <stdio.h>
#include <string.h>

#include "gl-private.h"
#include "gles-codec.h"

/* ES 3, desktop 4.3 and GL_ARB_ES3_compatibility have the cap. Asked of
 * the driver, not of the app's level: the app may enable it on a host
 * context newer than it asked for, and then a draw restarts at the fixed
 * index whatever GL_PRIMITIVE_RESTART says. */
bool gh_gl_host_has_fixed_restart(const struct gh_gl_context *ctx)
{
	/* Only desktop contexts are asked more: an ES 1 or 2 one would record a
	 * GL error for GL_NUM_EXTENSIONS, which the app would see. */
	if (ctx->es3)
		return true;
	if (ctx->level.api != GL_API_GL_CORE && ctx->level.api != GL_API_GL_COMPAT)
		return false;
	const char *v = (const char *)gles_host.glGetString(GL_VERSION);
	int major = 0, minor = 0;
	if (v && sscanf(v, "%d.%d", &major, &minor) == 2 &&
	    (major > 4 || (major == 4 && minor >= 3)))
		return true;
	GLint n = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; gles_host.glGetStringi && i < n; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strcmp(e, "GL_ARB_ES3_compatibility") == 0)
			return true;
	}
	return false;
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
