/*
 * Desktop OpenGL 4.3's multi-draw indirect commands: each is its draws one by one, sent as
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
