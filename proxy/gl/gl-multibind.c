/*
 * ARB_multi_bind (OpenGL 4.4): glBindBuffersBase, glBindBuffersRange,
 * glBindTextures, glBindSamplers, glBindImageTextures and
 * glBindVertexBuffers. Each is the single binds it equals, one per binding
 * point, sent as those commands: their client checks, the host's (names
 * mapped, ranges checked against the buffers, the storage a binding holds,
 * the vertex state draws are checked against) and both sides' records
 * apply with no second implementation. What the multi-binds leave alone
 * and the single binds change is bound back: the generic buffer binding
 * of the target (glBindBufferBase/Range set it) and the active texture
 * unit (glBindTextures binds on each unit in turn).
 *
 * GL's errors: first + count past the binding points is
 * GL_INVALID_OPERATION with nothing bound; a binding point's own error
 * (an unknown name: GL_INVALID_OPERATION here, a bad range: the single
 * bind's GL_INVALID_VALUE) leaves that point as it was and the others are
 * bound all the same, as GL does. The limits are the host driver's, asked
 * once per context (GL_MAX_TRANSFORM_FEEDBACK_BUFFERS as
 * GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS, which the state tables know
 * and every driver we run gives the same value).
 */
#include <stdint.h>

#include <GLES3/gl32.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

enum bind_limit { LIMIT_UNIFORM, LIMIT_STORAGE, LIMIT_ATOMIC, LIMIT_XFB, LIMIT_IMAGE };

static const uint32_t limit_pnames[] = {
        [LIMIT_UNIFORM] = GL_MAX_UNIFORM_BUFFER_BINDINGS,
        [LIMIT_STORAGE] = GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS,
        [LIMIT_ATOMIC] = GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS,
        [LIMIT_XFB] = GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS,
        [LIMIT_IMAGE] = GL_MAX_IMAGE_UNITS,
};

static uint32_t limit(struct gl_enc *e, enum bind_limit which)
{
	uint32_t *v = &e->gl->bind_limits[which];
	if (!*v) {
		GLint n = 0;
		gl_enc_glGetIntegerv(limit_pnames[which], &n);
		*v = n > 0 ? (uint32_t)n : 0;
	}
	return *v;
}

/* The range [first, first + count) within `max` binding points, else GL's error. */
static bool range_ok(struct gl_enc *e, GLuint first, GLsizei count, uint32_t max)
{
	if (count < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	if ((uint64_t)first + (uint64_t)count > max) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

/* A name of the class the app made, or 0; else that binding point's error. */
static bool name_ok(struct gl_enc *e, enum gl_name_class cls, GLuint name)
{
	if (name && !gl_enc_name_known(e, cls, name)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

static bool buffers_begin(struct gl_enc *e, GLenum target, GLuint first, GLsizei count)
{
	enum bind_limit which;
	switch (target) {
	case GL_UNIFORM_BUFFER:
		which = LIMIT_UNIFORM;
		break;
	case GL_SHADER_STORAGE_BUFFER:
		which = LIMIT_STORAGE;
		break;
	case GL_ATOMIC_COUNTER_BUFFER:
		which = LIMIT_ATOMIC;
		break;
	case GL_TRANSFORM_FEEDBACK_BUFFER:
		which = LIMIT_XFB;
		break;
	default:
		gl_enc_error(e, GL_INVALID_ENUM);
		return false;
	}
	return range_ok(e, first, count, limit(e, which));
}

static void buffers(GLenum target, GLuint first, GLsizei count, const GLuint *names,
                    const GLintptr *offsets, const GLsizeiptr *sizes, uint32_t op)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e || !buffers_begin(e, target, first, count))
		return;
	bool ok;
	uint32_t generic = ge_gl_bound_buffer(e->gl, target, &ok);
	for (GLsizei i = 0; i < count; i++) {
		GLuint index = first + (GLuint)i, name = names ? names[i] : 0;
		if (!name_ok(e, GL_NAMES_BUFFER, name))
			continue;
		if (name && offsets)
			gl_enc_glBindBufferRange(target, index, name, offsets[i], sizes[i]);
		else
			gl_enc_glBindBufferBase(target, index, name);
	}
	if (count)
		gl_enc_glBindBuffer(target,
		                    gl_enc_name_known(e, GL_NAMES_BUFFER, generic) ? generic : 0);
}

void GL_APIENTRY gl_enc_special_glBindBuffersBase(GLenum target, GLuint first, GLsizei count,
                                                  const GLuint *names)
{
	buffers(target, first, count, names, NULL, NULL, GLES_OP_glBindBuffersBase);
}

void GL_APIENTRY gl_enc_special_glBindBuffersRange(GLenum target, GLuint first, GLsizei count,
                                                   const GLuint *names, const GLintptr *offsets,
                                                   const GLsizeiptr *sizes)
{
	buffers(target, first, count, names, offsets, sizes, GLES_OP_glBindBuffersRange);
}

void GL_APIENTRY gl_enc_special_glBindTextures(GLuint first, GLsizei count, const GLuint *textures)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBindTextures);
	if (!e || !range_ok(e, first, count, ge_tex_units(e->gl)))
		return;
	uint32_t active = e->gl->active_unit;
	for (GLsizei i = 0; i < count; i++) {
		GLuint unit = first + (GLuint)i, texture = textures ? textures[i] : 0;
		uint32_t target = ge_tex_target_of(e, texture);
		if (texture && !target) {
			gl_enc_error(e, GL_INVALID_OPERATION);
			continue;
		}
		if (e->gl->active_unit != unit)
			gl_enc_glActiveTexture(GL_TEXTURE0 + unit);
		if (e->gl->active_unit == unit)
			ge_tex_bind_active(e, target, texture);
	}
	if (e->gl->active_unit != active)
		gl_enc_glActiveTexture(GL_TEXTURE0 + active);
}

void GL_APIENTRY gl_enc_special_glBindSamplers(GLuint first, GLsizei count, const GLuint *samplers)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBindSamplers);
	if (!e || !range_ok(e, first, count, ge_tex_units(e->gl)))
		return;
	for (GLsizei i = 0; i < count; i++) {
		GLuint sampler = samplers ? samplers[i] : 0;
		if (name_ok(e, GL_NAMES_SAMPLER, sampler))
			gl_enc_glBindSampler(first + (GLuint)i, sampler);
	}
}

/* The formats of image units (OpenGL 4.5, table 8.26). */
static bool image_format(GLint format)
{
	static const GLint formats[] = {
	        GL_RGBA32F,
	        GL_RGBA16F,
	        GL_RG32F,
	        GL_RG16F,
	        0x8C3A,
	        GL_R32F,
	        GL_R16F,
	        GL_RGBA32UI,
	        GL_RGBA16UI,
	        GL_RGB10_A2UI,
	        GL_RGBA8UI,
	        GL_RG32UI,
	        GL_RG16UI,
	        GL_RG8UI,
	        GL_R32UI,
	        GL_R16UI,
	        GL_R8UI,
	        GL_RGBA32I,
	        GL_RGBA16I,
	        GL_RGBA8I,
	        GL_RG32I,
	        GL_RG16I,
	        GL_RG8I,
	        GL_R32I,
	        GL_R16I,
	        GL_R8I,
	        0x805B /* RGBA16 */,
	        GL_RGB10_A2,
	        GL_RGBA8,
	        0x822C /* RG16 */,
	        GL_RG8,
	        0x822A /* R16 */,
	        GL_R8,
	        0x8F9B /* RGBA16_SNORM */,
	        GL_RGBA8_SNORM,
	        0x8F99 /* RG16_SNORM */,
	        GL_RG8_SNORM,
	        0x8F98 /* R16_SNORM */,
	        GL_R8_SNORM,
	};
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i] == format)
			return true;
	return false;
}

/* Targets whose images are layered: the whole level is bound. */
static bool layered(uint32_t target)
{
	return target == GL_TEXTURE_3D || target == GL_TEXTURE_2D_ARRAY ||
	       target == GL_TEXTURE_CUBE_MAP || target == GL_TEXTURE_CUBE_MAP_ARRAY ||
	       target == GL_TEXTURE_2D_MULTISAMPLE_ARRAY || target == 0x8C18 /* 1D_ARRAY */;
}

/* Each texture's level 0, layered where it has layers, read and written, in the format of its
 * level 0 (asked of the host: two round trips a texture); 0 resets the unit as GL does. */
void GL_APIENTRY gl_enc_special_glBindImageTextures(GLuint first, GLsizei count,
                                                    const GLuint *textures)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBindImageTextures);
	if (!e || !range_ok(e, first, count, limit(e, LIMIT_IMAGE)))
		return;
	for (GLsizei i = 0; i < count; i++) {
		GLuint unit = first + (GLuint)i, texture = textures ? textures[i] : 0;
		if (!texture) {
			gl_enc_glBindImageTexture(unit, 0, 0, GL_FALSE, 0, GL_READ_ONLY, GL_R8);
			continue;
		}
		uint32_t target = ge_tex_target_of(e, texture);
		GLint width = 0, format = 0;
		if (target) {
			width = ge_tex_level_value(e, texture, target, GL_TEXTURE_WIDTH);
			format = ge_tex_level_value(e, texture, target, GL_TEXTURE_INTERNAL_FORMAT);
		}
		if (!width || !image_format(format)) {
			gl_enc_error(e, GL_INVALID_OPERATION);
			continue;
		}
		gl_enc_glBindImageTexture(unit, texture, 0, layered(target) ? GL_TRUE : GL_FALSE, 0,
		                          GL_READ_WRITE, (GLenum)format);
	}
}

/* In a vertex array object only (GL_INVALID_OPERATION with none bound). */
void GL_APIENTRY gl_enc_special_glBindVertexBuffers(GLuint first, GLsizei count,
                                                    const GLuint *names, const GLintptr *offsets,
                                                    const GLsizei *strides)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBindVertexBuffers);
	if (!e)
		return;
	const struct gl_limit *l = ge_api_limit(e->gl->api, GL_MAX_VERTEX_ATTRIB_BINDINGS);
	uint32_t max = l && l->values[0] >= 0 ? (uint32_t)l->values[0] : 0;
	if (!range_ok(e, first, count, max))
		return;
	if (!e->gl->vao_name) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	for (GLsizei i = 0; i < count; i++) {
		GLuint name = names ? names[i] : 0;
		if (!name_ok(e, GL_NAMES_BUFFER, name))
			continue;
		if (names)
			gl_enc_glBindVertexBuffer(first + (GLuint)i, name, offsets[i], strides[i]);
		else
			gl_enc_glBindVertexBuffer(first + (GLuint)i, 0, 0, 16);
	}
}
