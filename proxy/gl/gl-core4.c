/*
 * Desktop OpenGL 4.x on the library's side.
 *
 * 4.1's glVertexAttribLPointer: an array of doubles in a buffer object (a core profile has
 * no client arrays), recorded as glVertexAttribPointer's are (gles-draw.c) and sent as an
 * offset; the host sizes it at 8 bytes a component (gpuhost/gl/vertex.c).
 *
 * 4.3's multi-draw indirect commands are gles-indirect.c's, beside ES 3.1's indirect draws.
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define GL_DOUBLE_TYPE 0x140A /* GL_DOUBLE */

void GL_APIENTRY gl_enc_special_glVertexAttribLPointer(GLuint index, GLint size, GLenum type,
                                                       GLsizei stride, const void *pointer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glVertexAttribLPointer);
	if (!e)
		return;
	struct ge_gl_state *gl = e->gl;
	if (index >= gl->max_attribs || size < 1 || size > 4 || stride < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (type != GL_DOUBLE_TYPE) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!gl->array_buffer) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	struct ge_attrib *a = &gl->vao->attribs[index];
	a->size = size;
	a->type = type;
	a->normalized = false;
	a->integer = false;
	a->stride = stride;
	a->pointer = pointer;
	a->buffer = gl->array_buffer;
	a->binding = index;
	gl->vao->binding_buffers[index] = gl->array_buffer;
	gl_enc_glVertexAttribLPointer(index, size, type, stride, pointer);
}
