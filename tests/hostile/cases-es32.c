/*
 * Hostile streams of the OpenGL ES 3.2 draw and state commands, through their ES
 * extensions (the core names come with ES 3.2): base vertex draws whose vertices lie past
 * an array or before its first, a bounded uniform read whose capacity is not its bufSize,
 * image copies of names never made. What GL refuses gets GL's error and the link goes on;
 * what an honest library never sends ends the link, naming it.
 */
#include <string.h>

#include <GLES3/gl32.h>

#include "gl-link.h"

/* The link's context has `ext` (the host offers it): else the case cannot run. */
static bool has_extension(struct hl_gl_link *g, const char *ext)
{
	int i = gles_extension_index(ext);
	return i >= 0 && (g->es.exts[i / 64] >> (i % 64) & 1u);
}

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

/* Program 10 drawing attribute 0 from a 3-vertex buffer (48 bytes), indices in an element
 * buffer. */
static bool base_vertex_ready(struct hl_env *e, struct hl_gl_link *g, const uint16_t idx[3])
{
	CHECK(hl_gl_ready(e, g));
	CHECKF(has_extension(g, "GL_OES_draw_elements_base_vertex"),
	       "the host offers no GL_OES_draw_elements_base_vertex");
	hl_gl_program(g, 10);
	hl_gl_buffer(g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(g, 16);
	hl_gl_buffer(g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, 3 * sizeof(idx[0]));
	return true;
}

static void draw_base_vertex(struct hl_gl_link *g, int32_t base)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawElementsBaseVertexOES);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_put_u32(&g->cmds, 3);
	hl_put_u32(&g->cmds, GL_UNSIGNED_SHORT);
	hl_gl_put_u64(g, 0);
	hl_put_u32(&g->cmds, (uint32_t)base);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* Indices 0..2 in bounds, base vertex 10: vertices 10..12 of a 3-vertex buffer. */
static bool gl_base_vertex_draw_past_its_array_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[3] = {0, 1, 2};
	struct hl_gl_link g;
	CHECK(base_vertex_ready(e, &g, idx));
	draw_base_vertex(&g, 0); /* in bounds: drawn */
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the draw in bounds: error 0x%x", err);
	draw_base_vertex(&g, 10);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 208 of a 48-byte buffer");
}

/* Base vertex -1 with indices 0..2: vertex -1, before the buffer's first. */
static bool gl_negative_base_vertex_making_an_index_negative_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[3] = {0, 1, 2};
	struct hl_gl_link g;
	CHECK(base_vertex_ready(e, &g, idx));
	draw_base_vertex(&g, -1);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 fetches vertex -1");
}

/* glGetnUniformfvEXT with bufSize 8 asking 64 bytes back: the capacity is what bufSize
 * says, not what the stream claims. */
static bool gl_getn_uniform_capacity_over_its_bufsize_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECKF(has_extension(&g, "GL_EXT_robustness"), "the host offers no GL_EXT_robustness");
	hl_gl_program(&g, 10);
	hl_gl_cmd(&g, GLES_OP_glGetnUniformfvEXT, 4, 10u, 0u, 8u, 64u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetnUniformfvEXT: capacity 64, its arguments say 8");
}

static void copy_image(struct hl_gl_link *g, uint32_t src, uint32_t dst, uint32_t width)
{
	hl_gl_cmd(g, GLES_OP_glCopyImageSubDataOES, 15, src, GL_TEXTURE_2D, 0u, 0u, 0u, 0u, dst,
	          GL_TEXTURE_2D, 0u, 0u, 0u, 0u, width, 4u, 1u);
}

static void texture_4x4(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, name);
	hl_gl_cmd(g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1u, GL_RGBA8, 4u, 4u);
}

/* A region past the source is the driver's GL_INVALID_VALUE; the link goes on. */
static bool gl_copy_image_past_its_texture_is_invalid_value(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECKF(has_extension(&g, "GL_OES_copy_image"), "the host offers no GL_OES_copy_image");
	texture_4x4(&g, 7);
	texture_4x4(&g, 8);
	copy_image(&g, 7, 8, 4);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a 4x4 copy: error 0x%x", err);
	copy_image(&g, 7, 8, 64);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "a 64x4 copy of a 4x4 texture: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* Texture names never generated: the library refuses them, so the host ends the link. */
static bool gl_copy_image_of_unknown_names_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECKF(has_extension(&g, "GL_OES_copy_image"), "the host offers no GL_OES_copy_image");
	copy_image(&g, 99, 98, 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "texture 99 was never generated");
}

const struct hl_case hl_es32_cases[] = {
        HL_CASE(gl_base_vertex_draw_past_its_array_ends_the_link),
        HL_CASE(gl_negative_base_vertex_making_an_index_negative_ends_the_link),
        HL_CASE(gl_getn_uniform_capacity_over_its_bufsize_ends_the_link),
        HL_CASE(gl_copy_image_past_its_texture_is_invalid_value),
        HL_CASE(gl_copy_image_of_unknown_names_ends_the_link),
};
const size_t hl_es32_case_count = sizeof(hl_es32_cases) / sizeof(hl_es32_cases[0]);
