/*
 * Vertex arrays and draws. An attribute pointing into a buffer object is
 * sent at glVertexAttribPointer time (as an offset); one pointing into the
 * app's memory is remembered and its data sent with each draw
 * (GL_OP_CLIENT_ARRAY), for the vertices the draw uses only: [first,
 * first + count) for glDrawArrays, [min index, max index] for
 * glDrawElements (indices in an element buffer are read back from the
 * host to find that range), moved by the base vertex of the BaseVertex
 * draws. Instanced arrays are sent from the draw's base instance on.
 * Client-side indices travel in the draw.
 * OpenGL ES 1's fixed-function arrays (gles1.c) travel the same way, each
 * with its kind (enum gl_client_array_kind).
 */
#include <stdlib.h>
#include <string.h>

#include "arrays.h"
#include "gles-client.h"
#include "gles-codec.h"
#include "gles-draws.h"
#include "state.h"
#include "shared.h"
#include "stream.h"

/* The payload of one command, header excluded. */
#define MAX_PAYLOAD (GL_MAX_COMMAND - 8u)

/* glVertexAttribPointer and glVertexAttribIPointer: an attribute in a buffer
 * object is sent now (as an offset), one in client memory with each draw. */
static void attrib_pointer(GLuint index, GLint size, GLenum type, GLboolean normalized,
                           GLsizei stride, const void *pointer, bool integer)
{
	struct gl_enc *e = gl_enc_current_op(integer ? GLES_OP_glVertexAttribIPointer
	                                             : GLES_OP_glVertexAttribPointer);
	if (!e)
		return;
	struct ge_gl_state *gl = e->gl;
	/* Desktop OpenGL's ARB_vertex_array_bgra (core 3.2): four normalized components,
	 * in B, G, R, A order. */
	bool bgra = size == GL_BGRA_EXT && gl->ps.desktop && !integer;
	if (index >= gl->max_attribs || (!bgra && (size < 1 || size > 4)) || stride < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	/* GL_UNSIGNED_INT_10F_11F_11F_REV is OpenGL 4.4's (its extension is not offered below). */
	bool desktop_ok = gl->ps.desktop && ge_attrib_type_desktop(type) &&
	                  (type != GL_UNSIGNED_INT_10F_11F_11F_REV ||
	                   gl->api->level.version >= GL_VERSION_CODE(4, 4));
	bool known = ge_attrib_type_size(type) || desktop_ok;
	if (!known || (integer && !ge_attrib_type_integer(type))) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!ge_attrib_elem_bytes(size, type, gl->ps.desktop) || (bgra && !normalized)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	/* OpenGL ES 3: client memory only with the default vertex array. */
	if (!gl->array_buffer && gl->vao_name && pointer) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	struct ge_attrib *a = &gl->vao->attribs[index];
	a->size = size;
	a->type = type;
	a->normalized = normalized != GL_FALSE;
	a->integer = integer;
	a->stride = stride;
	a->pointer = pointer;
	a->buffer = gl->array_buffer;
	a->binding = index;
	gl->vao->binding_buffers[index] = gl->array_buffer;
	/* In a vertex array object with no buffer (the pointer NULL, as checked above) GL
	 * sets the format alone, which glVertexAttribBinding may point at another binding's
	 * buffer: it travels. A client array of the default one travels with each draw. */
	if (!a->buffer && !gl->vao_name)
		return;
	if (integer)
		gl_enc_glVertexAttribIPointer(index, size, type, stride, pointer);
	else
		gl_enc_glVertexAttribPointer(index, size, type, normalized, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glVertexAttribPointer(GLuint index, GLint size, GLenum type,
                                                      GLboolean normalized, GLsizei stride,
                                                      const void *pointer)
{
	attrib_pointer(index, size, type, normalized, stride, pointer, false);
}

void GL_APIENTRY gl_enc_special_glVertexAttribIPointer(GLuint index, GLint size, GLenum type,
                                                       GLsizei stride, const void *pointer)
{
	attrib_pointer(index, size, type, GL_FALSE, stride, pointer, true);
}

/* The vertices [first, first + count) of array `slot` (GE_ARRAY_SLOTS), which travels as
 * (kind, index): the header alone where they are the ones it last sent
 * (gles-array-again.c), else with them. */
static bool send_array(struct gl_enc *e, uint32_t slot, uint32_t kind, uint32_t index,
                       const struct ge_attrib *a, uint32_t first, uint32_t count)
{
	/* A compatibility context's fixed-function arrays take desktop GL's
	 * formats (GL_DOUBLE, GL_BGRA colours). */
	uint32_t elem = kind != GL_ARRAY_ATTRIB && ge_gl_is_compat(e->gl)
	                        ? gl_client_array_compat_bytes(kind, (uint32_t)a->size, a->type)
	                        : ge_attrib_elem_bytes(a->size, a->type, e->gl->ps.desktop);
	uint64_t bytes = (uint64_t)count * elem;
	struct gl_client_array h = {
	        .array = kind,
	        .index = index,
	        .size = (uint32_t)a->size,
	        .type = a->type,
	        .mode = kind != GL_ARRAY_ATTRIB ? GL_CLIENT_ARRAY_FLOAT
	                : a->integer            ? GL_CLIENT_ARRAY_INTEGER
	                : a->normalized         ? GL_CLIENT_ARRAY_NORMALIZED
	                                        : GL_CLIENT_ARRAY_FLOAT,
	        .first = first,
	        .count = count,
	};
	if (bytes + sizeof(h) + 4 > MAX_PAYLOAD) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return false;
	}
	if (ge_array_again(e->gl, slot, &h, a->pointer, elem, (uint32_t)a->stride))
		return ge_stream_op(e, GL_OP_CLIENT_ARRAY_AGAIN, &h, sizeof(h));
	/* Big arrays go into the stream's shared memory (shared.c). */
	uint64_t pos;
	uint8_t *shared = ge_shared_reserve(e, (uint32_t)bytes, &pos);
	if (shared) {
		ge_pack_vertices(shared, a->pointer, first, count, elem, (uint32_t)a->stride);
		uint8_t *p = ge_stream_op_begin(e, GL_OP_CLIENT_ARRAY, &h, sizeof(h), 16);
		if (!p)
			return false;
		p = ge_put_u32(p, GL_BLOB_SHARED);
		p = ge_put_u32(p, (uint32_t)bytes);
		p = ge_put_u32(p, (uint32_t)pos);
		ge_put_u32(p, (uint32_t)(pos >> 32));
		gl_enc_end(e);
		ge_array_sent(e->gl, slot, &h, shared, (uint32_t)bytes);
		return true;
	}
	uint8_t *p = ge_stream_op_begin(e, GL_OP_CLIENT_ARRAY, &h, sizeof(h),
	                                ge_blob_size((uint32_t)bytes));
	if (!p)
		return false;
	p = ge_put_u32(p, (uint32_t)bytes);
	ge_pack_vertices(p, a->pointer, first, count, elem, (uint32_t)a->stride);
	uint32_t pad = ((uint32_t)bytes + 3u) & ~3u;
	for (uint32_t i = (uint32_t)bytes; i < pad; i++)
		p[i] = 0;
	/* Noted before the command is ended: the stream may send it from p at once. */
	ge_array_sent(e->gl, slot, &h, p, (uint32_t)bytes);
	gl_enc_end(e);
	return true;
}

/* The arrays a draw of this context reads: the fixed-function ones (set
 * 0) for OpenGL ES 1 and the compatibility profile, the generic attributes
 * (set 1) for every API but ES 1. NULL for a set the context lacks. */
static struct ge_attrib *array_set(struct ge_gl_state *gl, int set, uint32_t *n)
{
	if (set == 0) {
		*n = GE_FF_TEXCOORD0 + gl->max_texture_units;
		return ge_gl_is_es1(gl) || ge_gl_is_compat(gl) ? gl->vao->ff : NULL;
	}
	*n = gl->max_attribs;
	return ge_gl_is_es1(gl) ? NULL : gl->vao->attribs;
}

bool ge_has_client_arrays(struct ge_gl_state *gl)
{
	for (int set = 0; set < 2; set++) {
		uint32_t n;
		const struct ge_attrib *arrays = array_set(gl, set, &n);
		for (uint32_t i = 0; arrays && i < n; i++) {
			const struct ge_attrib *a = &arrays[i];
			if (a->enabled && !a->buffer && a->pointer)
				return true;
		}
	}
	return false;
}

/* An enabled array with no buffer and a NULL pointer is left alone
 * (natively the draw would read address 0). */
static bool send_set(struct gl_enc *e, int set, uint64_t first, uint64_t count, uint64_t instances,
                     uint64_t base);

bool ge_send_arrays(struct gl_enc *e, uint64_t first, uint64_t count, uint64_t instances,
                    uint64_t base)
{
	struct ge_gl_state *gl = e->gl;
	if (!count || !instances || !ge_has_client_arrays(gl))
		return true;
	if (first + count > UINT32_MAX) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return false;
	}
	for (int set = 0; set < 2; set++) {
		if (!send_set(e, set, first, count, instances, base))
			return false;
	}
	return true;
}

static bool send_set(struct gl_enc *e, int set, uint64_t first, uint64_t count, uint64_t instances,
                     uint64_t base)
{
	uint32_t n;
	const struct ge_attrib *arrays = array_set(e->gl, set, &n);
	for (uint32_t i = 0; arrays && i < n; i++) {
		const struct ge_attrib *a = &arrays[i];
		uint32_t kind = GL_ARRAY_ATTRIB, index = i;
		if (!a->enabled || a->buffer || !a->pointer)
			continue;
		if (set == 0)
			ge_ff_wire(i, &kind, &index);
		uint64_t from = first, k = count;
		if (a->divisor) {
			from = base;
			k = (instances + a->divisor - 1) / a->divisor;
			if (from + k > UINT32_MAX) {
				gl_enc_error(e, GL_OUT_OF_MEMORY);
				return false;
			}
		}
		uint32_t slot = set == 0 ? GE_MAX_ATTRIBS + i : i;
		if (!send_array(e, slot, kind, index, a, (uint32_t)from, (uint32_t)k))
			return false;
	}
	return true;
}

bool ge_send_element_arrays(struct gl_enc *e, uint32_t i)
{
	for (int set = 0; set < 2; set++) {
		uint32_t n;
		const struct ge_attrib *arrays = array_set(e->gl, set, &n);
		for (uint32_t j = 0; arrays && j < n; j++) {
			const struct ge_attrib *a = &arrays[j];
			uint32_t kind = GL_ARRAY_ATTRIB, index = j;
			if (!a->enabled || a->buffer || !a->pointer)
				continue;
			if (set == 0)
				ge_ff_wire(j, &kind, &index);
			uint32_t slot = set == 0 ? GE_MAX_ATTRIBS + j : j;
			if (!send_array(e, slot, kind, index, a, i, 1))
				return false;
		}
	}
	return true;
}

static void draw_arrays(uint32_t op, GLenum mode, GLint first, GLsizei count, GLsizei instances,
                        GLuint baseinstance)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	if (first < 0 || count < 0 || instances < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (!ge_send_arrays(e, (uint64_t)first, (uint64_t)count, (uint64_t)instances, baseinstance))
		return;
	if (op == GLES_OP_glDrawArraysInstancedBaseInstanceEXT)
		gl_enc_glDrawArraysInstancedBaseInstanceEXT(mode, first, count, instances,
		                                            baseinstance);
	else if (op == GLES_OP_glDrawArraysInstanced)
		gl_enc_glDrawArraysInstanced(mode, first, count, instances);
	else if (op == GLES_OP_glDrawArraysInstancedEXT)
		gl_enc_glDrawArraysInstancedEXT(mode, first, count, instances);
	else
		gl_enc_glDrawArrays(mode, first, count);
}

void GL_APIENTRY gl_enc_special_glDrawArrays(GLenum mode, GLint first, GLsizei count)
{
	draw_arrays(GLES_OP_glDrawArrays, mode, first, count, 1, 0);
}

void GL_APIENTRY gl_enc_special_glDrawArraysInstanced(GLenum mode, GLint first, GLsizei count,
                                                      GLsizei instancecount)
{
	draw_arrays(GLES_OP_glDrawArraysInstanced, mode, first, count, instancecount, 0);
}

/* GL_EXT_draw_instanced: ES 2's name of the same draw. */
void GL_APIENTRY gl_enc_special_glDrawArraysInstancedEXT(GLenum mode, GLint start, GLsizei count,
                                                         GLsizei primcount)
{
	draw_arrays(GLES_OP_glDrawArraysInstancedEXT, mode, start, count, primcount, 0);
}

void GL_APIENTRY gl_enc_special_glDrawArraysInstancedBaseInstanceEXT(GLenum mode, GLint first,
                                                                     GLsizei count,
                                                                     GLsizei instancecount,
                                                                     GLuint baseinstance)
{
	draw_arrays(GLES_OP_glDrawArraysInstancedBaseInstanceEXT, mode, first, count, instancecount,
	            baseinstance);
}

bool ge_buffer_index_range(struct gl_enc *e, uint32_t type, uint64_t offset, uint32_t count,
                           uint32_t isz, uint64_t skip, uint32_t *min, uint32_t *max)
{
	void *tmp = malloc((size_t)count * isz);
	bool ok = tmp &&
	          ge_buffer_read(e, GL_ELEMENT_ARRAY_BUFFER, offset, (uint64_t)count * isz, tmp);
	ok = ok && ge_index_range(type, tmp, count, skip, min, max);
	free(tmp);
	return ok;
}

/* One indexed draw as every glDraw*Elements* travels (gles-codec.h): u32
 * mode, [u32 start, u32 end,] i32 count, u32 type, u64 offset, [i32
 * instances,] [i32 basevertex,] [u32 baseinstance,] blob indices; which
 * of the optional fields the command has: gl_elements_fields(op). */
struct elements_draw {
	uint32_t op;
	GLenum mode, type;
	GLsizei count, instances;
	GLuint start, end; /* glDrawRange* */
	GLint basevertex;
	GLuint baseinstance;
};

static void send_draw(struct gl_enc *e, const struct elements_draw *d, uint64_t offset,
                      const void *indices, uint32_t bytes)
{
	uint32_t blob = indices ? ge_blob_size(bytes) : 4;
	uint32_t fields = gl_elements_fields(d->op);
	uint8_t *p = gl_enc_begin(e, d->op, 20 + gl_elements_extra_bytes(fields) + blob);
	if (!p)
		return;
	p = ge_put_u32(p, d->mode);
	if (fields & GL_ELEMENTS_RANGE) {
		p = ge_put_u32(p, d->start);
		p = ge_put_u32(p, d->end);
	}
	p = ge_put_u32(p, (uint32_t)d->count);
	p = ge_put_u32(p, d->type);
	p = ge_put_u64(p, offset);
	if (fields & GL_ELEMENTS_INSTANCES)
		p = ge_put_u32(p, (uint32_t)d->instances);
	if (fields & GL_ELEMENTS_BASE_VERTEX)
		p = ge_put_u32(p, (uint32_t)d->basevertex);
	if (fields & GL_ELEMENTS_BASE_INSTANCE)
		p = ge_put_u32(p, d->baseinstance);
	if (indices)
		ge_put_blob(p, indices, bytes);
	else
		ge_put_u32(p, GL_BLOB_NULL);
	gl_enc_end(e);
}

/* The client arrays of vertices [min, max] moved by the base vertex:
 * a vertex before the first cannot be sent (natively undefined, here
 * GL_INVALID_OPERATION and nothing drawn). */
static bool send_element_arrays(struct gl_enc *e, const struct elements_draw *d, uint32_t min,
                                uint32_t max)
{
	int64_t first = (int64_t)min + d->basevertex;
	if (first < 0) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return ge_send_arrays(e, (uint64_t)first, (uint64_t)max - min + 1, (uint64_t)d->instances,
	                      d->baseinstance);
}

static void draw_elements(const struct elements_draw *d, const void *indices)
{
	struct gl_enc *e = gl_enc_current_op(d->op);
	if (!e)
		return;
	int64_t isz = gl_index_size(d->type);
	if (isz <= 0) {
		gl_enc_error(e, isz < 0 ? gl_size_error(isz) : GL_INVALID_ENUM);
		return;
	}
	if (d->count < 0 || d->instances < 0 || d->end < d->start) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint64_t bytes = (uint64_t)d->count * (uint64_t)isz;
	uint64_t instances = (uint64_t)d->instances;
	uint32_t min = 0, max = 0;
	bool ranged = false;
	/* The restart index fetches no vertex (gl-restart-nv.c); it matters only
	 * for the range of client arrays sent. */
	bool client = ge_has_client_arrays(e->gl);
	uint64_t skip = client ? ge_restart_index(e->gl, (uint32_t)isz, d->mode) : GL_NO_RESTART;
	if (e->gl->vao->element_buffer) {
		uint64_t offset = (uintptr_t)indices;
		if (d->count && instances && client) {
			if (!ge_buffer_index_range(e, d->type, offset, (uint32_t)d->count,
			                           (uint32_t)isz, skip, &min, &max))
				return;
			ranged = true;
		}
		if (!ranged || send_element_arrays(e, d, min, max))
			send_draw(e, d, offset, NULL, 0);
		return;
	}
	if (d->count && !indices) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	if (bytes + 36 > MAX_PAYLOAD) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	if (d->count)
		ranged = ge_index_range(d->type, indices, (uint32_t)d->count, skip, &min, &max);
	if (!ranged || send_element_arrays(e, d, min, max))
		send_draw(e, d, 0, d->count ? indices : "", (uint32_t)bytes);
}

#define ELEMENTS(op, mode, type, count, instances)                                                 \
	(struct elements_draw)                                                                     \
	{                                                                                          \
		GLES_OP_##op, mode, type, count, instances, 0, 0, 0, 0                             \
	}

void GL_APIENTRY gl_enc_special_glDrawElements(GLenum mode, GLsizei count, GLenum type,
                                               const void *indices)
{
	struct elements_draw d = ELEMENTS(glDrawElements, mode, type, count, 1);
	draw_elements(&d, indices);
}

void GL_APIENTRY gl_enc_special_glDrawElementsInstanced(GLenum mode, GLsizei count, GLenum type,
                                                        const void *indices, GLsizei instancecount)
{
	struct elements_draw d =
	        ELEMENTS(glDrawElementsInstanced, mode, type, count, instancecount);
	draw_elements(&d, indices);
}

void GL_APIENTRY gl_enc_special_glDrawElementsInstancedEXT(GLenum mode, GLsizei count, GLenum type,
                                                           const void *indices, GLsizei primcount)
{
	struct elements_draw d = ELEMENTS(glDrawElementsInstancedEXT, mode, type, count, primcount);
	draw_elements(&d, indices);
}

/* start and end are the app's promise; the indices are what the host
 * checks and what the client arrays are sent for. */
void GL_APIENTRY gl_enc_special_glDrawRangeElements(GLenum mode, GLuint start, GLuint end,
                                                    GLsizei count, GLenum type, const void *indices)
{
	struct elements_draw d = ELEMENTS(glDrawRangeElements, mode, type, count, 1);
	d.start = start;
	d.end = end;
	draw_elements(&d, indices);
}

/* ---- ES 3.2 and GL_OES/EXT_draw_elements_base_vertex, GL_EXT_base_instance ---- */

#define BASE_VERTEX(op)                                                                            \
	void GL_APIENTRY gl_enc_special_##op(GLenum mode, GLsizei count, GLenum type,              \
	                                     const void *indices, GLint basevertex)                \
	{                                                                                          \
		struct elements_draw d = ELEMENTS(op, mode, type, count, 1);                       \
		d.basevertex = basevertex;                                                         \
		draw_elements(&d, indices);                                                        \
	}
#define RANGE_BASE_VERTEX(op)                                                                      \
	void GL_APIENTRY gl_enc_special_##op(GLenum mode, GLuint start, GLuint end, GLsizei count, \
	                                     GLenum type, const void *indices, GLint basevertex)   \
	{                                                                                          \
		struct elements_draw d = ELEMENTS(op, mode, type, count, 1);                       \
		d.start = start;                                                                   \
		d.end = end;                                                                       \
		d.basevertex = basevertex;                                                         \
		draw_elements(&d, indices);                                                        \
	}
#define INSTANCED_BASE_VERTEX(op)                                                                  \
	void GL_APIENTRY gl_enc_special_##op(GLenum mode, GLsizei count, GLenum type,              \
	                                     const void *indices, GLsizei instancecount,           \
	                                     GLint basevertex)                                     \
	{                                                                                          \
		struct elements_draw d = ELEMENTS(op, mode, type, count, instancecount);           \
		d.basevertex = basevertex;                                                         \
		draw_elements(&d, indices);                                                        \
	}

BASE_VERTEX(glDrawElementsBaseVertex)
BASE_VERTEX(glDrawElementsBaseVertexOES)
BASE_VERTEX(glDrawElementsBaseVertexEXT)
RANGE_BASE_VERTEX(glDrawRangeElementsBaseVertex)
RANGE_BASE_VERTEX(glDrawRangeElementsBaseVertexOES)
RANGE_BASE_VERTEX(glDrawRangeElementsBaseVertexEXT)
INSTANCED_BASE_VERTEX(glDrawElementsInstancedBaseVertex)
INSTANCED_BASE_VERTEX(glDrawElementsInstancedBaseVertexOES)
INSTANCED_BASE_VERTEX(glDrawElementsInstancedBaseVertexEXT)

void GL_APIENTRY gl_enc_special_glDrawElementsInstancedBaseInstanceEXT(GLenum mode, GLsizei count,
                                                                       GLenum type,
                                                                       const void *indices,
                                                                       GLsizei instancecount,
                                                                       GLuint baseinstance)
{
	struct elements_draw d =
	        ELEMENTS(glDrawElementsInstancedBaseInstanceEXT, mode, type, count, instancecount);
	d.baseinstance = baseinstance;
	draw_elements(&d, indices);
}

void GL_APIENTRY gl_enc_special_glDrawElementsInstancedBaseVertexBaseInstanceEXT(
        GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
        GLint basevertex, GLuint baseinstance)
{
	struct elements_draw d = ELEMENTS(glDrawElementsInstancedBaseVertexBaseInstanceEXT, mode,
	                                  type, count, instancecount);
	d.basevertex = basevertex;
	d.baseinstance = baseinstance;
	draw_elements(&d, indices);
}
