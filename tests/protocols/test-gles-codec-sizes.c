/*
 * The codec tests' size helpers (test-gles-codec.c runs them): what each pixel transfer,
 * compressed block layout and query reads or writes, as both sides compute it.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/gl-stream.h>

#include "gles-fakes.h"
#include "test-gles-codec.h"

/* ---- Size helpers ---- */

/* ARB_compressed_texture_pixel_storage: compressed images laid out in blocks (DXT5's,
 * 4x4 texels in 16 bytes), each dimension's pnames applying where its block pname is set. */
static void test_block_sizes(void)
{
	struct gl_pixel_state ps = {.pack_alignment = 4, .unpack_alignment = 4, .desktop = true};
	struct gl_block_layout l;
	/* No block pname: imageSize, whatever the row length says. */
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_ROW_LENGTH, 64));
	CHECK(gl_compressed_unpack_size(&ps, 2, 8, 8, 1, 64) == 64);
	CHECK(gl_blocks_layout(&ps, true, 2, 8, 8, 1, &l) == GL_BLOCKS_OFF);
	CHECK(gl_pixel_store_set(&ps, 0x9127 /* GL_UNPACK_COMPRESSED_BLOCK_WIDTH */, 4));
	CHECK(gl_pixel_store_set(&ps, 0x912A /* GL_UNPACK_COMPRESSED_BLOCK_SIZE */, 16));
	/* Width's alone in a 2D image: spaced by the format's own block height. */
	CHECK(gl_blocks_layout(&ps, false, 2, 8, 8, 1, &l) == GL_BLOCKS_PARTLY);
	CHECK(gl_compressed_unpack_size(&ps, 2, 8, 8, 1, 64) == 64);
	/* A 1D image: its 2 blocks after 8 skipped texels (2 blocks). */
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_SKIP_PIXELS, 8));
	CHECK(gl_compressed_unpack_size(&ps, 1, 8, 1, 1, 32) == 2 * 16 + 2 * 16);
	/* 2D: rows of 64 texels (16 blocks, 256 bytes), 2 skipped rows (of blocks: 8 / 4). */
	CHECK(gl_pixel_store_set(&ps, 0x9128 /* GL_UNPACK_COMPRESSED_BLOCK_HEIGHT */, 4));
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_SKIP_ROWS, 8));
	CHECK(gl_compressed_unpack_size(&ps, 2, 8, 8, 1, 64) == 2 * 256 + 32 + 256 + 32);
	/* 3D: images of 16 texel rows (4 rows of blocks) apart; skip images needs the depth. */
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_IMAGE_HEIGHT, 16));
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_SKIP_IMAGES, 1));
	CHECK(gl_compressed_unpack_size(&ps, 3, 8, 8, 3, 192) ==
	      2 * 256 + 32 + 2 * 1024 + 256 + 32);
	CHECK(gl_pixel_store_set(&ps, 0x9129 /* GL_UNPACK_COMPRESSED_BLOCK_DEPTH */, 1));
	CHECK(gl_compressed_unpack_size(&ps, 3, 8, 8, 3, 192) ==
	      1024 + 2 * 256 + 32 + 2 * 1024 + 256 + 32);
	/* Sizes past 64 bits are GL_INVALID_VALUE, not a wrapped count. */
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_ROW_LENGTH, 0x7fffffff));
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_IMAGE_HEIGHT, 0x7fffffff));
	CHECK(gl_pixel_store_set(&ps, GL_UNPACK_SKIP_IMAGES, 0x7fffffff));
	CHECK(gl_compressed_unpack_size(&ps, 3, 8, 8, 3, 192) == GL_SIZE_INVALID_VALUE);
	CHECK(!gl_pixel_store_set(&ps, 0x912E /* GL_PACK_COMPRESSED_BLOCK_SIZE */, -1));
	/* The pack side: the blocks GL writes copied, the rest of the app's memory kept. */
	CHECK(gl_pixel_store_set(&ps, 0x912B, 4) && gl_pixel_store_set(&ps, 0x912C, 4) &&
	      gl_pixel_store_set(&ps, 0x912E, 8));
	CHECK(gl_pixel_store_set(&ps, GL_PACK_ROW_LENGTH, 12));
	CHECK(gl_pixel_store_set(&ps, GL_PACK_SKIP_PIXELS, 4));
	CHECK(gl_blocks_layout(&ps, true, 2, 4, 8, 1, &l) == GL_BLOCKS_ON);
	CHECK(gl_blocks_size(&l) == 8 + 24 + 8);
	uint8_t src[40], dst[40];
	memset(src, 1, sizeof(src));
	memset(dst, 7, sizeof(dst));
	gl_blocks_scatter(&l, src, dst);
	CHECK(dst[7] == 7 && dst[8] == 1 && dst[15] == 1 && dst[16] == 7 && dst[32] == 1 &&
	      dst[39] == 1);
	/* ES has none of the pnames. */
	ps.desktop = false;
	CHECK(!gl_pixel_store_set(&ps, 0x9127, 4));
	CHECK(gl_texture_dims(0x0DE0) == 1 && gl_texture_dims(0x8C1A) == 3 &&
	      gl_texture_dims(GL_TEXTURE_CUBE_MAP) == 2);
}

void test_sizes(void)
{
	CHECK(gl_image_size(3, 2, GL_RGB, GL_UNSIGNED_BYTE, 4) == 21);
	CHECK(gl_image_size(3, 2, GL_RGB, GL_UNSIGNED_BYTE, 1) == 18);
	CHECK(gl_image_size(3, 2, GL_RGB, GL_UNSIGNED_BYTE, 8) == 25);
	CHECK(gl_image_size(3, 1, GL_RGB, GL_UNSIGNED_BYTE, 8) == 9); /* last row unpadded */
	CHECK(gl_image_size(5, 3, GL_RGB, GL_UNSIGNED_SHORT_5_6_5, 4) == 12 * 2 + 10);
	CHECK(gl_image_size(2, 2, GL_RGBA, GL_FLOAT, 4) == 64);
	CHECK(gl_image_size(2, 2, GL_DEPTH_STENCIL_OES, GL_UNSIGNED_INT_24_8_OES, 4) == 16);
	CHECK(gl_image_size(1, 1, GL_BGRA_EXT, GL_UNSIGNED_BYTE, 4) == 4);
	CHECK(gl_image_size(0, 5, GL_RGBA, GL_UNSIGNED_BYTE, 4) == 0);
	CHECK(gl_image_size(5, 0, GL_RGBA, GL_UNSIGNED_BYTE, 4) == 0);
	CHECK(gl_image_size(65536, 65536, GL_RGBA, GL_UNSIGNED_BYTE, 4) == (int64_t)1 << 34);
	CHECK(gl_image_size(-1, 2, GL_RGBA, GL_UNSIGNED_BYTE, 4) == GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size(1, -2, GL_RGBA, GL_UNSIGNED_BYTE, 4) == GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size(1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 3) == GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size(1, 1, GL_RGBA, GL_UNSIGNED_BYTE, 0) == GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size(1, 1, 0x1234, GL_UNSIGNED_BYTE, 4) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_image_size(1, 1, GL_RGBA, 0x1234, 4) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_image_size(1, 1, GL_RGB, GL_UNSIGNED_SHORT_4_4_4_4, 4) ==
	      GL_SIZE_INVALID_OPERATION);
	CHECK(gl_image_size(1, 1, GL_DEPTH_STENCIL_OES, GL_UNSIGNED_BYTE, 4) ==
	      GL_SIZE_INVALID_OPERATION);
	CHECK(gl_image_size(INT64_MAX / 2, 3, GL_RGBA, GL_FLOAT, 4) == GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size((int64_t)1 << 31, (int64_t)1 << 31, GL_RGBA, GL_FLOAT, 8) ==
	      GL_SIZE_INVALID_VALUE); /* 2^66 bytes */
	CHECK(gl_image_size((int64_t)1 << 40, (int64_t)1 << 40, GL_RGBA, GL_FLOAT, 8) ==
	      GL_SIZE_INVALID_VALUE);
	CHECK(gl_image_size(INT64_MAX, INT64_MAX, GL_ALPHA, GL_UNSIGNED_BYTE, 1) ==
	      GL_SIZE_INVALID_VALUE);
	CHECK(gl_get_count(GL_VIEWPORT) == 4 && gl_get_count(GL_DEPTH_RANGE) == 2);
	CHECK(gl_get_count(GL_VERTEX_ARRAY_BINDING_OES) == 1);
	CHECK(gl_get_count(GL_COMPRESSED_TEXTURE_FORMATS) == GL_SIZES_MAX_FORMATS);
	CHECK(gl_get_count(0x9999) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_texlevelparam_count(0x8060 /* GL_TEXTURE_LUMINANCE_SIZE */) == 1 &&
	      gl_texlevelparam_count(0x8061 /* GL_TEXTURE_INTENSITY_SIZE */) == 1);
	/* Desktop 1.0's smooth point and line granularities (arb_point_sprite-mipmap). */
	CHECK(gl_get_count(GL_POINT_SIZE_GRANULARITY_DESKTOP) == 1 &&
	      gl_get_count(GL_LINE_WIDTH_GRANULARITY_DESKTOP) == 1);
	CHECK(gl_index_size(GL_UNSIGNED_INT) == 4 &&
	      gl_index_size(GL_FLOAT) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_vertex_attrib_count(GL_CURRENT_VERTEX_ATTRIB) == 4);
	CHECK(gl_size_error(GL_SIZE_INVALID_ENUM) == GL_INVALID_ENUM);
	CHECK(gl_size_error(-7) == GL_INVALID_VALUE);
	/* Desktop GL's pixel pairs for desktop contexts only; ES's pairs both. */
	CHECK(gl_pixel_size_api(0x80E1 /* GL_BGRA */, 0x8367, true) == 4);
	CHECK(gl_pixel_size_api(0x80E1, 0x8367, false) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_pixel_size_api(GL_RGB, 0x8032 /* 3_3_2 */, true) == 1);
	CHECK(gl_pixel_size_api(GL_RGBA, 0x8032, true) == GL_SIZE_INVALID_OPERATION);
	CHECK(gl_pixel_size_api(GL_RED, GL_UNSIGNED_SHORT, true) == 2);
	CHECK(gl_pixel_size_api(GL_RED, GL_UNSIGNED_INT, false) == GL_SIZE_INVALID_OPERATION);
	/* The compatibility profile's alpha and luminance of every plain type, and
	 * glClearTexImage's texel sized in the pixel state's API (arb_clear_texture). */
	CHECK(gl_pixel_size_api(GL_ALPHA, GL_UNSIGNED_SHORT, true) == 2);
	CHECK(gl_pixel_size_api(GL_LUMINANCE_ALPHA, GL_INT, true) == 8);
	CHECK(gl_pixel_size_api(GL_ALPHA, GL_UNSIGNED_SHORT, false) == GL_SIZE_INVALID_OPERATION);
	struct gl_pixel_state desk = {.desktop = true}, es = {.desktop = false};
	CHECK(gl_pixel_size_ps(&desk, GL_RGBA, 0x8036 /* 10_10_10_2 */) == 4);
	CHECK(gl_pixel_size_ps(&es, GL_RGBA, 0x8036) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_pixel_size_api(GL_DEPTH_COMPONENT, GL_FLOAT, true) == 4);
	CHECK(gl_pixel_size_api(GL_STENCIL_INDEX, GL_FLOAT, true) == 4);
	CHECK(gl_pixel_size_api(GL_STENCIL_INDEX, GL_FLOAT, false) == GL_SIZE_INVALID_OPERATION);
	CHECK(gl_pixel_size_api(GL_LUMINANCE, GL_UNSIGNED_BYTE, true) == 1);
	/* EXT_texture_integer's alpha and luminance: integer types, desktop contexts only. */
	CHECK(gl_pixel_size_api(0x8D9D /* GL_LUMINANCE_ALPHA_INTEGER_EXT */, GL_SHORT, true) == 4);
	CHECK(gl_pixel_size_api(0x8D97 /* GL_ALPHA_INTEGER_EXT */, GL_UNSIGNED_INT, true) == 4);
	CHECK(gl_pixel_size_api(0x8D9C, GL_FLOAT, true) == GL_SIZE_INVALID_OPERATION);
	CHECK(gl_pixel_size_api(0x8D9C, GL_UNSIGNED_BYTE, false) == GL_SIZE_INVALID_ENUM);
	CHECK(gl_pixel_size(0x80E1, GL_UNSIGNED_BYTE) == 4);
	/* glGetTexImage's 3D layout: image height and skipped images. */
	struct gl_pixel_state ps = {.pack_alignment = 4, .unpack_alignment = 4, .desktop = true};
	CHECK(gl_pack_size_3d(&ps, 2, 3, 4, GL_RGBA, GL_UNSIGNED_BYTE, true) == 96);
	CHECK(gl_pixel_store_set(&ps, 0x806C /* GL_PACK_IMAGE_HEIGHT */, 5));
	CHECK(gl_pixel_store_set(&ps, 0x806B /* GL_PACK_SKIP_IMAGES */, 1));
	CHECK(gl_pack_size_3d(&ps, 2, 3, 4, GL_RGBA, GL_UNSIGNED_BYTE, true) == 4 * 40 + 24);
	CHECK(gl_pack_size_3d(&ps, 2, 3, 4, GL_RGBA, GL_UNSIGNED_BYTE, false) == 96);
	CHECK(gl_pixel_store_set(&ps, 0x0D00 /* GL_PACK_SWAP_BYTES */, 7) && ps.pack_swap_bytes);
	ps.desktop = false;
	CHECK(!gl_pixel_store_set(&ps, 0x806C, 1) && !gl_pixel_store_set(&ps, 0x0CF1, 1));
	CHECK(gl_teximage_target_ok(0x0DE0) && !gl_teximage_target_ok(GL_TEXTURE_CUBE_MAP));
	test_block_sizes();
}
