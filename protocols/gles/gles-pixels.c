/*
 * Pixel sizes for the GLES codec (see <gpupipe/gl-sizes.h>): the bytes of
 * each ES 3.2 format/type pair (table 8.2 and the extensions Mesa offers),
 * and the bytes an upload reads or a readback writes with the whole
 * pixel-store state, as ES 3.2 section 8.4.4.1 addresses an image.
 * tests/gpuhost/test-gl-sizes-pixels.c checks them against the driver's own
 * pixel-buffer bounds check.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Pixel types as bits, so that a format can list the types it takes. */
enum {
	T_UBYTE = 1 << 0,
	T_BYTE = 1 << 1,
	T_USHORT = 1 << 2,
	T_SHORT = 1 << 3,
	T_UINT = 1 << 4,
	T_INT = 1 << 5,
	T_HALF = 1 << 6, /* HALF_FLOAT and OES_texture_half_float's HALF_FLOAT_OES */
	T_FLOAT = 1 << 7,
	T_565 = 1 << 8,
	T_4444 = 1 << 9,
	T_5551 = 1 << 10,
	T_2_10_10_10_REV = 1 << 11,
	T_10F_11F_11F_REV = 1 << 12,
	T_5_9_9_9_REV = 1 << 13,
	T_24_8 = 1 << 14,
	T_F32_24_8_REV = 1 << 15,
	T_4444_REV = 1 << 16, /* EXT_read_format_bgra */
	T_1555_REV = 1 << 17,
	/* Desktop OpenGL's */
	T_332 = 1 << 18,
	T_233_REV = 1 << 19,
	T_565_REV = 1 << 20,
	T_8888 = 1 << 21,
	T_8888_REV = 1 << 22,
	T_1010102 = 1 << 23,
	T_PACKED = T_565 | T_4444 | T_5551 | T_2_10_10_10_REV | T_10F_11F_11F_REV | T_5_9_9_9_REV |
	           T_24_8 | T_F32_24_8_REV | T_4444_REV | T_1555_REV | T_332 | T_233_REV |
	           T_565_REV | T_8888 | T_8888_REV | T_1010102,
};

/* Desktop OpenGL's values (<GL/glcorearb.h>), which the ES headers lack. */
enum {
	UNSIGNED_BYTE_3_3_2 = 0x8032,
	UNSIGNED_BYTE_2_3_3_REV = 0x8362,
	UNSIGNED_SHORT_5_6_5_REV = 0x8364,
	UNSIGNED_INT_8_8_8_8 = 0x8035,
	UNSIGNED_INT_8_8_8_8_REV = 0x8367,
	UNSIGNED_INT_10_10_10_2 = 0x8036,
	GREEN = 0x1904,
	BLUE = 0x1905,
	BGR = 0x80E0,
	BGRA = 0x80E1,
	ABGR = 0x8000, /* EXT_abgr's (compatibility) */
	GREEN_INTEGER = 0x8D95,
	BLUE_INTEGER = 0x8D96,
	BGR_INTEGER = 0x8D9A,
	BGRA_INTEGER = 0x8D9B,
	ALPHA_INTEGER = 0x8D97,           /* EXT_texture_integer's (compatibility) */
	LUMINANCE_INTEGER = 0x8D9C,       /* ... */
	LUMINANCE_ALPHA_INTEGER = 0x8D9D, /* ... */
};

/* Bytes of one element of `type` (one whole pixel for the packed types,
 * whose single value holds every component); 0 for an unknown type. */
static int64_t type_info(uint32_t type, uint32_t *bit)
{
	static const struct {
		uint32_t type, bit;
		int64_t bytes;
	} types[] = {
	        {GL_UNSIGNED_BYTE, T_UBYTE, 1},
	        {GL_BYTE, T_BYTE, 1},
	        {GL_UNSIGNED_SHORT, T_USHORT, 2},
	        {GL_SHORT, T_SHORT, 2},
	        {GL_UNSIGNED_INT, T_UINT, 4},
	        {GL_INT, T_INT, 4},
	        {GL_HALF_FLOAT, T_HALF, 2},
	        {GL_HALF_FLOAT_OES, T_HALF, 2},
	        {GL_FLOAT, T_FLOAT, 4},
	        {GL_UNSIGNED_SHORT_5_6_5, T_565, 2},
	        {GL_UNSIGNED_SHORT_4_4_4_4, T_4444, 2},
	        {GL_UNSIGNED_SHORT_5_5_5_1, T_5551, 2},
	        {GL_UNSIGNED_INT_2_10_10_10_REV, T_2_10_10_10_REV, 4},
	        {GL_UNSIGNED_INT_10F_11F_11F_REV, T_10F_11F_11F_REV, 4},
	        {GL_UNSIGNED_INT_5_9_9_9_REV, T_5_9_9_9_REV, 4},
	        {GL_UNSIGNED_INT_24_8, T_24_8, 4},
	        {GL_FLOAT_32_UNSIGNED_INT_24_8_REV, T_F32_24_8_REV, 8},
	        {GL_UNSIGNED_SHORT_4_4_4_4_REV_EXT, T_4444_REV, 2},
	        {GL_UNSIGNED_SHORT_1_5_5_5_REV_EXT, T_1555_REV, 2},
	        {UNSIGNED_BYTE_3_3_2, T_332, 1},
	        {UNSIGNED_BYTE_2_3_3_REV, T_233_REV, 1},
	        {UNSIGNED_SHORT_5_6_5_REV, T_565_REV, 2},
	        {UNSIGNED_INT_8_8_8_8, T_8888, 4},
	        {UNSIGNED_INT_8_8_8_8_REV, T_8888_REV, 4},
	        {UNSIGNED_INT_10_10_10_2, T_1010102, 4},
	};
	for (size_t i = 0; i < LEN(types); i++) {
		if (types[i].type == type) {
			*bit = types[i].bit;
			return types[i].bytes;
		}
	}
	return 0;
}

/* Components of `format` and the types it goes with: ES 3.2 table 8.2,
 * widened by the ES extensions Mesa offers (EXT_texture_norm16's 16-bit
 * normalized colors, EXT_texture_type_2_10_10_10_REV's RGB, OES_texture_float
 * and OES_texture_half_float's luminance and alpha, EXT_sRGB's formats,
 * EXT_read_format_bgra, MESA_bgra, NV_read_depth). Accepting a pair a given driver refuses is
 * harmless (the driver raises the error); the size must only never be
 * smaller than what the driver reads. 0 for an unknown format. */
static int64_t format_info(uint32_t format, uint32_t *types)
{
	enum {
		NORM = T_UBYTE | T_BYTE | T_USHORT | T_SHORT | T_HALF | T_FLOAT,
		INTEGER = T_UBYTE | T_BYTE | T_USHORT | T_SHORT | T_UINT | T_INT,
		LUMINANCE = T_UBYTE | T_HALF | T_FLOAT,
	};
	static const struct {
		uint32_t format, types;
		int64_t comps;
	} formats[] = {
	        {GL_RED, NORM, 1},
	        {GL_RG, NORM, 2},
	        {GL_RGB, NORM | T_565 | T_10F_11F_11F_REV | T_5_9_9_9_REV | T_2_10_10_10_REV, 3},
	        {GL_RGBA, NORM | T_4444 | T_5551 | T_2_10_10_10_REV, 4},
	        {GL_RED_INTEGER, INTEGER, 1},
	        {GL_RG_INTEGER, INTEGER, 2},
	        {GL_RGB_INTEGER, INTEGER, 3},
	        {GL_RGBA_INTEGER, INTEGER | T_2_10_10_10_REV, 4},
	        /* 24_8: NV_read_depth's readback of a depth buffer, the depth in
	         * the top 24 bits of each pixel (Mesa takes it; uploads refuse it). */
	        {GL_DEPTH_COMPONENT, T_USHORT | T_UINT | T_FLOAT | T_24_8, 1},
	        {GL_DEPTH_STENCIL, T_24_8 | T_F32_24_8_REV, 2},
	        {GL_STENCIL_INDEX, T_UBYTE, 1},
	        {GL_LUMINANCE, LUMINANCE, 1},
	        {GL_LUMINANCE_ALPHA, LUMINANCE, 2},
	        {GL_ALPHA, LUMINANCE, 1},
	        {GL_BGRA_EXT, T_UBYTE | T_4444_REV | T_1555_REV, 4},
	        {GL_BGR_EXT, T_UBYTE, 3}, /* MESA_bgra */
	        {GL_SRGB_EXT, T_UBYTE, 3},
	        {GL_SRGB_ALPHA_EXT, T_UBYTE, 4},
	};
	for (size_t i = 0; i < LEN(formats); i++) {
		if (formats[i].format == format) {
			*types = formats[i].types;
			return formats[i].comps;
		}
	}
	return 0;
}

/* Desktop OpenGL 4.6's tables 8.3 to 8.5: every plain type with every
 * color, depth and stencil format (the integer formats without the
 * floating-point types), the packed types with the formats of their
 * component count, the compatibility profile's alpha and luminance formats and
 * EXT_abgr's ABGR with every plain type (its tables 8.3 and 8.8), their integer
 * forms (EXT_texture_integer's) with the integer types; the ES formats
 * it lacks (sRGB) keep ES's types. 0 for a format not here. */
static int64_t desktop_format_info(uint32_t format, uint32_t *types)
{
	enum {
		PLAIN = T_UBYTE | T_BYTE | T_USHORT | T_SHORT | T_UINT | T_INT | T_HALF | T_FLOAT,
		INTEGER = T_UBYTE | T_BYTE | T_USHORT | T_SHORT | T_UINT | T_INT,
		P3 = T_332 | T_233_REV | T_565 | T_565_REV,
		P4 = T_4444 | T_4444_REV | T_5551 | T_1555_REV | T_8888 | T_8888_REV | T_1010102 |
		     T_2_10_10_10_REV,
	};
	static const struct {
		uint32_t format, types;
		int64_t comps;
	} formats[] = {
	        {GL_RED, PLAIN, 1},
	        {GREEN, PLAIN, 1},
	        {BLUE, PLAIN, 1},
	        {GL_RG, PLAIN, 2},
	        {GL_RGB, PLAIN | P3 | T_10F_11F_11F_REV | T_5_9_9_9_REV, 3},
	        {BGR, PLAIN, 3}, /* the packed types: RGB only */
	        {GL_RGBA, PLAIN | P4, 4},
	        {BGRA, PLAIN | P4, 4},
	        {GL_RED_INTEGER, INTEGER, 1},
	        {GREEN_INTEGER, INTEGER, 1},
	        {BLUE_INTEGER, INTEGER, 1},
	        {GL_RG_INTEGER, INTEGER, 2},
	        {GL_RGB_INTEGER, INTEGER | P3, 3},
	        {BGR_INTEGER, INTEGER, 3},
	        {GL_RGBA_INTEGER, INTEGER | P4, 4},
	        {BGRA_INTEGER, INTEGER | P4, 4},
	        {GL_DEPTH_COMPONENT, PLAIN | T_24_8, 1},
	        {GL_STENCIL_INDEX, PLAIN, 1},
	        {GL_DEPTH_STENCIL, T_24_8 | T_F32_24_8_REV, 2},
	        /* The compatibility profile's (a core driver refuses them). */
	        {GL_ALPHA, PLAIN, 1},
	        {GL_LUMINANCE, PLAIN, 1},
	        {GL_LUMINANCE_ALPHA, PLAIN, 2},
	        {ABGR, PLAIN | P4, 4},
	        /* EXT_texture_integer's, the compatibility profile's alone. */
	        {ALPHA_INTEGER, INTEGER, 1},
	        {LUMINANCE_INTEGER, INTEGER, 1},
	        {LUMINANCE_ALPHA_INTEGER, INTEGER, 2},
	};
	for (size_t i = 0; i < LEN(formats); i++) {
		if (formats[i].format == format) {
			*types = formats[i].types;
			return formats[i].comps;
		}
	}
	return 0;
}

int64_t gl_pixel_size_api(uint32_t format, uint32_t type, bool desktop)
{
	uint32_t types = 0, bit = 0;
	int64_t comps = desktop ? desktop_format_info(format, &types) : 0;
	if (comps == 0)
		comps = format_info(format, &types);
	int64_t bytes = type_info(type, &bit);
	/* ES contexts know none of desktop GL's packed types. */
	if (comps == 0 || bytes == 0 || (!desktop && bit >= T_332))
		return GL_SIZE_INVALID_ENUM;
	if (!(types & bit))
		return GL_SIZE_INVALID_OPERATION;
	return (bit & T_PACKED) ? bytes : comps * bytes;
}

int64_t gl_pixel_size_ps(const struct gl_pixel_state *ps, uint32_t format, uint32_t type)
{
	return gl_pixel_size_api(format, type, ps->desktop);
}

int64_t gl_pixel_size(uint32_t format, uint32_t type)
{
	return gl_pixel_size_api(format, type, false);
}

static bool mul_ok(int64_t a, int64_t b, int64_t *out)
{
	return !__builtin_mul_overflow(a, b, out);
}

static bool add_ok(int64_t a, int64_t b, int64_t *out)
{
	return !__builtin_add_overflow(a, b, out);
}

/* How GL lays an image out in client memory (ES 3.2 section 8.4.4.1): rows
 * of `row_length` pixels (width when 0) padded to `alignment`, images of
 * `image_height` rows (height when 0), and the skips before the first
 * pixel. All values are checked >= 0 by the caller. */
struct layout {
	int64_t width, height, depth;
	int64_t alignment, row_length, image_height;
	int64_t skip_pixels, skip_rows, skip_images;
};

/* Bytes from the pointer to the end of the last pixel: the address of
 * pixel (skip_pixels + width) of row (skip_rows + height - 1) of image
 * (skip_images + depth - 1), which is where GL's last read or write ends. */
static int64_t layout_size(const struct layout *l, int64_t bpp)
{
	if (l->width == 0 || l->height == 0 || l->depth == 0)
		return 0;
	int64_t pixels = l->row_length > 0 ? l->row_length : l->width;
	int64_t rows = l->image_height > 0 ? l->image_height : l->height;
	int64_t row_bytes, stride, image, last_row, last_image, end, size;
	/* stride = row_bytes rounded up to the alignment (a power of two). */
	if (!mul_ok(pixels, bpp, &row_bytes) || !add_ok(row_bytes, l->alignment - 1, &stride))
		return GL_SIZE_INVALID_VALUE;
	stride &= ~(l->alignment - 1);
	if (!mul_ok(stride, rows, &image) || !add_ok(l->skip_images, l->depth - 1, &last_image) ||
	    !add_ok(l->skip_rows, l->height - 1, &last_row) ||
	    !add_ok(l->skip_pixels, l->width, &end) || !mul_ok(end, bpp, &end) ||
	    !mul_ok(last_image, image, &last_image) || !mul_ok(last_row, stride, &last_row) ||
	    !add_ok(last_image, last_row, &size) || !add_ok(size, end, &size))
		return GL_SIZE_INVALID_VALUE;
	return size;
}

static bool alignment_ok(int64_t alignment)
{
	return alignment == 1 || alignment == 2 || alignment == 4 || alignment == 8;
}

static int64_t image_bytes(const struct layout *l, uint32_t format, uint32_t type, bool desktop)
{
	int64_t bpp = gl_pixel_size_api(format, type, desktop);
	if (bpp < 0)
		return bpp;
	if (l->width < 0 || l->height < 0 || l->depth < 0 || !alignment_ok(l->alignment) ||
	    l->row_length < 0 || l->image_height < 0 || l->skip_pixels < 0 || l->skip_rows < 0 ||
	    l->skip_images < 0)
		return GL_SIZE_INVALID_VALUE;
	return layout_size(l, bpp);
}

int64_t gl_unpack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                       int64_t depth, uint32_t format, uint32_t type, bool three_d)
{
	struct layout l = {
	        .width = width,
	        .height = height,
	        .depth = depth,
	        .alignment = ps->unpack_alignment,
	        .row_length = ps->unpack_row_length,
	        .skip_pixels = ps->unpack_skip_pixels,
	        .skip_rows = ps->unpack_skip_rows,
	};
	/* GL ignores the image height and image skip for 2D images. */
	if (three_d) {
		l.image_height = ps->unpack_image_height;
		l.skip_images = ps->unpack_skip_images;
	}
	return image_bytes(&l, format, type, ps->desktop);
}

int64_t gl_pack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                     uint32_t format, uint32_t type)
{
	struct layout l = {
	        .width = width,
	        .height = height,
	        .depth = 1,
	        .alignment = ps->pack_alignment,
	        .row_length = ps->pack_row_length,
	        .skip_pixels = ps->pack_skip_pixels,
	        .skip_rows = ps->pack_skip_rows,
	};
	return image_bytes(&l, format, type, ps->desktop);
}

int64_t gl_pack_size_3d(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                        int64_t depth, uint32_t format, uint32_t type, bool three_d)
{
	struct layout l = {
	        .width = width,
	        .height = height,
	        .depth = depth,
	        .alignment = ps->pack_alignment,
	        .row_length = ps->pack_row_length,
	        .skip_pixels = ps->pack_skip_pixels,
	        .skip_rows = ps->pack_skip_rows,
	};
	if (three_d) {
		l.image_height = ps->pack_image_height;
		l.skip_images = ps->pack_skip_images;
	}
	return image_bytes(&l, format, type, ps->desktop);
}

/* Bytes per pixel and per row stride of a readback whose gl_pack_size is
 * valid (so none of this overflows). */
static void pack_layout(const struct gl_pixel_state *ps, int64_t width, uint32_t format,
                        uint32_t type, int64_t *bpp, int64_t *stride)
{
	*bpp = gl_pixel_size_api(format, type, ps->desktop);
	int64_t pixels = ps->pack_row_length > 0 ? ps->pack_row_length : width;
	int64_t a = ps->pack_alignment;
	*stride = (pixels * *bpp + a - 1) & ~(a - 1);
}

bool gl_pack_is_dense(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                      uint32_t format, uint32_t type)
{
	int64_t bpp, stride;
	if (ps->pack_skip_pixels > 0 || ps->pack_skip_rows > 0)
		return false;
	pack_layout(ps, width, format, type, &bpp, &stride);
	return height <= 1 || stride == width * bpp;
}

void gl_pack_scatter(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                     uint32_t format, uint32_t type, const void *src, void *dst)
{
	int64_t bpp, stride;
	if (width <= 0 || height <= 0)
		return;
	pack_layout(ps, width, format, type, &bpp, &stride);
	int64_t first = ps->pack_skip_rows * stride + ps->pack_skip_pixels * bpp;
	for (int64_t row = 0; row < height; row++) {
		int64_t at = first + row * stride;
		memcpy((uint8_t *)dst + at, (const uint8_t *)src + at, (size_t)(width * bpp));
	}
}

int64_t gl_readn_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                      uint32_t format, uint32_t type, int64_t buf_size)
{
	int64_t size = gl_pack_size(ps, width, height, format, type);
	return size > buf_size ? GL_SIZE_INVALID_OPERATION : size;
}

int64_t gl_image_size(int64_t width, int64_t height, uint32_t format, uint32_t type,
                      int64_t alignment)
{
	struct layout l = {.width = width, .height = height, .depth = 1, .alignment = alignment};
	return image_bytes(&l, format, type, false);
}

void gl_pack_scatter_3d(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                        int64_t depth, uint32_t format, uint32_t type, bool three_d,
                        const void *src, void *dst)
{
	int64_t bpp, stride;
	if (width <= 0 || height <= 0 || depth <= 0)
		return;
	pack_layout(ps, width, format, type, &bpp, &stride);
	int64_t rows = three_d && ps->pack_image_height > 0 ? ps->pack_image_height : height;
	int64_t skip_images = three_d ? ps->pack_skip_images : 0;
	for (int64_t i = 0; i < depth; i++) {
		int64_t image = (skip_images + i) * rows * stride;
		for (int64_t row = 0; row < height; row++) {
			int64_t at = image + (ps->pack_skip_rows + row) * stride +
			             ps->pack_skip_pixels * bpp;
			memcpy((uint8_t *)dst + at, (const uint8_t *)src + at,
			       (size_t)(width * bpp));
		}
	}
}
