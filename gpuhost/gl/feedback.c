/*
 * Feedback and selection (the compatibility profile): the app's buffers live
 * in the library; the host gives its driver a buffer of its own, `size`
 * values charged to the link's GL memory quota, kept while the driver may
 * write it. glRenderMode's reply carries GL's answer, the render mode left
 * and entered, and the values GL wrote: the feedback count (all `size` on
 * GL's overflow, -1), or the hit records walked up to `size` (selection).
 * Wire (proxy/gl/gl-feedback.c): glFeedbackBuffer i32 size, u32 type;
 * glSelectBuffer i32 size; glRenderMode u32 mode, its reply i32 result,
 * u32 mode before, u32 mode after, blob values.
 */
#include <stdlib.h>
#include <string.h>

#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "quota.h"
#include "stream.h"

#define GL_RENDER_ 0x1C00
#define GL_FEEDBACK_ 0x1C01
#define GL_SELECT_ 0x1C02
#define GL_RENDER_MODE_ 0x0C40

/* The most values a buffer may have: its reply must fit one command. */
#define MAX_VALUES ((GL_MAX_COMMAND - 64) / 4)

void gh_gl_feedback_finish(struct gh_gl_context *ctx)
{
	gh_gl_quota_adjust(&ctx->gl->quota, (uint64_t)ctx->feedback.size * 4, 0);
	gh_gl_quota_adjust(&ctx->gl->quota, (uint64_t)ctx->select.size * 4, 0);
	free(ctx->feedback.values);
	free(ctx->select.values);
}

/* A new buffer of `size` values for `slot`, given to the driver by `give`;
 * the old one stays where GL refuses (in that render mode, a bad type). */
static bool set_buffer(struct gl_exec *x, int32_t size, void *slot_values, uint32_t *slot_size,
                       void (*give)(struct gl_exec *x, int32_t size, void *values, uint32_t type),
                       uint32_t type, const char *what)
{
	struct gh_gl_context *ctx = x->ctx;
	void **slot = slot_values;
	if (size < 0) {
		gh_gl_error_record(ctx, GL_INVALID_VALUE);
		return true;
	}
	uint64_t old = (uint64_t)*slot_size * 4, bytes = (uint64_t)size * 4;
	if ((uint32_t)size > MAX_VALUES || !gh_gl_quota_charge(&x->gl->quota, old, bytes, what)) {
		gh_gl_error_record(ctx, GL_OUT_OF_MEMORY);
		return true;
	}
	void *values = calloc(size ? (size_t)size : 1, 4);
	if (!values)
		return gh_gl_fail(x, "%s: out of memory", what);
	gh_gl_errors_stash(ctx);
	give(x, size, values, type);
	if (gh_gl_command_failed(ctx)) {
		gh_gl_quota_adjust(&x->gl->quota, bytes, old);
		free(values);
		return true;
	}
	free(*slot);
	*slot = values;
	*slot_size = (uint32_t)size;
	return true;
}

static void give_feedback(struct gl_exec *x, int32_t size, void *values, uint32_t type)
{
	gles_host.glFeedbackBuffer(size, type, values);
}

static void give_select(struct gl_exec *x, int32_t size, void *values, uint32_t type)
{
	gles_host.glSelectBuffer(size, values);
}

bool gl_exec_special_glFeedbackBuffer(struct gl_exec *x, struct gl_reader *r)
{
	int32_t size = (int32_t)gl_rd_u32(r);
	uint32_t type = gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glFeedbackBuffer"))
		return false;
	return set_buffer(x, size, &x->ctx->feedback.values, &x->ctx->feedback.size, give_feedback,
	                  type, "glFeedbackBuffer");
}

bool gl_exec_special_glSelectBuffer(struct gl_exec *x, struct gl_reader *r)
{
	int32_t size = (int32_t)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glSelectBuffer"))
		return false;
	return set_buffer(x, size, &x->ctx->select.values, &x->ctx->select.size, give_select, 0,
	                  "glSelectBuffer");
}

/* Values of the hit records GL wrote: `hits` records (-1: it overflowed, all
 * of them), each its name count, two depths and the names, up to `size`. */
static uint32_t select_values(const uint32_t *buf, uint32_t size, int32_t hits)
{
	if (hits < 0)
		return size;
	uint64_t at = 0;
	for (int32_t h = 0; h < hits && at < size; h++)
		at += 3 + (uint64_t)buf[at];
	return at < size ? (uint32_t)at : size;
}

bool gl_exec_special_glRenderMode(struct gl_exec *x, struct gl_reader *r)
{
	uint32_t mode = gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glRenderMode"))
		return false;
	struct gh_gl_context *ctx = x->ctx;
	GLint before = GL_RENDER_, after = GL_RENDER_;
	gles_host.glGetIntegerv(GL_RENDER_MODE_, &before);
	GLint result = gles_host.glRenderMode(mode);
	gles_host.glGetIntegerv(GL_RENDER_MODE_, &after);
	uint32_t n = 0;
	const void *values = NULL;
	/* GL writes the buffer while in the mode and answers when it is left. */
	if (before == GL_FEEDBACK_ && after != GL_FEEDBACK_ && ctx->feedback.values) {
		n = result < 0 || (uint32_t)result > ctx->feedback.size ? ctx->feedback.size
		                                                        : (uint32_t)result;
		values = ctx->feedback.values;
	} else if (before == GL_SELECT_ && after != GL_SELECT_ && ctx->select.values) {
		n = select_values(ctx->select.values, ctx->select.size, result);
		values = ctx->select.values;
	}
	uint8_t *p = gl_exec_reply(x, 16 + n * 4);
	if (!p)
		return false;
	uint32_t head[4] = {(uint32_t)result, (uint32_t)before, (uint32_t)after, n * 4};
	memcpy(p, head, 16);
	if (n)
		memcpy(p + 16, values, (size_t)n * 4);
	return true;
}
