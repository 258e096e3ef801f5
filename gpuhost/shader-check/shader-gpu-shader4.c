/*
 * EXT_gpu_shader4's GLSL, which glslang 12 does not know: a desktop shader of
 * GLSL 1.10 or 1.20 (or later) whose #extension line enables it. Such a shader
 * is checked as GLSL 1.40 (shader-check.c, ext_versions), where what the
 * extension adds to 1.10/1.20 is core: unsigned integers (uint, uvec*, the u
 * suffix), integer samplers (isampler*, usampler*), buffer and rectangle
 * samplers, integer texel fetches and offsets, bitwise operators, %, shifts,
 * flat and noperspective varyings, gl_VertexID, uniform initialisers (1.20).
 * 1.40 rather than 1.30: glslang 12 has samplerBuffer and sampler2DRect only
 * from 1.40 on, and keeps attribute, varying, gl_FragColor, ftransform() and
 * the compatibility built-ins there (no profile below 1.50). What 1.40 adds
 * beyond the extension only adds to what glslang accepts (gl_InstanceID, a
 * global `in`), which the driver, compiling the app's source under its own
 * version, refuses still; words 1.40 reserves (switch, uint as a name, ...)
 * are false refusals, never false acceptances. A source that could tell the
 * versions apart in the preprocessor (__VERSION__, ##) stays at its own
 * version (ext_version), and a macro both sides define otherwise is refused
 * (shader-macros.c).
 *
 * The text glslang checks has the extension's own spellings respelled as
 * their GLSL 1.40 twins (same arguments, same result), padded with blanks to
 * the same length (columns and line numbers stay the app's); the driver
 * still gets the app's source unchanged. Only after the shader's first
 * #extension GL_EXT_gpu_shader4 line that enables it; every such line is
 * blanked (the preamble defines the macro: shader-check.c); never inside
 * another preprocessor line (a macro spelling one is refused: a false
 * refusal). A shader defining or undefining a macro of a respelled word, or of
 * a word a respelling makes, is refused by shader-check.c
 * (gh_shader_macros_respelled): glslang would check the respelled use where the
 * driver expands the macro.
 *
 *   unsigned int           uint, the `int` blanked (comments and line breaks
 *                          between them kept)
 *   varying out            out, in fragment shaders (the extension's
 *                          user-defined fragment outputs)
 *   centroid flat|noperspective|smooth
 *                          the two swapped (1.40 wants centroid last)
 *   texelFetch{1D,2D,3D,2DRect,1DArray,2DArray}[Offset], texelFetchBuffer
 *                          texelFetch[Offset]
 *   textureSize{1D,2D,3D,Cube,2DRect,1DArray,2DArray,Buffer}
 *                          textureSize
 *   texture{1D,2D,3D,Cube,2DRect,1DArray,2DArray}[Proj][Lod|Grad][Offset]
 *                          texture[Proj][Lod|Grad][Offset]: the extension
 *                          gives these names integer samplers too (a
 *                          texture2D of an isampler2D is an ivec4), which
 *                          only the generic names have in 1.40
 *   truncate               trunc
 *   gl_PrimitiveID         gp_PrimitiveID in fragment shaders, a `flat in
 *                          int` declared where the #extension line was
 *                          (read-only, as the built-in is)
 *
 * The shadow functions the extension adds (shadow2DOffset, shadowCube,
 * shadow2DGrad ...) return a vec4 where their 1.40 twins return a float:
 * they are not respelled, and glslang refuses a shader calling them (a false
 * refusal). shadow1D/shadow2D[Proj][Lod] are 1.40's own.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-directive.h"
#include "shader-glslang.h"
#include "shader-text.h"

/* Whether s (n bytes) is `head` + one of `mids` + one of `tails`; *mid: the
 * length of that one of `mids`. */
static bool composed(const char *s, size_t n, const char *head, const char *const *mids,
                     size_t n_mids, const char *const *tails, size_t n_tails, size_t *mid)
{
	size_t h = strlen(head);
	if (n < h || memcmp(s, head, h) != 0)
		return false;
	for (size_t m = 0; m < n_mids; m++) {
		size_t k = strlen(mids[m]);
		if (n < h + k || memcmp(s + h, mids[m], k) != 0)
			continue;
		for (size_t t = 0; t < n_tails; t++) {
			if (gh_glsl_word_is(s + h + k, n - h - k, tails[t])) {
				*mid = k;
				return true;
			}
		}
	}
	return false;
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Whether s (n bytes) is one of the extension's functions named with a
 * dimension: *head is the length of the 1.40 name's head, *dim that of the
 * dimension after it (the 1.40 name is the head and what follows the
 * dimension). */
static bool dimensioned(const char *s, size_t n, size_t *head, size_t *dim)
{
	static const char *const fetch_dims[] = {"1D", "2D", "3D", "2DRect", "1DArray", "2DArray"};
	static const char *const size_dims[] = {"1D",     "2D",      "3D",      "Cube",
	                                        "2DRect", "1DArray", "2DArray", "Buffer"};
	static const char *const tex_dims[] = {"1D",     "2D",      "3D",     "Cube",
	                                       "2DRect", "1DArray", "2DArray"};
	static const char *const offset[] = {"", "Offset"};
	static const char *const none[] = {""};
	static const char *const buffer[] = {"Buffer"};
	static const char *const tex_tails[] = {
	        "",          "Proj",          "Lod",        "ProjLod",
	        "Grad",      "ProjGrad",      "Offset",     "ProjOffset",
	        "LodOffset", "ProjLodOffset", "GradOffset", "ProjGradOffset",
	};
	static const char fetch[] = "texelFetch", size[] = "textureSize", tex[] = "texture";
	*head = sizeof(fetch) - 1;
	if (composed(s, n, fetch, fetch_dims, N(fetch_dims), offset, N(offset), dim) ||
	    composed(s, n, fetch, buffer, 1, none, 1, dim))
		return true;
	*head = sizeof(size) - 1;
	if (composed(s, n, size, size_dims, N(size_dims), none, 1, dim))
		return true;
	*head = sizeof(tex) - 1;
	return composed(s, n, tex, tex_dims, N(tex_dims), tex_tails, N(tex_tails), dim);
}

/* Past the comment at s[i] (none: i). */
/* The word after s[i] (blanks, line breaks and comments between; no
 * preprocessor line): its start in *w, its end returned (*w: none). */
static size_t next_word(const char *s, size_t len, size_t i, size_t *w)
{
	for (;;) {
		size_t c = gh_glsl_past_comment(s, len, i);
		if (c != i) {
			i = c;
			continue;
		}
		if (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) {
			i++;
			continue;
		}
		break;
	}
	*w = i;
	while (i < len && gh_glsl_word_char(s[i]))
		i++;
	return i;
}

struct rewrite {
	char *s;
	size_t len;
	int stage;
	bool on;                /* after the first #extension line enabling the extension */
	size_t decl, decl_room; /* where that line starts, its length */
};

/* `centroid flat` / `centroid noperspective` / `centroid smooth` at s[w..e):
 * the two words swapped in place (the blanks between them kept), GLSL 1.40's
 * order, where centroid is the storage qualifier's part and follows the
 * interpolation qualifier; the extension takes either order. Not across a
 * comment or a line break (glslang refuses the order: a false refusal). */
static void centroid_last(struct rewrite *r, size_t w, size_t e)
{
	size_t k = e;
	while (k < r->len && (r->s[k] == ' ' || r->s[k] == '\t'))
		k++;
	size_t q = k;
	while (q < r->len && gh_glsl_word_char(r->s[q]))
		q++;
	if (!gh_glsl_word_is(r->s + k, q - k, "flat") &&
	    !gh_glsl_word_is(r->s + k, q - k, "noperspective") &&
	    !gh_glsl_word_is(r->s + k, q - k, "smooth"))
		return;
	char span[64];
	size_t blanks = k - e, interp = q - k;
	if (q - w > sizeof(span))
		return;
	memcpy(span, r->s + k, interp);
	memcpy(span + interp, r->s + e, blanks);
	memcpy(span + interp + blanks, "centroid", 8);
	memcpy(r->s + w, span, q - w);
}

/* Respells the word s[w..e) where the extension is on. */
static void respell(struct rewrite *r, size_t w, size_t e)
{
	char *s = r->s;
	size_t n = e - w, head, dim;
	if (gh_glsl_word_is(s + w, n, "unsigned")) {
		size_t iw, ie = next_word(s, r->len, e, &iw);
		if (!gh_glsl_word_is(s + iw, ie - iw, "int"))
			return;
		memcpy(s + w, "uint    ", 8);
		memset(s + iw, ' ', 3);
	} else if (r->stage == GH_GLSLANG_FRAGMENT && gh_glsl_word_is(s + w, n, "varying")) {
		size_t ow, oe = next_word(s, r->len, e, &ow);
		if (gh_glsl_word_is(s + ow, oe - ow, "out"))
			memset(s + w, ' ', n);
	} else if (gh_glsl_word_is(s + w, n, "centroid")) {
		centroid_last(r, w, e);
	} else if (gh_glsl_word_is(s + w, n, "truncate")) {
		memcpy(s + w, "trunc   ", 8);
	} else if (r->stage == GH_GLSLANG_FRAGMENT && gh_glsl_word_is(s + w, n, "gl_PrimitiveID")) {
		s[w + 1] = 'p';
	} else if (dimensioned(s + w, n, &head, &dim)) {
		/* texture2DProjLod: texture ProjLod, the dimension blanked at the end. */
		memmove(s + w + head, s + w + head + dim, n - head - dim);
		memset(s + e - dim, ' ', dim);
	}
}

int gh_shader_gpu_shader4_rewrite(const char *source, size_t len, int stage, char **out, size_t *n)
{
	struct rewrite r = {.s = malloc(len ? len : 1), .len = len, .stage = stage};
	if (!r.s)
		return -1;
	memcpy(r.s, source, len);
	bool line_start = true;
	for (size_t i = 0; i < len;) {
		size_t c = gh_glsl_past_comment(r.s, len, i);
		if (c != i) {
			i = c;
			continue;
		}
		if (r.s[i] == '#' && line_start) {
			struct gh_directive d;
			gh_directive_read(r.s, len, i, &d);
			if (gh_directive_blankable(&d) &&
			    gh_directive_enables(&d, "GL_EXT_gpu_shader4")) {
				memset(r.s + i, ' ', d.end - i);
				if (!r.on) {
					r.decl = i;
					r.decl_room = d.end - i;
				}
				r.on = true;
			}
			i = d.end;
			continue;
		}
		if (r.s[i] == '\n')
			line_start = true;
		else if (r.s[i] != ' ' && r.s[i] != '\t' && r.s[i] != '\r')
			line_start = false;
		if (!gh_glsl_word_char(r.s[i])) {
			i++;
			continue;
		}
		size_t w = i;
		while (i < len && gh_glsl_word_char(r.s[i]))
			i++;
		if (r.on && !(w > 0 && gh_glsl_word_char(r.s[w - 1])))
			respell(&r, w, i);
	}
	if (!r.on) {
		free(r.s);
		return 0;
	}
	/* gl_PrimitiveID's stand-in, in the first blanked line (any line that
	 * enables the extension is longer: else glslang finds it undeclared). */
	static const char decl[] = "flat in int gp_PrimitiveID;";
	if (stage == GH_GLSLANG_FRAGMENT && r.decl_room >= sizeof(decl) - 1)
		memcpy(r.s + r.decl, decl, sizeof(decl) - 1);
	*out = r.s;
	*n = len;
	return 1;
}
