/*
 * OpenGL ES 3 sync objects (glFenceSync). The app's library names each one
 * with a u32 it allocates (the GLsync the app holds is that number), so
 * glFenceSync costs no round trip; the host keeps the driver's GLsync
 * pointer under that name in the share group's sync names (syncs are
 * shared objects). They count against the link's names quota like any
 * other name, and go with the share group.
 */
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

static struct gh_gl_map *syncs(struct gl_exec *x)
{
	return &x->ctx->share->names[GL_NAMES_SYNC].app;
}

bool gl_exec_sync_map(struct gl_exec *x, uint32_t app, void **host)
{
	uintptr_t v;
	*host = NULL;
	if (!x->ctx)
		return gh_gl_fail(x, "a sync object used with no current context");
	if (!gh_gl_map_get(syncs(x), app, &v))
		return gh_gl_fail(x, "sync %u was never made", app);
	*host = (void *)v;
	return true;
}

bool gl_exec_sync_map_query(struct gl_exec *x, uint32_t app, void **host)
{
	uintptr_t v;
	*host = NULL;
	if (!x->ctx)
		return gh_gl_fail(x, "a sync object used with no current context");
	if (app && gh_gl_map_get(syncs(x), app, &v))
		*host = (void *)v;
	return true;
}

bool gl_exec_sync_add(struct gl_exec *x, uint32_t app, void *host)
{
	uintptr_t v;
	if (!app || gh_gl_map_get(syncs(x), app, &v)) {
		gles_host.glDeleteSync(host);
		return gh_gl_fail(x, "sync name %u is 0 or in use", app);
	}
	if (!gh_gl_map_put(syncs(x), app, (uintptr_t)host)) {
		gles_host.glDeleteSync(host);
		return gh_gl_fail(x, "too many sync objects");
	}
	struct gh_gl_quota *q = &x->gl->quota;
	if (++q->names > q->names_peak)
		q->names_peak = q->names;
	return true;
}

void gl_exec_sync_remove(struct gl_exec *x, uint32_t app, void **host)
{
	uintptr_t v;
	*host = NULL;
	if (x->ctx && app && gh_gl_map_remove(syncs(x), app, &v)) {
		*host = (void *)v;
		gh_gl_quota_names_gone(&x->gl->quota, 1);
	}
}
