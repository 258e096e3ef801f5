/*
 * OpenGL ES 3.1 indirect draws. Their command is in a buffer object on the
 * host, which reads it, validates it and runs the direct draw
 * (gpuhost/gl/indirect.c). Everything they source must be in buffer
 * objects (ES 3.1 section 10.5): client arrays cannot be used, so nothing
 * travels but the offset, and what GL refuses here is refused before it
 * is sent.
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* The errors of section 10.5 the library can tell: nothing bound to
 * GL_DRAW_INDIRECT_BUFFER, the default vertex array, an enabled array with
 * no buffer (a client array); an offset that is negative or not a multiple
 * of 4. */
static bool indirect_ok(struct gl_enc *e, const void *indirect)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	intptr_t offset = (intptr_t)indirect;
	if (offset < 0 || offset % 4) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	if (!ge_gl_bound_buffer(gl, GL_DRAW_INDIRECT_BUFFER, &ok) || !gl->vao_name) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	for (uint32_t i = 0; i < gl->max_attribs; i++) {
		const struct ge_attrib *a = &gl->vao->attribs[i];
		if (a->enabled && !gl->vao->binding_buffers[a->binding]) {
			gl_enc_error(e, GL_INVALID_OPERATION);
			return false;
		}
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glDrawArraysIndirect(GLenum mode, const void *indirect)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glDrawArraysIndirect);
	if (e && indirect_ok(e, indirect))
		gl_enc_glDrawArraysIndirect(mode, indirect);
}

void GL_APIENTRY gl_enc_special_glDrawElementsIndirect(GLenum mode, GLenum type,
                                                       const void *indirect)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glDrawElementsIndirect);
	if (!e)
		return;
	if (gl_index_size(type) <= 0) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!indirect_ok(e, indirect))
		return;
	if (!e->gl->vao->element_buffer) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	gl_enc_glDrawElementsIndirect(mode, type, indirect);
}
