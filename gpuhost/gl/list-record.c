/*
 * What the executor's trackers tell a display list being made (compat-trackers.h, "what a
 * display list being made is told"): whether a command they follow is compiled rather than
 * run, the texture images a list keeps, the names its binds make, the names the app deletes
 * that a list may bind again, and what no list may hold. Below the trackers, which call it:
 * it calls none of them. lists.c has the lists themselves (made, called, deleted) and what
 * a call changes behind the trackers; its comments tell the whole of it.
 */
#include <stdint.h>
#include <stdlib.h>

#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

bool gh_gl_list_compiles(struct gh_gl_context *ctx)
{
	if (!ctx->lists.mode)
		return false;
	ctx->share->lists.change_state = true;
	if (ctx->lists.mode == GH_GL_LIST_COMPILE)
		return true;
	/* Between glBegin and glEnd a GL_COMPILE_AND_EXECUTE list compiles
	 * the command and GL refuses to run it (GL_INVALID_OPERATION). The
	 * trackers skip it; should the driver have run it all the same, what
	 * it may have changed is re-read after glEnd, as after a list called
	 * there. */
	if (ctx->begin_end)
		ctx->lists.reread_pending = true;
	return ctx->begin_end;
}

bool gh_gl_list_image(struct gl_exec *x, uint64_t bytes, bool *compiled)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	*compiled = l->mode == GH_GL_LIST_COMPILE;
	if (!l->mode)
		return true;
	/* Between glBegin and glEnd of a GL_COMPILE_AND_EXECUTE list: compiled,
	 * run only to fail; every texture's levels are re-read after glEnd
	 * (lists.images) should the driver have run it all the same. */
	if (x->ctx->begin_end) {
		*compiled = true;
		l->reread_pending = true;
	}
	/* The list keeps the pixels until it is deleted or replaced. */
	if (!gh_gl_quota_charge(&x->gl->quota, l->making, l->making + bytes,
	                        "texture image in a display list")) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return false;
	}
	l->making += bytes;
	x->ctx->share->lists.images = true;
	return true;
}

bool gh_gl_list_refuses(struct gl_exec *x, const char *what)
{
	if (!x->ctx->lists.mode)
		return false;
	/* The host counts what each capture writes around its own queries
	 * (xfb-draw.c); a capture or query begun or ended by a list would run
	 * where the host cannot follow it, so it is not compiled. GL itself
	 * refuses the indirect draws and glDispatchComputeIndirect there. */
	gp_log(DEBUG, "GL stream %u: %s in a display list refused", x->channel, what);
	gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
	return true;
}

bool gh_gl_list_bind(struct gl_exec *x, enum gh_gl_list_bind_kind kind, uint32_t host)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t v = 0;
	if (!l->mode || (l->binds[kind] && gh_gl_map_get(l->binds[kind], host, &v)))
		return true;
	if (!l->binds[kind]) {
		l->binds[kind] = malloc(sizeof(*l->binds[kind]));
		if (!l->binds[kind])
			return gh_gl_fail(x, "out of memory for a display list's binds");
		gh_gl_map_init(l->binds[kind], GH_GL_MAX_NAMES);
	}
	gh_gl_map_get(&share->lists.listed[kind], host, &v);
	if (!gh_gl_map_put(l->binds[kind], host, 1) ||
	    !gh_gl_map_put(&share->lists.listed[kind], host, v + 1)) {
		gh_gl_map_remove(l->binds[kind], host, NULL);
		return gh_gl_fail(x, "too many objects bound in display lists");
	}
	return true;
}

void gh_gl_lists_name_deleted(struct gl_exec *x, enum gh_gl_list_bind_kind kind, uint32_t host)
{
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t v;
	/* No more names than `listed` holds: only memory can run out. */
	if (gh_gl_map_get(&share->lists.listed[kind], host, &v) &&
	    !gh_gl_map_put(&share->lists.deleted[kind], host, 1))
		gh_gl_fail(x, "out of memory for the objects display lists bind");
}
