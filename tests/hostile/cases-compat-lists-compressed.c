/*
 * Hostile GL streams of compressed texture uploads in display lists
 * (gpuhost/gl/lists-compressed.c), on a 4.5 compatibility context: skipped where the host
 * offers none. The driver copies imageSize bytes from the command's pointer when a list
 * is made and replays the upload under the unpack state of glCallList.
 */
#include <string.h>

#include "hl-compat.h"

#define COMPAT45 GL_VERSION_CODE(4, 5)
#define GL_COMPILE_ 0x1300u
#define RGTC1 0x8DBBu             /* GL_COMPRESSED_RED_RGTC1: 4x4 blocks of 8 bytes */
#define UNPACK_BUFFER 0x88ECu     /* GL_PIXEL_UNPACK_BUFFER */
#define BLOCK_WIDTH 0x9127u       /* GL_UNPACK_COMPRESSED_BLOCK_WIDTH */
#define BLOCK_HEIGHT 0x9128u      /* GL_UNPACK_COMPRESSED_BLOCK_HEIGHT */
#define BLOCK_SIZE 0x912Au        /* GL_UNPACK_COMPRESSED_BLOCK_SIZE */
#define GET_COMPRESSED_HEADER 16u /* a glGetCompressedTexImage reply's bytes before the image */

static void texture_5(struct hl_gl_link *g)
{
	uint32_t name = 5;
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 5u);
}

static void blocks_on(struct hl_gl_link *g)
{
	hl_gl_cmd(g, GLES_OP_glPixelStorei, 2, BLOCK_WIDTH, 4u);
	hl_gl_cmd(g, GLES_OP_glPixelStorei, 2, BLOCK_HEIGHT, 4u);
	hl_gl_cmd(g, GLES_OP_glPixelStorei, 2, BLOCK_SIZE, 8u);
}

/* glCompressedTexImage2D of a w x h RGTC1 image: `n` bytes of `data`, or (data NULL) the
 * bound pixel unpack buffer's bytes from `offset`. */
static void rgtc1_image(struct hl_gl_link *g, uint32_t w, uint32_t h, uint32_t image_size,
                        const void *data, uint32_t n, uint64_t offset)
{
	hl_gl_cmd_begin(g, GLES_OP_glCompressedTexImage2D);
	uint32_t a[] = {GL_TEXTURE_2D, 0, RGTC1, w, h, 0, image_size};
	for (size_t k = 0; k < 7; k++)
		hl_put_u32(&g->cmds, a[k]);
	if (data) {
		hl_gl_put_blob(g, data, n);
	} else {
		hl_put_u32(&g->cmds, GL_BLOB_OFFSET);
		hl_gl_put_u64(g, offset);
	}
	hl_gl_cmd_end(g);
}

/* Level 0 of texture 5 (GL_TEXTURE_2D) is `want`'s 8 bytes. */
static bool image_is(struct hl_gl_link *g, const uint8_t want[8])
{
	hl_gl_cmd(g, GLES_OP_glGetCompressedTexImage, 3, GL_TEXTURE_2D, 0u, 0u);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size = 0;
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glGetCompressedTexImage, &size);
	CHECKF(p && size == GET_COMPRESSED_HEADER + 8, "glGetCompressedTexImage reply of %u bytes",
	       p ? size : 0);
	CHECKF(!memcmp(p + GET_COMPRESSED_HEADER, want, 8),
	       "the image is not the bytes the list stored");
	return true;
}

/* Block pnames 4/4/8 and a row length of 4: the layout of an 8 x 256 image is 520 bytes,
 * its imageSize 1024, which the driver would copy into the list: 504 bytes past the
 * command. */
static bool gl_list_compressed_upload_laid_out_in_blocks_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static uint8_t data[520];
	texture_5(&g);
	blocks_on(&g);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, GL_UNPACK_ROW_LENGTH, 4u);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_);
	rgtc1_image(&g, 8, 256, 1024, data, sizeof(data), 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glCompressedTexImage2D compiled into a display list with "
	                  "GL_UNPACK_COMPRESSED_BLOCK_* set (4, 4, 0, 8)");
}

/* A pixel unpack buffer bound while a list is made: the driver would copy imageSize
 * bytes from the offset (16) as an address. */
static bool gl_list_compressed_upload_from_an_unpack_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint8_t buf[64] = {0};
	texture_5(&g);
	hl_gl_buffer(&g, UNPACK_BUFFER, 9, buf, sizeof(buf));
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_);
	rgtc1_image(&g, 4, 4, 8, NULL, 0, 16);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glCompressedTexImage2D compiled into a display list while a pixel "
	                  "unpack buffer is bound");
}

/* A 4 x 4 image compiled with the default unpack state, called with block pnames set and a
 * skip of 0x4000000 rows (the driver would read 512 MiB past its copy), then with a pixel
 * unpack buffer bound too (the driver would take its copy's address for an offset into
 * it): each replay reads the copy only, as GL says; then the unpack buffer is still bound
 * in the driver (an upload from it lands) and the link goes on. */
static bool gl_list_compressed_upload_replays_its_copy_only(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const uint8_t listed[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	static const uint8_t buffered[8] = {9, 10, 11, 12, 13, 14, 15, 16};
	texture_5(&g);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_);
	rgtc1_image(&g, 4, 4, 8, listed, 8, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the list made: glGetError 0x%x", err);
	blocks_on(&g);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, GL_UNPACK_SKIP_ROWS, 0x4000000u);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the list called with blocks: glGetError 0x%x", err);
	CHECK(image_is(&g, listed));
	hl_gl_buffer(&g, UNPACK_BUFFER, 9, buffered, sizeof(buffered));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the list called with an unpack buffer: glGetError 0x%x", err);
	CHECK(image_is(&g, listed));
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, GL_UNPACK_SKIP_ROWS, 0u);
	hl_gl_cmd(&g, GLES_OP_glPixelStorei, 2, BLOCK_SIZE, 0u);
	rgtc1_image(&g, 4, 4, 8, NULL, 0, 0);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "an upload from the unpack buffer: glGetError 0x%x", err);
	CHECK(image_is(&g, buffered));
	return hl_gl_close_served(e, &g);
}

/* A call the host refuses to run (here: the unpack state could not be restored inside a
 * primitive) still moves glBegin/glEnd where the library takes it: glBegin, then
 * glCallList({a vertex, glEnd}) refused leaves the host outside, so the host ends the
 * driver's primitive as the list would have: a glBindBuffer after it is served and is the
 * driver's binding too. (Review of 2026-12-06: the host went outside, the driver stayed
 * inside and kept the old binding.) */
static bool gl_list_call_refused_inside_a_primitive_ends_it(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const uint8_t listed[8] = {1, 2, 3, 4, 5, 6, 7, 8};
	texture_5(&g);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_);
	rgtc1_image(&g, 4, 4, 8, listed, 8, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 2u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glVertex2f, 2, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_buffer(&g, 0x8892u, 9, listed, sizeof(listed));
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the lists made: glGetError 0x%x", err);
	blocks_on(&g);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 2u);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_INVALID_OPERATION, "the call refused: glGetError 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glGetIntegerv, 2, 0x8894u, 4u); /* GL_ARRAY_BUFFER_BINDING */
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size = 0, v[2] = {0};
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glGetIntegerv, &size);
	CHECK(p && size >= 8);
	memcpy(v, p, 8);
	CHECKF(v[1] == 0, "GL_ARRAY_BUFFER_BINDING %u after the glBindBuffer of 0", v[1]);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_compat_lists_compressed_cases[] = {
        HL_CASE(gl_list_call_refused_inside_a_primitive_ends_it),
        HL_CASE(gl_list_compressed_upload_laid_out_in_blocks_ends_the_link),
        HL_CASE(gl_list_compressed_upload_from_an_unpack_buffer_ends_the_link),
        HL_CASE(gl_list_compressed_upload_replays_its_copy_only),
};
const size_t hl_compat_lists_compressed_case_count =
        sizeof(hl_compat_lists_compressed_cases) / sizeof(hl_compat_lists_compressed_cases[0]);
