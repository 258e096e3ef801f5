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

int64_t gl_get_count_compat_arrays(uint32_t pname)
{
	switch (pname) {
	case 0x0B24: /* GL_LINE_STIPPLE */
	case 0x0B25: /* GL_LINE_STIPPLE_PATTERN */
	case 0x0B26: /* GL_LINE_STIPPLE_REPEAT */
	case 0x0B42: /* GL_POLYGON_STIPPLE */
	case 0x0BB1: /* GL_CLIENT_ATTRIB_STACK_DEPTH */
	case 0x0D3B: /* GL_MAX_CLIENT_ATTRIB_STACK_DEPTH */
	case 0x0D34: /* GL_MAX_PIXEL_MAP_TABLE */
	case 0x0D16: /* GL_ZOOM_X */
	case 0x0D17: /* GL_ZOOM_Y */
	case 0x8871: /* GL_MAX_TEXTURE_COORDS */
	/* The client arrays of the compatibility profile: enables, formats, buffers. */
	case 0x8077: /* GL_INDEX_ARRAY */
	case 0x8079: /* GL_EDGE_FLAG_ARRAY */
	case 0x8457: /* GL_FOG_COORD_ARRAY */
	case 0x845E: /* GL_SECONDARY_COLOR_ARRAY */
	case 0x8085: /* GL_INDEX_ARRAY_TYPE */
	case 0x8086: /* GL_INDEX_ARRAY_STRIDE */
	case 0x808C: /* GL_EDGE_FLAG_ARRAY_STRIDE */
	case 0x8454: /* GL_FOG_COORD_ARRAY_TYPE */
	case 0x8455: /* GL_FOG_COORD_ARRAY_STRIDE */
	case 0x845A: /* GL_SECONDARY_COLOR_ARRAY_SIZE */
	case 0x845B: /* GL_SECONDARY_COLOR_ARRAY_TYPE */
	case 0x845C: /* GL_SECONDARY_COLOR_ARRAY_STRIDE */
	case 0x8899: /* GL_INDEX_ARRAY_BUFFER_BINDING */
	case 0x889B: /* GL_EDGE_FLAG_ARRAY_BUFFER_BINDING */
	case 0x889C: /* GL_SECONDARY_COLOR_ARRAY_BUFFER_BINDING */
	case 0x889D: /* GL_FOG_COORD_ARRAY_BUFFER_BINDING */
	/* NV_primitive_restart's client state: its enable and its index. */
	case 0x8558: /* GL_PRIMITIVE_RESTART_NV */
	case 0x8559: /* GL_PRIMITIVE_RESTART_INDEX_NV */
		return 1;
	}
	/* GL_PIXEL_MAP_I_TO_I_SIZE..GL_PIXEL_MAP_A_TO_A_SIZE, and the pixel transfer
	 * state: GL_MAP_COLOR, GL_MAP_STENCIL, GL_INDEX_SHIFT, GL_INDEX_OFFSET, the
	 * scales and biases (GL_ZOOM_X/Y, at 0x0D16 and 0x0D17, are above). */
	if ((pname >= 0x0CB0 && pname <= 0x0CB9) || (pname >= 0x0D10 && pname <= 0x0D1F))
		return 1;
	return GL_SIZE_INVALID_ENUM;
}
