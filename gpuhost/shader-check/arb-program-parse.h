/*
 * What the files of the ARB program check share (arb-program-check.h
 * says what the check is): the tokenizer, the parser's state, and the
 * binding parsers. Private to gpuhost/gl.
 */
#ifndef GH_ARB_PROGRAM_PARSE_H
#define GH_ARB_PROGRAM_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arb-program-check.h"

enum arb_tok_kind {
	ARB_TOK_EOF,   /* the end of the text */
	ARB_TOK_NAME,  /* [A-Za-z_$][A-Za-z0-9_$]*, and 1D, 2D, 3D */
	ARB_TOK_INT,   /* digits alone */
	ARB_TOK_FLOAT, /* digits with a point or an exponent */
	ARB_TOK_PUNCT, /* ; , . [ ] { } = + - and ".." (spelled 'R') */
	ARB_TOK_ERROR, /* a byte no token starts with, or a malformed one */
};

struct arb_tok {
	enum arb_tok_kind kind;
	uint32_t pos, len; /* within the text */
	char punct;        /* ARB_TOK_PUNCT */
	uint32_t value;    /* ARB_TOK_INT, saturated at UINT32_MAX */
};

struct arb_lexer {
	const char *text;
	uint32_t len, pos;
};

/* The token at lx->pos, lx->pos moved past it; at the end, ARB_TOK_EOF
 * over and over. An ARB_TOK_ERROR leaves lx->pos on the bad byte. */
struct arb_tok arb_lex(struct arb_lexer *lx);

/* What a declared name stands for. */
enum arb_name_kind {
	ARB_NAME_ATTRIB,
	ARB_NAME_PARAM,       /* one vector */
	ARB_NAME_PARAM_ARRAY, /* size vectors */
	ARB_NAME_TEMP,
	ARB_NAME_ADDRESS,
	ARB_NAME_OUTPUT,
};

struct arb_name {
	uint32_t pos, len; /* the name's spelling in the text; len 0: a free slot */
	enum arb_name_kind kind;
	uint32_t size; /* ARB_NAME_PARAM_ARRAY */
};

/* OPTION bits beyond gh_arb_program_option's, kept in options_named. */
enum {
	ARB_OPTION_POSITION_INVARIANT = 1u << 8,
	ARB_OPTION_FOG = 1u << 9,
	ARB_OPTION_PRECISION_HINT = 1u << 10,
	ARB_OPTION_ORIGIN_UPPER_LEFT = 1u << 11,
	ARB_OPTION_PIXEL_CENTER_INTEGER = 1u << 12,
};

/* Texture units whose target is remembered (see unit_targets). */
#define ARB_TRACKED_UNITS 64u

struct arb_parser {
	struct arb_lexer lx;
	struct arb_tok tok; /* the current token */
	enum gh_arb_program_target target;
	const struct gh_arb_program_limits *limits;
	struct gh_arb_program_verdict *err;
	bool failed;
	/* Names: an open-addressed table of `cap` slots (a power of two). */
	struct arb_name *names;
	uint32_t cap, count;
	/* What the text declared and used, against the limits. */
	uint32_t instructions, temporaries, parameters, attribs, address_registers;
	unsigned options_named;   /* OPTION lines seen (gh_ and ARB_OPTION_ bits) */
	uint8_t option_chosen[3]; /* per group of exclusive options, its index + 1 */
	/* Rules of the specifications a grammar cannot say. A vertex
	 * program may not read a conventional attribute and the generic one
	 * it aliases (bits: generic attribute numbers, the conventional ones
	 * at theirs: position 0, normal 2, colours 3 and 4, fog 5, texture
	 * coordinates 8 on). A fragment program may not sample one texture
	 * unit with two targets (index + 1 of the target, per unit). */
	uint64_t conventional_attribs, generic_attribs;
	uint8_t unit_targets[ARB_TRACKED_UNITS];
};

/* Refuses the text at `pos`: the first refusal is kept. Returns false. */
bool arb_fail(struct arb_parser *p, uint32_t pos, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Moves to the next token; false (refused) on a tokenizer error. */
bool arb_next(struct arb_parser *p);

/* Whether the current token is the name `word` (case-sensitive). */
bool arb_is_name(const struct arb_parser *p, const char *word);

/* Takes the punctuation `c` or refuses the text. */
bool arb_expect(struct arb_parser *p, char c);

/* Takes the name `word` or refuses the text. */
bool arb_expect_name(struct arb_parser *p, const char *word);

/* Takes "[" n "]" with n < limit (what: for the message); *n set. */
bool arb_index(struct arb_parser *p, uint32_t limit, const char *what, uint32_t *n);

/* The declared name spelled by the current token, or NULL. */
const struct arb_name *arb_lookup(const struct arb_parser *p);

/* One instruction, its opcode the current token (arb-program-ops.c); the
 * current token is its ";" after. */
bool arb_instruction(struct arb_parser *p);

/* Whether the current token names an instruction of the target. */
bool arb_is_opcode(const struct arb_parser *p);

/* Bindings (arb-program-bindings.c); the current token is the first
 * name of the binding ("vertex", "state", ...), and is past it after. */

/* vertex.* or fragment.*, as the target has them. */
bool arb_attrib_binding(struct arb_parser *p);

/* result.*, as the target has it. */
bool arb_result_binding(struct arb_parser *p);

/* One vector of state.*, program.env[n] or program.local[n]. */
bool arb_single_param_binding(struct arb_parser *p);

/* state.* or program.* in a PARAM array's list: *slots set to the
 * vectors it stands for (matrix rows, env ranges). */
bool arb_multiple_param_binding(struct arb_parser *p, uint32_t *slots);

/* A constant: a signed float, or "{" one to four of them "}". */
bool arb_constant(struct arb_parser *p);

#endif
