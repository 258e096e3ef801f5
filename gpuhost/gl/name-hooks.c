/*
 * What follows a name as it comes and goes (records.h, struct gh_gl_name_hooks): one
 * table, a row per class, as waypipe and wlroots keep one table of handlers per Wayland
 * interface. names.c maps the names and calls the row of their class; the hooks keep each
 * class's record (records.h): a buffer's and a program's what draws need to know of
 * them, a texture's or renderbuffer's the GL memory it holds, a framebuffer's its
 * attachments, a vertex array's its attributes, a program pipeline's its vertex stage.
 *
 * The executor is made with this table (gl.c), so that names.c, which every feature
 * calls, calls none of them: the features that a name's end concerns are called from here.
 */
#include <stdlib.h>

#include <gpupipe/gl-codec.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "draws.h"
#include "executor.h"
#include "map.h"
#include "programs.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

/* Keeps `rec` as host name `host`'s record in `map`; the link ends where the host gave the
 * name twice or the map is full (rec freed by `drop`). */
static bool keep(struct gl_exec *x, enum gl_name_class cls, struct gh_gl_map *map, uint32_t host,
                 void *rec, void (*drop)(void *rec))
{
	uintptr_t old;
	if (rec && gh_gl_map_get(map, host, &old)) {
		drop(rec);
		return gh_gl_fail(x, "the host gave %s name %u twice", gh_gl_name_class_text(cls),
		                  host);
	}
	if (!rec || !gh_gl_map_put(map, host, (uintptr_t)rec)) {
		if (rec)
			drop(rec);
		return gh_gl_fail(x, "too many %s objects", gh_gl_name_class_text(cls));
	}
	return true;
}

static void drop_storage(void *rec)
{
	gh_gl_storage_unref(rec);
}

static void drop_vao(void *rec)
{
	gh_gl_vao_finish(rec);
	free(rec);
}

/* ---- buffers ---- */

static bool buffer_added(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_buffer *buf = calloc(1, sizeof(*buf));
	if (buf)
		*buf = (struct gh_gl_buffer){.refs = 1, .host = host, .quota = &x->gl->quota};
	return keep(x, GL_NAMES_BUFFER, &x->ctx->share->buffers, host, buf, free);
}

/* GL unbinds a deleted buffer from the deleting context's bindings and its bound vertex
 * array (other vertex arrays keep it alive: their records hold a reference). */
static void buffer_removed(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
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

/* ---- textures, renderbuffers, framebuffers ---- */

static bool texture_added(struct gl_exec *x, uint32_t host)
{
	return keep(x, GL_NAMES_TEXTURE, &x->ctx->share->textures, host,
	            gh_gl_storage_create(&x->gl->quota, host), drop_storage);
}

static void texture_removed(struct gl_exec *x, uint32_t host)
{
	gh_gl_bindings_forget(x, GL_NAMES_TEXTURE, host);
}

static bool renderbuffer_added(struct gl_exec *x, uint32_t host)
{
	return keep(x, GL_NAMES_RENDERBUFFER, &x->ctx->share->renderbuffers, host,
	            gh_gl_storage_create(&x->gl->quota, host), drop_storage);
}

static void renderbuffer_removed(struct gl_exec *x, uint32_t host)
{
	gh_gl_bindings_forget(x, GL_NAMES_RENDERBUFFER, host);
}

static bool framebuffer_added(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_fbo *fbo = calloc(1, sizeof(*fbo));
	if (fbo)
		fbo->host = host;
	return keep(x, GL_NAMES_FRAMEBUFFER, &x->ctx->bind.fbos, host, fbo, free);
}

static void framebuffer_removed(struct gl_exec *x, uint32_t host)
{
	gh_gl_bindings_forget(x, GL_NAMES_FRAMEBUFFER, host);
}

/* ---- programs and shaders ---- */

static bool program_added(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_program *prog = calloc(1, sizeof(*prog));
	if (prog)
		*prog = (struct gh_gl_program){.refs = 1, .host = host};
	return keep(x, GL_NAMES_PROGRAM, &x->ctx->share->programs, host, prog, free);
}

static void program_removed(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t v;
	if (!gh_gl_map_remove(&share->programs, host, &v))
		return;
	gh_gl_attach_program_gone(x->gl, share, (struct gh_gl_program *)v, true);
	gh_gl_program_unref((struct gh_gl_program *)v);
}

/* The driver reuses the names of shaders it freed: what was kept of a refused
 * compile goes. */
static bool shader_added(struct gl_exec *x, uint32_t host)
{
	gh_gl_shader_forget(x->ctx->share, host);
	return gh_gl_shader_created(x, host);
}

static void arb_program_removed(struct gl_exec *x, uint32_t host)
{
	gh_gl_lists_name_deleted(x, GH_GL_LIST_ARB_PROGRAM, host);
}

/* ---- vertex arrays and program pipelines ---- */

static bool vertex_array_added(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_vao *vao = malloc(sizeof(*vao));
	if (vao)
		gh_gl_vao_init(vao, host);
	return keep(x, GL_NAMES_VERTEX_ARRAY, &x->ctx->vaos, host, vao, drop_vao);
}

static void vertex_array_removed(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
	uintptr_t v;
	if (!gh_gl_map_remove(&ctx->vaos, host, &v))
		return;
	struct gh_gl_vao *vao = (struct gh_gl_vao *)v;
	/* Deleting the bound vertex array binds the default one. */
	if (ctx->vao == vao)
		ctx->vao = &ctx->default_vao;
	gh_gl_vao_finish(vao);
	free(vao);
}

static bool pipeline_added(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_pipeline *pipe = calloc(1, sizeof(*pipe));
	if (pipe)
		pipe->host = host;
	return keep(x, GL_NAMES_PROGRAM_PIPELINE, &x->ctx->pipelines, host, pipe, free);
}

static void pipeline_removed(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
	uintptr_t v;
	if (!gh_gl_map_remove(&ctx->pipelines, host, &v))
		return;
	/* Deleting the bound pipeline unbinds it. */
	if (ctx->pipeline == (struct gh_gl_pipeline *)v)
		ctx->pipeline = NULL;
	gh_gl_pipeline_free((struct gh_gl_pipeline *)v);
}

const struct gh_gl_name_hooks gh_gl_name_hooks[GL_NAMES_COUNT] = {
        [GL_NAMES_BUFFER] = {.added = buffer_added, .removed = buffer_removed},
        [GL_NAMES_TEXTURE] = {.added = texture_added, .removed = texture_removed},
        [GL_NAMES_RENDERBUFFER] = {.added = renderbuffer_added, .removed = renderbuffer_removed},
        [GL_NAMES_FRAMEBUFFER] = {.added = framebuffer_added, .removed = framebuffer_removed},
        /* A name the driver gives again may still be a deleted program's that a context
         * has current (program-use.c). */
        [GL_NAMES_PROGRAM] = {.admit = gh_gl_program_reused,
                              .added = program_added,
                              .removed = program_removed},
        [GL_NAMES_SHADER] = {.admit = gh_gl_program_reused, .added = shader_added},
        [GL_NAMES_ARB_PROGRAM] = {.removed = arb_program_removed},
        [GL_NAMES_VERTEX_ARRAY] = {.added = vertex_array_added, .removed = vertex_array_removed},
        [GL_NAMES_PROGRAM_PIPELINE] = {.added = pipeline_added, .removed = pipeline_removed},
};
