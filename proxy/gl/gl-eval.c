/*
 * glGetMap{d,f,i}v and their bounded forms glGetnMap{d,f,i}v (the
 * compatibility profile's evaluator queries): GL passes no size, so the
 * host sizes the answer from its driver's map (gpuhost/gl/eval.c) and the
 * reply carries the values. Wire: u32 target, u32 query; reply: a blob of
 * the values. A bounded form whose bufSize is too small writes nothing
 * (GL_INVALID_OPERATION, as ARB_robustness says).
 */
#include <stdint.h>
#include <string.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* avail: the command the app called (its availability); op: the one sent. */
static void get_map(uint32_t avail, uint32_t op, GLenum target, GLenum query, int64_t buf_size,
                    void *v)
{
	struct gl_enc *e = gl_enc_current_op(avail);
	if (!e)
		return;
	if (buf_size < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint8_t *p = gl_enc_begin(e, op, 8);
	if (!p)
		return;
	p = ge_put_u32(p, target);
	ge_put_u32(p, query);
	gl_enc_end(e);
	uint32_t size = 0, n = 0;
	const uint8_t *reply = gl_enc_reply(e, op, &size);
	if (!reply || size < 4)
		return;
	memcpy(&n, reply, 4);
	if (size != ge_blob_size(n)) {
		ge_stream_lose(e, "glGetMap*v: a reply of the wrong size");
		return;
	}
	if (n > buf_size)
		gl_enc_error(e, GL_INVALID_OPERATION);
	else if (n && v)
		memcpy(v, reply + 4, n);
}

void GL_APIENTRY gl_enc_special_glGetMapdv(GLenum target, GLenum query, GLdouble *v)
{
	get_map(GLES_OP_glGetMapdv, GLES_OP_glGetMapdv, target, query, INT64_MAX, v);
}

void GL_APIENTRY gl_enc_special_glGetMapfv(GLenum target, GLenum query, GLfloat *v)
{
	get_map(GLES_OP_glGetMapfv, GLES_OP_glGetMapfv, target, query, INT64_MAX, v);
}

void GL_APIENTRY gl_enc_special_glGetMapiv(GLenum target, GLenum query, GLint *v)
{
	get_map(GLES_OP_glGetMapiv, GLES_OP_glGetMapiv, target, query, INT64_MAX, v);
}

void GL_APIENTRY gl_enc_special_glGetnMapdv(GLenum target, GLenum query, GLsizei bufSize,
                                            GLdouble *v)
{
	get_map(GLES_OP_glGetnMapdv, GLES_OP_glGetMapdv, target, query, bufSize, v);
}

void GL_APIENTRY gl_enc_special_glGetnMapfv(GLenum target, GLenum query, GLsizei bufSize,
                                            GLfloat *v)
{
	get_map(GLES_OP_glGetnMapfv, GLES_OP_glGetMapfv, target, query, bufSize, v);
}

void GL_APIENTRY gl_enc_special_glGetnMapiv(GLenum target, GLenum query, GLsizei bufSize, GLint *v)
{
	get_map(GLES_OP_glGetnMapiv, GLES_OP_glGetMapiv, target, query, bufSize, v);
}
