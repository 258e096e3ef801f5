/*
 * Hostile streams of desktop OpenGL 3.0-3.3's draw checks, on the ES 3 link the harness
 * opens: a primitive restart index fetches no vertex (a legitimate draw with it goes on),
 * but the other indices of the draw are checked as ever, so one past the vertex buffer
 * ends the link; a desktop-only command on an ES link ends it.
 */
#include <stdio.h>
#include <stdlib.h>

#include <GLES3/gl32.h>
#include <GL/glcorearb.h>

#include "gl-link.h"

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

static void draw_mode_shorts(struct hl_gl_link *g, uint32_t mode, uint32_t count, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glDrawElements);
	hl_put_u32(&g->cmds, mode);
	hl_put_u32(&g->cmds, count);
	hl_put_u32(&g->cmds, GL_UNSIGNED_SHORT);
	hl_gl_put_u64(g, offset);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

static void draw_shorts(struct hl_gl_link *g, uint32_t count, uint64_t offset)
{
	draw_mode_shorts(g, GL_TRIANGLE_STRIP, count, offset);
}

/* Patches need not restart (GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED may be false: the
 * driver then fetches 0xffff as a vertex): in a GL_PATCHES draw the host checks the restart
 * index as any other, so {0, 1, 2, 0xffff} from a 3-vertex buffer ends the link. */
static bool gl_restart_index_of_a_patches_draw_is_checked_as_a_vertex(struct hl_env *e)
{
	static const uint16_t idx[4] = {0, 1, 2, 0xffff};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART_FIXED_INDEX);
	draw_mode_shorts(&g, GL_PATCHES, 4, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 1048576 of a 48-byte buffer");
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

/* glPrimitiveRestartIndex(0x7777) with GL_PRIMITIVE_RESTART on: {0, 1, 2, 0x7777, 2, 1, 0}
 * from a 3-vertex buffer is drawn; {0, 1, 2, 0x7777, 0, 1, 40} reads vertex 40. With
 * restart off again, 0x7777 is an index like any other, past the buffer. */
static bool
gl_custom_restart_index_fetches_nothing_but_an_index_past_the_buffer_ends_the_link(struct hl_env *e)
{
	static const uint16_t idx[14] = {0, 1, 2, 0x7777, 2, 1, 0, 0, 1, 2, 0x7777, 0, 1, 40};
	struct hl_gl_link g;
	bool offered;
	CHECK(hl_gl_ready_core_drawing(e, &g, GL_VERSION_CODE(3, 2), &offered));
	if (!offered)
		return hl_gl_skip(e, &g, "the host offers no such desktop OpenGL core profile yet");
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART);
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndex, 1, 0x7777u);
	draw_shorts(&g, 7, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the strips with a restart: error 0x%x", err);
	draw_shorts(&g, 7, 14);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 656 of a 48-byte buffer");
}

static bool gl_restart_index_with_restart_off_is_an_index_past_the_buffer(struct hl_env *e)
{
	static const uint16_t idx[7] = {0, 1, 2, 0x7777, 2, 1, 0};
	struct hl_gl_link g;
	bool offered;
	CHECK(hl_gl_ready_core_drawing(e, &g, GL_VERSION_CODE(3, 2), &offered));
	if (!offered)
		return hl_gl_skip(e, &g, "the host offers no such desktop OpenGL core profile yet");
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART);
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndex, 1, 0x7777u);
	draw_shorts(&g, 7, 0);
	hl_gl_cmd(&g, GLES_OP_glDisable, 1, GL_PRIMITIVE_RESTART);
	draw_shorts(&g, 7, 0); /* the same indices: the scan must not be reused */
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 489344 of a 48-byte buffer");
}

/* A 3.3 context on a host context that has GL_PRIMITIVE_RESTART_FIXED_INDEX (4.3): the
 * app enables it beside GL_PRIMITIVE_RESTART with index 40. The driver restarts at 0xffff
 * only and fetches vertex 40, past the 3-vertex buffer: the link ends. */
static bool gl_fixed_restart_index_beside_a_custom_one_checks_the_custom_one(struct hl_env *e)
{
	static const uint16_t idx[4] = {0, 1, 2, 40};
	struct hl_gl_link g;
	bool offered;
	CHECK(hl_gl_ready_core_drawing(e, &g, GL_VERSION_CODE(3, 3), &offered));
	if (!offered)
		return hl_gl_skip(e, &g, "the host offers no such desktop OpenGL core profile yet");
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 16);
	hl_gl_buffer(&g, GL_ELEMENT_ARRAY_BUFFER, 6, idx, sizeof(idx));
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART);
	hl_gl_cmd(&g, GLES_OP_glPrimitiveRestartIndex, 1, 40u);
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_PRIMITIVE_RESTART_FIXED_INDEX);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	if (err == GL_INVALID_ENUM) { /* a host context without the cap */
		fprintf(stderr, "skip: the host's core context has no fixed restart index\n");
		hl_env_stop(e);
		exit(77);
	}
	draw_shorts(&g, 4, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 656 of a 48-byte buffer");
}

/* glTexImage2DMultisample of 8192 x 8192 x 4 samples of RGBA8 (1 GiB) in a 64 MiB quota:
 * GL_OUT_OF_MEMORY, the link goes on; a small one fits. */
static bool gl_multisample_image_past_the_gl_memory_quota_gives_out_of_memory(struct hl_env *e)
{
	struct hl_gl_link g;
	bool offered;
	CHECK(hl_gl_ready_core_drawing(e, &g, GL_VERSION_CODE(3, 2), &offered));
	if (!offered)
		return hl_gl_skip(e, &g, "the host offers no such desktop OpenGL core profile yet");
	uint32_t tex = 7;
	hl_gl_cmd_begin(&g, GLES_OP_glGenTextures);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &tex, sizeof(tex));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D_MULTISAMPLE, tex);
	hl_gl_cmd(&g, GLES_OP_glTexImage2DMultisample, 6, GL_TEXTURE_2D_MULTISAMPLE, 4u, GL_RGBA8,
	          8192u, 8192u, 1u);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "glGetError is 0x%x, not GL_OUT_OF_MEMORY", err);
	hl_gl_cmd(&g, GLES_OP_glTexImage2DMultisample, 6, GL_TEXTURE_2D_MULTISAMPLE, 4u, GL_RGBA8,
	          64u, 64u, 1u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a 64x64 image: glGetError 0x%x", err);
	CHECKF(hl_log_has(e, NULL, 0, "GL memory quota: glTexImage2DMultisample", NULL),
	       "no log line names the GL memory quota");
	return hl_gl_close_served(e, &g);
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
        HL_CASE(gl_restart_index_of_a_patches_draw_is_checked_as_a_vertex),
        HL_CASE(gl_restart_index_fetches_nothing_but_an_index_past_the_buffer_ends_the_link),
        HL_CASE(gl_desktop_command_on_an_es_link_ends_the_link),
        HL_CASE(gl_custom_restart_index_fetches_nothing_but_an_index_past_the_buffer_ends_the_link),
        HL_CASE(gl_restart_index_with_restart_off_is_an_index_past_the_buffer),
        HL_CASE(gl_fixed_restart_index_beside_a_custom_one_checks_the_custom_one),
        HL_CASE_ARGS(gl_multisample_image_past_the_gl_memory_quota_gives_out_of_memory,
                     "--quota-gl-memory", "64M"),
};
const size_t hl_gl3_case_count = sizeof(hl_gl3_cases) / sizeof(hl_gl3_cases[0]);
