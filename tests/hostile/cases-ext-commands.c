/*
 * Hostile streams of the ES 2 extension commands: a multi-draw reaches the host as one
 * command, each of its draws checked as a plain draw, so a draw among them whose indices
 * reach past a vertex or element buffer ends the link before any is drawn, as does an index
 * type that is none. A 3D image
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

/* glMultiDrawElementsEXT of `drawcount` draws of `count` indices of `type`, the first at byte 0
 * of the element buffer, each next one `step` bytes on: one command, as the library sends
 * it (gles-draws.h). */
static void multi_draw_elements(struct hl_gl_link *g, uint32_t type, uint32_t count,
                                uint32_t drawcount, uint64_t step)
{
	uint32_t draws[4 * 4] = {0};
	for (uint32_t i = 0; i < drawcount && i < 4; i++) {
		uint64_t offset = i * step;
		draws[4 * i] = count;
		memcpy(&draws[4 * i + 2], &offset, sizeof(offset));
	}
	hl_gl_cmd_begin(g, GLES_OP_glMultiDrawElementsEXT);
	hl_put_u32(&g->cmds, GL_TRIANGLES);
	hl_put_u32(&g->cmds, type);
	hl_put_u32(&g->cmds, drawcount);
	hl_gl_put_blob(g, draws, drawcount * 16);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* Two draws of 3, at bytes 0 and 6: the second's indices (7, 8, 9) are past the 3-vertex
 * buffer, and the link ends with nothing of the multi-draw drawn. */
static bool
gl_multi_draw_elements_whose_second_draw_reads_past_a_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[6] = {0, 1, 2, 7, 8, 9};
	struct hl_gl_link g;
	CHECK(elements_ready(e, &g, idx, 6));
	multi_draw_elements(&g, GL_UNSIGNED_SHORT, 3, 2, 6);
	hl_gl_send(&g, CH, 0);
	return hl_refused(
	        e, &g.l,
	        "glMultiDrawElementsEXT: attribute 0 reads to byte 160 of a 48-byte buffer");
}

/* Two draws of 3, at bytes 0 and 8: the second's indices run past the 12-byte element
 * buffer (bytes 8..13). */
static bool
gl_multi_draw_elements_whose_counts_run_past_the_element_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[6] = {0, 1, 2, 2, 1, 0};
	struct hl_gl_link g;
	CHECK(elements_ready(e, &g, idx, 6));
	multi_draw_elements(&g, GL_UNSIGNED_SHORT, 3, 2, 8);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "indices to byte 14 of a 12-byte element buffer");
}

/* GL_FLOAT indices: the library answers GL_INVALID_ENUM and sends nothing. */
static bool gl_multi_draw_elements_of_no_index_type_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[3] = {0, 1, 2};
	struct hl_gl_link g;
	CHECK(elements_ready(e, &g, idx, 3));
	multi_draw_elements(&g, GL_FLOAT, 3, 1, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultiDrawElementsEXT: index type 0x1406");
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
        HL_CASE(gl_multi_draw_elements_of_no_index_type_ends_the_link),
        HL_CASE(gl_tex_image_3d_oes_past_its_data_ends_the_link),
        HL_CASE(gl_egl_image_storage_with_an_attribute_ends_the_link),
};
const size_t hl_ext_commands_case_count =
        sizeof(hl_ext_commands_cases) / sizeof(hl_ext_commands_cases[0]);
