/*
 * Which buffer each target holds, per context (GL_ELEMENT_ARRAY_BUFFER's
 * is the vertex array's), and which buffers the GPU writes into.
 *
 * The executor keeps a CPU copy of element data to check each draw's
 * indices (vertex.c, draw.c). OpenGL ES 3 lets the GPU write buffers:
 * transform feedback, glCopyBufferSubData, glReadPixels into a pixel pack
 * buffer, and in ES 3.1 shader storage and atomic counter buffers. A buffer any of those may write
 * loses its copy for good; its indices are then read back from the host's store when a draw needs
 * them, which is exact whatever the GPU wrote.
 */
#include <stdlib.h>

#include "bindings.h"
#include "context.h"
#include "draws.h"
#include "gles-codec.h"
#include "map.h"
#include "records.h"
#include "stream.h"

static struct gh_gl_buffer **slot(struct gh_gl_context *ctx, uint32_t target)
{
	int64_t i = gl_buffer_target(target);
	if (i < 0)
		return NULL;
	if (target == GL_ARRAY_BUFFER)
		return &ctx->array_buffer;
	if (target == GL_ELEMENT_ARRAY_BUFFER)
		return &ctx->vao->element;
	return &ctx->buffers[i];
}

struct gh_gl_buffer *gh_gl_bound_buffer(struct gh_gl_context *ctx, uint32_t target)
{
	struct gh_gl_buffer **s = slot(ctx, target);
	return s ? *s : NULL;
}

void gh_gl_buffer_gpu_writes(struct gh_gl_buffer *buf)
{
	if (!buf)
		return;
	free(buf->copy);
	buf->copy = NULL;
	buf->complete = false;
	buf->gpu_written = true;
	buf->scan.valid = false;
}

bool gh_gl_bind_buffer(struct gl_exec *x, uint32_t target, uint32_t host, uint32_t app)
{
	struct gh_gl_buffer **s = slot(x->ctx, target);
	if (!s)
		return gh_gl_fail(x, "buffer target 0x%x", target);
	struct gh_gl_buffer *buf = NULL;
	if (host) {
		buf = gh_gl_map_get_ptr(&x->ctx->share->buffers, host);
		if (!buf)
			return gh_gl_fail(x, "buffer %u has no host object", app);
	}
	/* Anything a pixel pack buffer holds may come from glReadPixels. */
	if (target == GL_PIXEL_PACK_BUFFER)
		gh_gl_buffer_gpu_writes(buf);
	gh_gl_buffer_ref(buf);
	gh_gl_buffer_unref(*s);
	*s = buf;
	return true;
}

void gh_gl_unbind_buffer(struct gh_gl_context *ctx, struct gh_gl_buffer *buf)
{
	for (int i = 0; i < GL_BUFFER_TARGETS; i++) {
		if (ctx->buffers[i] == buf) {
			ctx->buffers[i] = NULL;
			gh_gl_buffer_unref(buf);
		}
	}
}

void gh_gl_buffer_targets_finish(struct gh_gl_context *ctx)
{
	for (int i = 0; i < GL_BUFFER_TARGETS; i++) {
		gh_gl_buffer_unref(ctx->buffers[i]);
		ctx->buffers[i] = NULL;
	}
}

/* glBindBufferBase/Range bind the generic target too. Transform feedback,
 * shader storage (stores from any shader stage) and atomic counters write
 * what they bind. */
static bool bind_indexed(struct gl_exec *x, GLenum target, GLuint buffer, GLuint app_buffer)
{
	if (!gh_gl_bind_buffer(x, target, buffer, app_buffer))
		return false;
	if (target == GL_TRANSFORM_FEEDBACK_BUFFER || target == GL_SHADER_STORAGE_BUFFER ||
	    target == GL_ATOMIC_COUNTER_BUFFER)
		gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, target));
	return true;
}

bool gl_exec_hook_glBindBufferBase(struct gl_exec *x, GLenum target, GLuint index, GLuint buffer,
                                   GLuint app_buffer)
{
	return bind_indexed(x, target, buffer, app_buffer);
}

bool gl_exec_hook_glBindBufferRange(struct gl_exec *x, GLenum target, GLuint index, GLuint buffer,
                                    GLintptr offset, GLsizeiptr size, GLuint app_buffer)
{
	return bind_indexed(x, target, buffer, app_buffer);
}

bool gl_exec_hook_glCopyBufferSubData(struct gl_exec *x, GLenum readTarget, GLenum writeTarget,
                                      GLintptr readOffset, GLintptr writeOffset, GLsizeiptr size)
{
	gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, writeTarget));
	return true;
}
