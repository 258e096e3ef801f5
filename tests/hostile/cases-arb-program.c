/*
 * Hostile GL streams of ARB assembly programs (ARB_vertex_program,
 * ARB_fragment_program) on a compatibility context: skipped where the host's driver
 * has neither.
 */
#include <stdio.h>
#include <string.h>

#include "hl-compat.h"

#define COMPAT21 GL_VERSION_CODE(2, 1)
#define VERTEX_PROGRAM_ 0x8620u
#define FORMAT_ASCII_ 0x8875u

static bool offered(const struct hl_gl_link *g)
{
	int i = gles_extension_index("GL_ARB_vertex_program");
	return i >= 0 && (g->compat.exts[i / 64] >> (i % 64)) & 1u;
}

#define READY_PROGRAMS(e, g)                                                                       \
	do {                                                                                       \
		HL_GL_READY_COMPAT(e, g, COMPAT21);                                                \
		if (!offered(g))                                                                   \
			return hl_gl_skip(e, g, "the host's driver has no ARB_vertex_program");    \
	} while (0)

static void gen_and_bind(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenProgramsARB);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, 4);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindProgramARB, 2, VERTEX_PROGRAM_, name);
}

/* glProgramStringARB of `text`; its reply's error position and string length. */
static bool program_string(struct hl_gl_link *g, const char *text, int32_t *position,
                           uint32_t *message)
{
	hl_gl_cmd_begin(g, GLES_OP_glProgramStringARB);
	hl_put_u32(&g->cmds, VERTEX_PROGRAM_);
	hl_put_u32(&g->cmds, FORMAT_ASCII_);
	hl_gl_put_blob(g, text, (uint32_t)strlen(text));
	hl_gl_cmd_end(g);
	if (!hl_gl_send(g, CH, 0))
		return false;
	uint32_t size, head[3];
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glProgramStringARB, &size);
	if (!p || size < 12)
		return false;
	memcpy(head, p, 12);
	*position = (int32_t)head[1];
	*message = head[2];
	return head[0] == 1 && size == 12 + ((head[2] + 3u) & ~3u);
}

/* A text the host's check refuses never reaches the driver: the app gets
 * GL_INVALID_OPERATION with an error position and string, the link goes on, and a good
 * text after it loads with no error. */
static bool gl_arb_program_text_the_check_refuses_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	int32_t pos;
	uint32_t len, err;
	CHECK(program_string(&g, "!!ARBvp1.0\nMOV result.position, vertex.nothing;\nEND\n", &pos,
	                     &len));
	CHECKF(pos > 0 && len > 0, "refused text: position %d, string of %u bytes", pos, len);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glGetError is 0x%x, not GL_INVALID_OPERATION", err);
	CHECK(program_string(&g, "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n", &pos,
	                     &len));
	CHECKF(pos == -1, "good text: position %d", pos);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "good text: glGetError is 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* A text past the check's bound (1 MiB): refused as a text the check refuses, whatever it
 * holds, before any byte reaches the driver; the link goes on. */
static bool gl_arb_program_text_past_the_bound_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	enum { TEXT = (1u << 20) + 16 };
	static char text[TEXT + 1];
	memset(text, ' ', TEXT);
	memcpy(text, "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n#", 54);
	int32_t pos;
	uint32_t len, err;
	CHECK(program_string(&g, text, &pos, &len));
	CHECKF(pos >= 0 && len > 0, "a text past the bound: position %d, string of %u bytes", pos,
	       len);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glGetError is 0x%x, not GL_INVALID_OPERATION", err);
	return hl_gl_close_served(e, &g);
}

/* A text blob shorter than its count says: the host reads no further. */
static bool gl_arb_program_text_short_of_its_count_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	hl_gl_cmd_begin(&g, GLES_OP_glProgramStringARB);
	hl_put_u32(&g.cmds, VERTEX_PROGRAM_);
	hl_put_u32(&g.cmds, FORMAT_ASCII_);
	hl_put_u32(&g.cmds, 4096); /* the blob's count, then 4 bytes */
	hl_put_u32(&g.cmds, 0x42424242u);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glProgramStringARB: command size does not match");
}

/* A program bound by a name the app never made (the library makes an unused name first,
 * with glGenProgramsARB; a hostile stream skips that). */
static bool gl_arb_program_bound_never_generated_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	hl_gl_cmd(&g, GLES_OP_glBindProgramARB, 2, VERTEX_PROGRAM_, 999u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "ARB program 999 was never generated");
}

/* Deleting the bound program: GL binds the default one; the name is gone on the host, so
 * binding it again ends the link, and the link's context goes on until then. */
static bool gl_arb_program_deleted_while_bound_is_forgotten(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	int32_t pos;
	uint32_t len, err;
	CHECK(program_string(&g, "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n", &pos,
	                     &len));
	uint32_t name = 5;
	hl_gl_cmd_begin(&g, GLES_OP_glDeleteProgramsARB);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &name, 4);
	hl_gl_cmd_end(&g);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "glDeleteProgramsARB of the bound program: 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glBindProgramARB, 2, VERTEX_PROGRAM_, 5u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "ARB program 5 was never generated");
}

/* glGetProgramStringARB: the host sizes the text from its driver (the app's length is no
 * part of the command); a pname other than GL_PROGRAM_STRING_ARB is GL_INVALID_ENUM with
 * nothing written, and the link goes on. */
static bool gl_arb_program_string_read_back_is_sized_by_the_host(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	static const char text[] = "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n";
	int32_t pos;
	uint32_t len, err, size, n;
	CHECK(program_string(&g, text, &pos, &len));
	hl_gl_cmd(&g, GLES_OP_glGetProgramStringARB, 2, VERTEX_PROGRAM_, 0x8628u);
	CHECK(hl_gl_send(&g, CH, 0));
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetProgramStringARB, &size);
	CHECK(p != NULL && size >= 4);
	memcpy(&n, p, 4);
	CHECKF(n == sizeof(text) - 1 && size == 4 + ((n + 3u) & ~3u) && !memcmp(p + 4, text, n),
	       "the text read back: %u bytes in a reply of %u", n, size);
	hl_gl_cmd(&g, GLES_OP_glGetProgramStringARB, 2, VERTEX_PROGRAM_, 0x8627u);
	CHECK(hl_gl_send(&g, CH, 0));
	p = hl_gl_reply(&g, GLES_OP_glGetProgramStringARB, &size);
	CHECK(p != NULL && size == 4);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_ENUM, "another pname: glGetError is 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* glBindProgramARB is listable and makes a program of a name that has none: a list binding
 * program P and loading a 900 KiB text into it (comments, which the driver keeps with the
 * program), called after glDeleteProgramsARB(P), makes P's freed host name a program
 * again. The host deletes what a call made again at a name deleted while a list binds it,
 * as for textures: 80 rounds leave the link process small. */
static bool gl_list_binding_a_deleted_arb_program_leaves_nothing_behind(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	pid_t pid = hl_link_pid(e, g.l.index);
	CHECK(pid > 0);
	long before = hl_peak_rss_kib(pid);
	enum { TEXT = 900u << 10 };
	static char text[TEXT];
	memset(text, ' ', sizeof(text));
	static const char head[] = "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n#";
	memcpy(text, head, sizeof(head) - 1);
	for (uint32_t i = 0; i < 80; i++) {
		uint32_t name = 20 + i;
		hl_gl_cmd_begin(&g, GLES_OP_glGenProgramsARB);
		hl_put_u32(&g.cmds, 1);
		hl_gl_put_blob(&g, &name, 4);
		hl_gl_cmd_end(&g);
		hl_gl_cmd(&g, GLES_OP_glNewList, 2, 100u + i, 0x1300u /* GL_COMPILE */);
		hl_gl_cmd(&g, GLES_OP_glBindProgramARB, 2, VERTEX_PROGRAM_, name);
		hl_gl_cmd_begin(&g, GLES_OP_glProgramStringARB);
		hl_put_u32(&g.cmds, VERTEX_PROGRAM_);
		hl_put_u32(&g.cmds, FORMAT_ASCII_);
		hl_gl_put_blob(&g, text, TEXT);
		hl_gl_cmd_end(&g);
		CHECK(hl_gl_send(&g, CH, 1u << 20));
		uint32_t size;
		CHECK(hl_gl_reply(&g, GLES_OP_glProgramStringARB, &size) != NULL);
		hl_gl_cmd(&g, GLES_OP_glBindProgramARB, 2, VERTEX_PROGRAM_, 0u);
		hl_gl_cmd(&g, GLES_OP_glEndList, 0);
		hl_gl_cmd_begin(&g, GLES_OP_glDeleteProgramsARB);
		hl_put_u32(&g.cmds, 1);
		hl_gl_put_blob(&g, &name, 4);
		hl_gl_cmd_end(&g);
		hl_gl_cmd(&g, GLES_OP_glCallList, 1, 100u + i);
		hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, 100u + i, 1u);
		CHECK(hl_gl_send(&g, CH, 1u << 20));
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_NO_ERROR, "round %u: glGetError 0x%x", i, err);
	}
	long after = hl_peak_rss_kib(pid);
	fprintf(stderr, "# link process %d: peak RSS %ld MiB, %ld MiB over its %ld MiB before\n",
	        (int)pid, after / 1024, (after - before) / 1024, before / 1024);
	CHECKF(after - before < 40 * 1024, "80 lists' programs made again: %ld MiB more",
	       (after - before) / 1024);
	return hl_gl_close_served(e, &g);
}

/* A parameter index past the driver's limit is GL_INVALID_VALUE from the host, which never
 * calls the driver with it: Mesa 22.3 adds index and count in 32 bits, and 0xffffffff wrote
 * 16 bytes far outside its array (the security review of 2026-12-06: the link died of
 * SIGSEGV). Sets and reads, local and env; the link goes on. */
static bool gl_arb_program_parameter_index_past_the_limit_is_invalid_value(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	static const uint32_t one[4] = {0x3f800000u, 0x3f800000u, 0x3f800000u, 0x3f800000u};
	static const uint32_t ops[2] = {GLES_OP_glProgramLocalParameter4fARB,
	                                GLES_OP_glProgramEnvParameter4fARB};
	static const uint32_t gets[2] = {GLES_OP_glGetProgramLocalParameterfvARB,
	                                 GLES_OP_glGetProgramEnvParameterfvARB};
	uint32_t err;
	for (int k = 0; k < 2; k++) {
		hl_gl_cmd(&g, ops[k], 6, VERTEX_PROGRAM_, 0xffffffffu, one[0], one[1], one[2],
		          one[3]);
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_INVALID_VALUE, "set of parameter 0xffffffff: glGetError 0x%x",
		       err);
		hl_gl_cmd(&g, gets[k], 3, VERTEX_PROGRAM_, 0xffffffffu, 16u);
		CHECK(hl_gl_send(&g, CH, 0));
		uint32_t size;
		CHECK(hl_gl_reply(&g, gets[k], &size) != NULL);
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_INVALID_VALUE, "read of parameter 0xffffffff: glGetError 0x%x",
		       err);
		hl_gl_cmd(&g, ops[k], 6, VERTEX_PROGRAM_, 0u, one[0], one[1], one[2], one[3]);
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_NO_ERROR, "set of parameter 0: glGetError 0x%x", err);
	}
	return hl_gl_close_served(e, &g);
}

/* The driver gets a text through its END and the blanks after it: what follows END the check
 * never read (Mesa's parser read all of it; the security review of 2026-12-06). The program
 * is taken and reads back without its tail. */
static bool gl_arb_program_text_after_end_never_reaches_the_driver(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 5);
	static const char kept[] = "!!ARBvp1.0\nMOV result.position, vertex.position;\nEND\n";
	char text[sizeof(kept) + 64];
	snprintf(text, sizeof(text), "%s%s", kept, "@@ not a program \x01\x7f at all");
	int32_t pos;
	uint32_t len, err, size, n;
	CHECK(program_string(&g, text, &pos, &len));
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR && pos == -1, "the program: glGetError 0x%x, position %d", err,
	       pos);
	hl_gl_cmd(&g, GLES_OP_glGetProgramStringARB, 2, VERTEX_PROGRAM_, 0x8628u);
	CHECK(hl_gl_send(&g, CH, 0));
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetProgramStringARB, &size);
	CHECK(p != NULL && size >= 4);
	memcpy(&n, p, 4);
	CHECKF(n == sizeof(kept) - 1 && !memcmp(p + 4, kept, n), "read back %u bytes", n);
	return hl_gl_close_served(e, &g);
}

/* glGetProgramivARB(GL_PROGRAM_BINDING_ARB) answers the app's name of the bound program. */
static bool gl_arb_program_binding_reads_back_the_app_name(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_PROGRAMS(e, &g);
	gen_and_bind(&g, 777);
	hl_gl_cmd(&g, GLES_OP_glGetProgramivARB, 3, VERTEX_PROGRAM_, 0x8677u, 4u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size, v = 0;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetProgramivARB, &size);
	CHECK(p != NULL && size >= 8); /* a blob: its length, then the value */
	memcpy(&v, p + 4, 4);
	CHECKF(v == 777, "GL_PROGRAM_BINDING_ARB is %u", v);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_arb_program_cases[] = {
        HL_CASE(gl_list_binding_a_deleted_arb_program_leaves_nothing_behind),
        HL_CASE(gl_arb_program_text_the_check_refuses_is_invalid_operation),
        HL_CASE(gl_arb_program_text_short_of_its_count_ends_the_link),
        HL_CASE(gl_arb_program_text_past_the_bound_is_invalid_operation),
        HL_CASE(gl_arb_program_bound_never_generated_ends_the_link),
        HL_CASE(gl_arb_program_deleted_while_bound_is_forgotten),
        HL_CASE(gl_arb_program_string_read_back_is_sized_by_the_host),
        HL_CASE(gl_arb_program_parameter_index_past_the_limit_is_invalid_value),
        HL_CASE(gl_arb_program_text_after_end_never_reaches_the_driver),
        HL_CASE(gl_arb_program_binding_reads_back_the_app_name),
};
const size_t hl_arb_program_case_count =
        sizeof(hl_arb_program_cases) / sizeof(hl_arb_program_cases[0]);
