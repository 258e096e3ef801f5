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

const struct hl_case hl_compat_ls_cases[] = {
        HL_CASE(gl_eval_map_with_a_stride_below_its_components_ends_the_link),
        HL_CASE(gl_eval_map_short_of_order_times_stride_ends_the_link),
        HL_CASE(gl_eval_map_order_past_the_limit_ends_the_link),
};
const size_t hl_compat_ls_case_count = sizeof(hl_compat_ls_cases) / sizeof(hl_compat_ls_cases[0]);
