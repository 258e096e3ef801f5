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
 * EXT_texture_query_lod (fragment, GLSL ES 3.00+):
 *   textureQueryLOD, textureQueryLod  gp_texQueryLOD_, gp_texQueryLod_
 *                   declared for every sampler type (cube map arrays
 *                   where the version or an earlier #extension has them)
 * EXT_texture_shadow_lod (GLSL ES 3.00+): its forms overload built-ins,
 *   which GLSL ES 3.x forbids a shader to do, so the built-ins themselves
 *   get stand-ins declared with all their GLSL ES overloads and the
 *   extension's (shader-standins-builtins.c):
 *   texture, textureLod, textureOffset, textureLodOffset  gp_texL,
 *                   gp_texLod_, gp_texOffset_, gp_texLodOffset_
 * EXT_clip_cull_distance (vertex and fragment shaders, GLSL ES 3.00+; in
 *   the other stages they are members of gl_PerVertex, which a stand-in
 *   cannot be: such shaders are refused):
 *   gl_ClipDistance, gl_CullDistance  gp_ arrays of the host's
 *                   maximum, unless the shader redeclares them (sized)
 *   gl_MaxClipDistances, gl_MaxCullDistances,
 *   gl_MaxCombinedClipAndCullDistances  gp_ consts: the host's values
 * EXT_shader_group_vote:
 *   anyInvocationEXT, allInvocationsEXT, allInvocationsEqualEXT
 *                   gp_anyInvocation, gp_allInvocations,
 *                   gp_allInvocationsEqual: bool functions of a bool
 * MESA_shader_integer_functions (GLSL ES 3.00+): no renaming; in 3.00 its
 *   functions (3.10 has them) are declared under their own names; in 3.10+
 *   its implicit conversions are glslang's EXT_shader_implicit_conversions
 *   (an #extension line in place of its own). 3.00 shaders that rely on
 *   the implicit conversions are refused: glslang has them in 3.10+ only.
 * ARM_shader_framebuffer_fetch_depth_stencil (fragment):
 *   gl_LastFragDepthARM, gl_LastFragStencilARM  gp_ globals
 * EXT_draw_instanced (GLSL ES 1.00's instance number):
 *   gl_InstanceIDEXT  gp_InstanceIDEXT, a highp int uniform of vertex shaders
 *                     (a uniform: glslang refuses writes to it, as to the built-in)
 *                   (undeclared elsewhere, as the extension has it)
 * ARB_draw_instanced (desktop GLSL below 1.40; glslang 12 knows the name, not
 *   its built-in):
 *   gl_InstanceIDARB  gp_InstanceIDARB, an int uniform of vertex shaders
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-glslang.h"
#include "shader-directive.h"
#include "shader-standins.h"
#include "shader-text.h"

enum {
	FETCH,
	VIEWPORT,
	SAMPLE,
	INTERPOLATION,
	QUERY_LOD,
	SHADOW_LOD,
	CLIP_CULL,
	GROUP_VOTE,
	INTEGER_FUNCTIONS,
	FETCH_DEPTH_STENCIL,
	INSTANCED,
	ARB_INSTANCED,
	N_EXTENSIONS
};

#define STAGE(s) (1u << (s))

static const struct extension {
	unsigned bits;        /* gh_shader_ext bits of a context that has it */
	unsigned stages;      /* STAGE() bits where the shader may enable it */
	int min_version;      /* the first GLSL ES version that may enable it */
	const char *names[2]; /* its #extension names */
	struct {
		const char *builtin, *stand_in; /* same length */
	} words[6];
} extensions[N_EXTENSIONS] = {
        [FETCH] = {GH_SHADER_EXT_FRAMEBUFFER_FETCH | GH_SHADER_EXT_FRAMEBUFFER_FETCH_NON_COHERENT,
                   STAGE(GH_GLSLANG_FRAGMENT),
                   100,
                   {"GL_EXT_shader_framebuffer_fetch",
                    "GL_EXT_shader_framebuffer_fetch_non_coherent"},
                   {{"gl_LastFragData", "gp_LastFragData"}}},
        [VIEWPORT] = {GH_SHADER_EXT_VIEWPORT_ARRAY,
                      ~0u,
                      100,
                      {"GL_OES_viewport_array"},
                      {{"gl_ViewportIndex", "gp_ViewportIndex"},
                       {"gl_MaxViewports", "gp_MaxViewports"}}},
        [SAMPLE] = {GH_SHADER_EXT_SAMPLE_VARIABLES,
                    STAGE(GH_GLSLANG_FRAGMENT),
                    100,
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
                 100,
                 {"GL_OES_shader_multisample_interpolation"},
                 {{"interpolateAtCentroid", "gp_interpolAtCentroid"},
                  {"interpolateAtSample", "gp_interpolAtSample"},
                  {"interpolateAtOffset", "gp_interpolAtOffset"},
                  {"gl_MinFragmentInterpolationOffset", "gp_MinFragmentInterpolationOffset"},
                  {"gl_MaxFragmentInterpolationOffset", "gp_MaxFragmentInterpolationOffset"},
                  {"gl_FragmentInterpolationOffsetBits", "gp_FragmentInterpolationOffsetBits"}}},
        [QUERY_LOD] = {GH_SHADER_EXT_TEXTURE_QUERY_LOD,
                       STAGE(GH_GLSLANG_FRAGMENT),
                       300,
                       {"GL_EXT_texture_query_lod"},
                       {{"textureQueryLOD", "gp_texQueryLOD_"},
                        {"textureQueryLod", "gp_texQueryLod_"}}},
        [SHADOW_LOD] = {GH_SHADER_EXT_TEXTURE_SHADOW_LOD,
                        ~0u,
                        300,
                        {"GL_EXT_texture_shadow_lod"},
                        {{"texture", "gp_texL"},
                         {"textureLod", "gp_texLod_"},
                         {"textureOffset", "gp_texOffset_"},
                         {"textureLodOffset", "gp_texLodOffset_"}}},
        [CLIP_CULL] = {GH_SHADER_EXT_CLIP_CULL_DISTANCE,
                       STAGE(GH_GLSLANG_VERTEX) | STAGE(GH_GLSLANG_FRAGMENT),
                       300,
                       {"GL_EXT_clip_cull_distance"},
                       {{"gl_ClipDistance", "gp_ClipDistance"},
                        {"gl_CullDistance", "gp_CullDistance"},
                        {"gl_MaxClipDistances", "gp_MaxClipDistances"},
                        {"gl_MaxCullDistances", "gp_MaxCullDistances"},
                        {"gl_MaxCombinedClipAndCullDistances",
                         "gp_MaxCombinedClipAndCullDistances"}}},
        [GROUP_VOTE] = {GH_SHADER_EXT_GROUP_VOTE,
                        ~0u,
                        100,
                        {"GL_EXT_shader_group_vote"},
                        {{"anyInvocationEXT", "gp_anyInvocation"},
                         {"allInvocationsEXT", "gp_allInvocations"},
                         {"allInvocationsEqualEXT", "gp_allInvocationsEqual"}}},
        [INTEGER_FUNCTIONS] = {GH_SHADER_EXT_INTEGER_FUNCTIONS,
                               ~0u,
                               300,
                               {"GL_MESA_shader_integer_functions"},
                               {{NULL, NULL}}},
        [FETCH_DEPTH_STENCIL] = {GH_SHADER_EXT_FETCH_DEPTH_STENCIL,
                                 STAGE(GH_GLSLANG_FRAGMENT),
                                 100,
                                 {"GL_ARM_shader_framebuffer_fetch_depth_stencil"},
                                 {{"gl_LastFragDepthARM", "gp_LastFragDepthARM"},
                                  {"gl_LastFragStencilARM", "gp_LastFragStencilARM"}}},
        [INSTANCED] = {GH_SHADER_EXT_DRAW_INSTANCED,
                       ~0u,
                       100,
                       {"GL_EXT_draw_instanced"},
                       {{"gl_InstanceIDEXT", "gp_InstanceIDEXT"}}},
        [ARB_INSTANCED] = {GH_SHADER_EXT_ARB_DRAW_INSTANCED,
                           ~0u,
                           110,
                           {"GL_ARB_draw_instanced"},
                           {{"gl_InstanceIDARB", "gp_InstanceIDARB"}}},
};

struct text {
	char *s;
	size_t len, i;
};

static int at(const struct text *t, size_t k)
{
	return t->i + k < t->len ? (unsigned char)t->s[t->i + k] : -1;
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
/* What the rewrite keeps track of, per extension of the table. */
struct found {
	bool on;         /* the shader enables it (and the context has it) */
	size_t from, to; /* its first #extension line, blanked */
};

/* The shader being rewritten: what it is and what was seen in it. */
struct shader {
	unsigned exts;
	enum gh_glslang_stage stage;
	int version;
	struct found found[N_EXTENSIONS];
	/* Where the first #extension of a cube map array extension starts
	 * (glslang knows them: their lines stay), SIZE_MAX without one. */
	size_t cube_arrays_from;
	/* Redeclared at global scope: gl_LastFragData, gl_ClipDistance,
	 * gl_CullDistance. */
	bool last_frag_data, clip_distance, cull_distance;
};

/* The extension of the table named w (n bytes) that the shader's context,
 * stage and version allow, or -1. */
static int extension_named(const char *w, size_t n, const struct shader *sh)
{
	for (int e = 0; e < N_EXTENSIONS; e++) {
		const struct extension *x = &extensions[e];
		if (!(x->bits & sh->exts) || !(x->stages & STAGE(sh->stage)) ||
		    sh->version < x->min_version)
			continue;
		for (size_t k = 0; k < sizeof(x->names) / sizeof(x->names[0]); k++) {
			if (x->names[k] && word_at(w, n, x->names[k]))
				return e;
		}
	}
	return -1;
}

/* A directive line from its '#': an #extension of ours that enables it is
 * blanked (where gh_directive_blankable allows) and the first one's span
 * kept; the cursor ends at the newline. */
static void directive(struct text *t, struct shader *sh)
{
	size_t from = t->i;
	struct gh_directive d;
	gh_directive_read(t->s, t->len, from, &d);
	t->i = d.end;
	if (!d.extension || !d.name)
		return;
	if (sh->cube_arrays_from == SIZE_MAX &&
	    (word_at(d.name, d.name_len, "GL_EXT_texture_cube_map_array") ||
	     word_at(d.name, d.name_len, "GL_OES_texture_cube_map_array")))
		sh->cube_arrays_from = from;
	int e = gh_directive_blankable(&d) ? extension_named(d.name, d.name_len, sh) : -1;
	if (e < 0)
		return;
	blank(t->s, from, t->i);
	struct found *f = &sh->found[e];
	if (!f->on) {
		f->from = from;
		f->to = t->i;
	}
	f->on = true;
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
		if (gh_glsl_word_char(c)) {
			size_t w = t->i;
			while (gh_glsl_word_char(at(t, 0)))
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

/* Skips a comment at the cursor; false when there is none. */
static bool skip_comment(struct text *t)
{
	size_t past = gh_glsl_past_comment(t->s, t->len, t->i);
	bool skipped = past != t->i;
	t->i = past;
	return skipped;
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
	while (gh_glsl_word_char(at(&past, 0)))
		past.i++;
	return word_at(past.s + w, past.i - w, "in") || word_at(past.s + w, past.i - w, "out");
}

/* Whether the sampler types of cube map arrays exist where extension e's
 * declarations go. */
static bool cube_arrays(const struct shader *sh, int e)
{
	return sh->version >= 320 || sh->cube_arrays_from < sh->found[e].from;
}

/* The declarations of extension e's stand-ins. */
static void declare(int e, const struct shader *sh, struct gh_standin_text *d)
{
	enum gh_glslang_stage stage = sh->stage;
	if (e == FETCH && sh->version == 100 && !sh->last_frag_data)
		gh_standin_printf(d, "mediump vec4 gp_LastFragData[gl_MaxDrawBuffers];");
	if (e == VIEWPORT) {
		bool index = stage == GH_GLSLANG_GEOMETRY || stage == GH_GLSLANG_FRAGMENT;
		gh_standin_printf(d, "const highp int gp_MaxViewports = %d;%s",
		                  gh_glslang_max_viewports(),
		                  index ? " highp int gp_ViewportIndex;" : "");
	}
	if (e == SAMPLE) {
		gh_standin_printf(
		        d,
		        "const mediump int gp_MaxSamples = %d; lowp int gp_SampleID; "
		        "mediump vec2 gp_SamplePosition; highp int gp_SampleMaskIn[("
		        "gp_MaxSamples + 31) / 32]; highp int gp_SampleMask[(gp_MaxSamples "
		        "+ 31) / 32]; lowp int gp_NumSamples;",
		        gh_glslang_max_samples());
	}
	if (e == INSTANCED && stage == GH_GLSLANG_VERTEX)
		gh_standin_printf(d, "uniform highp int gp_InstanceIDEXT;"); /* read-only */
	if (e == ARB_INSTANCED && stage == GH_GLSLANG_VERTEX)
		gh_standin_printf(d, "uniform int gp_InstanceIDARB;"); /* read-only */
	if (e == INTERPOLATION) {
		gh_standin_printf(
		        d,
		        "const mediump float gp_MinFragmentInterpolationOffset = -0.5; const "
		        "mediump float gp_MaxFragmentInterpolationOffset = 0.5; const "
		        "mediump int gp_FragmentInterpolationOffsetBits = %d;",
		        gh_glslang_interpolation_offset_bits());
		static const char *const types[] = {"float", "vec2", "vec3", "vec4"};
		for (size_t i = 0; stage == GH_GLSLANG_FRAGMENT && i < 4; i++) {
			const char *t = types[i];
			gh_standin_printf(d,
			                  " highp %s gp_interpolAtCentroid(highp %s); highp %s "
			                  "gp_interpolAtSample(highp %s, int); highp %s "
			                  "gp_interpolAtOffset(highp %s, highp vec2);",
			                  t, t, t, t, t, t);
		}
	}
	if (e == QUERY_LOD)
		gh_standins_query_lod(d, cube_arrays(sh, e));
	if (e == SHADOW_LOD)
		gh_standins_shadow_lod(d, stage, cube_arrays(sh, e));
	if (e == CLIP_CULL)
		gh_standins_clip_cull(d, sh->clip_distance, sh->cull_distance);
	if (e == GROUP_VOTE)
		gh_standins_group_vote(d);
	if (e == INTEGER_FUNCTIONS)
		gh_standins_integer_functions(d, sh->version);
	if (e == FETCH_DEPTH_STENCIL)
		gh_standins_fetch_depth_stencil(d);
}

/* Notes a global redeclaration of a built-in the stand-ins declare. */
static void note_redeclaration(struct shader *sh, const char *word, size_t n)
{
	sh->last_frag_data |= word_at(word, n, "gl_LastFragData");
	sh->clip_distance |= word_at(word, n, "gl_ClipDistance");
	sh->cull_distance |= word_at(word, n, "gl_CullDistance");
}

/* Reads the whole shader, blanking our #extension lines and renaming
 * built-ins in t->s. */
static void scan(struct text *t, struct shader *sh)
{
	struct found *found = sh->found;
	bool line_start = true;
	int braces = 0, parens = 0;
	while (t->i < t->len) {
		int c = at(t, 0);
		if (skip_comment(t))
			continue;
		if (c == '#' && line_start) {
			directive(t, sh);
			continue;
		}
		if (c == '\n')
			line_start = true;
		else if (c != ' ' && c != '\t' && c != '\r')
			line_start = false;
		if (!gh_glsl_word_char(c) ||
		    (t->i && gh_glsl_word_char((unsigned char)t->s[t->i - 1]))) {
			braces += (c == '{') - (c == '}');
			parens += (c == '(') - (c == ')');
			t->i++;
			continue;
		}
		size_t w = t->i;
		while (gh_glsl_word_char(at(t, 0)))
			t->i++;
		const char *word = t->s + w;
		size_t wn = t->i - w;
		const char *to = stand_in(word, wn, found);
		if (to) {
			if (braces == 0)
				note_redeclaration(sh, word, wn);
			memcpy(t->s + w, to, wn);
		} else if (found[INTERPOLATION].on && word_at(word, wn, "sample") && braces == 0 &&
		           parens == 0 && before_in_or_out(t)) {
			blank(t->s, w, t->i);
		} else if (!found[FETCH].on) {
			continue;
		} else if (word_at(word, wn, "inout") && braces == 0 && parens == 0) {
			memcpy(t->s + w, "out  ", wn);
		} else if (word_at(word, wn, "layout")) {
			layout_list(t, w);
		}
	}
}

/* The rewritten text: t's with each extension's declarations in place of
 * its first #extension line (same line count: glslang's line numbers are
 * the app's). False when out of memory. */
static bool assemble(const struct text *t, const struct shader *sh, char **out, size_t *n)
{
	struct gh_standin_text o = {0};
	size_t copied = 0;
	bool done[N_EXTENSIONS] = {false};
	for (;;) {
		int e = -1;
		for (int k = 0; k < N_EXTENSIONS; k++) {
			if (sh->found[k].on && !done[k] &&
			    (e < 0 || sh->found[k].from < sh->found[e].from))
				e = k;
		}
		if (e < 0)
			break;
		done[e] = true;
		gh_standin_append(&o, t->s + copied, sh->found[e].from - copied);
		declare(e, sh, &o);
		copied = sh->found[e].to;
	}
	gh_standin_append(&o, t->s + copied, t->len - copied);
	if (o.failed) {
		free(o.s);
		return false;
	}
	*out = o.s;
	*n = o.len;
	return true;
}

int gh_shader_standins_rewrite(const char *source, size_t len, int version, int stage_number,
                               unsigned exts, char **out, size_t *n)
{
	struct shader sh = {
	        .exts = exts,
	        .stage = (enum gh_glslang_stage)stage_number,
	        .version = version,
	        .cube_arrays_from = SIZE_MAX,
	};
	struct text t = {malloc(len ? len : 1), len, 0};
	if (!t.s)
		return -1;
	memcpy(t.s, source, len);
	scan(&t, &sh);
	bool any = false;
	for (int e = 0; e < N_EXTENSIONS; e++)
		any |= sh.found[e].on;
	int result = !any ? 0 : assemble(&t, &sh, out, n) ? 1 : -1;
	free(t.s);
	return result;
}
