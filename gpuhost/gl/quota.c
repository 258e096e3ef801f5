/*
 * Per-link quotas of the GL executor (gh_gl_limits in gl.h): GL memory in
 * bytes and live object names, counted from what the app asked for, so
 * that the count is the same on every driver and known before the driver
 * is called. The records that charge memory are buffers (vertex.c,
 * arrays.c), textures and renderbuffers (storage.c), surfaces (surface.c)
 * and EGLImages (image.c); names are counted where they are mapped
 * (names.c).
 *
 * A refused allocation never reaches the driver. The app sees what a
 * driver out of memory gives: GL_OUT_OF_MEMORY from its next glGetError,
 * which is answered here (glGetError is a round trip already, so the
 * error costs none of its own).
 */
#include <inttypes.h>
#include <stdio.h>

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "context.h"
#include "executor.h"
#include "gl.h"
#include "gles-codec.h"
#include "quota.h"
#include "stream.h"

/* One refusal line per this many milliseconds; the others are counted
 * and their number given with the next line. */
#define LOG_INTERVAL_MS 5000

void gh_gl_quota_init(struct gh_gl_quota *q)
{
	*q = (struct gh_gl_quota){
	        .limits =
	                {
	                        .memory = GH_GL_DEFAULT_MEMORY,
	                        .names = GH_GL_DEFAULT_NAMES,
	                        .frame_memory = GH_GL_DEFAULT_FRAME_MEMORY,
	                },
	        .logged_ms = INT64_MIN,
	};
}

void gh_gl_set_limits(struct gh_gl *gl, const struct gh_gl_limits *limits)
{
	gl->quota.limits = *limits;
}

static void log_refusal(struct gh_gl_quota *q, uint64_t bytes, const char *what)
{
	int64_t now = gp_now_ms();
	if (q->logged_ms != INT64_MIN && now - q->logged_ms < LOG_INTERVAL_MS) {
		q->unlogged++;
		return;
	}
	char more[64] = "";
	if (q->unlogged)
		snprintf(more, sizeof(more), "; %u more refused since the last such line",
		         q->unlogged);
	gp_log(WARN,
	       "GL memory quota: %s of %" PRIu64 " bytes refused with GL_OUT_OF_MEMORY (the "
	       "link holds %" PRIu64 " of %" PRIu64 " bytes, --quota-gl-memory)%s",
	       what, bytes, q->memory, q->limits.memory, more);
	q->logged_ms = now;
	q->unlogged = 0;
}

bool gh_gl_quota_charge(struct gh_gl_quota *q, uint64_t old, uint64_t bytes, const char *what)
{
	/* old is part of memory: memory - old cannot wrap. */
	uint64_t others = q->memory - old, limit = q->limits.memory;
	if (bytes > old && (others > limit || bytes > limit - others)) {
		log_refusal(q, bytes, what);
		return false;
	}
	gh_gl_quota_adjust(q, old, bytes);
	return true;
}

void gh_gl_quota_adjust(struct gh_gl_quota *q, uint64_t old, uint64_t bytes)
{
	q->memory = q->memory - old + bytes;
	if (q->memory > q->memory_peak)
		q->memory_peak = q->memory;
}

void gh_gl_quota_names_gone(struct gh_gl_quota *q, uint32_t n)
{
	q->names -= n < q->names ? n : q->names;
}

void gh_gl_quota_report(const struct gh_gl_quota *q)
{
	gp_log(DEBUG,
	       "GL quotas at most used: %" PRIu64 " of %" PRIu64 " bytes of GL memory, %" PRIu64
	       " of %" PRIu64 " names",
	       q->memory_peak, q->limits.memory, q->names_peak, q->limits.names);
}

bool gl_exec_names_reserve(struct gl_exec *x, enum gl_name_class cls, uint32_t n)
{
	struct gh_gl_quota *q = &x->gl->quota;
	if (q->names > q->limits.names || n > q->limits.names - q->names)
		return gh_gl_fail(x,
		                  "%u new names would pass the GL names quota (the link holds "
		                  "%" PRIu64 " of %" PRIu64 " names, --quota-gl-names)",
		                  n, q->names, q->limits.names);
	return true;
}

/* ---- errors ---- */

#define ERROR_BASE 0x0500u /* GL_INVALID_ENUM */

void gh_gl_error_record(struct gh_gl_context *ctx, uint32_t error)
{
	if (error >= ERROR_BASE && error < ERROR_BASE + 32)
		ctx->errors |= 1u << (error - ERROR_BASE);
}

void gh_gl_errors_stash(struct gh_gl_context *ctx)
{
	/* GL keeps at most one error per code: a handful of calls empty it. */
	for (int i = 0; i < 8; i++) {
		GLenum e = gles_host.glGetError();
		if (e == GL_NO_ERROR)
			return;
		gh_gl_error_record(ctx, e);
	}
}

bool gh_gl_command_failed(struct gh_gl_context *ctx)
{
	GLenum e = gles_host.glGetError();
	if (e == GL_NO_ERROR)
		return false;
	gh_gl_error_record(ctx, e);
	return true;
}

uint32_t gl_exec_errors_begin(struct gl_exec *x)
{
	if (!x->ctx)
		return 0;
	gh_gl_errors_stash(x->ctx);
	return x->ctx->errors;
}

bool gl_exec_errors_raised(struct gl_exec *x, uint32_t before)
{
	if (!x->ctx)
		return false;
	bool driver = gh_gl_command_failed(x->ctx);
	return driver || (x->ctx->errors & ~before) != 0;
}

/* glGetError: the errors the host holds for the context first. */
bool gl_exec_special_glGetError(struct gl_exec *x, struct gl_reader *r)
{
	if (!gles_reader_end(x, r, "glGetError"))
		return false;
	uint32_t error;
	if (x->ctx->errors) {
		uint32_t bit = (uint32_t)__builtin_ctz(x->ctx->errors);
		x->ctx->errors &= ~(1u << bit);
		error = ERROR_BASE + bit;
	} else {
		error = gles_host.glGetError();
	}
	uint8_t *p = gl_exec_reply(x, 4);
	if (!p)
		return false;
	gles_wr_u32(p, error);
	return true;
}
