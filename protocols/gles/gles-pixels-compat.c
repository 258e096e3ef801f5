/*
 * Pixel rectangles of desktop OpenGL's compatibility profile (see
 * <gpupipe/gl-sizes.h>): glDrawPixels' formats beyond the core profile's
 * (GL_COLOR_INDEX, luminance and alpha, and GL_BITMAP's one bit per
 * pixel), glBitmap's and the polygon stipple's bitmaps, addressed as the
 * GL 4.5 compatibility specification's section 8.4.4.1 does with the
 * unpack (or pack) state. GL_UNPACK_SWAP_BYTES and GL_UNPACK_LSB_FIRST
 * change which bits GL reads, never how many.
 */
#include <stdint.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

enum {
	COLOR_INDEX = 0x1900,
	STENCIL_INDEX = 0x1901,
	LUMINANCE = 0x1909,
	LUMINANCE_ALPHA = 0x190A,
	ALPHA = 0x1906,
	BITMAP = 0x1A00,
	RED = 0x1903,
	RG = 0x8227,
};

/* Bytes from the pointer to the end of the last byte of a width x height
 * bitmap: rows of ceil(row_length / 8) bytes padded to the alignment, the
 * first row skip_rows rows in, its first bit skip_pixels bits in. */
static int64_t bitmap_size(int64_t width, int64_t height, int64_t alignment, int64_t row_length,
                           int64_t skip_pixels, int64_t skip_rows)
{
	if (width < 0 || height < 0 || row_length < 0 || skip_pixels < 0 || skip_rows < 0 ||
	    (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8))
		return GL_SIZE_INVALID_VALUE;
	if (width == 0 || height == 0)
		return 0;
	/* Every value is below 2^31: no product below overflows int64_t. */
	int64_t pixels = row_length > 0 ? row_length : width;
	int64_t stride = ((pixels + 7) / 8 + alignment - 1) / alignment * alignment;
	return (skip_rows + height - 1) * stride + (skip_pixels + width + 7) / 8;
}

int64_t gl_bitmap_unpack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height)
{
	return bitmap_size(width, height, ps->unpack_alignment, ps->unpack_row_length,
	                   ps->unpack_skip_pixels, ps->unpack_skip_rows);
}

int64_t gl_bitmap_pack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height)
{
	return bitmap_size(width, height, ps->pack_alignment, ps->pack_row_length,
	                   ps->pack_skip_pixels, ps->pack_skip_rows);
}

int64_t gl_draw_pixels_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                            uint32_t format, uint32_t type)
{
	if (type == BITMAP) {
		if (format != COLOR_INDEX && format != STENCIL_INDEX)
			return GL_SIZE_INVALID_ENUM;
		return gl_bitmap_unpack_size(ps, width, height);
	}
	/* Colour indices, luminance and alpha take every plain type (ES's
	 * table has fewer for luminance): sized as GL_RED's and GL_RG's pixels. */
	uint32_t as = format;
	if (format == COLOR_INDEX || format == LUMINANCE || format == ALPHA)
		as = RED;
	else if (format == LUMINANCE_ALPHA)
		as = RG;
	return gl_unpack_size(ps, width, height, 1, as, type, false);
}
