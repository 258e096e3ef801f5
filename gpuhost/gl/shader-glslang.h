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

bool gh_glslang_init(void);

/* Parses `len` bytes of `source` as GLSL `version`/`profile` (forced: the
 * caller read them from the source's #version line, or chose the API's
 * default where it has none). 1: accepted; 0: refused, *log = glslang's
 * info log (malloc'd); -1: not initialised, or out of memory (glslang is
 * unusable from then on). #include is refused: nothing is read from a file. */
int gh_glslang_parse(enum gh_glslang_stage stage, int version, enum gh_glslang_profile profile,
                     const char *source, size_t len, char **log);

#ifdef __cplusplus
}
#endif

#endif
