/*
 * OpenGL ES 3.1 indirect draws. Their command is in a buffer object on the
 * host, which reads it, validates it and runs the direct draw
 * (gpuhost/gl/indirect.c). Everything they source must be in buffer
 * objects (ES 3.1 section 10.5): client arrays cannot be used, so nothing
 * travels but the offset, and what GL refuses here is refused before it
 * is sent.
 *
 * A compatibility context allows what ES refuses: the default vertex
 * array, arrays in client memory, and no GL_DRAW_INDIRECT_BUFFER (the
 * command is then at the app's pointer). Such a draw is the direct draw
 * its command says, made here: the command read from the app's memory or
 * from the buffer (a round trip), the client arrays sent for that draw's
 * range as for any direct draw.
 */
#include <stdint.h>
#include <string.h>

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

/* A compatibility context's draw the host cannot make (see the top): 1 with
 * the command's `n` words in cmd, 0 when the host's path serves, -1 after
 * an error. */
static int compat_command(struct gl_enc *e, const void *indirect, uint32_t n, uint32_t *cmd)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	if (!gl_enc_compat(e))
		return 0;
	uint32_t buffer = ge_gl_bound_buffer(gl, GL_DRAW_INDIRECT_BUFFER, &ok);
	if (buffer && gl->vao_name && !ge_has_client_arrays(gl))
		return 0;
	if (!buffer) {
		if (!indirect) {
			gl_enc_error(e, GL_INVALID_OPERATION);
			return -1;
		}
		memcpy(cmd, indirect, n * 4);
		return 1;
	}
	intptr_t offset = (intptr_t)indirect;
	if (offset < 0 || offset % 4) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return -1;
	}
	/* The host answers a range past the buffer with a GL error, as GL has it. */
	if (!ge_buffer_read(e, GL_DRAW_INDIRECT_BUFFER, (uint64_t)offset, n * 4, cmd)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return -1;
	}
	return 1;
}

void GL_APIENTRY gl_enc_special_glDrawArraysIndirect(GLenum mode, const void *indirect)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glDrawArraysIndirect);
	uint32_t c[4]; /* count, instanceCount, first, baseInstance */
	int direct = e ? compat_command(e, indirect, 4, c) : -1;
	if (direct > 0 && c[3])
		gl_enc_special_glDrawArraysInstancedBaseInstanceEXT(
		        mode, (GLint)c[2], (GLsizei)c[0], (GLsizei)c[1], c[3]);
	else if (direct > 0)
		gl_enc_special_glDrawArraysInstanced(mode, (GLint)c[2], (GLsizei)c[0],
		                                     (GLsizei)c[1]);
	else if (direct == 0 && indirect_ok(e, indirect))
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
	uint32_t c[5]; /* count, instanceCount, firstIndex, baseVertex, baseInstance */
	int direct = compat_command(e, indirect, 5, c);
	if (direct < 0)
		return;
	if (direct > 0) {
		const void *at = (const void *)((uintptr_t)c[2] * (uintptr_t)gl_index_size(type));
		if (!e->gl->vao->element_buffer)
			gl_enc_error(e, GL_INVALID_OPERATION);
		else if (c[4])
			gl_enc_special_glDrawElementsInstancedBaseVertexBaseInstanceEXT(
			        mode, (GLsizei)c[0], type, at, (GLsizei)c[1], (GLint)c[3], c[4]);
		else
			gl_enc_special_glDrawElementsInstancedBaseVertex(
			        mode, (GLsizei)c[0], type, at, (GLsizei)c[1], (GLint)c[3]);
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
