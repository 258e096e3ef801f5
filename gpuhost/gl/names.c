/*
 * App names -> host names. The app allocates its names (glGen* and
 * glCreate* cost no round trip); the host creates the real objects and
 * maps the app's names onto them: per share group for textures, buffers,
 * renderbuffers, samplers, programs and shaders, per context for
 * framebuffers, vertex arrays, queries, transform feedbacks and program
 * pipelines (GL does not share those). Sync objects are pointers on the
 * host: fence.c keeps them. Reverse maps answer
 * queries that return names (glGetIntegerv(GL_TEXTURE_BINDING_2D), ...).
 *
 * Live names count against the link's names quota (quota.c). What follows a
 * name as it comes and goes (the record its class has: what draws need to
 * know of a buffer, program or vertex array, the GL memory of a texture,
 * a framebuffer's attachments) is name-hooks.c's, reached through the table
 * the executor was made with (gh_gl.name_hooks): this file calls no
 * feature, and every feature may call it.
 */
#include <stdlib.h>

#include <gpupipe/gl-codec.h>

#include "context.h"
#include "executor.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

static const char *const class_names[GL_NAMES_COUNT] = {
        [GL_NAMES_TEXTURE] = "texture",
        [GL_NAMES_BUFFER] = "buffer",
        [GL_NAMES_FRAMEBUFFER] = "framebuffer",
        [GL_NAMES_RENDERBUFFER] = "renderbuffer",
        [GL_NAMES_PROGRAM] = "program",
        [GL_NAMES_SHADER] = "shader",
        [GL_NAMES_VERTEX_ARRAY] = "vertex array",
        [GL_NAMES_QUERY] = "query",
        [GL_NAMES_SAMPLER] = "sampler",
        [GL_NAMES_TRANSFORM_FEEDBACK] = "transform feedback",
        [GL_NAMES_SYNC] = "sync",
        [GL_NAMES_PROGRAM_PIPELINE] = "program pipeline",
        [GL_NAMES_ARB_PROGRAM] = "ARB program",
};

/* OpenGL ES 3.2 section 5.1: buffers, renderbuffers, samplers, shaders,
 * programs, syncs and textures are shared; the containers are not. */
static bool per_context(enum gl_name_class cls)
{
	return cls == GL_NAMES_FRAMEBUFFER || cls == GL_NAMES_VERTEX_ARRAY ||
	       cls == GL_NAMES_QUERY || cls == GL_NAMES_TRANSFORM_FEEDBACK ||
	       cls == GL_NAMES_PROGRAM_PIPELINE;
}

void gh_gl_names_init(struct gh_gl_names *names)
{
	gh_gl_map_init(&names->app, GH_GL_MAX_NAMES);
	gh_gl_map_init(&names->host, GH_GL_MAX_NAMES);
}

void gh_gl_names_finish(struct gh_gl_names *names, struct gh_gl_quota *quota)
{
	gh_gl_quota_names_gone(quota, names->app.count);
	gh_gl_map_finish(&names->app);
	gh_gl_map_finish(&names->host);
}

struct gh_gl_names *gh_gl_names_of(struct gh_gl_context *ctx, enum gl_name_class cls)
{
	return per_context(cls) ? &ctx->names[cls] : &ctx->share->names[cls];
}

const char *gh_gl_name_class_text(enum gl_name_class cls)
{
	return (unsigned)cls < GL_NAMES_COUNT ? class_names[cls] : "unknown";
}

static bool check_class(struct gl_exec *x, enum gl_name_class cls)
{
	if ((unsigned)cls >= GL_NAMES_COUNT)
		return gh_gl_fail(x, "bad name class %d", (int)cls);
	if (!x->ctx)
		return gh_gl_fail(x, "names used with no current context");
	return true;
}

bool gl_exec_map(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host)
{
	uintptr_t v;
	*host = 0;
	if (!check_class(x, cls))
		return false;
	if (!app)
		return true;
	if (!gh_gl_map_get(&gh_gl_names_of(x->ctx, cls)->app, app, &v))
		return gh_gl_fail(x, "%s %u was never generated", class_names[cls], app);
	*host = (uint32_t)v;
	return true;
}

bool gl_exec_map_query(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host)
{
	uintptr_t v;
	*host = 0;
	if (!check_class(x, cls))
		return false;
	if (app && gh_gl_map_get(&gh_gl_names_of(x->ctx, cls)->app, app, &v))
		*host = (uint32_t)v;
	return true;
}

uint32_t gh_gl_reverse(struct gl_exec *x, enum gl_name_class cls, uint32_t host)
{
	uintptr_t v;
	if (!host || !x->ctx || (unsigned)cls >= GL_NAMES_COUNT)
		return 0;
	return gh_gl_map_get(&gh_gl_names_of(x->ctx, cls)->host, host, &v) ? (uint32_t)v : 0;
}

bool gl_exec_names_add(struct gl_exec *x, enum gl_name_class cls, uint32_t n, const uint32_t *app,
                       const uint32_t *host)
{
	if (!check_class(x, cls))
		return false;
	struct gh_gl_names *names = gh_gl_names_of(x->ctx, cls);
	const struct gh_gl_name_hooks *hooks = &x->gl->name_hooks[cls];
	for (uint32_t i = 0; i < n; i++) {
		uintptr_t v;
		if (!app[i])
			return gh_gl_fail(x, "%s name 0 generated", class_names[cls]);
		if (gh_gl_map_get(&names->app, app[i], &v))
			return gh_gl_fail(x, "%s %u generated twice", class_names[cls], app[i]);
		if (!host[i])
			return gh_gl_fail(x, "the host could not create %s %u", class_names[cls],
			                  app[i]);
		if (hooks->admit && !hooks->admit(x, host[i]))
			return false;
		if (!gh_gl_map_put(&names->app, app[i], host[i]) ||
		    !gh_gl_map_put(&names->host, host[i], app[i])) {
			gh_gl_map_remove(&names->app, app[i], NULL);
			return gh_gl_fail(x, "too many %s names (at most %u)", class_names[cls],
			                  GH_GL_MAX_NAMES);
		}
		struct gh_gl_quota *q = &x->gl->quota;
		if (++q->names > q->names_peak)
			q->names_peak = q->names;
		if (hooks->added && !hooks->added(x, host[i]))
			return false;
	}
	return true;
}

void gl_exec_names_remove(struct gl_exec *x, enum gl_name_class cls, uint32_t n,
                          const uint32_t *app, uint32_t *host)
{
	for (uint32_t i = 0; i < n; i++)
		host[i] = 0;
	if ((unsigned)cls >= GL_NAMES_COUNT || !x->ctx)
		return;
	struct gh_gl_names *names = gh_gl_names_of(x->ctx, cls);
	for (uint32_t i = 0; i < n; i++) {
		uintptr_t v;
		if (!app[i] || !gh_gl_map_remove(&names->app, app[i], &v))
			continue;
		host[i] = (uint32_t)v;
		gh_gl_map_remove(&names->host, host[i], NULL);
		gh_gl_quota_names_gone(&x->gl->quota, 1);
		if (x->gl->name_hooks[cls].removed)
			x->gl->name_hooks[cls].removed(x, host[i]);
	}
}
