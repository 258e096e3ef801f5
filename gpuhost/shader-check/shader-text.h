/*
 * What every scanner of shader text in the check shares (shader-directive.c,
 * shader-macros.c and the respellings for glslang: shader-desktop-exts.c,
 * shader-fold.c, shader-gpu-shader4.c, shader-standins.c, shader-subroutines.c,
 * shader-texture-array.c, shader-unsized.c): one notion of a word and of a
 * comment, so that no two of them can read one source differently there.
 * The text is never NUL-terminated: every function takes its length.
 */
#ifndef GH_SHADER_TEXT_H
#define GH_SHADER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* A character of an identifier or a number (GLSL's preprocessor tokens). */
bool gh_glsl_word_char(int c);

/* Whether w (n bytes) is the word `what`. */
bool gh_glsl_word_is(const char *w, size_t n, const char *what);

/* Past the comment that starts at s[i]: a line comment ends before its
 * newline, a block comment after its close, an unclosed one at len; i when
 * no comment starts there. */
size_t gh_glsl_past_comment(const char *s, size_t len, size_t i);

#endif
