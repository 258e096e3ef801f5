/*
 * Hostile streams of the rest of desktop OpenGL 4.2 to 4.5 (batch gl4-rest) on core contexts:
 * 1D immutable storage charged to the GL memory quota (a 1D array's layers by their count at
 * every level), a region read back by name past its level or its pixel pack buffer (GL's
 * errors, the link goes on), and what ends the link: a texture name never generated, pixels
 * asked back with a pack buffer bound, a 1D array with a pack image height, a multi-bind's own
 * opcode (the library sends its single binds, whose checks are the single binds' cases). The
 * 4.2 and 4.5 cases skip while the host offers no such core profile (every command of it
 * streamed, or GPUPIPE_TEST_OFFER_PENDING=1 in a test build).
 */
#include <string.h>

#include <GL/glcorearb.h>

#include "gl-link.h"

#define PIXEL_PACK 0x88EBu

static void texture(struct hl_gl_link *g, uint32_t target, uint32_t tex)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &tex, sizeof(tex));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, target, tex);
}

static bool error_is(struct hl_gl_link *g, uint32_t want, const char *what)
{
	uint32_t err;
	CHECK(hl_gl_get_error(g, &err));
	CHECKF(err == want, "%s: glGetError 0x%x, not 0x%x", what, err, want);
	return true;
}

/* A 1D array's layers keep their count down the chain: 2 levels of 8192 x 256 RGBA32F are
 * 48 MiB (32 + 16), not the 40 a halving height gives. In a 64 MiB quota beside the context's
 * 4 MiB, 16 MiB more no longer fit; once the array is deleted they do. */
static bool gl_1d_array_storage_is_charged_by_its_layers(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 2));
	texture(&g, GL_TEXTURE_1D_ARRAY, 7);
	hl_gl_cmd(&g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_1D_ARRAY, 2u, GL_RGBA32F, 8192u, 256u);
	CHECK(error_is(&g, GL_NO_ERROR, "48 MiB of 1D array"));
	texture(&g, GL_TEXTURE_2D, 8);
	hl_gl_cmd(&g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1u, GL_RGBA8, 2048u, 2048u);
	CHECK(error_is(&g, GL_OUT_OF_MEMORY, "16 MiB more"));
	uint32_t tex = 7;
	hl_gl_cmd_begin(&g, GLES_OP_glDeleteTextures);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &tex, sizeof(tex));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1u, GL_RGBA8, 2048u, 2048u);
	CHECK(error_is(&g, GL_NO_ERROR, "16 MiB once the array is gone"));
	return hl_gl_close_served(e, &g);
}

/* glTexStorage1D charges its chain: after 10 MiB of 2D storage in a 16 MiB quota (the context
 * holds 4), 256 KiB 1D textures run out within a few, GL_OUT_OF_MEMORY, the link served. */
static bool gl_tex_storage_1d_past_the_gl_memory_quota_gives_out_of_memory(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 2));
	texture(&g, GL_TEXTURE_2D, 9);
	hl_gl_cmd(&g, GLES_OP_glTexStorage2D, 5, GL_TEXTURE_2D, 1u, GL_RGBA8, 2048u, 1280u);
	CHECK(error_is(&g, GL_NO_ERROR, "10 MiB of 2D storage"));
	uint32_t err = GL_NO_ERROR;
	int made = 0;
	for (uint32_t tex = 10; tex < 26 && err == GL_NO_ERROR; tex++) {
		texture(&g, GL_TEXTURE_1D, tex);
		hl_gl_cmd(&g, GLES_OP_glTexStorage1D, 4, GL_TEXTURE_1D, 1u, GL_RGBA32F, 16384u);
		CHECK(hl_gl_get_error(&g, &err));
		made += err == GL_NO_ERROR;
	}
	CHECKF(err == GL_OUT_OF_MEMORY, "16 x 256 KiB in 2 MiB: glGetError 0x%x", err);
	CHECKF(made >= 1 && made < 8, "%d fit", made);
	CHECKF(hl_log_has(e, NULL, 0, "GL memory quota: glTexStorage1D", NULL),
	       "no log line names the GL memory quota");
	return hl_gl_close_served(e, &g);
}

/* glGetTextureSubImage's words: texture, level, x, y, z, w, h, d, format, type, bufSize, then
 * 0 (pixels back) or an offset into the pack buffer. */
static void sub_image(struct hl_gl_link *g, uint32_t tex, const uint32_t region[6],
                      uint32_t buf_size, bool to_buffer)
{
	hl_gl_cmd_begin(g, GLES_OP_glGetTextureSubImage);
	hl_put_u32(&g->cmds, tex);
	hl_put_u32(&g->cmds, 0);
	for (int i = 0; i < 6; i++)
		hl_put_u32(&g->cmds, region[i]);
	hl_put_u32(&g->cmds, GL_RGBA);
	hl_put_u32(&g->cmds, GL_UNSIGNED_BYTE);
	hl_put_u32(&g->cmds, buf_size);
	hl_put_u32(&g->cmds, to_buffer ? GL_BLOB_OFFSET : 0);
	if (to_buffer)
		hl_gl_put_u64(g, 0);
	hl_gl_cmd_end(g);
}

/* A 4x4 RGBA level. */
static void level_4x4(struct hl_gl_link *g, uint32_t tex)
{
	texture(g, GL_TEXTURE_2D, tex);
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_put_u32(&g->cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* Columns 2..5 of a 4-wide level (and an offset whose end wraps 32 bits): GL_INVALID_VALUE
 * from the host's check, nothing read; the region inside comes back in full. */
static bool gl_get_texture_sub_image_past_the_level_is_invalid_value(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	level_4x4(&g, 5);
	uint32_t size;
	const uint32_t regions[][6] = {{2, 0, 0, 4, 1, 1}, {0x7fffffffu, 0, 0, 2, 1, 1}};
	for (int i = 0; i < 2; i++) {
		sub_image(&g, 5, regions[i], 4096, false);
		CHECK(hl_gl_send(&g, CH, 0));
		const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetTextureSubImage, &size);
		CHECKF(p && size == 8, "a region past the level: a reply of %u bytes",
		       p ? size : 0);
		CHECK(error_is(&g, GL_INVALID_VALUE, "a region past the level"));
	}
	sub_image(&g, 5, (const uint32_t[]){1, 1, 0, 3, 3, 1}, 36, false);
	CHECK(hl_gl_send(&g, CH, 0));
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetTextureSubImage, &size);
	CHECKF(p && size == 8 + 36, "3x3 of the level: a reply of %u bytes", p ? size : 0);
	uint32_t wrote;
	memcpy(&wrote, p, 4);
	CHECKF(wrote == 1, "3x3 of the level: not written");
	/* One byte short of the region's 36: GL_INVALID_OPERATION, nothing read. */
	sub_image(&g, 5, (const uint32_t[]){1, 1, 0, 3, 3, 1}, 35, false);
	CHECK(hl_gl_send(&g, CH, 0));
	p = hl_gl_reply(&g, GLES_OP_glGetTextureSubImage, &size);
	CHECKF(p && size == 8, "into 35 bytes: a reply of %u bytes", p ? size : 0);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "into 35 bytes"));
	return hl_gl_close_served(e, &g);
}

/* 4x4 RGBA (64 bytes) into a 16-byte pack buffer: GL_INVALID_OPERATION, the link served;
 * then pixels asked back while the buffer is bound end it. */
static bool gl_get_texture_sub_image_past_the_pack_buffer_is_an_error(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	level_4x4(&g, 5);
	uint8_t zeros[16] = {0};
	hl_gl_buffer(&g, PIXEL_PACK, 7, zeros, sizeof(zeros));
	const uint32_t all[6] = {0, 0, 0, 4, 4, 1};
	sub_image(&g, 5, all, 4096, true);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "past the pack buffer"));
	sub_image(&g, 5, all, 4096, false);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetTextureSubImage: pixels asked back while a pixel pack buffer is "
	                  "bound");
}

static bool gl_get_texture_sub_image_of_a_name_never_generated_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	sub_image(&g, 99, (const uint32_t[]){0, 0, 0, 1, 1, 1}, 4096, false);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "99 was never generated");
}

/* Mesa 22 would space the layers by the image height, past its own bound: refused as
 * glGetTexImage's is. */
static bool
gl_get_texture_sub_image_of_a_1d_array_with_an_image_height_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	texture(&g, GL_TEXTURE_1D_ARRAY, 5);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, GL_PACK_IMAGE_HEIGHT, 7u);
	sub_image(&g, 5, (const uint32_t[]){0, 0, 0, 1, 1, 1}, 4096, false);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetTextureSubImage: a 1D array with a pack image height of 7");
}

/* A mutable cube map, complete at level 0, with only its +X face at level 1: a region of
 * level 1 across the six faces is GL_INVALID_OPERATION, nothing read, the link served.
 * (Mesa 22 checks a cube map's faces at its base level only, then reads each face of the
 * region: a NULL read at level 1's missing -X, a smaller face read past its end.) */
static bool gl_get_texture_sub_image_of_a_mutable_cube_map_is_invalid_operation(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	texture(&g, GL_TEXTURE_CUBE_MAP, 5);
	for (uint32_t level = 0; level < 2; level++) {
		for (uint32_t face = 0; face < (level ? 1u : 6u); face++) {
			hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
			uint32_t args[] = {GL_TEXTURE_CUBE_MAP_POSITIVE_X + face,
			                   level,
			                   GL_RGBA,
			                   4u >> level,
			                   4u >> level,
			                   0,
			                   GL_RGBA,
			                   GL_UNSIGNED_BYTE};
			for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
				hl_put_u32(&g.cmds, args[i]);
			hl_put_u32(&g.cmds, GL_BLOB_NULL);
			hl_gl_cmd_end(&g);
		}
	}
	CHECK(error_is(&g, GL_NO_ERROR, "the faces"));
	hl_gl_cmd_begin(&g, GLES_OP_glGetTextureSubImage);
	const uint32_t words[] = {5, 1, 0, 0, 0, 2, 2, 6, GL_RGBA, GL_UNSIGNED_BYTE, 4096, 0};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		hl_put_u32(&g.cmds, words[i]);
	hl_gl_cmd_end(&g);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetTextureSubImage, &size);
	CHECKF(p && size == 8, "six faces of level 1: a reply of %u bytes", p ? size : 0);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "six faces of a mutable cube map's level 1"));
	return hl_gl_close_served(e, &g);
}

/* The library sends a multi-bind as its single binds: its own opcode never travels. */
static bool gl_multi_bind_opcode_on_the_wire_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 4));
	hl_gl_cmd(&g, GLES_OP_glBindBuffersRange, 3, GL_UNIFORM_BUFFER, 0u, 1u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindBuffersRange (opcode");
}

const struct hl_case hl_gl4_rest_cases[] = {
        HL_CASE_ARGS(gl_1d_array_storage_is_charged_by_its_layers, "--quota-gl-memory", "64M"),
        HL_CASE_ARGS(gl_tex_storage_1d_past_the_gl_memory_quota_gives_out_of_memory,
                     "--quota-gl-memory", "16M"),
        HL_CASE(gl_get_texture_sub_image_past_the_level_is_invalid_value),
        HL_CASE(gl_get_texture_sub_image_past_the_pack_buffer_is_an_error),
        HL_CASE(gl_get_texture_sub_image_of_a_name_never_generated_ends_the_link),
        HL_CASE(gl_get_texture_sub_image_of_a_1d_array_with_an_image_height_ends_the_link),
        HL_CASE(gl_get_texture_sub_image_of_a_mutable_cube_map_is_invalid_operation),
        HL_CASE(gl_multi_bind_opcode_on_the_wire_ends_the_link),
};
const size_t hl_gl4_rest_case_count = sizeof(hl_gl4_rest_cases) / sizeof(hl_gl4_rest_cases[0]);
