/*
 * The instructions of ARB programs (arb-program-parse.h): each opcode of
 * ARB_vertex_program and ARB_fragment_program with the operand shape its
 * specification gives it, and the operands themselves: destinations with
 * their write masks, sources with their signs and swizzles, array
 * indices (relative ones in vertex programs only), texture units and
 * targets.
 */
#include <string.h>

#include "arb-program-parse.h"

enum shape {
	VECTOR,   /* dst, swizzled src */
	SCALAR,   /* dst, scalar src */
	BINSC,    /* dst, scalar src, scalar src */
	BINARY,   /* dst, swizzled src x2 */
	TRINARY,  /* dst, swizzled src x3 */
	SWIZZLE,  /* dst, src, extended swizzle */
	SAMPLE,   /* dst, swizzled src, texture unit, target */
	KILL,     /* swizzled src */
	ADDRESS_, /* address register with mask .x, scalar src */
};

enum { VP = 1, FP = 2 };

static const struct opcode {
	char name[4];
	unsigned char shape, targets;
} opcodes[] = {
        {"ABS", VECTOR, VP | FP},  {"ADD", BINARY, VP | FP},  {"ARL", ADDRESS_, VP},
        {"CMP", TRINARY, FP},      {"COS", SCALAR, FP},       {"DP3", BINARY, VP | FP},
        {"DP4", BINARY, VP | FP},  {"DPH", BINARY, VP | FP},  {"DST", BINARY, VP | FP},
        {"EX2", SCALAR, VP | FP},  {"EXP", SCALAR, VP},       {"FLR", VECTOR, VP | FP},
        {"FRC", VECTOR, VP | FP},  {"KIL", KILL, FP},         {"LG2", SCALAR, VP | FP},
        {"LIT", VECTOR, VP | FP},  {"LOG", SCALAR, VP},       {"LRP", TRINARY, FP},
        {"MAD", TRINARY, VP | FP}, {"MAX", BINARY, VP | FP},  {"MIN", BINARY, VP | FP},
        {"MOV", VECTOR, VP | FP},  {"MUL", BINARY, VP | FP},  {"POW", BINSC, VP | FP},
        {"RCP", SCALAR, VP | FP},  {"RSQ", SCALAR, VP | FP},  {"SCS", SCALAR, FP},
        {"SGE", BINARY, VP | FP},  {"SIN", SCALAR, FP},       {"SLT", BINARY, VP | FP},
        {"SUB", BINARY, VP | FP},  {"SWZ", SWIZZLE, VP | FP}, {"TEX", SAMPLE, FP},
        {"TXB", SAMPLE, FP},       {"TXP", SAMPLE, FP},       {"XPD", BINARY, VP | FP},
};

/* The opcode the current token spells ("_SAT" after it in fragment
 * programs, but KIL's), or NULL. */
static const struct opcode *find_opcode(const struct arb_parser *p, bool *saturate)
{
	unsigned bit = p->target == GH_ARB_VERTEX_PROGRAM ? VP : FP;
	const char *s = p->lx.text + p->tok.pos;
	uint32_t len = p->tok.len;
	*saturate = false;
	if (p->tok.kind != ARB_TOK_NAME)
		return NULL;
	if (bit == FP && len == 7 && !memcmp(s + 3, "_SAT", 4)) {
		*saturate = true;
		len = 3;
	}
	if (len != 3)
		return NULL;
	for (size_t i = 0; i < sizeof(opcodes) / sizeof(opcodes[0]); i++) {
		if ((opcodes[i].targets & bit) && !memcmp(opcodes[i].name, s, 3))
			return *saturate && opcodes[i].shape == KILL ? NULL : &opcodes[i];
	}
	return NULL;
}

bool arb_is_opcode(const struct arb_parser *p)
{
	bool saturate;
	return find_opcode(p, &saturate) != NULL;
}

static bool is_punct(const struct arb_parser *p, char c)
{
	return p->tok.kind == ARB_TOK_PUNCT && p->tok.punct == c;
}

/* The index of component letter c in "xyzw" (or, in fragment programs,
 * "rgba"), or -1; *set says which. */
static int component(const struct arb_parser *p, char c, int *set)
{
	static const char sets[2][5] = {"xyzw", "rgba"};
	int sets_of_target = p->target == GH_ARB_FRAGMENT_PROGRAM ? 2 : 1;
	for (int s = 0; s < sets_of_target; s++) {
		const char *hit = memchr(sets[s], c, 4);
		if (hit) {
			*set = s;
			return (int)(hit - sets[s]);
		}
	}
	return -1;
}

/* The components of the current name token, all of one set, at most four;
 * `ordered`: a write mask, each after the one before. */
static bool components(struct arb_parser *p, bool ordered, uint32_t *count)
{
	const char *s = p->lx.text + p->tok.pos;
	int first_set = -1, last = -1;
	if (p->tok.kind != ARB_TOK_NAME || p->tok.len > 4)
		return arb_fail(p, p->tok.pos, "expected components");
	for (uint32_t i = 0; i < p->tok.len; i++) {
		int set, c = component(p, s[i], &set);
		if (c < 0 || (first_set >= 0 && set != first_set))
			return arb_fail(p, p->tok.pos + i, "bad component");
		if (ordered && c <= last)
			return arb_fail(p, p->tok.pos + i, "write mask out of order");
		first_set = set;
		last = c;
	}
	*count = p->tok.len;
	return arb_next(p);
}

static bool write_mask(struct arb_parser *p)
{
	uint32_t n;
	if (!is_punct(p, '.'))
		return true;
	return arb_next(p) && components(p, true, &n);
}

/* "" | "." one component | "." four (scalar: exactly one). */
static bool swizzle_suffix(struct arb_parser *p, bool scalar)
{
	uint32_t n, pos = p->tok.pos;
	if (!is_punct(p, '.'))
		return scalar ? arb_fail(p, pos, "expected a scalar component") : true;
	if (!arb_next(p) || !components(p, false, &n))
		return false;
	if (n != 1 && (scalar || n != 4))
		return arb_fail(p, pos,
		                scalar ? "expected one component" : "expected 1 or 4 components");
	return true;
}

/* A relative index (vertex programs): A.x, A.x + n, A.x - n. The spec
 * bounds n by 63 and 64; Mesa takes offsets up to its own limit (piglit's
 * vp-arl-constant-array-huge-relative-offset uses 109), so they are
 * bounded here by the parameters a program may have. */
static bool relative_index(struct arb_parser *p)
{
	const struct arb_name *a = arb_lookup(p);
	if (p->target != GH_ARB_VERTEX_PROGRAM || !a || a->kind != ARB_NAME_ADDRESS)
		return arb_fail(p, p->tok.pos, "expected an array index");
	if (!arb_next(p) || !arb_expect(p, '.') || !arb_expect_name(p, "x"))
		return false;
	if (!is_punct(p, '+') && !is_punct(p, '-'))
		return true;
	uint32_t max = p->limits->parameters;
	if (!arb_next(p))
		return false;
	if (p->tok.kind != ARB_TOK_INT || p->tok.value > max)
		return arb_fail(p, p->tok.pos, "expected an offset up to %u", max);
	return arb_next(p);
}

static bool array_element(struct arb_parser *p, const struct arb_name *array)
{
	if (!arb_expect(p, '['))
		return false;
	if (p->tok.kind == ARB_TOK_INT) {
		if (p->tok.value >= array->size)
			return arb_fail(p, p->tok.pos, "index past the array's %u", array->size);
		if (!arb_next(p))
			return false;
	} else if (!relative_index(p)) {
		return false;
	}
	return arb_expect(p, ']');
}

static bool named_source(struct arb_parser *p)
{
	const struct arb_name *n = arb_lookup(p);
	if (!n)
		return arb_fail(p, p->tok.pos, "undeclared name");
	switch (n->kind) {
	case ARB_NAME_ATTRIB:
	case ARB_NAME_PARAM:
	case ARB_NAME_TEMP:
		return arb_next(p);
	case ARB_NAME_PARAM_ARRAY:
		return arb_next(p) && array_element(p, n);
	default:
		return arb_fail(p, p->tok.pos, "not a source register");
	}
}

/* srcReg: a name, an attribute or parameter binding, or a constant. */
static bool source_register(struct arb_parser *p)
{
	bool vertex = p->target == GH_ARB_VERTEX_PROGRAM;
	if (p->tok.kind == ARB_TOK_INT || p->tok.kind == ARB_TOK_FLOAT || is_punct(p, '{'))
		return arb_constant(p);
	if (arb_is_name(p, vertex ? "vertex" : "fragment"))
		return arb_attrib_binding(p);
	if (arb_is_name(p, "state") || arb_is_name(p, "program"))
		return arb_single_param_binding(p);
	if (arb_is_name(p, "result"))
		return arb_fail(p, p->tok.pos, "results are written, never read");
	if (p->tok.kind != ARB_TOK_NAME)
		return arb_fail(p, p->tok.pos, "expected a source register");
	return named_source(p);
}

static bool source(struct arb_parser *p, bool scalar)
{
	if ((is_punct(p, '-') || is_punct(p, '+')) && !arb_next(p))
		return false;
	return source_register(p) && swizzle_suffix(p, scalar);
}

static bool destination(struct arb_parser *p)
{
	if (arb_is_name(p, "result"))
		return arb_result_binding(p) && write_mask(p);
	const struct arb_name *n = arb_lookup(p);
	if (!n || (n->kind != ARB_NAME_TEMP && n->kind != ARB_NAME_OUTPUT))
		return arb_fail(p, p->tok.pos, "expected a temporary or an output");
	return arb_next(p) && write_mask(p);
}

static bool address_destination(struct arb_parser *p)
{
	const struct arb_name *n = arb_lookup(p);
	if (!n || n->kind != ARB_NAME_ADDRESS)
		return arb_fail(p, p->tok.pos, "expected an address register");
	return arb_next(p) && arb_expect(p, '.') && arb_expect_name(p, "x");
}

/* Four of 0, 1 or a component, each signed or not, the components all of
 * one set. */
static bool extended_swizzle(struct arb_parser *p)
{
	int first_set = -1;
	for (int i = 0; i < 4; i++) {
		int set = -1;
		if (i && !arb_expect(p, ','))
			return false;
		if ((is_punct(p, '-') || is_punct(p, '+')) && !arb_next(p))
			return false;
		bool ok = (p->tok.kind == ARB_TOK_INT && p->tok.value <= 1 && p->tok.len == 1) ||
		          (p->tok.kind == ARB_TOK_NAME && p->tok.len == 1 &&
		           component(p, p->lx.text[p->tok.pos], &set) >= 0);
		if (!ok)
			return arb_fail(p, p->tok.pos, "expected 0, 1 or a component");
		if (set >= 0 && first_set >= 0 && set != first_set)
			return arb_fail(p, p->tok.pos, "components of two sets");
		if (set >= 0)
			first_set = set;
		if (!arb_next(p))
			return false;
	}
	return true;
}

/* The target of TEX, TXB, TXP: its index in `targets` + 1, or 0 (refused). */
static unsigned texture_target(struct arb_parser *p)
{
	static const char *const targets[] = {"1D",   "2D",       "3D",       "CUBE",
	                                      "RECT", "SHADOW1D", "SHADOW2D", "SHADOWRECT"};
	bool rect = p->limits->options & GH_ARB_OPTION_TEXTURE_RECTANGLE;
	bool shadow = p->options_named & GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW;
	for (unsigned i = 0; i < 8; i++) {
		if (!arb_is_name(p, targets[i]))
			continue;
		if ((i == 4 || i == 7) && !rect)
			break;
		if (i >= 5 && !shadow)
			break;
		return arb_next(p) ? i + 1 : 0;
	}
	arb_fail(p, p->tok.pos, "expected a texture target");
	return 0;
}

/* texture[n], target: one unit is sampled with one target throughout. */
static bool texture_unit_and_target(struct arb_parser *p)
{
	uint32_t n = 0;
	if (!arb_expect_name(p, "texture"))
		return false;
	if (is_punct(p, '[') &&
	    !arb_index(p, p->limits->texture_image_units, "texture image unit", &n))
		return false;
	if (!arb_expect(p, ','))
		return false;
	uint32_t pos = p->tok.pos;
	unsigned target = texture_target(p);
	if (!target)
		return false;
	if (n < ARB_TRACKED_UNITS) {
		if (p->unit_targets[n] && p->unit_targets[n] != target)
			return arb_fail(p, pos, "texture unit %u sampled with two targets", n);
		p->unit_targets[n] = (uint8_t)target;
	}
	return true;
}

static bool operands(struct arb_parser *p, enum shape shape)
{
	switch (shape) {
	case VECTOR:
		return destination(p) && arb_expect(p, ',') && source(p, false);
	case SCALAR:
		return destination(p) && arb_expect(p, ',') && source(p, true);
	case BINSC:
		return destination(p) && arb_expect(p, ',') && source(p, true) &&
		       arb_expect(p, ',') && source(p, true);
	case BINARY:
		return destination(p) && arb_expect(p, ',') && source(p, false) &&
		       arb_expect(p, ',') && source(p, false);
	case TRINARY:
		return destination(p) && arb_expect(p, ',') && source(p, false) &&
		       arb_expect(p, ',') && source(p, false) && arb_expect(p, ',') &&
		       source(p, false);
	case SWIZZLE:
		return destination(p) && arb_expect(p, ',') && source_register(p) &&
		       arb_expect(p, ',') && extended_swizzle(p);
	case SAMPLE:
		return destination(p) && arb_expect(p, ',') && source(p, false) &&
		       arb_expect(p, ',') && texture_unit_and_target(p);
	case KILL:
		return source(p, false);
	case ADDRESS_:
		return address_destination(p) && arb_expect(p, ',') && source(p, true);
	}
	return arb_fail(p, p->tok.pos, "unknown instruction shape");
}

bool arb_instruction(struct arb_parser *p)
{
	bool saturate;
	const struct opcode *op = find_opcode(p, &saturate);
	if (!op)
		return arb_fail(p, p->tok.pos, "unknown instruction");
	if (++p->instructions > p->limits->instructions)
		return arb_fail(p, p->tok.pos, "more than %u instructions",
		                p->limits->instructions);
	return arb_next(p) && operands(p, (enum shape)op->shape);
}
