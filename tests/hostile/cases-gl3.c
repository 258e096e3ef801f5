/*
 * Hostile streams of desktop OpenGL 3.0-3.3's draw checks, on the ES 3 link the harness
 * opens: a primitive restart index fetches no vertex (a legitimate draw with it goes on),
 * but the other indices of the draw are checked as ever, so one past the vertex buffer
 * ends the link; a desktop-only command on an ES link ends it.
 */
#include <GLES3/gl3.h>

#include "gl-link.h"

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

static void draw_shorts(struct hl_gl_link *g, uint32_t count, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawElements);
	hl_put_u32(&g->cmds, GL_TRIANGLE_STRIP);
	hl_put_u32(&g->cmds, count);
	hl_put_u32(&g->cmds, GL_UNSIGNED_SHORT);
	hl_gl_put_u64(g, offset);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* With GL_PRIMITIVE_RESTART_FIXED_INDEX on, 0xffff restarts the strip: {0, 1, 2, 0xffff,
 * 2, 1, 0} from a 3-vertex buffer is drawn; {0, 1, 2, 0xffff, 0, 1, 40} reads vertex 40,
 * past the buffer. */
static bool
gl_restart_index_fetches_nothing_but_an_index_past_the_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[14] = {0, 1, 2, 0xffff, 2, 1, 0, 0, 1, 2, 0xffff, 0, 1, 40};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART_FIXED_INDEX);
	draw_shorts(&g, 7, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the strips with a restart: error 0x%x", err);
	draw_shorts(&g, 7, 14);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 656 of a 48-byte buffer");
}

/* glPrimitiveRestartIndex is desktop GL's: an ES link never has it. */
static bool gl_desktop_command_on_an_es_link_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndex, 1, 7u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glPrimitiveRestartIndex is not part of the current context");
}

const struct hl_case hl_gl3_cases[] = {
        HL_CASE(gl_restart_index_fetches_nothing_but_an_index_past_the_buffer_ends_the_link),
        HL_CASE(gl_desktop_command_on_an_es_link_ends_the_link),
};
const size_t hl_gl3_case_count = sizeof(hl_gl3_cases) / sizeof(hl_gl3_cases[0]);
