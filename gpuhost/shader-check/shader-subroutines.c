/*
 * Shader subroutines (GLSL 4.00, ARB_shader_subroutine) for glslang 12,
 * which refuses the `subroutine` keyword ("not yet implemented"): the text
 * glslang checks spells each subroutine construct in plain GLSL, in the
 * spirit of shader-standins.c; the driver still gets the app's source
 * unchanged. Line numbers stay (what replaces a declaration keeps its line
 * breaks after it), and every name, type and expression is still checked:
 *
 *   subroutine R T(P);        R T(P); -- the subroutine type is a function
 *                             prototype (glslang only parses: a prototype
 *                             without a body is fine), so R and P are
 *                             checked, and T's signature is recorded
 *   subroutine(T1, T2) R f(P) {...}
 *                             R f(P) {...} -- an ordinary function; each Ti
 *                             must be a subroutine type declared before,
 *                             else the text stays and glslang refuses it
 *   subroutine uniform T u;   R u(P); -- the uniform is a prototype of T's
 *                             signature under the uniform's name, so a call
 *                             u(args) resolves to it: glslang checks the
 *                             arguments' types and count and the result's
 *                             use as it does for any call. A T that is not
 *                             a declared subroutine type leaves the text as
 *                             it is (refused)
 *   subroutine uniform T u[N];
 *                             R u(int gp_i, P); R u(uint gp_i, P); -- and
 *                             each call u[i](args) becomes u(i ,args)
 *                             (same length: '[' to '(', ']' to ' ', the
 *                             arguments' '(' to ',', or to ' ' when there
 *                             are none), so the index's type and the
 *                             arguments are checked; N is the driver's to
 *                             check, so it must be plain (a literal or a
 *                             name, which glslang checks where it is declared)
 *   layout(...) before subroutine: blanked (index = N on functions,
 *                             location = N on uniforms: the driver's checks);
 *                             plain too (names, numbers, '=' and ','): text
 *                             glslang never sees must not be an expression
 *                             aimed at the driver's own parser
 * Anything else (an expression in either place) is left as it is, for glslang
 * to refuse.
 *   #extension GL_ARB_shader_subroutine: blanked; it turns the rewrite on
 *                             below GLSL 4.00
 *
 * Why prototypes rather than, say, a struct or a plain function per type:
 * a call through a uniform is then a call glslang resolves against the
 * subroutine type's own signature (overloads and implicit conversions as
 * GLSL has them), which is exactly what the driver will check; nothing
 * else is introduced into the shader's name space but the uniform's own
 * name. The host introspects nothing from glslang's parse (shader-check.c
 * keeps its verdict and log only), so the rewrite changes no uniform or
 * interface the host sees: the driver compiles the app's text.
 *
 * Desktop GLSL only (ES has no subroutines); a construct the rewrite does
 * not recognise is left as it is, for glslang to refuse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-directive.h"
#include "shader-standins.h"
#include "shader-text.h"

struct span {
	size_t from, to;
};

/* A subroutine type: its name, return type and parameter list (inside
 * the parentheses) in the source. */
struct sub_type {
	struct span name, ret, params;
};

struct rewrite {
	char *s; /* the source's copy: length-preserving changes are made here */
	size_t len, i;
	bool on; /* GLSL 4.00+ or the extension enabled */
	struct sub_type *types;
	size_t n_types, cap_types;
	struct span *arrays; /* names of uniform arrays: their calls are respelled */
	size_t n_arrays, cap_arrays;
	struct gh_standin_text out;
	size_t copied; /* s[0, copied) is in `out` */
	/* The last layout(...) at global scope and the end of the last token. */
	struct span layout;
	size_t token_end;
	bool failed;
};

static int at(const struct rewrite *t, size_t k)
{
	return t->i + k < t->len ? (unsigned char)t->s[t->i + k] : -1;
}

static bool word_is(const struct rewrite *t, struct span w, const char *what)
{
	return w.to - w.from == strlen(what) && memcmp(t->s + w.from, what, w.to - w.from) == 0;
}

static bool same(const struct rewrite *t, struct span a, struct span b)
{
	return a.to - a.from == b.to - b.from &&
	       memcmp(t->s + a.from, t->s + b.from, a.to - a.from) == 0;
}

static void blank(struct rewrite *t, size_t from, size_t to)
{
	for (size_t k = from; k < to; k++) {
		if (t->s[k] != '\n')
			t->s[k] = ' ';
	}
}

/* Skips a comment at the cursor; false when there is none. */
static bool skip_comment(struct rewrite *t)
{
	size_t past = gh_glsl_past_comment(t->s, t->len, t->i);
	bool skipped = past != t->i;
	t->i = past;
	return skipped;
}

/* Skips blanks, line breaks and comments (not directives). */
static void skip_space(struct rewrite *t)
{
	for (;;) {
		int c = at(t, 0);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
			t->i++;
		else if (!skip_comment(t))
			return;
	}
}

static struct span read_word(struct rewrite *t)
{
	struct span w = {t->i, t->i};
	while (gh_glsl_word_char(at(t, 0)))
		t->i++;
	w.to = t->i;
	return w;
}

/* Past the bracket at the cursor to its match (open/close), which must
 * come before any ';', '{' or '}': the match's offset, or SIZE_MAX. */
static size_t match(struct rewrite *t, int open, int close)
{
	int depth = 0;
	while (t->i < t->len) {
		if (skip_comment(t))
			continue;
		int c = at(t, 0);
		if (c == ';' || c == '{' || c == '}' || c == '#')
			return SIZE_MAX;
		depth += (c == open) - (c == close);
		t->i++;
		if (depth == 0)
			return t->i - 1;
	}
	return SIZE_MAX;
}

static const struct sub_type *find_type(const struct rewrite *t, struct span name)
{
	for (size_t k = 0; k < t->n_types; k++) {
		if (same(t, t->types[k].name, name))
			return &t->types[k];
	}
	return NULL;
}

static bool grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 8;
	void *p = realloc(*v, c * size);
	if (!p)
		return false;
	*v = p;
	*cap = c;
	return true;
}

/* The source's s[from, to) with its line breaks (and other blanks) as
 * spaces: a declaration's text repeated in one line. */
static void append_flat(struct rewrite *t, struct span sp)
{
	for (size_t k = sp.from; k < sp.to; k++) {
		char c = t->s[k];
		if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
			c = ' ';
		gh_standin_append(&t->out, &c, 1);
	}
}

/* The layout(...) right before `from`, when there is one: its start. */
/* Text the rewrite hides from glslang but the driver reads: only words,
 * blanks and `extra` characters, and short. */
static bool plain(const struct rewrite *t, size_t from, size_t to, const char *extra)
{
	if (to < from || to - from > 64)
		return false;
	for (size_t k = from; k < to; k++) {
		int c = (unsigned char)t->s[k];
		if (!gh_glsl_word_char(c) && c != ' ' && c != '\t' && !strchr(extra, c))
			return false;
	}
	return true;
}

static size_t with_layout(const struct rewrite *t, size_t from)
{
	/* layout( ... ): its inside plain, else it stays for glslang. */
	return t->layout.to && t->layout.to == t->token_end && t->layout.from >= t->copied &&
	                       plain(t, t->layout.from + strlen("layout"), t->layout.to, "(),=")
	               ? t->layout.from
	               : from;
}

/* `subroutine R T(P);`, the cursor past `subroutine`. False: not one. */
static bool type_declaration(struct rewrite *t, size_t keyword)
{
	struct sub_type st = {.ret = {t->i, t->i}};
	struct span last = {0, 0};
	for (;;) {
		skip_space(t);
		if (at(t, 0) == '(')
			break;
		if (at(t, 0) == '[') {
			if (match(t, '[', ']') == SIZE_MAX)
				return false;
			last.to = 0;
			continue;
		}
		if (!gh_glsl_word_char(at(t, 0)))
			return false;
		if (last.to)
			st.ret.to = last.to;
		last = read_word(t);
	}
	if (!last.to || st.ret.to == st.ret.from)
		return false;
	st.name = last;
	st.params.from = t->i + 1;
	size_t close = match(t, '(', ')');
	if (close == SIZE_MAX)
		return false;
	st.params.to = close;
	skip_space(t);
	if (at(t, 0) != ';' || find_type(t, st.name))
		return false;
	if (!grow((void **)&t->types, &t->cap_types, t->n_types, sizeof(st))) {
		t->failed = true;
		return false;
	}
	t->types[t->n_types++] = st;
	blank(t, keyword, keyword + strlen("subroutine"));
	return true;
}

/* `subroutine(T1, ...)` of a function, the cursor past `subroutine`. */
static bool function_types(struct rewrite *t, size_t keyword)
{
	t->i++; /* '(' */
	for (;;) {
		skip_space(t);
		struct span w = read_word(t);
		if (w.to == w.from || !find_type(t, w))
			return false;
		skip_space(t);
		if (at(t, 0) == ')')
			break;
		if (at(t, 0) != ',')
			return false;
		t->i++;
	}
	t->i++;
	blank(t, with_layout(t, keyword), t->i);
	return true;
}

/* The prototype of a uniform `name` of type st, with an index first for
 * an array. */
static void prototype(struct rewrite *t, const struct sub_type *st, struct span name,
                      const char *index)
{
	append_flat(t, st->ret);
	gh_standin_append(&t->out, " ", 1);
	append_flat(t, name);
	gh_standin_append(&t->out, "(", 1);
	/* P empty or `void`: no parameters beside the index. */
	struct rewrite p = *t;
	p.i = st->params.from;
	skip_space(&p);
	struct span w = read_word(&p);
	skip_space(&p);
	bool none = p.i == st->params.to && (w.to == w.from || word_is(t, w, "void"));
	if (index)
		gh_standin_printf(&t->out, "%s gp_i%s", index, none ? "" : ", ");
	if (!none)
		append_flat(t, st->params);
	gh_standin_append(&t->out, "); ", 3);
}

/* `subroutine uniform T u, v[N];`, the cursor past `uniform`. */
static bool uniform_declaration(struct rewrite *t, size_t keyword)
{
	skip_space(t);
	const struct sub_type *st = find_type(t, read_word(t));
	if (!st)
		return false;
	struct {
		struct span name;
		bool array;
	} names[16];
	size_t n = 0;
	for (;;) {
		skip_space(t);
		struct span name = read_word(t);
		if (name.to == name.from || n == sizeof(names) / sizeof(names[0]))
			return false;
		skip_space(t);
		bool array = at(t, 0) == '[';
		size_t open = t->i, close = array ? match(t, '[', ']') : 0;
		if (array && (close == SIZE_MAX || !plain(t, open + 1, close, "")))
			return false;
		names[n].name = name;
		names[n++].array = array;
		skip_space(t);
		if (at(t, 0) == ';')
			break;
		if (at(t, 0) != ',')
			return false;
		t->i++;
	}
	t->i++;
	size_t from = with_layout(t, keyword);
	gh_standin_append(&t->out, t->s + t->copied, from - t->copied);
	for (size_t k = 0; k < n; k++) {
		if (!names[k].array) {
			prototype(t, st, names[k].name, NULL);
			continue;
		}
		prototype(t, st, names[k].name, "int");
		prototype(t, st, names[k].name, "uint");
		if (!grow((void **)&t->arrays, &t->cap_arrays, t->n_arrays, sizeof(struct span))) {
			t->failed = true;
			return false;
		}
		t->arrays[t->n_arrays++] = names[k].name;
	}
	for (size_t k = from; k < t->i; k++) {
		if (t->s[k] == '\n')
			gh_standin_append(&t->out, "\n", 1);
	}
	t->copied = t->i;
	return true;
}

/* `subroutine` at global scope, the cursor past it. A uniform declaration
 * is replaced whole (the cursor ends past it); otherwise the scan goes on
 * past the keyword: what was blanked, then the declaration as usual. */
static void subroutine(struct rewrite *t, size_t keyword)
{
	size_t past = t->i;
	skip_space(t);
	if (at(t, 0) == '(') {
		function_types(t, keyword);
	} else {
		size_t w = t->i;
		struct span next = read_word(t);
		if (word_is(t, next, "uniform") && uniform_declaration(t, keyword))
			return;
		if (!word_is(t, next, "uniform") && next.to != next.from) {
			t->i = w;
			type_declaration(t, keyword);
		}
	}
	t->i = past;
}

/* A call u[i](args) through a uniform array, the cursor past u. */
static void array_call(struct rewrite *t)
{
	struct rewrite look = *t;
	skip_space(&look);
	if (at(&look, 0) != '[')
		return;
	size_t open = look.i;
	size_t close = match(&look, '[', ']');
	if (close == SIZE_MAX)
		return;
	skip_space(&look);
	if (at(&look, 0) != '(')
		return;
	size_t args = look.i;
	look.i++;
	skip_space(&look);
	t->s[open] = '(';
	t->s[close] = ' ';
	t->s[args] = at(&look, 0) == ')' ? ' ' : ',';
}

static bool is_array(const struct rewrite *t, struct span w)
{
	for (size_t k = 0; k < t->n_arrays; k++) {
		if (same(t, t->arrays[k], w))
			return true;
	}
	return false;
}

/* A directive line from its '#': #extension GL_ARB_shader_subroutine is
 * blanked (where gh_directive_blankable allows) and turns the rewrite on. */
static void directive(struct rewrite *t)
{
	size_t from = t->i;
	struct gh_directive d;
	gh_directive_read(t->s, t->len, from, &d);
	t->i = d.end;
	if (gh_directive_blankable(&d) && gh_directive_enables(&d, "GL_ARB_shader_subroutine")) {
		blank(t, from, t->i);
		t->on = true;
	}
}

static void scan(struct rewrite *t)
{
	bool line_start = true;
	int braces = 0, parens = 0;
	while (t->i < t->len && !t->failed) {
		int c = at(t, 0);
		if (skip_comment(t))
			continue;
		if (c == '#' && line_start) {
			directive(t);
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
			if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
				t->token_end = t->i;
			continue;
		}
		struct span w = read_word(t);
		bool global = braces == 0 && parens == 0;
		if (t->on && global && word_is(t, w, "layout")) {
			struct rewrite look = *t;
			skip_space(&look);
			size_t close = at(&look, 0) == '(' ? match(&look, '(', ')') : SIZE_MAX;
			if (close != SIZE_MAX) {
				t->layout = (struct span){w.from, close + 1};
				t->i = close + 1;
				t->token_end = t->i;
				continue;
			}
		} else if (t->on && global && word_is(t, w, "subroutine")) {
			subroutine(t, w.from);
		} else if (t->n_arrays && is_array(t, w)) {
			array_call(t);
		}
		t->token_end = t->i;
	}
}

int gh_shader_subroutines_rewrite(const char *source, size_t len, int version, char **out,
                                  size_t *n)
{
	struct rewrite t = {.s = malloc(len ? len : 1), .len = len, .on = version >= 400};
	if (!t.s)
		return -1;
	memcpy(t.s, source, len);
	scan(&t);
	bool changed = t.copied || memcmp(t.s, source, len) != 0;
	int result = t.failed ? -1 : changed ? 1 : 0;
	if (result == 1) {
		gh_standin_append(&t.out, t.s + t.copied, len - t.copied);
		if (t.out.failed) {
			result = -1;
		} else {
			*out = t.out.s;
			*n = t.out.len;
			t.out.s = NULL;
		}
	}
	free(t.out.s);
	free(t.types);
	free(t.arrays);
	free(t.s);
	return result;
}
