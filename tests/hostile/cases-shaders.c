/*
 * Hostile streams of the render-state extensions with data or names (batch ext-shaders):
 * EXT_clear_texture's region is checked against the level on the host
 * (gpuhost/gl/clear-texture.c) and its texel blob against format/type; a conditional
 * render names a query the app made, or the link ends.
 */
#include <string.h>

#include <GLES3/gl31.h>
#include <GLES2/gl2ext.h>

#include "gl-link.h"

/* Texture `name`, 4x4 RGBA8 of 2 levels (immutable), bound to GL_TEXTURE_2D. */
static void texture_4x4(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, name);
	hl_gl_cmd(g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 2u, GL_RGBA8, 4u, 4u);
}

/* glClearTexSubImageEXT of an RGBA8 texel over the region, with `bytes` of texel. */
static void clear_sub(struct hl_gl_link *g, uint32_t tex, uint32_t level, const int32_t at[3],
                      const int32_t size[3], uint32_t bytes)
{
	static const uint8_t texel[8] = {255, 0, 0, 255, 1, 2, 3, 4};
	hl_gl_cmd_begin(g, GLES_OP_glClearTexSubImageEXT);
	hl_put_u32(&g->cmds, tex);
	hl_put_u32(&g->cmds, level);
	for (int i = 0; i < 3; i++)
		hl_put_u32(&g->cmds, (uint32_t)at[i]);
	for (int i = 0; i < 3; i++)
		hl_put_u32(&g->cmds, (uint32_t)size[i]);
	hl_put_u32(&g->cmds, GL_RGBA);
	hl_put_u32(&g->cmds, GL_UNSIGNED_BYTE);
	hl_gl_put_blob(g, texel, bytes);
	hl_gl_cmd_end(g);
}

/* Regions past the level, one whose offset + size wraps 32 bits among them (a driver
 * adding them in ints would see a small region): GL_INVALID_OPERATION without reaching
 * the driver, and the link goes on; a region within the level clears with no error. */
static bool gl_clear_tex_sub_image_past_the_level_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	texture_4x4(&g, 3);
	static const struct {
		uint32_t level;
		int32_t at[3], size[3];
	} past[] = {
	        {0, {2, 0, 0}, {3, 1, 1}},
	        {1, {0, 0, 0}, {4, 4, 1}}, /* level 1 is 2x2 */
	        {0, {0, 0, 1}, {1, 1, 1}}, /* one layer deep */
	        {0, {2, 0, 0}, {0x7fffffff, 1, 1}},
	        {0, {0x7ffffff0, 0x7ffffff0, 0}, {0x20, 0x20, 1}},
	};
	uint32_t err;
	for (size_t i = 0; i < sizeof(past) / sizeof(past[0]); i++) {
		clear_sub(&g, 3, past[i].level, past[i].at, past[i].size, 4);
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_INVALID_OPERATION, "region %zu past the level: error 0x%x", i,
		       err);
	}
	/* Refused by the host, not the driver (Mesa 22.3 refuses them too). */
	char line[256];
	CHECKF(hl_log_wait(e, line, sizeof(line), "glClearTexSubImageEXT: texture 3 level 0:",
	                   "region past the level (2 + 2147483647 > 4)", NULL),
	       "no host line for the wrapping region");
	static const int32_t at[3] = {1, 1, 0}, size[3] = {3, 3, 1};
	clear_sub(&g, 3, 0, at, size, 4);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a region within the level: error 0x%x", err);
	return hl_gl_close_served(e, &g);
}

/* A texel blob shorter than one RGBA8 texel: the driver would read past it. */
static bool gl_clear_tex_image_with_a_short_texel_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	texture_4x4(&g, 3);
	static const int32_t at[3] = {0, 0, 0}, size[3] = {1, 1, 1};
	clear_sub(&g, 3, 0, at, size, 3);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClearTexSubImageEXT: data is 3 bytes, its arguments say 4");
}

/* A conditional render on a name that is a texture, not a query: an honest library
 * answers GL_INVALID_VALUE itself. */
static bool gl_conditional_render_on_a_name_that_is_no_query_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	texture_4x4(&g, 5);
	hl_gl_cmd(&g, GLES_OP_glBeginConditionalRenderNV, 2, 5u, GL_QUERY_WAIT_NV);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glBeginConditionalRenderNV: query 5 was never generated");
}

const struct hl_case hl_shaders_cases[] = {
        HL_CASE(gl_clear_tex_sub_image_past_the_level_is_invalid_operation),
        HL_CASE(gl_clear_tex_image_with_a_short_texel_ends_the_link),
        HL_CASE(gl_conditional_render_on_a_name_that_is_no_query_ends_the_link),
};
const size_t hl_shaders_case_count = sizeof(hl_shaders_cases) / sizeof(hl_shaders_cases[0]);
