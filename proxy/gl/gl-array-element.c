/*
 * glArrayElement (compatibility profile). GL says it is the immediate
 * commands that send element i of every enabled array (GL 4.5
 * compatibility, section 10.8), which is how it travels where it can:
 *
 * - every enabled array in client memory: those commands, made here
 *   through the library's own encoders in the specification's order (edge
 *   flag, texture coordinates per unit, normal, colour, secondary colour,
 *   fog coordinate, colour index, generic attributes 1..n, then attribute 0
 *   or the vertex, which provokes), each in the array's own type and size,
 *   so that the host's driver converts as it would from the array;
 * - every enabled array in a buffer object: glArrayElement(i), which the
 *   host checks as the draw of vertex i it is (gpuhost/gl/array-element.c);
 * - some of each, outside glBegin/glEnd: element i of the client arrays
 *   travels as a draw's would (GL_OP_CLIENT_ARRAY), then glArrayElement(i);
 * - some of each between glBegin and glEnd: the host's driver would have to
 *   fetch from the buffers and from client memory in one command, and no
 *   upload can run there (GL refuses every command but the vertex ones):
 *   GL_INVALID_OPERATION, nothing sent (doc/desktop-gl-design.md).
 *
 * An enabled client array with a NULL pointer (natively a read of address
 * 0) is GL_INVALID_OPERATION too: nothing is read or sent. With
 * NV_primitive_restart on, the restart index is glPrimitiveRestartNV, as GL
 * says (GL 3.1's GL_PRIMITIVE_RESTART is not applied here: the library does
 * not follow it).
 */
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include <GLES3/gl3.h>

#include <gpupipe/log.h>

#include "arrays.h"
#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

enum {
	DOUBLE = 0x140A,
	HALF = 0x140B,
	HALF_OES = 0x8D61,
	BGRA = 0x80E1,
	I2101010 = 0x8D9F,
	U2101010 = 0x8368,
	U10F11F11F = 0x8C3B,
	COMPILE = 0x1300,
	MAX_ELEMENT = 32, /* four doubles */
};

/* The component types the typed immediate commands take. */
enum { T_B, T_UB, T_S, T_US, T_I, T_UI, T_F, T_D, T_COUNT };

static int type_index(uint32_t type)
{
	switch (type) {
	case GL_BYTE:
		return T_B;
	case GL_UNSIGNED_BYTE:
		return T_UB;
	case GL_SHORT:
		return T_S;
	case GL_UNSIGNED_SHORT:
		return T_US;
	case GL_INT:
		return T_I;
	case GL_UNSIGNED_INT:
		return T_UI;
	case GL_FLOAT:
		return T_F;
	case DOUBLE:
		return T_D;
	}
	return -1;
}

/* ---- the library's entry points, as one signature per kind ---- */

typedef void (*vec_fn)(const void *v);
typedef void (*unit_fn)(GLenum target, const void *v);
typedef void (*attrib_fn)(GLuint index, const void *v);

#define VEC(name, T)                                                                               \
	static void w_##name(const void *v)                                                        \
	{                                                                                          \
		gl_enc_##name((const T *)v);                                                       \
	}
#define UNIT(name, T)                                                                              \
	static void w_##name(GLenum target, const void *v)                                         \
	{                                                                                          \
		gl_enc_##name(target, (const T *)v);                                               \
	}
#define ATTRIB(name, T)                                                                            \
	static void w_##name(GLuint index, const void *v)                                          \
	{                                                                                          \
		gl_enc_##name(index, (const T *)v);                                                \
	}

VEC(glVertex2sv, GLshort)
VEC(glVertex2iv, GLint)
VEC(glVertex2fv, GLfloat)
VEC(glVertex2dv, GLdouble)
VEC(glVertex3sv, GLshort)
VEC(glVertex3iv, GLint)
VEC(glVertex3fv, GLfloat)
VEC(glVertex3dv, GLdouble)
VEC(glVertex4sv, GLshort)
VEC(glVertex4iv, GLint)
VEC(glVertex4fv, GLfloat)
VEC(glVertex4dv, GLdouble)
VEC(glNormal3bv, GLbyte)
VEC(glNormal3sv, GLshort)
VEC(glNormal3iv, GLint)
VEC(glNormal3fv, GLfloat)
VEC(glNormal3dv, GLdouble)
VEC(glColor3bv, GLbyte)
VEC(glColor3ubv, GLubyte)
VEC(glColor3sv, GLshort)
VEC(glColor3usv, GLushort)
VEC(glColor3iv, GLint)
VEC(glColor3uiv, GLuint)
VEC(glColor3fv, GLfloat)
VEC(glColor3dv, GLdouble)
VEC(glColor4bv, GLbyte)
VEC(glColor4ubv, GLubyte)
VEC(glColor4sv, GLshort)
VEC(glColor4usv, GLushort)
VEC(glColor4iv, GLint)
VEC(glColor4uiv, GLuint)
VEC(glColor4fv, GLfloat)
VEC(glColor4dv, GLdouble)
VEC(glSecondaryColor3bv, GLbyte)
VEC(glSecondaryColor3ubv, GLubyte)
VEC(glSecondaryColor3sv, GLshort)
VEC(glSecondaryColor3usv, GLushort)
VEC(glSecondaryColor3iv, GLint)
VEC(glSecondaryColor3uiv, GLuint)
VEC(glSecondaryColor3fv, GLfloat)
VEC(glSecondaryColor3dv, GLdouble)
VEC(glFogCoordfv, GLfloat)
VEC(glFogCoorddv, GLdouble)
VEC(glIndexubv, GLubyte)
VEC(glIndexsv, GLshort)
VEC(glIndexiv, GLint)
VEC(glIndexfv, GLfloat)
VEC(glIndexdv, GLdouble)
UNIT(glMultiTexCoord1sv, GLshort)
UNIT(glMultiTexCoord1iv, GLint)
UNIT(glMultiTexCoord1fv, GLfloat)
UNIT(glMultiTexCoord1dv, GLdouble)
UNIT(glMultiTexCoord2sv, GLshort)
UNIT(glMultiTexCoord2iv, GLint)
UNIT(glMultiTexCoord2fv, GLfloat)
UNIT(glMultiTexCoord2dv, GLdouble)
UNIT(glMultiTexCoord3sv, GLshort)
UNIT(glMultiTexCoord3iv, GLint)
UNIT(glMultiTexCoord3fv, GLfloat)
UNIT(glMultiTexCoord3dv, GLdouble)
UNIT(glMultiTexCoord4sv, GLshort)
UNIT(glMultiTexCoord4iv, GLint)
UNIT(glMultiTexCoord4fv, GLfloat)
UNIT(glMultiTexCoord4dv, GLdouble)
ATTRIB(glVertexAttrib4bv, GLbyte)
ATTRIB(glVertexAttrib4ubv, GLubyte)
ATTRIB(glVertexAttrib4sv, GLshort)
ATTRIB(glVertexAttrib4usv, GLushort)
ATTRIB(glVertexAttrib4iv, GLint)
ATTRIB(glVertexAttrib4uiv, GLuint)
ATTRIB(glVertexAttrib4fv, GLfloat)
ATTRIB(glVertexAttrib4Nbv, GLbyte)
ATTRIB(glVertexAttrib4Nubv, GLubyte)
ATTRIB(glVertexAttrib4Nsv, GLshort)
ATTRIB(glVertexAttrib4Nusv, GLushort)
ATTRIB(glVertexAttrib4Niv, GLint)
ATTRIB(glVertexAttrib4Nuiv, GLuint)
ATTRIB(glVertexAttribI4bv, GLbyte)
ATTRIB(glVertexAttribI4ubv, GLubyte)
ATTRIB(glVertexAttribI4sv, GLshort)
ATTRIB(glVertexAttribI4usv, GLushort)
ATTRIB(glVertexAttribI4iv, GLint)
ATTRIB(glVertexAttribI4uiv, GLuint)

/* By size (vertex 2..4, colour 3..4, texture coordinates 1..4) and type;
 * NULL where GL's array takes no such pair. */
static const vec_fn vertex_fns[3][T_COUNT] = {
        {[T_S] = w_glVertex2sv,
         [T_I] = w_glVertex2iv,
         [T_F] = w_glVertex2fv,
         [T_D] = w_glVertex2dv},
        {[T_S] = w_glVertex3sv,
         [T_I] = w_glVertex3iv,
         [T_F] = w_glVertex3fv,
         [T_D] = w_glVertex3dv},
        {[T_S] = w_glVertex4sv,
         [T_I] = w_glVertex4iv,
         [T_F] = w_glVertex4fv,
         [T_D] = w_glVertex4dv},
};
static const vec_fn normal_fns[T_COUNT] = {
        [T_B] = w_glNormal3bv, [T_S] = w_glNormal3sv, [T_I] = w_glNormal3iv,
        [T_F] = w_glNormal3fv, [T_D] = w_glNormal3dv,
};
static const vec_fn color_fns[2][T_COUNT] = {
        {w_glColor3bv, w_glColor3ubv, w_glColor3sv, w_glColor3usv, w_glColor3iv, w_glColor3uiv,
         w_glColor3fv, w_glColor3dv},
        {w_glColor4bv, w_glColor4ubv, w_glColor4sv, w_glColor4usv, w_glColor4iv, w_glColor4uiv,
         w_glColor4fv, w_glColor4dv},
};
static const vec_fn secondary_fns[T_COUNT] = {
        w_glSecondaryColor3bv,  w_glSecondaryColor3ubv, w_glSecondaryColor3sv,
        w_glSecondaryColor3usv, w_glSecondaryColor3iv,  w_glSecondaryColor3uiv,
        w_glSecondaryColor3fv,  w_glSecondaryColor3dv,
};
static const vec_fn fog_fns[T_COUNT] = {[T_F] = w_glFogCoordfv, [T_D] = w_glFogCoorddv};
static const vec_fn index_fns[T_COUNT] = {
        [T_UB] = w_glIndexubv, [T_S] = w_glIndexsv, [T_I] = w_glIndexiv,
        [T_F] = w_glIndexfv,   [T_D] = w_glIndexdv,
};
static const unit_fn texcoord_fns[4][T_COUNT] = {
        {[T_S] = w_glMultiTexCoord1sv,
         [T_I] = w_glMultiTexCoord1iv,
         [T_F] = w_glMultiTexCoord1fv,
         [T_D] = w_glMultiTexCoord1dv},
        {[T_S] = w_glMultiTexCoord2sv,
         [T_I] = w_glMultiTexCoord2iv,
         [T_F] = w_glMultiTexCoord2fv,
         [T_D] = w_glMultiTexCoord2dv},
        {[T_S] = w_glMultiTexCoord3sv,
         [T_I] = w_glMultiTexCoord3iv,
         [T_F] = w_glMultiTexCoord3fv,
         [T_D] = w_glMultiTexCoord3dv},
        {[T_S] = w_glMultiTexCoord4sv,
         [T_I] = w_glMultiTexCoord4iv,
         [T_F] = w_glMultiTexCoord4fv,
         [T_D] = w_glMultiTexCoord4dv},
};
/* Generic attributes, always in their four-component forms (below). */
static const attrib_fn attrib_fns[T_COUNT] = {
        w_glVertexAttrib4bv, w_glVertexAttrib4ubv, w_glVertexAttrib4sv, w_glVertexAttrib4usv,
        w_glVertexAttrib4iv, w_glVertexAttrib4uiv, w_glVertexAttrib4fv,
};
static const attrib_fn attrib_n_fns[T_COUNT] = {
        w_glVertexAttrib4Nbv,  w_glVertexAttrib4Nubv, w_glVertexAttrib4Nsv,
        w_glVertexAttrib4Nusv, w_glVertexAttrib4Niv,  w_glVertexAttrib4Nuiv,
};
static const attrib_fn attrib_i_fns[T_COUNT] = {
        w_glVertexAttribI4bv,  w_glVertexAttribI4ubv, w_glVertexAttribI4sv,
        w_glVertexAttribI4usv, w_glVertexAttribI4iv,  w_glVertexAttribI4uiv,
};

/* ---- element values ---- */

/* One element, aligned for any type; floats where the array's type has
 * no immediate command of its own (half floats, GL_UNSIGNED_INT_10F_11F_11F_REV,
 * GL_FIXED), converted exactly: each of those values is a float. */
union element {
	uint8_t b[MAX_ELEMENT];
	uint32_t u[MAX_ELEMENT / 4];
	float f[MAX_ELEMENT / 4];
};

static float half_value(uint16_t h)
{
	int e = h >> 10 & 31, m = h & 1023;
	float f = e == 0    ? ldexpf((float)m, -24)
	          : e == 31 ? (m ? NAN : INFINITY)
	                    : ldexpf((float)(m + 1024), e - 25);
	return h >> 15 ? -f : f;
}

/* An unsigned float of `bits` bits: five exponent bits, the rest mantissa. */
static float small_float(uint32_t v, int bits)
{
	int mbits = bits - 5;
	uint32_t e = v >> mbits & 31, m = v & ((1u << mbits) - 1);
	if (e == 31)
		return m ? NAN : INFINITY;
	return e ? ldexpf((float)(m + (1u << mbits)), (int)e - 15 - mbits)
	         : ldexpf((float)m, -14 - mbits);
}

/* Rewrites an element of a type without commands of its own as floats;
 * returns T_F, or the type's index (-1: none) for the others. */
static int to_floats(union element *v, uint32_t type, uint32_t comps)
{
	if (type == HALF || type == HALF_OES) {
		uint16_t h[4];
		memcpy(h, v->b, comps * 2);
		for (uint32_t c = 0; c < comps; c++)
			v->f[c] = half_value(h[c]);
		return T_F;
	}
	if (type == U10F11F11F) {
		uint32_t p = v->u[0];
		v->f[0] = small_float(p & 0x7ff, 11);
		v->f[1] = small_float(p >> 11 & 0x7ff, 11);
		v->f[2] = small_float(p >> 22, 10);
		return T_F;
	}
	if (type == GL_FIXED) {
		for (uint32_t c = 0; c < comps; c++)
			v->f[c] = (float)(int32_t)v->u[c] / 65536.0f;
		return T_F;
	}
	return type_index(type);
}

/* A GL_BGRA element in the RGBA order the immediate commands take. */
static void swizzle_bgra(union element *v, uint32_t type)
{
	if (type == I2101010 || type == U2101010) {
		uint32_t p = v->u[0];
		v->u[0] = (p & 0xfff00c00u) | (p >> 20 & 0x3ff) | (p & 0x3ff) << 20;
	} else {
		uint8_t b = v->b[0];
		v->b[0] = v->b[2];
		v->b[2] = b;
	}
}

static bool packed(uint32_t type)
{
	return type == I2101010 || type == U2101010;
}

/* The bytes of one element of array `a`, of wire kind `kind` (0 when GL
 * refuses the pair: the pointer command refused it, never kept). */
static uint32_t element_bytes(uint32_t kind, const struct ge_attrib *a)
{
	/* glArrayElement is the compatibility profile's: a desktop context. */
	return kind == GL_ARRAY_ATTRIB
	               ? ge_attrib_elem_bytes(a->size, a->type, true)
	               : gl_client_array_compat_bytes(kind, (uint32_t)a->size, a->type);
}

static bool read_element(uint32_t kind, const struct ge_attrib *a, uint32_t i, union element *v)
{
	uint32_t bytes = element_bytes(kind, a);
	if (!bytes || bytes > MAX_ELEMENT)
		return false;
	size_t stride = a->stride ? (size_t)a->stride : bytes;
	memset(v, 0, sizeof(*v));
	memcpy(v->b, (const uint8_t *)a->pointer + (size_t)i * stride, bytes);
	return true;
}

/* Sends fixed-function array `slot`'s element: the command it equals. */
static void send_ff(uint32_t slot, const struct ge_attrib *a, uint32_t i)
{
	uint32_t kind, unit;
	union element v;
	ge_ff_wire(slot, &kind, &unit);
	if (!read_element(kind, a, i, &v))
		return;
	uint32_t size = (uint32_t)a->size, type = a->type;
	bool bgra = size == BGRA;
	if (bgra) {
		swizzle_bgra(&v, type);
		size = 4;
	}
	if (packed(type)) {
		switch (kind) {
		case GL_ARRAY_VERTEX:
			gl_enc_glVertexP4ui(type, v.u[0]);
			break;
		case GL_ARRAY_NORMAL:
			gl_enc_glNormalP3ui(type, v.u[0]);
			break;
		case GL_ARRAY_COLOR:
			gl_enc_glColorP4ui(type, v.u[0]);
			break;
		case GL_ARRAY_SECONDARY_COLOR:
			gl_enc_glSecondaryColorP3ui(type, v.u[0]);
			break;
		case GL_ARRAY_TEXCOORD:
			gl_enc_glMultiTexCoordP4ui(GL_TEXTURE0 + unit, type, v.u[0]);
			break;
		}
		return;
	}
	int t = to_floats(&v, type, type == U10F11F11F ? 3 : size);
	if (type == U10F11F11F)
		size = 3;
	if (t < 0)
		return;
	vec_fn fn = NULL;
	switch (kind) {
	case GL_ARRAY_EDGE_FLAG:
		gl_enc_glEdgeFlagv(v.b);
		return;
	case GL_ARRAY_TEXCOORD:
		if (size >= 1 && size <= 4 && texcoord_fns[size - 1][t])
			texcoord_fns[size - 1][t](GL_TEXTURE0 + unit, v.b);
		return;
	case GL_ARRAY_VERTEX:
		fn = size >= 2 && size <= 4 ? vertex_fns[size - 2][t] : NULL;
		break;
	case GL_ARRAY_NORMAL:
		fn = normal_fns[t];
		break;
	case GL_ARRAY_COLOR:
		fn = size >= 3 && size <= 4 ? color_fns[size - 3][t] : NULL;
		break;
	case GL_ARRAY_SECONDARY_COLOR:
		fn = secondary_fns[t];
		break;
	case GL_ARRAY_FOG_COORD:
		fn = fog_fns[t];
		break;
	case GL_ARRAY_INDEX:
		fn = index_fns[t];
		break;
	}
	if (fn)
		fn(v.b);
}

/* Sends generic attribute `index`'s element. Components an array of fewer
 * than four lacks are GL's defaults (0, 0, 1), sent as values that convert
 * to exactly those: the four-component command is then the command of the
 * array's size (GL has no glVertexAttrib3Nubv). */
static void send_attrib(uint32_t index, const struct ge_attrib *a, uint32_t i)
{
	union element v;
	if (!read_element(GL_ARRAY_ATTRIB, a, i, &v))
		return;
	uint32_t size = (uint32_t)a->size;
	if (size == BGRA) {
		swizzle_bgra(&v, a->type);
		size = 4;
	}
	if (packed(a->type)) {
		gl_enc_glVertexAttribP4ui(index, a->type, a->normalized, v.u[0]);
		return;
	}
	int t = to_floats(&v, a->type, size);
	if (t < 0)
		return;
	/* GL_DOUBLE through glVertexAttribPointer is converted to float (normalized or
	 * not: GL ignores it for floating-point types), as GL does. */
	if (t == T_D) {
		double d[4];
		memcpy(d, v.b, size * sizeof(double));
		for (uint32_t c = 0; c < size; c++)
			v.f[c] = (float)d[c];
		t = T_F;
	}
	/* The largest value of the type: 1 normalized, else itself. */
	static const uint32_t one_n[T_COUNT] = {0x7f, 0xff, 0x7fff, 0xffff, 0x7fffffff, 0xffffffff};
	bool normalized = a->normalized && t != T_F;
	for (uint32_t c = size; c < 4; c++) {
		bool w = c == 3;
		switch (t) {
		case T_B:
		case T_UB:
			v.b[c] = (uint8_t)(w ? (normalized ? one_n[t] : 1) : 0);
			break;
		case T_S:
		case T_US: {
			uint16_t s = (uint16_t)(w ? (normalized ? one_n[t] : 1) : 0);
			memcpy(v.b + 2 * c, &s, 2);
			break;
		}
		case T_I:
		case T_UI:
			v.u[c] = w ? (normalized ? one_n[t] : 1) : 0;
			break;
		case T_F:
			v.f[c] = w ? 1.0f : 0.0f;
			break;
		}
	}
	attrib_fn fn = a->integer ? attrib_i_fns[t] : normalized ? attrib_n_fns[t] : attrib_fns[t];
	if (fn)
		fn(index, v.b);
}

/* ---- which path ---- */

static uint32_t ff_count(const struct ge_gl_state *gl)
{
	return GE_FF_TEXCOORD0 + gl->max_texture_units;
}

/* Where the enabled arrays are: *client and *buffer; false for an enabled
 * client array with no pointer. */
static bool sources(const struct ge_gl_state *gl, bool *client, bool *buffer)
{
	*client = *buffer = false;
	const struct ge_vao *vao = gl->vao;
	uint32_t n = ff_count(gl), attribs = gl->max_attribs;
	for (uint32_t s = 0; s < n + attribs; s++) {
		const struct ge_attrib *a = s < n ? &vao->ff[s] : &vao->attribs[s - n];
		if (!a->enabled || s == GE_FF_POINT_SIZE)
			continue;
		if (a->buffer)
			*buffer = true;
		else if (a->pointer)
			*client = true;
		else
			return false;
	}
	return true;
}

static void send_client(struct ge_gl_state *gl, uint32_t i)
{
	const struct ge_vao *vao = gl->vao;
	const struct ge_attrib *ff = vao->ff;
	if (ff[GE_FF_EDGE_FLAG].enabled)
		send_ff(GE_FF_EDGE_FLAG, &ff[GE_FF_EDGE_FLAG], i);
	for (uint32_t s = GE_FF_TEXCOORD0; s < ff_count(gl); s++) {
		if (ff[s].enabled)
			send_ff(s, &ff[s], i);
	}
	static const uint32_t order[] = {GE_FF_NORMAL, GE_FF_COLOR, GE_FF_SECONDARY_COLOR,
	                                 GE_FF_FOG_COORD, GE_FF_INDEX};
	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		if (ff[order[k]].enabled)
			send_ff(order[k], &ff[order[k]], i);
	}
	for (uint32_t j = 1; j < gl->max_attribs; j++) {
		if (vao->attribs[j].enabled)
			send_attrib(j, &vao->attribs[j], i);
	}
	if (vao->attribs[0].enabled)
		send_attrib(0, &vao->attribs[0], i);
	else if (ff[GE_FF_VERTEX].enabled)
		send_ff(GE_FF_VERTEX, &ff[GE_FF_VERTEX], i);
}

void GL_APIENTRY gl_enc_special_glArrayElement(GLint i)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glArrayElement);
	if (!e)
		return;
	struct ge_gl_state *gl = e->gl;
	bool client, buffer;
	/* NV_primitive_restart: the restart index is glPrimitiveRestartNV,
	 * whatever the arrays (gl-restart-nv.c). */
	if (!gl->begin_end)
		ge_restart_nv_fresh(gl);
	if (gl->nv_restart && (uint32_t)i == gl->nv_restart_index) {
		gl_enc_glPrimitiveRestartNV();
		return;
	}
	/* A negative element is before the array: the library reads no
	 * memory there (natively undefined). */
	if (i < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (!sources(gl, &client, &buffer)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	if (!buffer) {
		send_client(gl, (uint32_t)i);
		return;
	}
	if (client && gl->begin_end) {
		static atomic_bool logged;
		if (!atomic_exchange(&logged, true))
			gp_log(WARN, "glArrayElement between glBegin and glEnd with arrays both in "
			             "client "
			             "memory and in buffer objects: gpupipe cannot stream it "
			             "(GL_INVALID_OPERATION; logged once)");
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	if (client && !ge_send_element_arrays(e, (uint32_t)i))
		return;
	gl_enc_glArrayElement(i);
}

/* Outside a list being made in GL_COMPILE mode (which compiles glBegin,
 * not runs it), a glBegin of a primitive GL knows begins; GL's other
 * refusals (a transform feedback or geometry shader mismatch) the library
 * cannot see: it then takes the app to be between glBegin and glEnd. */
void gl_enc_hook_glBegin(struct gl_enc *e, GLenum mode)
{
	struct ge_gl_state *gl = e->gl;
	if (mode > 0xE)
		return; /* GL_INVALID_ENUM: nothing begins, now or in a list */
	if (gl->list_mode)
		gles_list_prims_begin(&gl->list_prims);
	if (gl->list_mode != COMPILE)
		ge_prim_set(gl, GLES_PRIM_IN);
}

void gl_enc_hook_glEnd(struct gl_enc *e)
{
	struct ge_gl_state *gl = e->gl;
	if (gl->list_mode)
		gles_list_prims_end(&gl->list_prims);
	if (gl->list_mode != COMPILE)
		ge_prim_set(gl, GLES_PRIM_OUT);
}
