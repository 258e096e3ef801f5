/*
 * Hostile streams of the compatibility profile's client arrays and pixel rectangles: a
 * client array of a compatibility kind shorter than its vertices, one of an unknown kind or
 * of OpenGL ES 1's point sizes, a glDrawPixels, glBitmap or pixel map past its data, end the
 * link; a stipple read back past a too-small pixel pack buffer is GL's error, and one asked
 * back into memory while that buffer is bound ends the link. Skipped while the host offers
 * no compatibility profile.
 * glArrayElement: an element past a buffer-sourced array's extent (a fixed-function one,
 * between glBegin and glEnd; a generic one with a divisor, which glArrayElement does not
 * apply), a negative element and an enabled array with no buffer end the link; so do a
 * glBindBuffer and a client array between glBegin and glEnd, which the driver would refuse
 * while the host's trackers followed them. NV_primitive_restart's index fetches no vertex,
 * as the driver has it at the draw: an index past the buffer that is no longer the restart
 * index ends the link.
 */
#include <string.h>

#include <GLES2/gl2.h>

#include "hl-compat.h"

#define PIXEL_PACK_BUFFER 0x88EBu
#define PIXEL_MAP_I_TO_R 0x0C72u
#define COMPAT GL_VERSION_CODE(2, 1)

/* GL_OP_CLIENT_ARRAY of `kind`: `count` vertices of 3 floats, `n` bytes of them. */
static void client_array(struct hl_gl_link *g, uint32_t kind, uint32_t count, uint32_t n)
{
	static const float data[12] = {0};
	hl_gl_cmd_begin(g, GL_OP_CLIENT_ARRAY);
	const uint32_t h[7] = {kind, 0, 3, GL_FLOAT, 0, 0, count};
	for (int i = 0; i < 7; i++)
		hl_put_u32(&g->cmds, h[i]);
	hl_gl_put_blob(g, data, n);
	hl_gl_cmd_end(g);
}

static bool compat_client_array_past_its_extent_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	client_array(&g, GL_ARRAY_SECONDARY_COLOR, 4, 24);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "secondary color array: 24 bytes for 4 vertices of 12 bytes");
}

static bool compat_client_array_of_an_unknown_kind_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	client_array(&g, 99, 2, 24);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_CLIENT_ARRAY: unknown array kind 99");
}

/* Without a GLSL program a compatibility context's driver fetches generic array 0 as the
 * position: a 16-byte buffer there drawing a million points was served (the security
 * review of 2026-12-06); the host checks it now as any attribute a program reads. */
static bool compat_generic_array_without_a_program_past_its_buffer_ends_the_link(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	hl_gl_buffer(&g, 0x8892u, 9, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, 0u, 0u, 1u);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "one point from the buffer: glGetError 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, 0u, 0u, 1000000u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 16000000 of a 16-byte buffer");
}

/* OpenGL ES 1's point sizes have no array in desktop GL. */
static bool compat_point_size_array_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	client_array(&g, GL_ARRAY_POINT_SIZE, 1, 12);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "a point size array in a context without");
}

/* 2x2 RGBA pixels are 16 bytes: 8 sent. */
static bool compat_draw_pixels_past_its_data_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint8_t pixels[8] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glDrawPixels);
	const uint32_t args[] = {2, 2, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < 4; i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, pixels, sizeof(pixels));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glDrawPixels: pixels is 8 bytes, its arguments say 16");
}

/* A 16x2 bitmap: rows of 2 bytes padded to 4, 6 bytes; 2 sent. */
static bool compat_bitmap_past_its_data_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint8_t bits[2] = {0xff, 0xff};
	hl_gl_cmd_begin(&g, GLES_OP_glBitmap);
	hl_put_u32(&g.cmds, 16);
	hl_put_u32(&g.cmds, 2);
	for (int i = 0; i < 4; i++)
		hl_put_u32(&g.cmds, 0); /* xorig, yorig, xmove, ymove: 0.0f */
	hl_gl_put_blob(&g, bits, sizeof(bits));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBitmap: bitmap is 2 bytes, its arguments say 6");
}

/* A map of 64 floats with 16 of them. */
static bool compat_pixel_map_larger_than_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float values[16] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glPixelMapfv);
	hl_put_u32(&g.cmds, PIXEL_MAP_I_TO_R);
	hl_put_u32(&g.cmds, 64);
	hl_gl_put_blob(&g, values, sizeof(values));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glPixelMapfv: values is 64 bytes, its arguments say 256");
}

/* The stipple is 128 bytes: into a 16-byte pack buffer it is GL_INVALID_OPERATION; asked
 * back into memory while that buffer is bound, the link ends. */
static bool
compat_stipple_past_the_pack_buffer_is_an_error_then_memory_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint8_t zeros[16] = {0};
	hl_gl_buffer(&g, PIXEL_PACK_BUFFER, 7, zeros, sizeof(zeros));
	hl_gl_cmd_begin(&g, GLES_OP_glGetPolygonStipple);
	hl_put_u32(&g.cmds, 0x7fffffffu);
	hl_put_u32(&g.cmds, GL_BLOB_OFFSET);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "past the pack buffer: error 0x%x", err);
	uint8_t mask[128] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glGetPolygonStipple);
	hl_put_u32(&g.cmds, 0x7fffffffu);
	hl_gl_put_blob(&g, mask, sizeof(mask));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetPolygonStipple: values asked back while a pixel pack buffer is "
	                  "bound");
}

/* The app's bytes of the stipple's extent must be all of it. */
static bool compat_stipple_with_a_short_extent_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint8_t mask[64] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glGetPolygonStipple);
	hl_put_u32(&g.cmds, 0x7fffffffu);
	hl_gl_put_blob(&g, mask, sizeof(mask));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetPolygonStipple: 64 bytes of the app's, the pack state says 128");
}

#define VERTEX_ARRAY 0x8074u
#define COLOR_ARRAY 0x8076u
#define POINTS 0u
#define TRIANGLES 4u

/* Buffer 5 of 4 vertices of 2 floats (32 bytes), bound to GL_ARRAY_BUFFER. */
static void quad_buffer(struct hl_gl_link *g)
{
	static const float quad[8] = {-1, -1, 1, -1, -1, 1, 1, 1};
	hl_gl_buffer(g, GL_ARRAY_BUFFER, 5, quad, sizeof(quad));
}

static void array_element(struct hl_gl_link *g, uint32_t i)
{
	hl_gl_cmd(g, GLES_OP_glArrayElement, 1, i);
}

/* The vertex array in buffer 5, enabled. */
static void buffer_vertices(struct hl_gl_link *g)
{
	quad_buffer(g);
	hl_gl_cmd_begin(g, GLES_OP_glVertexPointer);
	hl_put_u32(&g->cmds, 2);
	hl_put_u32(&g->cmds, GL_FLOAT);
	hl_put_u32(&g->cmds, 0);
	hl_gl_put_u64(g, 0);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glEnableClientState, 1, VERTEX_ARRAY);
}

/* Elements 0..3 are served; element 4 reads bytes 32..40 of the 32-byte buffer. */
static bool compat_array_element_past_a_buffer_array_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	buffer_vertices(&g);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, POINTS);
	array_element(&g, 3);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "element 3: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, POINTS);
	array_element(&g, 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glArrayElement: vertex array 0 reads to byte 40 of a 32-byte buffer");
}

/* Attribute 1, 4 floats a vertex (2 in 32 bytes), read once an instance: glArrayElement
 * reads element i whatever the divisor, so element 2 is past the buffer. */
static bool compat_array_element_ignores_the_divisor_and_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, GL_VERSION_CODE(3, 3)); /* glVertexAttribDivisor */
	quad_buffer(&g);
	hl_gl_cmd_begin(&g, GLES_OP_glVertexAttribPointer);
	const uint32_t args[] = {1, 4, GL_FLOAT, 0, 0};
	for (size_t i = 0; i < 5; i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glEnableVertexAttribArray, 1, 1u);
	hl_gl_cmd(&g, GLES_OP_glVertexAttribDivisor, 2, 1u, 1u);
	array_element(&g, 2);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glArrayElement: attribute 1 reads element 2 to byte 48 of a 32-byte "
	                  "buffer");
}

static bool compat_array_element_with_a_negative_element_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	buffer_vertices(&g);
	array_element(&g, 0xffffffffu);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glArrayElement: element -1");
}

/* An enabled colour array the library never pointed anywhere: the driver would read a host
 * address, and between glBegin and glEnd it cannot be disabled around the call. */
static bool compat_array_element_of_an_array_with_no_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	buffer_vertices(&g);
	hl_gl_cmd(&g, GLES_OP_glEnableClientState, 1, COLOR_ARRAY);
	array_element(&g, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glArrayElement: a fixed-function array is enabled with no buffer");
}

/* The driver refuses a glBindBuffer between glBegin and glEnd: the host's binding must not
 * change either, or a later check would trust a buffer the driver does not read. */
static bool compat_bind_buffer_between_begin_and_end_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	buffer_vertices(&g);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, TRIANGLES);
	array_element(&g, 0);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindBuffer: between glBegin and glEnd, where GL refuses it");
}

static bool compat_client_array_between_begin_and_end_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, TRIANGLES);
	client_array(&g, GL_ARRAY_SECONDARY_COLOR, 1, 12);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_CLIENT_ARRAY: a client array between glBegin and glEnd");
}

#define PRIMITIVE_RESTART_NV 0x8558u
#define TRIANGLE_STRIP 5u

static void draw_bytes(struct hl_gl_link *g, uint32_t count, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawElements);
	hl_put_u32(&g->cmds, TRIANGLE_STRIP);
	hl_put_u32(&g->cmds, count);
	hl_put_u32(&g->cmds, GL_UNSIGNED_BYTE);
	hl_gl_put_u64(g, offset);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* NV_primitive_restart (client state): with its index 9 on, {0, 1, 2, 9, 2, 1, 0} from the
 * 4-vertex buffer restarts and is drawn; once the index is 8, the same draw reads vertex 9,
 * past the buffer: the host skips the index its driver restarts at, never one the app
 * named before. Skipped where the host's driver lacks the extension. */
static bool
compat_nv_restart_index_fetches_nothing_but_a_changed_one_ends_the_link(struct hl_env *e)
{
	static const uint8_t idx[8] = {0, 1, 2, 9, 2, 1, 0, 0};
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	buffer_vertices(&g);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnableClientState, 1, PRIMITIVE_RESTART_NV);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	if (err == GL_INVALID_ENUM)
		return hl_gl_skip(e, &g, "the host's driver lacks NV_primitive_restart");
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndexNV, 1, 9u);
	draw_bytes(&g, 7, 0);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the strips with a restart: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndexNV, 1, 8u);
	draw_bytes(&g, 7, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "reads to byte 80 of a 32-byte buffer");
}

const struct hl_case hl_compat_arrays_cases[] = {
        HL_CASE(compat_nv_restart_index_fetches_nothing_but_a_changed_one_ends_the_link),
        HL_CASE(compat_array_element_past_a_buffer_array_ends_the_link),
        HL_CASE(compat_array_element_ignores_the_divisor_and_ends_the_link),
        HL_CASE(compat_array_element_with_a_negative_element_ends_the_link),
        HL_CASE(compat_array_element_of_an_array_with_no_buffer_ends_the_link),
        HL_CASE(compat_bind_buffer_between_begin_and_end_ends_the_link),
        HL_CASE(compat_client_array_between_begin_and_end_ends_the_link),
        HL_CASE(compat_client_array_past_its_extent_ends_the_link),
        HL_CASE(compat_client_array_of_an_unknown_kind_ends_the_link),
        HL_CASE(compat_point_size_array_ends_the_link),
        HL_CASE(compat_draw_pixels_past_its_data_ends_the_link),
        HL_CASE(compat_bitmap_past_its_data_ends_the_link),
        HL_CASE(compat_pixel_map_larger_than_its_blob_ends_the_link),
        HL_CASE(compat_stipple_past_the_pack_buffer_is_an_error_then_memory_ends_the_link),
        HL_CASE(compat_stipple_with_a_short_extent_ends_the_link),
        HL_CASE(compat_generic_array_without_a_program_past_its_buffer_ends_the_link),
};
const size_t hl_compat_arrays_case_count =
        sizeof(hl_compat_arrays_cases) / sizeof(hl_compat_arrays_cases[0]);
