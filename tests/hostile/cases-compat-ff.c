/*
 * Hostile streams of the compatibility profile's immediate mode and fixed-function state
 * (helper FF's batch): a parameter list, matrix or plane shorter than its command says,
 * a capacity over what a query may answer, a texture name never made, each ends the link
 * naming the command; a plane GL refuses is GL's error and the link goes on. Skipped where
 * the host offers no compatibility profile (until every command of it is streamed, or with
 * GPUPIPE_TEST_OFFER_PENDING=1 in a test build).
 */
#include <GL/gl.h>
#include <GL/glext.h>

#include "hl-compat.h"

#define COMPAT GL_VERSION_CODE(2, 1)

/* GL_SPOT_DIRECTION is three floats: one sent would have the driver read 8 bytes past it. */
static bool gl_light_fv_with_a_pname_past_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float one = 1;
	hl_gl_cmd_begin(&g, GLES_OP_glLightfv);
	hl_put_u32(&g.cmds, GL_LIGHT0);
	hl_put_u32(&g.cmds, GL_SPOT_DIRECTION);
	hl_gl_put_blob(&g, &one, sizeof(one));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glLightfv: params is 4 bytes, its arguments say 12");
}

/* A double matrix is 128 bytes: 16 floats' worth (64) is half of it. */
static bool gl_mult_matrix_d_short_of_128_bytes_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float m[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
	hl_gl_cmd_begin(&g, GLES_OP_glMultMatrixd);
	hl_gl_put_blob(&g, m, sizeof(m));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMultMatrixd: m is 64 bytes, its arguments say 128");
}

/* glClipPlane's plane is four doubles; ES 1's glClipPlanef is four floats. */
static bool gl_clip_plane_of_four_floats_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float eq[4] = {1, 0, 0, 0};
	hl_gl_cmd_begin(&g, GLES_OP_glClipPlane);
	hl_put_u32(&g.cmds, GL_CLIP_PLANE0);
	hl_gl_put_blob(&g, eq, sizeof(eq));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClipPlane: equation is 16 bytes, its arguments say 32");
}

/* A plane past the last is the driver's GL_INVALID_ENUM: the link goes on. */
static bool gl_clip_plane_past_the_last_is_invalid_enum(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	double eq[4] = {1, 0, 0, 0};
	hl_gl_cmd_begin(&g, GLES_OP_glClipPlane);
	hl_put_u32(&g.cmds, GL_CLIP_PLANE0 + 1000);
	hl_gl_put_blob(&g, eq, sizeof(eq));
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_ENUM, "a plane past the last: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* Desktop GL's GL_OBJECT_PLANE is four values: the mode's one is not the plane. */
static bool gl_tex_gen_fv_plane_of_one_value_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float one = 1;
	hl_gl_cmd_begin(&g, GLES_OP_glTexGenfv);
	hl_put_u32(&g.cmds, GL_S);
	hl_put_u32(&g.cmds, GL_OBJECT_PLANE);
	hl_gl_put_blob(&g, &one, sizeof(one));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glTexGenfv: params is 4 bytes, its arguments say 16");
}

/* glGetTexGendv answers a plane at most (32 bytes). */
static bool gl_get_tex_gen_dv_capacity_over_a_plane_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	hl_gl_cmd(&g, GLES_OP_glGetTexGendv, 3, GL_S, GL_EYE_PLANE, 4096u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetTexGendv: params is 4096 bytes, its arguments say 32");
}

/* Desktop GL's GL_COLOR_INDEXES is three values. */
static bool gl_material_fv_color_indexes_of_one_value_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	float one = 1;
	hl_gl_cmd_begin(&g, GLES_OP_glMaterialfv);
	hl_put_u32(&g.cmds, GL_FRONT);
	hl_put_u32(&g.cmds, GL_COLOR_INDEXES);
	hl_gl_put_blob(&g, &one, sizeof(one));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMaterialfv: params is 4 bytes, its arguments say 12");
}

/* Two priorities said, one sent. */
static bool gl_prioritize_textures_counted_past_their_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint32_t names[2] = {5, 6};
	float one = 1;
	hl_gl_cmd_begin(&g, GLES_OP_glGenTextures);
	hl_put_u32(&g.cmds, 2);
	hl_gl_put_blob(&g, names, sizeof(names));
	hl_gl_cmd_end(&g);
	hl_gl_cmd_begin(&g, GLES_OP_glPrioritizeTextures);
	hl_put_u32(&g.cmds, 2);
	hl_gl_put_blob(&g, names, sizeof(names));
	hl_gl_put_blob(&g, &one, sizeof(one));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glPrioritizeTextures: priorities is 4 bytes, its arguments say 8");
}

/* A texture name never made: the host maps names, and ends the link. */
static bool gl_are_textures_resident_of_a_name_never_made_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT);
	uint32_t name = 77;
	hl_gl_cmd_begin(&g, GLES_OP_glAreTexturesResident);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &name, sizeof(name));
	hl_put_u32(&g.cmds, 1);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "texture 77 was never generated");
}

const struct hl_case hl_compat_ff_cases[] = {
        HL_CASE(gl_light_fv_with_a_pname_past_its_blob_ends_the_link),
        HL_CASE(gl_mult_matrix_d_short_of_128_bytes_ends_the_link),
        HL_CASE(gl_clip_plane_of_four_floats_ends_the_link),
        HL_CASE(gl_clip_plane_past_the_last_is_invalid_enum),
        HL_CASE(gl_tex_gen_fv_plane_of_one_value_ends_the_link),
        HL_CASE(gl_get_tex_gen_dv_capacity_over_a_plane_ends_the_link),
        HL_CASE(gl_material_fv_color_indexes_of_one_value_ends_the_link),
        HL_CASE(gl_prioritize_textures_counted_past_their_blob_ends_the_link),
        HL_CASE(gl_are_textures_resident_of_a_name_never_made_ends_the_link),
};
const size_t hl_compat_ff_case_count = sizeof(hl_compat_ff_cases) / sizeof(hl_compat_ff_cases[0]);
