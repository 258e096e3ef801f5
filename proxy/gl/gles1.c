/*
 * OpenGL ES 1.1's client state: the fixed-function vertex arrays
 * (glVertexPointer, glNormalPointer, glColorPointer, glTexCoordPointer per
 * glClientActiveTexture unit, glPointSizePointerOES), their enables and
 * queries. As with glVertexAttribPointer, an array in a GL_ARRAY_BUFFER
 * travels at once as an offset; one in the app's memory is remembered and
 * its data travels with each draw (gles-draw.c, GL_OP_CLIENT_ARRAY).
 */
#include <GLES/gl.h>
#include <GLES/glext.h>

#include "arrays.h"
#include "debug.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

bool ge_gl_is_es1(const struct ge_gl_state *gl)
{
	return gl->api->level.api == GL_API_GLES1;
}

bool ge_gl_is_compat(const struct ge_gl_state *gl)
{
	return gl->api->level.api == GL_API_GL_COMPAT;
}

/* The compatibility profile's caps (the ES headers have none of them). */
enum {
	EDGE_FLAG_ARRAY = 0x8079,
	INDEX_ARRAY = 0x8077,
	FOG_COORD_ARRAY = 0x8457,
	SECONDARY_COLOR_ARRAY = 0x845E,
};

void ge_ff_wire(uint32_t slot, uint32_t *kind, uint32_t *index)
{
	static const uint32_t kinds[GE_FF_TEXCOORD0] = {
	        [GE_FF_VERTEX] = GL_ARRAY_VERTEX,
	        [GE_FF_NORMAL] = GL_ARRAY_NORMAL,
	        [GE_FF_COLOR] = GL_ARRAY_COLOR,
	        [GE_FF_POINT_SIZE] = GL_ARRAY_POINT_SIZE,
	        [GE_FF_EDGE_FLAG] = GL_ARRAY_EDGE_FLAG,
	        [GE_FF_INDEX] = GL_ARRAY_INDEX,
	        [GE_FF_FOG_COORD] = GL_ARRAY_FOG_COORD,
	        [GE_FF_SECONDARY_COLOR] = GL_ARRAY_SECONDARY_COLOR,
	};
	*kind = slot < GE_FF_TEXCOORD0 ? kinds[slot] : GL_ARRAY_TEXCOORD;
	*index = slot < GE_FF_TEXCOORD0 ? 0 : slot - GE_FF_TEXCOORD0;
}

/* The array a glEnableClientState cap names, -1 for none. Texture
 * coordinates are the client active unit's. */
static int slot_of_cap(const struct ge_gl_state *gl, uint32_t cap)
{
	switch (cap) {
	case GL_VERTEX_ARRAY:
		return GE_FF_VERTEX;
	case GL_NORMAL_ARRAY:
		return GE_FF_NORMAL;
	case GL_COLOR_ARRAY:
		return GE_FF_COLOR;
	case GL_POINT_SIZE_ARRAY_OES:
		return ge_gl_is_es1(gl) ? GE_FF_POINT_SIZE : -1;
	case GL_TEXTURE_COORD_ARRAY:
		return GE_FF_TEXCOORD0 + (int)gl->client_unit;
	}
	if (!ge_gl_is_compat(gl))
		return -1;
	switch (cap) {
	case EDGE_FLAG_ARRAY:
		return GE_FF_EDGE_FLAG;
	case INDEX_ARRAY:
		return GE_FF_INDEX;
	case FOG_COORD_ARRAY:
		return GE_FF_FOG_COORD;
	case SECONDARY_COLOR_ARRAY:
		return GE_FF_SECONDARY_COLOR;
	}
	return -1;
}

/* The same for glGetPointerv's pnames. */
static int slot_of_pointer(const struct ge_gl_state *gl, uint32_t pname)
{
	switch (pname) {
	case GL_VERTEX_ARRAY_POINTER:
		return GE_FF_VERTEX;
	case GL_NORMAL_ARRAY_POINTER:
		return GE_FF_NORMAL;
	case GL_COLOR_ARRAY_POINTER:
		return GE_FF_COLOR;
	case GL_POINT_SIZE_ARRAY_POINTER_OES:
		return GE_FF_POINT_SIZE;
	case GL_TEXTURE_COORD_ARRAY_POINTER:
		return GE_FF_TEXCOORD0 + (int)gl->client_unit;
	case 0x8093: /* GL_EDGE_FLAG_ARRAY_POINTER */
		return ge_gl_is_compat(gl) ? GE_FF_EDGE_FLAG : -1;
	case 0x8091: /* GL_INDEX_ARRAY_POINTER */
		return ge_gl_is_compat(gl) ? GE_FF_INDEX : -1;
	case 0x8456: /* GL_FOG_COORD_ARRAY_POINTER */
		return ge_gl_is_compat(gl) ? GE_FF_FOG_COORD : -1;
	case 0x845D: /* GL_SECONDARY_COLOR_ARRAY_POINTER */
		return ge_gl_is_compat(gl) ? GE_FF_SECONDARY_COLOR : -1;
	}
	return -1;
}

/* glXxxPointer: GL's errors, then the array's new state; the command
 * travels only when the data is in a buffer (the pointer an offset). */
static bool set_pointer(uint32_t op, uint32_t slot, GLint size, GLenum type, GLsizei stride,
                        const void *pointer)
{
	/* GL_INVALID_OPERATION in a context of another API. */
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return false;
	uint32_t kind, index;
	ge_ff_wire(slot, &kind, &index);
	struct ge_gl_state *gl = e->gl;
	if (ge_gl_is_compat(gl)) {
		/* The compatibility profile's wider formats; GL says
		 * GL_INVALID_VALUE for a size, GL_INVALID_ENUM for a type, and
		 * GL_INVALID_OPERATION for a pair (a packed type, GL_BGRA). */
		if (stride < 0 || size < 0) {
			gl_enc_error(e, GL_INVALID_VALUE);
			return false;
		}
		if (!gl_client_array_compat_bytes(kind, (uint32_t)size, type)) {
			uint32_t any = gl_client_array_compat_bytes(
			                       kind, kind == GL_ARRAY_NORMAL ? 3 : 1, type) ||
			               gl_client_array_compat_bytes(kind, 4, type);
			gl_enc_error(e, !any                           ? GL_INVALID_ENUM
			                : size == 0x80E1 /* GL_BGRA */ ? GL_INVALID_OPERATION
			                                               : GL_INVALID_VALUE);
			return false;
		}
	} else {
		if (size < 0 || !gl_client_array_size_ok(kind, (uint32_t)size) || stride < 0) {
			gl_enc_error(e, GL_INVALID_VALUE);
			return false;
		}
		if (!gl_client_array_type_ok(kind, type)) {
			gl_enc_error(e, GL_INVALID_ENUM);
			return false;
		}
	}
	struct ge_attrib *a = &gl->vao->ff[slot];
	a->size = size;
	a->type = type;
	a->stride = stride;
	a->pointer = pointer;
	a->buffer = gl->array_buffer;
	return a->buffer != 0;
}

void GL_APIENTRY gl_enc_special_glVertexPointer(GLint size, GLenum type, GLsizei stride,
                                                const void *pointer)
{
	if (set_pointer(GLES_OP_glVertexPointer, GE_FF_VERTEX, size, type, stride, pointer))
		gl_enc_glVertexPointer(size, type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glNormalPointer(GLenum type, GLsizei stride, const void *pointer)
{
	if (set_pointer(GLES_OP_glNormalPointer, GE_FF_NORMAL, 3, type, stride, pointer))
		gl_enc_glNormalPointer(type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glColorPointer(GLint size, GLenum type, GLsizei stride,
                                               const void *pointer)
{
	if (set_pointer(GLES_OP_glColorPointer, GE_FF_COLOR, size, type, stride, pointer))
		gl_enc_glColorPointer(size, type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glTexCoordPointer(GLint size, GLenum type, GLsizei stride,
                                                  const void *pointer)
{
	struct ge_gl_state *gl = ge_gl_current();
	if (gl && set_pointer(GLES_OP_glTexCoordPointer, GE_FF_TEXCOORD0 + gl->client_unit, size,
	                      type, stride, pointer))
		gl_enc_glTexCoordPointer(size, type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glPointSizePointerOES(GLenum type, GLsizei stride,
                                                      const void *pointer)
{
	if (set_pointer(GLES_OP_glPointSizePointerOES, GE_FF_POINT_SIZE, 1, type, stride, pointer))
		gl_enc_glPointSizePointerOES(type, stride, pointer);
}

/* The compatibility profile's arrays, as the others (gl-compat-annotations.txt). */
void GL_APIENTRY gl_enc_special_glEdgeFlagPointer(GLsizei stride, const void *pointer)
{
	if (set_pointer(GLES_OP_glEdgeFlagPointer, GE_FF_EDGE_FLAG, 1, GL_UNSIGNED_BYTE, stride,
	                pointer))
		gl_enc_glEdgeFlagPointer(stride, pointer);
}

void GL_APIENTRY gl_enc_special_glIndexPointer(GLenum type, GLsizei stride, const void *pointer)
{
	if (set_pointer(GLES_OP_glIndexPointer, GE_FF_INDEX, 1, type, stride, pointer))
		gl_enc_glIndexPointer(type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glFogCoordPointer(GLenum type, GLsizei stride, const void *pointer)
{
	if (set_pointer(GLES_OP_glFogCoordPointer, GE_FF_FOG_COORD, 1, type, stride, pointer))
		gl_enc_glFogCoordPointer(type, stride, pointer);
}

void GL_APIENTRY gl_enc_special_glSecondaryColorPointer(GLint size, GLenum type, GLsizei stride,
                                                        const void *pointer)
{
	if (set_pointer(GLES_OP_glSecondaryColorPointer, GE_FF_SECONDARY_COLOR, size, type, stride,
	                pointer))
		gl_enc_glSecondaryColorPointer(size, type, stride, pointer);
}

/* The hooks run after the command was queued; a cap GL refuses changes
 * nothing there either. */
void gl_enc_hook_glEnableClientState(struct gl_enc *e, GLenum array)
{
	if (ge_restart_nv_cap(e->gl, array, true))
		return;
	int slot = slot_of_cap(e->gl, array);
	if (slot >= 0)
		e->gl->vao->ff[slot].enabled = true;
}

void gl_enc_hook_glDisableClientState(struct gl_enc *e, GLenum array)
{
	if (ge_restart_nv_cap(e->gl, array, false))
		return;
	int slot = slot_of_cap(e->gl, array);
	if (slot >= 0)
		e->gl->vao->ff[slot].enabled = false;
}

void gl_enc_hook_glClientActiveTexture(struct gl_enc *e, GLenum texture)
{
	if (texture >= GL_TEXTURE0 && texture - GL_TEXTURE0 < e->gl->max_texture_units)
		e->gl->client_unit = texture - GL_TEXTURE0;
}

void ge_get_pointer(struct gl_enc *e, GLenum pname, void **params)
{
	if (ge_debug_pointer(e, pname, params))
		return;
	bool ff = ge_gl_is_es1(e->gl) || ge_gl_is_compat(e->gl);
	int slot = ff ? slot_of_pointer(e->gl, pname) : -1;
	if (slot < 0) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	*params = (void *)e->gl->vao->ff[slot].pointer;
}

/* OpenGL ES 1's, and ES 3.2's for GL_KHR_debug (gles-debug.c has the KHR name). */
void GL_APIENTRY gl_enc_special_glGetPointerv(GLenum pname, void **params)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetPointerv);
	if (e && params)
		ge_get_pointer(e, pname, params);
}

/* The array a *_SIZE, *_TYPE, *_STRIDE or *_BUFFER_BINDING pname is
 * about, and which field (0..3); -1 for none. */
static int array_field(const struct ge_gl_state *gl, uint32_t pname, int *field)
{
	static const struct {
		uint32_t pname;
		int slot, field;
	} fields[] = {
	        {GL_VERTEX_ARRAY_SIZE, GE_FF_VERTEX, 0},
	        {GL_VERTEX_ARRAY_TYPE, GE_FF_VERTEX, 1},
	        {GL_VERTEX_ARRAY_STRIDE, GE_FF_VERTEX, 2},
	        {GL_VERTEX_ARRAY_BUFFER_BINDING, GE_FF_VERTEX, 3},
	        {GL_NORMAL_ARRAY_TYPE, GE_FF_NORMAL, 1},
	        {GL_NORMAL_ARRAY_STRIDE, GE_FF_NORMAL, 2},
	        {GL_NORMAL_ARRAY_BUFFER_BINDING, GE_FF_NORMAL, 3},
	        {GL_COLOR_ARRAY_SIZE, GE_FF_COLOR, 0},
	        {GL_COLOR_ARRAY_TYPE, GE_FF_COLOR, 1},
	        {GL_COLOR_ARRAY_STRIDE, GE_FF_COLOR, 2},
	        {GL_COLOR_ARRAY_BUFFER_BINDING, GE_FF_COLOR, 3},
	        {GL_POINT_SIZE_ARRAY_TYPE_OES, GE_FF_POINT_SIZE, 1},
	        {GL_POINT_SIZE_ARRAY_STRIDE_OES, GE_FF_POINT_SIZE, 2},
	        {GL_POINT_SIZE_ARRAY_BUFFER_BINDING_OES, GE_FF_POINT_SIZE, 3},
	        {GL_TEXTURE_COORD_ARRAY_SIZE, GE_FF_TEXCOORD0, 0},
	        {GL_TEXTURE_COORD_ARRAY_TYPE, GE_FF_TEXCOORD0, 1},
	        {GL_TEXTURE_COORD_ARRAY_STRIDE, GE_FF_TEXCOORD0, 2},
	        {GL_TEXTURE_COORD_ARRAY_BUFFER_BINDING, GE_FF_TEXCOORD0, 3},
	        /* The compatibility profile's (GL 4.5 compatibility, table 23.4). */
	        {0x8085 /* GL_INDEX_ARRAY_TYPE */, GE_FF_INDEX, 1},
	        {0x8086 /* GL_INDEX_ARRAY_STRIDE */, GE_FF_INDEX, 2},
	        {0x8899 /* GL_INDEX_ARRAY_BUFFER_BINDING */, GE_FF_INDEX, 3},
	        {0x808C /* GL_EDGE_FLAG_ARRAY_STRIDE */, GE_FF_EDGE_FLAG, 2},
	        {0x889B /* GL_EDGE_FLAG_ARRAY_BUFFER_BINDING */, GE_FF_EDGE_FLAG, 3},
	        {0x8454 /* GL_FOG_COORD_ARRAY_TYPE */, GE_FF_FOG_COORD, 1},
	        {0x8455 /* GL_FOG_COORD_ARRAY_STRIDE */, GE_FF_FOG_COORD, 2},
	        {0x889D /* GL_FOG_COORD_ARRAY_BUFFER_BINDING */, GE_FF_FOG_COORD, 3},
	        {0x845A /* GL_SECONDARY_COLOR_ARRAY_SIZE */, GE_FF_SECONDARY_COLOR, 0},
	        {0x845B /* GL_SECONDARY_COLOR_ARRAY_TYPE */, GE_FF_SECONDARY_COLOR, 1},
	        {0x845C /* GL_SECONDARY_COLOR_ARRAY_STRIDE */, GE_FF_SECONDARY_COLOR, 2},
	        {0x889C /* GL_SECONDARY_COLOR_ARRAY_BUFFER_BINDING */, GE_FF_SECONDARY_COLOR, 3},
	};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].pname != pname)
			continue;
		*field = fields[i].field;
		return fields[i].slot == GE_FF_TEXCOORD0 ? GE_FF_TEXCOORD0 + (int)gl->client_unit
		                                         : fields[i].slot;
	}
	return -1;
}

bool ge_ff_value(const struct ge_gl_state *gl, uint32_t pname, float *v)
{
	int field, slot;
	if (pname == GL_CLIENT_ACTIVE_TEXTURE) {
		v[0] = (float)(GL_TEXTURE0 + gl->client_unit);
		return true;
	}
	/* The compatibility profile's GL_MAX_TEXTURE_UNITS is its driver's. */
	if (pname == GL_MAX_TEXTURE_UNITS && ge_gl_is_es1(gl)) {
		v[0] = (float)gl->max_texture_units;
		return true;
	}
	if ((slot = slot_of_cap(gl, pname)) >= 0) {
		v[0] = gl->vao->ff[slot].enabled;
		return true;
	}
	if ((slot = array_field(gl, pname, &field)) < 0)
		return false;
	const struct ge_attrib *a = &gl->vao->ff[slot];
	/* GL's initial values: 4 components of GL_FLOAT (normals and secondary
	 * colours 3); edge flags are unsigned bytes. */
	uint32_t size = a->size                                                 ? (uint32_t)a->size
	                : slot == GE_FF_NORMAL || slot == GE_FF_SECONDARY_COLOR ? 3
	                                                                        : 4;
	uint32_t type = a->type ? a->type : slot == GE_FF_EDGE_FLAG ? GL_UNSIGNED_BYTE : GL_FLOAT;
	const float values[4] = {(float)size, (float)type, (float)a->stride, (float)a->buffer};
	v[0] = values[field];
	return true;
}
