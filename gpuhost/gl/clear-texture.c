/*
 * EXT_clear_texture: glClearTexImageEXT and glClearTexSubImageEXT write
 * into an image the texture already has (they allocate nothing, so no
 * quota is charged; the data is one texel, sized on both sides by
 * gl_pixel_size). The region of glClearTexSubImageEXT is checked here,
 * in 64 bits, against the level's size as the driver has it, before the
 * driver sees it: a driver adding offset and size in 32-bit ints would
 * let a wrapped region past its check and write outside the image (Mesa
 * 22.3 refuses such regions itself; the driver is no boundary). A
 * region past the level gets the error the driver gives it
 * (GL_INVALID_OPERATION, EXT_clear_texture); what a region cannot hurt
 * (negative values, a level or texture the driver refuses) is left to
 * the driver's own errors.
 */
#include <inttypes.h>

#include <gpupipe/log.h>

#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

/* Refusals logged at info level per link process (one link each); the
 * rest at debug level, so that a link cannot flood the host's log. */
#define LOGGED_REFUSALS 8

static unsigned refusals;

/* The binding query of a texture target, 0 for one with no images here. */
static GLenum binding_pname(uint32_t target)
{
	switch (target) {
	case GL_TEXTURE_2D:
		return GL_TEXTURE_BINDING_2D;
	case GL_TEXTURE_CUBE_MAP:
		return GL_TEXTURE_BINDING_CUBE_MAP;
	case GL_TEXTURE_3D:
		return GL_TEXTURE_BINDING_3D;
	case GL_TEXTURE_2D_ARRAY:
		return GL_TEXTURE_BINDING_2D_ARRAY;
	case GL_TEXTURE_2D_MULTISAMPLE:
		return GL_TEXTURE_BINDING_2D_MULTISAMPLE;
	case GL_TEXTURE_2D_MULTISAMPLE_ARRAY:
		return GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY;
	case GL_TEXTURE_CUBE_MAP_ARRAY:
		return GL_TEXTURE_BINDING_CUBE_MAP_ARRAY;
	}
	return 0;
}

/* The size of `level` of host texture `texture` as the driver has it
 * (cube maps: 6 faces deep): 1 with size[], 0 where the driver refuses
 * the clear before any region (a texture never bound, of a target
 * without images, a level out of range), -1 when it cannot be asked. The
 * texture is bound to its target for the queries and the binding put
 * back; the app's pending errors are kept, the queries' own dropped. */
static int level_size(struct gl_exec *x, GLuint texture, GLint level, int64_t size[3])
{
	struct gh_gl_storage *st = gh_gl_map_get_ptr(&x->ctx->share->textures, texture);
	GLenum pname = st ? binding_pname(st->target) : 0;
	if (!pname || level < 0 || level > 31)
		return 0;
	if (!gles_host.glGetTexLevelParameteriv)
		return -1;
	gh_gl_errors_stash(x->ctx);
	GLint previous = 0, v[3] = {0, 0, 0};
	gles_host.glGetIntegerv(pname, &previous);
	gles_host.glBindTexture(st->target, texture);
	GLenum face =
	        st->target == GL_TEXTURE_CUBE_MAP ? GL_TEXTURE_CUBE_MAP_POSITIVE_X : st->target;
	gles_host.glGetTexLevelParameteriv(face, level, GL_TEXTURE_WIDTH, &v[0]);
	gles_host.glGetTexLevelParameteriv(face, level, GL_TEXTURE_HEIGHT, &v[1]);
	gles_host.glGetTexLevelParameteriv(face, level, GL_TEXTURE_DEPTH, &v[2]);
	gles_host.glBindTexture(st->target, (GLuint)previous);
	bool ok = gles_host.glGetError() == GL_NO_ERROR;
	while (gles_host.glGetError() != GL_NO_ERROR)
		;
	if (st->target == GL_TEXTURE_CUBE_MAP)
		v[2] = 6;
	for (int i = 0; i < 3; i++)
		size[i] = v[i] > 0 ? v[i] : 0;
	return ok ? 1 : -1;
}

enum gl_guard gl_exec_guard_glClearTexImageEXT(struct gl_exec *x, GLuint texture, GLint level,
                                               GLenum format, GLenum type, const void *data,
                                               GLuint app_texture)
{
	/* The whole level: nothing past it. */
	return GL_GUARD_CALL;
}

enum gl_guard gl_exec_guard_glClearTexSubImageEXT(struct gl_exec *x, GLuint texture, GLint level,
                                                  GLint xoffset, GLint yoffset, GLint zoffset,
                                                  GLsizei width, GLsizei height, GLsizei depth,
                                                  GLenum format, GLenum type, const void *data,
                                                  GLuint app_texture)
{
	const int64_t offset[3] = {xoffset, yoffset, zoffset}, extent[3] = {width, height, depth};
	bool negative = false;
	for (int i = 0; i < 3; i++)
		negative |= offset[i] < 0 || extent[i] < 0;
	/* Negative values are the driver's errors and reach nothing. */
	if (negative)
		return GL_GUARD_CALL;
	int64_t size[3] = {0, 0, 0};
	int known = level_size(x, texture, level, size);
	if (known == 0)
		return GL_GUARD_CALL;
	for (int i = 0; i < 3; i++) {
		if (known < 0 || offset[i] + extent[i] > size[i]) {
			bool info = refusals++ < LOGGED_REFUSALS;
			if (info || gp_log_enabled(GP_LOG_DEBUG))
				gp_log_at(
				        info ? GP_LOG_INFO : GP_LOG_DEBUG, __FILE__, __LINE__,
				        "GL stream %u: glClearTexSubImageEXT: texture %u level %d: "
				        "region past the level (%" PRId64 " + %" PRId64
				        " > %" PRId64 ")",
				        x->channel, app_texture, level, offset[i], extent[i],
				        size[i]);
			gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
			return GL_GUARD_SKIP;
		}
	}
	return GL_GUARD_CALL;
}
