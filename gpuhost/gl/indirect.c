/*
 * Indirect draws and dispatches (OpenGL ES 3.1), and the multi-draws of them (desktop
 * OpenGL 4.3). Their arguments lie in a buffer object, maybe written by the GPU; the driver
 * would read them on the GPU, past every check of ours. So the host reads the command from
 * its own store (a mapping waits for the GPU's writes before it), checks that it lies inside
 * the buffer, validates it exactly as the direct draw (draw.c: vertex ranges per attribute
 * and divisor, indices, instancing), and runs the direct equivalent, whose counts the
 * driver checks again (glDispatchCompute's work-group limits among them); a multi-draw's
 * commands run from a buffer of the host's own (below).
 *
 * What GL defines as an error of the command (no buffer bound, a command past the buffer's
 * end, the default vertex array, an array with no buffer, a reserved field not 0) is that
 * GL error for the app and nothing runs. In a context with base instances (desktop OpenGL
 * 4.2 or ARB_base_instance, ES's EXT_base_instance) the reserved field is the draw's base
 * instance, as those define it. In a display list being made every indirect command is
 * GL_INVALID_OPERATION and nothing runs, as in Mesa (the compatibility profile does not
 * compile them). Alignment and sign of the offset, and a multi-draw's count and stride, are
 * checked by the library: a stream that breaks them ends the link.
 */
#include <stdlib.h>
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

/* Whether `count` commands of `bytes` bytes, every `step` bytes from `offset`, lie in the
 * buffer bound to `target`: false after ending the link; *got false when GL refuses the
 * command (the error recorded). */
static bool commands_fit(struct gl_exec *x, const char *cmd, uint32_t target, int64_t offset,
                         uint32_t count, uint64_t step, uint32_t bytes, bool *got)
{
	*got = false;
	if (offset < 0 || offset % 4)
		return gh_gl_fail(x, "offset %lld", (long long)offset);
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf)
		return refuse(x, cmd, GL_INVALID_OPERATION, "no buffer bound");
	uint64_t span = count ? (uint64_t)(count - 1) * step + bytes : 0;
	if ((uint64_t)offset > buf->size || span > buf->size - (uint64_t)offset)
		return refuse(x, cmd, GL_INVALID_OPERATION, "the command is past the buffer's end");
	*got = true;
	return true;
}

/* The `bytes` bytes at `offset` of the buffer bound to `target`, as commands_fit. */
static bool read_command(struct gl_exec *x, const char *cmd, uint32_t target, int64_t offset,
                         uint32_t bytes, void *out, bool *got)
{
	if (!commands_fit(x, cmd, target, offset, 1, bytes, bytes, got))
		return false;
	return !*got || gh_gl_buffer_fetch(x, target, (uint64_t)offset, bytes, out);
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

/* What a DrawArraysIndirectCommand fetches: false after ending the link, *ok false when GL
 * refuses it (the error recorded). */
static bool arrays_fetch(struct gl_exec *x, const char *cmd, const uint32_t c[4],
                         struct gh_gl_fetch *f, bool *ok)
{
	*ok = false;
	if (c[3] && !has_base_instance(x))
		return refuse(x, cmd, GL_INVALID_OPERATION, "reservedMustBeZero is not 0");
	/* GLuint counts a direct draw cannot say: more than GL could fetch
	 * from any buffer anyway. */
	if (c[0] > INT32_MAX || c[1] > INT32_MAX || c[2] > INT32_MAX ||
	    (uint64_t)c[0] + c[2] > (uint64_t)INT32_MAX + 1)
		return refuse(x, cmd, GL_INVALID_VALUE, "counts over 2^31");
	*f = (struct gh_gl_fetch){
	        .any = c[0] > 0, .first = c[2], .instances = c[1], .base_instance = c[3]};
	f->last = f->any ? (int64_t)c[2] + c[0] - 1 : 0;
	*ok = true;
	return true;
}

/* u32 mode, u64 offset into the GL_DRAW_INDIRECT_BUFFER. */
bool gl_exec_special_glDrawArraysIndirect(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glDrawArraysIndirect";
	struct arrays_call c = {.mode = gl_rd_u32(r)};
	int64_t offset = (int64_t)gl_rd_u64(r);
	bool ok, got;
	if (!gles_reader_end(x, r, cmd))
		return false;
	if (gh_gl_list_refuses(x, cmd))
		return true;
	if (!draw_allowed(x, cmd, &ok))
		return false;
	if (!ok)
		return true;
	if (!read_command(x, cmd, GL_DRAW_INDIRECT_BUFFER, offset, ARRAYS_COMMAND, c.cmd, &got))
		return false;
	if (!got)
		return true;
	struct gh_gl_fetch f;
	if (!arrays_fetch(x, cmd, c.cmd, &f, &ok))
		return false;
	return !ok || gh_gl_draw_checked(x, &f, run_arrays, &c);
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

/* What a DrawElementsIndirectCommand fetches, its indices read from the bound element
 * buffer: false after ending the link, *ok false when GL refuses it (the error recorded). */
static bool elements_fetch(struct gl_exec *x, const char *cmd, const struct elements_call *e,
                           const uint32_t c[5], struct gh_gl_fetch *f, bool *ok)
{
	*ok = false;
	if (c[4] && !has_base_instance(x))
		return refuse(x, cmd, GL_INVALID_OPERATION, "reservedMustBeZero is not 0");
	if (c[0] > INT32_MAX || c[1] > INT32_MAX)
		return refuse(x, cmd, GL_INVALID_VALUE, "counts over 2^31");
	if (c[3] && !x->gl->fns.DrawElementsInstancedBaseVertex)
		return refuse(
		        x, cmd, GL_INVALID_OPERATION,
		        "a base vertex, and the host has no glDrawElementsInstancedBaseVertex");
	/* The indices, as a direct draw's in the element buffer. */
	struct gh_gl_buffer *elements = x->ctx->vao->element;
	uint64_t at = (uint64_t)c[2] * e->isize, bytes = (uint64_t)c[0] * e->isize;
	if (at > elements->size || bytes > elements->size - at)
		return gh_gl_fail(x, "indices to byte %llu of a %llu-byte element buffer",
		                  (unsigned long long)(at + bytes),
		                  (unsigned long long)elements->size);
	uint32_t min, max;
	if (!gh_gl_element_range(x, at, c[0], e->type, e->mode, &min, &max))
		return false;
	int32_t base = (int32_t)c[3];
	*f = (struct gh_gl_fetch){.any = c[0] > 0,
	                          .first = (int64_t)min + base,
	                          .last = (int64_t)max + base,
	                          .instances = c[1],
	                          .base_instance = c[4]};
	if (f->any && f->last < 0)
		return gh_gl_fail(x, "base vertex %d makes every index negative", base);
	*ok = true;
	return true;
}

/* The index type and the element buffer an indexed indirect draw needs: false after ending
 * the link, *ok false when GL refuses the draw (the error recorded). */
static bool elements_allowed(struct gl_exec *x, const char *cmd, struct elements_call *c, bool *ok)
{
	*ok = false;
	int64_t isize = gl_index_size(c->type);
	if (isize <= 0)
		return refuse(x, cmd, GL_INVALID_ENUM, "index type");
	c->isize = (uint32_t)isize;
	if (!draw_allowed(x, cmd, ok))
		return false;
	if (*ok && !x->ctx->vao->element) {
		*ok = false;
		return refuse(x, cmd, GL_INVALID_OPERATION, "no element buffer bound");
	}
	return true;
}

/* u32 mode, u32 type, u64 offset into the GL_DRAW_INDIRECT_BUFFER. */
bool gl_exec_special_glDrawElementsIndirect(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glDrawElementsIndirect";
	/* One read a statement: an initializer list's are in no set order. */
	struct elements_call c = {.gl = x->gl, .mode = gl_rd_u32(r)};
	c.type = gl_rd_u32(r);
	int64_t offset = (int64_t)gl_rd_u64(r);
	bool ok, got;
	if (!gles_reader_end(x, r, cmd))
		return false;
	if (gh_gl_list_refuses(x, cmd))
		return true;
	if (!elements_allowed(x, cmd, &c, &ok))
		return false;
	if (!ok)
		return true;
	if (!read_command(x, cmd, GL_DRAW_INDIRECT_BUFFER, offset, ELEMENTS_COMMAND, c.cmd, &got))
		return false;
	if (!got)
		return true;
	struct gh_gl_fetch f;
	if (!elements_fetch(x, cmd, &c, c.cmd, &f, &ok))
		return false;
	return !ok || gh_gl_draw_checked(x, &f, run_elements, &c);
}

/* ---- glMultiDraw*Indirect (OpenGL 4.3): every command read at once and checked as the
 * single draw's. The driver then runs them all from a buffer of the host's own holding the
 * commands as read, which the app can neither name nor change: what was checked is what is
 * drawn, and gl_DrawIDARB counts the draws. ---- */

struct multi_indirect {
	struct elements_call e; /* mode, and for elements type and index size */
	bool elements;
	uint32_t words; /* of one command: 4 or 5 */
	uint32_t *cmds; /* drawcount commands */
	GLsizei drawcount;
	uint32_t scratch; /* host name of the buffer holding cmds */
	uint32_t app;     /* host name of the app's GL_DRAW_INDIRECT_BUFFER */
};

static void run_multi(const void *args)
{
	const struct multi_indirect *m = args;
	gles_host.glBindBuffer(GL_DRAW_INDIRECT_BUFFER, m->scratch);
	if (m->elements)
		gles_host.glMultiDrawElementsIndirect(m->e.mode, m->e.type, NULL, m->drawcount, 0);
	else
		gles_host.glMultiDrawArraysIndirect(m->e.mode, NULL, m->drawcount, 0);
	gles_host.glBindBuffer(GL_DRAW_INDIRECT_BUFFER, m->app);
}

/* The checked commands into the context's scratch buffer (left bound to nothing the app
 * sees: GL_ARRAY_BUFFER is put back). */
static bool stage_commands(struct gl_exec *x, struct multi_indirect *m)
{
	struct gh_gl_context *ctx = x->ctx;
	uint64_t bytes = (uint64_t)m->drawcount * m->words * 4;
	struct gh_gl_buffer *buf =
	        gh_gl_scratch(x, &ctx->scratch_indirect, bytes, "indirect draw commands");
	if (!buf)
		return false;
	gles_host.glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)bytes, m->cmds);
	gles_host.glBindBuffer(GL_ARRAY_BUFFER, ctx->array_buffer ? ctx->array_buffer->host : 0);
	m->scratch = buf->host;
	m->app = gh_gl_bound_buffer(ctx, GL_DRAW_INDIRECT_BUFFER)->host;
	return true;
}

/* After the command's scalars: reads, checks and runs its draws. */
static bool multi_indirect(struct gl_exec *x, const char *cmd, struct multi_indirect *m,
                           int64_t offset, GLsizei stride)
{
	bool ok, got;
	if (m->drawcount < 0 || stride < 0 || stride % 4)
		return gh_gl_fail(x, "drawcount %d, stride %d", m->drawcount, stride);
	if (gh_gl_list_refuses(x, cmd))
		return true;
	if (m->elements ? !elements_allowed(x, cmd, &m->e, &ok) : !draw_allowed(x, cmd, &ok))
		return false;
	if (!ok || !m->drawcount)
		return true;
	uint32_t bytes = m->words * 4, count = (uint32_t)m->drawcount;
	uint64_t step = stride ? (uint64_t)stride : bytes;
	if (!commands_fit(x, cmd, GL_DRAW_INDIRECT_BUFFER, offset, count, step, bytes, &got))
		return false;
	if (!got)
		return true;
	/* Overlapping commands (a stride under their size) could make many of a few bytes. */
	if ((uint64_t)count * bytes > GH_GL_MAX_CLIENT_ARRAY)
		return refuse(x, cmd, GL_OUT_OF_MEMORY, "more commands than the host holds");
	m->cmds = malloc((size_t)count * bytes);
	if (!m->cmds)
		return gh_gl_fail(x, "out of memory for %d draws", m->drawcount);
	ok = gh_gl_buffer_fetch_strided(x, GL_DRAW_INDIRECT_BUFFER, (uint64_t)offset, count, step,
	                                bytes, m->cmds);
	bool draw = ok;
	uint64_t scanned = 0;
	for (uint32_t i = 0; draw && i < count; i++) {
		const uint32_t *c = m->cmds + (size_t)i * m->words;
		struct gh_gl_fetch f;
		scanned += m->elements ? (uint64_t)c[0] * m->e.isize : 0;
		if (scanned > GH_GL_MULTI_DRAW_SCAN) {
			draw = false;
			refuse(x, cmd, GL_OUT_OF_MEMORY, "its draws scan too many indices");
			break;
		}
		ok = m->elements ? elements_fetch(x, cmd, &m->e, c, &f, &draw)
		                 : arrays_fetch(x, cmd, c, &f, &draw);
		ok = ok && (!draw || gh_gl_fetch_ok(x, &f));
		draw = draw && ok;
	}
	if (draw)
		ok = stage_commands(x, m);
	if (ok && draw)
		ok = gh_gl_draw_hiding(x, run_multi, m);
	free(m->cmds);
	return ok;
}

/* u32 mode, [u32 type,] u64 offset into the GL_DRAW_INDIRECT_BUFFER, i32 drawcount,
 * i32 stride. */
static bool read_multi_indirect(struct gl_exec *x, struct gl_reader *r, const char *cmd,
                                bool elements)
{
	struct multi_indirect m = {.e = {.gl = x->gl, .mode = gl_rd_u32(r)},
	                           .elements = elements,
	                           .words = elements ? 5 : 4};
	if (elements)
		m.e.type = gl_rd_u32(r);
	int64_t offset = (int64_t)gl_rd_u64(r);
	m.drawcount = (GLsizei)gl_rd_u32(r);
	GLsizei stride = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, cmd))
		return false;
	return multi_indirect(x, cmd, &m, offset, stride);
}

bool gl_exec_special_glMultiDrawArraysIndirect(struct gl_exec *x, struct gl_reader *r)
{
	return read_multi_indirect(x, r, "glMultiDrawArraysIndirect", false);
}

bool gl_exec_special_glMultiDrawElementsIndirect(struct gl_exec *x, struct gl_reader *r)
{
	return read_multi_indirect(x, r, "glMultiDrawElementsIndirect", true);
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
