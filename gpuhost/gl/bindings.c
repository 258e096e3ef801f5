/*
 * What each context has bound, as far as GL memory goes: the texture of
 * every unit (2D, cube map, 3D and 2D array targets), the renderbuffer, the draw and
 * read framebuffers, and each framebuffer's attachments. storage.c needs
 * it to know which texture or renderbuffer an allocating command fills;
 * the references these bindings hold keep a deleted object's bytes
 * charged as long as GL keeps the object alive (bound in another context,
 * or attached to a framebuffer).
 *
 * Bindings follow GL's rules where they cannot fail (a texture bound
 * before to the same target, a renderbuffer, a framebuffer); where GL may
 * refuse (a texture's first binding, an attachment), GL's error after the
 * call decides (quota.c stashes the errors before).
 */
#include <stdlib.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

#define DEPTH_STENCIL_ATTACHMENT 0x821A
#define ATTACHMENT_OBJECT_TYPE 0x8CD0
#define ATTACHMENT_OBJECT_NAME 0x8CD1
#define SLOT_DEPTH 16u
#define SLOT_STENCIL 17u

void gh_gl_bindings_init(struct gh_gl_bindings *b)
{
	*b = (struct gh_gl_bindings){0};
	gh_gl_map_init(&b->fbos, GH_GL_MAX_NAMES);
}

static void fbo_free(struct gh_gl_fbo *fbo)
{
	for (uint32_t i = 0; i < GH_GL_ATTACHMENTS; i++)
		gh_gl_storage_unref(fbo->att[i]);
	free(fbo);
}

static void free_fbo_entry(uint32_t key, uintptr_t val, void *data)
{
	fbo_free((struct gh_gl_fbo *)val);
}

void gh_gl_bindings_finish(struct gh_gl_bindings *b)
{
	for (uint32_t i = 0; i < b->n_units * GH_GL_TEX_TARGETS; i++)
		gh_gl_storage_unref(b->units[i]);
	free(b->units);
	gh_gl_storage_unref(b->renderbuffer);
	gh_gl_map_for_each(&b->fbos, free_fbo_entry, NULL);
	gh_gl_map_finish(&b->fbos);
	*b = (struct gh_gl_bindings){0};
}

/* The unit slot of target index i (0: 2D, 1: cube map), allocating the
 * table at first use; NULL after failing the link. */
static struct gh_gl_storage **unit_slot(struct gl_exec *x, uint32_t i)
{
	struct gh_gl_bindings *b = &x->ctx->bind;
	if (!b->units) {
		/* Unit 0 at least: active_unit is 0 until GL takes another. */
		uint32_t n = x->gl->max_texture_units ? x->gl->max_texture_units : 1;
		b->units = calloc((size_t)n * GH_GL_TEX_TARGETS, sizeof(*b->units));
		if (!b->units)
			return gh_gl_fail(x, "out of memory for texture bindings"), NULL;
		b->n_units = n;
	}
	return &b->units[b->active_unit * GH_GL_TEX_TARGETS + i];
}

static int target_index(uint32_t target)
{
	return gh_gl_texture_target_index(target);
}

bool gl_exec_hook_glActiveTexture(struct gl_exec *x, GLenum texture)
{
	if (gh_gl_list_compiles(x->ctx))
		return true; /* compiled into a list: lists.c re-reads */
	/* GL refuses units past its own count and keeps the active one; an
	 * OpenGL ES 1 context has GL_MAX_TEXTURE_UNITS (at most the others'). */
	uint32_t units =
	        x->ctx->level.api == GL_API_GLES1 ? x->gl->host_ff_units : x->gl->max_texture_units;
	if (units > x->gl->max_texture_units)
		units = x->gl->max_texture_units;
	if (texture >= GL_TEXTURE0 && texture - GL_TEXTURE0 < units)
		x->ctx->bind.active_unit = texture - GL_TEXTURE0;
	return true;
}

bool gl_exec_hook_glBindTexture(struct gl_exec *x, GLenum target, GLuint texture,
                                GLuint app_texture)
{
	if (texture && !gh_gl_list_bind(x, GH_GL_LIST_TEXTURE, texture))
		return false;
	/* Compiled into a list: bound when the list runs (lists.c re-reads). */
	if (gh_gl_list_compiles(x->ctx))
		return true;
	struct gh_gl_storage *st = NULL;
	if (texture) {
		st = gh_gl_map_get_ptr(&x->ctx->share->textures, texture);
		if (!st)
			return gh_gl_fail(x, "texture %u has no host object", app_texture);
		if (st->target && st->target != target)
			return true; /* GL_INVALID_OPERATION: nothing changes */
	}
	int i = target_index(target);
	struct gh_gl_storage **slot = NULL;
	if (i >= 0 && !(slot = unit_slot(x, (uint32_t)i)))
		return false;
	if (st && !st->target) {
		/* Its first binding: GL may refuse the target. */
		gh_gl_errors_stash(x->ctx);
		x->after_bind.storage = gh_gl_storage_ref(st);
		x->after_bind.target = target;
		x->after_bind.slot = slot;
		if (slot) {
			x->after_bind.prev = *slot;
			*slot = gh_gl_storage_ref(st);
		}
		return true;
	}
	if (slot)
		gh_gl_storage_set(slot, st);
	return true;
}

bool gl_exec_hook_glBindRenderbuffer(struct gl_exec *x, GLenum target, GLuint renderbuffer,
                                     GLuint app_renderbuffer)
{
	if (target != GL_RENDERBUFFER)
		return true; /* GL_INVALID_ENUM */
	struct gh_gl_storage *st = NULL;
	if (renderbuffer) {
		st = gh_gl_map_get_ptr(&x->ctx->share->renderbuffers, renderbuffer);
		if (!st)
			return gh_gl_fail(x, "renderbuffer %u has no host object",
			                  app_renderbuffer);
		st->target = GL_RENDERBUFFER;
	}
	gh_gl_storage_set(&x->ctx->bind.renderbuffer, st);
	return true;
}

bool gl_exec_hook_glBindFramebuffer(struct gl_exec *x, GLenum target, GLuint framebuffer,
                                    GLuint app_framebuffer)
{
	struct gh_gl_bindings *b = &x->ctx->bind;
	struct gh_gl_fbo *fbo = NULL;
	if (framebuffer) {
		fbo = gh_gl_map_get_ptr(&b->fbos, framebuffer);
		if (!fbo)
			return gh_gl_fail(x, "framebuffer %u has no host object", app_framebuffer);
	}
	if (target == GL_FRAMEBUFFER) {
		b->draw_fbo = b->read_fbo = fbo;
	} else if (x->ctx->es3 && target == GH_GL_DRAW_FRAMEBUFFER) {
		b->draw_fbo = fbo;
	} else if (x->ctx->es3 && target == GH_GL_READ_FRAMEBUFFER) {
		b->read_fbo = fbo;
	}
	return true;
}

/* The framebuffer a glFramebuffer* target names, NULL for the default one
 * or a target GL refuses. */
static struct gh_gl_fbo *target_fbo(struct gh_gl_context *ctx, uint32_t target)
{
	if (target == GL_FRAMEBUFFER || (ctx->es3 && target == GH_GL_DRAW_FRAMEBUFFER))
		return ctx->bind.draw_fbo;
	if (ctx->es3 && target == GH_GL_READ_FRAMEBUFFER)
		return ctx->bind.read_fbo;
	return NULL;
}

/* Slots of an attachment point: false for one GL refuses. */
static bool attachment_slots(uint32_t attachment, uint32_t *first, uint32_t *count)
{
	*count = 1;
	if (attachment >= GL_COLOR_ATTACHMENT0 && attachment < GL_COLOR_ATTACHMENT0 + 16)
		*first = attachment - GL_COLOR_ATTACHMENT0;
	else if (attachment == GL_DEPTH_ATTACHMENT)
		*first = SLOT_DEPTH;
	else if (attachment == GL_STENCIL_ATTACHMENT)
		*first = SLOT_STENCIL;
	else if (attachment == DEPTH_STENCIL_ATTACHMENT)
		*first = SLOT_DEPTH, *count = 2;
	else
		return false;
	return true;
}

static bool attach(struct gl_exec *x, uint32_t target, uint32_t attachment,
                   struct gh_gl_storage *st)
{
	uint32_t first, count;
	struct gh_gl_fbo *fbo = target_fbo(x->ctx, target);
	if (!fbo || !attachment_slots(attachment, &first, &count))
		return true; /* a GL error: nothing changes */
	gh_gl_errors_stash(x->ctx);
	x->after_attach.fbo = fbo;
	x->after_attach.first = first;
	x->after_attach.count = count;
	x->after_attach.storage = gh_gl_storage_ref(st);
	return true;
}

/* A texture's level, one layer of it or (glFramebufferTexture, ES 3.2 and
 * OES/EXT_geometry_shader) all its layers at once: the attachment holds
 * the texture's storage either way. */
static bool attach_texture(struct gl_exec *x, GLenum target, GLenum attachment, GLuint texture,
                           GLuint app_texture)
{
	struct gh_gl_storage *st = NULL;
	if (texture && !(st = gh_gl_map_get_ptr(&x->ctx->share->textures, texture)))
		return gh_gl_fail(x, "texture %u has no host object", app_texture);
	return attach(x, target, attachment, st);
}

bool gl_exec_hook_glFramebufferTexture2D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLuint app_texture)
{
	return attach_texture(x, target, attachment, texture, app_texture);
}

bool gl_exec_hook_glFramebufferTextureLayer(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLuint texture, GLint level, GLint layer,
                                            GLuint app_texture)
{
	return attach_texture(x, target, attachment, texture, app_texture);
}

bool gl_exec_hook_glFramebufferTexture(struct gl_exec *x, GLenum target, GLenum attachment,
                                       GLuint texture, GLint level, GLuint app_texture)
{
	return attach_texture(x, target, attachment, texture, app_texture);
}

bool gl_exec_hook_glFramebufferTextureOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                          GLuint texture, GLint level, GLuint app_texture)
{
	return attach_texture(x, target, attachment, texture, app_texture);
}

bool gl_exec_hook_glFramebufferTextureEXT(struct gl_exec *x, GLenum target, GLenum attachment,
                                          GLuint texture, GLint level, GLuint app_texture)
{
	return attach_texture(x, target, attachment, texture, app_texture);
}

bool gl_exec_hook_glFramebufferRenderbuffer(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum renderbuffertarget, GLuint renderbuffer,
                                            GLuint app_renderbuffer)
{
	struct gh_gl_storage *st = NULL;
	if (renderbuffer && !(st = gh_gl_map_get_ptr(&x->ctx->share->renderbuffers, renderbuffer)))
		return gh_gl_fail(x, "renderbuffer %u has no host object", app_renderbuffer);
	return attach(x, target, attachment, st);
}

/* ---- deletion ---- */

static void forget_fbo(struct gh_gl_context *ctx, uint32_t host)
{
	uintptr_t v;
	if (!gh_gl_map_remove(&ctx->bind.fbos, host, &v))
		return;
	struct gh_gl_fbo *fbo = (struct gh_gl_fbo *)v;
	/* Deleting a bound framebuffer binds the default one. */
	if (ctx->bind.draw_fbo == fbo)
		ctx->bind.draw_fbo = NULL;
	if (ctx->bind.read_fbo == fbo)
		ctx->bind.read_fbo = NULL;
	fbo_free(fbo);
}

void gh_gl_bindings_forget(struct gl_exec *x, enum gl_name_class cls, uint32_t host)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_bindings *b = &ctx->bind;
	if (cls == GL_NAMES_FRAMEBUFFER) {
		forget_fbo(ctx, host);
		return;
	}
	bool texture = cls == GL_NAMES_TEXTURE;
	uintptr_t v;
	if (!gh_gl_map_remove(texture ? &ctx->share->textures : &ctx->share->renderbuffers, host,
	                      &v))
		return;
	struct gh_gl_storage *st = (struct gh_gl_storage *)v;
	st->named = false;
	if (texture)
		gh_gl_lists_name_deleted(x, GH_GL_LIST_TEXTURE, host);
	/* GL unbinds it in the deleting context (other contexts keep it bound
	 * and alive: their references keep it charged). */
	if (texture) {
		for (uint32_t i = 0; i < b->n_units * GH_GL_TEX_TARGETS; i++) {
			if (b->units[i] == st)
				gh_gl_storage_set(&b->units[i], NULL);
		}
	} else if (b->renderbuffer == st) {
		gh_gl_storage_set(&b->renderbuffer, NULL);
	}
	/* And detaches it from the bound framebuffers: checked after the call. */
	x->after_detach = true;
	/* Saved by a glPushAttrib the host cannot see into, the driver keeps it
	 * (attrib-stack.c); a failure has failed the link. */
	if (texture)
		gh_gl_attrib_texture_deleted(x, st);
	gh_gl_storage_unref(st);
}

/* ---- after the command ---- */

/* Queries that must not leave errors for the app: its own are stashed
 * before, ours dropped after. */
static void drop_errors(void)
{
	for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
		;
}

static uint32_t slot_attachment(uint32_t slot)
{
	return slot < 16            ? GL_COLOR_ATTACHMENT0 + slot
	       : slot == SLOT_DEPTH ? GL_DEPTH_ATTACHMENT
	                            : GL_STENCIL_ATTACHMENT;
}

/* Attachments of a bound framebuffer whose object was deleted: GL detached
 * them unless it says otherwise. */
static void check_detached(struct gh_gl_context *ctx, struct gh_gl_fbo *fbo, uint32_t target)
{
	if (!fbo)
		return;
	for (uint32_t i = 0; i < GH_GL_ATTACHMENTS; i++) {
		struct gh_gl_storage *st = fbo->att[i];
		if (!st || st->named)
			continue;
		GLint type = GL_NONE;
		gles_host.glGetFramebufferAttachmentParameteriv(target, slot_attachment(i),
		                                                ATTACHMENT_OBJECT_TYPE, &type);
		if (type == GL_NONE)
			gh_gl_storage_set(&fbo->att[i], NULL);
	}
}

static void after_bind(struct gl_exec *x)
{
	struct gh_gl_storage *st = x->after_bind.storage;
	if (!st)
		return;
	struct gh_gl_storage **slot = x->after_bind.slot;
	if (gh_gl_command_failed(x->ctx)) {
		if (slot) {
			gh_gl_storage_unref(*slot);
			*slot = x->after_bind.prev;
		}
	} else {
		st->target = x->after_bind.target;
		gh_gl_storage_unref(x->after_bind.prev);
	}
	gh_gl_storage_unref(st);
	x->after_bind.storage = x->after_bind.prev = NULL;
	x->after_bind.slot = NULL;
}

void gh_gl_bindings_after(struct gl_exec *x)
{
	if (x->gl->failed || !x->ctx) {
		/* The link is ending: only references to drop. */
		if (x->after_bind.storage && x->after_bind.slot)
			gh_gl_storage_unref(x->after_bind.prev);
		gh_gl_storage_unref(x->after_bind.storage);
		gh_gl_storage_unref(x->after_attach.storage);
		x->after_bind.storage = x->after_bind.prev = x->after_attach.storage = NULL;
		x->after_attach.fbo = NULL;
		x->after_detach = false;
		return;
	}
	after_bind(x);
	if (x->after_attach.fbo) {
		if (!gh_gl_command_failed(x->ctx)) {
			for (uint32_t i = 0; i < x->after_attach.count; i++)
				gh_gl_storage_set(
				        &x->after_attach.fbo->att[x->after_attach.first + i],
				        x->after_attach.storage);
		}
		gh_gl_storage_unref(x->after_attach.storage);
		x->after_attach.storage = NULL;
		x->after_attach.fbo = NULL;
	}
	if (x->after_detach) {
		struct gh_gl_context *ctx = x->ctx;
		gh_gl_errors_stash(ctx);
		if (ctx->es3) {
			check_detached(ctx, ctx->bind.draw_fbo, GH_GL_DRAW_FRAMEBUFFER);
			check_detached(ctx, ctx->bind.read_fbo, GH_GL_READ_FRAMEBUFFER);
		} else {
			check_detached(ctx, ctx->bind.draw_fbo, GL_FRAMEBUFFER);
		}
		drop_errors();
		x->after_detach = false;
	}
}
