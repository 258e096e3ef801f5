/*
 * Hostile streams of desktop OpenGL's commands of versions 1.0 to 2.0 (batch gl-a): a 1D
 * image or a double-precision attribute shorter than its arguments say, texture readbacks of
 * a target GL has none for, an offset with no pixel pack buffer (or pixels asked back with
 * one), a compressed upload shorter than its block pnames lay it out, end the link; a
 * readback past the pack buffer and block pnames other than the format's are GL's errors. In
 * ES contexts desktop GL's pixel-store names and commands end the link. The core-profile
 * cases are skipped while the host offers no core profile (desktop GL landing in steps).
 */
#include <string.h>

#include <GLES2/gl2.h>

#include "gl-link.h"

#define TEXTURE_1D 0x0DE0u
#define PACK_SWAP_BYTES 0x0D00u
#define PIXEL_PACK_BUFFER 0x88EBu

/* Texture 3 bound to `target`. */
static void texture(struct hl_gl_link *g, uint32_t target)
{
	uint32_t tex = 3;
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &tex, sizeof(tex));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, target, tex);
}

/* glTexImage1D of 4 RGBA texels (16 bytes) with 8 bytes of pixels. */
static bool gl_tex_image_1d_past_its_data_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	texture(&g, TEXTURE_1D);
	uint8_t pixels[8] = {0};
	hl_gl_cmd_begin(&g, GLES_OP_glTexImage1D);
	uint32_t args[] = {TEXTURE_1D, 0, GL_RGBA, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, pixels, sizeof(pixels));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glTexImage1D: pixels is 8 bytes, its arguments say 16");
}

/* glVertexAttrib4dv with two doubles of the four. */
static bool gl_vertex_attrib_4dv_short_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	const double v[2] = {1, 2};
	hl_gl_cmd_begin(&g, GLES_OP_glVertexAttrib4dv);
	hl_put_u32(&g.cmds, 0);
	hl_gl_put_blob(&g, v, sizeof(v));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glVertexAttrib4dv: v is 16 bytes, its arguments say 32");
}

/* glGetTexImage of GL_TEXTURE_CUBE_MAP (GL reads faces only; the library refuses it). */
static bool gl_get_tex_image_of_a_whole_cube_map_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	hl_gl_cmd(&g, GLES_OP_glGetTexImage, 5, GL_TEXTURE_CUBE_MAP, 0u, GL_RGBA, GL_UNSIGNED_BYTE,
	          0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetTexImage: target 0x8513");
}

/* An offset into a pixel pack buffer when none is bound. */
static bool gl_get_tex_image_offset_with_no_pack_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	texture(&g, GL_TEXTURE_2D);
	hl_gl_cmd_begin(&g, GLES_OP_glGetTexImage);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, GL_BLOB_OFFSET};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetTexImage: an offset while a pixel pack buffer is not bound");
}

/* A 4x4 RGBA level (64 bytes) read into a 16-byte pack buffer: GL_INVALID_OPERATION, nothing
 * written, the link served; pixels asked back while the buffer is bound end it. */
static bool
gl_get_tex_image_past_the_pack_buffer_is_an_error_then_pixels_end_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	texture(&g, GL_TEXTURE_2D);
	hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, 4, 4, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_put_u32(&g.cmds, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	uint8_t zeros[16] = {0};
	hl_gl_buffer(&g, PIXEL_PACK_BUFFER, 7, zeros, sizeof(zeros));
	hl_gl_cmd_begin(&g, GLES_OP_glGetTexImage);
	uint32_t get[] = {GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, GL_BLOB_OFFSET};
	for (size_t i = 0; i < sizeof(get) / sizeof(get[0]); i++)
		hl_put_u32(&g.cmds, get[i]);
	hl_gl_put_u64(&g, 0);
	hl_gl_cmd_end(&g);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "past the pack buffer: error 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glGetTexImage, 5, GL_TEXTURE_2D, 0u, GL_RGBA, GL_UNSIGNED_BYTE, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glGetTexImage: pixels asked back while a pixel pack buffer is bound");
}

/* A 1D array read back with a pack image height: Mesa would space its layers by it, past
 * the bytes its own bounds check (and the host's reply) allow; the library refuses it. */
static bool gl_get_tex_image_of_a_1d_array_with_an_image_height_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	texture(&g, 0x8C18 /* GL_TEXTURE_1D_ARRAY */);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x806Cu /* GL_PACK_IMAGE_HEIGHT */, 7u);
	hl_gl_cmd(&g, GLES_OP_glGetTexImage, 5, 0x8C18u, 0u, GL_RGBA, GL_UNSIGNED_BYTE, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetTexImage: a 1D array with a pack image height of 7");
}

/* glGetCompressedTexImage whose last word is neither 0 nor GL_BLOB_OFFSET. */
static bool gl_get_compressed_tex_image_with_a_capacity_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(3, 2));
	hl_gl_cmd(&g, GLES_OP_glGetCompressedTexImage, 3, GL_TEXTURE_2D, 0u, 4096u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGetCompressedTexImage: 0x1000 is neither 0 nor an offset");
}

#define DXT1 0x83F0u /* GL_COMPRESSED_RGB_S3TC_DXT1_EXT: 4x4 texels in 8 bytes */

/* glCompressedTexSubImage2D of 8x8 DXT1 texels (2 rows of 2 blocks) with this blob. */
static void compressed_sub_image(struct hl_gl_link *g, const void *data, uint32_t n)
{
	hl_gl_cmd_begin(g, GLES_OP_glCompressedTexSubImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, 0, 0, 8, 8, DXT1, 32};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_gl_put_blob(g, data, n);
	hl_gl_cmd_end(g);
}

/* The unpack block pnames of DXT1 with rows of 64 texels (16 blocks, 128 bytes): GL reads the
 * second row of blocks 128 bytes after the first, past a blob of imageSize (32) bytes. */
static bool gl_compressed_sub_image_past_its_blocks_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	texture(&g, GL_TEXTURE_2D);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x9127u /* UNPACK_COMPRESSED_BLOCK_WIDTH */, 4u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x9128u /* UNPACK_COMPRESSED_BLOCK_HEIGHT */, 4u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x912Au /* UNPACK_COMPRESSED_BLOCK_SIZE */, 8u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x0CF2u /* UNPACK_ROW_LENGTH */, 64u);
	uint8_t blocks[32] = {0};
	compressed_sub_image(&g, blocks, sizeof(blocks));
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glCompressedTexSubImage2D: data is 32 bytes, its arguments say 144");
}

/* Block pnames that are not the format's (16-byte blocks for DXT1's 8): Mesa would copy rows
 * of the format's size spaced by the pnames', which the sizes do not follow; the host refuses
 * the upload (GL_INVALID_OPERATION), the driver not called, and the link is served. */
static bool gl_compressed_sub_image_with_another_block_size_is_an_error(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_CORE(e, &g, GL_VERSION_CODE(4, 5));
	texture(&g, GL_TEXTURE_2D);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x9127u, 4u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x9128u, 4u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, 0x912Au, 16u);
	uint8_t blocks[64] = {0};
	compressed_sub_image(&g, blocks, sizeof(blocks));
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "another block size: error 0x%x", err);
	return true;
}

/* GL_PACK_SWAP_BYTES is desktop GL's: an ES context's library refuses it. */
static bool gl_pixel_store_of_a_desktop_name_in_es_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, PACK_SWAP_BYTES, 1u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glPixelStorei(0xd00, 1) is refused by GL");
}

/* A desktop GL command in an ES context. */
static bool gl_tex_image_1d_in_es_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glTexImage1D, 8, TEXTURE_1D, 0u, GL_RGBA, 1u, 0u, GL_RGBA,
	          GL_UNSIGNED_BYTE, GL_BLOB_NULL);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glTexImage1D is not part of the current context");
}

const struct hl_case hl_gl_core_cases[] = {
        HL_CASE(gl_tex_image_1d_past_its_data_ends_the_link),
        HL_CASE(gl_vertex_attrib_4dv_short_ends_the_link),
        HL_CASE(gl_get_tex_image_of_a_whole_cube_map_ends_the_link),
        HL_CASE(gl_get_tex_image_offset_with_no_pack_buffer_ends_the_link),
        HL_CASE(gl_get_tex_image_past_the_pack_buffer_is_an_error_then_pixels_end_the_link),
        HL_CASE(gl_get_tex_image_of_a_1d_array_with_an_image_height_ends_the_link),
        HL_CASE(gl_get_compressed_tex_image_with_a_capacity_ends_the_link),
        HL_CASE(gl_compressed_sub_image_past_its_blocks_ends_the_link),
        HL_CASE(gl_compressed_sub_image_with_another_block_size_is_an_error),
        HL_CASE(gl_pixel_store_of_a_desktop_name_in_es_ends_the_link),
        HL_CASE(gl_tex_image_1d_in_es_ends_the_link),
};
const size_t hl_gl_core_case_count = sizeof(hl_gl_core_cases) / sizeof(hl_gl_core_cases[0]);
