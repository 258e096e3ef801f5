/*
 * Indirect draws and dispatches (OpenGL ES 3.1). Their arguments lie in a
 * buffer object, maybe written by the GPU; the driver would read them on
 * the GPU, past every check of ours. So the host reads the command from
 * its own store (a mapping waits for the GPU's writes before it), checks
 * that it lies inside the buffer, validates it exactly as the direct draw
 * (draw.c: vertex ranges per attribute and divisor, indices, instancing),
 * and runs the direct equivalent, whose counts the driver checks again
 * (glDispatchCompute's work-group limits among them).
 *
 * What GL defines as an error of the command (no buffer bound, a command
 * past the buffer's end, the default vertex array, an array with no
 * buffer, a reserved field not 0) is that GL error for the app and nothing
 * runs. In a context with base instances (desktop OpenGL 4.2 or
 * ARB_base_instance, ES's EXT_base_instance) the reserved field is the draw's
 * base instance, as those define it. Alignment and sign of the offset are checked by the library: a
 * stream that breaks them ends the link.
 */
#include <string.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

/* Bytes of DrawArraysIndirectCommand, DrawElementsIndirectCommand and of
 * a dispatch's three group counts. */
#define ARRAYS_COMMAND 16u
#define ELEMENTS_COMMAND 20u
#define DISPATCH_COMMAND 12u

static bool refuse(struct gl_exec *x, const char *cmd, uint32_t error, const char *why)
{
	gp_log(DEBUG, "GL stream %u: %s: %s: GL error 0x%x", x->channel, cmd, why, error);
	gh_gl_error_record(x->ctx, error);
	return true;
}

/* The `bytes` bytes at `offset` of the buffer bound to `target`: false
 * after ending the link; *got false when GL refuses the command (the
 * error recorded). */
static bool read_command(struct gl_exec *x, const char *cmd, uint32_t target, int64_t offset,
                         uint32_t bytes, void *out, bool *got)
{
	*got = false;
	if (offset < 0 || offset % 4)
		return gh_gl_fail(x, "offset %lld", (long long)offset);
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf)
		return refuse(x, cmd, GL_INVALID_OPERATION, "no buffer bound");
	if ((uint64_t)offset > buf->size || bytes > buf->size - (uint64_t)offset)
		return refuse(x, cmd, GL_INVALID_OPERATION, "the command is past the buffer's end");
	if (!gh_gl_buffer_fetch(x, target, (uint64_t)offset, bytes, out))
		return false;
	*got = true;
	return true;
}

/* ES 3.1 section 10.5: all data in buffer objects, a vertex array bound,
 * no transform feedback recording (ES 3.2 allows it, as the direct draw
 * the host runs). */
static bool draw_allowed(struct gl_exec *x, const char *cmd, bool *ok)
{
	struct gh_gl_context *ctx = x->ctx;
	*ok = false;
	if (ctx->vao == &ctx->default_vao)
		return refuse(x, cmd, GL_INVALID_OPERATION, "the default vertex array is bound");
	for (uint32_t i = 0; i < x->gl->max_attribs; i++) {
		const struct gh_gl_attrib *a = &ctx->vao->attribs[i];
		if (a->enabled && !ctx->vao->bindings[a->binding].buffer)
			return refuse(x, cmd, GL_INVALID_OPERATION,
			              "an enabled array has no buffer");
	}
	if (ctx->level.version < GL_VERSION_CODE(3, 2)) {
		GLboolean active = GL_FALSE, paused = GL_FALSE;
		gles_host.glGetBooleanv(GL_TRANSFORM_FEEDBACK_ACTIVE, &active);
		gles_host.glGetBooleanv(GL_TRANSFORM_FEEDBACK_PAUSED, &paused);
		if (active && !paused)
			return refuse(x, cmd, GL_INVALID_OPERATION, "transform feedback is active");
	}
	*ok = true;
	return true;
}

/* The reserved field of the commands is baseInstance where the context draws with one. */
static bool has_base_instance(struct gl_exec *x)
{
	return gl_exec_context_has(x, GLES_OP_glDrawArraysInstancedBaseInstanceEXT) &&
	       gles_host.glDrawArraysInstancedBaseInstanceEXT &&
	       gles_host.glDrawElementsInstancedBaseVertexBaseInstanceEXT;
}

struct arrays_call {
	GLenum mode;
	uint32_t cmd[4]; /* count, instanceCount, first, reservedMustBeZero or baseInstance */
};

static void run_arrays(const void *args)
{
	const struct arrays_call *c = args;
	if (c->cmd[3])
		gles_host.glDrawArraysInstancedBaseInstanceEXT(c->mode, (GLint)c->cmd[2],
		                                               (GLsizei)c->cmd[0],
		                                               (GLsizei)c->cmd[1], c->cmd[3]);
	else
		gles_host.glDrawArraysInstanced(c->mode, (GLint)c->cmd[2], (GLsizei)c->cmd[0],
		                                (GLsizei)c->cmd[1]);
}

/* u32 mode, u64 offset into the GL_DRAW_INDIRECT_BUFFER. */
bool gl_exec_special_glDrawArraysIndirect(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glDrawArraysIndirect";
	struct arrays_call c = {.mode = gl_rd_u32(r)};
	int64_t offset = (int64_t)gl_rd_u64(r);
	bool ok, got;
	if (!gles_reader_end(x, r, cmd) || !draw_allowed(x, cmd, &ok))
		return false;
	if (!ok)
		return true;
	if (!read_command(x, cmd, GL_DRAW_INDIRECT_BUFFER, offset, ARRAYS_COMMAND, c.cmd, &got))
		return false;
	if (!got)
		return true;
	if (c.cmd[3] && !has_base_instance(x))
		return refuse(x, cmd, GL_INVALID_OPERATION, "reservedMustBeZero is not 0");
	/* GLuint counts a direct draw cannot say: more than GL could fetch
	 * from any buffer anyway. */
	if (c.cmd[0] > INT32_MAX || c.cmd[1] > INT32_MAX || c.cmd[2] > INT32_MAX ||
	    (uint64_t)c.cmd[0] + c.cmd[2] > (uint64_t)INT32_MAX + 1)
		return refuse(x, cmd, GL_INVALID_VALUE, "counts over 2^31");
	struct gh_gl_fetch f = {.any = c.cmd[0] > 0,
	                        .first = c.cmd[2],
	                        .instances = c.cmd[1],
	                        .base_instance = c.cmd[3]};
	f.last = f.any ? (int64_t)c.cmd[2] + c.cmd[0] - 1 : 0;
	return gh_gl_draw_checked(x, &f, run_arrays, &c);
}

struct elements_call {
	struct gh_gl *gl;
	GLenum mode, type;
	uint32_t isize;
	/* count, instanceCount, firstIndex, baseVertex, reservedMustBeZero or baseInstance */
	uint32_t cmd[5];
};

static void run_elements(const void *args)
{
	const struct elements_call *c = args;
	const void *indices = (const void *)(uintptr_t)((uint64_t)c->cmd[2] * c->isize);
	if (c->cmd[4])
		gles_host.glDrawElementsInstancedBaseVertexBaseInstanceEXT(
		        c->mode, (GLsizei)c->cmd[0], c->type, indices, (GLsizei)c->cmd[1],
		        (GLint)c->cmd[3], c->cmd[4]);
	else if (!c->cmd[3])
		gles_host.glDrawElementsInstanced(c->mode, (GLsizei)c->cmd[0], c->type, indices,
		                                  (GLsizei)c->cmd[1]);
	else
		c->gl->fns.DrawElementsInstancedBaseVertex(c->mode, (GLsizei)c->cmd[0], c->type,
		                                           indices, (GLsizei)c->cmd[1],
		                                           (GLint)c->cmd[3]);
}

/* u32 mode, u32 type, u64 offset into the GL_DRAW_INDIRECT_BUFFER. */
bool gl_exec_special_glDrawElementsIndirect(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glDrawElementsIndirect";
	struct elements_call c = {.gl = x->gl, .mode = gl_rd_u32(r), .type = gl_rd_u32(r)};
	int64_t offset = (int64_t)gl_rd_u64(r);
	bool ok, got;
	if (!gles_reader_end(x, r, cmd))
		return false;
	int64_t isize = gl_index_size(c.type);
	if (isize <= 0)
		return refuse(x, cmd, GL_INVALID_ENUM, "index type");
	c.isize = (uint32_t)isize;
	if (!draw_allowed(x, cmd, &ok))
		return false;
	if (!ok)
		return true;
	if (!x->ctx->vao->element)
		return refuse(x, cmd, GL_INVALID_OPERATION, "no element buffer bound");
	if (!read_command(x, cmd, GL_DRAW_INDIRECT_BUFFER, offset, ELEMENTS_COMMAND, c.cmd, &got))
		return false;
	if (!got)
		return true;
	if (c.cmd[4] && !has_base_instance(x))
		return refuse(x, cmd, GL_INVALID_OPERATION, "reservedMustBeZero is not 0");
	if (c.cmd[0] > INT32_MAX || c.cmd[1] > INT32_MAX)
		return refuse(x, cmd, GL_INVALID_VALUE, "counts over 2^31");
	if (c.cmd[3] && !x->gl->fns.DrawElementsInstancedBaseVertex)
		return refuse(
		        x, cmd, GL_INVALID_OPERATION,
		        "a base vertex, and the host has no glDrawElementsInstancedBaseVertex");
	/* The indices, as a direct draw's in the element buffer. */
	struct gh_gl_buffer *elements = x->ctx->vao->element;
	uint64_t at = (uint64_t)c.cmd[2] * c.isize, bytes = (uint64_t)c.cmd[0] * c.isize;
	if (at > elements->size || bytes > elements->size - at)
		return gh_gl_fail(x, "indices to byte %llu of a %llu-byte element buffer",
		                  (unsigned long long)(at + bytes),
		                  (unsigned long long)elements->size);
	uint32_t min, max;
	if (!gh_gl_element_range(x, at, c.cmd[0], c.type, c.mode, &min, &max))
		return false;
	int32_t base = (int32_t)c.cmd[3];
	struct gh_gl_fetch f = {.any = c.cmd[0] > 0,
	                        .first = (int64_t)min + base,
	                        .last = (int64_t)max + base,
	                        .instances = c.cmd[1],
	                        .base_instance = c.cmd[4]};
	if (f.any && f.last < 0)
		return gh_gl_fail(x, "base vertex %d makes every index negative", base);
	return gh_gl_draw_checked(x, &f, run_elements, &c);
}

/* u64 offset into the GL_DISPATCH_INDIRECT_BUFFER. */
bool gl_exec_special_glDispatchComputeIndirect(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glDispatchComputeIndirect";
	int64_t offset = (int64_t)gl_rd_u64(r);
	uint32_t groups[3];
	bool got;
	if (!gles_reader_end(x, r, cmd))
		return false;
	/* GL refuses it in a display list being made, compiled or executed (the compatibility
	 * profile's list of commands display lists cannot hold): the direct dispatch the host
	 * would run instead is listable. */
	if (gh_gl_list_refuses(x, cmd))
		return true;
	if (!read_command(x, cmd, GL_DISPATCH_INDIRECT_BUFFER, offset, DISPATCH_COMMAND, groups,
	                  &got))
		return false;
	if (got)
		gles_host.glDispatchCompute(groups[0], groups[1], groups[2]);
	return true;
}
