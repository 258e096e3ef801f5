/*
 * EXT_shader_framebuffer_fetch and its _non_coherent twin, for glslang 12,
 * which knows neither: the text glslang checks is the shader with what the
 * extensions add spelled in plain GLSL ES, the driver still gets the
 * app's source unchanged.
 *
 *   #extension GL_EXT_shader_framebuffer_fetch...  the line is blanked (its
 *                   macro comes with the preamble); in GLSL ES 1.00 it is
 *                   replaced by a declaration of gl_LastFragData's stand-in
 *                   unless the shader redeclares it at global scope
 *   gl_LastFragData gp_LastFragData (same length), an ordinary array of
 *                   gl_MaxDrawBuffers vec4s the shader reads
 *   inout           at global scope (a fragment output the shader reads):
 *                   out, which GLSL ES 3.x lets a shader read as well
 *   noncoherent     in a layout(): removed, and the layout() if it is empty
 *
 * Every name, type and expression of the shader is still checked; only
 * those three spellings become what glslang knows, and line numbers stay.
 */
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"

#define STAND_IN "gp_LastFragData"
#define DECLARATION "mediump vec4 " STAND_IN "[gl_MaxDrawBuffers];"

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

static bool fetch_extension(const char *w, size_t n)
{
	return word_at(w, n, "GL_EXT_shader_framebuffer_fetch") ||
	       word_at(w, n, "GL_EXT_shader_framebuffer_fetch_non_coherent");
}

/* A directive line from its '#': an #extension of ours is blanked and
 * its span kept in *line (from, to); the cursor ends at the newline. */
static void directive(struct text *t, size_t *line_from, size_t *line_to, bool *found)
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
	ext = ext && fetch_extension(t->s + w, t->i - w);
	/* A line continuation could carry the directive on: left whole. */
	while (t->i < t->len && at(t, 0) != '\n') {
		if (at(t, 0) == '\\')
			ext = false;
		t->i++;
	}
	if (ext) {
		blank(t->s, from, t->i);
		if (!*found) {
			*line_from = from;
			*line_to = t->i;
		}
		*found = true;
	}
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

int gh_shader_fetch_rewrite(const char *source, size_t len, int version, char **out, size_t *n)
{
	struct text t = {malloc(len + sizeof(DECLARATION)), len, 0};
	if (!t.s)
		return -1;
	memcpy(t.s, source, len);
	size_t line_from = 0, line_to = 0;
	bool found = false, redeclared = false, line_start = true;
	int braces = 0, parens = 0;
	while (t.i < t.len) {
		int c = at(&t, 0);
		if (skip_comment(&t))
			continue;
		if (c == '#' && line_start) {
			directive(&t, &line_from, &line_to, &found);
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
		if (word_at(word, wn, "gl_LastFragData")) {
			memcpy(t.s + w, STAND_IN, wn);
			redeclared |= braces == 0;
		} else if (word_at(word, wn, "inout") && braces == 0 && parens == 0) {
			memcpy(t.s + w, "out  ", wn);
		} else if (word_at(word, wn, "layout")) {
			layout_list(&t, w);
		}
	}
	if (!found) {
		free(t.s);
		return 0;
	}
	/* The stand-in takes the place of the first #extension line of ours
	 * (same line count: glslang's line numbers are the app's). */
	if (version == 100 && !redeclared) {
		size_t d = sizeof(DECLARATION) - 1;
		memmove(t.s + line_from + d, t.s + line_to, len - line_to);
		memcpy(t.s + line_from, DECLARATION, d);
		t.len = len - (line_to - line_from) + d;
	}
	*out = t.s;
	*n = t.len;
	return 1;
}
