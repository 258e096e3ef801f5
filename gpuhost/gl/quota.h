/*
 * The GL memory and names one link holds against its limits (gh_gl.quota),
 * and the GL errors the host records for the app (quota.c).
 */
#ifndef GH_GL_QUOTA_H
#define GH_GL_QUOTA_H

#include <stdbool.h>
#include <stdint.h>

#include "gl.h"

struct gh_gl_context;

/* What the link holds against its gh_gl_limits. Bytes are what the app
 * asked for (sizes x formats), the same on every driver. */
struct gh_gl_quota {
	struct gh_gl_limits limits;
	uint64_t memory, memory_peak; /* bytes of GL memory held */
	uint64_t names, names_peak;   /* live names */
	int64_t logged_ms;            /* the last refusal logged (rate limit) */
	uint32_t unlogged;            /* refusals since, not logged */
};

void gh_gl_quota_init(struct gh_gl_quota *q);
/* An allocation of `bytes` replacing `old` bytes: true when it fits (and
 * it is then charged); false (logged, rate limited) when it would pass the
 * memory quota, which stays unchanged. */
bool gh_gl_quota_charge(struct gh_gl_quota *q, uint64_t old, uint64_t bytes, const char *what);
/* What GL really did, or storage given back: never refused. */
void gh_gl_quota_adjust(struct gh_gl_quota *q, uint64_t old, uint64_t bytes);
/* Live names of a map that is going away. */
void gh_gl_quota_names_gone(struct gh_gl_quota *q, uint32_t n);
/* Logs what the link used at most (at link end). */
void gh_gl_quota_report(const struct gh_gl_quota *q);

/* GL errors for the app that the host knows and the driver does not hold:
 * a refused allocation's GL_OUT_OF_MEMORY, and the driver's own errors
 * taken out of it while checking an allocation (gh_gl_errors_stash). The
 * app's glGetError returns these first, then asks the driver; GL allows
 * any order when several errors are recorded. Bit i is 0x0500 + i. */
void gh_gl_error_record(struct gh_gl_context *ctx, uint32_t error);
/* Moves the driver's recorded errors into ctx's, so that a glGetError
 * right after a command tells whether that command failed. */
void gh_gl_errors_stash(struct gh_gl_context *ctx);
/* After a command: true (and its error stashed) when GL refused it. */
bool gh_gl_command_failed(struct gh_gl_context *ctx);

#endif
