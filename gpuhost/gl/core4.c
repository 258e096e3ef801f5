/*
 * Desktop OpenGL 4.x on the host: 4.3's buffer clears (the GPU writes the store, so a
 * persistent mapping of it is pulled, persist.c, as after any other GPU write), and the
 * program queries of 4.0 and 4.2 whose answer is a list as long as another query says.
 */
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

bool gl_exec_hook_glClearBufferData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                    GLenum format, GLenum type, const void *data)
{
	gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, target));
	return true;
}

enum gl_guard gl_exec_guard_glClearBufferSubData(struct gl_exec *x, GLenum target,
                                                 GLenum internalformat, GLintptr offset,
                                                 GLsizeiptr size, GLenum format, GLenum type,
                                                 const void *data)
{
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	/* Mesa checks offset + size in 64 bits that may wrap and gives the driver 32 of
	 * them: the range is checked here, in full, against the store. */
	if (buf &&
	    ((uint64_t)offset > buf->size || (uint64_t)size > buf->size - (uint64_t)offset)) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return GL_GUARD_SKIP;
	}
	return GL_GUARD_CALL; /* no buffer: the driver's GL error */
}

bool gl_exec_hook_glClearBufferSubData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                       GLintptr offset, GLsizeiptr size, GLenum format, GLenum type,
                                       const void *data)
{
	gh_gl_buffer_gpu_writes(gh_gl_bound_buffer(x->ctx, target));
	return true;
}

/* After an invalidation the store holds undefined data, as after a GPU write. */
bool gl_exec_hook_glInvalidateBufferData(struct gl_exec *x, GLuint buffer, GLuint app_buffer)
{
	gh_gl_buffer_gpu_writes(gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer));
	return true;
}

bool gl_exec_hook_glInvalidateBufferSubData(struct gl_exec *x, GLuint buffer, GLintptr offset,
                                            GLsizeiptr length, GLuint app_buffer)
{
	gh_gl_buffer_gpu_writes(gh_gl_map_get_ptr(&x->ctx->share->buffers, buffer));
	return true;
}

/* A query whose list pname writes as many values as its count pname answers, at most
 * cap / 4 of them: the count is asked first, the list into a buffer of that many. */
struct counted_query {
	const char *cmd;
	GLuint program;
	GLenum stage_or_index, pname, count_pname, list_pname;
	GLuint index; /* glGetActiveSubroutineUniformiv's uniform */
	bool subroutine;
};

static void run_query(const struct counted_query *q, GLenum pname, GLint *out)
{
	if (q->subroutine)
		gles_host.glGetActiveSubroutineUniformiv(q->program, q->stage_or_index, q->index,
		                                         pname, out);
	else
		gles_host.glGetActiveAtomicCounterBufferiv(q->program, q->stage_or_index, pname,
		                                           out);
}

static bool reply_values(struct gl_exec *x, const GLint *v, uint32_t n)
{
	uint32_t bytes = n * 4;
	uint8_t *p = gl_exec_reply(x, 4 + bytes);
	if (!p)
		return false;
	memcpy(p, &bytes, 4);
	memcpy(p + 4, v, bytes);
	return true;
}

static bool counted_query(struct gl_exec *x, struct counted_query *q, int64_t want, uint32_t cap,
                          uint32_t app_program)
{
	if (want < 0 || cap != (uint64_t)want)
		return gl_exec_fail(x, "%s: capacity %u, its arguments say %lld", q->cmd, cap,
		                    (long long)want);
	if (q->pname != q->list_pname) {
		GLint v = 0;
		run_query(q, q->pname, &v);
		return reply_values(x, &v, 1);
	}
	GLint n = 0;
	gh_gl_errors_stash(x->ctx);
	run_query(q, q->count_pname, &n);
	if (gh_gl_command_failed(x->ctx) || n <= 0)
		return reply_values(x, NULL, 0); /* GL's error is the app's */
	/* More than the app's capacity: as many as it holds (a driver past our bound). */
	uint32_t keep = (uint32_t)n < cap / 4 ? (uint32_t)n : cap / 4;
	GLint *v = calloc((size_t)n, sizeof(*v));
	if (!v)
		return gl_exec_fail(x, "%s: no memory for %d values of program %u", q->cmd, n,
		                    app_program);
	run_query(q, q->list_pname, v);
	bool ok = reply_values(x, v, keep);
	free(v);
	return ok;
}

/* u32 program, shadertype, index, pname, capacity. */
bool gl_exec_special_glGetActiveSubroutineUniformiv(struct gl_exec *x, struct gl_reader *r)
{
	struct counted_query q = {.cmd = "glGetActiveSubroutineUniformiv",
	                          .count_pname = 0x8E4A, /* GL_NUM_COMPATIBLE_SUBROUTINES */
	                          .list_pname = 0x8E4B,  /* GL_COMPATIBLE_SUBROUTINES */
	                          .subroutine = true};
	uint32_t app = gl_rd_u32(r);
	q.stage_or_index = gl_rd_u32(r);
	q.index = gl_rd_u32(r);
	q.pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	if (!gles_reader_end(x, r, q.cmd) || !gl_exec_map(x, GL_NAMES_PROGRAM, app, &q.program))
		return false;
	int64_t want = gles_size_glGetActiveSubroutineUniformiv_values(
	        gl_exec_pixel_state(x), app, q.stage_or_index, q.index, q.pname);
	return counted_query(x, &q, want, cap, app);
}

/* u32 program, bufferIndex, pname, capacity. */
bool gl_exec_special_glGetActiveAtomicCounterBufferiv(struct gl_exec *x, struct gl_reader *r)
{
	struct counted_query q = {
	        .cmd = "glGetActiveAtomicCounterBufferiv",
	        .count_pname = 0x92C5, /* GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTERS */
	        .list_pname = 0x92C6,  /* ..._ACTIVE_ATOMIC_COUNTER_INDICES */
	};
	uint32_t app = gl_rd_u32(r);
	q.stage_or_index = gl_rd_u32(r);
	q.pname = gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	if (!gles_reader_end(x, r, q.cmd) || !gl_exec_map(x, GL_NAMES_PROGRAM, app, &q.program))
		return false;
	int64_t want = gles_size_glGetActiveAtomicCounterBufferiv_params(
	        gl_exec_pixel_state(x), app, q.stage_or_index, q.pname);
	return counted_query(x, &q, want, cap, app);
}
