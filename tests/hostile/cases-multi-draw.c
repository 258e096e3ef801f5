/*
 * Hostile streams of the multi-draws on a core 4.3 link (gles-draws.h's layout,
 * gpuhost/gl/multi-draw.c and indirect.c): each draw is checked as a single draw would be,
 * so one past a vertex buffer among good ones ends the link; so do a draws blob its count
 * does not size, client indices out of their place, and a base vertex in a command without
 * one. An indirect multi-draw whose commands reach past their buffer is GL_INVALID_OPERATION
 * and the link goes on. Skipped where the host offers no core 4.3.
 */
#include <string.h>

#include <GL/glcorearb.h>

#include "gl-link.h"

#define CORE43 GL_VERSION_CODE(4, 3)

/* Three vertices of attribute 0 (48 bytes) in buffer 5. */
static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

#define READY_WITH_TRIANGLE(e, g)                                                                  \
	do {                                                                                       \
		bool offered_;                                                                     \
		CHECK(hl_gl_ready_core_drawing(e, g, CORE43, &offered_));                          \
		if (!offered_)                                                                     \
			return hl_gl_skip(e, g, "the host offers no desktop OpenGL 4.3 core");     \
		hl_gl_buffer(g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));                   \
		hl_gl_attrib0(g, 16);                                                              \
	} while (0)

static void multi_draw_arrays(struct hl_gl_link *g, const int32_t *draws, uint32_t drawcount,
                              uint32_t bytes)
{
	hl_gl_cmd_begin(g, GLES_OP_glMultiDrawArrays);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_put_u32(&g->cmds, drawcount);
	hl_gl_put_blob(g, draws, bytes);
	hl_gl_cmd_end(g);
}

/* Draw 0 reads vertices 0..2, draw 1 vertices 0..99 of the 3. */
static bool gl_multi_draw_arrays_one_draw_past_a_vertex_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const int32_t draws[4] = {0, 3, 0, 100};
	multi_draw_arrays(&g, draws, 2, sizeof(draws));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glMultiDrawArrays: attribute 0 reads to byte 1600 of a 48-byte buffer");
}

/* Three draws said, two sent: the driver would read a third first and count. */
static bool gl_multi_draw_arrays_counted_past_its_draws_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const int32_t draws[4] = {0, 3, 0, 3};
	multi_draw_arrays(&g, draws, 3, sizeof(draws));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultiDrawArrays: 16 bytes for 3 draws");
}

/* A glMultiDrawElements of client indices: draw 1's offset is draw 0's (0), not where its
 * own indices begin (6): the host would have the driver read draw 0's twice and check the
 * others never. */
static bool gl_multi_draw_elements_indices_out_of_place_end_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	/* count, base vertex, u64 offset: 16 bytes each */
	uint32_t draws[8] = {3, 0, 0, 0, 3, 0, 0, 0};
	static const uint16_t indices[6] = {0, 1, 2, 0, 1, 2};
	hl_gl_cmd_begin(&g, GLES_OP_glMultiDrawElements);
	hl_put_u32(&g.cmds, GL_TRIANGLES);
	hl_put_u32(&g.cmds, GL_UNSIGNED_SHORT);
	hl_put_u32(&g.cmds, 2);
	hl_gl_put_blob(&g, draws, sizeof(draws));
	hl_gl_put_blob(&g, indices, sizeof(indices));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glMultiDrawElements: draw 1: indices at byte 0, 6 of them, of 12");
}

/* glMultiDrawElements has no base vertex: one in its draws is not the library's. */
static bool gl_multi_draw_elements_with_a_base_vertex_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const uint16_t idx[3] = {0, 1, 2};
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	uint32_t draws[4] = {3, 5, 0, 0};
	hl_gl_cmd_begin(&g, GLES_OP_glMultiDrawElements);
	hl_put_u32(&g.cmds, GL_TRIANGLES);
	hl_put_u32(&g.cmds, GL_UNSIGNED_SHORT);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, draws, sizeof(draws));
	hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultiDrawElements: draw 0: count 3, base vertex 5");
}

static void multi_draw_arrays_indirect_strided(struct hl_gl_link *g, uint32_t drawcount,
                                               uint32_t stride)
{
	hl_gl_cmd_begin(g, GLES_OP_glMultiDrawArraysIndirect);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_gl_put_u64(g, 0);
	hl_put_u32(&g->cmds, drawcount);
	hl_put_u32(&g->cmds, stride);
	hl_gl_cmd_end(g);
}

static void multi_draw_arrays_indirect(struct hl_gl_link *g, uint32_t drawcount)
{
	multi_draw_arrays_indirect_strided(g, drawcount, 0);
}

/* The second command of the indirect buffer draws 100 vertices of the 3. */
static bool gl_multi_draw_indirect_one_command_past_a_vertex_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const uint32_t commands[8] = {3, 1, 0, 0, 100, 1, 0, 0};
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 7, commands, sizeof(commands));
	multi_draw_arrays_indirect(&g, 2);
	hl_gl_send(&g, CH, 0);
	return hl_refused(
	        e, &g.l,
	        "glMultiDrawArraysIndirect: attribute 0 reads to byte 1600 of a 48-byte buffer");
}

/* Two commands from a buffer holding one: GL_INVALID_OPERATION, nothing drawn, and the
 * link goes on. */
static bool
gl_multi_draw_indirect_commands_past_their_buffer_are_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const uint32_t command[4] = {3, 1, 0, 0};
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 7, command, sizeof(command));
	multi_draw_arrays_indirect(&g, 2);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glGetError is 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* A negative stride (the library answers GL_INVALID_VALUE and sends nothing): the commands
 * would be read backwards from the offset. */
static bool gl_multi_draw_indirect_negative_stride_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	READY_WITH_TRIANGLE(e, &g);
	static const uint32_t commands[8] = {3, 1, 0, 0, 3, 1, 0, 0};
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 7, commands, sizeof(commands));
	multi_draw_arrays_indirect_strided(&g, 2, (uint32_t)-16);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultiDrawArraysIndirect: drawcount 2, stride -16");
}

const struct hl_case hl_multi_draw_cases[] = {
        HL_CASE(gl_multi_draw_arrays_one_draw_past_a_vertex_buffer_ends_the_link),
        HL_CASE(gl_multi_draw_arrays_counted_past_its_draws_ends_the_link),
        HL_CASE(gl_multi_draw_elements_indices_out_of_place_end_the_link),
        HL_CASE(gl_multi_draw_elements_with_a_base_vertex_ends_the_link),
        HL_CASE(gl_multi_draw_indirect_one_command_past_a_vertex_buffer_ends_the_link),
        HL_CASE(gl_multi_draw_indirect_commands_past_their_buffer_are_invalid_operation),
        HL_CASE(gl_multi_draw_indirect_negative_stride_ends_the_link),
};
const size_t hl_multi_draw_case_count =
        sizeof(hl_multi_draw_cases) / sizeof(hl_multi_draw_cases[0]);
