/*
 * Shader checks before the driver: glslang (Debian's glslang-dev) parses
 * every shader source of the app, under the rules of its context's API and
 * of its own #version line, before the host's GL compiler may see it. What
 * glslang refuses never reaches the driver (the executor's shaders.c,
 * gpuhost/gl/, answers for it);
 * glslang's output is never used: for what it accepts, the driver's own
 * compiler stays the authority.
 *
 * glslang keeps process-wide state. gh_shader_check_init sets it up once
 * per process, during the link's setup (before its sandbox). The checks
 * open no file, start no thread and never write to stdout: glslang makes
 * only brk, mmap, munmap and futex calls. Its memory: about 170 bytes per
 * byte of source while a shader is checked, and built-in tables kept per
 * GLSL version and stage, built on first use (all ES ones: about 37 MB).
 */
#ifndef GH_SHADER_CHECK_H
#define GH_SHADER_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of source one shader may have (a GL command could carry 72 MiB).
 * glslang takes about 170 bytes of memory per byte of straight-line code;
 * the largest shaders of glmark2 and of the piglit GLES set are 4 KiB and
 * 40 KiB. A longer source is refused with a log saying so. */
#define GH_SHADER_MAX_SOURCE (512u << 10)

/* Bytes of glslang's log kept for the app's glGetShaderInfoLog. */
#define GH_SHADER_MAX_LOG (4u << 10)

/* Whose rules a shader is checked against: those of its context's API.
 * Desktop contexts pass theirs. */
enum gh_shader_api {
	GH_SHADER_API_GLES,      /* #version 100, 300 es, 310 es, 320 es */
	GH_SHADER_API_GL_CORE,   /* desktop versions (and ES ones, as GL 4.x allows) */
	GH_SHADER_API_GL_COMPAT, /* same, with the compatibility profile by default */
};

enum gh_shader_verdict {
	GH_SHADER_ACCEPTED, /* hand it to the driver */
	GH_SHADER_REFUSED,  /* never hand it to the driver; *log says why */
	GH_SHADER_FAILED,   /* no verdict: glslang is not initialised or ran out of memory */
};

/* glslang's process-wide initialisation; true once done (again: no-op). */
bool gh_shader_check_init(void);

/* Sets the built-in constants shaders see to the host driver's values:
 * query(pname, &value, data) answers glGetIntegerv (an indexed one as
 * pname | index << 24), false when the host has no such value. Called
 * once, before any shader is checked. */
void gh_shader_check_set_limits(int (*query)(unsigned pname, int *value, void *data), void *data);

/* Checks `len` bytes of `source` (no NUL needed) as a shader of GL type
 * `type` (GL_VERTEX_SHADER...). On GH_SHADER_REFUSED *log is a NUL-
 * terminated log for the app (malloc'd, at most GH_SHADER_MAX_LOG bytes,
 * the caller frees it), else NULL. */
enum gh_shader_verdict gh_shader_check(enum gh_shader_api api, uint32_t type, const char *source,
                                       size_t len, char **log);

/* Extensions of the shader's context that glslang does not know and that
 * the check spells in plain GLSL for it (shader-standins.c). */
enum gh_shader_ext {
	GH_SHADER_EXT_FRAMEBUFFER_FETCH = 1u << 0,              /* EXT_shader_framebuffer_fetch */
	GH_SHADER_EXT_FRAMEBUFFER_FETCH_NON_COHERENT = 1u << 1, /* ..._non_coherent */
	GH_SHADER_EXT_VIEWPORT_ARRAY = 1u << 2,                 /* OES_viewport_array */
	GH_SHADER_EXT_SAMPLE_VARIABLES = 1u << 3,               /* OES_sample_variables */
	GH_SHADER_EXT_MULTISAMPLE_INTERPOLATION = 1u
	                                          << 4, /* OES_shader_multisample_interpolation */
	GH_SHADER_EXT_TEXTURE_QUERY_LOD = 1u << 5,      /* EXT_texture_query_lod */
	GH_SHADER_EXT_TEXTURE_SHADOW_LOD = 1u << 6,     /* EXT_texture_shadow_lod */
	GH_SHADER_EXT_CLIP_CULL_DISTANCE = 1u << 7,     /* EXT_clip_cull_distance */
	GH_SHADER_EXT_GROUP_VOTE = 1u << 8,             /* EXT_shader_group_vote */
	GH_SHADER_EXT_INTEGER_FUNCTIONS = 1u << 9,      /* MESA_shader_integer_functions */
	GH_SHADER_EXT_FETCH_DEPTH_STENCIL = 1u
	                                    << 10, /* ARM_shader_framebuffer_fetch_depth_stencil */
	GH_SHADER_EXT_DRAW_INSTANCED = 1u << 11,   /* EXT_draw_instanced */
	GH_SHADER_EXT_TEXTURE_ARRAY = 1u << 12,    /* EXT_texture_array (desktop GLSL 1.10, 1.20) */
	GH_SHADER_EXT_ARB_DRAW_INSTANCED = 1u << 13, /* ARB_draw_instanced (desktop) */
	/* Known to glslang, but a divergence depends on the context having it
	 * (shader-desktop.c); no stand-in, no macro in the preamble. */
	GH_SHADER_EXT_BLEND_FUNC_EXTENDED = 1u << 14, /* ARB_blend_func_extended (desktop) */
	GH_SHADER_EXT_GPU_SHADER4 = 1u << 15,         /* EXT_gpu_shader4 (desktop, compatibility) */
};

/* The gh_shader_ext bit of our extension `name`, 0 for any other. */
unsigned gh_shader_ext_bit(const char *name);

/* gh_shader_check for a context with the extensions `exts` (gh_shader_ext
 * bits). */
enum gh_shader_verdict gh_shader_check_ext(enum gh_shader_api api, uint32_t type,
                                           const char *source, size_t len, unsigned exts,
                                           char **log);

/* gh_shader_check_ext where defines(name, version_line, data) says whether the driver's
 * preprocessor defines the macro `name` (an extension's, NUL-terminated, word characters
 * only) for a shader of this one's stage that begins with version_line (its #version line,
 * spelled from what the check read: "#version 300 es\n", or "" without one): a shader may
 * then test the macro of one that glslang predefines too (shader-macros.h). */
enum gh_shader_verdict gh_shader_check_driver(enum gh_shader_api api, uint32_t type,
                                              const char *source, size_t len, unsigned exts,
                                              bool (*defines)(const char *name,
                                                              const char *version_line, void *data),
                                              void *data, char **log);

/* The text glslang checks for a GLSL ES shader of `stage` (enum
 * gh_glslang_stage) that enables one of the extensions `exts`: 1 with *out
 * (malloc'd) and *n, 0 when the source enables none (check it as it is),
 * -1 out of memory. */
int gh_shader_standins_rewrite(const char *source, size_t len, int version, int stage,
                               unsigned exts, char **out, size_t *n);

/* The text glslang checks for a desktop GLSL shader of `version` whose
 * subroutines (4.00+, or with #extension GL_ARB_shader_subroutine) glslang
 * 12 refuses, spelled as plain GLSL (shader-subroutines.c): 1 with *out
 * (malloc'd) and *n, 0 when there is nothing to respell, -1 out of memory. */
int gh_shader_subroutines_rewrite(const char *source, size_t len, int version, char **out,
                                  size_t *n);

/* The text glslang checks for a desktop GLSL 1.10 or 1.20 shader that
 * enables EXT_texture_array, its types and functions spelled as GLSL 1.10's
 * (shader-texture-array.c): 1 with *out (malloc'd) and *n, 0 when there is
 * nothing to respell, -1 out of memory. */
int gh_shader_texture_array_rewrite(const char *source, size_t len, int version, char **out,
                                    size_t *n);

/* The text glslang checks for a shader it checks as `version` (`es`: GLSL
 * ES) that calls, on literal arguments, a built-in GLSL makes constant and
 * glslang 12 does not fold (bitCount, findLSB, findMSB, fma), each such call
 * spelled as its value (shader-fold.c): 1 with *out (malloc'd) and *n, 0
 * when there is none to spell, -1 out of memory. */
int gh_shader_fold_rewrite(const char *source, size_t len, int version, bool es, char **out,
                           size_t *n);
/* The text glslang checks for a desktop shader that enables EXT_gpu_shader4
 * (checked as GLSL 1.40: shader-gpu-shader4.c), its spellings respelled as
 * GLSL 1.40's for a shader of `stage` (enum gh_glslang_stage): 1 with *out
 * (malloc'd) and *n, 0 when the source does not enable it, -1 out of memory. */
int gh_shader_gpu_shader4_rewrite(const char *source, size_t len, int stage, char **out, size_t *n);

#endif
