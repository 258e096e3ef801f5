/*
 * The ARB program check (arb-program-check.h): the header, OPTION lines,
 * the declarations and their names, and the parser's helpers.
 * Instructions are in arb-program-ops.c, bindings in
 * arb-program-bindings.c, tokens in arb-program-lex.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arb-program-parse.h"

/* Names one program may declare: past the driver's limits in any case
 * (the sums of theirs are in the thousands), and a bound on the table. */
#define MAX_NAMES (1u << 16)

bool arb_fail(struct arb_parser *p, uint32_t pos, const char *fmt, ...)
{
	if (p->failed)
		return false;
	p->failed = true;
	p->err->position = pos;
	/* The line, for the app's log: GL reports only the byte offset. */
	unsigned line = 1;
	for (uint32_t i = 0; i < pos && i < p->lx.len; i++)
		line += p->lx.text[i] == '\n';
	int n = snprintf(p->err->message, sizeof(p->err->message), "line %u: ", line);
	va_list ap;
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof(p->err->message))
		vsnprintf(p->err->message + n, sizeof(p->err->message) - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

bool arb_next(struct arb_parser *p)
{
	if (p->failed)
		return false;
	p->tok = arb_lex(&p->lx);
	if (p->tok.kind == ARB_TOK_ERROR) {
		char c = p->lx.text[p->tok.pos];
		if (c >= '0' && c <= '9')
			return arb_fail(p, p->tok.pos, "malformed number");
		return arb_fail(p, p->tok.pos, "unexpected character 0x%02x",
		                (unsigned)(unsigned char)c);
	}
	if (p->tok.kind == ARB_TOK_NAME && p->tok.len > GH_ARB_PROGRAM_MAX_NAME)
		return arb_fail(p, p->tok.pos, "name longer than %u", GH_ARB_PROGRAM_MAX_NAME);
	return true;
}

bool arb_is_name(const struct arb_parser *p, const char *word)
{
	return p->tok.kind == ARB_TOK_NAME && strlen(word) == p->tok.len &&
	       !memcmp(p->lx.text + p->tok.pos, word, p->tok.len);
}

bool arb_expect(struct arb_parser *p, char c)
{
	if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != c)
		return arb_fail(p, p->tok.pos, "expected '%s'", c == 'R' ? ".." : (char[]){c, 0});
	return arb_next(p);
}

bool arb_expect_name(struct arb_parser *p, const char *word)
{
	if (!arb_is_name(p, word))
		return arb_fail(p, p->tok.pos, "expected %s", word);
	return arb_next(p);
}

bool arb_index(struct arb_parser *p, uint32_t limit, const char *what, uint32_t *n)
{
	if (!arb_expect(p, '['))
		return false;
	if (p->tok.kind != ARB_TOK_INT || p->tok.value >= limit)
		return arb_fail(p, p->tok.pos, "expected a %s index below %u", what, limit);
	*n = p->tok.value;
	return arb_next(p) && arb_expect(p, ']');
}

/* Names ----------------------------------------------------------------- */

static uint32_t hash(const char *s, uint32_t len)
{
	uint32_t h = 2166136261u;
	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static struct arb_name *slot(const struct arb_parser *p, uint32_t pos, uint32_t len)
{
	const char *s = p->lx.text + pos;
	for (uint32_t i = hash(s, len) & (p->cap - 1);; i = (i + 1) & (p->cap - 1)) {
		struct arb_name *n = &p->names[i];
		if (!n->len || (n->len == len && !memcmp(p->lx.text + n->pos, s, len)))
			return n;
	}
}

const struct arb_name *arb_lookup(const struct arb_parser *p)
{
	if (p->tok.kind != ARB_TOK_NAME)
		return NULL;
	struct arb_name *n = slot(p, p->tok.pos, p->tok.len);
	return n->len ? n : NULL;
}

static bool grow_names(struct arb_parser *p)
{
	uint32_t cap = p->cap * 2;
	struct arb_name *old = p->names, *names = calloc(cap, sizeof(*names));
	if (!names)
		return arb_fail(p, p->tok.pos, "out of memory");
	uint32_t old_cap = p->cap;
	p->names = names;
	p->cap = cap;
	for (uint32_t i = 0; i < old_cap; i++) {
		if (old[i].len)
			*slot(p, old[i].pos, old[i].len) = old[i];
	}
	free(old);
	return true;
}

static bool is_reserved(const struct arb_parser *p)
{
	static const char *const words[] = {
	        "ALIAS", "ATTRIB", "END",    "OPTION", "OUTPUT",
	        "PARAM", "TEMP",   "result", "state",  "program",
	};
	/* Each kind's own: a fragment program may name a TEMP "vertex". */
	static const char *const vertex_words[] = {"ADDRESS", "vertex"};
	static const char *const fragment_words[] = {"fragment", "texture"};
	bool vertex = p->target == GH_ARB_VERTEX_PROGRAM;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (arb_is_name(p, words[i]))
			return true;
	}
	for (size_t i = 0; i < 2; i++) {
		if (arb_is_name(p, vertex ? vertex_words[i] : fragment_words[i]))
			return true;
	}
	return arb_is_opcode(p);
}

/* Declares the current token as a name of `kind`; the token is taken. */
static bool declare(struct arb_parser *p, enum arb_name_kind kind, uint32_t size)
{
	/* (1D, 2D and 3D are names to the tokenizer, not to a program.) */
	if (p->tok.kind != ARB_TOK_NAME || is_reserved(p) ||
	    (p->lx.text[p->tok.pos] >= '0' && p->lx.text[p->tok.pos] <= '9'))
		return arb_fail(p, p->tok.pos, "expected a new name");
	if (arb_lookup(p))
		return arb_fail(p, p->tok.pos, "name declared twice");
	if (p->count >= MAX_NAMES)
		return arb_fail(p, p->tok.pos, "more than %u names", MAX_NAMES);
	if ((p->count + 1) * 2 > p->cap && !grow_names(p))
		return false;
	*slot(p, p->tok.pos, p->tok.len) =
	        (struct arb_name){.pos = p->tok.pos, .len = p->tok.len, .kind = kind, .size = size};
	p->count++;
	return arb_next(p);
}

/* Sets the last declared name's kind (declarations name before binding). */
static void redeclare(struct arb_parser *p, uint32_t pos, uint32_t len, enum arb_name_kind kind,
                      uint32_t size)
{
	struct arb_name *n = slot(p, pos, len);
	n->kind = kind;
	n->size = size;
}

/* Declarations ------------------------------------------------------------ */

static bool count(struct arb_parser *p, uint32_t *used, uint32_t add, uint32_t limit,
                  const char *what, uint32_t pos)
{
	if (add > limit || *used > limit - add)
		return arb_fail(p, pos, "more than %u %s", limit, what);
	*used += add;
	return true;
}

/* ATTRIB, OUTPUT, ALIAS: name "=" binding. */
static bool attrib_statement(struct arb_parser *p)
{
	uint32_t pos = p->tok.pos;
	return declare(p, ARB_NAME_ATTRIB, 0) && arb_expect(p, '=') && arb_attrib_binding(p) &&
	       count(p, &p->attribs, 1, p->limits->attribs, "attributes", pos);
}

static bool output_statement(struct arb_parser *p)
{
	return declare(p, ARB_NAME_OUTPUT, 0) && arb_expect(p, '=') && arb_result_binding(p);
}

static bool alias_statement(struct arb_parser *p)
{
	uint32_t pos = p->tok.pos, len = p->tok.len;
	if (!declare(p, ARB_NAME_TEMP, 0) || !arb_expect(p, '='))
		return false;
	const struct arb_name *target = arb_lookup(p);
	if (!target)
		return arb_fail(p, p->tok.pos, "undeclared name");
	redeclare(p, pos, len, target->kind, target->size);
	return arb_next(p);
}

/* TEMP, ADDRESS: a list of names. */
static bool name_list(struct arb_parser *p, enum arb_name_kind kind, uint32_t *used, uint32_t limit,
                      const char *what)
{
	for (;;) {
		uint32_t pos = p->tok.pos;
		if (!declare(p, kind, 0) || !count(p, used, 1, limit, what, pos))
			return false;
		if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != ',')
			return true;
		if (!arb_next(p))
			return false;
	}
}

static bool is_constant_start(const struct arb_parser *p)
{
	return p->tok.kind == ARB_TOK_INT || p->tok.kind == ARB_TOK_FLOAT ||
	       (p->tok.kind == ARB_TOK_PUNCT &&
	        (p->tok.punct == '{' || p->tok.punct == '-' || p->tok.punct == '+'));
}

/* "{" items "}" of a PARAM array; *slots the vectors they stand for. */
static bool param_list(struct arb_parser *p, uint32_t *slots)
{
	if (!arb_expect(p, '{'))
		return false;
	*slots = 0;
	for (;;) {
		uint32_t pos = p->tok.pos, n = 1;
		bool ok =
		        is_constant_start(p) ? arb_constant(p) : arb_multiple_param_binding(p, &n);
		if (!ok || !count(p, slots, n, p->limits->parameters, "parameters", pos))
			return false;
		if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != ',')
			break;
		if (!arb_next(p))
			return false;
	}
	return arb_expect(p, '}');
}

static bool param_array(struct arb_parser *p, uint32_t pos, uint32_t len)
{
	uint32_t size = 0, slots, size_pos;
	if (!arb_next(p))
		return false;
	size_pos = p->tok.pos;
	if (p->tok.kind == ARB_TOK_INT) {
		if (p->tok.value < 1 || p->tok.value > p->limits->parameters)
			return arb_fail(p, p->tok.pos, "array size not in 1..%u",
			                p->limits->parameters);
		size = p->tok.value;
		if (!arb_next(p))
			return false;
	}
	if (!arb_expect(p, ']') || !arb_expect(p, '=') || !param_list(p, &slots))
		return false;
	if (size && slots != size)
		return arb_fail(p, size_pos, "array of %u initialised with %u", size, slots);
	redeclare(p, pos, len, ARB_NAME_PARAM_ARRAY, slots);
	return count(p, &p->parameters, slots, p->limits->parameters, "parameters", pos);
}

static bool param_statement(struct arb_parser *p)
{
	uint32_t pos = p->tok.pos, len = p->tok.len;
	if (!declare(p, ARB_NAME_PARAM, 0))
		return false;
	if (p->tok.kind == ARB_TOK_PUNCT && p->tok.punct == '[')
		return param_array(p, pos, len);
	if (!arb_expect(p, '='))
		return false;
	bool ok = is_constant_start(p) ? arb_constant(p) : arb_single_param_binding(p);
	return ok && count(p, &p->parameters, 1, p->limits->parameters, "parameters", pos);
}

static bool statement(struct arb_parser *p)
{
	bool vertex = p->target == GH_ARB_VERTEX_PROGRAM;
	bool ok;
	if (arb_is_name(p, "ATTRIB"))
		ok = arb_next(p) && attrib_statement(p);
	else if (arb_is_name(p, "PARAM"))
		ok = arb_next(p) && param_statement(p);
	else if (arb_is_name(p, "TEMP"))
		ok = arb_next(p) && name_list(p, ARB_NAME_TEMP, &p->temporaries,
		                              p->limits->temporaries, "temporaries");
	else if (vertex && arb_is_name(p, "ADDRESS"))
		ok = arb_next(p) && name_list(p, ARB_NAME_ADDRESS, &p->address_registers,
		                              p->limits->address_registers, "address registers");
	else if (arb_is_name(p, "OUTPUT"))
		ok = arb_next(p) && output_statement(p);
	else if (arb_is_name(p, "ALIAS"))
		ok = arb_next(p) && alias_statement(p);
	else
		ok = arb_instruction(p);
	return ok && arb_expect(p, ';');
}

/* Options ----------------------------------------------------------------- */

static const struct option {
	const char *name;
	enum gh_arb_program_target target;
	unsigned bit;   /* in options_named */
	unsigned needs; /* gh_arb_program_option bits the context must offer */
	unsigned group; /* of options excluding each other (fog modes, hints), or 0 */
} options[] = {
        {"ARB_position_invariant", GH_ARB_VERTEX_PROGRAM, ARB_OPTION_POSITION_INVARIANT, 0, 0},
        {"ARB_fog_exp", GH_ARB_FRAGMENT_PROGRAM, ARB_OPTION_FOG, 0, 1},
        {"ARB_fog_exp2", GH_ARB_FRAGMENT_PROGRAM, ARB_OPTION_FOG, 0, 1},
        {"ARB_fog_linear", GH_ARB_FRAGMENT_PROGRAM, ARB_OPTION_FOG, 0, 1},
        {"ARB_precision_hint_fastest", GH_ARB_FRAGMENT_PROGRAM, ARB_OPTION_PRECISION_HINT, 0, 2},
        {"ARB_precision_hint_nicest", GH_ARB_FRAGMENT_PROGRAM, ARB_OPTION_PRECISION_HINT, 0, 2},
        {"ARB_fragment_program_shadow", GH_ARB_FRAGMENT_PROGRAM,
         GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW, GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW, 0},
        {"ARB_draw_buffers", GH_ARB_FRAGMENT_PROGRAM, GH_ARB_OPTION_DRAW_BUFFERS,
         GH_ARB_OPTION_DRAW_BUFFERS, 0},
        {"ARB_fragment_coord_origin_upper_left", GH_ARB_FRAGMENT_PROGRAM,
         ARB_OPTION_ORIGIN_UPPER_LEFT, GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS, 0},
        {"ARB_fragment_coord_pixel_center_integer", GH_ARB_FRAGMENT_PROGRAM,
         ARB_OPTION_PIXEL_CENTER_INTEGER, GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS, 0},
};

static bool option_line(struct arb_parser *p)
{
	if (!arb_next(p))
		return false;
	for (size_t i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		const struct option *o = &options[i];
		if (o->target != p->target || !arb_is_name(p, o->name) ||
		    (o->needs & ~p->limits->options))
			continue;
		/* Two fog modes or precision hints: which would hold? The
		 * same one twice is harmless. */
		uint8_t *chosen = &p->option_chosen[o->group];
		if (o->group && *chosen && *chosen != i + 1)
			return arb_fail(p, p->tok.pos, "conflicting option");
		*chosen = (uint8_t)(i + 1);
		p->options_named |= o->bit;
		return arb_next(p) && arb_expect(p, ';');
	}
	return arb_fail(p, p->tok.pos, "unknown option");
}

/* The program ------------------------------------------------------------- */

static bool header(struct arb_parser *p)
{
	const char *want = p->target == GH_ARB_VERTEX_PROGRAM ? "!!ARBvp1.0" : "!!ARBfp1.0";
	size_t n = strlen(want);
	if (p->lx.len < n || memcmp(p->lx.text, want, n))
		return arb_fail(p, 0, "expected %s", want);
	p->lx.pos = (uint32_t)n;
	return arb_next(p);
}

static bool program(struct arb_parser *p)
{
	if (!header(p))
		return false;
	while (arb_is_name(p, "OPTION")) {
		if (!option_line(p))
			return false;
	}
	while (!arb_is_name(p, "END")) {
		if (p->tok.kind == ARB_TOK_EOF)
			return arb_fail(p, p->tok.pos, "no END");
		if (!statement(p))
			return false;
	}
	p->err->end = p->tok.pos + 3;
	return true;
}

bool gh_arb_program_check(enum gh_arb_program_target target,
                          const struct gh_arb_program_limits *limits, const char *text, size_t len,
                          struct gh_arb_program_verdict *err)
{
	struct arb_parser p = {
	        .lx = {.text = text},
	        .target = target,
	        .limits = limits,
	        .err = err,
	};
	memset(err, 0, sizeof(*err));
	if (len > GH_ARB_PROGRAM_MAX_TEXT)
		return arb_fail(&p, GH_ARB_PROGRAM_MAX_TEXT, "text longer than %u bytes",
		                GH_ARB_PROGRAM_MAX_TEXT);
	p.lx.len = (uint32_t)len;
	const char *nul = memchr(text, 0, len);
	if (nul)
		return arb_fail(&p, (uint32_t)(nul - text), "NUL byte in the text");
	p.cap = 64;
	p.names = calloc(p.cap, sizeof(*p.names));
	if (!p.names)
		return arb_fail(&p, 0, "out of memory");
	bool ok = program(&p);
	free(p.names);
	/* Blanks after END go with it (a text's last line break reads back as
	 * sent); anything else there is left out. */
	while (ok && err->end < len &&
	       (text[err->end] == ' ' || text[err->end] == '\t' || text[err->end] == '\n' ||
	        text[err->end] == '\r'))
		err->end++;
	return ok && !p.failed;
}
