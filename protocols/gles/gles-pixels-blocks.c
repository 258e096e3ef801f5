/*
 * Compressed images laid out in blocks (GL 4.2,
 * ARB_compressed_texture_pixel_storage): the layout both sides compute
 * from the pixel-store state, so that an upload carries every byte GL
 * reads and a readback's reply every byte it writes. Each dimension's
 * pnames apply on their own, as in Mesa (_mesa_compute_compressed_
 * pixelstore), whose reads and writes these sizes must bound: the skips
 * are (skip * bytes) / block in bytes of the row above, integer division
 * (GL refuses skips that are not whole blocks; the sizes do not rely on it).
 */
#include <string.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

enum { BW, BH, BD, BS };

static int64_t blocks(int64_t n, int64_t block)
{
	return (n + block - 1) / block;
}

int gl_texture_dims(uint32_t target)
{
	switch (target) {
	case 0x0DE0: /* GL_TEXTURE_1D */
		return 1;
	case 0x806F: /* GL_TEXTURE_3D */
	case 0x8C1A: /* GL_TEXTURE_2D_ARRAY */
	case 0x9009: /* GL_TEXTURE_CUBE_MAP_ARRAY */
		return 3;
	}
	return 2;
}

enum gl_blocks gl_blocks_layout(const struct gl_pixel_state *ps, bool pack, int dims, int64_t width,
                                int64_t height, int64_t depth, struct gl_block_layout *l)
{
	const int32_t *b = pack ? ps->pack_block : ps->unpack_block;
	int64_t row_length = pack ? ps->pack_row_length : ps->unpack_row_length;
	int64_t image_height = pack ? ps->pack_image_height : ps->unpack_image_height;
	int64_t skip_pixels = pack ? ps->pack_skip_pixels : ps->unpack_skip_pixels;
	int64_t skip_rows = pack ? ps->pack_skip_rows : ps->unpack_skip_rows;
	int64_t skip_images = pack ? ps->pack_skip_images : ps->unpack_skip_images;
	bool w = b[BW] > 0 && b[BS] > 0;
	bool h = dims > 1 && b[BH] > 0 && b[BS] > 0;
	bool d = dims > 2 && b[BD] > 0 && b[BS] > 0;
	memset(l, 0, sizeof(*l));
	if (!w && !h && !d)
		return GL_BLOCKS_OFF;
	if (!w || (dims > 1 && !h))
		return GL_BLOCKS_PARTLY;
	if (width < 0 || height < 0 || depth < 0)
		return GL_BLOCKS_OFF; /* GL_INVALID_VALUE, nothing read or written */
	/* Each pname is < 2^31, so the products of two fit; the others are
	 * checked, an overflow marked by image = -1 (gl_blocks_size). */
	l->row_bytes = blocks(width, b[BW]) * b[BS];
	l->stride = row_length > 0 ? blocks(row_length, b[BW]) * b[BS] : l->row_bytes;
	l->rows = h ? blocks(height, b[BH]) : 1;
	int64_t rows_per_image = h && image_height > 0 ? blocks(image_height, b[BH]) : l->rows;
	l->images = depth;
	l->skip = skip_pixels * b[BS] / b[BW];
	int64_t skip = 0;
	if (__builtin_mul_overflow(l->stride, rows_per_image, &l->image) ||
	    (h && (__builtin_mul_overflow(skip_rows, l->stride, &skip) ||
	           __builtin_add_overflow(l->skip, skip / b[BH], &l->skip))) ||
	    (d && (__builtin_mul_overflow(skip_images, l->image, &skip) ||
	           __builtin_add_overflow(l->skip, skip / b[BD], &l->skip))))
		l->image = -1;
	return GL_BLOCKS_ON;
}

int64_t gl_blocks_size(const struct gl_block_layout *l)
{
	if (l->image < 0)
		return GL_SIZE_INVALID_VALUE;
	if (!l->row_bytes || !l->rows || !l->images)
		return 0;
	int64_t last_image, last_row, size;
	if (__builtin_mul_overflow(l->images - 1, l->image, &last_image) ||
	    __builtin_mul_overflow(l->rows - 1, l->stride, &last_row) ||
	    __builtin_add_overflow(l->skip, last_image, &size) ||
	    __builtin_add_overflow(size, last_row, &size) ||
	    __builtin_add_overflow(size, l->row_bytes, &size))
		return GL_SIZE_INVALID_VALUE;
	return size;
}

int64_t gl_compressed_unpack_size(const struct gl_pixel_state *ps, int dims, int64_t width,
                                  int64_t height, int64_t depth, int64_t image_size)
{
	struct gl_block_layout l;
	if (gl_blocks_layout(ps, false, dims, width, height, depth, &l) != GL_BLOCKS_ON)
		return image_size;
	return gl_blocks_size(&l);
}

void gl_blocks_scatter(const struct gl_block_layout *l, const void *src, void *dst)
{
	for (int64_t i = 0; i < l->images; i++) {
		for (int64_t row = 0; row < l->rows; row++) {
			int64_t at = l->skip + i * l->image + row * l->stride;
			memcpy((uint8_t *)dst + at, (const uint8_t *)src + at,
			       (size_t)l->row_bytes);
		}
	}
}
