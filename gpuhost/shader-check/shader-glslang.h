/*
 * glslang's parser behind a C interface, for shader-check.c: the one
 * place that speaks C++. Callers have checked the version, profile and
 * stage combination (glslang "corrects" a bad one, and for some it prints
 * its built-in declarations on stdout or crashes).
 */
#ifndef GH_SHADER_GLSLANG_H
#define GH_SHADER_GLSLANG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum gh_glslang_stage {
	GH_GLSLANG_VERTEX,
	GH_GLSLANG_TESS_CONTROL,
	GH_GLSLANG_TESS_EVALUATION,
	GH_GLSLANG_GEOMETRY,
	GH_GLSLANG_FRAGMENT,
	GH_GLSLANG_COMPUTE,
};

/* The profile a #version line names (NONE: no word after the number). */
enum gh_glslang_profile {
	GH_GLSLANG_PROFILE_NONE,
	GH_GLSLANG_PROFILE_ES,
	GH_GLSLANG_PROFILE_CORE,
	GH_GLSLANG_PROFILE_COMPAT,
};

struct gh_glslang_input {
	enum gh_glslang_stage stage;
	int version; /* and profile: forced (see shader-check.c) */
	enum gh_glslang_profile profile;
	const char *source; /* len bytes, no NUL needed */
	size_t len;
	const char *preamble; /* NUL-terminated text glslang reads before the source */
	bool cascading;       /* go on after the first error (all errors are logged) */
};

bool gh_glslang_init(void);
/* Sets the built-in constants shaders see to the host driver's values:
 * query(pname, &value, data) answers glGetIntegerv (an indexed one as
 * pname | index << 24), false when the host has no such value. Called
 * once, before any shader is checked. */
void gh_glslang_set_limits(int (*query)(unsigned pname, int *value, void *data), void *data);
/* The host's GL_MAX_VIEWPORTS as set_limits had it (else a generous
 * default): the value of OES_viewport_array's gl_MaxViewports. */
int gh_glslang_max_viewports(void);
/* The host's GL_MAX_SAMPLES (OES_sample_variables' gl_MaxSamples) and
 * GL_FRAGMENT_INTERPOLATION_OFFSET_BITS (OES_shader_multisample_
 * interpolation's gl_FragmentInterpolationOffsetBits), as above. */
int gh_glslang_max_samples(void);
int gh_glslang_interpolation_offset_bits(void);
/* The host's GL_MAX_CLIP_DISTANCES_EXT, GL_MAX_CULL_DISTANCES_EXT and
 * GL_MAX_COMBINED_CLIP_AND_CULL_DISTANCES_EXT (EXT_clip_cull_distance's
 * gl_Max* constants), as above. */
int gh_glslang_max_clip_distances(void);
int gh_glslang_max_cull_distances(void);
int gh_glslang_max_combined_clip_cull(void);

/* 1: accepted; 0: refused, *log = glslang's info log (malloc'd); -1: not
 * initialised, or out of memory (glslang is unusable from then on).
 * #include is refused: nothing is ever read from a file. */
int gh_glslang_parse(const struct gh_glslang_input *in, char **log);

#ifdef __cplusplus
}
#endif

#endif
