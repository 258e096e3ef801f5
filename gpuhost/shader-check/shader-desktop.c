/*
 * Desktop GLSL that glslang 12 reads otherwise than the GLSL spec and the
 * extensions' specs: what the check gives glslang so that it reads such a
 * shader as the spec does. The driver still gets the app's source as it
 * is; see shader-desktop.h.
 *
 * In the preamble (before the source, lines unchanged):
 *   inverse()   GLSL 1.40 has inverse() of mat2, mat3 and mat4 (1.50 adds
 *               determinant()); glslang 12 has both from 1.50 on only. At
 *               1.40 the three are declared (glslang only parses: no body).
 *   #extension GL_ARB_texture_rectangle : enable
 *               ARB_texture_rectangle's issue 15: the extension's GLSL is
 *               there without an #extension line wherever the context
 *               offers it (gpupipe: compatibility contexts), as if the line
 *               were prepended; glslang 12 wants the line below 1.40. A
 *               shader's own "disable" still turns it off.
 *   atomicAdd() ... atomicCompSwap()
 *               of int and uint, from 1.40 to 4.10 where the shader enables
 *               ARB_shader_storage_buffer_object, which gives them (glslang
 *               12 has them from 4.20 on). Declared in the preamble, they
 *               are plain functions to glslang, which then cannot check
 *               that their first argument is a buffer or shared variable:
 *               a shader that calls them is parsed once more, as 4.20
 *               without the declarations, and refused when glslang says so
 *               there (or stops early: a 3.30 name that is a 4.20 keyword).
 *
 * Errors accepted where a valid shader earns them (each names what makes
 * the shader valid; every other error still refuses it, shader-check.c):
 *   'atomicAdd' ... 'atomicCompSwap' : required extension not requested:
 *   GL_ARB_shader_storage_buffer_object
 *               in compute shaders below 4.30 (checked as 4.20):
 *               ARB_shader_storage_buffer_object says no #extension is
 *               needed for its atomic functions on shared variables. On a
 *               buffer variable the block needs the extension (its
 *               `buffer` is refused without it), and on anything but a
 *               shared or buffer variable glslang refuses the call anyway.
 *   'binding' from 1.40 to 4.10: ARB_shader_storage_buffer_object gives
 *               the binding layout qualifier to shader storage blocks,
 *               ARB_shader_atomic_counters to atomic counters; glslang 12
 *               wants 4.20 or ARB_shading_language_420pack. Accepted only
 *               where the scan of the source finds every layout() with a
 *               binding on a `buffer` block or an atomic_uint whose
 *               extension the shader enables, and glslang reports no more
 *               binding errors than it found (a macro could spell others).
 *   'length' :  array must be declared with a size before using this method
 *               from 4.30 on, and from 1.40 where the shader enables
 *               ARB_shader_storage_buffer_object: both give .length() to
 *               implicitly sized arrays, its value set at link time.
 *               glslang 12 makes it the constant 0 after the error (so it
 *               would take it where only a constant may be; the driver
 *               refuses that).
 *   'buffer block' : not supported with this profile: none
 *               from 1.20 to 1.40 (glslang has no profile below 1.50 and
 *               wants one for blocks), where the shader enables
 *               ARB_shader_storage_buffer_object: the extension sets no
 *               GLSL version, and ARB_uniform_buffer_object, whose blocks
 *               it extends, gives them to GLSL 1.20 on.
 *   'built-in block redeclaration' : not supported for this version ...
 *               from 1.50 to 4.00: glslang 12 wants 4.10 or ARB_separate_
 *               shader_objects to redeclare gl_PerVertex (gl_in[], gl_out[]),
 *               Mesa takes it from 1.50 on (piglit's GLSL 1.50 tessellation
 *               and interface-query shaders redeclare it); glslang
 *               redeclares the block after the error, and checks its uses.
 *   'index layout qualifier on fragment output' in fragment shaders
 *               : not supported with this profile: none
 *               at 1.30 and 1.40, in fragment shaders, where the context has
 *               ARB_blend_func_extended: glslang 12 wants a profile (1.50 on)
 *               besides 3.30 or ARB_explicit_attrib_location; Mesa takes
 *               layout(index) wherever it takes layout(location) on an
 *               output (1.30 with ARB_explicit_attrib_location) in such a
 *               context. The index's value (0 or 1) and the variable it is
 *               on (an output) are still checked.
 *   'variable indexing sampler array' from 1.30 to 3.30, where the shader
 *               enables ARB_gpu_shader5 (sampler arrays indexed by
 *               dynamically uniform expressions, which glslang cannot tell
 *               in 4.00 either) or ARB_shader_image_load_store (image
 *               arrays indexed by any integer expression); glslang says
 *               the same of both kinds of array.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-desktop.h"

static bool is_desktop(int version, enum gh_glslang_profile profile)
{
	return profile != GH_GLSLANG_PROFILE_ES && version != 100;
}

/* ARB_shader_storage_buffer_object's atomic memory functions, which glslang
 * 12 declares from 4.20 on only. */
static const char atomic_prototypes[] =
        "uint atomicAdd(inout uint, uint);int atomicAdd(inout int, int);"
        "uint atomicMin(inout uint, uint);int atomicMin(inout int, int);"
        "uint atomicMax(inout uint, uint);int atomicMax(inout int, int);"
        "uint atomicAnd(inout uint, uint);int atomicAnd(inout int, int);"
        "uint atomicOr(inout uint, uint);int atomicOr(inout int, int);"
        "uint atomicXor(inout uint, uint);int atomicXor(inout int, int);"
        "uint atomicExchange(inout uint, uint);int atomicExchange(inout int, int);"
        "uint atomicCompSwap(inout uint, uint, uint);int atomicCompSwap(inout int, int, int);\n";

/* Where the preamble declares them (a shader enabling the extension, below
 * 4.20) and so glslang cannot check their first argument. */
static bool declares_atomics(int version, const struct gh_shader_desktop *d)
{
	/* Desktop GLSL only: 300, 310 and 320 are GLSL ES (es profile). */
	return version >= 140 && version < 420 && version != 300 && version != 310 &&
	       version != 320 && (d->enabled & GH_DESKTOP_SSBO);
}

static void append(char *out, size_t size, const char *text)
{
	size_t k = strlen(out);
	if (k < size)
		snprintf(out + k, size - k, "%s", text);
}

void gh_shader_desktop_preamble(char *out, size_t size, enum gh_shader_api api, int version,
                                enum gh_glslang_profile profile, enum gh_glslang_stage stage,
                                const struct gh_shader_desktop *d)
{
	if (!is_desktop(version, profile))
		return;
	/* GLSL 1.10 and 1.20 give vertex shaders texture2DLod and its kin (section 8.7);
	 * glslang 12 asks for ARB_shader_texture_lod's #extension there, as in fragment
	 * shaders, where the extension is what brings them. */
	if (stage == GH_GLSLANG_VERTEX && version < 130)
		append(out, size, "#extension GL_ARB_shader_texture_lod : enable\n");
	if (version == 140)
		append(out, size, "mat2 inverse(mat2);mat3 inverse(mat3);mat4 inverse(mat4);\n");
	if (api == GH_SHADER_API_GL_COMPAT && version < 140)
		append(out, size, "#extension GL_ARB_texture_rectangle : enable\n");
	if (declares_atomics(version, d))
		append(out, size, atomic_prototypes);
}

/* ---- The #extension lines of a source ---- */

static const struct {
	unsigned bit;
	const char *name;
} desktop_exts[] = {
        {GH_DESKTOP_SSBO, "GL_ARB_shader_storage_buffer_object"},
        {GH_DESKTOP_ATOMIC_COUNTERS, "GL_ARB_shader_atomic_counters"},
        {GH_DESKTOP_GPU_SHADER5, "GL_ARB_gpu_shader5"},
        {GH_DESKTOP_IMAGE_LOAD_STORE, "GL_ARB_shader_image_load_store"},
};

struct cursor {
	const char *s;
	size_t len, i;
};

static int peek(const struct cursor *c, size_t ahead)
{
	return c->i + ahead < c->len ? (unsigned char)c->s[c->i + ahead] : -1;
}

static bool is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

/* Skips a comment at the cursor; false when there is none. */
static bool skip_comment(struct cursor *c)
{
	if (peek(c, 0) != '/' || (peek(c, 1) != '/' && peek(c, 1) != '*'))
		return false;
	bool block = peek(c, 1) == '*';
	c->i += 2;
	while (c->i < c->len) {
		if (!block && peek(c, 0) == '\n')
			return true;
		if (block && peek(c, 0) == '*' && peek(c, 1) == '/') {
			c->i += 2;
			return true;
		}
		c->i++;
	}
	return true;
}

/* Skips blanks and comments on the line (a comment may end on another). */
static void skip_blanks(struct cursor *c)
{
	for (;;) {
		int ch = peek(c, 0);
		if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f')
			c->i++;
		else if (!skip_comment(c))
			return;
	}
}

static size_t word(struct cursor *c, const char **w)
{
	*w = c->s + c->i;
	size_t n = 0;
	while (is_word_char(peek(c, 0))) {
		c->i++;
		n++;
	}
	return n;
}

static bool word_is(const char *w, size_t n, const char *what)
{
	return n == strlen(what) && memcmp(w, what, n) == 0;
}

/* The directive at the cursor (after its '#'), applied to *bits when it is
 * an #extension line of ours that this reads whole; the cursor stays on
 * its line. A line continuation makes it unread (not enabled). */
static void directive(struct cursor *c, unsigned *bits)
{
	const char *w, *name, *behavior;
	skip_blanks(c);
	size_t n = word(c, &w);
	if (!word_is(w, n, "extension"))
		return;
	skip_blanks(c);
	size_t name_n = word(c, &name);
	skip_blanks(c);
	if (peek(c, 0) != ':')
		return;
	c->i++;
	skip_blanks(c);
	size_t behavior_n = word(c, &behavior);
	skip_blanks(c);
	if (peek(c, 0) != '\n' && peek(c, 0) != -1)
		return;
	for (size_t i = 0; i < sizeof(desktop_exts) / sizeof(desktop_exts[0]); i++) {
		if (!word_is(name, name_n, desktop_exts[i].name))
			continue;
		if (word_is(behavior, behavior_n, "disable"))
			*bits &= ~desktop_exts[i].bit;
		else if (word_is(behavior, behavior_n, "enable") ||
		         word_is(behavior, behavior_n, "require") ||
		         word_is(behavior, behavior_n, "warn"))
			*bits |= desktop_exts[i].bit;
	}
}

/* Skips a preprocessor line (its continuations too) from its '#'. */
static void skip_directive(struct cursor *c)
{
	while (c->i < c->len && peek(c, 0) != '\n') {
		if (peek(c, 0) == '\\' && peek(c, 1) == '\n')
			c->i++;
		else if (skip_comment(c))
			continue;
		c->i++;
	}
}

/* Blanks, line breaks and comments. */
static void skip_space(struct cursor *c)
{
	for (;;) {
		skip_blanks(c);
		if (peek(c, 0) != '\n')
			return;
		c->i++;
	}
}

/* From after `layout`: whether its qualifier list holds `binding`; the
 * cursor ends after the list. False for what is not a list. */
static bool layout_binds(struct cursor *c)
{
	skip_space(c);
	if (peek(c, 0) != '(')
		return false;
	c->i++;
	bool binds = false;
	while (c->i < c->len && peek(c, 0) != ')') {
		const char *w;
		skip_space(c);
		size_t n = word(c, &w);
		if (n == 0 && c->i < c->len && peek(c, 0) != ')')
			c->i++;
		binds |= word_is(w, n, "binding");
	}
	c->i++;
	return binds;
}

/* After a binding layout: whether the declaration, up to its ';' or '{',
 * is one that `enabled` gives the qualifier (a shader storage block, an
 * atomic counter). */
static bool binding_given(struct cursor c, unsigned enabled)
{
	while (c.i < c.len && peek(&c, 0) != ';' && peek(&c, 0) != '{') {
		const char *w;
		skip_space(&c);
		size_t n = word(&c, &w);
		if (word_is(w, n, "buffer"))
			return enabled & GH_DESKTOP_SSBO;
		if (word_is(w, n, "atomic_uint"))
			return enabled & GH_DESKTOP_ATOMIC_COUNTERS;
		if (n == 0 && c.i < c.len)
			c.i++;
	}
	return false;
}

void gh_shader_desktop_scan(const char *source, size_t len, struct gh_shader_desktop *d)
{
	*d = (struct gh_shader_desktop){0};
	struct cursor c = {.s = source, .len = len};
	bool line_start = true;
	while (c.i < c.len) {
		if (skip_comment(&c))
			continue;
		int ch = peek(&c, 0);
		const char *w;
		size_t n;
		if (ch == '\n') {
			line_start = true;
			c.i++;
		} else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f') {
			c.i++;
		} else if (ch == '#' && line_start) {
			c.i++;
			directive(&c, &d->enabled);
			skip_directive(&c);
		} else if ((n = word(&c, &w)) > 0) {
			line_start = false;
			d->calls_atomics |= n > 6 && memcmp(w, "atomic", 6) == 0;
			if (!word_is(w, n, "layout") || !layout_binds(&c))
				continue;
			if (binding_given(c, d->enabled))
				d->bindings_ok++;
			else
				d->binding_other = true;
		} else {
			line_start = false;
			c.i++;
		}
	}
}

/* ---- glslang's errors ---- */

static const char not_supported[] = "' : not supported for this version or the enabled extensions ";
static const char unsized_length[] =
        "' :  array must be declared with a size before using this method";
static const char no_profile[] = "' : not supported with this profile: none";
static const char ssbo_required[] =
        "' : required extension not requested: GL_ARB_shader_storage_buffer_object";

static const char index_output[] = "index layout qualifier on fragment output";

static const char *const atomic_functions[] = {
        "atomicAdd", "atomicMin", "atomicMax",      "atomicAnd",
        "atomicOr",  "atomicXor", "atomicExchange", "atomicCompSwap",
};

/* msg is 'feature' followed by `rest`, exactly. */
static bool says(const char *msg, size_t n, const char *feature, const char *rest)
{
	size_t f = strlen(feature), r = strlen(rest);
	return n == 1 + f + r && msg[0] == '\'' && memcmp(msg + 1, feature, f) == 0 &&
	       memcmp(msg + 1 + f, rest, r) == 0;
}

bool gh_shader_desktop_divergence(int version, enum gh_glslang_stage stage,
                                  struct gh_shader_desktop *d, const char *msg, size_t n)
{
	/* GLSL ES versions: none of these is theirs. */
	if (version == 100 || version == 300 || version == 310 || version == 320)
		return false;
	if (stage == GH_GLSLANG_COMPUTE && version == 420) {
		for (size_t i = 0; i < sizeof(atomic_functions) / sizeof(atomic_functions[0]);
		     i++) {
			if (says(msg, n, atomic_functions[i], ssbo_required))
				return true;
		}
	}
	if (version >= 150 && version < 410 &&
	    says(msg, n, "built-in block redeclaration", not_supported))
		return true;
	if (stage == GH_GLSLANG_FRAGMENT && d->blend_func_extended && version >= 130 &&
	    version < 150 && says(msg, n, index_output, no_profile))
		return true;
	if (version >= 120 && version < 150 && (d->enabled & GH_DESKTOP_SSBO) &&
	    says(msg, n, "buffer block", no_profile))
		return true;
	if (says(msg, n, "length", unsized_length) &&
	    (version >= 430 || (version >= 140 && (d->enabled & GH_DESKTOP_SSBO))))
		return true;
	/* Each of glslang's binding errors one of the qualifiers the scan
	 * found given (a macro could spell others), none on anything else. */
	if (version >= 140 && version < 420 && says(msg, n, "binding", not_supported))
		return !d->binding_other && ++d->bindings_met <= d->bindings_ok;
	return version >= 130 && version < 400 &&
	       (d->enabled & (GH_DESKTOP_GPU_SHADER5 | GH_DESKTOP_IMAGE_LOAD_STORE)) &&
	       says(msg, n, "variable indexing sampler array", not_supported);
}

/* ---- The atomic functions' arguments ---- */

static const char atomic_argument[] = "Atomic memory function can only be used for shader "
                                      "storage block member or shared variable";

/* Offset of the digits of the #version line at the start of `s`; 0 when
 * there is none there (blanks and comments may precede it). */
static size_t version_digits(const char *s, size_t len)
{
	struct cursor c = {.s = s, .len = len};
	skip_space(&c);
	if (peek(&c, 0) != '#')
		return 0;
	c.i++;
	skip_blanks(&c);
	const char *w;
	size_t n = word(&c, &w);
	if (!word_is(w, n, "version"))
		return 0;
	skip_blanks(&c);
	size_t at = c.i;
	n = word(&c, &w);
	return n == 3 && w[0] >= '1' && w[0] <= '4' ? at : 0;
}

/* glslang's log of the text as GLSL 4.20: the #version's digits spelled
 * 420, the preamble without the atomic prototypes (which would hide the
 * built-ins and their check). 1: *log; 0: nothing to check with; -1. */
static int parse_as_420(const struct gh_glslang_input *in, char **log)
{
	size_t at = version_digits(in->source, in->len);
	const char *protos = strstr(in->preamble, atomic_prototypes);
	if (at == 0 || !protos)
		return 0;
	char *text = malloc(in->len);
	char *pre = strdup(in->preamble);
	int ok = -1;
	if (text && pre) {
		memcpy(text, in->source, in->len);
		memcpy(text + at, "420", 3);
		size_t cut = (size_t)(protos - in->preamble), n = strlen(atomic_prototypes);
		memmove(pre + cut, pre + cut + n, strlen(pre + cut + n) + 1);
		struct gh_glslang_input again = *in;
		again.version = 420;
		again.source = text;
		again.preamble = pre;
		again.cascading = true;
		ok = gh_glslang_parse(&again, log);
		ok = ok == 0 ? 1 : ok == 1 ? (*log = strdup(""), *log ? 1 : -1) : -1;
	}
	free(pre);
	free(text);
	return ok;
}

enum gh_shader_verdict gh_shader_desktop_atomics(const struct gh_glslang_input *in,
                                                 const struct gh_shader_desktop *d, char **log)
{
	*log = NULL;
	if (!declares_atomics(in->version, d) || !d->calls_atomics)
		return GH_SHADER_ACCEPTED;
	char *seen = NULL;
	int ok = parse_as_420(in, &seen);
	if (ok < 0)
		return GH_SHADER_FAILED;
	/* No 4.20 text to check with, an argument glslang refuses, or a 4.20
	 * parse that stopped before the end: refused, glslang's log said. */
	if (ok > 0 && !strstr(seen, atomic_argument) && !strstr(seen, "compilation terminated") &&
	    !strstr(seen, "syntax error")) {
		free(seen);
		return GH_SHADER_ACCEPTED;
	}
	if (ok == 0) {
		free(seen);
		seen = strdup("ERROR: the atomic functions' arguments could not be checked\n");
		if (!seen)
			return GH_SHADER_FAILED;
	}
	*log = seen;
	return GH_SHADER_REFUSED;
}
