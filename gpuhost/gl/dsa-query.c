/*
 * OpenGL 4.5's query results written into a buffer by name
 * (glGetQueryBufferObject*): the GPU writes the buffer, so any copy the
 * host keeps of it (element data it scans for draws) is stale from now on.
 * The range is checked here: Mesa adds the offset and the result's size
 * in 64 bits that may wrap, then gives the driver 32 of them.
 */
#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

/* Past the store: GL_INVALID_OPERATION (as GL says), the driver never called. */
static enum gl_guard in_store(struct gl_exec *x, GLuint buffer, GLintptr offset, uint64_t bytes)
{
	struct gh_gl_buffer *buf = gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer);
	if (buf &&
	    (offset < 0 || (uint64_t)offset > buf->size || bytes > buf->size - (uint64_t)offset)) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return GL_GUARD_SKIP;
	}
	return GL_GUARD_CALL;
}

static bool gpu_writes(struct gl_exec *x, GLuint buffer)
{
	gh_gl_buffer_gpu_writes(gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer));
	return true;
}

enum gl_guard gl_exec_guard_glGetQueryBufferObjectiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                                     GLenum pname, GLintptr offset, GLuint app_id,
                                                     GLuint app_buffer)
{
	return in_store(x, buffer, offset, 4);
}

bool gl_exec_hook_glGetQueryBufferObjectiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                           GLenum pname, GLintptr offset, GLuint app_id,
                                           GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

enum gl_guard gl_exec_guard_glGetQueryBufferObjectuiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                                      GLenum pname, GLintptr offset, GLuint app_id,
                                                      GLuint app_buffer)
{
	return in_store(x, buffer, offset, 4);
}

bool gl_exec_hook_glGetQueryBufferObjectuiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                            GLenum pname, GLintptr offset, GLuint app_id,
                                            GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

enum gl_guard gl_exec_guard_glGetQueryBufferObjecti64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                                       GLenum pname, GLintptr offset, GLuint app_id,
                                                       GLuint app_buffer)
{
	return in_store(x, buffer, offset, 8);
}

bool gl_exec_hook_glGetQueryBufferObjecti64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                             GLenum pname, GLintptr offset, GLuint app_id,
                                             GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

enum gl_guard gl_exec_guard_glGetQueryBufferObjectui64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                                        GLenum pname, GLintptr offset,
                                                        GLuint app_id, GLuint app_buffer)
{
	return in_store(x, buffer, offset, 8);
}

bool gl_exec_hook_glGetQueryBufferObjectui64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                              GLenum pname, GLintptr offset, GLuint app_id,
                                              GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}
