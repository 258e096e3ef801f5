/*
 * An unsized array member of a named shader storage block that is not the
 * block's last member, indexed by a non-constant:
 *
 *   buffer a { vec4 s[]; vec4 t[]; } b;   ...   b.s[i]
 *
 * GLSL makes such an array implicitly sized (by its constant indexes) and
 * wants a size before a non-constant index. glslang 12 refuses the index
 * at compile time ("array must be redeclared with a size before being
 * indexed with a variable"); the driver (Mesa) compiles the shader and
 * refuses the program at link time (an unsized array that is not a storage
 * block's last member: piglit's arb_shader_storage_buffer_object
 * non_integral_size_array_member). Refused at compile time by the check,
 * the app would see a compile error where GL gives a link error.
 *
 * Why accepting that error is sound: it is a semantic error after a
 * complete parse (glslang goes on, and every other error still refuses
 * the shader, shader-check.c); and whatever array of the shader it is
 * about, the driver enforces the rule itself: an unsized array other than
 * a named storage block's member it refuses at compile time (Mesa's
 * "unsized array index must be constant", "Indirect access on unsized
 * array is limited to the last member of SSBO"); a named block's member
 * it refuses at link time, unless the program's constant indexes gave it
 * a size, after which it is a sized array indexed by a variable, which
 * glslang takes anywhere. So the text the driver gets is text glslang
 * parsed, and nothing the driver would not check itself.
 *
 * Narrowed to what the driver takes at compile time: glslang's exact
 * message, in a desktop shader that has storage blocks (GLSL 4.30, or one
 * enabling ARB_shader_storage_buffer_object), on a line holding as many
 * `instance.member[` as glslang reports errors there, each member an
 * unsized one, not last, of a block declared at global scope (outside
 * directives and comments) with that instance name, its index not an
 * integer literal; never in a source with a #line directive (which could
 * move glslang's line numbers elsewhere). The narrowing is not what makes
 * it sound (a macro can still put another array's index on such a line):
 * the driver's own check above is.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shader-desktop.h"
#include "shader-text.h"

static const char unsized_index[] =
        "'[' :  array must be redeclared with a size before being indexed with a variable";

/* A token of the text: a word, or one other character. */
struct token {
	size_t at, n;
	int line;
};

struct lexer {
	const char *s;
	size_t len, i;
	int line;
	bool line_directive; /* a #line seen */
};

static int peek(const struct lexer *x, size_t k)
{
	return x->i + k < x->len ? (unsigned char)x->s[x->i + k] : -1;
}

/* Skips a comment; false when there is none at the cursor. */
static bool skip_comment(struct lexer *x)
{
	if (peek(x, 0) != '/' || (peek(x, 1) != '/' && peek(x, 1) != '*'))
		return false;
	bool block = peek(x, 1) == '*';
	x->i += 2;
	while (x->i < x->len) {
		if (!block && peek(x, 0) == '\n')
			return true;
		if (block && peek(x, 0) == '*' && peek(x, 1) == '/') {
			x->i += 2;
			return true;
		}
		x->line += peek(x, 0) == '\n';
		x->i++;
	}
	return true;
}

/* The next token outside comments and directives; false at the end. */
static bool next(struct lexer *x, struct token *t)
{
	for (;;) {
		if (x->i >= x->len)
			return false;
		int c = peek(x, 0);
		if (skip_comment(x))
			continue;
		if (c == '\n' || c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
			x->line += c == '\n';
			x->i++;
			continue;
		}
		if (c == '#') {
			/* A directive, to its end of line (continuations too). */
			size_t from = ++x->i;
			while (x->i < x->len && peek(x, 0) != '\n') {
				if (peek(x, 0) == '\\' && peek(x, 1) == '\n') {
					x->line++;
					x->i++;
				}
				x->i++;
			}
			x->line_directive |= memmem(x->s + from, x->i - from, "line", 4) != NULL;
			continue;
		}
		t->at = x->i;
		t->line = x->line;
		while (gh_glsl_word_char(peek(x, 0)))
			x->i++;
		if (x->i == t->at)
			x->i++;
		t->n = x->i - t->at;
		return true;
	}
}

static bool is(const struct lexer *x, const struct token *t, const char *what)
{
	return t->n == strlen(what) && memcmp(x->s + t->at, what, t->n) == 0;
}

static bool is_word(const struct lexer *x, const struct token *t)
{
	return t->n > 0 && gh_glsl_word_char((unsigned char)x->s[t->at]) &&
	       !(x->s[t->at] >= '0' && x->s[t->at] <= '9');
}

/* An unsized member, not last, of a block with an instance name. */
struct member {
	struct token instance, name;
};

struct members {
	struct member *m;
	size_t n, cap;
	bool failed;
};

static void add(struct members *ms, struct token instance, struct token name)
{
	if (ms->n == ms->cap) {
		size_t cap = ms->cap ? ms->cap * 2 : 8;
		struct member *more = realloc(ms->m, cap * sizeof(*more));
		if (!more) {
			ms->failed = true;
			return;
		}
		ms->m = more;
		ms->cap = cap;
	}
	ms->m[ms->n++] = (struct member){instance, name};
}

/* From after a global `buffer NAME {`: the block's members to its '}',
 * then its instance name; its unsized members but the last added to *ms.
 * False where it is not such a block (the tokens up to there consumed). */
static bool block(struct lexer *x, struct members *ms)
{
	struct token t, prev = {0}, names[64];
	bool unsized[64];
	size_t n = 0;
	int parens = 0;
	bool have_prev = false;
	while (next(x, &t) && !is(x, &t, "}")) {
		if (is(x, &t, "{"))
			return false;
		parens += is(x, &t, "(") - is(x, &t, ")");
		if (parens == 0 && have_prev && is_word(x, &prev) && is(x, &t, "[")) {
			/* prev[...]...: a declarator when ',' or ';' follow. */
			bool empty = false;
			struct token u;
			do {
				if (!next(x, &u))
					return false;
				empty |= is(x, &u, "]");
				while (!is(x, &u, "]")) {
					if (!next(x, &u) || is(x, &u, "[") || is(x, &u, "}"))
						return false;
				}
			} while (next(x, &u) && is(x, &u, "["));
			if ((is(x, &u, ",") || is(x, &u, ";")) && n < 64) {
				names[n] = prev;
				unsized[n++] = empty;
			}
			have_prev = false;
			continue;
		}
		if (parens == 0 && have_prev && is_word(x, &prev) &&
		    (is(x, &t, ",") || is(x, &t, ";")) && n < 64) {
			names[n] = prev;
			unsized[n++] = false;
		}
		prev = t;
		have_prev = true;
	}
	/* An anonymous block or an array of blocks: none of its members. */
	struct token instance, end;
	if (!next(x, &instance))
		return false;
	if (is(x, &instance, ";"))
		return true;
	if (!next(x, &end))
		return false;
	if (!is_word(x, &instance) || !is(x, &end, ";"))
		return true;
	for (size_t k = 0; k + 1 < n; k++) {
		if (unsized[k])
			add(ms, instance, names[k]);
	}
	return true;
}

/* The unsized members, not last, of the text's global named buffer
 * blocks; false where it has a block this does not read, a #line
 * directive, or memory ran out. */
static bool scan(const char *text, size_t len, struct members *ms)
{
	struct lexer x = {.s = text, .len = len, .line = 1};
	struct token t, name, open;
	int depth = 0;
	while (next(&x, &t)) {
		depth += is(&x, &t, "{") - is(&x, &t, "}");
		if (depth != 0 || !is(&x, &t, "buffer"))
			continue;
		struct lexer look = x;
		if (next(&look, &name) && is_word(&look, &name) && next(&look, &open) &&
		    is(&look, &open, "{")) {
			x = look;
			if (!block(&x, ms))
				return false;
		}
	}
	return !x.line_directive && !ms->failed;
}

/* How many `instance . member [` of ms the text holds on `line`. */
static unsigned on_line(const char *text, size_t len, const struct members *ms, int line)
{
	struct lexer x = {.s = text, .len = len, .line = 1};
	struct token t[4];
	size_t have = 0;
	unsigned count = 0;
	struct token tok;
	while (next(&x, &tok) && tok.line <= line) {
		if (have == 4) {
			memmove(t, t + 1, 3 * sizeof(t[0]));
			have = 3;
		}
		t[have++] = tok;
		if (have < 4 || t[0].line != line || t[3].line != line || !is(&x, &t[1], ".") ||
		    !is(&x, &t[3], "["))
			continue;
		/* Not an index glslang takes ([3]: an error there is another's). */
		struct lexer look = x;
		struct token index, close;
		if (next(&look, &index) && x.s[index.at] >= '0' && x.s[index.at] <= '9' &&
		    next(&look, &close) && is(&look, &close, "]"))
			continue;
		for (size_t k = 0; k < ms->n; k++) {
			const struct member *m = &ms->m[k];
			if (t[0].n == m->instance.n && t[2].n == m->name.n &&
			    memcmp(text + t[0].at, text + m->instance.at, t[0].n) == 0 &&
			    memcmp(text + t[2].at, text + m->name.at, t[2].n) == 0) {
				count++;
				break;
			}
		}
	}
	return count;
}

/* How many lines of `log` are `line` (n bytes) exactly. */
static unsigned times_in_log(const char *log, const char *line, size_t n)
{
	unsigned count = 0;
	for (const char *l = log; *l;) {
		const char *end = strchr(l, '\n');
		size_t ln = end ? (size_t)(end - l) : strlen(l);
		count += ln == n && memcmp(l, line, n) == 0;
		l = end ? end + 1 : l + ln;
	}
	return count;
}

bool gh_shader_unsized_member_divergence(const char *text, size_t len, int version,
                                         const struct gh_shader_desktop *d, const char *log,
                                         const char *line, size_t n, const char *msg, size_t msg_n,
                                         int at_line)
{
	bool has_ssbo = version >= 430 || (version >= 120 && (d->enabled & GH_DESKTOP_SSBO));
	if (version == 300 || version == 310 || version == 320 || !has_ssbo ||
	    msg_n != strlen(unsized_index) || memcmp(msg, unsized_index, msg_n) != 0)
		return false;
	struct members ms = {0};
	bool ok = scan(text, len, &ms) && ms.n > 0 &&
	          times_in_log(log, line, n) <= on_line(text, len, &ms, at_line);
	free(ms.m);
	return ok;
}
