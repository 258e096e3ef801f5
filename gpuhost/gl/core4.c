/*
 * Desktop OpenGL 4.3's buffer clears: the GPU writes the store, so a persistent mapping of
 * it is pulled (persist.c) as after any other GPU write.
 */
#include "gl-private.h"
#include "gles-codec.h"

bool gl_exec_hook_glClearBufferData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                    GLenum format, GLenum type, const void *data)
{
	gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, target));
	return true;
}

bool gl_exec_hook_glClearBufferSubData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                       GLintptr offset, GLsizeiptr size, GLenum format, GLenum type,
                                       const void *data)
{
	gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, target));
	return true;
}
