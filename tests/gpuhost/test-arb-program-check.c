/*
 * The ARB assembly program check (gpuhost/shader-check/arb-program-check.h) on
 * legitimate programs and on hostile text: garbage, truncations, mutations,
 * huge counts and indices, bytes no program has. Each case is one meson
 * test; the program takes the case's name. "corpus FILE..." checks each
 * file as a program (its first line says which kind) and prints the
 * verdicts: a tool for comparing with a driver by hand.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "arb-program-check.h"

#define VP GH_ARB_VERTEX_PROGRAM
#define FP GH_ARB_FRAGMENT_PROGRAM

/* llvmpipe's limits (Mesa 22.3), with every option offered. */
static const struct gh_arb_program_limits limits = {
        .instructions = 16384,
        .temporaries = 4096,
        .parameters = 4096,
        .attribs = 16,
        .address_registers = 1,
        .env_parameters = 256,
        .local_parameters = 4096,
        .vertex_attribs = 16,
        .texture_coords = 8,
        .texture_units = 8,
        .texture_image_units = 80,
        .lights = 8,
        .clip_planes = 8,
        .program_matrices = 8,
        .draw_buffers = 8,
        .options = GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW | GH_ARB_OPTION_DRAW_BUFFERS |
                   GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS | GH_ARB_OPTION_TEXTURE_RECTANGLE,
};

static bool check_n(enum gh_arb_program_target t, const char *text, size_t len,
                    struct gh_arb_program_verdict *err)
{
	return gh_arb_program_check(t, &limits, text, len, err);
}

static bool accepted(enum gh_arb_program_target t, const char *text)
{
	struct gh_arb_program_verdict err;
	CHECK(check_n(t, text, strlen(text), &err), "refused at %u: %s\n---\n%s", err.position,
	      err.message, text);
	return true;
}

/* Refused at `pos` (or anywhere: UINT32_MAX), the message holding `what`. */
static bool refused_at(enum gh_arb_program_target t, const char *text, size_t len, uint32_t pos,
                       const char *what)
{
	struct gh_arb_program_verdict err;
	CHECK(!check_n(t, text, len, &err), "accepted\n---\n%.*s", (int)len, text);
	CHECK((pos == UINT32_MAX || err.position == pos) && strstr(err.message, what),
	      "refused at %u (wanted %u): %s (wanted %s)", err.position, pos, err.message, what);
	CHECK(memchr(err.message, 0, sizeof(err.message)), "message not terminated");
	return true;
}

static const char *const vertex_programs[] = {
        "!!ARBvp1.0\nOPTION ARB_position_invariant;\nEND\n",
        "!!ARBvp1.0\n"
        "# a comment\n"
        "ATTRIB pos = vertex.position;\n"
        "PARAM mvp[4] = { state.matrix.mvp };\n"
        "PARAM rows[] = { state.matrix.modelview.invtrans.row[0..2], program.env[1..3], 1.5,"
        " {1, -2, 3e2, .5} };\n"
        "PARAM c = program.local[7];\n"
        "TEMP r0, r1;\n"
        "ADDRESS a0;\n"
        "OUTPUT col = result.color.front.secondary;\n"
        "ALIAS t = r0;\n"
        "DP4 result.position.x, mvp[0], pos;\n"
        "DP4 result.position.y, mvp[1], pos;\n"
        "DP4 result.position.zw, mvp[2].xyzw, -pos.wzyx;\n"
        "ARL a0.x, c.y;\n"
        "MOV r1, rows[a0.x + 2];\n"
        "MOV r1, rows[a0.x - 64];\n"
        "MOV r1, rows[a0.x + 109];\n"
        "MOV r1, rows[a0.x];\n"
        "SWZ t.xyw, vertex.attrib[15], 0, -1, x, -w;\n"
        "MAD r0, vertex.color.secondary, state.light[7].spot.direction, {0.25};\n"
        "POW r1.x, r0.x, state.material.back.shininess.x;\n"
        "EXP r1, r0.w; LOG r1, -r0.w; LIT r1, r0; DST r1, r0, r1; XPD r1, r0, r1;\n"
        "MUL col, state.lightprod[0].front.diffuse, state.lightmodel.front.scenecolor;\n"
        "MOV result.texcoord[7], state.texgen[7].eye.q;\n"
        "MOV result.texcoord, state.clip[7].plane;\n"
        "MOV result.pointsize, state.point.attenuation;\n"
        "MOV result.fogcoord.x, state.fog.params;\n"
        "MOV result.color.back, state.matrix.program[7].transpose.row[3];\n"
        "END\n# after END anything goes: @@@ \x7f\n",
};

static const char *const fragment_programs[] = {
        "!!ARBfp1.0\nOPTION ARB_fragment_coord_pixel_center_integer;\n"
        "MOV result.color, {0.0, 0.0, 0.0, 0.0};\nFRC result.color.xy, fragment.position;\n"
        "END\n",
        "!!ARBfp1.0\n"
        "OPTION ARB_fog_exp2;\nOPTION ARB_precision_hint_nicest;\n"
        "OPTION ARB_fragment_program_shadow;\nOPTION ARB_draw_buffers;\n"
        "OPTION ARB_fragment_coord_origin_upper_left;\n"
        "ATTRIB tc = fragment.texcoord[3];\n"
        "PARAM p[] = { state.texenv[1].color, state.depth.range, state.fog.color, "
        "program.env[0..255] };\n"
        "TEMP r, s;\n"
        "OUTPUT o = result.color[3];\n"
        "TEX_SAT r, tc, texture[31], 2D;\n"
        "TXP r.rgb, -tc.abgr, texture, CUBE;\n"
        "TXB r, tc, texture[2], SHADOW2D;\n"
        "TEX r, tc, texture[3], RECT;\n"
        "TEX r, tc, texture[64], 3D;\nTEX r, tc, texture[64], 1D;\n"
        "KIL -r.xyzw;\n"
        "CMP_SAT r, r, s.x, p[255];\n"
        "LRP s, r, s, fragment.color.secondary;\n"
        "SCS s.xy, r.x; SIN s, r.g; COS s.z, -r.a;\n"
        "SWZ o, s, 1, r, -0, +a;\n"
        "MOV result.depth.z, fragment.fogcoord.x;\n"
        "END",
};

static bool legitimate_programs_are_accepted(void)
{
	for (size_t i = 0; i < sizeof(vertex_programs) / sizeof(vertex_programs[0]); i++) {
		if (!accepted(VP, vertex_programs[i]))
			return false;
	}
	for (size_t i = 0; i < sizeof(fragment_programs) / sizeof(fragment_programs[0]); i++) {
		if (!accepted(FP, fragment_programs[i]))
			return false;
	}
	return true;
}

static bool each_mistake_is_refused_where_it_stands(void)
{
	static const struct {
		enum gh_arb_program_target t;
		const char *text, *what;
		uint32_t pos;
	} cases[] = {
	        {VP, "!!ARBfp1.0\nEND", "expected !!ARBvp1.0", 0},
	        {FP, " !!ARBfp1.0\nEND", "expected !!ARBfp1.0", 0},
	        {VP, "!!ARBvp1.0\nMOV result.position, vertex.position\nEND", "expected ';'", 48},
	        {VP, "!!ARBvp1.0\nMOV result.position, vertex.position;", "no END", 48},
	        {VP, "!!ARBvp1.0\nFOO r, r;\nEND", "unknown instruction", 11},
	        {VP, "!!ARBvp1.0\nTEX r, r;\nEND", "unknown instruction", 11},
	        {FP, "!!ARBfp1.0\nKIL_SAT r;\nEND", "unknown instruction", 11},
	        {VP, "!!ARBvp1.0\nMOV_SAT result.position, vertex.position;\nEND",
	         "unknown instruction", 11},
	        {VP, "!!ARBvp1.0\nMOV r, vertex.position;\nEND", "expected a temporary", 15},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r.yx, r;\nEND", "out of order", 26},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r.xx, r;\nEND", "out of order", 26},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, r.xy;\nEND", "1 or 4 components", 27},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, r.rgba;\nEND", "bad component", 28},
	        {FP, "!!ARBfp1.0\nTEMP r; MOV r, r.xgba;\nEND", "bad component", 29},
	        {VP, "!!ARBvp1.0\nTEMP r; RCP r, r;\nEND", "expected a scalar component", 27},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, program.env[256];\nEND", "below 256", 38},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, program.local[4294967296];\nEND", "below 4096",
	         40},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, vertex.attrib[16];\nEND", "below 16", 40},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, vertex.weight;\nEND", "vertex attribute", 33},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, state.matrix.palette[0].row[0];\nEND",
	         "matrix name", 39},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, state.matrix.modelview[1].row[0];\nEND", "below 1",
	         49},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, state.matrix.mvp.row[4];\nEND", "below 4", 47},
	        {VP, "!!ARBvp1.0\nPARAM p[2] = { state.matrix.mvp.row[1..3] };\nEND",
	         "array of 2 initialised with 3", 19},
	        {VP, "!!ARBvp1.0\nPARAM p[] = { program.env[3..1] };\nEND", "range", 40},
	        {VP, "!!ARBvp1.0\nPARAM p[0] = { 1 };\nEND", "array size", 19},
	        {VP, "!!ARBvp1.0\nPARAM p[4294967295] = { 1 };\nEND", "array size", 19},
	        {VP, "!!ARBvp1.0\nPARAM p[] = { 1 }; TEMP r; MOV r, p[1];\nEND", "past the array",
	         47},
	        {VP, "!!ARBvp1.0\nPARAM p[] = { 1 }; TEMP r; MOV r, p;\nEND", "expected '['", 46},
	        {VP, "!!ARBvp1.0\nPARAM p[] = {1}; ADDRESS a; TEMP r; MOV r, p[a.x + 4097];\nEND",
	         "offset up to 4096", 62},
	        {VP,
	         "!!ARBvp1.0\nPARAM p[] = {1}; ADDRESS a; TEMP r; MOV r, p[a.x - 4294967295];\nEND",
	         "offset up to 4096", 62},
	        {VP, "!!ARBvp1.0\nPARAM p[] = {1}; ADDRESS a; TEMP r; MOV r, p[a.y];\nEND",
	         "expected x", 58},
	        {FP, "!!ARBfp1.0\nPARAM p[] = {1}; ADDRESS a;\nEND", "unknown instruction", 28},
	        {VP, "!!ARBvp1.0\nADDRESS a, b;\nEND", "more than 1 address", 22},
	        {VP, "!!ARBvp1.0\nTEMP r, r;\nEND", "declared twice", 19},
	        {VP, "!!ARBvp1.0\nTEMP MOV;\nEND", "expected a new name", 16},
	        {VP, "!!ARBvp1.0\nTEMP state;\nEND", "expected a new name", 16},
	        {VP, "!!ARBvp1.0\nMOV result.position, q;\nEND", "undeclared", 32},
	        {VP, "!!ARBvp1.0\nALIAS a = q;\nEND", "undeclared", 21},
	        {VP, "!!ARBvp1.0\nOUTPUT o = result.position; TEMP r; MOV r, o;\nEND",
	         "not a source", 54},
	        {VP, "!!ARBvp1.0\nTEMP r; MOV r, result.position;\nEND", "never read", 26},
	        {VP, "!!ARBvp1.0\nOPTION ARB_fog_exp;\nEND", "unknown option", 18},
	        {FP, "!!ARBfp1.0\nOPTION NV_fragment_program;\nEND", "unknown option", 18},
	        {FP, "!!ARBfp1.0\nOPTION ARB_fog_exp; OPTION ARB_fog_linear;\nEND",
	         "conflicting option", 38},
	        {FP, "!!ARBfp1.0\nTEMP r; TEX r, r, texture[0], SHADOW2D;\nEND", "texture target",
	         41},
	        {FP, "!!ARBfp1.0\nTEMP r; TEX r, r, texture[80], 2D;\nEND", "below 80", 37},
	        {FP, "!!ARBfp1.0\nTEMP r; TEX r, r, texture[0], 4D;\nEND", "texture target", 41},
	        {FP, "!!ARBfp1.0\nMOV result.color[1], 1;\nEND", "ARB_draw_buffers", 27},
	        /* Rules beside the grammars. */
	        {FP,
	         "!!ARBfp1.0\nOPTION ARB_fragment_program_shadow; TEMP r;\n"
	         "TEX r, r, texture[63], 2D; TEX r, r, texture[63], SHADOW2D;\nEND",
	         "texture unit 63 sampled with two targets", 105},
	        {VP,
	         "!!ARBvp1.0\nMOV result.position, vertex.normal;\n"
	         "MOV result.color, vertex.attrib[2];\nEND",
	         "generic alias", 65},
	        {VP, "!!ARBvp1.0\nATTRIB a = vertex.attrib[9]; ATTRIB b = vertex.texcoord[1];\nEND",
	         "generic alias", 51},
	        {VP,
	         "!!ARBvp1.0\nATTRIB b = vertex.color.secondary; ATTRIB a = vertex.attrib[4];\nEND",
	         "generic alias", 57},
	        {VP, "!!ARBvp1.0\nOPTION ARB_position_invariant;\nMOV result.position, 1;\nEND",
	         "position-invariant", 46},
	        {VP, "!!ARBvp1.0\nOPTION ARB_position_invariant;\nOUTPUT o = result.position;\nEND",
	         "position-invariant", 53},
	        {FP, "!!ARBfp1.0\nMOV result.color, {1, 2, 3, 4, 5};\nEND", "four", 40},
	        {FP, "!!ARBfp1.0\nMOV result.color, 1.0e;\nEND", "malformed number", 29},
	        {FP, "!!ARBfp1.0\nMOV result.color, 12x;\nEND", "malformed number", 29},
	        {FP, "!!ARBfp1.0\nMOV result.color, 1;\x01\nEND", "character 0x01", 31},
	        {FP, "!!ARBfp1.0\nMOV result.color, 1;\xc3\xa9\nEND", "character 0xc3", 31},
	        {FP, "!!ARBfp1.0\nMOV result.color, \"1\";\nEND", "character 0x22", 29},
	};
	bool ok = true;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ok &= refused_at(cases[i].t, cases[i].text, strlen(cases[i].text), cases[i].pos,
		                 cases[i].what);
	}
	return ok;
}

static bool nul_bytes_are_refused_even_after_end(void)
{
	static const char text[] = "!!ARBvp1.0\nOPTION ARB_position_invariant;\nEND\n\0junk";
	if (!refused_at(VP, text, sizeof(text) - 1, 46, "NUL"))
		return false;
	static const char in_comment[] = "!!ARBvp1.0\n# \0\nEND";
	return refused_at(VP, in_comment, sizeof(in_comment) - 1, 13, "NUL");
}

/* Every prefix of a legitimate program short of its END is refused, and
 * none is read past its length (the copy has no byte after it). */
static bool truncated_programs_are_refused(void)
{
	const char *const *sets[] = {vertex_programs, fragment_programs};
	size_t counts[] = {sizeof(vertex_programs) / sizeof(vertex_programs[0]),
	                   sizeof(fragment_programs) / sizeof(fragment_programs[0])};
	for (int s = 0; s < 2; s++) {
		for (size_t i = 0; i < counts[s]; i++) {
			const char *text = sets[s][i];
			size_t end = (size_t)(strstr(text, "END") - text) + 3;
			for (size_t len = 0; len < end; len++) {
				char *copy = malloc(len ? len : 1);
				memcpy(copy, text, len);
				struct gh_arb_program_verdict err;
				bool ok = check_n(s ? FP : VP, copy, len, &err);
				free(copy);
				CHECK(!ok && err.position <= len,
				      "prefix of %zu of program %zu: %s", len, i,
				      ok ? "accepted" : err.message);
			}
		}
	}
	return true;
}

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

/* Random bytes, and legitimate programs with random bytes changed,
 * inserted or cut, or with tokens of the grammars spliced in: each verdict
 * given, a refusal's position within the text. */
static bool garbage_and_mutations_get_a_verdict(void)
{
	static const char *const splices[] = {
	        "[",          "]",         "{",      "}",
	        ".",          "..",        ",",      ";",
	        "=",          "-",         "+",      "#",
	        "\n",         "END",       "state.", "program.env[",
	        "4294967295", "1e",        ".5",     "x",
	        "xyzw",       "_SAT",      "PARAM",  "TEMP",
	        "ALIAS",      "[0..3]",    "row[",   "texture[",
	        "result.",    "fragment.",
	};
	char buf[4096];
	for (int round = 0; round < 200000; round++) {
		size_t len;
		enum gh_arb_program_target t = next_random() & 1 ? FP : VP;
		if (round % 4 == 0) {
			len = next_random() % 64;
			memcpy(buf, t == FP ? "!!ARBfp1.0" : "!!ARBvp1.0", 10);
			for (size_t i = 10; i < len + 10; i++)
				buf[i] = (char)next_random();
			len += 10;
		} else {
			const char *src = t == FP ? fragment_programs[next_random() % 2]
			                          : vertex_programs[next_random() % 2];
			len = strlen(src);
			memcpy(buf, src, len);
			for (int m = 0; m < 1 + (int)(next_random() % 4); m++) {
				size_t at = next_random() % (len + 1);
				const char *sp = splices[next_random() %
				                         (sizeof(splices) / sizeof(splices[0]))];
				size_t n = strlen(sp);
				switch (next_random() % 3) {
				case 0:
					if (at < len)
						buf[at] = (char)next_random();
					break;
				case 1:
					if (len + n < sizeof(buf)) {
						memmove(buf + at + n, buf + at, len - at);
						memcpy(buf + at, sp, n);
						len += n;
					}
					break;
				default:
					len = at;
				}
			}
		}
		char *copy = malloc(len ? len : 1);
		memcpy(copy, buf, len);
		struct gh_arb_program_verdict err;
		bool ok = check_n(t, copy, len, &err);
		free(copy);
		CHECK(ok || (err.position <= len && err.message[0]), "round %d: position %u of %zu",
		      round, err.position, len);
	}
	return true;
}

/* Text, names, instructions and declarations past every bound. */
static bool huge_counts_are_refused(void)
{
	size_t cap = GH_ARB_PROGRAM_MAX_TEXT + 64, len;
	char *text = malloc(cap);
	struct gh_arb_program_verdict err;

	/* A text over the limit, whatever it holds. */
	memset(text, ' ', cap);
	memcpy(text, "!!ARBvp1.0", 10);
	CHECK(!check_n(VP, text, GH_ARB_PROGRAM_MAX_TEXT + 1, &err) &&
	              strstr(err.message, "longer"),
	      "%s", err.message);
	CHECK(!check_n(VP, text, (size_t)1 << 40, &err) && strstr(err.message, "longer"), "%s",
	      err.message);

	/* More instructions than the driver takes. */
	len = (size_t)sprintf(text, "!!ARBvp1.0 TEMP r;");
	while (len + 16 < GH_ARB_PROGRAM_MAX_TEXT)
		len += (size_t)sprintf(text + len, "MOV r,r;");
	len += (size_t)sprintf(text + len, "END");
	CHECK(!check_n(VP, text, len, &err) && strstr(err.message, "more than 16384 instructions"),
	      "%s", err.message);

	/* More temporaries than the driver takes, and names past the table's
	 * growth. */
	len = (size_t)sprintf(text, "!!ARBvp1.0 TEMP t0");
	for (unsigned i = 1; len + 16 < GH_ARB_PROGRAM_MAX_TEXT; i++)
		len += (size_t)sprintf(text + len, ",t%u", i);
	len += (size_t)sprintf(text + len, ";END");
	CHECK(!check_n(VP, text, len, &err) && strstr(err.message, "more than 4096 temporaries"),
	      "%s", err.message);

	/* PARAM arrays past the parameters, one slot at a time. */
	len = (size_t)sprintf(text, "!!ARBvp1.0 PARAM p[]={");
	while (len + 16 < GH_ARB_PROGRAM_MAX_TEXT)
		len += (size_t)sprintf(text + len, "1,");
	len += (size_t)sprintf(text + len, "1};END");
	CHECK(!check_n(VP, text, len, &err) && strstr(err.message, "more than 4096 parameters"),
	      "%s", err.message);

	/* A name over its limit; a number over its own. */
	len = (size_t)sprintf(text, "!!ARBvp1.0 TEMP ");
	memset(text + len, 'a', 300);
	len += 300;
	len += (size_t)sprintf(text + len, ";END");
	CHECK(!check_n(VP, text, len, &err) && strstr(err.message, "name longer"), "%s",
	      err.message);
	len = (size_t)sprintf(text, "!!ARBvp1.0 PARAM p = ");
	memset(text + len, '9', 100);
	len += 100;
	len += (size_t)sprintf(text + len, ";END");
	CHECK(!check_n(VP, text, len, &err) && strstr(err.message, "malformed number"), "%s",
	      err.message);

	/* Many names that collide nowhere: the table grows, then is bounded. */
	len = (size_t)sprintf(text, "!!ARBvp1.0 OUTPUT o0=result.position;");
	for (unsigned i = 1; i < 3000; i++)
		len += (size_t)sprintf(text + len, "ALIAS a%u=o0;", i);
	len += (size_t)sprintf(text + len, "END");
	CHECK(check_n(VP, text, len, &err), "%s", err.message);
	free(text);
	return true;
}

/* Limits of 0 refuse every index of their kind. */
static bool zero_limits_refuse_every_index(void)
{
	struct gh_arb_program_limits none = {.instructions = 1};
	struct gh_arb_program_verdict err;
	static const char text[] = "!!ARBvp1.0\nMOV result.position, program.env[0];\nEND";
	CHECK(!gh_arb_program_check(VP, &none, text, strlen(text), &err) &&
	              strstr(err.message, "below 0"),
	      "%s", err.message);
	static const char two[] =
	        "!!ARBvp1.0\nMOV result.position, 1; MOV result.position, 1;\nEND";
	CHECK(!gh_arb_program_check(VP, &none, two, strlen(two), &err) &&
	              strstr(err.message, "more than 1 instructions"),
	      "%s", err.message);
	return true;
}

static int corpus(int argc, char **argv)
{
	int refused_count = 0;
	for (int i = 2; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		static char buf[GH_ARB_PROGRAM_MAX_TEXT + 1];
		size_t len = f ? fread(buf, 1, sizeof(buf), f) : 0;
		if (f)
			fclose(f);
		enum gh_arb_program_target t = len > 5 && buf[5] == 'f' ? FP : VP;
		struct gh_arb_program_verdict err;
		if (check_n(t, buf, len, &err)) {
			printf("ACCEPTED %s\n", argv[i]);
		} else {
			printf("REFUSED %s: at %u: %s\n", argv[i], err.position, err.message);
			refused_count++;
		}
	}
	return refused_count ? 1 : 0;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		bool (*run)(void);
	} cases[] = {
	        {"legitimate_programs_are_accepted", legitimate_programs_are_accepted},
	        {"each_mistake_is_refused_where_it_stands",
	         each_mistake_is_refused_where_it_stands},
	        {"nul_bytes_are_refused_even_after_end", nul_bytes_are_refused_even_after_end},
	        {"truncated_programs_are_refused", truncated_programs_are_refused},
	        {"garbage_and_mutations_get_a_verdict", garbage_and_mutations_get_a_verdict},
	        {"huge_counts_are_refused", huge_counts_are_refused},
	        {"zero_limits_refuse_every_index", zero_limits_refuse_every_index},
	};
	if (argc >= 2 && !strcmp(argv[1], "corpus"))
		return corpus(argc, argv);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc == 2 && !strcmp(argv[1], cases[i].name))
			return cases[i].run() ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE | corpus FILE...\n", argv[0]);
	return 2;
}
