/*
 * Hostile streams of the ES 2 extension commands: a multi-draw reaches the host as its
 * draws one by one (the library sends each as the plain draw it is), so a draw among them
 * whose indices reach past a vertex or element buffer ends the link at that draw, after
 * the draws before it were drawn; the multi-draw's own opcode is never sent. A 3D image
 * whose blob is shorter than its arguments say, and an EGL image storage with an
 * attribute, end the link too.
 */
#include <string.h>

#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include "gl-link.h"

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

/* Program 10 drawing attribute 0 from a 3-vertex buffer (48 bytes), indices (`n` of them)
 * in an element buffer. */
static bool elements_ready(struct hl_env *e, struct hl_gl_link *g, const uint16_t *idx, uint32_t n)
{
	CHECK(hl_gl_ready(e, g));
	hl_gl_program(g, 10);
	hl_gl_buffer(g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(g, 16);
	hl_gl_buffer(g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, n * (uint32_t)sizeof(idx[0]));
	return true;
}

/* glDrawElements of `count` shorts from the element buffer at byte `offset`. */
static void draw_elements(struct hl_gl_link *g, uint32_t count, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawElements);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_put_u32(&g->cmds, count);
	hl_put_u32(&g->cmds, GL_UNSIGNED_SHORT);
	hl_gl_put_u64(g, offset);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* glMultiDrawElementsEXT(counts {3, 3}, offsets {0, 6}) as the library sends it, the second
 * draw's indices (7, 8, 9) past the 3-vertex buffer: the first draw is drawn, the second
 * ends the link. */
static bool
gl_multi_draw_elements_whose_second_draw_reads_past_a_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[6] = {0, 1, 2, 7, 8, 9};
	struct hl_gl_link g;
	CHECK(elements_ready(e, &g, idx, 6));
	draw_elements(&g, 3, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the first draw: error 0x%x", err);
	draw_elements(&g, 3, 6);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 160 of a 48-byte buffer");
}

/* Counts {3, 3} with offsets {0, 8}: the second draw's indices run past the 12-byte element
 * buffer (bytes 8..13). */
static bool
gl_multi_draw_elements_whose_counts_run_past_the_element_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[6] = {0, 1, 2, 2, 1, 0};
	struct hl_gl_link g;
	CHECK(elements_ready(e, &g, idx, 6));
	draw_elements(&g, 3, 0);
	draw_elements(&g, 3, 8);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "indices to byte 14 of a 12-byte element buffer");
}

/* The multi-draw's own opcode, which the library answers itself (its draws travel). */
static bool gl_multi_draw_opcode_on_the_wire_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glMultiDrawElementsEXT, 3, GL_TRIANGLES, GL_UNSIGNED_SHORT, 2u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultiDrawElementsEXT (opcode");
}

/* glTexImage3DOES of a 4x4x4 RGBA image (256 bytes) with 16 bytes of pixels. */
static bool gl_tex_image_3d_oes_past_its_data_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	uint32_t tex = 3;
	hl_gl_cmd_begin(&g, GLES_OP_glGenTextures);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &tex, sizeof(tex));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_3D_OES, tex);
	uint8_t pixels[16] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glTexImage3DOES);
	uint32_t args[] = {GL_TEXTURE_3D_OES, 0, GL_RGBA, 4, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, pixels, sizeof(pixels));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glTexImage3DOES: pixels is 16 bytes, its arguments say 256");
}

/* glEGLImageTargetTexStorageEXT with an attribute list holding one (the library answers
 * GL_INVALID_VALUE itself and sends none). */
static bool gl_egl_image_storage_with_an_attribute_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	int32_t attribs[1] = {1};
	hl_gl_cmd_begin(&g, GLES_OP_glEGLImageTargetTexStorageEXT);
	hl_put_u32(&g.cmds, GL_TEXTURE_2D);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, attribs, sizeof(attribs));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glEGLImageTargetTexStorageEXT: attribute 0x1");
}

const struct hl_case hl_ext_commands_cases[] = {
        HL_CASE(gl_multi_draw_elements_whose_second_draw_reads_past_a_buffer_ends_the_link),
        HL_CASE(gl_multi_draw_elements_whose_counts_run_past_the_element_buffer_ends_the_link),
        HL_CASE(gl_multi_draw_opcode_on_the_wire_ends_the_link),
        HL_CASE(gl_tex_image_3d_oes_past_its_data_ends_the_link),
        HL_CASE(gl_egl_image_storage_with_an_attribute_ends_the_link),
};
const size_t hl_ext_commands_case_count =
        sizeof(hl_ext_commands_cases) / sizeof(hl_ext_commands_cases[0]);
