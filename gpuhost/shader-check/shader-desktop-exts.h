/*
 * Desktop GLSL extensions glslang 12 does not know, respelled for it
 * (shader-desktop-exts.c), as shader-standins.c does for GLSL ES ones: the
 * driver still gets the app's source unchanged.
 */
#ifndef GH_SHADER_DESKTOP_EXTS_H
#define GH_SHADER_DESKTOP_EXTS_H

#include <stdbool.h>
#include <stddef.h>

/* gh_shader_ext bits (shader-check.h) of the desktop extensions, above
 * the GLSL ES ones. */
enum gh_shader_desktop_ext {
	GH_SHADER_EXT_ARRAYS_OF_ARRAYS = 1u << 24,        /* ARB_arrays_of_arrays */
	GH_SHADER_EXT_CULL_DISTANCE = 1u << 25,           /* ARB_cull_distance */
	GH_SHADER_EXT_FRAGMENT_LAYER_VIEWPORT = 1u << 26, /* ARB_fragment_layer_viewport */
	GH_SHADER_EXT_SHADER_PRECISION = 1u << 27,        /* ARB_shader_precision */
	GH_SHADER_EXT_CONSERVATIVE_DEPTH = 1u << 28,      /* ARB_conservative_depth */
	GH_SHADER_EXT_TEXTURE_QUERY_LEVELS = 1u << 29,    /* ARB_texture_query_levels */
	/* Not a context's: the shader enables ARB_separate_shader_objects (which
	 * glslang knows; its line stays), for gh_shader_desktop_ext_divergence. */
	GH_SHADER_DESKTOP_SSO = 1u << 30,
};

/* The bit of the desktop extension `name`, 0 for any other. */
unsigned gh_shader_desktop_ext_bit(const char *name);

/* The name of the desktop extension of bit number `k` (0, 1, ...), NULL
 * past the last; *bit is its bit. */
const char *gh_shader_desktop_ext_at(size_t k, unsigned *bit);

/* The text glslang checks for a desktop shader of `version` and `stage`
 * (enum gh_glslang_stage) in a context with the extensions `exts`: 1 with
 * *out (malloc'd) and *n, 0 when the source enables none of them (check it
 * as it is), -1 out of memory. *enabled: the bits of those it enables. */
int gh_shader_desktop_exts_rewrite(const char *source, size_t len, int version, int stage,
                                   unsigned exts, char **out, size_t *n, unsigned *enabled);

/* Whether glslang's error message `msg` (n bytes) is only what a shader of
 * `version` that enables the extensions `enabled` may do (arrays of arrays
 * below GLSL 4.30). */
bool gh_shader_desktop_ext_divergence(unsigned enabled, int version, const char *msg, size_t n);

#endif
