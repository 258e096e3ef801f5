/*
 * EXT_texture_array's GLSL in desktop GLSL 1.10 and 1.20, which glslang 12
 * does not know (it has neither the extension nor, below 1.30, the sampler
 * types of arrays): the text glslang checks is the shader with each of the
 * extension's types and functions respelled as the plain GLSL 1.10 type or
 * function of the same arguments and result, padded with blanks to the
 * same length (columns and line numbers stay the app's). The driver still
 * gets the app's source unchanged.
 *
 *   sampler1DArray        sampler2D         its coordinate a vec2, as 2D's
 *   sampler2DArray        sampler3D         a vec3, as 3D's
 *   sampler1DArrayShadow  sampler2DShadow   a vec3 (s, layer, reference)
 *   sampler2DArrayShadow  sampler2DShadow   with shadow2DArray's vec4, which
 *                                           is shadow2DProj's
 *   texture1DArray[Lod], texture2DArray[Lod], shadow1DArray[Lod],
 *   shadow2DArray         texture2D[Lod], texture3D[Lod], shadow2D[Lod],
 *                         shadow2DProj: the same arguments (bias and lod
 *                         where GLSL 1.10 has them) and a vec4 result
 *
 * Only after the shader's first #extension GL_EXT_texture_array line, which
 * is blanked (the preamble defines the macro: shader-check.c). The words of a
 * #define's replacement list are respelled as the code's are; a shader that
 * defines or undefines a macro of one of the words (or of a respelling) is
 * refused by shader-check.c (gh_shader_macros_respelled): glslang would check
 * the respelled call where the driver expands the macro. Each array
 * sampler becomes a sampler of its own coordinate's type, so glslang checks
 * every call with the extension's arguments; what it cannot tell apart
 * (a 1D array sampler handed to texture2D) the driver refuses still. A
 * shader overloading one of its functions on two types this makes one is
 * refused: a false refusal, never a false acceptance of its syntax. GLSL
 * 1.30 and later have the types (glslang knows them there), not the
 * extension's function names: there only the #extension line is blanked
 * (core contexts offer the extension too), and a shader calling
 * texture2DArray and its kin there is refused by glslang (a false
 * refusal, never a false acceptance).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-directive.h"
#include "shader-text.h"

static const struct {
	const char *word, *as; /* as: no longer than word */
} respell[] = {
        {"sampler1DArrayShadow", "sampler2DShadow"},
        {"sampler2DArrayShadow", "sampler2DShadow"},
        {"sampler1DArray", "sampler2D"},
        {"sampler2DArray", "sampler3D"},
        {"texture1DArrayLod", "texture2DLod"},
        {"texture2DArrayLod", "texture3DLod"},
        {"texture1DArray", "texture2D"},
        {"texture2DArray", "texture3D"},
        {"shadow1DArrayLod", "shadow2DLod"},
        {"shadow1DArray", "shadow2D"},
        {"shadow2DArray", "shadow2DProj"},
};

#define N_RESPELL (sizeof(respell) / sizeof(respell[0]))

/* Past the comment at s[i] (none: i). */
/* The respelling of word w (n bytes), NULL for none. */
static const char *respelled(const char *w, size_t n)
{
	for (size_t k = 0; k < N_RESPELL; k++) {
		if (gh_glsl_word_is(w, n, respell[k].word))
			return respell[k].as;
	}
	return NULL;
}

/* Respells the words of s[from, to). */
static void respell_words_in(char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to;) {
		if (!gh_glsl_word_char(s[i])) {
			i++;
			continue;
		}
		size_t w = i;
		while (i < to && gh_glsl_word_char(s[i]))
			i++;
		const char *as = respelled(s + w, i - w);
		if (as) {
			size_t k = strlen(as);
			memcpy(s + w, as, k);
			memset(s + w + k, ' ', i - w - k);
		}
	}
}

/* A #define line at s[hash] (plain: no continuation or comment reaches past it): its
 * replacement list respelled as code is (piglit's `#define piglit_texture2DArray
 * texture2DArray`). A macro named by one of the words is left to shader-check.c, which
 * refuses a shader whose macro names glslang reads other than the driver
 * (gh_shader_macros_respelled). */
static void respell_define(char *s, const struct gh_directive *d, size_t hash)
{
	size_t name, n, body;
	bool define;
	if (gh_directive_macro(s, d, hash, &name, &n, &body, &define) && define && d->plain)
		respell_words_in(s, body, d->end);
}

/* The directive at s[i] ('#' first on its line): blanked when it is an
 * #extension enabling GL_EXT_texture_array that gh_directive_blankable
 * allows (*on set); where `words`, a #define's replacement list respelled.
 * Returns where its line ends. */
static size_t directive(char *s, size_t len, size_t i, bool *on, bool words)
{
	struct gh_directive d;
	gh_directive_read(s, len, i, &d);
	if (gh_directive_blankable(&d) && gh_directive_enables(&d, "GL_EXT_texture_array")) {
		memset(s + i, ' ', d.end - i);
		*on = true;
	} else if (words && *on) {
		respell_define(s, &d, i);
	}
	return d.end;
}

int gh_shader_texture_array_rewrite(const char *source, size_t len, int version, char **out,
                                    size_t *n)
{
	/* GLSL 1.30 and later have the array types: only the #extension line is
	 * blanked (glslang does not know it), the functions stay as they are. */
	bool respell_words = version < 130;
	char *s = malloc(len ? len : 1);
	if (!s)
		return -1;
	memcpy(s, source, len);
	bool on = false, line_start = true, changed = false;
	for (size_t i = 0; i < len;) {
		size_t c = gh_glsl_past_comment(s, len, i);
		if (c != i) {
			i = c;
			continue;
		}
		if (s[i] == '#' && line_start) {
			bool was = on;
			i = directive(s, len, i, &on, respell_words);
			changed |= on != was;
			continue;
		}
		if (s[i] == '\n')
			line_start = true;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			line_start = false;
		if (!gh_glsl_word_char(s[i])) {
			i++;
			continue;
		}
		size_t w = i;
		while (i < len && gh_glsl_word_char(s[i]))
			i++;
		if (on && respell_words)
			respell_words_in(s, w, i);
	}
	if (!changed) {
		free(s);
		return 0;
	}
	*out = s;
	*n = len;
	return 1;
}
