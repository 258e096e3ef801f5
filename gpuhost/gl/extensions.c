/*
 * What the extensions of ours a context was given change on the host:
 * types it takes that its version alone would not (OES_vertex_half_float);
 * umbrella extensions, offered only with all they stand for. The rest of
 * an extension is generic code (its commands) or the host driver's (its
 * enums).
 */
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "extensions.h"
#include "gles-codec.h"

#define HALF_FLOAT_OES 0x8D61u /* OES_vertex_half_float: not GL_HALF_FLOAT */

bool gh_gl_ctx_has_extension(const struct gh_gl_context *ctx, const char *name)
{
	int i = gles_extension_index(name);
	return i >= 0 && gles_level_has_extension(&ctx->level, i);
}

uint32_t gh_gl_ext_attrib_bytes(const struct gh_gl_context *ctx, uint32_t size, uint32_t type)
{
	if (type != HALF_FLOAT_OES || size < 1 || size > 4 ||
	    !gh_gl_ctx_has_extension(ctx, "GL_OES_vertex_half_float"))
		return 0;
	return 2 * size;
}

/* ANDROID_extension_pack_es31a promises each of these: the host's driver
 * listing the pack does not make gpupipe offer them all. */
static const char *const pack_es31a[] = {
        "GL_KHR_debug",
        "GL_KHR_texture_compression_astc_ldr",
        "GL_KHR_blend_equation_advanced",
        "GL_OES_sample_shading",
        "GL_OES_sample_variables",
        "GL_OES_shader_image_atomic",
        "GL_OES_shader_multisample_interpolation",
        "GL_OES_texture_stencil8",
        "GL_OES_texture_storage_multisample_2d_array",
        "GL_EXT_copy_image",
        "GL_EXT_draw_buffers_indexed",
        "GL_EXT_geometry_shader",
        "GL_EXT_gpu_shader5",
        "GL_EXT_primitive_bounding_box",
        "GL_EXT_shader_io_blocks",
        "GL_EXT_tessellation_shader",
        "GL_EXT_texture_border_clamp",
        "GL_EXT_texture_buffer",
        "GL_EXT_texture_cube_map_array",
        "GL_EXT_texture_sRGB_decode",
};

void gh_gl_ext_drop_incomplete_packs(struct gles_level *l)
{
	int pack = gles_extension_index("GL_ANDROID_extension_pack_es31a");
	if (!gles_level_has_extension(l, pack))
		return;
	for (size_t i = 0; i < sizeof(pack_es31a) / sizeof(pack_es31a[0]); i++) {
		if (!gles_level_has_extension(l, gles_extension_index(pack_es31a[i]))) {
			l->exts[pack / 64] &= ~(1ull << (pack % 64));
			gp_log(INFO, "GL_ANDROID_extension_pack_es31a not offered: %s is not",
			       pack_es31a[i]);
			return;
		}
	}
}
