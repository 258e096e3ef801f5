/*
 * OpenGL ES 3.1 streams (gl-link.h): indirect draws and dispatches whose commands the
 * host reads from a buffer object, and vertex buffers bound to binding points. A command
 * past its buffer is GL_INVALID_OPERATION for the app and nothing runs; counts or offsets
 * that would fetch past a vertex buffer (a base instance's too) end the link, as a direct
 * draw's do. Either way
 * the other links are served.
 */
#include <string.h>

#include "gl-link.h"

/* Program 10 (attribute 0) in use, vertex array 3 bound: what ES 3.1 asks of an
 * indirect draw or of a binding point. */
static bool es31_ready(struct hl_env *e, struct hl_gl_link *g)
{
	CHECK(hl_gl_ready(e, g));
	CHECKF(g->es.version >= GL_VERSION_CODE(3, 1), "the host offers OpenGL ES %u.%u only",
	       GL_VERSION_MAJOR(g->es.version), GL_VERSION_MINOR(g->es.version));
	hl_gl_program(g, 10);
	uint32_t vao = 3;
	hl_gl_cmd_begin(g, GLES_OP_glGenVertexArrays);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &vao, sizeof(vao));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindVertexArray, 1, vao);
	return true;
}

static void draw_arrays_indirect(struct hl_gl_link *g, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawArraysIndirect);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_gl_put_u64(g, offset);
	hl_gl_cmd_end(g);
}

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

/* A 12-byte GL_DRAW_INDIRECT_BUFFER: the 16-byte command at 0 does not fit. */
static bool gl_indirect_draw_command_past_its_buffer_is_invalid_operation(struct hl_env *e)
{
	static const uint32_t command[3] = {3, 1, 0};
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 0);
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_arrays_indirect(&g, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glGetError is 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* 100 vertices from a 16-byte vertex buffer: the command is in bounds, what it fetches
 * is not. */
static bool gl_indirect_draw_counts_past_a_vertex_buffer_end_the_link(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	static const uint32_t command[4] = {100, 1, 0, 0};
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_arrays_indirect(&g, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(
	        e, &g.l,
	        "glDrawArraysIndirect: attribute 0 reads to byte 1600 of a 16-byte buffer");
}

/* A command's last field is its base instance where the context has base instances
 * (EXT_base_instance, desktop 4.2): instance 100 of an instanced attribute whose buffer
 * holds one. */
static bool gl_indirect_draw_base_instance_past_a_vertex_buffer_ends_the_link(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	static const uint32_t command[4] = {3, 1, 0, 100};
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glVertexAttribDivisor, 2, 0u, 1u);
	hl_gl_buffer(&g, GL_DRAW_INDIRECT_BUFFER, 6, command, sizeof(command));
	draw_arrays_indirect(&g, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(
	        e, &g.l,
	        "glDrawArraysIndirect: attribute 0 reads to byte 1616 of a 16-byte buffer");
}

/* Three group counts at offset 4 of a 12-byte GL_DISPATCH_INDIRECT_BUFFER. */
static bool gl_indirect_dispatch_past_its_buffer_is_invalid_operation(struct hl_env *e)
{
	static const uint32_t groups[3] = {1, 1, 1};
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_DISPATCH_INDIRECT_BUFFER, 6, groups, sizeof(groups));
	hl_gl_cmd_begin(&g, GLES_OP_glDispatchComputeIndirect);
	hl_gl_put_u64(&g, 4);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "glGetError is 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* Binding point 0 at offset 1000 of a 48-byte buffer, attribute 0 reading it. */
static bool gl_vertex_buffer_bound_past_its_end_then_drawn_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_cmd_begin(&g, GLES_OP_glBindVertexBuffer);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 5);
	hl_gl_put_u64(&g, 1000);
	hl_put_u32(&g.cmds, 16);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glVertexAttribFormat, 5, 0u, 4u, GL_FLOAT, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glVertexAttribBinding, 2, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glEnableVertexAttribArray, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 3u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawArrays: attribute 0 reads to byte 1048 of a 48-byte buffer");
}

/* glVertexAttribPointer in a vertex array object with no GL_ARRAY_BUFFER bound: a NULL
 * pointer sets the format alone (GL takes it), any other would be a host address. */
static bool gl_attrib_pointer_without_a_buffer_ends_the_link_unless_null(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 0u);
	hl_gl_cmd_begin(&g, GLES_OP_glVertexAttribPointer);
	uint32_t args[] = {0, 4, GL_FLOAT, 0, 16};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a NULL pointer: glGetError is 0x%x", err);
	hl_gl_cmd_begin(&g, GLES_OP_glVertexAttribPointer);
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_u64(&g, 4096);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glVertexAttribPointer: no GL_ARRAY_BUFFER bound");
}

/* Attribute 0 enabled with no format of the app's: GL's initial one, four floats (16 bytes),
 * fetched from binding point 0 at the 48-byte buffer's end: one vertex reads bytes 48..63. */
static bool gl_attrib_of_the_initial_format_past_its_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(es31_ready(e, &g));
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_cmd_begin(&g, GLES_OP_glBindVertexBuffer);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 5);
	hl_gl_put_u64(&g, sizeof(triangle));
	hl_put_u32(&g.cmds, 16);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glEnableVertexAttribArray, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 1u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawArrays: attribute 0 reads to byte 64 of a 48-byte buffer");
}

const struct hl_case hl_indirect_cases[] = {
        HL_CASE(gl_indirect_draw_command_past_its_buffer_is_invalid_operation),
        HL_CASE(gl_indirect_draw_counts_past_a_vertex_buffer_end_the_link),
        HL_CASE(gl_indirect_draw_base_instance_past_a_vertex_buffer_ends_the_link),
        HL_CASE(gl_indirect_dispatch_past_its_buffer_is_invalid_operation),
        HL_CASE(gl_vertex_buffer_bound_past_its_end_then_drawn_ends_the_link),
        HL_CASE(gl_attrib_pointer_without_a_buffer_ends_the_link_unless_null),
        HL_CASE(gl_attrib_of_the_initial_format_past_its_buffer_ends_the_link),
};
const size_t hl_indirect_case_count = sizeof(hl_indirect_cases) / sizeof(hl_indirect_cases[0]);
