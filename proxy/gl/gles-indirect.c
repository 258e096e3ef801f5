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

/* The context, when the indirect draw `op` may run: GL compiles none into a display list
 * being made (GL_INVALID_OPERATION, whatever its arguments, as Mesa answers); the host
 * refuses it there too. */
static struct gl_enc *indirect_enter(uint32_t op)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (e && e->gl->list_mode) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return NULL;
	}
	return e;
}

/* Whether the host's path serves the draw: everything in buffer objects, as ES and the
 * core profile have it. */
static bool on_host(struct gl_enc *e)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	return !gl_enc_compat(e) || (ge_gl_bound_buffer(gl, GL_DRAW_INDIRECT_BUFFER, &ok) &&
	                             gl->vao_name && !ge_has_client_arrays(gl));
}

/* A compatibility context's draw the host cannot make (see the top): 1 with
 * the command's `n` words in cmd, 0 when the host's path serves, -1 after
 * an error. */
static int compat_command(struct gl_enc *e, const void *indirect, uint32_t n, uint32_t *cmd)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	if (on_host(e))
		return 0;
	uint32_t buffer = ge_gl_bound_buffer(gl, GL_DRAW_INDIRECT_BUFFER, &ok);
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
	struct gl_enc *e = indirect_enter(GLES_OP_glDrawArraysIndirect);
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
	struct gl_enc *e = indirect_enter(GLES_OP_glDrawElementsIndirect);
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

/* ---- desktop 4.3's glMultiDraw*Indirect: one command, whose draws the host reads, checks
 * and runs as one (gl_DrawIDARB counts them). The compatibility context's draws the host
 * cannot make are the direct draws of their commands, one by one (as above; gl_DrawIDARB is
 * 0 in each). A negative drawcount or a stride that is not a multiple of 4 is
 * GL_INVALID_VALUE and nothing is drawn, as natively. ---- */

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
	struct gl_enc *e = indirect_enter(GLES_OP_glMultiDrawArraysIndirect);
	if (!e || !multi_ok(e, drawcount, stride))
		return;
	if (on_host(e)) {
		if (indirect_ok(e, indirect))
			gl_enc_glMultiDrawArraysIndirect(mode, indirect, drawcount, stride);
		return;
	}
	uintptr_t step = stride ? (uintptr_t)stride : ARRAYS_COMMAND;
	for (GLsizei i = 0; i < drawcount; i++)
		gl_enc_special_glDrawArraysIndirect(
		        mode, (const void *)((uintptr_t)indirect + (uintptr_t)i * step));
}

void GL_APIENTRY gl_enc_special_glMultiDrawElementsIndirect(GLenum mode, GLenum type,
                                                            const void *indirect, GLsizei drawcount,
                                                            GLsizei stride)
{
	struct gl_enc *e = indirect_enter(GLES_OP_glMultiDrawElementsIndirect);
	if (!e || !multi_ok(e, drawcount, stride))
		return;
	if (on_host(e)) {
		if (gl_index_size(type) <= 0)
			gl_enc_error(e, GL_INVALID_ENUM);
		else if (!indirect_ok(e, indirect))
			return;
		else if (!e->gl->vao->element_buffer)
			gl_enc_error(e, GL_INVALID_OPERATION);
		else
			gl_enc_glMultiDrawElementsIndirect(mode, type, indirect, drawcount, stride);
		return;
	}
	uintptr_t step = stride ? (uintptr_t)stride : ELEMENTS_COMMAND;
	for (GLsizei i = 0; i < drawcount; i++)
		gl_enc_special_glDrawElementsIndirect(
		        mode, type, (const void *)((uintptr_t)indirect + (uintptr_t)i * step));
}
