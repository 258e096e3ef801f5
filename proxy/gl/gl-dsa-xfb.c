/*
 * OpenGL 4.5 direct state access to transform feedback objects: the named
 * object is bound for the bound form (glBindBufferBase/Range, the indexed
 * and plain glGet*), then the one bound before. glBindBufferBase/Range set
 * the generic GL_TRANSFORM_FEEDBACK_BUFFER binding too, which the named
 * forms do not: it is bound back as well. The host marks the buffers
 * GPU-written as for the bound forms (gpuhost/gl/buffer-targets.c).
 * Object 0 is the default transform feedback object.
 */
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define TF GL_TRANSFORM_FEEDBACK

void gl_enc_hook_glBindTransformFeedback(struct gl_enc *e, GLenum target, GLuint id)
{
	if (target == TF)
		e->gl->transform_feedback = id;
}

static bool xfb_begin(struct gl_enc *e, GLuint xfb, uint32_t *old)
{
	if (xfb && !gl_enc_name_known(e, GL_NAMES_TRANSFORM_FEEDBACK, xfb)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	*old = e->gl->transform_feedback;
	if (*old != xfb)
		gl_enc_glBindTransformFeedback(TF, xfb);
	return true;
}

static void xfb_end(struct gl_enc *e, GLuint xfb, uint32_t old)
{
	if (old != xfb)
		gl_enc_glBindTransformFeedback(
		        TF, gl_enc_name_known(e, GL_NAMES_TRANSFORM_FEEDBACK, old) ? old : 0);
}

/* The buffer binding of the named form: checked, made, the generic binding bound back. */
static void buffer_range(struct gl_enc *e, GLuint xfb, GLuint index, GLuint buffer, bool range,
                         GLintptr offset, GLsizeiptr size)
{
	/* GL 4.5 (13.2.2): GL_INVALID_VALUE here, not the usual GL_INVALID_OPERATION. */
	if (buffer && !gl_enc_name_known(e, GL_NAMES_BUFFER, buffer)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint32_t old;
	if (!xfb_begin(e, xfb, &old))
		return;
	bool ok;
	uint32_t generic = ge_gl_bound_buffer(e->gl, GL_TRANSFORM_FEEDBACK_BUFFER, &ok);
	if (range)
		gl_enc_glBindBufferRange(GL_TRANSFORM_FEEDBACK_BUFFER, index, buffer, offset, size);
	else
		gl_enc_glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, index, buffer);
	if (ge_gl_bound_buffer(e->gl, GL_TRANSFORM_FEEDBACK_BUFFER, &ok) != generic)
		gl_enc_glBindBuffer(GL_TRANSFORM_FEEDBACK_BUFFER,
		                    gl_enc_name_known(e, GL_NAMES_BUFFER, generic) ? generic : 0);
	xfb_end(e, xfb, old);
}

void GL_APIENTRY gl_enc_special_glTransformFeedbackBufferBase(GLuint xfb, GLuint index,
                                                              GLuint buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glTransformFeedbackBufferBase);
	if (e)
		buffer_range(e, xfb, index, buffer, false, 0, 0);
}

void GL_APIENTRY gl_enc_special_glTransformFeedbackBufferRange(GLuint xfb, GLuint index,
                                                               GLuint buffer, GLintptr offset,
                                                               GLsizeiptr size)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glTransformFeedbackBufferRange);
	if (e)
		buffer_range(e, xfb, index, buffer, true, offset, size);
}

#define XFB_CALL(op, xfb, call)                                                                    \
	do {                                                                                       \
		struct gl_enc *e = gl_enc_current_op(op);                                          \
		uint32_t old;                                                                      \
		if (e && xfb_begin(e, xfb, &old)) {                                                \
			call;                                                                      \
			xfb_end(e, xfb, old);                                                      \
		}                                                                                  \
	} while (0)

/* GL_TRANSFORM_FEEDBACK_PAUSED and _ACTIVE: the bound object's state. */
void GL_APIENTRY gl_enc_special_glGetTransformFeedbackiv(GLuint xfb, GLenum pname, GLint *param)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetTransformFeedbackiv);
	if (cur && pname != GL_TRANSFORM_FEEDBACK_PAUSED && pname != GL_TRANSFORM_FEEDBACK_ACTIVE) {
		gl_enc_error(cur, GL_INVALID_ENUM);
		return;
	}
	XFB_CALL(GLES_OP_glGetTransformFeedbackiv, xfb, gl_enc_special_glGetIntegerv(pname, param));
}

void GL_APIENTRY gl_enc_special_glGetTransformFeedbacki_v(GLuint xfb, GLenum pname, GLuint index,
                                                          GLint *param)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetTransformFeedbacki_v);
	if (cur && pname != GL_TRANSFORM_FEEDBACK_BUFFER_BINDING) {
		gl_enc_error(cur, GL_INVALID_ENUM);
		return;
	}
	XFB_CALL(GLES_OP_glGetTransformFeedbacki_v, xfb,
	         gl_enc_glGetIntegeri_v(pname, index, param));
}

void GL_APIENTRY gl_enc_special_glGetTransformFeedbacki64_v(GLuint xfb, GLenum pname, GLuint index,
                                                            GLint64 *param)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glGetTransformFeedbacki64_v);
	if (cur && pname != GL_TRANSFORM_FEEDBACK_BUFFER_START &&
	    pname != GL_TRANSFORM_FEEDBACK_BUFFER_SIZE) {
		gl_enc_error(cur, GL_INVALID_ENUM);
		return;
	}
	XFB_CALL(GLES_OP_glGetTransformFeedbacki64_v, xfb,
	         gl_enc_glGetInteger64i_v(pname, index, param));
}
