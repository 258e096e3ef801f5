/*
 * OpenGL 4.5 direct state access to framebuffers and renderbuffers: each
 * named command is its bound form with the named framebuffer bound to
 * GL_DRAW_FRAMEBUFFER (GL_READ_FRAMEBUFFER for what reads), or the named
 * renderbuffer to GL_RENDERBUFFER, then what was bound bound back. The
 * host's attachment and storage records (gpuhost/gl/bindings.c,
 * storage.c) follow the bound forms. Framebuffer 0 is the default
 * framebuffer where GL allows it (the bound forms then answer as GL does).
 */
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

void gl_enc_hook_glBindFramebuffer(struct gl_enc *e, GLenum target, GLuint framebuffer)
{
	if (target == GL_FRAMEBUFFER || target == GL_DRAW_FRAMEBUFFER)
		e->gl->draw_fbo = framebuffer;
	if (target == GL_FRAMEBUFFER || target == GL_READ_FRAMEBUFFER)
		e->gl->read_fbo = framebuffer;
}

void gl_enc_hook_glBindRenderbuffer(struct gl_enc *e, GLenum target, GLuint renderbuffer)
{
	if (target == GL_RENDERBUFFER)
		e->gl->renderbuffer = renderbuffer;
}

static uint32_t *fbo_slot(struct gl_enc *e, GLenum target)
{
	return target == GL_READ_FRAMEBUFFER ? &e->gl->read_fbo : &e->gl->draw_fbo;
}

static bool fbo_begin(struct gl_enc *e, GLenum target, GLuint fb, bool zero_ok, uint32_t *old)
{
	if (fb ? !gl_enc_name_known(e, GL_NAMES_FRAMEBUFFER, fb) : !zero_ok) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	*old = *fbo_slot(e, target);
	if (*old != fb)
		gl_enc_glBindFramebuffer(target, fb);
	return true;
}

static void fbo_end(struct gl_enc *e, GLenum target, GLuint fb, uint32_t old)
{
	if (old != fb)
		gl_enc_glBindFramebuffer(target,
		                         gl_enc_name_known(e, GL_NAMES_FRAMEBUFFER, old) ? old : 0);
}

#define FBO_CALL(op, target, fb, zero_ok, call)                                                    \
	do {                                                                                       \
		struct gl_enc *e = gl_enc_current_op(op);                                          \
		uint32_t old;                                                                      \
		if (e && fbo_begin(e, target, fb, zero_ok, &old)) {                                \
			call;                                                                      \
			fbo_end(e, target, fb, old);                                               \
		}                                                                                  \
	} while (0)

#define DRAW GL_DRAW_FRAMEBUFFER
#define READ GL_READ_FRAMEBUFFER

void GL_APIENTRY gl_enc_special_glCreateFramebuffers(GLsizei n, GLuint *framebuffers)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCreateFramebuffers);
	if (!e)
		return;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGenFramebuffers(n, framebuffers);
	uint32_t old = e->gl->draw_fbo;
	for (GLsizei i = 0; i < n; i++)
		gl_enc_glBindFramebuffer(DRAW, framebuffers[i]);
	if (n) /* a name another context deleted is none to bind */
		gl_enc_glBindFramebuffer(DRAW,
		                         gl_enc_name_known(e, GL_NAMES_FRAMEBUFFER, old) ? old : 0);
}

/* A texture or renderbuffer to attach: 0 or one the library made. */
static bool attach_ok(struct gl_enc *e, enum gl_name_class cls, GLuint name)
{
	if (name && !gl_enc_name_known(e, cls, name)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	return true;
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferTexture(GLuint framebuffer, GLenum attachment,
                                                          GLuint texture, GLint level)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glNamedFramebufferTexture);
	if (cur && attach_ok(cur, GL_NAMES_TEXTURE, texture))
		FBO_CALL(GLES_OP_glNamedFramebufferTexture, DRAW, framebuffer, false,
		         gl_enc_glFramebufferTexture(DRAW, attachment, texture, level));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferTextureLayer(GLuint framebuffer,
                                                               GLenum attachment, GLuint texture,
                                                               GLint level, GLint layer)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glNamedFramebufferTextureLayer);
	if (cur && attach_ok(cur, GL_NAMES_TEXTURE, texture))
		FBO_CALL(GLES_OP_glNamedFramebufferTextureLayer, DRAW, framebuffer, false,
		         gl_enc_glFramebufferTextureLayer(DRAW, attachment, texture, level, layer));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferRenderbuffer(GLuint framebuffer,
                                                               GLenum attachment,
                                                               GLenum renderbuffertarget,
                                                               GLuint renderbuffer)
{
	struct gl_enc *cur = gl_enc_current_op(GLES_OP_glNamedFramebufferRenderbuffer);
	if (cur && attach_ok(cur, GL_NAMES_RENDERBUFFER, renderbuffer))
		FBO_CALL(GLES_OP_glNamedFramebufferRenderbuffer, DRAW, framebuffer, false,
		         gl_enc_glFramebufferRenderbuffer(DRAW, attachment, renderbuffertarget,
		                                          renderbuffer));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferReadBuffer(GLuint framebuffer, GLenum src)
{
	FBO_CALL(GLES_OP_glNamedFramebufferReadBuffer, READ, framebuffer, true,
	         gl_enc_glReadBuffer(src));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferDrawBuffer(GLuint framebuffer, GLenum buf)
{
	FBO_CALL(GLES_OP_glNamedFramebufferDrawBuffer, DRAW, framebuffer, true,
	         gl_enc_glDrawBuffer(buf));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferDrawBuffers(GLuint framebuffer, GLsizei n,
                                                              const GLenum *bufs)
{
	FBO_CALL(GLES_OP_glNamedFramebufferDrawBuffers, DRAW, framebuffer, true,
	         gl_enc_glDrawBuffers(n, bufs));
}

void GL_APIENTRY gl_enc_special_glNamedFramebufferParameteri(GLuint framebuffer, GLenum pname,
                                                             GLint param)
{
	FBO_CALL(GLES_OP_glNamedFramebufferParameteri, DRAW, framebuffer, false,
	         gl_enc_glFramebufferParameteri(DRAW, pname, param));
}

GLenum GL_APIENTRY gl_enc_special_glCheckNamedFramebufferStatus(GLuint framebuffer, GLenum target)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCheckNamedFramebufferStatus);
	if (!e)
		return 0;
	if (target != GL_FRAMEBUFFER && target != DRAW && target != READ) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return 0;
	}
	GLenum t = target == READ ? READ : DRAW, status = 0;
	uint32_t old;
	if (fbo_begin(e, t, framebuffer, true, &old)) {
		status = gl_enc_glCheckFramebufferStatus(t);
		fbo_end(e, t, framebuffer, old);
	}
	return status;
}

void GL_APIENTRY gl_enc_special_glClearNamedFramebufferfv(GLuint framebuffer, GLenum buffer,
                                                          GLint drawbuffer, const GLfloat *value)
{
	FBO_CALL(GLES_OP_glClearNamedFramebufferfv, DRAW, framebuffer, true,
	         gl_enc_glClearBufferfv(buffer, drawbuffer, value));
}

void GL_APIENTRY gl_enc_special_glClearNamedFramebufferiv(GLuint framebuffer, GLenum buffer,
                                                          GLint drawbuffer, const GLint *value)
{
	FBO_CALL(GLES_OP_glClearNamedFramebufferiv, DRAW, framebuffer, true,
	         gl_enc_glClearBufferiv(buffer, drawbuffer, value));
}

void GL_APIENTRY gl_enc_special_glClearNamedFramebufferuiv(GLuint framebuffer, GLenum buffer,
                                                           GLint drawbuffer, const GLuint *value)
{
	FBO_CALL(GLES_OP_glClearNamedFramebufferuiv, DRAW, framebuffer, true,
	         gl_enc_glClearBufferuiv(buffer, drawbuffer, value));
}

void GL_APIENTRY gl_enc_special_glClearNamedFramebufferfi(GLuint framebuffer, GLenum buffer,
                                                          GLint drawbuffer, GLfloat depth,
                                                          GLint stencil)
{
	FBO_CALL(GLES_OP_glClearNamedFramebufferfi, DRAW, framebuffer, true,
	         gl_enc_glClearBufferfi(buffer, drawbuffer, depth, stencil));
}

void GL_APIENTRY gl_enc_special_glBlitNamedFramebuffer(GLuint readFramebuffer,
                                                       GLuint drawFramebuffer, GLint srcX0,
                                                       GLint srcY0, GLint srcX1, GLint srcY1,
                                                       GLint dstX0, GLint dstY0, GLint dstX1,
                                                       GLint dstY1, GLbitfield mask, GLenum filter)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBlitNamedFramebuffer);
	uint32_t old_read, old_draw;
	if (!e || !fbo_begin(e, READ, readFramebuffer, true, &old_read))
		return;
	if (fbo_begin(e, DRAW, drawFramebuffer, true, &old_draw)) {
		gl_enc_glBlitFramebuffer(srcX0, srcY0, srcX1, srcY1, dstX0, dstY0, dstX1, dstY1,
		                         mask, filter);
		fbo_end(e, DRAW, drawFramebuffer, old_draw);
	}
	fbo_end(e, READ, readFramebuffer, old_read);
}

void GL_APIENTRY gl_enc_special_glInvalidateNamedFramebufferData(GLuint framebuffer,
                                                                 GLsizei numAttachments,
                                                                 const GLenum *attachments)
{
	FBO_CALL(GLES_OP_glInvalidateNamedFramebufferData, DRAW, framebuffer, true,
	         gl_enc_glInvalidateFramebuffer(DRAW, numAttachments, attachments));
}

void GL_APIENTRY gl_enc_special_glInvalidateNamedFramebufferSubData(GLuint framebuffer,
                                                                    GLsizei numAttachments,
                                                                    const GLenum *attachments,
                                                                    GLint x, GLint y, GLsizei width,
                                                                    GLsizei height)
{
	FBO_CALL(GLES_OP_glInvalidateNamedFramebufferSubData, DRAW, framebuffer, true,
	         gl_enc_glInvalidateSubFramebuffer(DRAW, numAttachments, attachments, x, y, width,
	                                           height));
}

void GL_APIENTRY gl_enc_special_glGetNamedFramebufferParameteriv(GLuint framebuffer, GLenum pname,
                                                                 GLint *param)
{
	FBO_CALL(GLES_OP_glGetNamedFramebufferParameteriv, DRAW, framebuffer, true,
	         gl_enc_glGetFramebufferParameteriv(DRAW, pname, param));
}

void GL_APIENTRY gl_enc_special_glGetNamedFramebufferAttachmentParameteriv(GLuint framebuffer,
                                                                           GLenum attachment,
                                                                           GLenum pname,
                                                                           GLint *params)
{
	FBO_CALL(GLES_OP_glGetNamedFramebufferAttachmentParameteriv, DRAW, framebuffer, true,
	         gl_enc_glGetFramebufferAttachmentParameteriv(DRAW, attachment, pname, params));
}

/* ---- Renderbuffers ---- */

static bool rb_begin(struct gl_enc *e, GLuint rb, uint32_t *old)
{
	if (!rb || !gl_enc_name_known(e, GL_NAMES_RENDERBUFFER, rb)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	*old = e->gl->renderbuffer;
	if (*old != rb)
		gl_enc_glBindRenderbuffer(GL_RENDERBUFFER, rb);
	return true;
}

static void rb_end(struct gl_enc *e, GLuint rb, uint32_t old)
{
	if (old != rb)
		gl_enc_glBindRenderbuffer(GL_RENDERBUFFER,
		                          gl_enc_name_known(e, GL_NAMES_RENDERBUFFER, old) ? old
		                                                                           : 0);
}

#define RB_CALL(op, rb, call)                                                                      \
	do {                                                                                       \
		struct gl_enc *e = gl_enc_current_op(op);                                          \
		uint32_t old;                                                                      \
		if (e && rb_begin(e, rb, &old)) {                                                  \
			call;                                                                      \
			rb_end(e, rb, old);                                                        \
		}                                                                                  \
	} while (0)

void GL_APIENTRY gl_enc_special_glCreateRenderbuffers(GLsizei n, GLuint *renderbuffers)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCreateRenderbuffers);
	if (!e)
		return;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGenRenderbuffers(n, renderbuffers);
	uint32_t old = e->gl->renderbuffer;
	for (GLsizei i = 0; i < n; i++)
		gl_enc_glBindRenderbuffer(GL_RENDERBUFFER, renderbuffers[i]);
	if (n) /* a name another context deleted is none to bind */
		gl_enc_glBindRenderbuffer(GL_RENDERBUFFER,
		                          gl_enc_name_known(e, GL_NAMES_RENDERBUFFER, old) ? old
		                                                                           : 0);
}

void GL_APIENTRY gl_enc_special_glNamedRenderbufferStorage(GLuint renderbuffer,
                                                           GLenum internalformat, GLsizei width,
                                                           GLsizei height)
{
	RB_CALL(GLES_OP_glNamedRenderbufferStorage, renderbuffer,
	        gl_enc_glRenderbufferStorage(GL_RENDERBUFFER, internalformat, width, height));
}

void GL_APIENTRY gl_enc_special_glNamedRenderbufferStorageMultisample(GLuint renderbuffer,
                                                                      GLsizei samples,
                                                                      GLenum internalformat,
                                                                      GLsizei width, GLsizei height)
{
	RB_CALL(GLES_OP_glNamedRenderbufferStorageMultisample, renderbuffer,
	        gl_enc_glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, internalformat,
	                                                width, height));
}

void GL_APIENTRY gl_enc_special_glGetNamedRenderbufferParameteriv(GLuint renderbuffer, GLenum pname,
                                                                  GLint *params)
{
	RB_CALL(GLES_OP_glGetNamedRenderbufferParameteriv, renderbuffer,
	        gl_enc_glGetRenderbufferParameteriv(GL_RENDERBUFFER, pname, params));
}

/* Sampler names make their objects in glGenSamplers already. */
void GL_APIENTRY gl_enc_special_glCreateSamplers(GLsizei n, GLuint *samplers)
{
	if (gl_enc_current_op(GLES_OP_glCreateSamplers))
		gl_enc_glGenSamplers(n, samplers);
}
