/*
 * The fakes of gles-fakes.c for OpenGL 4.5's direct state access: the library's
 * named commands are local (proxy/egl/gl-dsa-*.c) and so stubs here, and the client
 * hooks on the bindings they bind back.
 */
#include <string.h>

#include "gles-fakes.h"

static void GL_APIENTRY fake_ClipControl(GLenum origin, GLenum depth)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glClipControl";
	rec.e[0] = origin;
	rec.e[1] = depth;
}

static void GL_APIENTRY fake_CreateQueries(GLenum target, GLsizei n, GLuint *ids)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glCreateQueries";
	rec.e[0] = target;
	rec.n = n;
	for (GLsizei i = 0; i < n; i++)
		ids[i] = next_host_name++;
}

static void GL_APIENTRY fake_GetQueryBufferObjectuiv(GLuint id, GLuint buffer, GLenum pname,
                                                     GLintptr offset)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glGetQueryBufferObjectuiv";
	rec.names[0] = id;
	rec.names[1] = buffer;
	rec.e[0] = pname;
	rec.big[0] = offset;
}

void install_dsa_fakes(void)
{
	gles_host.glClipControl = fake_ClipControl;
	gles_host.glCreateQueries = fake_CreateQueries;
	gles_host.glGetQueryBufferObjectuiv = fake_GetQueryBufferObjectuiv;
}

void gl_enc_hook_glActiveTexture(struct gl_enc *e, GLenum texture)
{
	hook_calls++;
}

void gl_enc_hook_glBindTexture(struct gl_enc *e, GLenum target, GLuint texture)
{
	hook_calls++;
}

void gl_enc_hook_glBindFramebuffer(struct gl_enc *e, GLenum target, GLuint framebuffer)
{
	hook_calls++;
}

void gl_enc_hook_glBindRenderbuffer(struct gl_enc *e, GLenum target, GLuint renderbuffer)
{
	hook_calls++;
}

CLIENT_SPECIAL(void, glCreateBuffers, (GLsizei n, GLuint *buffers), )
CLIENT_SPECIAL(void, glNamedBufferData,
               (GLuint buffer, GLsizeiptr size, const void *data, GLenum usage), )
CLIENT_SPECIAL(void, glNamedBufferSubData,
               (GLuint buffer, GLintptr offset, GLsizeiptr size, const void *data), )
CLIENT_SPECIAL(void, glCopyNamedBufferSubData,
               (GLuint readBuffer, GLuint writeBuffer, GLintptr readOffset, GLintptr writeOffset,
                GLsizeiptr size), )
CLIENT_SPECIAL(void, glGetNamedBufferSubData,
               (GLuint buffer, GLintptr offset, GLsizeiptr size, void *data), )
CLIENT_SPECIAL(void *, glMapNamedBuffer, (GLuint buffer, GLenum access), NULL)
CLIENT_SPECIAL(void *, glMapNamedBufferRange,
               (GLuint buffer, GLintptr offset, GLsizeiptr length, GLbitfield access), NULL)
CLIENT_SPECIAL(GLboolean, glUnmapNamedBuffer, (GLuint buffer), 0)
CLIENT_SPECIAL(void, glFlushMappedNamedBufferRange,
               (GLuint buffer, GLintptr offset, GLsizeiptr length), )
CLIENT_SPECIAL(void, glGetNamedBufferParameteriv, (GLuint buffer, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glGetNamedBufferParameteri64v,
               (GLuint buffer, GLenum pname, GLint64 *params), )
CLIENT_SPECIAL(void, glGetNamedBufferPointerv, (GLuint buffer, GLenum pname, void **params), )
CLIENT_SPECIAL(void, glCreateVertexArrays, (GLsizei n, GLuint *arrays), )
CLIENT_SPECIAL(void, glEnableVertexArrayAttrib, (GLuint vaobj, GLuint index), )
CLIENT_SPECIAL(void, glDisableVertexArrayAttrib, (GLuint vaobj, GLuint index), )
CLIENT_SPECIAL(void, glVertexArrayAttribFormat,
               (GLuint vaobj, GLuint attribindex, GLint size, GLenum type, GLboolean normalized,
                GLuint relativeoffset), )
CLIENT_SPECIAL(void, glVertexArrayAttribIFormat,
               (GLuint vaobj, GLuint attribindex, GLint size, GLenum type, GLuint relativeoffset), )
CLIENT_SPECIAL(void, glVertexArrayAttribBinding,
               (GLuint vaobj, GLuint attribindex, GLuint bindingindex), )
CLIENT_SPECIAL(void, glVertexArrayBindingDivisor,
               (GLuint vaobj, GLuint bindingindex, GLuint divisor), )
CLIENT_SPECIAL(void, glVertexArrayVertexBuffer,
               (GLuint vaobj, GLuint bindingindex, GLuint buffer, GLintptr offset,
                GLsizei stride), )
CLIENT_SPECIAL(void, glVertexArrayVertexBuffers,
               (GLuint vaobj, GLuint first, GLsizei count, const GLuint *buffers,
                const GLintptr *offsets, const GLsizei *strides), )
CLIENT_SPECIAL(void, glVertexArrayElementBuffer, (GLuint vaobj, GLuint buffer), )
CLIENT_SPECIAL(void, glGetVertexArrayiv, (GLuint vaobj, GLenum pname, GLint *param), )
CLIENT_SPECIAL(void, glGetVertexArrayIndexediv,
               (GLuint vaobj, GLuint index, GLenum pname, GLint *param), )
CLIENT_SPECIAL(void, glGetVertexArrayIndexed64iv,
               (GLuint vaobj, GLuint index, GLenum pname, GLint64 *param), )
CLIENT_SPECIAL(void, glCreateFramebuffers, (GLsizei n, GLuint *framebuffers), )
CLIENT_SPECIAL(void, glNamedFramebufferTexture,
               (GLuint framebuffer, GLenum attachment, GLuint texture, GLint level), )
CLIENT_SPECIAL(void, glNamedFramebufferTextureLayer,
               (GLuint framebuffer, GLenum attachment, GLuint texture, GLint level, GLint layer), )
CLIENT_SPECIAL(void, glNamedFramebufferRenderbuffer,
               (GLuint framebuffer, GLenum attachment, GLenum renderbuffertarget,
                GLuint renderbuffer), )
CLIENT_SPECIAL(void, glNamedFramebufferReadBuffer, (GLuint framebuffer, GLenum src), )
CLIENT_SPECIAL(void, glNamedFramebufferDrawBuffers,
               (GLuint framebuffer, GLsizei n, const GLenum *bufs), )
CLIENT_SPECIAL(void, glNamedFramebufferParameteri,
               (GLuint framebuffer, GLenum pname, GLint param), )
CLIENT_SPECIAL(GLenum, glCheckNamedFramebufferStatus, (GLuint framebuffer, GLenum target), 0)
CLIENT_SPECIAL(void, glClearNamedFramebufferfv,
               (GLuint framebuffer, GLenum buffer, GLint drawbuffer, const GLfloat *value), )
CLIENT_SPECIAL(void, glClearNamedFramebufferiv,
               (GLuint framebuffer, GLenum buffer, GLint drawbuffer, const GLint *value), )
CLIENT_SPECIAL(void, glClearNamedFramebufferuiv,
               (GLuint framebuffer, GLenum buffer, GLint drawbuffer, const GLuint *value), )
CLIENT_SPECIAL(void, glClearNamedFramebufferfi,
               (GLuint framebuffer, GLenum buffer, GLint drawbuffer, GLfloat depth,
                GLint stencil), )
CLIENT_SPECIAL(void, glBlitNamedFramebuffer,
               (GLuint readFramebuffer, GLuint drawFramebuffer, GLint srcX0, GLint srcY0,
                GLint srcX1, GLint srcY1, GLint dstX0, GLint dstY0, GLint dstX1, GLint dstY1,
                GLbitfield mask, GLenum filter), )
CLIENT_SPECIAL(void, glInvalidateNamedFramebufferData,
               (GLuint framebuffer, GLsizei numAttachments, const GLenum *attachments), )
CLIENT_SPECIAL(void, glInvalidateNamedFramebufferSubData,
               (GLuint framebuffer, GLsizei numAttachments, const GLenum *attachments, GLint x,
                GLint y, GLsizei width, GLsizei height), )
CLIENT_SPECIAL(void, glGetNamedFramebufferParameteriv,
               (GLuint framebuffer, GLenum pname, GLint *param), )
CLIENT_SPECIAL(void, glGetNamedFramebufferAttachmentParameteriv,
               (GLuint framebuffer, GLenum attachment, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glCreateRenderbuffers, (GLsizei n, GLuint *renderbuffers), )
CLIENT_SPECIAL(void, glNamedRenderbufferStorage,
               (GLuint renderbuffer, GLenum internalformat, GLsizei width, GLsizei height), )
CLIENT_SPECIAL(void, glNamedRenderbufferStorageMultisample,
               (GLuint renderbuffer, GLsizei samples, GLenum internalformat, GLsizei width,
                GLsizei height), )
CLIENT_SPECIAL(void, glGetNamedRenderbufferParameteriv,
               (GLuint renderbuffer, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glCreateTextures, (GLenum target, GLsizei n, GLuint *textures), )
CLIENT_SPECIAL(void, glBindTextureUnit, (GLuint unit, GLuint texture), )
CLIENT_SPECIAL(void, glTextureStorage2D,
               (GLuint texture, GLsizei levels, GLenum internalformat, GLsizei width,
                GLsizei height), )
CLIENT_SPECIAL(void, glTextureStorage3D,
               (GLuint texture, GLsizei levels, GLenum internalformat, GLsizei width,
                GLsizei height, GLsizei depth), )
CLIENT_SPECIAL(void, glTextureStorage2DMultisample,
               (GLuint texture, GLsizei samples, GLenum internalformat, GLsizei width,
                GLsizei height, GLboolean fixedsamplelocations), )
CLIENT_SPECIAL(void, glTextureStorage3DMultisample,
               (GLuint texture, GLsizei samples, GLenum internalformat, GLsizei width,
                GLsizei height, GLsizei depth, GLboolean fixedsamplelocations), )
CLIENT_SPECIAL(void, glTextureSubImage2D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLsizei width,
                GLsizei height, GLenum format, GLenum type, const void *pixels), )
CLIENT_SPECIAL(void, glTextureSubImage3D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset,
                GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLenum type,
                const void *pixels), )
CLIENT_SPECIAL(void, glCompressedTextureSubImage2D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLsizei width,
                GLsizei height, GLenum format, GLsizei imageSize, const void *data), )
CLIENT_SPECIAL(void, glCompressedTextureSubImage3D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset,
                GLsizei width, GLsizei height, GLsizei depth, GLenum format, GLsizei imageSize,
                const void *data), )
CLIENT_SPECIAL(void, glTextureParameteri, (GLuint texture, GLenum pname, GLint param), )
CLIENT_SPECIAL(void, glTextureParameterf, (GLuint texture, GLenum pname, GLfloat param), )
CLIENT_SPECIAL(void, glTextureParameteriv, (GLuint texture, GLenum pname, const GLint *param), )
CLIENT_SPECIAL(void, glTextureParameterfv, (GLuint texture, GLenum pname, const GLfloat *param), )
CLIENT_SPECIAL(void, glTextureParameterIiv, (GLuint texture, GLenum pname, const GLint *params), )
CLIENT_SPECIAL(void, glTextureParameterIuiv, (GLuint texture, GLenum pname, const GLuint *params), )
CLIENT_SPECIAL(void, glGetTextureParameteriv, (GLuint texture, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glGetTextureParameterfv, (GLuint texture, GLenum pname, GLfloat *params), )
CLIENT_SPECIAL(void, glGetTextureParameterIiv, (GLuint texture, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glGetTextureParameterIuiv, (GLuint texture, GLenum pname, GLuint *params), )
CLIENT_SPECIAL(void, glGetTextureLevelParameteriv,
               (GLuint texture, GLint level, GLenum pname, GLint *params), )
CLIENT_SPECIAL(void, glGetTextureLevelParameterfv,
               (GLuint texture, GLint level, GLenum pname, GLfloat *params), )
CLIENT_SPECIAL(void, glGenerateTextureMipmap, (GLuint texture), )
CLIENT_SPECIAL(void, glTextureBuffer, (GLuint texture, GLenum internalformat, GLuint buffer), )
CLIENT_SPECIAL(void, glTextureBufferRange,
               (GLuint texture, GLenum internalformat, GLuint buffer, GLintptr offset,
                GLsizeiptr size), )
CLIENT_SPECIAL(void, glCopyTextureSubImage2D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint x, GLint y,
                GLsizei width, GLsizei height), )
CLIENT_SPECIAL(void, glCopyTextureSubImage3D,
               (GLuint texture, GLint level, GLint xoffset, GLint yoffset, GLint zoffset, GLint x,
                GLint y, GLsizei width, GLsizei height), )
CLIENT_SPECIAL(void, glCreateSamplers, (GLsizei n, GLuint *samplers), )

#define QUERY_BUFFER_HOOK(name)                                                                    \
	bool gl_exec_hook_##name(struct gl_exec *x, GLuint id, GLuint buffer, GLenum pname,        \
	                         GLintptr offset, GLuint app_id, GLuint app_buffer)                \
	{                                                                                          \
		hook_calls++;                                                                      \
		return true;                                                                       \
	}                                                                                          \
	enum gl_guard gl_exec_guard_##name(struct gl_exec *x, GLuint id, GLuint buffer,            \
	                                   GLenum pname, GLintptr offset, GLuint app_id,           \
	                                   GLuint app_buffer)                                      \
	{                                                                                          \
		return GL_GUARD_CALL;                                                              \
	}                                                                                          \
	void gl_enc_hook_##name(struct gl_enc *e, GLuint id, GLuint buffer, GLenum pname,          \
	                        GLintptr offset)                                                   \
	{                                                                                          \
		hook_calls++;                                                                      \
	}
QUERY_BUFFER_HOOK(glGetQueryBufferObjectiv)
QUERY_BUFFER_HOOK(glGetQueryBufferObjectuiv)
QUERY_BUFFER_HOOK(glGetQueryBufferObjecti64v)
QUERY_BUFFER_HOOK(glGetQueryBufferObjectui64v)

CLIENT_SPECIAL(void, glGetTransformFeedbacki64_v,
               (GLuint xfb, GLenum pname, GLuint index, GLint64 *param), )
CLIENT_SPECIAL(void, glGetTransformFeedbacki_v,
               (GLuint xfb, GLenum pname, GLuint index, GLint *param), )
CLIENT_SPECIAL(void, glGetTransformFeedbackiv, (GLuint xfb, GLenum pname, GLint *param), )
CLIENT_SPECIAL(void, glTransformFeedbackBufferBase, (GLuint xfb, GLuint index, GLuint buffer), )
CLIENT_SPECIAL(void, glTransformFeedbackBufferRange,
               (GLuint xfb, GLuint index, GLuint buffer, GLintptr offset, GLsizeiptr size), )

void gl_enc_hook_glBindTransformFeedback(struct gl_enc *e, GLenum target, GLuint id)
{
	hook_calls++;
}

CLIENT_SPECIAL(void, glClearNamedBufferData,
               (GLuint buffer, GLenum internalformat, GLenum format, GLenum type,
                const void *data), )
CLIENT_SPECIAL(void, glClearNamedBufferSubData,
               (GLuint buffer, GLenum internalformat, GLintptr offset, GLsizeiptr size,
                GLenum format, GLenum type, const void *data), )
CLIENT_SPECIAL(void, glCompressedTextureSubImage1D,
               (GLuint texture, GLint level, GLint xoffset, GLsizei width, GLenum format,
                GLsizei imageSize, const void *data), )
CLIENT_SPECIAL(void, glCopyTextureSubImage1D,
               (GLuint texture, GLint level, GLint xoffset, GLint x, GLint y, GLsizei width), )
CLIENT_SPECIAL(void, glNamedBufferStorage,
               (GLuint buffer, GLsizeiptr size, const void *data, GLbitfield flags), )
CLIENT_SPECIAL(void, glNamedFramebufferDrawBuffer, (GLuint framebuffer, GLenum buf), )
CLIENT_SPECIAL(void, glTextureSubImage1D,
               (GLuint texture, GLint level, GLint xoffset, GLsizei width, GLenum format,
                GLenum type, const void *pixels), )
CLIENT_SPECIAL(void, glVertexArrayAttribLFormat,
               (GLuint vaobj, GLuint attribindex, GLint size, GLenum type, GLuint relativeoffset), )

CLIENT_SPECIAL(void, glGetCompressedTextureImage,
               (GLuint texture, GLint level, GLsizei bufSize, void *pixels), )
CLIENT_SPECIAL(void, glGetTextureImage,
               (GLuint texture, GLint level, GLenum format, GLenum type, GLsizei bufSize,
                void *pixels), )
CLIENT_SPECIAL(void, glGetnCompressedTexImage,
               (GLenum target, GLint lod, GLsizei bufSize, void *pixels), )
CLIENT_SPECIAL(void, glGetnTexImage,
               (GLenum target, GLint level, GLenum format, GLenum type, GLsizei bufSize,
                void *pixels), )

HOST_SPECIAL(glGetnUniformdv)
