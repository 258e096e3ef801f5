/*
 * The predefined macros a shader may name (shader-macros.c): glslang 12 and
 * the driver's preprocessor predefine different macros (glslang:
 * GL_GOOGLE_include_directive, GL_core_profile in compatibility shaders,
 * GL_EXT_multiview...; Mesa: one per extension of its context), so a shader
 * testing one with #ifdef could have glslang check one branch while the
 * driver compiles the other. GLSL reserves the names beginning with GL_ and
 * __; a shader may name only those both define alike.
 */
#ifndef GH_SHADER_MACROS_H
#define GH_SHADER_MACROS_H

#include <stdbool.h>
#include <stddef.h>

#include "shader-glslang.h"

struct gh_shader_macros {
	bool es;     /* a GLSL ES shader */
	int version; /* its own #version */
	int checked; /* the version glslang checks it as */
	enum gh_glslang_profile profile;
	unsigned exts; /* the context's gh_shader_ext bits */
	/* Whether both define the other GL_ name `name` (NUL-terminated): an
	 * extension's macro glslang predefines and the driver's preprocessor
	 * defines for this shader (NULL: none). */
	bool (*both_define)(const char *name, void *data);
	void *data;
};

/* 0 when every identifier of `source` (read as raw bytes, comments too)
 * that begins with GL_ or __ is a macro both sides define alike, or an
 * #extension line's name; else the line of the first that is not (*name,
 * *n: it; "##" when the source pastes tokens, which could make any name). */
int gh_shader_macros_unknown(const char *source, size_t len, const struct gh_shader_macros *m,
                             const char **name, size_t *n);

/* Whether every macro `source` #defines or #undefs is named as often in `text` (the text
 * glslang checks: the source as the rewriters respelled it) as in the source: a rewrite
 * that respelled a use of the macro, or made its name of another word, would have glslang
 * check a call where the driver expands the macro's body, which glslang never saw. 0 when
 * so; else the line of the first such macro's directive (*name, *n: its name). */
int gh_shader_macros_respelled(const char *source, size_t len, const char *text, size_t n,
                               const char **name, size_t *name_len);

#endif
