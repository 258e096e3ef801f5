/*
 * Shader extensions of the context that glslang 12 does not know: the text
 * glslang checks is the shader with what such an extension adds spelled in
 * plain GLSL ES (stand-ins), the driver still gets the app's source
 * unchanged. Every name, type and expression of the shader is still
 * checked; only the extension's own spellings become what glslang knows,
 * and line numbers stay. Each extension's macro comes with the preamble
 * (shader-check.c).
 *
 * What every extension of the table gets:
 *   #extension NAME...  the line is blanked; the declarations of its
 *                   stand-ins (if any) take the place of its first one
 *   its built-ins   renamed to same-length stand-ins, after its #extension
 *
 * EXT_shader_framebuffer_fetch and its _non_coherent twin (fragment):
 *   gl_LastFragData gp_LastFragData, an ordinary array of gl_MaxDrawBuffers
 *                   vec4s the shader reads; declared in GLSL ES 1.00 only,
 *                   unless the shader redeclares it at global scope
 *   inout           at global scope (a fragment output the shader reads):
 *                   out, which GLSL ES 3.x lets a shader read as well
 *   noncoherent     in a layout(): removed, and the layout() if it is empty
 * OES_viewport_array (GLSL ES 3.10+; its built-ins, every stage):
 *   gl_ViewportIndex  gp_ViewportIndex, a highp int global: geometry
 *                   shaders write it, fragment shaders read it; undeclared
 *                   in other stages, as the extension has it there
 *   gl_MaxViewports gp_MaxViewports, a const int: the host's
 *                   GL_MAX_VIEWPORTS (shader-glslang.h)
 * OES_sample_variables (fragment; GLSL ES 3.00 lacks its built-ins in
 * glslang 12):
 *   gl_SampleID, gl_SamplePosition, gl_SampleMaskIn[], gl_SampleMask[],
 *   gl_NumSamples   gp_ globals of the extension's types and precisions, the
 *                   arrays (gl_MaxSamples + 31) / 32 ints
 *   gl_MaxSamples   gp_MaxSamples, a const: the host's GL_MAX_SAMPLES
 * OES_shader_multisample_interpolation (every stage: `sample` outputs):
 *   interpolateAtCentroid/Sample/Offset  gp_interpolAt..., declared (no
 *                   body: glslang only parses) for float and vec2..4, in
 *                   fragment shaders only, as the extension has them
 *   sample          before in or out at global scope: blanked (the
 *                   qualifier only chooses where the driver interpolates)
 *   gl_MinFragmentInterpolationOffset, gl_MaxFragmentInterpolationOffset,
 *   gl_FragmentInterpolationOffsetBits  gp_ consts: -0.5, 0.5 (the
 *                   extension's minimums; floats size nothing) and the
 *                   host's GL_FRAGMENT_INTERPOLATION_OFFSET_BITS
 * EXT_draw_instanced (GLSL ES 1.00's instance number):
 *   gl_InstanceIDEXT  gp_InstanceIDEXT, a highp int global of vertex shaders
 *                   (undeclared elsewhere, as the extension has it)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-glslang.h"

enum { FETCH, VIEWPORT, SAMPLE, INTERPOLATION, INSTANCED, N_EXTENSIONS };

#define STAGE(s) (1u << (s))

static const struct extension {
	unsigned bits;        /* gh_shader_ext bits of a context that has it */
	unsigned stages;      /* STAGE() bits where the shader may enable it */
	const char *names[2]; /* its #extension names */
	struct {
		const char *builtin, *stand_in; /* same length */
	} words[6];
} extensions[N_EXTENSIONS] = {
        [FETCH] = {GH_SHADER_EXT_FRAMEBUFFER_FETCH | GH_SHADER_EXT_FRAMEBUFFER_FETCH_NON_COHERENT,
                   STAGE(GH_GLSLANG_FRAGMENT),
                   {"GL_EXT_shader_framebuffer_fetch",
                    "GL_EXT_shader_framebuffer_fetch_non_coherent"},
                   {{"gl_LastFragData", "gp_LastFragData"}}},
        [VIEWPORT] = {GH_SHADER_EXT_VIEWPORT_ARRAY,
                      ~0u,
                      {"GL_OES_viewport_array"},
                      {{"gl_ViewportIndex", "gp_ViewportIndex"},
                       {"gl_MaxViewports", "gp_MaxViewports"}}},
        [SAMPLE] = {GH_SHADER_EXT_SAMPLE_VARIABLES,
                    STAGE(GH_GLSLANG_FRAGMENT),
                    {"GL_OES_sample_variables"},
                    {{"gl_SampleID", "gp_SampleID"},
                     {"gl_SamplePosition", "gp_SamplePosition"},
                     {"gl_SampleMaskIn", "gp_SampleMaskIn"},
                     {"gl_SampleMask", "gp_SampleMask"},
                     {"gl_NumSamples", "gp_NumSamples"},
                     {"gl_MaxSamples", "gp_MaxSamples"}}},
        [INTERPOLATION] =
                {GH_SHADER_EXT_MULTISAMPLE_INTERPOLATION,
                 ~0u,
                 {"GL_OES_shader_multisample_interpolation"},
                 {{"interpolateAtCentroid", "gp_interpolAtCentroid"},
                  {"interpolateAtSample", "gp_interpolAtSample"},
                  {"interpolateAtOffset", "gp_interpolAtOffset"},
                  {"gl_MinFragmentInterpolationOffset", "gp_MinFragmentInterpolationOffset"},
                  {"gl_MaxFragmentInterpolationOffset", "gp_MaxFragmentInterpolationOffset"},
                  {"gl_FragmentInterpolationOffsetBits", "gp_FragmentInterpolationOffsetBits"}}},
        [INSTANCED] = {GH_SHADER_EXT_DRAW_INSTANCED,
                       ~0u,
                       {"GL_EXT_draw_instanced"},
                       {{"gl_InstanceIDEXT", "gp_InstanceIDEXT"}}},
};

/* Room for the longest declaration line of declare(). */
#define DECLARATION_MAX 1024

struct text {
	char *s;
	size_t len, i;
};

static int at(const struct text *t, size_t k)
{
	return t->i + k < t->len ? (unsigned char)t->s[t->i + k] : -1;
}

static bool word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

static bool word_at(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && memcmp(s, w, n) == 0;
}

static void blank(char *s, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++) {
		if (s[k] != '\n')
			s[k] = ' ';
	}
}

/* Skips a comment at the cursor; false when there is none. */
static bool skip_comment(struct text *t)
{
	if (at(t, 0) != '/' || (at(t, 1) != '/' && at(t, 1) != '*'))
		return false;
	bool block = at(t, 1) == '*';
	t->i += 2;
	while (t->i < t->len) {
		if (!block && at(t, 0) == '\n')
			return true;
		if (block && at(t, 0) == '*' && at(t, 1) == '/') {
			t->i += 2;
			return true;
		}
		t->i++;
	}
	return true;
}

/* What the rewrite keeps track of, per extension of the table. */
struct found {
	bool on;         /* the shader enables it (and the context has it) */
	size_t from, to; /* its first #extension line, blanked */
	char declaration[DECLARATION_MAX];
};

/* The extension of the table named w (n bytes) that `exts` and `stage`
 * allow, or -1. */
static int extension_named(const char *w, size_t n, unsigned exts, enum gh_glslang_stage stage)
{
	for (int e = 0; e < N_EXTENSIONS; e++) {
		const struct extension *x = &extensions[e];
		if (!(x->bits & exts) || !(x->stages & STAGE(stage)))
			continue;
		for (size_t k = 0; k < sizeof(x->names) / sizeof(x->names[0]); k++) {
			if (x->names[k] && word_at(w, n, x->names[k]))
				return e;
		}
	}
	return -1;
}

/* A directive line from its '#': an #extension of ours is blanked and
 * the first one's span kept; the cursor ends at the newline. */
static void directive(struct text *t, unsigned exts, enum gh_glslang_stage stage,
                      struct found *found)
{
	size_t from = t->i;
	t->i++;
	while (at(t, 0) == ' ' || at(t, 0) == '\t')
		t->i++;
	size_t w = t->i;
	while (word_char(at(t, 0)))
		t->i++;
	bool ext = word_at(t->s + w, t->i - w, "extension");
	while (at(t, 0) == ' ' || at(t, 0) == '\t')
		t->i++;
	w = t->i;
	while (word_char(at(t, 0)))
		t->i++;
	int e = ext ? extension_named(t->s + w, t->i - w, exts, stage) : -1;
	/* A line continuation could carry the directive on: left whole. */
	while (t->i < t->len && at(t, 0) != '\n') {
		if (at(t, 0) == '\\')
			e = -1;
		t->i++;
	}
	if (e < 0)
		return;
	blank(t->s, from, t->i);
	if (!found[e].on) {
		found[e].from = from;
		found[e].to = t->i;
	}
	found[e].on = true;
}

/* Removes `noncoherent` from the layout( at the cursor (past "layout"). */
static void layout_list(struct text *t, size_t layout_at)
{
	while (at(t, 0) == ' ' || at(t, 0) == '\t' || at(t, 0) == '\n')
		t->i++;
	if (at(t, 0) != '(')
		return;
	t->i++;
	size_t comma = 0, words = 0, removed = 0;
	bool pending = false; /* a removed word wants the next comma gone */
	while (t->i < t->len && at(t, 0) != ')') {
		int c = at(t, 0);
		if (word_char(c)) {
			size_t w = t->i;
			while (word_char(at(t, 0)))
				t->i++;
			if (word_at(t->s + w, t->i - w, "noncoherent")) {
				blank(t->s, w, t->i);
				removed++;
				if (comma)
					blank(t->s, comma, comma + 1);
				pending = !comma;
				comma = 0;
			} else {
				words++;
			}
			continue;
		}
		if (c == ',') {
			if (pending)
				blank(t->s, t->i, t->i + 1);
			comma = pending ? 0 : t->i;
			pending = false;
		}
		t->i++;
	}
	if (at(t, 0) != ')')
		return;
	if (removed && !words)
		blank(t->s, layout_at, t->i + 1);
	t->i++; /* past the ')': the caller counts the parentheses outside */
}

/* The stand-in of `word` (n bytes) from an extension the shader enabled
 * (found), or NULL. */
static const char *stand_in(const char *word, size_t n, const struct found *found)
{
	for (int e = 0; e < N_EXTENSIONS; e++) {
		const struct extension *x = &extensions[e];
		for (size_t k = 0; found[e].on && k < sizeof(x->words) / sizeof(x->words[0]); k++) {
			if (x->words[k].builtin && word_at(word, n, x->words[k].builtin))
				return x->words[k].stand_in;
		}
	}
	return NULL;
}

/* Whether the next word past the cursor (comments aside) is in or out. */
static bool before_in_or_out(const struct text *t)
{
	struct text past = *t;
	for (;;) {
		int c = at(&past, 0);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			past.i++;
		else if (!skip_comment(&past))
			break;
	}
	size_t w = past.i;
	while (word_char(at(&past, 0)))
		past.i++;
	return word_at(past.s + w, past.i - w, "in") || word_at(past.s + w, past.i - w, "out");
}

/* The declarations of extension e's stand-ins, in found[e].declaration. */
static void declare(int e, int version, enum gh_glslang_stage stage, bool redeclared,
                    struct found *found)
{
	char *d = found[e].declaration;
	d[0] = 0;
	if (e == FETCH && version == 100 && !redeclared)
		snprintf(d, DECLARATION_MAX, "mediump vec4 gp_LastFragData[gl_MaxDrawBuffers];");
	if (e == VIEWPORT) {
		bool index = stage == GH_GLSLANG_GEOMETRY || stage == GH_GLSLANG_FRAGMENT;
		snprintf(d, DECLARATION_MAX, "const highp int gp_MaxViewports = %d;%s",
		         gh_glslang_max_viewports(), index ? " highp int gp_ViewportIndex;" : "");
	}
	if (e == SAMPLE) {
		snprintf(d, DECLARATION_MAX,
		         "const mediump int gp_MaxSamples = %d; lowp int gp_SampleID; mediump vec2 "
		         "gp_SamplePosition; highp int gp_SampleMaskIn[(gp_MaxSamples + 31) / 32]; "
		         "highp int gp_SampleMask[(gp_MaxSamples + 31) / 32]; lowp int "
		         "gp_NumSamples;",
		         gh_glslang_max_samples());
	}
	if (e == INSTANCED && stage == GH_GLSLANG_VERTEX)
		snprintf(d, DECLARATION_MAX, "highp int gp_InstanceIDEXT;");
	if (e == INTERPOLATION) {
		int k = snprintf(
		        d, DECLARATION_MAX,
		        "const mediump float gp_MinFragmentInterpolationOffset = -0.5; const "
		        "mediump float gp_MaxFragmentInterpolationOffset = 0.5; const mediump "
		        "int gp_FragmentInterpolationOffsetBits = %d;",
		        gh_glslang_interpolation_offset_bits());
		static const char *const types[] = {"float", "vec2", "vec3", "vec4"};
		for (size_t i = 0; stage == GH_GLSLANG_FRAGMENT && i < 4; i++) {
			const char *t = types[i];
			k += snprintf(d + k, DECLARATION_MAX - (size_t)k,
			              " highp %s gp_interpolAtCentroid(highp %s); highp %s "
			              "gp_interpolAtSample(highp %s, int); highp %s "
			              "gp_interpolAtOffset(highp %s, highp vec2);",
			              t, t, t, t, t, t);
		}
	}
}

int gh_shader_standins_rewrite(const char *source, size_t len, int version, int stage_number,
                               unsigned exts, char **out, size_t *n)
{
	enum gh_glslang_stage stage = (enum gh_glslang_stage)stage_number;
	struct text t = {malloc(len + N_EXTENSIONS * DECLARATION_MAX), len, 0};
	if (!t.s)
		return -1;
	memcpy(t.s, source, len);
	struct found found[N_EXTENSIONS] = {0};
	bool redeclared = false, line_start = true;
	int braces = 0, parens = 0;
	while (t.i < t.len) {
		int c = at(&t, 0);
		if (skip_comment(&t))
			continue;
		if (c == '#' && line_start) {
			directive(&t, exts, stage, found);
			continue;
		}
		if (c == '\n')
			line_start = true;
		else if (c != ' ' && c != '\t' && c != '\r')
			line_start = false;
		if (!word_char(c) || (t.i && word_char((unsigned char)t.s[t.i - 1]))) {
			braces += (c == '{') - (c == '}');
			parens += (c == '(') - (c == ')');
			t.i++;
			continue;
		}
		size_t w = t.i;
		while (word_char(at(&t, 0)))
			t.i++;
		const char *word = t.s + w;
		size_t wn = t.i - w;
		const char *to = stand_in(word, wn, found);
		if (to) {
			redeclared |= braces == 0 && word_at(word, wn, "gl_LastFragData");
			memcpy(t.s + w, to, wn);
		} else if (found[INTERPOLATION].on && word_at(word, wn, "sample") && braces == 0 &&
		           parens == 0 && before_in_or_out(&t)) {
			blank(t.s, w, t.i);
		} else if (!found[FETCH].on) {
			continue;
		} else if (word_at(word, wn, "inout") && braces == 0 && parens == 0) {
			memcpy(t.s + w, "out  ", wn);
		} else if (word_at(word, wn, "layout")) {
			layout_list(&t, w);
		}
	}
	bool any = false;
	for (int e = 0; e < N_EXTENSIONS; e++)
		any |= found[e].on;
	if (!any) {
		free(t.s);
		return 0;
	}
	/* The stand-ins take the place of their extension's first #extension
	 * line (same line count: glslang's line numbers are the app's), the
	 * latest line first so that the earlier spans stay where they are. */
	for (int done = 0; done < N_EXTENSIONS; done++) {
		int e = -1;
		for (int k = 0; k < N_EXTENSIONS; k++) {
			if (found[k].on && (e < 0 || found[k].from > found[e].from))
				e = k;
		}
		if (e < 0)
			break;
		declare(e, version, stage, redeclared, found);
		size_t d = strlen(found[e].declaration), from = found[e].from, to = found[e].to;
		memmove(t.s + from + d, t.s + to, t.len - to);
		memcpy(t.s + from, found[e].declaration, d);
		t.len = t.len - (to - from) + d;
		found[e].on = false;
	}
	*out = t.s;
	*n = t.len;
	return 1;
}
