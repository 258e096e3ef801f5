/*
 * OpenGL 4.5 direct state access to textures: each named command is its
 * bound form on the texture's own target (from its first glBindTexture or
 * glCreateTextures), bound to the active unit for it and the unit's
 * binding bound back. The host's storage records (the GL memory quota,
 * gpuhost/gl/storage.c) and every size check follow the bound forms. A
 * name never bound nor created has no target yet: GL_INVALID_OPERATION.
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

static const uint32_t targets[GE_TEX_TARGETS] = {
        GL_TEXTURE_2D,
        GL_TEXTURE_3D,
        GL_TEXTURE_2D_ARRAY,
        GL_TEXTURE_CUBE_MAP,
        GL_TEXTURE_CUBE_MAP_ARRAY,
        GL_TEXTURE_2D_MULTISAMPLE,
        GL_TEXTURE_2D_MULTISAMPLE_ARRAY,
        GL_TEXTURE_BUFFER,
        0x84F5, /* GL_TEXTURE_RECTANGLE */
        0x0DE0, /* GL_TEXTURE_1D */
        0x8C18, /* GL_TEXTURE_1D_ARRAY */
};

int ge_tex_target_index(uint32_t target)
{
	for (int i = 0; i < GE_TEX_TARGETS; i++)
		if (targets[i] == target)
			return i;
	return -1;
}

static uint32_t unit_key(uint32_t unit, int index)
{
	return unit * GE_TEX_TARGETS + (uint32_t)index + 1;
}

/* GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, as the host's driver says. */
uint32_t ge_tex_units(struct ge_gl_state *gl)
{
	const struct gl_limit *l = ge_api_limit(gl->api, GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS);
	return l && l->values[0] >= 1 && l->values[0] < 0x10000 ? (uint32_t)l->values[0] : 0x10000;
}

/* Only what GL takes is followed: a unit past the limit leaves the active one. */
void gl_enc_hook_glActiveTexture(struct gl_enc *e, GLenum texture)
{
	if (ge_list_compiles(e->gl))
		return;
	if (texture >= GL_TEXTURE0 && texture - GL_TEXTURE0 < ge_tex_units(e->gl))
		e->gl->active_unit = texture - GL_TEXTURE0;
}

/* Only what GL takes is followed: a texture bound to a target not its own stays unbound. */
void gl_enc_hook_glBindTexture(struct gl_enc *e, GLenum target, GLuint texture)
{
	struct ge_gl_state *gl = e->gl;
	if (ge_list_compiles(gl)) {
		/* Compiled, not bound: the texture takes this target when the list
		 * runs, which direct state access needs to know then (a list never
		 * called leaves the driver without it: DSA then gives it this one). */
		if (texture && ge_tex_target_index(target) >= 0) {
			pthread_mutex_lock(&gl->share->lock);
			if (!ge_map_get(&gl->share->tex_targets, texture))
				ge_map_put(&gl->share->tex_targets, texture,
				           (void *)(uintptr_t)target);
			pthread_mutex_unlock(&gl->share->lock);
		}
		return;
	}
	int index = ge_tex_target_index(target);
	if (index < 0)
		return;
	if (texture) {
		pthread_mutex_lock(&gl->share->lock);
		uintptr_t own = (uintptr_t)ge_map_get(&gl->share->tex_targets, texture);
		pthread_mutex_unlock(&gl->share->lock);
		if (own && own != target)
			return;
	}
	ge_tex_fresh(gl);
	uint32_t key = unit_key(gl->active_unit, index);
	if (gl->tex_lazy)
		ge_map_put(&gl->tex_known, key, (void *)1);
	if (texture)
		ge_map_put(&gl->tex_bound, key, (void *)(uintptr_t)texture);
	else
		ge_map_remove(&gl->tex_bound, key);
	if (!texture)
		return;
	pthread_mutex_lock(&gl->share->lock);
	if (!ge_map_get(&gl->share->tex_targets, texture))
		ge_map_put(&gl->share->tex_targets, texture, (void *)(uintptr_t)target);
	pthread_mutex_unlock(&gl->share->lock);
}

static uint32_t bound_on(struct ge_gl_state *gl, uint32_t unit, GLenum target)
{
	ge_tex_fresh(gl);
	if (gl->tex_lazy)
		ge_tex_ask(gl, unit, target, unit_key(unit, ge_tex_target_index(target)));
	return (uint32_t)(uintptr_t)ge_map_get(&gl->tex_bound,
	                                       unit_key(unit, ge_tex_target_index(target)));
}

/* The texture's target, 0 when it has none (unknown, never bound). */
GLenum ge_tex_target_of(struct gl_enc *e, GLuint texture)
{
	if (!texture || !gl_enc_name_known(e, GL_NAMES_TEXTURE, texture))
		return 0;
	pthread_mutex_lock(&e->gl->share->lock);
	GLenum t = (GLenum)(uintptr_t)ge_map_get(&e->gl->share->tex_targets, texture);
	pthread_mutex_unlock(&e->gl->share->lock);
	return t;
}

static bool tex_begin(struct gl_enc *e, GLuint texture, GLenum *target, uint32_t *old)
{
	if (!(*target = ge_tex_target_of(e, texture))) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	ge_tex_fresh(e->gl);
	*old = bound_on(e->gl, e->gl->active_unit, *target);
	if (*old != texture)
		gl_enc_glBindTexture(*target, texture);
	return true;
}

static void tex_end(struct gl_enc *e, GLenum target, GLuint texture, uint32_t old)
{
	if (old != texture)
		gl_enc_glBindTexture(target, gl_enc_name_known(e, GL_NAMES_TEXTURE, old) ? old : 0);
}

#define TEX_CALL(op, texture, call)                                                                \
	do {                                                                                       \
		struct gl_enc *e = gl_enc_current_op(op);                                          \
		uint32_t old;                                                                      \
		GLenum target;                                                                     \
		if (e && tex_begin(e, texture, &target, &old)) {                                   \
			call;                                                                      \
			tex_end(e, target, texture, old);                                          \
		}                                                                                  \
	} while (0)

void GL_APIENTRY gl_enc_special_glCreateTextures(GLenum target, GLsizei n, GLuint *textures)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCreateTextures);
	if (!e)
		return;
	if (ge_tex_target_index(target) < 0) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGenTextures(n, textures);
	ge_tex_fresh(e->gl);
	uint32_t old = bound_on(e->gl, e->gl->active_unit, target);
	for (GLsizei i = 0; i < n; i++)
		gl_enc_glBindTexture(target, textures[i]);
	if (n) /* as tex_end: a name another context deleted is none to bind */
		gl_enc_glBindTexture(target, gl_enc_name_known(e, GL_NAMES_TEXTURE, old) ? old : 0);
}

void ge_tex_bind_active(struct gl_enc *e, GLenum target, GLuint texture)
{
	uint32_t unit = e->gl->active_unit;
	if (texture)
		gl_enc_glBindTexture(target, texture);
	for (int i = 0; !texture && i < GE_TEX_TARGETS; i++)
		if (bound_on(e->gl, unit, targets[i]))
			gl_enc_glBindTexture(targets[i], 0);
}

GLint ge_tex_level_value(struct gl_enc *e, GLuint texture, GLenum target, GLenum pname)
{
	GLint v = 0;
	uint32_t old = bound_on(e->gl, e->gl->active_unit, target);
	if (old != texture)
		gl_enc_glBindTexture(target, texture);
	gl_enc_glGetTexLevelParameteriv(
	        target == GL_TEXTURE_CUBE_MAP ? GL_TEXTURE_CUBE_MAP_POSITIVE_X : target, 0, pname,
	        &v);
	tex_end(e, target, texture, old);
	return v;
}

/* 0 unbinds every target of the unit. */
void GL_APIENTRY gl_enc_special_glBindTextureUnit(GLuint unit, GLuint texture)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBindTextureUnit);
	if (!e)
		return;
	GLenum target = ge_tex_target_of(e, texture);
	if (unit >= ge_tex_units(e->gl) || (texture && !target)) {
		gl_enc_error(e,
		             unit >= ge_tex_units(e->gl) ? GL_INVALID_VALUE : GL_INVALID_OPERATION);
		return;
	}
	ge_tex_fresh(e->gl);
	uint32_t active = e->gl->active_unit;
	if (unit != active)
		gl_enc_glActiveTexture(GL_TEXTURE0 + unit);
	if (e->gl->active_unit == unit)
		ge_tex_bind_active(e, target, texture);
	if (unit != active)
		gl_enc_glActiveTexture(GL_TEXTURE0 + active);
}

void GL_APIENTRY gl_enc_special_glTextureStorage1D(GLuint texture, GLsizei levels,
                                                   GLenum internalformat, GLsizei width)
{
	TEX_CALL(GLES_OP_glTextureStorage1D, texture,
	         gl_enc_glTexStorage1D(target, levels, internalformat, width));
}

void GL_APIENTRY gl_enc_special_glTextureStorage2D(GLuint texture, GLsizei levels,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height)
{
	TEX_CALL(GLES_OP_glTextureStorage2D, texture,
	         gl_enc_glTexStorage2D(target, levels, internalformat, width, height));
}

void GL_APIENTRY gl_enc_special_glTextureStorage3D(GLuint texture, GLsizei levels,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height, GLsizei depth)
{
	TEX_CALL(GLES_OP_glTextureStorage3D, texture,
	         gl_enc_glTexStorage3D(target, levels, internalformat, width, height, depth));
}

void GL_APIENTRY gl_enc_special_glTextureStorage2DMultisample(GLuint texture, GLsizei samples,
                                                              GLenum internalformat, GLsizei width,
                                                              GLsizei height,
                                                              GLboolean fixedsamplelocations)
{
	TEX_CALL(GLES_OP_glTextureStorage2DMultisample, texture,
	         gl_enc_glTexStorage2DMultisample(target, samples, internalformat, width, height,
	                                          fixedsamplelocations));
}

void GL_APIENTRY gl_enc_special_glTextureStorage3DMultisample(GLuint texture, GLsizei samples,
                                                              GLenum internalformat, GLsizei width,
                                                              GLsizei height, GLsizei depth,
                                                              GLboolean fixedsamplelocations)
{
	TEX_CALL(GLES_OP_glTextureStorage3DMultisample, texture,
	         gl_enc_glTexStorage3DMultisample(target, samples, internalformat, width, height,
	                                          depth, fixedsamplelocations));
}

void GL_APIENTRY gl_enc_special_glTextureSubImage1D(GLuint texture, GLint level, GLint xoffset,
                                                    GLsizei width, GLenum format, GLenum type,
                                                    const void *pixels)
{
	TEX_CALL(GLES_OP_glTextureSubImage1D, texture,
	         gl_enc_glTexSubImage1D(target, level, xoffset, width, format, type, pixels));
}

void GL_APIENTRY gl_enc_special_glCompressedTextureSubImage1D(GLuint texture, GLint level,
                                                              GLint xoffset, GLsizei width,
                                                              GLenum format, GLsizei imageSize,
                                                              const void *data)
{
	struct gl_enc *listed = gl_enc_current_op(GLES_OP_glCompressedTextureSubImage1D);
	if (!listed || !ge_list_compressed_ok(listed))
		return;
	TEX_CALL(GLES_OP_glCompressedTextureSubImage1D, texture,
	         gl_enc_glCompressedTexSubImage1D(target, level, xoffset, width, format, imageSize,
	                                          data));
}

void GL_APIENTRY gl_enc_special_glCopyTextureSubImage1D(GLuint texture, GLint level, GLint xoffset,
                                                        GLint x, GLint y, GLsizei width)
{
	TEX_CALL(GLES_OP_glCopyTextureSubImage1D, texture,
	         gl_enc_glCopyTexSubImage1D(target, level, xoffset, x, y, width));
}

void GL_APIENTRY gl_enc_special_glTextureSubImage2D(GLuint texture, GLint level, GLint xoffset,
                                                    GLint yoffset, GLsizei width, GLsizei height,
                                                    GLenum format, GLenum type, const void *pixels)
{
	TEX_CALL(GLES_OP_glTextureSubImage2D, texture,
	         gl_enc_glTexSubImage2D(target, level, xoffset, yoffset, width, height, format,
	                                type, pixels));
}

/* A cube map texture's faces are the layers of glTextureSubImage3D and its
 * kin (zoffset the first face, depth the count), which have no bound 3D
 * form for it: each face is sent as the 2D command on its face target. */
static bool cube_faces_ok(struct gl_enc *e, GLint zoffset, GLsizei depth)
{
	if (zoffset < 0 || depth < 0 || zoffset > 6 || depth > 6 - zoffset) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	return true;
}

/* Bytes from one image of a 3D unpack to the next, by the unpack state
 * (row length, alignment, image height); -1 where the state is invalid. */
static int64_t unpack_image_stride(const struct gl_pixel_state *ps, GLsizei w, GLsizei h,
                                   GLenum format, GLenum type)
{
	struct gl_pixel_state p = *ps;
	p.unpack_skip_rows = p.unpack_skip_pixels = p.unpack_skip_images = 0;
	int64_t one = gl_unpack_size(&p, w, h, 1, format, type, true);
	int64_t two = gl_unpack_size(&p, w, h, 2, format, type, true);
	return one < 0 || two < 0 ? -1 : two - one;
}

void GL_APIENTRY gl_enc_special_glTextureSubImage3D(GLuint texture, GLint level, GLint xoffset,
                                                    GLint yoffset, GLint zoffset, GLsizei width,
                                                    GLsizei height, GLsizei depth, GLenum format,
                                                    GLenum type, const void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glTextureSubImage3D);
	uint32_t old;
	GLenum target;
	if (!e || !tex_begin(e, texture, &target, &old))
		return;
	if (target != GL_TEXTURE_CUBE_MAP) {
		gl_enc_glTexSubImage3D(target, level, xoffset, yoffset, zoffset, width, height,
		                       depth, format, type, pixels);
	} else if (cube_faces_ok(e, zoffset, depth)) {
		/* Face i's image is where a 3D unpack puts image i (the image
		 * skip counted in: 2D commands ignore it). */
		int64_t stride = unpack_image_stride(&e->gl->ps, width, height, format, type);
		bool source = pixels || gl_enc_unpack_buffer(e);
		if (stride < 0)
			gl_enc_error(e, GL_INVALID_VALUE);
		for (GLsizei i = 0; stride >= 0 && i < depth; i++) {
			uintptr_t at = (uintptr_t)pixels +
			               (uintptr_t)((e->gl->ps.unpack_skip_images + i) * stride);
			gl_enc_glTexSubImage2D(
			        (GLenum)(GL_TEXTURE_CUBE_MAP_POSITIVE_X + zoffset + i), level,
			        xoffset, yoffset, width, height, format, type,
			        source ? (const void *)at : NULL);
		}
	}
	tex_end(e, target, texture, old);
}

void GL_APIENTRY gl_enc_special_glCompressedTextureSubImage2D(GLuint texture, GLint level,
                                                              GLint xoffset, GLint yoffset,
                                                              GLsizei width, GLsizei height,
                                                              GLenum format, GLsizei imageSize,
                                                              const void *data)
{
	struct gl_enc *listed = gl_enc_current_op(GLES_OP_glCompressedTextureSubImage2D);
	if (!listed || !ge_list_compressed_ok(listed))
		return;
	TEX_CALL(GLES_OP_glCompressedTextureSubImage2D, texture,
	         gl_enc_glCompressedTexSubImage2D(target, level, xoffset, yoffset, width, height,
	                                          format, imageSize, data));
}

void GL_APIENTRY gl_enc_special_glCompressedTextureSubImage3D(
        GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset, GLsizei width,
        GLsizei height, GLsizei depth, GLenum format, GLsizei imageSize, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCompressedTextureSubImage3D);
	uint32_t old;
	GLenum target;
	if (!e || !ge_list_compressed_ok(e) || !tex_begin(e, texture, &target, &old))
		return;
	if (target != GL_TEXTURE_CUBE_MAP) {
		gl_enc_glCompressedTexSubImage3D(target, level, xoffset, yoffset, zoffset, width,
		                                 height, depth, format, imageSize, data);
	} else if (cube_faces_ok(e, zoffset, depth) && depth > 0) {
		/* The faces' images follow each other, imageSize / depth each. */
		if (imageSize < 0 || imageSize % depth) {
			gl_enc_error(e, GL_INVALID_VALUE);
		} else {
			GLsizei face = imageSize / depth;
			bool source = data || gl_enc_unpack_buffer(e);
			for (GLsizei i = 0; i < depth; i++) {
				uintptr_t at = (uintptr_t)data + (uintptr_t)i * (uintptr_t)face;
				gl_enc_glCompressedTexSubImage2D(
				        (GLenum)(GL_TEXTURE_CUBE_MAP_POSITIVE_X + zoffset + i),
				        level, xoffset, yoffset, width, height, format, face,
				        source ? (const void *)at : NULL);
			}
		}
	}
	tex_end(e, target, texture, old);
}

void GL_APIENTRY gl_enc_special_glCopyTextureSubImage2D(GLuint texture, GLint level, GLint xoffset,
                                                        GLint yoffset, GLint x, GLint y,
                                                        GLsizei width, GLsizei height)
{
	TEX_CALL(GLES_OP_glCopyTextureSubImage2D, texture,
	         gl_enc_glCopyTexSubImage2D(target, level, xoffset, yoffset, x, y, width, height));
}

void GL_APIENTRY gl_enc_special_glCopyTextureSubImage3D(GLuint texture, GLint level, GLint xoffset,
                                                        GLint yoffset, GLint zoffset, GLint x,
                                                        GLint y, GLsizei width, GLsizei height)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCopyTextureSubImage3D);
	uint32_t old;
	GLenum target;
	if (!e || !tex_begin(e, texture, &target, &old))
		return;
	if (target != GL_TEXTURE_CUBE_MAP)
		gl_enc_glCopyTexSubImage3D(target, level, xoffset, yoffset, zoffset, x, y, width,
		                           height);
	else if (cube_faces_ok(e, zoffset, 1))
		gl_enc_glCopyTexSubImage2D((GLenum)(GL_TEXTURE_CUBE_MAP_POSITIVE_X + zoffset),
		                           level, xoffset, yoffset, x, y, width, height);
	tex_end(e, target, texture, old);
}

void GL_APIENTRY gl_enc_special_glTextureParameteri(GLuint texture, GLenum pname, GLint param)
{
	TEX_CALL(GLES_OP_glTextureParameteri, texture,
	         gl_enc_glTexParameteri(target, pname, param));
}

void GL_APIENTRY gl_enc_special_glTextureParameterf(GLuint texture, GLenum pname, GLfloat param)
{
	TEX_CALL(GLES_OP_glTextureParameterf, texture,
	         gl_enc_glTexParameterf(target, pname, param));
}

void GL_APIENTRY gl_enc_special_glTextureParameteriv(GLuint texture, GLenum pname,
                                                     const GLint *param)
{
	TEX_CALL(GLES_OP_glTextureParameteriv, texture,
	         gl_enc_glTexParameteriv(target, pname, param));
}

void GL_APIENTRY gl_enc_special_glTextureParameterfv(GLuint texture, GLenum pname,
                                                     const GLfloat *param)
{
	TEX_CALL(GLES_OP_glTextureParameterfv, texture,
	         gl_enc_glTexParameterfv(target, pname, param));
}

void GL_APIENTRY gl_enc_special_glTextureParameterIiv(GLuint texture, GLenum pname,
                                                      const GLint *params)
{
	TEX_CALL(GLES_OP_glTextureParameterIiv, texture,
	         gl_enc_glTexParameterIiv(target, pname, params));
}

void GL_APIENTRY gl_enc_special_glTextureParameterIuiv(GLuint texture, GLenum pname,
                                                       const GLuint *params)
{
	TEX_CALL(GLES_OP_glTextureParameterIuiv, texture,
	         gl_enc_glTexParameterIuiv(target, pname, params));
}

void GL_APIENTRY gl_enc_special_glGetTextureParameteriv(GLuint texture, GLenum pname, GLint *params)
{
	TEX_CALL(GLES_OP_glGetTextureParameteriv, texture,
	         gl_enc_glGetTexParameteriv(target, pname, params));
}

void GL_APIENTRY gl_enc_special_glGetTextureParameterfv(GLuint texture, GLenum pname,
                                                        GLfloat *params)
{
	TEX_CALL(GLES_OP_glGetTextureParameterfv, texture,
	         gl_enc_glGetTexParameterfv(target, pname, params));
}

void GL_APIENTRY gl_enc_special_glGetTextureParameterIiv(GLuint texture, GLenum pname,
                                                         GLint *params)
{
	TEX_CALL(GLES_OP_glGetTextureParameterIiv, texture,
	         gl_enc_glGetTexParameterIiv(target, pname, params));
}

void GL_APIENTRY gl_enc_special_glGetTextureParameterIuiv(GLuint texture, GLenum pname,
                                                          GLuint *params)
{
	TEX_CALL(GLES_OP_glGetTextureParameterIuiv, texture,
	         gl_enc_glGetTexParameterIuiv(target, pname, params));
}

/* A cube map's levels are asked of its first face, as GL answers them. */
static GLenum level_target(GLenum target)
{
	return target == GL_TEXTURE_CUBE_MAP ? GL_TEXTURE_CUBE_MAP_POSITIVE_X : target;
}

void GL_APIENTRY gl_enc_special_glGetTextureLevelParameteriv(GLuint texture, GLint level,
                                                             GLenum pname, GLint *params)
{
	TEX_CALL(GLES_OP_glGetTextureLevelParameteriv, texture,
	         gl_enc_glGetTexLevelParameteriv(level_target(target), level, pname, params));
}

void GL_APIENTRY gl_enc_special_glGetTextureLevelParameterfv(GLuint texture, GLint level,
                                                             GLenum pname, GLfloat *params)
{
	TEX_CALL(GLES_OP_glGetTextureLevelParameterfv, texture,
	         gl_enc_glGetTexLevelParameterfv(level_target(target), level, pname, params));
}

void GL_APIENTRY gl_enc_special_glGenerateTextureMipmap(GLuint texture)
{
	TEX_CALL(GLES_OP_glGenerateTextureMipmap, texture, gl_enc_glGenerateMipmap(target));
}

/* Only a buffer texture takes a buffer (GL_INVALID_OPERATION otherwise). */
static bool buffer_texture(struct gl_enc *e, GLuint texture, GLuint buffer)
{
	GLenum t = ge_tex_target_of(e, texture);
	if ((t && t != GL_TEXTURE_BUFFER) ||
	    (buffer && !gl_enc_name_known(e, GL_NAMES_BUFFER, buffer))) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glTextureBuffer(GLuint texture, GLenum internalformat,
                                                GLuint buffer)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glTextureBuffer);
	if (cur && buffer_texture(cur, texture, buffer))
		TEX_CALL(GLES_OP_glTextureBuffer, texture,
		         gl_enc_glTexBuffer(target, internalformat, buffer));
}

void GL_APIENTRY gl_enc_special_glTextureBufferRange(GLuint texture, GLenum internalformat,
                                                     GLuint buffer, GLintptr offset,
                                                     GLsizeiptr size)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glTextureBufferRange);
	if (cur && buffer_texture(cur, texture, buffer))
		TEX_CALL(GLES_OP_glTextureBufferRange, texture,
		         gl_enc_glTexBufferRange(target, internalformat, buffer, offset, size));
}

/* A whole level read back by name, bounded by bufSize. */
static bool readable(struct gl_enc *e, GLuint texture, GLenum *target)
{
	*target = ge_tex_target_of(e, texture);
	if (!*target || *target == GL_TEXTURE_BUFFER || *target == GL_TEXTURE_2D_MULTISAMPLE ||
	    *target == GL_TEXTURE_2D_MULTISAMPLE_ARRAY) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

/* A cube map's level read whole is its six faces as one image of depth 6, which is
 * glGetTextureSubImage's region of the whole level (checked and sized on the host, which
 * reads only a cube map of immutable storage: GL_INVALID_OPERATION for another, as GL says
 * of one that is not cube complete), once the level's size is known (one round trip more
 * than another target's read: a cube map's faces are square). A base level with no image
 * is not cube complete either; another level with none reads nothing, as in Mesa. False
 * when there is nothing to read. */
static bool cube_size(struct gl_enc *e, GLuint texture, GLint level, GLint *w)
{
	*w = 0;
	gl_enc_special_glGetTextureLevelParameteriv(texture, level, GL_TEXTURE_WIDTH, w);
	if (level == 0 && *w == 0)
		gl_enc_error(e, GL_INVALID_OPERATION);
	return *w > 0;
}

void GL_APIENTRY gl_enc_special_glGetTextureImage(GLuint texture, GLint level, GLenum format,
                                                  GLenum type, GLsizei bufSize, void *pixels)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetTextureImage);
	GLenum t;
	GLint w;
	if (!cur || !readable(cur, texture, &t))
		return;
	if (t == GL_TEXTURE_CUBE_MAP) {
		if (cube_size(cur, texture, level, &w))
			gl_enc_special_glGetTextureSubImage(texture, level, 0, 0, 0, w, w, 6,
			                                    format, type, bufSize, pixels);
		return;
	}
	TEX_CALL(GLES_OP_glGetTextureImage, texture,
	         ge_get_tex_image(e, target, level, format, type, bufSize, pixels));
}

void GL_APIENTRY gl_enc_special_glGetCompressedTextureImage(GLuint texture, GLint level,
                                                            GLsizei bufSize, void *pixels)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetCompressedTextureImage);
	GLenum t;
	GLint w;
	if (!cur || !readable(cur, texture, &t))
		return;
	if (t == GL_TEXTURE_CUBE_MAP) {
		if (cube_size(cur, texture, level, &w))
			gl_enc_special_glGetCompressedTextureSubImage(texture, level, 0, 0, 0, w, w,
			                                              6, bufSize, pixels);
		return;
	}
	TEX_CALL(GLES_OP_glGetCompressedTextureImage, texture,
	         ge_get_compressed_tex_image(e, target, level, bufSize, pixels));
}
