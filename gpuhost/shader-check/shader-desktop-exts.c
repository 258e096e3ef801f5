/*
 * Desktop GLSL extensions of the context that glslang 12 does not know
 * (it refuses their #extension line, or what they add): the text glslang
 * checks spells what such an extension adds in plain GLSL, in the spirit
 * of shader-standins.c (GLSL ES) and shader-subroutines.c; the driver
 * still gets the app's source unchanged. Every name, type and expression
 * of the shader is still checked, and line numbers stay. Each extension's
 * macro comes with the preamble (shader-check.c).
 *
 * What every extension of the table gets where the context has it and the
 * shader's version may enable it:
 *   #extension NAME...  the line is blanked; the declarations of its
 *                   stand-ins (if any) take the place of its first one
 *   its built-ins   renamed to same-length stand-ins, after its #extension,
 *                   below the GLSL version that has them (glslang knows
 *                   them there)
 *
 * ARB_fragment_layer_viewport (GLSL 1.30+; GLSL 4.30 has it):
 *   gl_Layer, gl_ViewportIndex  in fragment shaders: gp_Layer and
 *                   gp_ViewportIndex, flat int inputs (read-only, as the
 *                   built-ins are); other stages have them as outputs
 *                   already and keep them
 * ARB_cull_distance (GLSL 1.30+; GLSL 4.50 has it): gl_CullDistance is
 *   gl_ClipDistance's twin (a float array of the same stages, in the same
 *   blocks: gl_PerVertex, gl_in[]), which glslang 12 has in every version
 *   that may enable the extension and lets a shader redeclare:
 *   gl_CullDistance gl_ClipDistance, where the shader does not name
 *                   gl_ClipDistance itself (else the extension is left
 *                   alone: glslang refuses the shader)
 *   gl_MaxCullDistances, gl_MaxCombinedClipAndCullDistances  gp_ consts:
 *                   the host's values (shader-glslang.h)
 * ARB_arrays_of_arrays: glslang 12 parses arrays of arrays in every
 *   version but refuses them below GLSL 4.30, one error where each is
 *   declared, and carries on; such an error is a known divergence of a
 *   shader that enables the extension (gh_shader_desktop_ext_divergence),
 *   accepted when it is the only kind there is: the rest of the shader,
 *   the arrays' uses included, is still checked
 *   Below GLSL 4.10 glslang 12 also refuses gl_PerVertex's redeclaration
 *   (what sizes gl_CullDistance in a block) without ARB_separate_shader_
 *   objects' #extension, which Mesa does not ask for: that error is a
 *   known divergence of a shader that enables ARB_cull_distance
 * ARB_conservative_depth (fragment shaders; GLSL 4.20 has it):
 *   layout(depth_any|depth_greater|depth_less|depth_unchanged) out float
 *   gl_FragDepth;  at global scope, exactly so (comments and line breaks
 *                   aside): blanked. The redeclaration only tells the
 *                   driver how the depth will change, and glslang 12 lets
 *                   no shader below 4.20 redeclare gl_FragDepth; the
 *                   built-in it reads and writes stays what glslang checks.
 *                   Any other use of those qualifiers is left, refused
 * ARB_texture_query_levels (GLSL 1.30+; GLSL 4.30 has it):
 *   textureQueryLevels  gp_texQueryLevels_, an int function declared (no
 *                   body: glslang only parses) for every sampler type the
 *                   extension names (cube map arrays where the version or
 *                   an earlier #extension has them)
 * ARB_shader_precision: adds no GLSL (only precision the driver keeps)
 *
 * ARB_separate_shader_objects, which glslang knows, is only noted: Mesa
 * takes a location on an in or out block under it, glslang 12 from GLSL
 * 4.40 or ARB_enhanced_layouts on (gh_shader_desktop_ext_divergence).
 *
 * ARB_shader_subroutine is shader-subroutines.c's.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shader-desktop-exts.h"
#include "shader-directive.h"
#include "shader-glslang.h"
#include "shader-standins.h"
#include "shader-text.h"

#define STAGE(s) (1u << (s))

enum { AOA, CULL, LAYER_VIEWPORT, PRECISION, DEPTH, QUERY_LEVELS, N_EXTS };

static const struct ext {
	unsigned bit;
	const char *name;
	int min_version; /* the first GLSL version that may enable it */
	int core;        /* the first GLSL version that has what it adds */
	unsigned stages; /* where its built-ins are renamed */
	struct {
		const char *builtin, *stand_in; /* same length */
	} words[3];
} exts[N_EXTS] = {
        [AOA] = {GH_SHADER_EXT_ARRAYS_OF_ARRAYS, "GL_ARB_arrays_of_arrays", 110, 430, 0, {{0}}},
        [CULL] = {GH_SHADER_EXT_CULL_DISTANCE,
                  "GL_ARB_cull_distance",
                  130,
                  450,
                  ~0u,
                  {{"gl_CullDistance", "gl_ClipDistance"},
                   {"gl_MaxCullDistances", "gp_MaxCullDistances"},
                   {"gl_MaxCombinedClipAndCullDistances", "gp_MaxCombinedClipAndCullDistances"}}},
        [LAYER_VIEWPORT] = {GH_SHADER_EXT_FRAGMENT_LAYER_VIEWPORT,
                            "GL_ARB_fragment_layer_viewport",
                            130,
                            430,
                            STAGE(GH_GLSLANG_FRAGMENT),
                            {{"gl_Layer", "gp_Layer"}, {"gl_ViewportIndex", "gp_ViewportIndex"}}},
        [PRECISION] = {GH_SHADER_EXT_SHADER_PRECISION, "GL_ARB_shader_precision", 110, 0, 0, {{0}}},
        [DEPTH] =
                {GH_SHADER_EXT_CONSERVATIVE_DEPTH, "GL_ARB_conservative_depth", 110, 420, 0, {{0}}},
        [QUERY_LEVELS] = {GH_SHADER_EXT_TEXTURE_QUERY_LEVELS,
                          "GL_ARB_texture_query_levels",
                          130,
                          430,
                          ~0u,
                          {{"textureQueryLevels", "gp_texQueryLevels_"}}},
};

unsigned gh_shader_desktop_ext_bit(const char *name)
{
	for (size_t k = 0; k < N_EXTS; k++) {
		if (strcmp(exts[k].name, name) == 0)
			return exts[k].bit;
	}
	return 0;
}

const char *gh_shader_desktop_ext_at(size_t k, unsigned *bit)
{
	if (k >= N_EXTS)
		return NULL;
	*bit = exts[k].bit;
	return exts[k].name;
}

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

struct shader {
	unsigned exts;
	int stage, version;
	bool names_clip; /* the source holds gl_ClipDistance (ARB_cull_distance left alone) */
	/* Where the first #extension of ARB_texture_cube_map_array starts
	 * (glslang knows it: its line stays), SIZE_MAX without one. */
	size_t cube_arrays_from;
	bool sso; /* an #extension GL_ARB_separate_shader_objects */
	struct {
		bool on;
		size_t from, to; /* its first #extension line, blanked */
	} found[N_EXTS];
};

/* The extension of the table named w (n bytes) that the context and the
 * shader's version allow, or -1. */
static int extension_named(const char *w, size_t n, const struct shader *sh)
{
	for (int e = 0; e < N_EXTS; e++) {
		if ((exts[e].bit & sh->exts) && sh->version >= exts[e].min_version &&
		    word_at(w, n, exts[e].name) && !(e == CULL && sh->names_clip))
			return e;
	}
	return -1;
}

/* A directive from its '#': an #extension of ours that enables it is
 * blanked (where gh_directive_blankable allows), the first one's span kept;
 * the cursor ends at the newline. */
static void directive(struct text *t, struct shader *sh)
{
	size_t from = t->i;
	struct gh_directive d;
	gh_directive_read(t->s, t->len, from, &d);
	t->i = d.end;
	if (!d.extension || !d.name)
		return;
	if (sh->cube_arrays_from == SIZE_MAX &&
	    word_at(d.name, d.name_len, "GL_ARB_texture_cube_map_array"))
		sh->cube_arrays_from = from;
	sh->sso |= gh_directive_enables(&d, "GL_ARB_separate_shader_objects");
	int e = gh_directive_blankable(&d) ? extension_named(d.name, d.name_len, sh) : -1;
	if (e < 0)
		return;
	blank(t->s, from, t->i);
	if (!sh->found[e].on) {
		sh->found[e].from = from;
		sh->found[e].to = t->i;
	}
	sh->found[e].on = true;
}

/* The stand-in of `word` (n bytes) in this shader, or NULL. */
static const char *stand_in(const struct shader *sh, const char *word, size_t n)
{
	for (int e = 0; e < N_EXTS; e++) {
		const struct ext *x = &exts[e];
		if (!sh->found[e].on || sh->version >= x->core || !(x->stages & STAGE(sh->stage)))
			continue;
		for (size_t k = 0; k < sizeof(x->words) / sizeof(x->words[0]); k++) {
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

/* Skips blanks, line breaks and comments. */
static void skip_space(struct text *t)
{
	for (;;) {
		int c = at(t, 0);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			t->i++;
		else if (!skip_comment(t))
			return;
	}
}

/* Past the blanks at the cursor, the word `w`: the cursor moves past it. */
static bool next_word(struct text *t, const char *w)
{
	skip_space(t);
	size_t from = t->i;
	while (gh_glsl_word_char(at(t, 0)))
		t->i++;
	return word_at(t->s + from, t->i - from, w);
}

static bool next_char(struct text *t, int c)
{
	skip_space(t);
	if (at(t, 0) != c)
		return false;
	t->i++;
	return true;
}

/* ARB_conservative_depth's redeclaration of gl_FragDepth, the cursor past
 * `layout`: blanked (from `layout`, at w) when it is one. */
static void depth_layout(struct text *t, size_t w)
{
	static const char *const layouts[] = {"depth_any", "depth_greater", "depth_less",
	                                      "depth_unchanged"};
	struct text look = *t;
	if (!next_char(&look, '('))
		return;
	bool known = false;
	for (size_t k = 0; k < sizeof(layouts) / sizeof(layouts[0]) && !known; k++) {
		struct text q = look;
		known = next_word(&q, layouts[k]);
		if (known)
			look = q;
	}
	if (known && next_char(&look, ')') && next_word(&look, "out") &&
	    next_word(&look, "float") && next_word(&look, "gl_FragDepth") &&
	    next_char(&look, ';')) {
		blank(t->s, w, look.i);
		t->i = look.i;
	}
}

static void scan(struct text *t, struct shader *sh)
{
	int braces = 0;
	bool line_start = true;
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
			t->i++;
			continue;
		}
		size_t w = t->i;
		while (gh_glsl_word_char(at(t, 0)))
			t->i++;
		const char *to = stand_in(sh, t->s + w, t->i - w);
		if (to)
			memcpy(t->s + w, to, t->i - w);
		else if (sh->found[DEPTH].on && sh->version < exts[DEPTH].core &&
		         sh->stage == GH_GLSLANG_FRAGMENT && braces == 0 &&
		         word_at(t->s + w, t->i - w, "layout"))
			depth_layout(t, w);
	}
}

/* ARB_texture_query_levels' function for each sampler type it names. */
static void query_levels(const struct shader *sh, struct gh_standin_text *d)
{
	static const char *const types[] = {"1D", "2D", "3D", "Cube", "1DArray", "2DArray"};
	static const char *const shadows[] = {"1DShadow", "2DShadow", "CubeShadow", "1DArrayShadow",
	                                      "2DArrayShadow"};
	bool cube_arrays =
	        sh->version >= 400 || sh->cube_arrays_from < sh->found[QUERY_LEVELS].from;
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]) + cube_arrays; k++) {
		const char *type = k < sizeof(types) / sizeof(types[0]) ? types[k] : "CubeArray";
		gh_standin_printf(
		        d,
		        "int gp_texQueryLevels_(sampler%s); int gp_texQueryLevels_(isampler%s); "
		        "int gp_texQueryLevels_(usampler%s); ",
		        type, type, type);
	}
	for (size_t k = 0; k < sizeof(shadows) / sizeof(shadows[0]) + cube_arrays; k++) {
		gh_standin_printf(d, "int gp_texQueryLevels_(sampler%s); ",
		                  k < sizeof(shadows) / sizeof(shadows[0]) ? shadows[k]
		                                                           : "CubeArrayShadow");
	}
}

/* The declarations of extension e's stand-ins. */
static void declare(int e, const struct shader *sh, struct gh_standin_text *d)
{
	if (sh->version >= exts[e].core || !(exts[e].stages & STAGE(sh->stage)))
		return;
	if (e == LAYER_VIEWPORT)
		gh_standin_printf(d, "flat in int gp_Layer; flat in int gp_ViewportIndex;");
	if (e == CULL)
		gh_standin_printf(d,
		                  "const int gp_MaxCullDistances = %d; const int "
		                  "gp_MaxCombinedClipAndCullDistances = %d;",
		                  gh_glslang_max_cull_distances(),
		                  gh_glslang_max_combined_clip_cull());
	if (e == QUERY_LEVELS)
		query_levels(sh, d);
}

/* t's text with each extension's declarations in place of its first
 * #extension line (the line count stays). False when out of memory. */
static bool assemble(const struct text *t, const struct shader *sh, char **out, size_t *n)
{
	struct gh_standin_text o = {0};
	size_t copied = 0;
	bool done[N_EXTS] = {false};
	for (;;) {
		int e = -1;
		for (int k = 0; k < N_EXTS; k++) {
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

int gh_shader_desktop_exts_rewrite(const char *source, size_t len, int version, int stage,
                                   unsigned exts_of_context, char **out, size_t *n,
                                   unsigned *enabled)
{
	static const char clip[] = "gl_ClipDistance";
	struct shader sh = {
	        .exts = exts_of_context,
	        .stage = stage,
	        .version = version,
	        .names_clip = memmem(source, len, clip, sizeof(clip) - 1) != NULL,
	        .cube_arrays_from = SIZE_MAX,
	};
	*enabled = 0;
	if (!exts_of_context)
		return 0;
	struct text t = {malloc(len ? len : 1), len, 0};
	if (!t.s)
		return -1;
	memcpy(t.s, source, len);
	scan(&t, &sh);
	for (int e = 0; e < N_EXTS; e++)
		*enabled |= sh.found[e].on ? exts[e].bit : 0;
	int result = !*enabled ? 0 : assemble(&t, &sh, out, n) ? 1 : -1;
	*enabled |= sh.sso ? GH_SHADER_DESKTOP_SSO : 0;
	free(t.s);
	return result;
}

bool gh_shader_desktop_ext_divergence(unsigned enabled, int version, const char *msg, size_t n)
{
	/* glslang 12's words, whole (nothing spoofed after them), where:
	 * an array of arrays is declared below 4.30 (and in versions of no
	 * profile, below 1.50); gl_PerVertex is redeclared below 4.10 without
	 * ARB_separate_shader_objects' #extension, which Mesa takes from GLSL
	 * 1.50 on and which is how a shader sizes gl_CullDistance in the
	 * blocks of gl_PerVertex (piglit's pervertex-culldistance-vs-out-gs);
	 * an in or out block has a location below 4.40 in a shader that
	 * enables ARB_separate_shader_objects, which Mesa takes (glslang 12
	 * wants ARB_enhanced_layouts; piglit's layout-location-block-with-aoa-
	 * member). */
	static const struct {
		unsigned bit;
		int below;
		const char *error;
	} known[] = {
	        {GH_SHADER_EXT_ARRAYS_OF_ARRAYS, 430,
	         "'arrays of arrays' : not supported for this version or the enabled extensions "},
	        {GH_SHADER_EXT_ARRAYS_OF_ARRAYS, 150,
	         "'arrays of arrays' : not supported with this profile: none"},
	        {GH_SHADER_EXT_CULL_DISTANCE, 410,
	         "'built-in block redeclaration' : not supported for this version or the enabled "
	         "extensions "},
	        {GH_SHADER_DESKTOP_SSO, 440,
	         "'location qualifier on in/out block' : not supported for this version or the "
	         "enabled extensions "},
	};
	for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
		if ((enabled & known[k].bit) && version < known[k].below &&
		    n == strlen(known[k].error) && memcmp(msg, known[k].error, n) == 0)
			return true;
	}
	return false;
}
