/*
 * The bindings of ARB programs (arb-program-parse.h): the GL state, the
 * program parameters, vertex and fragment attributes and results a
 * program names, each index checked against the driver's limits. The
 * state items are those both specifications list; a driver offering
 * both extensions takes each in either kind of program.
 *
 * vertex.weight, vertex.matrixindex and state.matrix.palette need
 * ARB_vertex_blend and ARB_matrix_palette, which gpupipe does not offer:
 * they are refused, as is state.matrix.modelview[n] past 0.
 */
#include <string.h>

#include "arb-program-parse.h"

/* Takes ".name" where `name` is one of the NULL-ended `words`; *which set. */
static bool dot_one_of(struct arb_parser *p, const char *const *words, const char *what,
                       unsigned *which)
{
	if (!arb_expect(p, '.'))
		return false;
	for (unsigned i = 0; words[i]; i++) {
		if (arb_is_name(p, words[i])) {
			*which = i;
			return arb_next(p);
		}
	}
	return arb_fail(p, p->tok.pos, "expected %s", what);
}

static bool is_dot_then(struct arb_parser *p, const char *const *words)
{
	if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != '.')
		return false;
	struct arb_lexer peek = p->lx;
	struct arb_tok t = arb_lex(&peek);
	if (t.kind != ARB_TOK_NAME)
		return false;
	for (unsigned i = 0; words[i]; i++) {
		if (strlen(words[i]) == t.len && !memcmp(p->lx.text + t.pos, words[i], t.len))
			return true;
	}
	return false;
}

/* An optional ".words[i]" (a face or colour type): taken when there. */
static bool opt_dot(struct arb_parser *p, const char *const *words)
{
	unsigned which;
	if (!is_dot_then(p, words))
		return true;
	return dot_one_of(p, words, "a qualifier", &which);
}

static const char *const faces[] = {"front", "back", NULL};
static const char *const colour_types[] = {"primary", "secondary", NULL};

/* An optional "[n]" with n < limit. */
static bool opt_index(struct arb_parser *p, uint32_t limit, const char *what)
{
	uint32_t n;
	if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != '[')
		return true;
	return arb_index(p, limit, what, &n);
}

/* Notes a vertex attribute read as generic (vertex.attrib[n]) or as the
 * conventional one at `slot`; refuses one read both ways. */
static bool note_attrib(struct arb_parser *p, bool generic, uint32_t slot, uint32_t pos)
{
	if (slot >= 64)
		return true;
	uint64_t bit = (uint64_t)1 << slot;
	if (generic)
		p->generic_attribs |= bit;
	else
		p->conventional_attribs |= bit;
	if (p->generic_attribs & p->conventional_attribs)
		return arb_fail(p, pos, "a conventional attribute and its generic alias both read");
	return true;
}

bool arb_attrib_binding(struct arb_parser *p)
{
	const struct gh_arb_program_limits *l = p->limits;
	bool vertex = p->target == GH_ARB_VERTEX_PROGRAM;
	static const char *const vertex_items[] = {"position", "normal", "fogcoord", "color",
	                                           "texcoord", "attrib", NULL};
	static const char *const fragment_items[] = {"position", "fogcoord", "color", "texcoord",
	                                             NULL};
	/* The generic attribute each conventional one of vertex_items aliases. */
	static const uint32_t vertex_slots[] = {0, 2, 5, 3, 8};
	unsigned which;
	uint32_t pos = p->tok.pos, n = 0;
	if (!arb_expect_name(p, vertex ? "vertex" : "fragment") ||
	    !dot_one_of(p, vertex ? vertex_items : fragment_items,
	                vertex ? "a vertex attribute" : "a fragment attribute", &which))
		return false;
	const char *item = (vertex ? vertex_items : fragment_items)[which];
	bool ok = true;
	uint32_t slot = vertex && which < 5 ? vertex_slots[which] : 0;
	if (!strcmp(item, "color")) {
		slot += is_dot_then(p, colour_types + 1);
		ok = opt_dot(p, colour_types);
	} else if (!strcmp(item, "texcoord")) {
		if (p->tok.kind == ARB_TOK_PUNCT && p->tok.punct == '[')
			ok = arb_index(p, l->texture_coords, "texture coordinate set", &n);
		slot += n;
	} else if (!strcmp(item, "attrib")) {
		ok = arb_index(p, l->vertex_attribs, "vertex attribute", &n);
		slot = n;
	}
	return ok && (!vertex || note_attrib(p, !strcmp(item, "attrib"), slot, pos));
}

bool arb_result_binding(struct arb_parser *p)
{
	const struct gh_arb_program_limits *l = p->limits;
	static const char *const vertex_items[] = {"position", "fogcoord", "pointsize",
	                                           "color",    "texcoord", NULL};
	static const char *const fragment_items[] = {"color", "depth", NULL};
	bool vertex = p->target == GH_ARB_VERTEX_PROGRAM;
	unsigned which;
	uint32_t pos = p->tok.pos;
	if (!arb_expect_name(p, "result") ||
	    !dot_one_of(p, vertex ? vertex_items : fragment_items, "a result", &which))
		return false;
	const char *item = (vertex ? vertex_items : fragment_items)[which];
	if (vertex && !strcmp(item, "position") &&
	    (p->options_named & ARB_OPTION_POSITION_INVARIANT))
		return arb_fail(p, pos, "result.position written by a position-invariant program");
	if (vertex && !strcmp(item, "color"))
		return opt_dot(p, faces) && opt_dot(p, colour_types);
	if (vertex && !strcmp(item, "texcoord"))
		return opt_index(p, l->texture_coords, "texture coordinate set");
	if (!vertex && !strcmp(item, "color") && p->tok.kind == ARB_TOK_PUNCT &&
	    p->tok.punct == '[') {
		if (!(p->options_named & GH_ARB_OPTION_DRAW_BUFFERS))
			return arb_fail(p, p->tok.pos,
			                "result.color[n] needs OPTION ARB_draw_buffers");
		return opt_index(p, l->draw_buffers, "draw buffer");
	}
	return true;
}

/* "[" a ".." b "]" or "[" a "]", each below `limit`, a <= b; *slots the
 * count. */
static bool index_range(struct arb_parser *p, uint32_t limit, const char *what, uint32_t *slots)
{
	if (!arb_expect(p, '['))
		return false;
	if (p->tok.kind != ARB_TOK_INT || p->tok.value >= limit)
		return arb_fail(p, p->tok.pos, "expected a %s index below %u", what, limit);
	uint32_t a = p->tok.value, b = a;
	if (!arb_next(p))
		return false;
	if (p->tok.kind == ARB_TOK_PUNCT && p->tok.punct == 'R') {
		if (!arb_next(p))
			return false;
		if (p->tok.kind != ARB_TOK_INT || p->tok.value >= limit || p->tok.value < a)
			return arb_fail(p, p->tok.pos, "bad %s range", what);
		b = p->tok.value;
		if (!arb_next(p))
			return false;
	}
	*slots = b - a + 1;
	return arb_expect(p, ']');
}

/* program.env[..] or program.local[..]: ranges only in PARAM arrays. */
static bool program_binding(struct arb_parser *p, bool multiple, uint32_t *slots)
{
	static const char *const kinds[] = {"env", "local", NULL};
	unsigned which;
	if (!arb_expect_name(p, "program") || !dot_one_of(p, kinds, "env or local", &which))
		return false;
	uint32_t limit = which == 0 ? p->limits->env_parameters : p->limits->local_parameters;
	const char *what = which == 0 ? "program.env" : "program.local";
	if (multiple)
		return index_range(p, limit, what, slots);
	*slots = 1;
	uint32_t n;
	return arb_index(p, limit, what, &n);
}

/* matrix.name[.modifier]; then ".row[n]" (single) or optionally
 * ".row[a..b]" (multiple: *slots 4 without rows). */
static bool matrix_item(struct arb_parser *p, bool multiple, uint32_t *slots)
{
	const struct gh_arb_program_limits *l = p->limits;
	static const char *const names[] = {"modelview", "projection", "mvp",
	                                    "texture",   "program",    NULL};
	static const char *const modifiers[] = {"inverse", "transpose", "invtrans", NULL};
	static const char *const row[] = {"row", NULL};
	unsigned which;
	if (!dot_one_of(p, names, "a matrix name", &which))
		return false;
	if (which == 0 && !opt_index(p, 1, "modelview matrix (without ARB_vertex_blend)"))
		return false;
	if (which == 3 && !opt_index(p, l->texture_units, "texture unit"))
		return false;
	uint32_t n;
	if (which == 4 && !arb_index(p, l->program_matrices, "program matrix", &n))
		return false;
	if (!opt_dot(p, modifiers))
		return false;
	if (multiple && !is_dot_then(p, row)) {
		*slots = 4;
		return true;
	}
	if (!dot_one_of(p, row, "row", &which))
		return false;
	if (multiple)
		return index_range(p, 4, "matrix row", slots);
	*slots = 1;
	return arb_index(p, 4, "matrix row", &n);
}

static bool light_item(struct arb_parser *p)
{
	static const char *const props[] = {"ambient",     "diffuse", "specular", "position",
	                                    "attenuation", "spot",    "half",     NULL};
	static const char *const spot[] = {"direction", NULL};
	unsigned which;
	uint32_t n;
	if (!arb_index(p, p->limits->lights, "light", &n) ||
	    !dot_one_of(p, props, "a light property", &which))
		return false;
	if (which == 5)
		return dot_one_of(p, spot, "direction", &which);
	return true;
}

static bool state_item(struct arb_parser *p, const char *item)
{
	const struct gh_arb_program_limits *l = p->limits;
	static const char *const material[] = {"ambient",  "diffuse",   "specular",
	                                       "emission", "shininess", NULL};
	static const char *const lightmodel[] = {"ambient", "scenecolor", NULL};
	static const char *const scenecolor[] = {"scenecolor", NULL};
	static const char *const lightprod[] = {"ambient", "diffuse", "specular", NULL};
	static const char *const texgen_type[] = {"eye", "object", NULL};
	static const char *const texgen_coord[] = {"s", "t", "r", "q", NULL};
	static const char *const fog[] = {"color", "params", NULL};
	static const char *const plane[] = {"plane", NULL};
	static const char *const point[] = {"size", "attenuation", NULL};
	static const char *const color[] = {"color", NULL};
	static const char *const range[] = {"range", NULL};
	unsigned which;
	uint32_t n;
	if (!strcmp(item, "material"))
		return opt_dot(p, faces) && dot_one_of(p, material, "a material property", &which);
	if (!strcmp(item, "light"))
		return light_item(p);
	if (!strcmp(item, "lightmodel")) {
		if (is_dot_then(p, faces))
			return opt_dot(p, faces) && dot_one_of(p, scenecolor, "scenecolor", &which);
		return dot_one_of(p, lightmodel, "ambient or scenecolor", &which);
	}
	if (!strcmp(item, "lightprod"))
		return arb_index(p, l->lights, "light", &n) && opt_dot(p, faces) &&
		       dot_one_of(p, lightprod, "a light product", &which);
	if (!strcmp(item, "texgen"))
		return opt_index(p, l->texture_units, "texture unit") &&
		       dot_one_of(p, texgen_type, "eye or object", &which) &&
		       dot_one_of(p, texgen_coord, "s, t, r or q", &which);
	if (!strcmp(item, "texenv"))
		return opt_index(p, l->texture_units, "texture unit") &&
		       dot_one_of(p, color, "color", &which);
	if (!strcmp(item, "fog"))
		return dot_one_of(p, fog, "color or params", &which);
	if (!strcmp(item, "clip"))
		return arb_index(p, l->clip_planes, "clip plane", &n) &&
		       dot_one_of(p, plane, "plane", &which);
	if (!strcmp(item, "point"))
		return dot_one_of(p, point, "size or attenuation", &which);
	if (!strcmp(item, "depth"))
		return dot_one_of(p, range, "range", &which);
	return arb_fail(p, p->tok.pos, "unknown state item");
}

static bool state_binding(struct arb_parser *p, bool multiple, uint32_t *slots)
{
	static const char *const items[] = {"material", "light",  "lightmodel", "lightprod",
	                                    "texgen",   "texenv", "fog",        "clip",
	                                    "point",    "depth",  "matrix",     NULL};
	unsigned which;
	if (!arb_expect_name(p, "state") || !dot_one_of(p, items, "a state item", &which))
		return false;
	if (!strcmp(items[which], "matrix"))
		return matrix_item(p, multiple, slots);
	*slots = 1;
	return state_item(p, items[which]);
}

bool arb_single_param_binding(struct arb_parser *p)
{
	uint32_t slots;
	if (arb_is_name(p, "state"))
		return state_binding(p, false, &slots);
	return program_binding(p, false, &slots);
}

bool arb_multiple_param_binding(struct arb_parser *p, uint32_t *slots)
{
	if (arb_is_name(p, "state"))
		return state_binding(p, true, slots);
	return program_binding(p, true, slots);
}

static bool signed_float(struct arb_parser *p)
{
	if (p->tok.kind == ARB_TOK_PUNCT && (p->tok.punct == '-' || p->tok.punct == '+') &&
	    !arb_next(p))
		return false;
	if (p->tok.kind != ARB_TOK_INT && p->tok.kind != ARB_TOK_FLOAT)
		return arb_fail(p, p->tok.pos, "expected a number");
	return arb_next(p);
}

bool arb_constant(struct arb_parser *p)
{
	if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != '{')
		return signed_float(p);
	if (!arb_next(p))
		return false;
	for (unsigned i = 0; i < 4; i++) {
		if (!signed_float(p))
			return false;
		if (p->tok.kind != ARB_TOK_PUNCT || p->tok.punct != ',')
			break;
		if (i == 3)
			return arb_fail(p, p->tok.pos, "more than four components");
		if (!arb_next(p))
			return false;
	}
	return arb_expect(p, '}');
}
