/*
 * The direct multi-draws: glMultiDrawArrays and glMultiDrawElements[BaseVertex], desktop
 * GL's and ES's EXT ones. Each travels as one command (gles-draws.h): the host checks its
 * draws one by one and has its driver run them as one, which is what gl_DrawIDARB
 * (ARB_shader_draw_parameters) counts. Client arrays are sent once, before it, for the
 * vertices the draws read together (as any draw sends them, gles-draw.c); client-memory
 * indices travel in the command, one draw's after another.
 *
 * GL's errors of the whole call (a negative drawcount, count or first, an index type, a
 * draw of client indices with none) are raised here and nothing travels: nothing is
 * drawn, as natively.
 */
#include <stdint.h>
#include <string.h>

#include "arrays.h"
#include "gles-client.h"
#include "gles-codec.h"
#include "gles-draws.h"
#include "state.h"
#include "stream.h"

/* The payload of one command, header excluded. */
#define MAX_PAYLOAD (GL_MAX_COMMAND - 8u)

/* The vertices the draws fetch together, [lo, hi] (none while lo > hi). */
struct span {
	int64_t lo, hi;
};
#define SPAN_NONE ((struct span){INT64_MAX, INT64_MIN})

static void span_add(struct span *s, int64_t first, int64_t last)
{
	s->lo = first < s->lo ? first : s->lo;
	s->hi = last > s->hi ? last : s->hi;
}

static bool send_span(struct gl_enc *e, const struct span *s)
{
	if (s->lo > s->hi)
		return true;
	return ge_send_arrays(e, (uint64_t)s->lo, (uint64_t)(s->hi - s->lo + 1), 1, 0);
}

static void multi_draw_arrays(uint32_t op, GLenum mode, const GLint *first, const GLsizei *count,
                              GLsizei drawcount)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	bool ok = drawcount >= 0;
	for (GLsizei i = 0; ok && i < drawcount; i++)
		ok = first[i] >= 0 && count[i] >= 0;
	if (!ok) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint64_t bytes = (uint64_t)drawcount * sizeof(struct gl_multi_arrays_draw);
	if (12 + bytes > MAX_PAYLOAD) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	struct span s = SPAN_NONE;
	for (GLsizei i = 0; i < drawcount; i++) {
		if (count[i])
			span_add(&s, first[i], (int64_t)first[i] + count[i] - 1);
	}
	if (!send_span(e, &s))
		return;
	uint8_t *p = gl_enc_begin(e, op, 12 + (uint32_t)bytes);
	if (!p)
		return;
	p = ge_put_u32(p, mode);
	p = ge_put_u32(p, (uint32_t)drawcount);
	p = ge_put_u32(p, (uint32_t)bytes);
	for (GLsizei i = 0; i < drawcount; i++) {
		p = ge_put_u32(p, (uint32_t)first[i]);
		p = ge_put_u32(p, (uint32_t)count[i]);
	}
	gl_enc_end(e);
}

/* Adds draw i's vertices to the span of those client arrays send: its index range, from
 * the app's memory or the element buffer (a round trip), moved by its base vertex (one
 * before the first cannot be sent: GL_INVALID_OPERATION, as a single draw has it). */
static bool span_indices(struct gl_enc *e, struct span *s, uint32_t type, uint32_t isz,
                         uint64_t skip, const void *indices, GLsizei count, int64_t basevertex)
{
	uint32_t min = 0, max = 0;
	if (e->gl->vao->element_buffer) {
		if (!ge_buffer_index_range(e, type, (uintptr_t)indices, (uint32_t)count, isz, skip,
		                           &min, &max))
			return false;
	} else {
		ge_index_range(type, indices, (uint32_t)count, skip, &min, &max);
	}
	if ((int64_t)min + basevertex < 0) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	span_add(s, (int64_t)min + basevertex, (int64_t)max + basevertex);
	return true;
}

static void multi_draw_elements(uint32_t op, GLenum mode, const GLsizei *count, GLenum type,
                                const void *const *indices, GLsizei drawcount,
                                const GLint *basevertex)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	/* Negative counts first, then the index type, as Mesa checks them. */
	bool ok = drawcount >= 0;
	for (GLsizei i = 0; ok && i < drawcount; i++)
		ok = count[i] >= 0;
	if (!ok) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	int64_t isz = gl_index_size(type);
	if (isz <= 0) {
		gl_enc_error(e, isz < 0 ? gl_size_error(isz) : GL_INVALID_ENUM);
		return;
	}
	struct ge_gl_state *gl = e->gl;
	bool buffer = gl->vao->element_buffer != 0;
	bool client = ge_has_client_arrays(gl);
	uint64_t skip = client ? ge_restart_index(gl, (uint32_t)isz, mode) : GL_NO_RESTART;
	uint64_t draws = (uint64_t)drawcount * sizeof(struct gl_multi_elements_draw);
	uint64_t index_bytes = 0;
	/* mode, type, drawcount, the draws' blob and the indices' (padded to 4) */
	uint64_t fixed = 16 + draws + (buffer ? 4 : 7);
	if (fixed > MAX_PAYLOAD) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	struct span s = SPAN_NONE;
	for (GLsizei i = 0; i < drawcount; i++) {
		if (!count[i])
			continue;
		if (!buffer && !indices[i]) {
			gl_enc_error(e, GL_INVALID_OPERATION);
			return;
		}
		index_bytes += buffer ? 0 : (uint64_t)count[i] * (uint64_t)isz;
		if (fixed + index_bytes > MAX_PAYLOAD) {
			gl_enc_error(e, GL_OUT_OF_MEMORY);
			return;
		}
		if (client && !span_indices(e, &s, type, (uint32_t)isz, skip, indices[i], count[i],
		                            basevertex ? basevertex[i] : 0))
			return;
	}
	if (!send_span(e, &s))
		return;
	uint32_t payload =
	        16 + (uint32_t)draws + (buffer ? 4 : ge_blob_size((uint32_t)index_bytes));
	uint8_t *p = gl_enc_begin(e, op, payload);
	if (!p)
		return;
	p = ge_put_u32(p, mode);
	p = ge_put_u32(p, type);
	p = ge_put_u32(p, (uint32_t)drawcount);
	p = ge_put_u32(p, (uint32_t)draws);
	uint64_t at = 0;
	for (GLsizei i = 0; i < drawcount; i++) {
		p = ge_put_u32(p, (uint32_t)count[i]);
		p = ge_put_u32(p, basevertex ? (uint32_t)basevertex[i] : 0);
		/* A draw of nothing reads nothing: its pointer, which GL never looks at, is not
		 * sent (the host checks every offset it gets). */
		uint64_t offset = buffer && count[i] ? (uint64_t)(uintptr_t)indices[i] : 0;
		p = ge_put_u64(p, buffer ? offset : at);
		at += buffer ? 0 : (uint64_t)count[i] * (uint64_t)isz;
	}
	if (buffer) {
		ge_put_u32(p, GL_BLOB_NULL);
	} else {
		p = ge_put_u32(p, (uint32_t)index_bytes);
		for (GLsizei i = 0; i < drawcount; i++) {
			size_t n = (size_t)count[i] * (size_t)isz;
			if (n)
				memcpy(p, indices[i], n);
			p += n;
		}
		memset(p, 0, (4 - index_bytes % 4) % 4);
	}
	gl_enc_end(e);
}

void GL_APIENTRY gl_enc_special_glMultiDrawArrays(GLenum mode, const GLint *first,
                                                  const GLsizei *count, GLsizei drawcount)
{
	multi_draw_arrays(GLES_OP_glMultiDrawArrays, mode, first, count, drawcount);
}

/* GL_EXT_multi_draw_arrays: ES's name of it. */
void GL_APIENTRY gl_enc_special_glMultiDrawArraysEXT(GLenum mode, const GLint *first,
                                                     const GLsizei *count, GLsizei primcount)
{
	multi_draw_arrays(GLES_OP_glMultiDrawArraysEXT, mode, first, count, primcount);
}

void GL_APIENTRY gl_enc_special_glMultiDrawElements(GLenum mode, const GLsizei *count, GLenum type,
                                                    const void *const *indices, GLsizei drawcount)
{
	multi_draw_elements(GLES_OP_glMultiDrawElements, mode, count, type, indices, drawcount,
	                    NULL);
}

void GL_APIENTRY gl_enc_special_glMultiDrawElementsEXT(GLenum mode, const GLsizei *count,
                                                       GLenum type, const void *const *indices,
                                                       GLsizei primcount)
{
	multi_draw_elements(GLES_OP_glMultiDrawElementsEXT, mode, count, type, indices, primcount,
	                    NULL);
}

/* Desktop 3.2's; ES's is GL_EXT/OES_draw_elements_base_vertex's (both list GL_EXT's). */
void GL_APIENTRY gl_enc_special_glMultiDrawElementsBaseVertex(GLenum mode, const GLsizei *count,
                                                              GLenum type,
                                                              const void *const *indices,
                                                              GLsizei drawcount,
                                                              const GLint *basevertex)
{
	multi_draw_elements(GLES_OP_glMultiDrawElementsBaseVertex, mode, count, type, indices,
	                    drawcount, basevertex);
}

void GL_APIENTRY gl_enc_special_glMultiDrawElementsBaseVertexEXT(GLenum mode, const GLsizei *count,
                                                                 GLenum type,
                                                                 const void *const *indices,
                                                                 GLsizei drawcount,
                                                                 const GLint *basevertex)
{
	multi_draw_elements(GLES_OP_glMultiDrawElementsBaseVertexEXT, mode, count, type, indices,
	                    drawcount, basevertex);
}
