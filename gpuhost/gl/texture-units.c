/*
 * The texture targets whose bindings bindings.c tracks (one table, in the order of a
 * unit's slots), and which texture a context's active unit has bound to one of them, for
 * storage.c's allocating commands: below both, so that neither calls the other for it.
 */
#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "storage.h"

/* Unsized here: a count other than GH_GL_TEX_TARGETS clashes with its declaration. */
const uint32_t gh_gl_texture_targets[] = {
        GL_TEXTURE_2D,
        GL_TEXTURE_CUBE_MAP,
        GL_TEXTURE_3D,
        GL_TEXTURE_2D_ARRAY,
        GL_TEXTURE_2D_MULTISAMPLE,
        GL_TEXTURE_2D_MULTISAMPLE_ARRAY, /* ES 3.2, OES_texture_storage_multisample_2d_array */
        GL_TEXTURE_CUBE_MAP_ARRAY,       /* ES 3.2, OES/EXT_texture_cube_map_array */
        GL_TEXTURE_1D_DESKTOP,
        GL_TEXTURE_1D_ARRAY_DESKTOP,
        GL_TEXTURE_RECTANGLE_DESKTOP,
};

int gh_gl_texture_target_index(uint32_t target)
{
	for (int i = 0; i < GH_GL_TEX_TARGETS; i++) {
		if (gh_gl_texture_targets[i] == target)
			return i;
	}
	return -1;
}

struct gh_gl_storage *gh_gl_bound_texture(struct gh_gl_context *ctx, uint32_t target,
                                          uint32_t *face)
{
	uint32_t i;
	*face = 0;
	if (target >= GL_TEXTURE_CUBE_MAP_POSITIVE_X && target <= GL_TEXTURE_CUBE_MAP_NEGATIVE_Z) {
		i = 1;
		*face = target - GL_TEXTURE_CUBE_MAP_POSITIVE_X;
	} else if (target != GL_TEXTURE_CUBE_MAP && gh_gl_texture_target_index(target) >= 0) {
		i = (uint32_t)gh_gl_texture_target_index(target);
	} else {
		return NULL;
	}
	struct gh_gl_bindings *b = &ctx->bind;
	struct gh_gl_storage *st =
	        b->units ? b->units[b->active_unit * GH_GL_TEX_TARGETS + i] : NULL;
	return st ? st : b->default_tex[i];
}
