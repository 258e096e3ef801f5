/*
 * Built-in functions that GLSL makes constant expressions on constant
 * arguments but glslang 12's constant folder does not evaluate: bitCount,
 * findLSB and findMSB (GLSL 4.00, ARB_gpu_shader5; GLSL ES 3.10) and fma of
 * floats (GLSL 4.00; GLSL ES 3.20) and of doubles (GLSL 4.00,
 * ARB_gpu_shader_fp64). glslang takes such a call for a non-constant: an
 * array sized by one ("array size must be a constant integer expression")
 * or a const initialised by one is refused, where the spec and the driver
 * take it (piglit's const-bitCount, const-fma-double).
 *
 * The text glslang checks has each such call whose arguments are literals
 * spelled as its value, computed here as the driver's folder computes it:
 *
 *   bitCount(ivec4(1, 3, 7, 15))             ivec4(1, 2, 3, 4)
 *   fma(2.0lf, 3.0lf, 1.0lf)                 (7.0lf)
 *
 * An argument is a literal (an optional '-', an integer or floating
 * literal with its suffix) or a constructor of int, uint, float, double or
 * their vectors from one literal or one per component; blanks and line
 * breaks may separate the tokens, nothing else may (no comment, no macro,
 * no line continuation). The value has the type of the built-in's result
 * (int for bitCount, findLSB and findMSB; fma's arguments' type); the
 * line breaks of the call follow it, so that line numbers stay. The driver
 * still gets the app's source unchanged.
 *
 * Why this keeps the check whole: the tokens taken away from glslang are
 * only the ones read here, a closed grammar (a name, parentheses, commas,
 * type names, literals) that glslang parses everywhere else, and every
 * other token of the shader is still checked. It happens only at the
 * versions where glslang declares the built-in (then the name is the
 * built-in: GLSL forbids redefining one; a variable hiding it is an error
 * the driver still reports), never after '.', never inside a directive or
 * comment, and nowhere in a source that pastes tokens (##) or has a
 * directive that #defines or #undefs a word of such a call (#define
 * ivec4(x) ..., #undef bitCount) or holds a line continuation (which could
 * splice one): a macro could make the driver's preprocessor read those
 * tokens otherwise than as this grammar, and glslang, reading the value,
 * would never see what it expands to. A call of other arguments (a
 * variable, a nested call, a const, a macro) is left as it is: glslang
 * refuses it where a constant is needed (a false refusal, never a false
 * acceptance).
 *
 * The value is the driver's (Mesa folds fma as a product then a sum, each
 * rounded to the type; a float literal is a float), so glslang judges the
 * array size or constant the driver will compute.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shader-check.h"
#include "shader-directive.h"
#include "shader-text.h"

enum kind { K_INT, K_UINT, K_FLOAT, K_DOUBLE };

/* A constant of up to 4 components. */
struct value {
	enum kind kind;
	int n;
	uint32_t bits[4]; /* K_INT, K_UINT */
	double d[4];      /* K_FLOAT (a float's value), K_DOUBLE */
};

enum fn { BIT_COUNT, FIND_LSB, FIND_MSB, FMA, N_FNS };

static const struct {
	const char *name;
	int desktop, es; /* the first versions where glslang 12 declares it */
	int args;
} fns[N_FNS] = {
        [BIT_COUNT] = {"bitCount", 400, 310, 1},
        [FIND_LSB] = {"findLSB", 400, 310, 1},
        [FIND_MSB] = {"findMSB", 400, 310, 1},
        [FMA] = {"fma", 400, 320, 3},
};

static const struct {
	const char *name;
	enum kind kind;
	int n;
} types[] = {
        {"int", K_INT, 1},       {"ivec2", K_INT, 2},    {"ivec3", K_INT, 3},
        {"ivec4", K_INT, 4},     {"uint", K_UINT, 1},    {"uvec2", K_UINT, 2},
        {"uvec3", K_UINT, 3},    {"uvec4", K_UINT, 4},   {"float", K_FLOAT, 1},
        {"vec2", K_FLOAT, 2},    {"vec3", K_FLOAT, 3},   {"vec4", K_FLOAT, 4},
        {"double", K_DOUBLE, 1}, {"dvec2", K_DOUBLE, 2}, {"dvec3", K_DOUBLE, 3},
        {"dvec4", K_DOUBLE, 4},
};

#define N_TYPES (sizeof(types) / sizeof(types[0]))

struct text {
	const char *s;
	size_t len, i;
};

static int at(const struct text *t, size_t k)
{
	return t->i + k < t->len ? (unsigned char)t->s[t->i + k] : -1;
}

/* Whether w (n bytes) is a word a folded call may hold. */
static bool fold_word(const char *w, size_t n)
{
	for (size_t k = 0; k < N_FNS; k++) {
		if (gh_glsl_word_is(w, n, fns[k].name))
			return true;
	}
	for (size_t k = 0; k < N_TYPES; k++) {
		if (gh_glsl_word_is(w, n, types[k].name))
			return true;
	}
	return false;
}

/* Skips a comment at the cursor; false when there is none. */
static bool skip_comment(struct text *t)
{
	size_t past = gh_glsl_past_comment(t->s, t->len, t->i);
	bool skipped = past != t->i;
	t->i = past;
	return skipped;
}

/* Blanks and comments inside a directive (a block comment may carry it
 * over lines, as in C). */
static void skip_directive_blanks(struct text *t)
{
	while (at(t, 0) == ' ' || at(t, 0) == '\t' || skip_comment(t)) {
		if (at(t, 0) == ' ' || at(t, 0) == '\t')
			t->i++;
	}
}

/* A directive from its '#' to the end of its line (past continuations and
 * comments): whether it may make a fold word a macro (#define or #undef of
 * one; or any line continuation, which could splice one from its parts).
 * The cursor ends at its '\n'. */
static bool directive_may_define_fold_word(struct text *t)
{
	t->i++;
	skip_directive_blanks(t);
	const char *w = t->s + t->i;
	size_t n = 0;
	while (gh_glsl_word_char(at(t, 0))) {
		t->i++;
		n++;
	}
	if (gh_glsl_word_is(w, n, "define") || gh_glsl_word_is(w, n, "undef")) {
		skip_directive_blanks(t);
		size_t name = t->i;
		while (gh_glsl_word_char(at(t, 0)))
			t->i++;
		if (fold_word(t->s + name, t->i - name))
			return true;
	}
	bool splices = false;
	while (t->i < t->len && at(t, 0) != '\n') {
		if (at(t, 0) == '\\') {
			splices = true;
			t->i += 1 + (at(t, 1) == '\n');
		} else if (!skip_comment(t)) {
			t->i++;
		}
	}
	return splices;
}

/* Blanks and line breaks (a call's tokens may be apart by these only). */
static void skip_blanks(struct text *t)
{
	while (at(t, 0) == ' ' || at(t, 0) == '\t' || at(t, 0) == '\n')
		t->i++;
}

static bool next_char(struct text *t, int c)
{
	skip_blanks(t);
	if (at(t, 0) != c)
		return false;
	t->i++;
	return true;
}

/* A literal at the cursor (after blanks; an optional '-'): its kind and
 * value (a float literal's value rounded to float, as GLSL's is). */
static bool literal(struct text *t, enum kind *kind, uint32_t *bits, double *d)
{
	bool minus = next_char(t, '-');
	skip_blanks(t);
	size_t from = t->i;
	bool hex = at(t, 0) == '0' && (at(t, 1) == 'x' || at(t, 1) == 'X');
	if (hex)
		t->i += 2;
	size_t digits = t->i;
	while ((at(t, 0) >= '0' && at(t, 0) <= '9') ||
	       (hex &&
	        ((at(t, 0) >= 'a' && at(t, 0) <= 'f') || (at(t, 0) >= 'A' && at(t, 0) <= 'F'))))
		t->i++;
	bool whole = t->i > digits;
	char buf[48];
	if (!hex && (at(t, 0) == '.' || at(t, 0) == 'e' || at(t, 0) == 'E')) {
		/* digits . digits? exponent? | . digits exponent? | digits exponent */
		bool frac = false;
		if (at(t, 0) == '.') {
			t->i++;
			while (at(t, 0) >= '0' && at(t, 0) <= '9') {
				t->i++;
				frac = true;
			}
		}
		if (!whole && !frac)
			return false;
		if (at(t, 0) == 'e' || at(t, 0) == 'E') {
			t->i += 1 + (at(t, 1) == '+' || at(t, 1) == '-');
			if (!(at(t, 0) >= '0' && at(t, 0) <= '9'))
				return false;
			while (at(t, 0) >= '0' && at(t, 0) <= '9')
				t->i++;
		}
		size_t n = t->i - from;
		if (n >= sizeof(buf))
			return false;
		memcpy(buf, t->s + from, n);
		buf[n] = '\0';
		if ((at(t, 0) == 'l' && at(t, 1) == 'f') || (at(t, 0) == 'L' && at(t, 1) == 'F')) {
			t->i += 2;
			*kind = K_DOUBLE;
			*d = strtod(buf, NULL);
		} else {
			t->i += at(t, 0) == 'f' || at(t, 0) == 'F';
			*kind = K_FLOAT;
			*d = strtof(buf, NULL);
		}
		if (minus)
			*d = -*d;
	} else {
		if (!whole)
			return false;
		bool octal = !hex && t->s[digits] == '0';
		uint64_t v = 0;
		for (size_t k = digits; k < t->i; k++) {
			int c = (unsigned char)t->s[k];
			int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
			if (octal && digit > 7)
				return false;
			v = v * (hex ? 16 : octal ? 8 : 10) + (uint64_t)digit;
			if (v > 0xFFFFFFFFu)
				return false;
		}
		*kind = at(t, 0) == 'u' || at(t, 0) == 'U' ? K_UINT : K_INT;
		t->i += *kind == K_UINT;
		*bits = minus ? (uint32_t)(0u - (uint32_t)v) : (uint32_t)v;
	}
	/* A literal ends there ("1.0.x", "1u2" are not ours). */
	return !gh_glsl_word_char(at(t, 0)) && at(t, 0) != '.';
}

/* A literal converted to a constructor's kind (GLSL's constructor
 * conversions; integers only from integer literals). */
static bool convert(enum kind to, enum kind from, uint32_t bits, double d, uint32_t *out_bits,
                    double *out_d)
{
	bool integer = from == K_INT || from == K_UINT;
	double as_number = from == K_INT ? (double)(int32_t)bits : from == K_UINT ? bits : d;
	switch (to) {
	case K_INT:
	case K_UINT:
		*out_bits = bits;
		return integer;
	case K_FLOAT:
		*out_d = (float)as_number;
		return true;
	case K_DOUBLE:
		*out_d = as_number;
		return true;
	}
	return false;
}

/* One argument at the cursor: a literal, or a constructor of literals. */
static bool argument(struct text *t, struct value *v)
{
	skip_blanks(t);
	size_t w = t->i;
	while (gh_glsl_word_char(at(t, 0)))
		t->i++;
	uint32_t bits = 0;
	double d = 0;
	enum kind kind;
	if (t->i == w || (t->s[w] >= '0' && t->s[w] <= '9')) {
		t->i = w;
		if (!literal(t, &kind, &bits, &d))
			return false;
		*v = (struct value){.kind = kind, .n = 1, .bits = {bits}, .d = {d}};
		return true;
	}
	size_t type = 0;
	while (type < N_TYPES && !gh_glsl_word_is(t->s + w, t->i - w, types[type].name))
		type++;
	if (type == N_TYPES || !next_char(t, '('))
		return false;
	*v = (struct value){.kind = types[type].kind, .n = types[type].n};
	int count = 0;
	do {
		if (count == 4 || !literal(t, &kind, &bits, &d) ||
		    !convert(v->kind, kind, bits, d, &v->bits[count], &v->d[count]))
			return false;
		count++;
	} while (next_char(t, ','));
	if (!next_char(t, ')') || (count != 1 && count != v->n))
		return false;
	for (int k = count; k < v->n; k++) {
		v->bits[k] = v->bits[0];
		v->d[k] = v->d[0];
	}
	return true;
}

static int find_lsb(uint32_t x)
{
	if (x == 0)
		return -1;
	int k = 0;
	while (!(x & 1u)) {
		x >>= 1;
		k++;
	}
	return k;
}

static int find_msb(uint32_t x, bool is_signed)
{
	if (is_signed && (x & 0x80000000u))
		x = ~x;
	int k = -1;
	while (x) {
		x >>= 1;
		k++;
	}
	return k;
}

static int bit_count(uint32_t x)
{
	int k = 0;
	for (; x; x &= x - 1)
		k++;
	return k;
}

/* The value of fn on args: false where it has none here (other types). As
 * the driver's folder (Mesa) computes fma: a product rounded to the type,
 * then a sum (volatile: no fused multiply-add). */
static bool evaluate(enum fn fn, const struct value *args, struct value *r)
{
	const struct value *a = &args[0];
	*r = (struct value){.kind = K_INT, .n = a->n};
	if (fn != FMA) {
		if (a->kind != K_INT && a->kind != K_UINT)
			return false;
		for (int k = 0; k < a->n; k++) {
			int x = fn == BIT_COUNT  ? bit_count(a->bits[k])
			        : fn == FIND_LSB ? find_lsb(a->bits[k])
			                         : find_msb(a->bits[k], a->kind == K_INT);
			r->bits[k] = (uint32_t)x;
		}
		return true;
	}
	if (a->kind != K_FLOAT && a->kind != K_DOUBLE)
		return false;
	for (int k = 1; k < 3; k++) {
		if (args[k].kind != a->kind || args[k].n != a->n)
			return false;
	}
	r->kind = a->kind;
	for (int k = 0; k < a->n; k++) {
		if (a->kind == K_FLOAT) {
			volatile float p = (float)a->d[k] * (float)args[1].d[k];
			volatile float s = p + (float)args[2].d[k];
			r->d[k] = s;
		} else {
			volatile double p = a->d[k] * args[1].d[k];
			volatile double s = p + args[2].d[k];
			r->d[k] = s;
		}
		if (!isfinite(r->d[k]))
			return false;
	}
	return true;
}

/* One component as a GLSL literal of its kind. */
static void spell_component(const struct value *v, int k, char *out, size_t size)
{
	if (v->kind == K_INT) {
		snprintf(out, size, "%d", (int)(int32_t)v->bits[k]);
		return;
	}
	/* Digits enough to read back the same float or double. */
	int n = snprintf(out, size, v->kind == K_FLOAT ? "%.9g" : "%.17g", v->d[k]);
	if (n > 0 && (size_t)n < size && !strpbrk(out, ".e"))
		snprintf(out + n, size - (size_t)n, ".0");
	if (v->kind == K_DOUBLE)
		snprintf(out + strlen(out), size - strlen(out), "lf");
}

/* The value as GLSL: a constructor, or a scalar in parentheses. */
static void spell(const struct value *v, char *out, size_t size)
{
	static const char *const prefix[] = {
	        [K_INT] = "ivec", [K_FLOAT] = "vec", [K_DOUBLE] = "dvec"};
	int k0 = v->n == 1 ? snprintf(out, size, "(")
	                   : snprintf(out, size, "%s%d(", prefix[v->kind], v->n);
	size_t used = (size_t)k0;
	for (int k = 0; k < v->n; k++) {
		char c[40];
		spell_component(v, k, c, sizeof(c));
		used += (size_t)snprintf(out + used, size - used, "%s%s", k ? ", " : "", c);
	}
	snprintf(out + used, size - used, ")");
}

/* A call of fns[fn] at the cursor (after its name): its value spelled in
 * *out, the cursor past its ')'. */
static bool fold_call(struct text *t, enum fn fn, int version, bool es, bool fp64, char *out,
                      size_t size)
{
	struct value args[3];
	if (!next_char(t, '('))
		return false;
	for (int k = 0; k < fns[fn].args; k++) {
		if ((k > 0 && !next_char(t, ',')) || !argument(t, &args[k]))
			return false;
	}
	struct value r;
	if (!next_char(t, ')') || !evaluate(fn, args, &r))
		return false;
	/* fma of doubles: GLSL 4.00, or ARB_gpu_shader_fp64 from GLSL 1.50. */
	bool declared = r.kind == K_DOUBLE ? !es && (version >= 400 || (version >= 150 && fp64))
	                                   : version >= (es ? fns[fn].es : fns[fn].desktop);
	if (!declared)
		return false;
	spell(&r, out, size);
	return true;
}

/* The fold function named w (n bytes), or N_FNS. */
static enum fn fn_named(const char *w, size_t n)
{
	int k = 0;
	while (k < N_FNS && !gh_glsl_word_is(w, n, fns[k].name))
		k++;
	return (enum fn)k;
}

/* Whether the last token before `w` is a '.' (a field or method name). */
/* Whether the word at w may be declared there rather than called: what comes
 * before it (blanks aside) is a word (a type, `struct`, a qualifier,
 * `return`), the `]` of an array type, or the end of a comment, which this
 * does not look behind. A source that declares a struct, a function, a
 * variable or a member of a folded built-in's name means by its calls what
 * glslang's folded text would not: nothing is folded in it (the security
 * review of 2026-12-06; `return bitCount(7)` gives up folds too, as no
 * constant expression needs one there). */
static bool maybe_declared(const char *s, size_t w)
{
	while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == '\t' || s[w - 1] == '\n' ||
	                 s[w - 1] == '\r' || s[w - 1] == '\v' || s[w - 1] == '\f'))
		w--;
	return w > 0 &&
	       (gh_glsl_word_char((unsigned char)s[w - 1]) || s[w - 1] == ']' || s[w - 1] == '/');
}

static bool after_dot(const char *s, size_t w)
{
	while (w > 0 && (s[w - 1] == ' ' || s[w - 1] == '\t' || s[w - 1] == '\n'))
		w--;
	return w > 0 && s[w - 1] == '.';
}

struct out {
	char *s;
	size_t n, cap;
	bool failed;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->failed)
		return;
	if (o->n + n > o->cap) {
		size_t cap = (o->n + n) * 2;
		char *more = realloc(o->s, cap);
		if (!more) {
			o->failed = true;
			return;
		}
		o->s = more;
		o->cap = cap;
	}
	memcpy(o->s + o->n, s, n);
	o->n += n;
}

/* Scans the source; with `o`, writes it with its calls folded. Returns the
 * number of calls folded, or -1 where a directive names a fold word. */
static int scan(const char *source, size_t len, int version, bool es, bool fp64, struct out *o)
{
	struct text t = {.s = source, .len = len};
	int folded = 0;
	size_t copied = 0;
	while (t.i < t.len) {
		int c = at(&t, 0);
		if (skip_comment(&t))
			continue;
		/* Any '#' (GLSL has it in directives only): where a comment
		 * before it could make one reader take it for a directive and
		 * the other not, both are read as one. */
		if (c == '#') {
			if (directive_may_define_fold_word(&t))
				return -1;
			continue;
		}
		if (!gh_glsl_word_char(c) ||
		    (t.i && gh_glsl_word_char((unsigned char)source[t.i - 1]))) {
			t.i++;
			continue;
		}
		size_t w = t.i;
		while (gh_glsl_word_char(at(&t, 0)))
			t.i++;
		enum fn fn = fn_named(source + w, t.i - w);
		if (fn != N_FNS && maybe_declared(source, w))
			return -1;
		if (fn == N_FNS || after_dot(source, w) || !o)
			continue;
		char value[256];
		struct text call = t;
		if (!fold_call(&call, fn, version, es, fp64, value, sizeof(value)))
			continue;
		put(o, source + copied, w - copied);
		put(o, value, strlen(value));
		for (size_t k = w; k < call.i; k++) {
			if (source[k] == '\n')
				put(o, "\n", 1);
		}
		copied = t.i = call.i;
		folded++;
	}
	if (o)
		put(o, source + copied, len - copied);
	return folded;
}

int gh_shader_fold_rewrite(const char *source, size_t len, int version, bool es, char **out,
                           size_t *n)
{
	/* (## could paste a fold word's neighbour onto it in one reader only.) */
	if (version < 150 || memmem(source, len, "##", 2) ||
	    scan(source, len, version, es, false, NULL) < 0)
		return 0;
	bool fp64 = !es && gh_directive_find_enable(source, len, "GL_ARB_gpu_shader_fp64");
	struct out o = {0};
	int folded = scan(source, len, version, es, fp64, &o);
	if (o.failed) {
		free(o.s);
		return -1;
	}
	if (folded <= 0) {
		free(o.s);
		return 0;
	}
	*out = o.s;
	*n = o.n;
	return 1;
}
