/*
 * OpenGL 4.5's query results written into a buffer by name
 * (glGetQueryBufferObject*): the GPU writes the buffer, so any copy the
 * host keeps of it (element data it scans for draws) is stale from now on.
 * The range is the driver's to check: it writes inside the buffer or not
 * at all.
 */
#include "gl-private.h"

static bool gpu_writes(struct gl_exec *x, GLuint buffer)
{
	gh_gl_buffer_gpu_writes(gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer));
	return true;
}

bool gl_exec_hook_glGetQueryBufferObjectiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                           GLenum pname, GLintptr offset, GLuint app_id,
                                           GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

bool gl_exec_hook_glGetQueryBufferObjectuiv(struct gl_exec *x, GLuint id, GLuint buffer,
                                            GLenum pname, GLintptr offset, GLuint app_id,
                                            GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

bool gl_exec_hook_glGetQueryBufferObjecti64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                             GLenum pname, GLintptr offset, GLuint app_id,
                                             GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}

bool gl_exec_hook_glGetQueryBufferObjectui64v(struct gl_exec *x, GLuint id, GLuint buffer,
                                              GLenum pname, GLintptr offset, GLuint app_id,
                                              GLuint app_buffer)
{
	return gpu_writes(x, buffer);
}
