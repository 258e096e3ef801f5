/*
 * State the compatibility profile changes behind the host's trackers: a
 * glPopAttrib restores texture bindings and the active unit (GL_TEXTURE_BIT)
 * without any glBindTexture or glActiveTexture going by. After it, the host
 * re-reads from its driver every binding it tracks, so that every later
 * check (the storage a glTexImage* charges, gpuhost/gl/storage.c) is made
 * against the texture the driver really has bound.
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <assert.h>

#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "gl-private.h"
#include "gles-codec.h"

/* The binding pname of each target index of gh_gl_texture_target_index
 * (the asserts below keep both lists as long as the index's range). */
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

static const GLenum targets[] = {
        GL_TEXTURE_2D,
        GL_TEXTURE_CUBE_MAP,
        GL_TEXTURE_3D,
        GL_TEXTURE_2D_ARRAY,
        GL_TEXTURE_2D_MULTISAMPLE,
        GL_TEXTURE_2D_MULTISAMPLE_ARRAY,
        GL_TEXTURE_CUBE_MAP_ARRAY,
        GL_TEXTURE_1D_DESKTOP,
        GL_TEXTURE_1D_ARRAY_DESKTOP,
        GL_TEXTURE_RECTANGLE_DESKTOP,
};
static_assert(sizeof(binding_pnames) / sizeof(binding_pnames[0]) == GH_GL_TEX_TARGETS,
              "a binding pname per tracked texture target");
static_assert(sizeof(targets) / sizeof(targets[0]) == GH_GL_TEX_TARGETS,
              "every tracked texture target");

/* The storage of the driver's binding of target index t on the unit now
 * active; a name the host no longer knows (deleted while saved on the
 * attribute stack) is unbound in the driver too, so both see the default. */
static struct gh_gl_storage *driver_binding(struct gl_exec *x, uint32_t t)
{
	GLint name = 0;
	gles_host.glGetIntegerv(binding_pnames[t], &name);
	if (!name)
		return NULL;
	struct gh_gl_storage *st = gh_gl_map_get_ptr(&x->ctx->share->textures, (uint32_t)name);
	if (!st) {
		gp_log(DEBUG,
		       "GL stream %u: texture %d restored to a binding after its "
		       "deletion: unbound",
		       x->channel, name);
		gles_host.glBindTexture(targets[t], 0);
		return NULL;
	}
	if (!st->target)
		st->target = targets[t];
	return st;
}

void gh_gl_textures_resync(struct gl_exec *x)
{
	struct gh_gl_bindings *b = &x->ctx->bind;
	GLint active = GL_TEXTURE0;
	gles_host.glGetIntegerv(GL_ACTIVE_TEXTURE, &active);
	uint32_t unit = (uint32_t)active - GL_TEXTURE0;
	/* b->units is every unit once a texture was bound: before, every
	 * binding the host saw was the default, and so is every one GL
	 * restores. */
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
	gles_host.glPopAttrib();
	/* GL_STACK_UNDERFLOW stays the app's to read (stashed, not lost). */
	gh_gl_textures_resync(x);
	return true;
}
