/*
 * The array state of a generic attribute in client memory, answered by the
 * library: glVertexAttribPointer of client memory stays here until a draw
 * uploads the vertices it reads (gles-draw.c), and the host's driver then
 * holds a scratch buffer of packed vertices, so what the host answers for
 * such an attribute is another array's. The query still travels (its GL
 * errors, and the pnames not here, are the driver's); after its answer, a
 * client hook puts back what the app set: size (GL_BGRA included), type,
 * stride, normalized, integer (from 3.0, where the pname is), and buffer 0.
 * An attribute of a buffer, or of a vertex array object (which holds no
 * client memory), is the host's; so is GL_VERTEX_ATTRIB_ARRAY_LONG (0: the
 * host's client arrays are never 64-bit ones).
 */
#include <stdint.h>

#include "arrays.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define ARRAY_INTEGER 0x88FD /* GL_VERTEX_ATTRIB_ARRAY_INTEGER */

/* The app's value of `pname` for attribute `index`: false where the host's
 * answer stands. */
static bool client_value(const struct gl_enc *e, GLuint index, GLenum pname, GLint *v)
{
	const struct ge_gl_state *gl = e->gl;
	if (gl->vao_name || index >= gl->max_attribs)
		return false;
	const struct ge_attrib *a = &gl->vao->attribs[index];
	if (a->buffer || !a->size || !a->pointer)
		return false; /* a buffer's, or no client memory: the host has it */
	switch (pname) {
	case GL_VERTEX_ATTRIB_ARRAY_SIZE:
		*v = a->size;
		return true;
	case GL_VERTEX_ATTRIB_ARRAY_TYPE:
		*v = (GLint)a->type;
		return true;
	case GL_VERTEX_ATTRIB_ARRAY_STRIDE:
		*v = a->stride;
		return true;
	case GL_VERTEX_ATTRIB_ARRAY_NORMALIZED:
		*v = a->normalized;
		return true;
	case ARRAY_INTEGER: /* OpenGL (ES) 3.0's: GL_INVALID_ENUM before */
		if (gl->api->level.version < GL_VERSION_CODE(3, 0))
			return false;
		*v = a->integer;
		return true;
	case GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING:
		*v = 0;
		return true;
	}
	return false;
}

void gl_enc_hook_glGetVertexAttribiv(struct gl_enc *e, GLuint index, GLenum pname, GLint *params)
{
	GLint v;
	if (client_value(e, index, pname, &v))
		*params = v;
}

void gl_enc_hook_glGetVertexAttribfv(struct gl_enc *e, GLuint index, GLenum pname, GLfloat *params)
{
	GLint v;
	if (client_value(e, index, pname, &v))
		*params = (GLfloat)v;
}

void gl_enc_hook_glGetVertexAttribIiv(struct gl_enc *e, GLuint index, GLenum pname, GLint *params)
{
	GLint v;
	if (client_value(e, index, pname, &v))
		*params = v;
}

void gl_enc_hook_glGetVertexAttribIuiv(struct gl_enc *e, GLuint index, GLenum pname, GLuint *params)
{
	GLint v;
	if (client_value(e, index, pname, &v))
		*params = (GLuint)v;
}
