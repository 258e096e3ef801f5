/*
 * Hostile streams of OpenGL 4.5's direct state access on a core context: queries made by
 * glCreateQueries (a target the driver would refuse, names past their blob) and query
 * results written into a buffer (gpuhost/gl/dsa-query.c: a negative offset, a buffer never
 * generated), glGetnUniformdv's capacity. The named commands the library turns into their bound
 * forms travel as those (their cases are the bound forms'). They skip until the host offers
 * core 4.5 (every command of it streamed, or GPUPIPE_TEST_OFFER_PENDING=1 in a test build).
 */
#include <GLES3/gl31.h>

#include "gl-link.h"

#define SAMPLES_PASSED 0x8914u

static void create_queries(struct hl_gl_link *g, uint32_t target, uint32_t n, const uint32_t *names,
                           uint32_t sent)
{
	hl_gl_cmd_begin(g, GLES_OP_glCreateQueries);
	hl_put_u32(&g->cmds, target);
	hl_put_u32(&g->cmds, n);
	hl_gl_put_blob(g, names, sent * 4);
	hl_gl_cmd_end(g);
}

static void query_buffer(struct hl_gl_link *g, uint32_t id, uint32_t buffer, int64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glGetQueryBufferObjectuiv);
	hl_put_u32(&g->cmds, id);
	hl_put_u32(&g->cmds, buffer);
	hl_put_u32(&g->cmds, GL_QUERY_RESULT);
	hl_gl_put_u64(g, (uint64_t)offset);
	hl_gl_cmd_end(g);
}

/* An honest library answers GL_INVALID_ENUM itself and makes no names. */
static bool gl_create_queries_of_an_unknown_target_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	uint32_t name = 5;
	create_queries(&g, 0x1234u, 1, &name, 1);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glCreateQueries: gl_query_target_ok(target) does not hold");
}

static bool gl_create_queries_counting_past_its_names_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	uint32_t names[2] = {5, 6};
	create_queries(&g, SAMPLES_PASSED, 3, names, 2);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glCreateQueries: ids is 8 bytes, its arguments say 12");
}

/* A query made, a buffer of 16 bytes: the result at a negative offset ends the link, into
 * a buffer never generated too; past the buffer's end, GL_INVALID_OPERATION (the host checks). */
static void query_and_buffer(struct hl_gl_link *g)
{
	uint32_t q = 5;
	create_queries(g, SAMPLES_PASSED, 1, &q, 1);
	static const uint8_t zeros[16];
	hl_gl_buffer(g, GL_COPY_WRITE_BUFFER, 6, zeros, sizeof(zeros));
}

static bool gl_query_buffer_object_at_a_negative_offset_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	query_and_buffer(&g);
	query_buffer(&g, 5, 6, -4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetQueryBufferObjectuiv: offset >= 0 does not hold");
}

static bool gl_query_buffer_object_into_an_unknown_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	query_and_buffer(&g);
	query_buffer(&g, 5, 99, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "buffer 99 was never generated");
}

static bool gl_query_buffer_object_past_the_buffer_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	query_and_buffer(&g);
	hl_gl_cmd(&g, GLES_OP_glBeginQuery, 2, SAMPLES_PASSED, 5u);
	hl_gl_cmd(&g, GLES_OP_glEndQuery, 1, SAMPLES_PASSED);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the query: error 0x%x", err);
	query_buffer(&g, 5, 6, 1000);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "a result past the buffer: error 0x%x", err);
	query_buffer(&g, 5, 6, 4);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a result inside the buffer: error 0x%x", err);
	/* Where offset + 4 wraps in 64 bits (Mesa's check) and the driver takes 32 of them: the
	 * host checks the range itself, the driver never sees it. */
	query_buffer(&g, 5, 6, INT64_MAX - 3);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "a result at a wrapping offset: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* glGetnUniformdv answers what bufSize allows, a dmat4 at most: a capacity over
 * min(bufSize, 128) is not the library's. */
static bool gl_getn_uniform_dv_capacity_over_its_bound_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 5u);
	hl_gl_cmd(&g, GLES_OP_glGetnUniformdv, 4, 5u, 0u, 16u, 128u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetnUniformdv: capacity 128, its arguments say 16");
}

const struct hl_case hl_dsa_cases[] = {
        HL_CASE(gl_getn_uniform_dv_capacity_over_its_bound_ends_the_link),
        HL_CASE(gl_create_queries_of_an_unknown_target_ends_the_link),
        HL_CASE(gl_create_queries_counting_past_its_names_ends_the_link),
        HL_CASE(gl_query_buffer_object_at_a_negative_offset_ends_the_link),
        HL_CASE(gl_query_buffer_object_into_an_unknown_buffer_ends_the_link),
        HL_CASE(gl_query_buffer_object_past_the_buffer_is_invalid_operation),
};
const size_t hl_dsa_case_count = sizeof(hl_dsa_cases) / sizeof(hl_dsa_cases[0]);
