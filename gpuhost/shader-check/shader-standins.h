/*
 * The declarations that stand in for built-ins glslang 12 lacks
 * (shader-standins-builtins.c), for the rewrite of shader-standins.c.
 * Each writes GLSL ES declarations (no line break: they take the place of
 * one #extension line) to a growing text.
 */
#ifndef GH_SHADER_STANDINS_H
#define GH_SHADER_STANDINS_H

#include <stdbool.h>
#include <stddef.h>

struct gh_standin_text {
	char *s; /* NUL-terminated, malloc'd */
	size_t len, cap;
	bool failed; /* out of memory: s is what fitted */
};

/* n bytes of data, NULs included (a source may hold them). */
void gh_standin_append(struct gh_standin_text *t, const char *data, size_t n);
void gh_standin_printf(struct gh_standin_text *t, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* EXT_texture_query_lod: gp_texQueryLOD_ and gp_texQueryLod_ for every
 * sampler type of the version (cube arrays where `cube_arrays`). */
void gh_standins_query_lod(struct gh_standin_text *t, bool cube_arrays);
/* EXT_texture_shadow_lod: the stand-ins of texture, textureLod,
 * textureOffset and textureLodOffset with every overload GLSL ES gives
 * them in `stage` (enum gh_glslang_stage), and the extension's. */
void gh_standins_shadow_lod(struct gh_standin_text *t, int stage, bool cube_arrays);
/* EXT_clip_cull_distance (vertex and fragment shaders): the constants, and
 * the arrays unless the shader redeclares them. */
void gh_standins_clip_cull(struct gh_standin_text *t, bool clip_redeclared, bool cull_redeclared);
/* EXT_shader_group_vote. */
void gh_standins_group_vote(struct gh_standin_text *t);
/* MESA_shader_integer_functions: GLSL ES 3.10's integer functions, frexp
 * and ldexp under their own names in GLSL ES 3.00 (3.10 has them); its
 * implicit conversions as glslang's EXT_shader_implicit_conversions
 * (3.10 and later only: glslang has them nowhere else). */
void gh_standins_integer_functions(struct gh_standin_text *t, int version);
/* ARM_shader_framebuffer_fetch_depth_stencil (fragment shaders). */
void gh_standins_fetch_depth_stencil(struct gh_standin_text *t);

#endif
