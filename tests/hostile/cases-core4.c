/*
 * Hostile streams of desktop OpenGL 4.0 to 4.4's own commands on a core 4.4 context: a
 * blob its arguments do not size, or a capacity over what the command may answer, ends the
 * link, naming the command. Skipped where the host offers no core 4.4 (until every
 * command of it is streamed, or with GPUPIPE_TEST_OFFER_PENDING=1 in a test build).
 */
#include <string.h>

#include <GL/glcorearb.h>

#include "gl-link.h"

#define CORE44 GL_VERSION_CODE(4, 4)

/* Four depth ranges said, one sent (16 of 64 bytes): the driver would read past the blob. */
static bool gl_depth_range_array_counted_past_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	static const double v[2] = {0, 1};
	hl_gl_cmd_begin(&g, GLES_OP_glDepthRangeArrayv);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 4);
	hl_gl_put_blob(&g, v, sizeof(v));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glDepthRangeArrayv: v is 16 bytes, its arguments say 64");
}

/* The same on a core 3.3 context, where ARB_viewport_array (which the host's driver has)
 * brings glDepthRangeArrayv: checked by its size there too, not waved through. */
static bool
gl_depth_range_array_of_arb_viewport_array_counted_past_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 3));
	static const double v[2] = {0, 1};
	hl_gl_cmd_begin(&g, GLES_OP_glDepthRangeArrayv);
	hl_put_u32(&g.cmds, 1);
	hl_put_u32(&g.cmds, 2);
	hl_gl_put_blob(&g, v, sizeof(v));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glDepthRangeArrayv: v is 16 bytes, its arguments say 32");
}

/* Two dmat4s said, one sent. */
static bool gl_double_matrix_uniform_counted_past_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	double m[16] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glUniformMatrix4dv);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 2);
	hl_put_u32(&g.cmds, 0);
	hl_gl_put_blob(&g, m, sizeof(m));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glUniformMatrix4dv: value is 128 bytes, its arguments say 256");
}

/* glGetUniformdv answers a dmat4 at most (128 bytes): a capacity of 4096 is not the
 * library's. */
static bool gl_get_uniform_dv_capacity_over_a_dmat4_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 5u);
	hl_gl_cmd(&g, GLES_OP_glGetUniformdv, 3, 5u, 0u, 4096u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetUniformdv: capacity 4096, its arguments say 128");
}

/* One GL_RGBA/GL_FLOAT value is 16 bytes: 4 would have the driver read 12 past the blob. */
static bool gl_clear_buffer_data_with_a_short_value_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	float one = 1;
	hl_gl_cmd_begin(&g, GLES_OP_glClearBufferData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_put_u32(&g.cmds, GL_RGBA32F);
	hl_put_u32(&g.cmds, GL_RGBA);
	hl_put_u32(&g.cmds, GL_FLOAT);
	hl_gl_put_blob(&g, &one, sizeof(one));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClearBufferData: data is 4 bytes, its arguments say 16");
}

/* A range whose end wraps in 64 bits (Mesa adds offset and size so, then gives the driver 32
 * bits of each): GL_INVALID_VALUE from the host's own check, the driver never called, the
 * link up; and with GL_UNPACK_SKIP_ROWS set the one value the driver reads lies that far
 * into the blob, which must hold it. */
static bool gl_clear_buffer_sub_data_with_a_wrapping_range_is_invalid_value(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	static const uint8_t zeros[16];
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, zeros, sizeof(zeros));
	uint8_t v = 7;
	hl_gl_cmd_begin(&g, GLES_OP_glClearBufferSubData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_put_u32(&g.cmds, GL_R8UI);
	hl_gl_put_u64(&g, 0x7fffffff00000100ull);
	hl_gl_put_u64(&g, 0x7fffffff00000100ull);
	hl_put_u32(&g.cmds, GL_RED_INTEGER);
	hl_put_u32(&g.cmds, GL_UNSIGNED_BYTE);
	hl_gl_put_blob(&g, &v, sizeof(v));
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "a wrapping clear range: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, GL_UNPACK_SKIP_ROWS, 1000000u);
	hl_gl_cmd_begin(&g, GLES_OP_glClearBufferData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_put_u32(&g.cmds, GL_R8UI);
	hl_put_u32(&g.cmds, GL_RED_INTEGER);
	hl_put_u32(&g.cmds, GL_UNSIGNED_BYTE);
	hl_gl_put_blob(&g, &v, sizeof(v));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClearBufferData: data is 1 bytes, its arguments say");
}

/* The inner levels are two floats, not four. */
static bool gl_patch_parameter_with_the_wrong_count_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	static const float v[4] = {1, 2, 3, 4};
	hl_gl_cmd_begin(&g, GLES_OP_glPatchParameterfv);
	hl_put_u32(&g.cmds, GL_PATCH_DEFAULT_INNER_LEVEL);
	hl_gl_put_blob(&g, v, sizeof(v));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glPatchParameterfv: values is 16 bytes, its arguments say 8");
}

/* Subroutine indices: three said, one sent. */
static bool gl_uniform_subroutines_counted_past_their_blob_end_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	uint32_t index = 0;
	hl_gl_cmd_begin(&g, GLES_OP_glUniformSubroutinesuiv);
	hl_put_u32(&g.cmds, GL_FRAGMENT_SHADER);
	hl_put_u32(&g.cmds, 3);
	hl_gl_put_blob(&g, &index, sizeof(index));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glUniformSubroutinesuiv: indices is 4 bytes, its arguments say 12");
}

/* An internal format query of 2 values with room for 1. */
static bool gl_internalformat_i64_query_with_a_short_capacity_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	hl_gl_cmd(&g, GLES_OP_glGetInternalformati64v, 5, GL_TEXTURE_2D, GL_RGBA8, GL_SAMPLES, 2u,
	          8u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetInternalformati64v: params");
}

/* The counter indices of a buffer have the capacity of GL_SIZES_MAX_BUFFER_COUNTERS: a
 * smaller one is not the library's (the host answers as many as the capacity holds). */
static bool gl_atomic_counter_indices_with_a_short_capacity_end_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 5u);
	hl_gl_cmd(&g, GLES_OP_glGetActiveAtomicCounterBufferiv, 4, 5u, 0u,
	          GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTER_INDICES, 8u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetActiveAtomicCounterBufferiv: capacity 8, its arguments say 16384");
}

/* An array of doubles with no GL_ARRAY_BUFFER bound: the offset would be a host pointer. */
static bool gl_double_attrib_pointer_without_a_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE44);
	hl_gl_cmd_begin(&g, GLES_OP_glVertexAttribLPointer);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, 2);
	hl_put_u32(&g.cmds, GL_DOUBLE);
	hl_put_u32(&g.cmds, 16);
	hl_gl_put_u64(&g, 0x1000);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glVertexAttribLPointer: no GL_ARRAY_BUFFER bound");
}

const struct hl_case hl_core4_cases[] = {
        HL_CASE(gl_depth_range_array_counted_past_its_blob_ends_the_link),
        HL_CASE(gl_depth_range_array_of_arb_viewport_array_counted_past_its_blob_ends_the_link),
        HL_CASE(gl_double_matrix_uniform_counted_past_its_blob_ends_the_link),
        HL_CASE(gl_get_uniform_dv_capacity_over_a_dmat4_ends_the_link),
        HL_CASE(gl_clear_buffer_data_with_a_short_value_ends_the_link),
        HL_CASE(gl_clear_buffer_sub_data_with_a_wrapping_range_is_invalid_value),
        HL_CASE(gl_patch_parameter_with_the_wrong_count_ends_the_link),
        HL_CASE(gl_uniform_subroutines_counted_past_their_blob_end_the_link),
        HL_CASE(gl_internalformat_i64_query_with_a_short_capacity_ends_the_link),
        HL_CASE(gl_atomic_counter_indices_with_a_short_capacity_end_the_link),
        HL_CASE(gl_double_attrib_pointer_without_a_buffer_ends_the_link),
};
const size_t hl_core4_case_count = sizeof(hl_core4_cases) / sizeof(hl_core4_cases[0]);
