/*
 * The app's EGL contexts, re-created on the host. A context lives while its
 * handle does or while a stream has it current (EGL defers the destruction
 * of a current context): `refs` counts both.
 */
#include <stdlib.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "debug.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

static bool check_new_handle(struct gl_exec *x, struct gh_gl_map *map, uint32_t handle)
{
	uintptr_t v;
	if (!handle)
		return gh_gl_fail(x, "handle 0");
	if (gh_gl_map_get(map, handle, &v))
		return gh_gl_fail(x, "handle %u is in use", handle);
	if (map->count >= map->max)
		return gh_gl_fail(x, "more than %u objects", map->max);
	return true;
}

static void egl_attribs(struct gh_gl *gl, const struct gh_gl_context_args *args, EGLint *a)
{
	int n = 0;
	uint32_t flags = args->flags;
	if (args->level.api == GL_API_GLES1) {
		/* OpenGL ES 1.1, the one ES 1 the host offers (info.c). */
		a[n++] = EGL_CONTEXT_CLIENT_VERSION;
		a[n++] = 1;
	} else {
		a[n++] = EGL_CONTEXT_MAJOR_VERSION;
		a[n++] = (EGLint)GL_VERSION_MAJOR(args->level.version);
		a[n++] = EGL_CONTEXT_MINOR_VERSION;
		a[n++] = (EGLint)GL_VERSION_MINOR(args->level.version);
	}
	if (gl_api_desktop(args->level.api)) {
		a[n++] = EGL_CONTEXT_OPENGL_PROFILE_MASK;
		a[n++] = args->level.api == GL_API_GL_CORE
		                 ? EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT
		                 : EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT;
	}
	if ((flags & GL_CONTEXT_FLAG_FORWARD_COMPATIBLE) && args->level.api == GL_API_GL_CORE) {
		a[n++] = EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE;
		a[n++] = EGL_TRUE;
	}
	/* Robust buffer access whenever the host has it, asked for or not:
	 * out-of-bounds shader reads (uniform buffers, indices the executor
	 * cannot see) stay defined. */
	if (gl->egl.robustness) {
		a[n++] = EGL_CONTEXT_OPENGL_ROBUST_ACCESS_EXT;
		a[n++] = EGL_TRUE;
	}
	/* EGL_EXT_create_context_robustness's name of the strategy is for ES
	 * contexts only (Mesa refuses it on a desktop one with
	 * EGL_BAD_ATTRIBUTE); desktop contexts take EGL 1.5's and
	 * EGL_KHR_create_context's, which they need anyway. */
	if ((flags & GL_CONTEXT_FLAG_LOSE_ON_RESET) && gl->egl.robustness) {
		bool desktop = gl_api_desktop(args->level.api);
		a[n++] = desktop ? EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY
		                 : EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY_EXT;
		a[n++] = EGL_LOSE_CONTEXT_ON_RESET_EXT;
	}
	if ((flags & GL_CONTEXT_FLAG_DEBUG) && gl->egl.create_context) {
		a[n++] = EGL_CONTEXT_FLAGS_KHR;
		a[n++] = EGL_CONTEXT_OPENGL_DEBUG_BIT_KHR;
	}
	a[n++] = EGL_NONE;
}

/* The level the library asked for must be one the host offered (the
 * library knows them from GL_OP_INIT): anything else ends the link. */
static bool check_level(struct gl_exec *x, const struct gles_level *l)
{
	if (l->api >= GL_API_COUNT || !x->gl->apis[l->api].version)
		return gh_gl_fail(x, "API %u is not offered", l->api);
	const struct gles_level *offered = &x->gl->apis[l->api];
	if (l->version < GL_VERSION_CODE(1, 0) || l->version > offered->version)
		return gh_gl_fail(x, "%s %u.%u is not offered (up to %u.%u)", gl_api_name(l->api),
		                  GL_VERSION_MAJOR(l->version), GL_VERSION_MINOR(l->version),
		                  GL_VERSION_MAJOR(offered->version),
		                  GL_VERSION_MINOR(offered->version));
	for (int w = 0; w < GLES_EXT_WORDS; w++) {
		if (l->exts[w] & ~offered->exts[w])
			return gh_gl_fail(x, "extensions not offered: 0x%llx in word %d",
			                  (unsigned long long)(l->exts[w] & ~offered->exts[w]), w);
	}
	return true;
}

/* EGL errors for what the app may legitimately get wrong; the link ends
 * only for what an honest library never sends. */
static uint32_t check_args(struct gh_gl *gl, const struct gh_gl_context_args *args,
                           struct gh_gl_config **config, struct gh_gl_context **share)
{
	*config = NULL;
	*share = NULL;
	if (args->config_id) {
		*config = gh_gl_config_find(gl, args->config_id);
		if (!*config)
			return EGL_BAD_CONFIG;
	} else if (!gl->egl.no_config) {
		return EGL_BAD_CONFIG;
	}
	if (args->share_handle) {
		*share = gh_gl_map_get_ptr(&gl->contexts, args->share_handle);
		if (!*share)
			return EGL_BAD_CONTEXT;
		/* EGL: a share context of another client API is EGL_BAD_MATCH. */
		if ((*share)->level.api != args->level.api)
			return EGL_BAD_MATCH;
	}
	uint32_t flags = args->flags;
	if (flags & ~(uint32_t)(GL_CONTEXT_FLAG_DEBUG | GL_CONTEXT_FLAG_ROBUST |
	                        GL_CONTEXT_FLAG_LOSE_ON_RESET | GL_CONTEXT_FLAG_FORWARD_COMPATIBLE))
		return EGL_BAD_ATTRIBUTE;
	if ((flags & (GL_CONTEXT_FLAG_ROBUST | GL_CONTEXT_FLAG_LOSE_ON_RESET)) &&
	    !gl->egl.robustness)
		return EGL_BAD_ATTRIBUTE;
	return EGL_SUCCESS;
}

static bool context_init(struct gh_gl_context *ctx)
{
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_init(&ctx->names[i]);
	gh_gl_map_init(&ctx->vaos, GH_GL_MAX_NAMES);
	gh_gl_map_init(&ctx->pipelines, GH_GL_MAX_NAMES);
	gh_gl_bindings_init(&ctx->bind);
	gh_gl_vao_init(&ctx->default_vao, 0);
	ctx->vao = &ctx->default_vao;
	ctx->ps = (struct gl_pixel_state){
	        .pack_alignment = 4,
	        .unpack_alignment = 4,
	        .desktop = gl_api_desktop(ctx->level.api),
	};
	/* Name 0 is the share group's (it holds them) until a unit binds another. */
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++)
		ctx->bind.default_tex[i] = ctx->share->default_tex[i];
	return true;
}

bool gh_gl_context_create(struct gl_exec *x, const struct gh_gl_context_args *args, uint32_t *err)
{
	struct gh_gl *gl = x->gl;
	uint32_t handle = args->handle;
	if (!check_new_handle(x, &gl->contexts, handle) || !check_level(x, &args->level))
		return false;
	struct gh_gl_config *config;
	struct gh_gl_context *share;
	*err = check_args(gl, args, &config, &share);
	if (*err != EGL_SUCCESS)
		return true;
	/* The driver's context holds memory of its own, which the app's
	 * arguments do not say: charged a fixed amount, EGL_BAD_ALLOC past
	 * the quota as when EGL cannot allocate. */
	if (!gh_gl_quota_charge(&gl->quota, 0, GH_GL_CONTEXT_BYTES, "an EGL context")) {
		*err = EGL_BAD_ALLOC;
		return true;
	}
	struct gh_gl_context *ctx = calloc(1, sizeof(*ctx));
	if (!ctx) {
		gh_gl_quota_adjust(&gl->quota, GH_GL_CONTEXT_BYTES, 0);
		*err = EGL_BAD_ALLOC;
		return true;
	}
	EGLint attribs[20], egl_error;
	egl_attribs(gl, args, attribs);
	ctx->egl = gh_egl_create_context(&gl->egl, gl_api_desktop(args->level.api),
	                                 config ? config->egl : NULL,
	                                 share ? share->egl : EGL_NO_CONTEXT, attribs, &egl_error);
	if (ctx->egl == EGL_NO_CONTEXT) {
		*err = (uint32_t)egl_error;
		gh_gl_quota_adjust(&gl->quota, GH_GL_CONTEXT_BYTES, 0);
		free(ctx);
		return true;
	}
	ctx->share = share ? share->share : gh_gl_share_create(&gl->quota);
	if (!ctx->share || !gh_gl_map_put(&gl->contexts, handle, (uintptr_t)ctx)) {
		eglDestroyContext(gl->egl.dpy, ctx->egl);
		gh_gl_quota_adjust(&gl->quota, GH_GL_CONTEXT_BYTES, 0);
		free(ctx);
		*err = EGL_BAD_ALLOC;
		return true;
	}
	if (share)
		ctx->share->refs++;
	ctx->gl = gl;
	ctx->handle = handle;
	ctx->refs = 1;
	ctx->config = config;
	ctx->level = args->level;
	ctx->window_draw = GL_BACK; /* a window is double-buffered (front.c) */
	*err = EGL_SUCCESS;
	if (!context_init(ctx)) {
		gh_gl_map_remove(&gl->contexts, handle, NULL);
		gh_gl_context_unref(ctx);
		*err = EGL_BAD_ALLOC;
	}
	return true;
}

bool gh_gl_context_destroy(struct gl_exec *x, uint32_t handle)
{
	uintptr_t v;
	if (!gh_gl_map_remove(&x->gl->contexts, handle, &v))
		return gh_gl_fail(x, "unknown context %u", handle);
	gh_gl_context_unref((struct gh_gl_context *)v);
	return true;
}

void gh_gl_vao_finish(struct gh_gl_vao *vao)
{
	gh_gl_buffer_unref(vao->element);
	vao->element = NULL;
	for (uint32_t i = 0; i < GH_GL_MAX_ATTRIBS; i++) {
		gh_gl_buffer_unref(vao->bindings[i].buffer);
		vao->bindings[i].buffer = NULL;
	}
	for (uint32_t i = 0; i < GH_GL_FF_ARRAYS; i++) {
		gh_gl_buffer_unref(vao->ff[i].buffer);
		vao->ff[i].buffer = NULL;
	}
}

static void free_pipeline_entry(uint32_t key, uintptr_t val, void *data)
{
	gh_gl_pipeline_free((struct gh_gl_pipeline *)val);
}

static void free_vao_entry(uint32_t key, uintptr_t val, void *data)
{
	struct gh_gl_vao *vao = (struct gh_gl_vao *)val;
	gh_gl_vao_finish(vao);
	free(vao);
}

static void delete_scratch_names(struct gh_gl_context *ctx, uint32_t *names, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		uintptr_t v;
		if (names[i] && gh_gl_map_remove(&ctx->share->buffers, names[i], &v))
			gh_gl_buffer_unref((struct gh_gl_buffer *)v);
	}
	gles_host.glDeleteBuffers((GLsizei)n, names);
}

/* Scratch buffers (client arrays, indirect commands) are the host's own names in the share
 * group: deleted here, in this context, while the group may live on. */
static void delete_scratch(struct gh_gl_context *ctx)
{
	struct gh_gl *gl = ctx->gl;
	bool any = false;
	for (uint32_t i = 0; i < GH_GL_MAX_ATTRIBS; i++)
		any |= ctx->scratch[i] != 0;
	for (uint32_t i = 0; i < GH_GL_FF_ARRAYS; i++)
		any |= ctx->scratch_ff[i] != 0;
	any |= ctx->scratch_indirect != 0;
	if (!any || ctx->share->refs == 1 || !gl->egl.surfaceless ||
	    !gh_egl_make_current(&gl->egl, ctx->egl, EGL_NO_SURFACE, EGL_NO_SURFACE))
		return;
	delete_scratch_names(ctx, ctx->scratch, GH_GL_MAX_ATTRIBS);
	delete_scratch_names(ctx, ctx->scratch_ff, GH_GL_FF_ARRAYS);
	delete_scratch_names(ctx, &ctx->scratch_indirect, 1);
}

void gh_gl_context_unref(struct gh_gl_context *ctx)
{
	if (!ctx || --ctx->refs)
		return;
	struct gh_gl *gl = ctx->gl;
	delete_scratch(ctx);
	gh_gl_program_context_gone(ctx);
	gh_egl_release(&gl->egl, ctx->egl, EGL_NO_SURFACE);
	eglDestroyContext(gl->egl.dpy, ctx->egl);
	gh_gl_debug_free(ctx); /* after the driver, which held our callback */
	gh_gl_xfb_free(ctx);
	gh_gl_feedback_finish(ctx); /* after the driver, which could write them */
	gh_gl_lists_finish(gl, ctx);
	gh_gl_attrib_finish(ctx); /* after the driver's stack went */
	gh_gl_quota_adjust(&gl->quota, GH_GL_CONTEXT_BYTES, 0);
	gh_gl_map_for_each(&ctx->vaos, free_vao_entry, NULL);
	gh_gl_map_finish(&ctx->vaos);
	gh_gl_vao_finish(&ctx->default_vao);
	gh_gl_map_for_each(&ctx->pipelines, free_pipeline_entry, NULL);
	gh_gl_map_finish(&ctx->pipelines);
	gh_gl_buffer_unref(ctx->array_buffer);
	gh_gl_buffer_targets_finish(ctx);
	gh_gl_program_unref(ctx->program);
	gh_gl_bindings_finish(&ctx->bind);
	for (int i = 0; i < GL_NAMES_COUNT; i++)
		gh_gl_names_finish(&ctx->names[i], &gl->quota);
	gh_gl_share_unref(ctx->share);
	free(ctx);
}
