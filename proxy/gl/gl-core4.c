/*
 * Desktop OpenGL 4.x on the library's side.
 *
 * 4.1's glVertexAttribLPointer: an array of doubles in a buffer object (a core profile has
 * no client arrays), recorded as glVertexAttribPointer's are (gles-draw.c) and sent as an
 * offset; the host sizes it at 8 bytes a component (gpuhost/gl/vertex.c).
 *
 * 4.3's multi-draw indirect commands: each is its draws one by one, sent as
 * the ES 3.1 indirect draws they are (gles-indirect.c), whose command the host reads from
 * its own store, checks and runs (gpuhost/gl/indirect.c). A negative drawcount or a stride
 * that is not a multiple of 4 is GL_INVALID_VALUE and nothing is drawn, as natively;
 * gl_DrawID (GL 4.6, ARB_shader_draw_parameters) is not offered, so no shader can tell
 * the draws apart.
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

/* DrawArraysIndirectCommand and DrawElementsIndirectCommand: the strides of tightly packed
 * commands (stride 0). */
#define ARRAYS_COMMAND 16
#define ELEMENTS_COMMAND 20

static bool multi_ok(struct gl_enc *e, GLsizei drawcount, GLsizei stride)
{
	if (drawcount < 0 || stride < 0 || stride % 4) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glMultiDrawArraysIndirect(GLenum mode, const void *indirect,
                                                          GLsizei drawcount, GLsizei stride)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glMultiDrawArraysIndirect);
	if (!e || !multi_ok(e, drawcount, stride))
		return;
	uintptr_t step = stride ? (uintptr_t)stride : ARRAYS_COMMAND;
	for (GLsizei i = 0; i < drawcount; i++)
		gl_enc_special_glDrawArraysIndirect(
		        mode, (const void *)((uintptr_t)indirect + (uintptr_t)i * step));
}

void GL_APIENTRY gl_enc_special_glMultiDrawElementsIndirect(GLenum mode, GLenum type,
                                                            const void *indirect, GLsizei drawcount,
                                                            GLsizei stride)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glMultiDrawElementsIndirect);
	if (!e || !multi_ok(e, drawcount, stride))
		return;
	uintptr_t step = stride ? (uintptr_t)stride : ELEMENTS_COMMAND;
	for (GLsizei i = 0; i < drawcount; i++)
		gl_enc_special_glDrawElementsIndirect(
		        mode, type, (const void *)((uintptr_t)indirect + (uintptr_t)i * step));
}
