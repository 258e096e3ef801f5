/*
 * Hostile streams of the OpenGL ES 3.1 extensions of texture views and viewport arrays
 * (gpuhost/gl/views.c): a view naming a texture the app never made ends the link, naming
 * it; what the driver refuses gets GL's error and the link goes on.
 */
#include <string.h>

#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>

#include "gl-link.h"

static void gen_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

static void texture_view(struct hl_gl_link *g, uint32_t view, uint32_t origin)
{
	hl_gl_cmd(g, GLES_OP_glTextureViewOES, 8, view, GL_TEXTURE_2D, origin, GL_RGBA8, 0u, 1u, 0u,
	          1u);
}

/* An origin the app never generated: an honest library answers GL_INVALID_VALUE itself. */
static bool gl_texture_view_of_an_unknown_origin_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_texture(&g, 7);
	texture_view(&g, 7, 99);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: glTextureViewOES: texture 99 was never generated");
}

/* A view of a texture with mutable storage, then of an immutable one: the driver's
 * GL_INVALID_OPERATION first, then the view is made, and the link goes on. */
static bool gl_texture_view_of_a_mutable_texture_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_texture(&g, 5);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 5u);
	hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA8, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_put_u32(&g.cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	gen_texture(&g, 6);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 6u);
	hl_gl_cmd(&g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1u, GL_RGBA8, 4u, 4u);
	gen_texture(&g, 7);
	texture_view(&g, 7, 5);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "a view of a mutable texture: error 0x%x", err);
	texture_view(&g, 7, 6);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a view of an immutable texture: error 0x%x", err);
	/* Made: the view is bound now, and a second view into it is refused. */
	texture_view(&g, 7, 6);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "a second view into one name: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* glViewportArrayvOES(first, count) with `sent` viewports of 4 floats in its blob. */
static void viewport_array(struct hl_gl_link *g, uint32_t first, uint32_t count, uint32_t sent)
{
	float v[8 * 4] = {0};
	for (uint32_t i = 0; i < 8; i++) {
		v[i * 4 + 2] = 16;
		v[i * 4 + 3] = 16;
	}
	hl_gl_cmd_begin(g, GLES_OP_glViewportArrayvOES);
	hl_put_u32(&g->cmds, first);
	hl_put_u32(&g->cmds, count);
	hl_gl_put_blob(g, v, sent * 16);
	hl_gl_cmd_end(g);
}

/* Four viewports said, one sent: the driver would read three past the blob. */
static bool gl_viewport_array_counted_past_its_blob_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	viewport_array(&g, 0, 4, 1);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glViewportArrayvOES: v is 16 bytes, its arguments say 64");
}

/* first + count wrapping 32 bits (a driver adding them in 32 bits would see 1 and write
 * past its array): an honest library answers GL_INVALID_VALUE itself. */
static bool gl_viewport_array_whose_first_plus_count_wraps_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	viewport_array(&g, 0xffffffffu, 2, 2);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glViewportArrayvOES: (int64_t)first + count <= "
	                  "GL_MAX_VIEWPORT_INDEX does not hold");
}

/* Past the driver's GL_MAX_VIEWPORTS but within the wire bound: GL's GL_INVALID_VALUE, the
 * link goes on; within it, no error. */
static bool gl_viewport_array_past_the_drivers_viewports_is_invalid_value(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glGetIntegerv, 2, GL_MAX_VIEWPORTS_OES, 4u);
	uint32_t max, err;
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetIntegerv, &size);
	CHECKF(p && size == 8, "glGetIntegerv(GL_MAX_VIEWPORTS_OES) reply of %u bytes", size);
	memcpy(&max, p + 4, 4);
	CHECKF(max >= 16 && max < 255, "GL_MAX_VIEWPORTS_OES %u", max);
	viewport_array(&g, max - 1, 2, 2);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_VALUE, "viewports %u and %u of %u: error 0x%x", max - 1, max, max,
	       err);
	viewport_array(&g, max - 2, 2, 2);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the last two viewports: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_views_cases[] = {
        HL_CASE(gl_viewport_array_counted_past_its_blob_ends_the_link),
        HL_CASE(gl_viewport_array_whose_first_plus_count_wraps_ends_the_link),
        HL_CASE(gl_viewport_array_past_the_drivers_viewports_is_invalid_value),
        HL_CASE(gl_texture_view_of_an_unknown_origin_ends_the_link),
        HL_CASE(gl_texture_view_of_a_mutable_texture_is_invalid_operation),
};
const size_t hl_views_case_count = sizeof(hl_views_cases) / sizeof(hl_views_cases[0]);
