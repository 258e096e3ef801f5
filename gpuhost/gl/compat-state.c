/*
 * State the compatibility profile changes behind the host's trackers: a
 * glPopAttrib restores texture bindings and the active unit (GL_TEXTURE_BIT)
 * without any glBindTexture or glActiveTexture going by. After it, the host
 * re-reads from its driver every binding it tracks, so that every later
 * check (the storage a glTexImage* charges, gpuhost/gl/storage.c) is made
 * against the texture the driver really has bound; the textures the level
 * saved stay charged until then (attrib-stack.c).
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <assert.h>
#include <stdlib.h>

#include <GLES3/gl32.h>

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
#include "surface.h"

/* The binding pname of each target of gh_gl_texture_targets (the assert
 * below keeps the list as long). */
static const GLenum binding_pnames[] = {
        GL_TEXTURE_BINDING_2D,
        GL_TEXTURE_BINDING_CUBE_MAP,
        GL_TEXTURE_BINDING_3D,
        GL_TEXTURE_BINDING_2D_ARRAY,
        GL_TEXTURE_BINDING_2D_MULTISAMPLE,
        GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY,
        GL_TEXTURE_BINDING_CUBE_MAP_ARRAY,
        GL_TEXTURE_BINDING_1D_DESKTOP,
        GL_TEXTURE_BINDING_1D_ARRAY_DESKTOP,
        GL_TEXTURE_BINDING_RECTANGLE_DESKTOP,
};

static_assert(sizeof(binding_pnames) / sizeof(binding_pnames[0]) == GH_GL_TEX_TARGETS,
              "a binding pname per tracked texture target");

/* The storage of the driver's binding of target index t on the unit now
 * active. A name the host does not know is one the app deleted that the
 * driver bound again: Mesa's glPopAttrib restores a saved texture binding by
 * name (attrib.c, pop_texture_group: _mesa_BindTexture_no_error), and a name
 * deleted while saved is made again as a new, empty texture, which no app
 * name maps to (a compiled glBindTexture of a deleted name in a list does
 * the same). The host makes no texture of its own in an app's share group,
 * so such a name is deleted: the binding becomes the default in the driver
 * as for the host, and nothing of it stays behind uncharged. */
static struct gh_gl_storage *driver_binding(struct gl_exec *x, uint32_t t)
{
	GLint name = 0;
	gles_host.glGetIntegerv(binding_pnames[t], &name);
	if (!name)
		return NULL;
	struct gh_gl_storage *st = gh_gl_map_get_ptr(&x->ctx->share->textures, (uint32_t)name);
	if (!st) {
		gp_log(DEBUG,
		       "GL stream %u: texture %d bound again after its deletion: "
		       "deleted",
		       x->channel, name);
		GLuint gone = (GLuint)name;
		gles_host.glDeleteTextures(1, &gone);
		return NULL;
	}
	if (!st->target)
		st->target = gh_gl_texture_targets[t];
	return st;
}

void gh_gl_textures_resync(struct gl_exec *x)
{
	struct gh_gl_bindings *b = &x->ctx->bind;
	GLint active = GL_TEXTURE0;
	gles_host.glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
	uint32_t unit = (uint32_t)active - GL_TEXTURE0;
	/* b->units is every unit once a texture was bound; a display list may
	 * bind the first one the host sees. */
	if (!b->units) {
		uint32_t n = x->gl->max_texture_units ? x->gl->max_texture_units : 1;
		b->units = calloc((size_t)n * GH_GL_TEX_TARGETS, sizeof(*b->units));
		if (b->units)
			b->n_units = n;
	}
	if (b->units) {
		for (uint32_t u = 0; u < b->n_units; u++) {
			gles_host.glActiveTexture(GL_TEXTURE0 + u);
			for (uint32_t t = 0; t < GH_GL_TEX_TARGETS; t++)
				gh_gl_storage_set(&b->units[u * GH_GL_TEX_TARGETS + t],
				                  driver_binding(x, t));
		}
		gles_host.glActiveTexture((GLenum)active);
	}
	b->active_unit = unit < b->n_units || !b->units ? unit : 0;
	/* Our own queries leave no error for the app. */
	gh_gl_errors_stash(x->ctx);
}

bool gl_exec_wrap_glPopAttrib(struct gl_exec *x)
{
	/* In a list: the list's calls re-read (lists.c). */
	if (x->ctx->lists.mode)
		x->ctx->share->lists.attribs = true;
	if (gh_gl_list_compiles(x->ctx)) {
		gles_host.glPopAttrib(); /* compiled, not run */
		return true;
	}
	gles_host.glPopAttrib();
	/* GL_STACK_UNDERFLOW stays the app's to read (stashed, not lost). The
	 * level's saved textures are given back, then the bindings re-read. */
	if (!gh_gl_attrib_sync(x, false))
		return false;
	gh_gl_textures_resync(x);
	/* GL_COLOR_BUFFER_BIT and GL_PIXEL_MODE_BIT restore the window's buffers. */
	return gh_gl_front_resync(x);
}

/* ---- After a display list ran: the texture images it may have made ---- */

#define TEX_WIDTH 0x1000u
#define TEX_HEIGHT 0x1001u
#define TEX_INTERNAL_FORMAT 0x1003u
#define TEX_DEPTH 0x8071u
#define TEX_COMPRESSED 0x86A1u
#define TEX_COMPRESSED_SIZE 0x86A0u

/* The component sizes of an unsized image: the bytes the driver keeps. */
static const GLenum size_pnames[] = {
        0x805C, 0x805D, 0x805E, 0x805F, /* GL_TEXTURE_{RED,GREEN,BLUE,ALPHA}_SIZE */
        0x8060, 0x8061,                 /* GL_TEXTURE_{LUMINANCE,INTENSITY}_SIZE */
        0x884A, 0x88F1,                 /* GL_TEXTURE_{DEPTH,STENCIL}_SIZE */
};

static uint64_t level_bytes(GLenum face_target, GLint level, GLint w, GLint h, GLint d)
{
	GLint compressed = 0, fmt = 0;
	gles_host.glGetTexLevelParameteriv(face_target, level, TEX_COMPRESSED, &compressed);
	if (compressed) {
		GLint size = 0;
		gles_host.glGetTexLevelParameteriv(face_target, level, TEX_COMPRESSED_SIZE, &size);
		return size > 0 ? (uint64_t)size : 0;
	}
	gles_host.glGetTexLevelParameteriv(face_target, level, TEX_INTERNAL_FORMAT, &fmt);
	uint64_t bpp = gh_gl_format_bytes((uint32_t)fmt);
	if (!bpp) {
		GLint bits = 0;
		for (size_t i = 0; i < sizeof(size_pnames) / sizeof(size_pnames[0]); i++) {
			GLint b = 0;
			gles_host.glGetTexLevelParameteriv(face_target, level, size_pnames[i], &b);
			bits += b > 0 && b <= 64 ? b : 0;
		}
		bpp = bits ? ((uint64_t)bits + 7) / 8 : 16;
	}
	return (uint64_t)w * (uint64_t)h * (uint64_t)(d > 0 ? d : 1) * bpp;
}

struct reread {
	struct gl_exec *x;
	uint32_t levels;
};

/* st's images as its driver texture has them, bound on the active unit. */
static void reread_texture(struct reread *r, struct gh_gl_storage *st)
{
	int t = -1;
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++)
		if (st->target == gh_gl_texture_targets[i])
			t = i;
	if (t < 0 || st->shares)
		return; /* never bound, a view, or a target no list image reaches */
	bool cube = st->target == GL_TEXTURE_CUBE_MAP;
	GLint old = 0;
	gles_host.glGetIntegerv(binding_pnames[t], &old);
	gles_host.glBindTexture(st->target, st->host);
	struct wl_array images;
	wl_array_init(&images);
	bool ok = true;
	for (uint32_t f = 0; f < (cube ? 6u : 1u) && ok; f++) {
		GLenum face = cube ? GL_TEXTURE_CUBE_MAP_POSITIVE_X + f : st->target;
		for (uint32_t level = 0; level < r->levels; level++) {
			GLint w = 0, h = 0, d = 0;
			gles_host.glGetTexLevelParameteriv(face, (GLint)level, TEX_WIDTH, &w);
			if (w <= 0)
				continue;
			gles_host.glGetTexLevelParameteriv(face, (GLint)level, TEX_HEIGHT, &h);
			gles_host.glGetTexLevelParameteriv(face, (GLint)level, TEX_DEPTH, &d);
			struct gh_gl_image_bytes *im = wl_array_add(&images, sizeof(*im));
			if (!im) {
				ok = false;
				break;
			}
			uint64_t bytes = level_bytes(face, (GLint)level, w, h > 0 ? h : 1, d);
			*im = (struct gh_gl_image_bytes){
			        .face = f,
			        .level = level,
			        .width = (uint32_t)w,
			        .height = (uint32_t)(h > 0 ? h : 1),
			        .bytes = bytes,
			        .implied = gh_gl_storage_implied(r->x, bytes, (uint32_t)w,
			                                         (uint32_t)(h > 0 ? h : 1), level,
			                                         cube),
			};
		}
	}
	gles_host.glBindTexture(st->target, (GLuint)old);
	if (ok)
		gh_gl_storage_reread(st, &images); /* takes images */
	else
		wl_array_release(&images);
}

static void reread_entry(uint32_t key, uintptr_t val, void *data)
{
	struct gh_gl_storage *st = (struct gh_gl_storage *)val;
	/* First bound by a list (compiled binds are not followed): its target
	 * is the driver's (0 and an error, drained, while never bound). */
	if (!st->target && st->host) {
		GLint target = 0;
		gles_host.glGetTextureParameteriv(st->host, 0x1006 /* GL_TEXTURE_TARGET */,
		                                  &target);
		st->target = (uint32_t)target;
	}
	reread_texture(data, st);
}

void gh_gl_storage_reread_all(struct gl_exec *x)
{
	struct reread r = {.x = x, .levels = 1};
	while (r.levels < 32 && (1u << r.levels) <= x->gl->max_texture_size)
		r.levels++;
	gh_gl_map_for_each(&x->ctx->share->textures, reread_entry, &r);
	for (int t = 0; t < GH_GL_TEX_TARGETS; t++) {
		struct gh_gl_storage *st = x->ctx->bind.default_tex[t];
		if (!st)
			continue;
		if (!st->target)
			st->target = gh_gl_texture_targets[t];
		reread_texture(&r, st);
	}
	/* The app's errors were stashed before; these are the queries' own
	 * (a level past a multisample texture's one). */
	for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
		;
}
