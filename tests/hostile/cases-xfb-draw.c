/*
 * Hostile streams of desktop OpenGL's transform feedback draws (4.0, 4.2) on a core 4.2
 * link: their vertex count is what the host counted the object capturing
 * (gpuhost/gl/xfb-draw.c), checked against the attribute buffers as glDrawArrays' would be;
 * a draw of an object whose capture never ended, of a name never made or of a stream past
 * the driver's are GL's errors, the driver never called.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>
#include <GL/glcorearb.h>

#include "gl-link.h"

#define CORE42 GL_VERSION_CODE(4, 2)

/* Program 10 capturing its position as `cap` (16 bytes a vertex) in use, vertex array 4
 * bound, attribute 0 from buffer 5 (12 vertices), capture buffer 6 (64 vertices) at
 * transform feedback binding 0. */
static void capturing_program(struct hl_gl_link *g)
{
	hl_gl_shader(g, 11, GL_VERTEX_SHADER,
	             "#version 400 core\nin vec4 pos;\nout vec4 cap;\n"
	             "void main() { cap = pos; gl_Position = pos; }\n");
	hl_gl_shader(g, 12, GL_FRAGMENT_SHADER,
	             "#version 400 core\nout vec4 o;\nvoid main() { o = vec4(1, 0, 0, 1); }\n");
	hl_gl_cmd(g, GLES_OP_glCreateProgram, 1, 10u);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, 10u, 11u);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, 10u, 12u);
	hl_gl_cmd_begin(g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g->cmds, 10);
	hl_put_u32(&g->cmds, 0);
	hl_gl_put_blob(g, "pos", 4);
	hl_gl_cmd_end(g);
	hl_gl_cmd_begin(g, GLES_OP_glTransformFeedbackVaryings);
	hl_put_u32(&g->cmds, 10);
	hl_put_u32(&g->cmds, 1);
	hl_put_u32(&g->cmds, GL_INTERLEAVED_ATTRIBS);
	hl_gl_put_blob(g, "cap", 4);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glLinkProgram, 1, 10u);
	hl_gl_cmd(g, GLES_OP_glUseProgram, 1, 10u);
	uint32_t vao = 4;
	hl_gl_cmd_begin(g, GLES_OP_glGenVertexArrays);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &vao, sizeof(vao));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindVertexArray, 1, vao);
	static float twelve[12 * 4];
	hl_gl_buffer(g, GL_ARRAY_BUFFER, 5, twelve, sizeof(twelve));
	hl_gl_attrib0(g, 16);
	static uint8_t room[64 * 16];
	hl_gl_buffer(g, GL_TRANSFORM_FEEDBACK_BUFFER, 6, room, sizeof(room));
	hl_gl_cmd(g, GLES_OP_glBindBufferBase, 3, GL_TRANSFORM_FEEDBACK_BUFFER, 0u, 6u);
}

/* 12 points captured into the default object; each draw of it fetches 12 vertices: from
 * the 12-vertex buffer it is drawn (instanced too), from a 3-vertex one it ends the link. */
static bool gl_xfb_draw_past_an_attribute_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE42);
	capturing_program(&g);
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_RASTERIZER_DISCARD);
	hl_gl_cmd(&g, GLES_OP_glBeginTransformFeedback, 1, GL_POINTS);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 12u);
	hl_gl_cmd(&g, GLES_OP_glEndTransformFeedback, 0);
	hl_gl_cmd(&g, GLES_OP_glDisable, 1, GL_RASTERIZER_DISCARD);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the capture: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, 0u);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedbackInstanced, 3, GL_POINTS, 0u, 2u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the draws from 12 vertices: error 0x%x", err);
	static const float three[12] = {0};
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 7, three, sizeof(three));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 192 of a 48-byte buffer");
}

/* The same capture paused halfway, and the app's own GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN
 * query over the second half (the host counts that part with GL_PRIMITIVES_GENERATED): the
 * app's query still reads 6, and the draw still fetches all 12 vertices. */
static bool gl_xfb_draw_counts_a_capture_the_app_queries_too(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE42);
	capturing_program(&g);
	uint32_t q = 30;
	hl_gl_cmd_begin(&g, GLES_OP_glGenQueries);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &q, sizeof(q));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_RASTERIZER_DISCARD);
	hl_gl_cmd(&g, GLES_OP_glBeginTransformFeedback, 1, GL_POINTS);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 6u);
	hl_gl_cmd(&g, GLES_OP_glBeginQuery, 2, GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN, q);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 6u, 6u);
	hl_gl_cmd(&g, GLES_OP_glEndQuery, 1, GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN);
	hl_gl_cmd(&g, GLES_OP_glEndTransformFeedback, 0);
	hl_gl_cmd(&g, GLES_OP_glDisable, 1, GL_RASTERIZER_DISCARD);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the capture and the app's query: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glGetQueryObjectuiv, 3, q, GL_QUERY_RESULT, 4u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetQueryObjectuiv, &size);
	uint32_t written = 0;
	CHECKF(p && size >= 8, "no glGetQueryObjectuiv reply");
	memcpy(&written, p + 4, 4);
	CHECKF(written == 6, "the app's query counted %u primitives, not 6", written);
	static const float eight[32] = {0};
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 7, eight, sizeof(eight));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 192 of a 128-byte buffer");
}

/* An object never captured into: GL_INVALID_OPERATION; a name never bound (no object yet),
 * one never made and a stream past GL_MAX_VERTEX_STREAMS: GL_INVALID_VALUE; the link goes
 * on. */
static bool gl_xfb_draw_of_an_object_never_captured_is_an_error(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE42);
	capturing_program(&g);
	uint32_t tf = 9, err;
	hl_gl_cmd_begin(&g, GLES_OP_glGenTransformFeedbacks);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &tf, sizeof(tf));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, tf);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "a name never bound: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glBindTransformFeedback, 2, GL_TRANSFORM_FEEDBACK, tf);
	hl_gl_cmd(&g, GLES_OP_glBindTransformFeedback, 2, GL_TRANSFORM_FEEDBACK, 0u);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, tf);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "an object never captured: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedbackInstanced, 3, GL_POINTS, 0u, 3u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "the default object never captured: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, 77u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "a name never made: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedbackStream, 3, GL_POINTS, tf, 1000u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "stream 1000: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* The app ends a primitives-written query it never began while the host's own counter holds
 * that slot: GL_INVALID_OPERATION, the host's counter runs on, and the draw of the whole
 * capture past a smaller buffer still ends the link (the count did not stop there). */
static bool gl_xfb_draw_app_ending_the_hosts_query_is_an_error(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, CORE42);
	capturing_program(&g);
	hl_gl_cmd(&g, GLES_OP_glEnable, 1, GL_RASTERIZER_DISCARD);
	hl_gl_cmd(&g, GLES_OP_glBeginTransformFeedback, 1, GL_POINTS);
	hl_gl_cmd(&g, GLES_OP_glEndQuery, 1, GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "ending a query the app never began: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_POINTS, 0u, 12u);
	hl_gl_cmd(&g, GLES_OP_glEndTransformFeedback, 0);
	hl_gl_cmd(&g, GLES_OP_glDisable, 1, GL_RASTERIZER_DISCARD);
	static const float three[12] = {0};
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 7, three, sizeof(three));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glDrawTransformFeedback, 2, GL_POINTS, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "attribute 0 reads to byte 192 of a 48-byte buffer");
}

const struct hl_case hl_xfb_draw_cases[] = {
        HL_CASE(gl_xfb_draw_past_an_attribute_buffer_ends_the_link),
        HL_CASE(gl_xfb_draw_counts_a_capture_the_app_queries_too),
        HL_CASE(gl_xfb_draw_of_an_object_never_captured_is_an_error),
        HL_CASE(gl_xfb_draw_app_ending_the_hosts_query_is_an_error),
};
const size_t hl_xfb_draw_case_count = sizeof(hl_xfb_draw_cases) / sizeof(hl_xfb_draw_cases[0]);
