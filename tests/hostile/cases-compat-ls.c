/*
 * Hostile GL streams of the compatibility profile's evaluators and attribute stack
 * (helper LS's block of protocols/gles/gl-compat-annotations.txt), on a 4.5 compatibility
 * context: skipped where the host offers none yet.
 */
#include <string.h>

#include "hl-compat.h"

#define COMPAT45 GL_VERSION_CODE(4, 5)
#define GL_MAP1_VERTEX_3_ 0x0D97
#define GL_MAP2_VERTEX_3_ 0x0DB7
#define ONE 0x3f800000u /* 1.0f */

/* glMap2f of GL_MAP2_VERTEX_3 with a u stride of 2: points would overlap and GL's own
 * check comes after the host's copy is sized, so the host refuses it first. */
static bool gl_eval_map_with_a_stride_below_its_components_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[16];
	hl_gl_cmd_begin(&g, GLES_OP_glMap2f);
	hl_put_u32(&g.cmds, GL_MAP2_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 2); /* ustride */
	hl_put_u32(&g.cmds, 2); /* uorder */
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 6); /* vstride */
	hl_put_u32(&g.cmds, 2); /* vorder */
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap2f: points");
}

/* Four points of three values, 3 apart, are 12 values: a blob of 10 would have the driver
 * read 8 bytes past it. */
static bool gl_eval_map_short_of_order_times_stride_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[10];
	hl_gl_cmd_begin(&g, GLES_OP_glMap1f);
	hl_put_u32(&g.cmds, GL_MAP1_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 3); /* stride */
	hl_put_u32(&g.cmds, 4); /* order */
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap1f: points is 40 bytes, its arguments say 48");
}

/* An order past GL_MAX_EVAL_ORDER never sizes a blob: a stride of 2^30 with order 40
 * would say gigabytes. */
static bool gl_eval_map_order_past_the_limit_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[3];
	hl_gl_cmd_begin(&g, GLES_OP_glMap1f);
	hl_put_u32(&g.cmds, GL_MAP1_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 1u << 30);
	hl_put_u32(&g.cmds, 40);
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap1f: points");
}

/* A feedback buffer that does not fit: 2^28 values is past the GL memory quota and any
 * reply, GL_OUT_OF_MEMORY and the link goes on; a buffer of 4 values that three
 * glPassThrough (2 values each) overflow: glRenderMode answers -1 and carries the 4 values
 * GL wrote, never more. */
static bool gl_feedback_buffer_that_does_not_fit_is_gl_overflow(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glFeedbackBuffer, 2, 1u << 28, 0x0600u /* GL_2D */);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "glGetError is 0x%x, not GL_OUT_OF_MEMORY", err);
	hl_gl_cmd(&g, GLES_OP_glFeedbackBuffer, 2, 4u, 0x0600u);
	hl_gl_cmd(&g, GLES_OP_glRenderMode, 1, 0x1C01u /* GL_FEEDBACK */);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glRenderMode, &size);
	CHECK(p != NULL);
	CHECKF(size == 16, "entering GL_FEEDBACK: a reply of %u bytes", size);
	for (int i = 0; i < 3; i++)
		hl_gl_cmd(&g, GLES_OP_glPassThrough, 1, ONE);
	hl_gl_cmd(&g, GLES_OP_glRenderMode, 1, 0x1C00u /* GL_RENDER */);
	CHECK(hl_gl_send(&g, CH, 0));
	p = hl_gl_reply(&g, GLES_OP_glRenderMode, &size);
	CHECK(p != NULL);
	uint32_t head[4];
	CHECKF(size >= 16, "leaving GL_FEEDBACK: a reply of %u bytes", size);
	memcpy(head, p, 16);
	CHECKF((int32_t)head[0] == -1 && head[1] == 0x1C01u && head[3] == 16 && size == 32,
	       "leaving GL_FEEDBACK: %d, mode 0x%x, %u bytes of values in %u", (int32_t)head[0],
	       head[1], head[3], size);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_compat_ls_cases[] = {
        HL_CASE(gl_feedback_buffer_that_does_not_fit_is_gl_overflow),
        HL_CASE(gl_eval_map_with_a_stride_below_its_components_ends_the_link),
        HL_CASE(gl_eval_map_short_of_order_times_stride_ends_the_link),
        HL_CASE(gl_eval_map_order_past_the_limit_ends_the_link),
};
const size_t hl_compat_ls_case_count = sizeof(hl_compat_ls_cases) / sizeof(hl_compat_ls_cases[0]);
