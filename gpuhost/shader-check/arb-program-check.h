/*
 * The check of ARB assembly program text (ARB_vertex_program 1.0,
 * ARB_fragment_program 1.0) before the driver sees a byte of it: a strict
 * tokenizer (arb-program-lex.c) and a recursive-descent parser written from
 * the grammars of the two specifications (arb-program-check.c for
 * statements and instructions, arb-program-bindings.c for state.*,
 * program.*, vertex.*, fragment.* and result.*).
 *
 * It takes a subset of what a driver takes: every statement of the
 * grammars, each index within the limits the driver reports, and only the
 * OPTIONs gpupipe offers; and of the rules the grammars cannot say, those
 * a driver would refuse the text for: a conventional vertex attribute read
 * with its generic alias, result.position written under
 * ARB_position_invariant, a texture unit sampled with two targets. Text
 * after END is ignored, as the specifications say, but a NUL byte anywhere
 * is refused. What it accepts still goes to the driver, which stays the
 * authority (it may refuse more: native limits, SCS write masks, a
 * parameter bound twice in a relatively addressed array, ...). It takes
 * every program piglit's asmparsertest expects to compile (but those of NV
 * options) and refuses every one it expects to fail but the one of a
 * parameter bound twice. The parser never recurses: the grammars nest to a
 * fixed depth, so it is a handful of functions per statement, and every
 * read is bounded by the text's length.
 */
#ifndef GH_ARB_PROGRAM_CHECK_H
#define GH_ARB_PROGRAM_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of program text taken: a program of the most instructions a driver
 * takes (16384 on Mesa) in lines of 64 bytes. Generated programs are long:
 * piglit's fp-long-alu loads 12293 instructions in more than 512 KiB. The
 * check is linear in the text; the bound is about the memory a program's
 * text holds in the driver while its name lives (twice a GLSL shader's,
 * GH_SHADER_MAX_SOURCE; the names quota bounds how many live). */
#define GH_ARB_PROGRAM_MAX_TEXT (1u << 20)

/* Characters of one identifier (the specifications set none). */
#define GH_ARB_PROGRAM_MAX_NAME 255u

enum gh_arb_program_target {
	GH_ARB_VERTEX_PROGRAM,   /* "!!ARBvp1.0" */
	GH_ARB_FRAGMENT_PROGRAM, /* "!!ARBfp1.0" */
};

/* The OPTIONs a program may name beyond those of its own specification
 * (ARB_position_invariant for vertex programs; ARB_fog_* and
 * ARB_precision_hint_* for fragment programs), each only where the
 * context offers the extension. */
enum gh_arb_program_option {
	GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW = 1u << 0, /* SHADOW1D/2D/RECT targets */
	GH_ARB_OPTION_DRAW_BUFFERS = 1u << 1,            /* result.color[n] */
	GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS = 1u << 2,
	GH_ARB_OPTION_TEXTURE_RECTANGLE = 1u << 3, /* the RECT target (no OPTION line) */
};

/* The driver's limits for the target (glGetProgramivARB's GL_MAX_PROGRAM_*
 * and glGetIntegerv's), each index of the text checked against them; a 0
 * refuses every index of that kind. */
struct gh_arb_program_limits {
	uint32_t instructions;        /* GL_MAX_PROGRAM_INSTRUCTIONS_ARB */
	uint32_t temporaries;         /* GL_MAX_PROGRAM_TEMPORARIES_ARB: TEMP names */
	uint32_t parameters;          /* GL_MAX_PROGRAM_PARAMETERS_ARB: PARAM slots declared */
	uint32_t attribs;             /* GL_MAX_PROGRAM_ATTRIBS_ARB: ATTRIB names */
	uint32_t address_registers;   /* GL_MAX_PROGRAM_ADDRESS_REGISTERS_ARB (vertex) */
	uint32_t env_parameters;      /* GL_MAX_PROGRAM_ENV_PARAMETERS_ARB */
	uint32_t local_parameters;    /* GL_MAX_PROGRAM_LOCAL_PARAMETERS_ARB */
	uint32_t vertex_attribs;      /* GL_MAX_VERTEX_ATTRIBS_ARB: vertex.attrib[n] */
	uint32_t texture_coords;      /* GL_MAX_TEXTURE_COORDS_ARB: texcoord[n] */
	uint32_t texture_units;       /* GL_MAX_TEXTURE_UNITS: texgen, texenv, matrix.texture */
	uint32_t texture_image_units; /* GL_MAX_TEXTURE_IMAGE_UNITS_ARB: texture[n] */
	uint32_t lights;              /* GL_MAX_LIGHTS */
	uint32_t clip_planes;         /* GL_MAX_CLIP_PLANES */
	uint32_t program_matrices;    /* GL_MAX_PROGRAM_MATRICES_ARB: matrix.program[n] */
	uint32_t draw_buffers;        /* GL_MAX_DRAW_BUFFERS: result.color[n] */
	unsigned options;             /* gh_arb_program_option bits */
};

/* What the check found. Refused: the byte offset of the offending token
 * (as GL_PROGRAM_ERROR_POSITION_ARB reports it) and a message for
 * GL_PROGRAM_ERROR_STRING_ARB. Taken: `end`, the length of the text through
 * its END and the blanks after it, all the driver may be given (it would
 * parse what follows, which the check never read). */
struct gh_arb_program_verdict {
	uint32_t position;
	char message[160];
	uint32_t end;
};

/* Checks `len` bytes of `text` (no NUL needed) as a program of `target`;
 * true when the driver may see it, else false with *err set. */
bool gh_arb_program_check(enum gh_arb_program_target target,
                          const struct gh_arb_program_limits *limits, const char *text, size_t len,
                          struct gh_arb_program_verdict *err);

#endif
