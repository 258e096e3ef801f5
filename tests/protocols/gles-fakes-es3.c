/*
 * The fakes of gles-fakes.c for what OpenGL ES 3 adds: client and host
 * specials, hooks, guards and wraps, and the executor's pixel-buffer and
 * sync-object entry points.
 */
#include "gles-fakes.h"

/* ---- OpenGL ES 3.0 ---- */

CLIENT_SPECIAL(const GLubyte *, glGetStringi, (GLenum name, GLuint index), NULL)
CLIENT_SPECIAL(void *, glMapBufferRange,
               (GLenum target, GLintptr offset, GLsizeiptr length, GLbitfield access), NULL)
CLIENT_SPECIAL(GLboolean, glUnmapBuffer, (GLenum target), 0)
CLIENT_SPECIAL(void, glFlushMappedBufferRange,
               (GLenum target, GLintptr offset, GLsizeiptr length), )
CLIENT_SPECIAL(void, glGetBufferPointerv, (GLenum target, GLenum pname, void **params), )
CLIENT_SPECIAL(void, glGetProgramBinary,
               (GLuint program, GLsizei bufSize, GLsizei *length, GLenum *binaryFormat,
                void *binary), )
CLIENT_SPECIAL(void, glDrawRangeElements,
               (GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type,
                const void *indices), )
CLIENT_SPECIAL(void, glDrawArraysInstanced,
               (GLenum mode, GLint first, GLsizei count, GLsizei instancecount), )
CLIENT_SPECIAL(void, glDrawElementsInstanced,
               (GLenum mode, GLsizei count, GLenum type, const void *indices,
                GLsizei instancecount), )
CLIENT_SPECIAL(void, glVertexAttribIPointer,
               (GLuint index, GLint size, GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glReadPixels,
               (GLint px, GLint py, GLsizei width, GLsizei height, GLenum format, GLenum type,
                void *pixels), )
CLIENT_SPECIAL(GLenum, glClientWaitSync, (GLsync sync, GLbitfield flags, GLuint64 timeout), 0)

uint32_t fake_unpack_buffer;
uint32_t gl_enc_unpack_buffer(struct gl_enc *e)
{
	return fake_unpack_buffer;
}

/* No shared memory here: pixels travel in the command (tests/hostile and
 * the gl-upload tests cover GL_BLOB_SHARED). */
bool gl_enc_shared_put(struct gl_enc *e, const void *data, uint32_t n, uint64_t *pos)
{
	return false;
}

void gl_enc_hook_glVertexAttribDivisor(struct gl_enc *e, GLuint index, GLuint divisor)
{
	hook_calls++;
}
void gl_enc_hook_glBindVertexArray(struct gl_enc *e, GLuint array)
{
	hook_calls++;
}
void gl_enc_hook_glDeleteVertexArrays(struct gl_enc *e, GLsizei n, const GLuint *arrays)
{
	hook_calls++;
}
void gl_enc_hook_glBindBufferRange(struct gl_enc *e, GLenum target, GLuint index, GLuint buffer,
                                   GLintptr offset, GLsizeiptr size)
{
	hook_calls++;
}
void gl_enc_hook_glBindBufferBase(struct gl_enc *e, GLenum target, GLuint index, GLuint buffer)
{
	hook_calls++;
}

HOST_SPECIAL(glDrawRangeElements)
HOST_SPECIAL(glDrawArraysInstanced)
HOST_SPECIAL(glDrawElementsInstanced)
HOST_SPECIAL(glVertexAttribIPointer)
HOST_SPECIAL(glGetVertexAttribIiv)
HOST_SPECIAL(glGetVertexAttribIuiv)
HOST_SPECIAL(glGetUniformuiv)
HOST_SPECIAL(glGetActiveUniformBlockiv)

/* Pixels in a buffer object: the fake has none bound unless told. */
int unpack_offsets;
enum gl_guard gl_exec_unpack(struct gl_exec *x, const char *cmd, bool offset_mode, uint64_t offset,
                             int64_t size)
{
	if (offset_mode != (fake_unpack_buffer != 0)) {
		gl_exec_fail(x, "%s: pixels do not match the unpack binding", cmd);
		return GL_GUARD_FAIL;
	}
	unpack_offsets += offset_mode;
	return GL_GUARD_CALL;
}

/* Syncs: the app's name is the host's pointer, for the fake. */
bool gl_exec_sync_map(struct gl_exec *x, uint32_t app, void **host)
{
	*host = (void *)(uintptr_t)app;
	return true;
}
bool gl_exec_sync_map_query(struct gl_exec *x, uint32_t app, void **host)
{
	*host = (void *)(uintptr_t)app;
	return true;
}
bool gl_exec_sync_add(struct gl_exec *x, uint32_t app, void *host)
{
	return true;
}
void gl_exec_sync_remove(struct gl_exec *x, uint32_t app, void **host)
{
	*host = (void *)(uintptr_t)app;
}

enum gl_guard gl_exec_guard_glTexImage3D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLsizei height,
                                         GLsizei depth, GLint border, GLenum format, GLenum type,
                                         const void *pixels)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexImage3D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height, GLsizei depth, GLint border,
                                                   GLsizei imageSize, const void *data)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexSubImage3D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLint yoffset, GLint zoffset,
                                                      GLsizei width, GLsizei height, GLsizei depth,
                                                      GLenum format, GLsizei imageSize,
                                                      const void *data)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glTexStorage2D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width, GLsizei height)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glTexStorage3D(struct gl_exec *x, GLenum target, GLsizei levels,
                                           GLenum internalformat, GLsizei width, GLsizei height,
                                           GLsizei depth)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glRenderbufferStorageMultisample(struct gl_exec *x, GLenum target,
                                                             GLsizei samples, GLenum internalformat,
                                                             GLsizei width, GLsizei height)
{
	return fake_guard(x);
}

bool gl_exec_hook_glBindVertexArray(struct gl_exec *x, GLuint array, GLuint app_array)
{
	return true;
}
bool gl_exec_hook_glVertexAttribDivisor(struct gl_exec *x, GLuint index, GLuint divisor)
{
	return true;
}
bool gl_exec_hook_glBindBufferBase(struct gl_exec *x, GLenum target, GLuint index, GLuint buffer,
                                   GLuint app_buffer)
{
	return true;
}
bool gl_exec_hook_glBindBufferRange(struct gl_exec *x, GLenum target, GLuint index, GLuint buffer,
                                    GLintptr offset, GLsizeiptr size, GLuint app_buffer)
{
	return true;
}
bool gl_exec_hook_glCopyBufferSubData(struct gl_exec *x, GLenum readTarget, GLenum writeTarget,
                                      GLintptr readOffset, GLintptr writeOffset, GLsizeiptr size)
{
	return true;
}
bool gl_exec_hook_glFramebufferTextureLayer(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLuint texture, GLint level, GLint layer,
                                            GLuint app_texture)
{
	return true;
}

bool gl_exec_wrap_glGetInteger64v(struct gl_exec *x, GLenum pname, GLint64 *data)
{
	gles_host.glGetInteger64v(pname, data);
	return true;
}
bool gl_exec_wrap_glGetIntegeri_v(struct gl_exec *x, GLenum target, GLuint index, GLint *data)
{
	gles_host.glGetIntegeri_v(target, index, data);
	return true;
}
bool gl_exec_wrap_glGetInteger64i_v(struct gl_exec *x, GLenum target, GLuint index, GLint64 *data)
{
	gles_host.glGetInteger64i_v(target, index, data);
	return true;
}
bool gl_exec_wrap_glGetQueryiv(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetQueryiv(target, pname, params);
	return true;
}

/* ---- OpenGL ES 3.1 ---- */

CLIENT_SPECIAL(void, glDrawArraysIndirect, (GLenum mode, const void *indirect), )
CLIENT_SPECIAL(void, glDrawElementsIndirect, (GLenum mode, GLenum type, const void *indirect), )

void gl_enc_hook_glBindVertexBuffer(struct gl_enc *e, GLuint bindingindex, GLuint buffer,
                                    GLintptr offset, GLsizei stride)
{
	hook_calls++;
}
void gl_enc_hook_glVertexAttribBinding(struct gl_enc *e, GLuint attribindex, GLuint bindingindex)
{
	hook_calls++;
}

HOST_SPECIAL(glDispatchComputeIndirect)
HOST_SPECIAL(glDrawArraysIndirect)
HOST_SPECIAL(glDrawElementsIndirect)
HOST_SPECIAL(glCreateShaderProgramv)

bool gl_exec_hook_glBindProgramPipeline(struct gl_exec *x, GLuint pipeline, GLuint app_pipeline)
{
	return true;
}
enum gl_guard gl_exec_guard_glTexStorage2DMultisample(struct gl_exec *x, GLenum target,
                                                      GLsizei samples, GLenum internalformat,
                                                      GLsizei width, GLsizei height,
                                                      GLboolean fixedsamplelocations)
{
	return fake_guard(x);
}
bool gl_exec_wrap_glUseProgramStages(struct gl_exec *x, GLuint pipeline, GLbitfield stages,
                                     GLuint program, GLuint app_pipeline, GLuint app_program)
{
	gles_host.glUseProgramStages(pipeline, stages, program);
	return true;
}
bool gl_exec_wrap_glGetProgramPipelineiv(struct gl_exec *x, GLuint pipeline, GLenum pname,
                                         GLint *params, GLuint app_pipeline)
{
	gles_host.glGetProgramPipelineiv(pipeline, pname, params);
	return true;
}
bool gl_exec_wrap_glBindVertexBuffer(struct gl_exec *x, GLuint bindingindex, GLuint buffer,
                                     GLintptr offset, GLsizei stride, GLuint app_buffer)
{
	gles_host.glBindVertexBuffer(bindingindex, buffer, offset, stride);
	return true;
}
bool gl_exec_wrap_glVertexAttribFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                       GLenum type, GLboolean normalized, GLuint relativeoffset)
{
	gles_host.glVertexAttribFormat(attribindex, size, type, normalized, relativeoffset);
	return true;
}
bool gl_exec_wrap_glVertexAttribIFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                        GLenum type, GLuint relativeoffset)
{
	gles_host.glVertexAttribIFormat(attribindex, size, type, relativeoffset);
	return true;
}
bool gl_exec_wrap_glVertexAttribBinding(struct gl_exec *x, GLuint attribindex, GLuint bindingindex)
{
	gles_host.glVertexAttribBinding(attribindex, bindingindex);
	return true;
}
bool gl_exec_wrap_glVertexBindingDivisor(struct gl_exec *x, GLuint bindingindex, GLuint divisor)
{
	gles_host.glVertexBindingDivisor(bindingindex, divisor);
	return true;
}
