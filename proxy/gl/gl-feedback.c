/*
 * Feedback and selection (the compatibility profile): the app's buffers stay
 * here; the host's driver writes a buffer of the host's, and glRenderMode's
 * reply carries what it wrote, copied into the app's buffer of the mode left
 * (never past its size). None of the three is listable, so every call goes by
 * here. Wire and host side: gpuhost/gl/feedback.c.
 */
#include <stdint.h>
#include <string.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define GL_RENDER_ 0x1C00
#define GL_FEEDBACK_ 0x1C01
#define GL_SELECT_ 0x1C02
#define GL_2D_ 0x0600
#define GL_4D_COLOR_TEXTURE_ 0x0604

static void send(struct gl_enc *e, uint32_t op, int n, uint32_t a, uint32_t b)
{
	uint8_t *p = gl_enc_begin(e, op, (uint32_t)n * 4);
	if (!p)
		return;
	p = ge_put_u32(p, a);
	if (n > 1)
		ge_put_u32(p, b);
	gl_enc_end(e);
}

/* What GL refuses before taking the buffer, as the host's driver does. */
static bool buffer_ok(struct gl_enc *e, GLsizei size, const void *buffer, uint32_t busy_mode)
{
	if (size < 0 || !buffer) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	if (e->gl->render_mode == busy_mode) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glFeedbackBuffer(GLsizei size, GLenum type, GLfloat *buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glFeedbackBuffer);
	if (!e)
		return;
	if (type < GL_2D_ || type > GL_4D_COLOR_TEXTURE_) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!buffer_ok(e, size, buffer, GL_FEEDBACK_))
		return;
	e->gl->feedback = buffer;
	e->gl->feedback_size = (uint32_t)size;
	send(e, GLES_OP_glFeedbackBuffer, 2, (uint32_t)size, type);
}

void GL_APIENTRY gl_enc_special_glSelectBuffer(GLsizei size, GLuint *buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glSelectBuffer);
	if (!e || !buffer_ok(e, size, buffer, GL_SELECT_))
		return;
	e->gl->select = buffer;
	e->gl->select_size = (uint32_t)size;
	send(e, GLES_OP_glSelectBuffer, 1, (uint32_t)size, 0);
}

GLint GL_APIENTRY gl_enc_special_glRenderMode(GLenum mode)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glRenderMode);
	if (!e)
		return 0;
	send(e, GLES_OP_glRenderMode, 1, mode, 0);
	uint32_t size = 0, head[4];
	const uint8_t *reply = gl_enc_reply(e, GLES_OP_glRenderMode, &size);
	if (!reply || size < 16)
		return 0;
	memcpy(head, reply, 16);
	if (size != 12 + ge_blob_size(head[3]) || head[3] % 4) {
		ge_stream_lose(e, "glRenderMode: a reply of the wrong size");
		return 0;
	}
	struct ge_gl_state *gl = e->gl;
	gl->render_mode = head[2] == GL_RENDER_ ? 0 : head[2];
	void *to = head[1] == GL_FEEDBACK_ ? gl->feedback
	           : head[1] == GL_SELECT_ ? gl->select
	                                   : NULL;
	uint32_t cap = head[1] == GL_FEEDBACK_ ? gl->feedback_size : gl->select_size;
	uint32_t n = head[3] / 4 < cap ? head[3] / 4 : cap;
	if (to && n)
		memcpy(to, reply + 16, (size_t)n * 4);
	return (GLint)head[0];
}
