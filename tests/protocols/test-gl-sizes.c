/*
 * The size helpers of <gpupipe/gl-sizes.h> without a GL: image layouts
 * worked out by hand from ES 3.2 section 8.4.4.1 (row length, skips, image
 * height, alignment; image height and image skip ignored in 2D), overflow
 * and negative values, ES 3.2's format/type pairs, and the error codes of
 * the query counts. tests/gpuhost/test-gl-sizes-driver.c checks the same
 * helpers against a real driver.
 */
#include <stdio.h>
#include <stdlib.h>

#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "check.h"

#define EQ(got, want)                                                                              \
	do {                                                                                       \
		long long g_ = (got), w_ = (want);                                                 \
		if (g_ != w_) {                                                                    \
			fprintf(stderr, "%s:%d: FAIL %s = %lld, want %lld\n", __FILE__, __LINE__,  \
			        #got, g_, w_);                                                     \
			failures++;                                                                \
		}                                                                                  \
	} while (0)

static struct gl_pixel_state defaults(void)
{
	return (struct gl_pixel_state){.pack_alignment = 4, .unpack_alignment = 4};
}

/* Rows of width * bpp bytes padded to the alignment: the last row is not. */
static void test_alignment(void)
{
	struct gl_pixel_state ps = defaults();
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_BYTE, false), 12 + 9);
	ps.unpack_alignment = 8;
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_BYTE, false), 16 + 9);
	EQ(gl_unpack_size(&ps, 1, 3, 1, GL_RED, GL_UNSIGNED_BYTE, false), 2 * 8 + 1);
	/* Element (4) smaller than the alignment (8): k = (a/s) * ceil(s*n*l / a). */
	EQ(gl_unpack_size(&ps, 1, 2, 1, GL_RGB, GL_FLOAT, false), 16 + 12);
	/* An element as large as the alignment: rows are never padded. */
	ps.unpack_alignment = 2;
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_SHORT_5_6_5, false), 2 * 6);
	ps.unpack_alignment = 1;
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_BYTE, false), 18);
	/* The pack side reads its own alignment. */
	ps = defaults();
	ps.pack_alignment = 1;
	EQ(gl_pack_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE), 18);
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_BYTE, false), 21);
}

/* ROW_LENGTH sets the stride, SKIP_PIXELS and SKIP_ROWS move the first
 * pixel: the range ends after pixel skip_pixels + width of row
 * skip_rows + height - 1. */
static void test_row_length_and_skips(void)
{
	struct gl_pixel_state ps = defaults();
	ps.unpack_row_length = 5;
	ps.unpack_skip_pixels = 1;
	ps.unpack_skip_rows = 2;
	/* stride 20; (2 + 3 - 1) * 20 + (1 + 2) * 4 */
	EQ(gl_unpack_size(&ps, 2, 3, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), 92);
	/* RGB, row length 5: 15 bytes padded to 16. (2 + 2 - 1) * 16 + (1 + 3) * 3 */
	EQ(gl_unpack_size(&ps, 3, 2, 1, GL_RGB, GL_UNSIGNED_BYTE, false), 60);
	/* A row length under the width is legal in ES: rows overlap. */
	ps = defaults();
	ps.unpack_row_length = 1;
	EQ(gl_unpack_size(&ps, 4, 3, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), 2 * 4 + 16);
	/* Pack: the same layout with the PACK_ values. */
	ps = defaults();
	ps.pack_row_length = 5;
	ps.pack_skip_pixels = 1;
	ps.pack_skip_rows = 2;
	EQ(gl_pack_size(&ps, 2, 3, GL_RGBA, GL_UNSIGNED_BYTE), 92);
	EQ(gl_unpack_size(&ps, 2, 3, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), 2 * 8 + 8);
}

/* IMAGE_HEIGHT and SKIP_IMAGES apply to 3D images only. */
static void test_images(void)
{
	struct gl_pixel_state ps = defaults();
	/* 2 x 2 x 2 RGBA: stride 8, image 16 bytes. */
	EQ(gl_unpack_size(&ps, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, true), 32);
	ps.unpack_image_height = 3;
	ps.unpack_skip_images = 1;
	/* image 24 bytes: (1 + 2 - 1) * 24 + (2 - 1) * 8 + 2 * 4 */
	EQ(gl_unpack_size(&ps, 2, 2, 2, GL_RGBA, GL_UNSIGNED_BYTE, true), 64);
	/* The same state on a 2D image: ignored. */
	EQ(gl_unpack_size(&ps, 2, 2, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), 16);
	/* Everything at once: row length 4 RGB padded to 12 (alignment 4),
	 * image height 5 (60 bytes), skips 1 image, 2 rows, 3 pixels:
	 * (1 + 3 - 1) * 60 + (2 + 2 - 1) * 12 + (3 + 1) * 3 */
	ps.unpack_row_length = 4;
	ps.unpack_image_height = 5;
	ps.unpack_skip_pixels = 3;
	ps.unpack_skip_rows = 2;
	ps.unpack_skip_images = 1;
	EQ(gl_unpack_size(&ps, 1, 2, 3, GL_RGB, GL_UNSIGNED_BYTE, true), 180 + 36 + 12);
	/* An image height under the height is legal: images overlap. */
	ps = defaults();
	ps.unpack_image_height = 1;
	EQ(gl_unpack_size(&ps, 1, 2, 3, GL_RGBA, GL_UNSIGNED_BYTE, true), 2 * 4 + 4 + 4);
}

/* A zero dimension reads nothing, whatever the skips. */
static void test_empty(void)
{
	struct gl_pixel_state ps = defaults();
	ps.unpack_skip_rows = ps.unpack_skip_pixels = ps.unpack_skip_images = 100;
	ps.pack_skip_rows = ps.pack_skip_pixels = 100;
	EQ(gl_unpack_size(&ps, 0, 5, 5, GL_RGBA, GL_UNSIGNED_BYTE, true), 0);
	EQ(gl_unpack_size(&ps, 5, 0, 5, GL_RGBA, GL_UNSIGNED_BYTE, true), 0);
	EQ(gl_unpack_size(&ps, 5, 5, 0, GL_RGBA, GL_UNSIGNED_BYTE, true), 0);
	EQ(gl_pack_size(&ps, 0, 5, GL_RGBA, GL_UNSIGNED_BYTE), 0);
	EQ(gl_pack_size(&ps, 5, 0, GL_RGBA, GL_UNSIGNED_BYTE), 0);
}

static void test_bad_values(void)
{
	struct gl_pixel_state ps = defaults();
	EQ(gl_unpack_size(&ps, -1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), GL_SIZE_INVALID_VALUE);
	EQ(gl_unpack_size(&ps, 1, -1, 1, GL_RGBA, GL_UNSIGNED_BYTE, false), GL_SIZE_INVALID_VALUE);
	EQ(gl_unpack_size(&ps, 1, 1, -1, GL_RGBA, GL_UNSIGNED_BYTE, true), GL_SIZE_INVALID_VALUE);
	EQ(gl_pack_size(&ps, -1, 1, GL_RGBA, GL_UNSIGNED_BYTE), GL_SIZE_INVALID_VALUE);
	int32_t *fields[] = {&ps.unpack_row_length,  &ps.unpack_image_height, &ps.unpack_skip_rows,
	                     &ps.unpack_skip_pixels, &ps.unpack_skip_images,  &ps.pack_row_length,
	                     &ps.pack_skip_rows,     &ps.pack_skip_pixels};
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		ps = defaults();
		*fields[i] = -1;
		int64_t up = gl_unpack_size(&ps, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, true);
		int64_t down = gl_pack_size(&ps, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE);
		CHECK(up == GL_SIZE_INVALID_VALUE || down == GL_SIZE_INVALID_VALUE);
	}
	int32_t alignments[] = {0, 3, 5, 16, -4};
	for (size_t i = 0; i < sizeof(alignments) / sizeof(alignments[0]); i++) {
		ps = defaults();
		ps.unpack_alignment = ps.pack_alignment = alignments[i];
		EQ(gl_unpack_size(&ps, 1, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, false),
		   GL_SIZE_INVALID_VALUE);
		EQ(gl_pack_size(&ps, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE), GL_SIZE_INVALID_VALUE);
	}
	/* A format/type error wins over a bad dimension, as GL checks it first. */
	ps = defaults();
	EQ(gl_unpack_size(&ps, -1, 1, 1, 0x1234, GL_UNSIGNED_BYTE, false), GL_SIZE_INVALID_ENUM);
	EQ(gl_pack_size(&ps, 1, 1, GL_RGB, GL_UNSIGNED_SHORT_4_4_4_4), GL_SIZE_INVALID_OPERATION);
}

/* Every step can overflow int64: the result is an error, never a wrap. */
static void test_overflow(void)
{
	struct gl_pixel_state ps = defaults();
	EQ(gl_unpack_size(&ps, INT64_MAX, 1, 1, GL_RGBA, GL_FLOAT, false), GL_SIZE_INVALID_VALUE);
	EQ(gl_unpack_size(&ps, 1, INT64_MAX, 1, GL_RGBA, GL_FLOAT, false), GL_SIZE_INVALID_VALUE);
	EQ(gl_unpack_size(&ps, 1, 1, INT64_MAX, GL_RGBA, GL_FLOAT, true), GL_SIZE_INVALID_VALUE);
	EQ(gl_unpack_size(&ps, (int64_t)1 << 31, (int64_t)1 << 31, (int64_t)1 << 31, GL_RGBA,
	                  GL_FLOAT, true),
	   GL_SIZE_INVALID_VALUE);
	/* The largest pixel-store values a GL int holds: a 2D image stays within
	 * int64 (stride 2^31, (2^31 - 1) rows skipped, then 2^31 pixels), a 3D
	 * one skipping 2^31 - 1 images of 2^31 - 1 rows does not. */
	ps.unpack_row_length = ps.unpack_image_height = INT32_MAX;
	ps.unpack_skip_rows = ps.unpack_skip_pixels = ps.unpack_skip_images = INT32_MAX;
	EQ(gl_unpack_size(&ps, 1, 1, 1, GL_RED, GL_UNSIGNED_BYTE, false), (int64_t)1 << 62);
	EQ(gl_unpack_size(&ps, 1, 1, 1, GL_RED, GL_UNSIGNED_BYTE, true), GL_SIZE_INVALID_VALUE);
	/* Exactly INT64_MAX is a size; one more is not. */
	ps = defaults();
	ps.unpack_alignment = 1;
	EQ(gl_unpack_size(&ps, INT64_MAX, 1, 1, GL_RED, GL_UNSIGNED_BYTE, false), INT64_MAX);
	ps.unpack_skip_pixels = 1;
	EQ(gl_unpack_size(&ps, INT64_MAX, 1, 1, GL_RED, GL_UNSIGNED_BYTE, false),
	   GL_SIZE_INVALID_VALUE);
}

static void test_pixel_sizes(void)
{
	static const struct {
		uint32_t format, type;
		int64_t size;
	} good[] = {
	        {GL_RGBA, GL_UNSIGNED_BYTE, 4},
	        {GL_RGBA, GL_BYTE, 4},
	        {GL_RGBA, GL_UNSIGNED_SHORT_4_4_4_4, 2},
	        {GL_RGBA, GL_UNSIGNED_SHORT_5_5_5_1, 2},
	        {GL_RGBA, GL_UNSIGNED_INT_2_10_10_10_REV, 4},
	        {GL_RGBA, GL_HALF_FLOAT, 8},
	        {GL_RGBA, GL_HALF_FLOAT_OES, 8},
	        {GL_RGBA, GL_FLOAT, 16},
	        {GL_RGBA, GL_UNSIGNED_SHORT, 8}, /* EXT_texture_norm16 */
	        {GL_RGB, GL_UNSIGNED_BYTE, 3},
	        {GL_RGB, GL_UNSIGNED_SHORT_5_6_5, 2},
	        {GL_RGB, GL_UNSIGNED_INT_10F_11F_11F_REV, 4},
	        {GL_RGB, GL_UNSIGNED_INT_5_9_9_9_REV, 4},
	        {GL_RGB, GL_HALF_FLOAT, 6},
	        {GL_RGB, GL_FLOAT, 12},
	        {GL_RG, GL_UNSIGNED_BYTE, 2},
	        {GL_RG, GL_FLOAT, 8},
	        {GL_RED, GL_HALF_FLOAT, 2},
	        {GL_RED, GL_FLOAT, 4},
	        {GL_RGBA_INTEGER, GL_UNSIGNED_INT, 16},
	        {GL_RGBA_INTEGER, GL_SHORT, 8},
	        {GL_RGBA_INTEGER, GL_UNSIGNED_INT_2_10_10_10_REV, 4},
	        {GL_RGB_INTEGER, GL_INT, 12},
	        {GL_RG_INTEGER, GL_UNSIGNED_SHORT, 4},
	        {GL_RED_INTEGER, GL_BYTE, 1},
	        {GL_DEPTH_COMPONENT, GL_UNSIGNED_SHORT, 2},
	        {GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, 4},
	        {GL_DEPTH_COMPONENT, GL_FLOAT, 4},
	        {GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, 4},
	        {GL_DEPTH_STENCIL, GL_FLOAT_32_UNSIGNED_INT_24_8_REV, 8},
	        {GL_STENCIL_INDEX, GL_UNSIGNED_BYTE, 1},
	        {GL_LUMINANCE, GL_UNSIGNED_BYTE, 1},
	        {GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, 2},
	        {GL_LUMINANCE_ALPHA, GL_FLOAT, 8},
	        {GL_ALPHA, GL_HALF_FLOAT_OES, 2},
	        {GL_BGRA_EXT, GL_UNSIGNED_BYTE, 4},
	        {GL_BGRA_EXT, GL_UNSIGNED_SHORT_4_4_4_4_REV_EXT, 2},
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		EQ(gl_pixel_size(good[i].format, good[i].type), good[i].size);

	static const struct {
		uint32_t format, type;
	} mismatched[] = {
	        {GL_RGB, GL_UNSIGNED_SHORT_4_4_4_4},
	        {GL_RGBA, GL_UNSIGNED_SHORT_5_6_5},
	        {GL_RGBA, GL_UNSIGNED_INT_5_9_9_9_REV},
	        {GL_RGBA, GL_UNSIGNED_INT},
	        {GL_RGBA_INTEGER, GL_FLOAT},
	        {GL_RGB_INTEGER, GL_UNSIGNED_INT_2_10_10_10_REV},
	        {GL_DEPTH_COMPONENT, GL_UNSIGNED_BYTE},
	        {GL_DEPTH_STENCIL, GL_UNSIGNED_INT},
	        {GL_DEPTH_STENCIL, GL_UNSIGNED_BYTE},
	        {GL_STENCIL_INDEX, GL_FLOAT},
	        {GL_LUMINANCE, GL_SHORT},
	        {GL_RED, GL_UNSIGNED_INT_24_8},
	        {GL_BGRA_EXT, GL_FLOAT},
	};
	for (size_t i = 0; i < sizeof(mismatched) / sizeof(mismatched[0]); i++)
		EQ(gl_pixel_size(mismatched[i].format, mismatched[i].type),
		   GL_SIZE_INVALID_OPERATION);

	EQ(gl_pixel_size(0x1234, GL_UNSIGNED_BYTE), GL_SIZE_INVALID_ENUM);
	EQ(gl_pixel_size(GL_RGBA, 0x1234), GL_SIZE_INVALID_ENUM);
	EQ(gl_pixel_size(GL_RGBA, GL_RGBA), GL_SIZE_INVALID_ENUM);
	EQ(gl_pixel_size(GL_RGBA8, GL_UNSIGNED_BYTE), GL_SIZE_INVALID_ENUM); /* internal format */
}

/* The counts the driver cannot check (inputs) and the error codes. */
static void test_counts(void)
{
	EQ(gl_clear_buffer_count(GL_COLOR), 4);
	EQ(gl_clear_buffer_count(GL_DEPTH), 1);
	EQ(gl_clear_buffer_count(GL_STENCIL), 1);
	EQ(gl_clear_buffer_count(GL_DEPTH_STENCIL), GL_SIZE_INVALID_ENUM);
	EQ(gl_uniform_block_param_count(GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES),
	   GL_SIZE_INVALID_OPERATION);
	EQ(gl_texparam_count(GL_TEXTURE_BORDER_COLOR), 4);
	EQ(gl_sampler_param_count(GL_TEXTURE_BORDER_COLOR), 4);
	EQ(gl_program_param_count(GL_COMPUTE_WORK_GROUP_SIZE), 3);
	EQ(gl_get_count(GL_PRIMITIVE_BOUNDING_BOX), 8);
	EQ(gl_get_count(GL_PROGRAM_BINARY_FORMATS), GL_SIZES_MAX_FORMATS);
	/* Desktop 4.x limits a compatibility context's ARB extensions query
	 * (GL_MAX_TRANSFORM_FEEDBACK_BUFFERS, GL_MAX_VERTEX_STREAMS,
	 * GL_MIN_MAP_BUFFER_ALIGNMENT: piglit's transform_feedback3 and
	 * map_buffer_range tests got GL_INVALID_ENUM). */
	EQ(gl_get_count(0x8E70), 1);
	EQ(gl_get_count(0x8E71), 1);
	EQ(gl_get_count(0x90BC), 1);
	EQ(gl_get_indexed_count(GL_COLOR_WRITEMASK), 4);
	/* Refused on purpose (see gles-sizes-get.c). */
	EQ(gl_get_count(GL_DEVICE_UUID_EXT), GL_SIZE_INVALID_ENUM);
	EQ(gl_get_count(GL_DEVICE_LUID_EXT), GL_SIZE_INVALID_ENUM);
	EQ(gl_get_count(GL_SUPPORTED_MULTISAMPLE_MODES_AMD), GL_SIZE_INVALID_ENUM);
	/* Desktop glGetProgramInterfaceiv of a *_SUBROUTINE_UNIFORM interface (piglit's
	 * arb_program_interface_query-resource-query). */
	EQ(gl_program_interface_param_count(0x92F8 /* GL_MAX_NUM_COMPATIBLE_SUBROUTINES */), 1);
	int64_t (*const helpers[])(uint32_t) = {
	        gl_get_count,
	        gl_get_indexed_count,
	        gl_texparam_count,
	        gl_texlevelparam_count,
	        gl_sampler_param_count,
	        gl_bufparam_count,
	        gl_rbparam_count,
	        gl_fb_attachment_count,
	        gl_framebuffer_param_count,
	        gl_program_param_count,
	        gl_shader_param_count,
	        gl_program_pipeline_param_count,
	        gl_program_interface_param_count,
	        gl_vertex_attrib_count,
	        gl_uniform_block_param_count,
	        gl_query_param_count,
	        gl_query_object_count,
	        gl_clear_buffer_count,
	};
	for (size_t i = 0; i < sizeof(helpers) / sizeof(helpers[0]); i++) {
		/* glGetProgramInterfaceiv's unknown pname: GL_INVALID_OPERATION, as Mesa says
		 * and piglit's arb_program_interface_query-getprograminterfaceiv expects. */
		int64_t want = helpers[i] == gl_program_interface_param_count
		                       ? GL_SIZE_INVALID_OPERATION
		                       : GL_SIZE_INVALID_ENUM;
		EQ(helpers[i](0x9999), want);
		EQ(helpers[i](0), want);
		EQ(helpers[i](UINT32_MAX), want);
	}
}

/* glReadnPixels: the pack size, GL_INVALID_OPERATION over bufSize, other errors kept. */
static void test_readn(void)
{
	struct gl_pixel_state ps = defaults();
	ps.pack_alignment = 1;
	EQ(gl_readn_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, 18), 18);
	EQ(gl_readn_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, 1000), 18);
	EQ(gl_readn_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, 17), GL_SIZE_INVALID_OPERATION);
	EQ(gl_readn_size(&ps, 0, 2, GL_RGB, GL_UNSIGNED_BYTE, 0), 0);
	EQ(gl_readn_size(&ps, -1, 2, GL_RGB, GL_UNSIGNED_BYTE, 100), GL_SIZE_INVALID_VALUE);
	ps.pack_alignment = 4; /* rows of 9 bytes padded to 12: 21 */
	EQ(gl_readn_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, 18), GL_SIZE_INVALID_OPERATION);
	EQ(gl_readn_size(&ps, 3, 2, GL_RGB, GL_UNSIGNED_BYTE, 21), 21);
}

/* glCallLists: n names of each type's size; an unknown type or a negative n is GL's error. */
static void test_call_lists(void)
{
	EQ(gl_call_lists_bytes(5, GL_UNSIGNED_BYTE), 5);
	EQ(gl_call_lists_bytes(5, GL_BYTE), 5);
	EQ(gl_call_lists_bytes(5, GL_SHORT), 10);
	EQ(gl_call_lists_bytes(5, 0x1407 /* GL_2_BYTES */), 10);
	EQ(gl_call_lists_bytes(5, 0x1408 /* GL_3_BYTES */), 15);
	EQ(gl_call_lists_bytes(5, 0x1409 /* GL_4_BYTES */), 20);
	EQ(gl_call_lists_bytes(5, GL_FLOAT), 20);
	EQ(gl_call_lists_bytes(5, GL_UNSIGNED_INT), 20);
	EQ(gl_call_lists_bytes(0, GL_INT), 0);
	EQ(gl_call_lists_bytes(-1, GL_INT), GL_SIZE_INVALID_VALUE);
	EQ(gl_call_lists_bytes(5, GL_HALF_FLOAT), GL_SIZE_INVALID_ENUM);
	EQ(gl_call_lists_bytes(5, 0x140A /* GL_DOUBLE */), GL_SIZE_INVALID_ENUM);
}

int main(void)
{
	test_alignment();
	test_row_length_and_skips();
	test_images();
	test_empty();
	test_bad_values();
	test_overflow();
	test_pixel_sizes();
	test_counts();
	test_readn();
	test_call_lists();
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("all size checks passed\n");
	return 0;
}
