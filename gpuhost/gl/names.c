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
 * Buffers, programs and vertex arrays also get a record of what draws need
 * to know about them, textures and renderbuffers one of the GL memory they
 * hold, framebuffers one of their attachments (gl-private.h); the records
 * follow the names here. Live names count against the link's names quota
 * (quota.c).
 */
#include <stdlib.h>

#include <gpupipe/log.h>

#include "gl-private.h"

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

struct gh_gl_share *gh_gl_share_create(struct gh_gl_quota *quota)
{
	struct gh_gl_share *share = calloc(1, sizeof(*share));
	if (!share)
		return NULL;
	share->refs = 1;
	share->quota = quota;
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_init(&share->names[i]);
	gh_gl_map_init(&share->buffers, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->programs, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->textures, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->renderbuffers, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->refused, GH_GL_MAX_NAMES);
	gh_gl_map_init(&share->program_users, GH_GL_MAX_NAMES);
	for (int i = 0; i < GH_GL_LIST_BIND_KINDS; i++) {
		gh_gl_map_init(&share->lists.listed[i], GH_GL_MAX_NAMES);
		gh_gl_map_init(&share->lists.deleted[i], GH_GL_MAX_NAMES);
	}
	gh_gl_map_init(&share->lists.prims, GH_GL_MAX_NAMES);
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++) {
		share->default_tex[i] = gh_gl_storage_create(quota, 0);
		if (!share->default_tex[i]) {
			gh_gl_share_unref(share);
			return NULL;
		}
		static const uint32_t targets[GH_GL_TEX_TARGETS] = {
		        GL_TEXTURE_2D,
		        GL_TEXTURE_CUBE_MAP,
		        GL_TEXTURE_3D,
		        GL_TEXTURE_2D_ARRAY,
		        GL_TEXTURE_2D_MULTISAMPLE,
		        GL_TEXTURE_2D_MULTISAMPLE_ARRAY,
		        GL_TEXTURE_CUBE_MAP_ARRAY,
		        GL_TEXTURE_1D_DESKTOP,
		        GL_TEXTURE_1D_ARRAY_DESKTOP,
		        GL_TEXTURE_RECTANGLE_DESKTOP}; /* as gh_gl_texture_target_index */
		share->default_tex[i]->target = targets[i];
	}
	return share;
}

static void unref_buffer_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_buffer_unref((struct gh_gl_buffer *)val);
}

static void unref_program_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_program_unref((struct gh_gl_program *)val);
}

static void unref_storage_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_storage_unref((struct gh_gl_storage *)val);
}

void gh_gl_share_unref(struct gh_gl_share *share)
{
	if (!share || --share->refs)
		return;
	gh_gl_map_for_each(&share->buffers, unref_buffer_entry, NULL);
	gh_gl_map_for_each(&share->programs, unref_program_entry, NULL);
	gh_gl_map_for_each(&share->textures, unref_storage_entry, NULL);
	gh_gl_map_for_each(&share->renderbuffers, unref_storage_entry, NULL);
	gh_gl_map_finish(&share->buffers);
	gh_gl_map_finish(&share->programs);
	gh_gl_map_finish(&share->textures);
	gh_gl_map_finish(&share->renderbuffers);
	gh_gl_map_finish(&share->program_users);
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++)
		gh_gl_storage_unref(share->default_tex[i]);
	gh_gl_shaders_finish(share);
	gh_gl_share_lists_finish(share);
	wl_array_release(&share->unknown_stacks); /* its contexts went before */
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_finish(&share->names[i], share->quota);
	free(share);
}

struct gh_gl_buffer *gh_gl_buffer_ref(struct gh_gl_buffer *buf)
{
	if (buf)
		buf->refs++;
	return buf;
}

void gh_gl_buffer_unref(struct gh_gl_buffer *buf)
{
	if (!buf || --buf->refs)
		return;
	gh_gl_quota_adjust(buf->quota, buf->charged, 0);
	gh_gl_persist_drop(buf);
	free(buf->copy);
	free(buf);
}

void gh_gl_program_unref(struct gh_gl_program *prog)
{
	if (prog && !--prog->refs) {
		free(prog->link_log);
		free(prog);
	}
}

struct gh_gl_names *gh_gl_names_of(struct gh_gl_context *ctx, enum gl_name_class cls)
{
	return per_context(cls) ? &ctx->names[cls] : &ctx->share->names[cls];
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

/* The record a new name gets, where its class has one. */
static bool add_record(struct gl_exec *x, enum gl_name_class cls, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_map *map;
	void *rec;
	if (cls == GL_NAMES_BUFFER) {
		struct gh_gl_buffer *buf = calloc(1, sizeof(*buf));
		if (buf)
			*buf = (struct gh_gl_buffer){
			        .refs = 1, .host = host, .quota = &x->gl->quota};
		rec = buf;
		map = &ctx->share->buffers;
	} else if (cls == GL_NAMES_TEXTURE || cls == GL_NAMES_RENDERBUFFER) {
		rec = gh_gl_storage_create(&x->gl->quota, host);
		map = cls == GL_NAMES_TEXTURE ? &ctx->share->textures : &ctx->share->renderbuffers;
	} else if (cls == GL_NAMES_FRAMEBUFFER) {
		struct gh_gl_fbo *fbo = calloc(1, sizeof(*fbo));
		if (fbo)
			fbo->host = host;
		rec = fbo;
		map = &ctx->bind.fbos;
	} else if (cls == GL_NAMES_PROGRAM) {
		struct gh_gl_program *prog = calloc(1, sizeof(*prog));
		if (prog)
			*prog = (struct gh_gl_program){.refs = 1, .host = host};
		rec = prog;
		map = &ctx->share->programs;
	} else if (cls == GL_NAMES_VERTEX_ARRAY) {
		struct gh_gl_vao *vao = malloc(sizeof(*vao));
		if (vao)
			gh_gl_vao_init(vao, host);
		rec = vao;
		map = &ctx->vaos;
	} else if (cls == GL_NAMES_PROGRAM_PIPELINE) {
		struct gh_gl_pipeline *pipe = calloc(1, sizeof(*pipe));
		if (pipe)
			pipe->host = host;
		rec = pipe;
		map = &ctx->pipelines;
	} else {
		/* The driver reuses the names of shaders it freed. */
		if (cls == GL_NAMES_SHADER)
			gh_gl_shader_forget(ctx->share, host);
		return true;
	}
	uintptr_t old;
	if (rec && gh_gl_map_get(map, host, &old))
		return gh_gl_fail(x, "the host gave %s name %u twice", class_names[cls], host);
	if (!rec || !gh_gl_map_put(map, host, (uintptr_t)rec)) {
		if (cls == GL_NAMES_TEXTURE || cls == GL_NAMES_RENDERBUFFER)
			gh_gl_storage_unref(rec);
		else
			free(rec);
		return gh_gl_fail(x, "too many %s objects", class_names[cls]);
	}
	return true;
}

bool gl_exec_names_add(struct gl_exec *x, enum gl_name_class cls, uint32_t n, const uint32_t *app,
                       const uint32_t *host)
{
	if (!check_class(x, cls))
		return false;
	struct gh_gl_names *names = gh_gl_names_of(x->ctx, cls);
	for (uint32_t i = 0; i < n; i++) {
		uintptr_t v;
		if (!app[i])
			return gh_gl_fail(x, "%s name 0 generated", class_names[cls]);
		if (gh_gl_map_get(&names->app, app[i], &v))
			return gh_gl_fail(x, "%s %u generated twice", class_names[cls], app[i]);
		if (!host[i])
			return gh_gl_fail(x, "the host could not create %s %u", class_names[cls],
			                  app[i]);
		if ((cls == GL_NAMES_PROGRAM || cls == GL_NAMES_SHADER) &&
		    !gh_gl_program_reused(x, host[i]))
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
		if (!add_record(x, cls, host[i]))
			return false;
	}
	return true;
}

/* GL unbinds a deleted buffer from the deleting context's bindings and its
 * bound vertex array (other vertex arrays keep it alive: their records
 * hold a reference). */
static void forget_buffer(struct gh_gl_context *ctx, uint32_t host)
{
	uintptr_t v;
	if (!gh_gl_map_remove(&ctx->share->buffers, host, &v))
		return;
	struct gh_gl_buffer *buf = (struct gh_gl_buffer *)v;
	gh_gl_persist_drop(buf); /* GL unmaps a deleted buffer */
	if (ctx->array_buffer == buf) {
		ctx->array_buffer = NULL;
		gh_gl_buffer_unref(buf);
	}
	if (ctx->vao->element == buf) {
		ctx->vao->element = NULL;
		gh_gl_buffer_unref(buf);
	}
	for (uint32_t i = 0; i < GH_GL_MAX_ATTRIBS; i++) {
		if (ctx->vao->bindings[i].buffer == buf) {
			ctx->vao->bindings[i].buffer = NULL;
			gh_gl_buffer_unref(buf);
		}
	}
	gh_gl_unbind_buffer(ctx, buf);
	gh_gl_buffer_unref(buf);
}

static void forget_record(struct gl_exec *x, enum gl_name_class cls, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
	uintptr_t v;
	if (cls == GL_NAMES_TEXTURE || cls == GL_NAMES_RENDERBUFFER ||
	    cls == GL_NAMES_FRAMEBUFFER) {
		gh_gl_bindings_forget(x, cls, host);
	} else if (cls == GL_NAMES_BUFFER) {
		forget_buffer(ctx, host);
	} else if (cls == GL_NAMES_ARB_PROGRAM) {
		gh_gl_lists_name_deleted(x, GH_GL_LIST_ARB_PROGRAM, host);
	} else if (cls == GL_NAMES_PROGRAM) {
		if (gh_gl_map_remove(&ctx->share->programs, host, &v))
			gh_gl_program_unref((struct gh_gl_program *)v);
	} else if (cls == GL_NAMES_VERTEX_ARRAY) {
		if (!gh_gl_map_remove(&ctx->vaos, host, &v))
			return;
		struct gh_gl_vao *vao = (struct gh_gl_vao *)v;
		/* Deleting the bound vertex array binds the default one. */
		if (ctx->vao == vao)
			ctx->vao = &ctx->default_vao;
		gh_gl_vao_finish(vao);
		free(vao);
	} else if (cls == GL_NAMES_PROGRAM_PIPELINE) {
		if (!gh_gl_map_remove(&ctx->pipelines, host, &v))
			return;
		/* Deleting the bound pipeline unbinds it. */
		if (ctx->pipeline == (struct gh_gl_pipeline *)v)
			ctx->pipeline = NULL;
		gh_gl_pipeline_free((struct gh_gl_pipeline *)v);
	}
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
		forget_record(x, cls, host[i]);
	}
}
