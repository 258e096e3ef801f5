/*
 * How many bytes an image of an internal format holds, for the GL memory
 * quota. Sized formats (GLES 3 and extensions the host context may take,
 * whatever the app was told) have their own size; unsized ones (GL_RGBA,
 * GL_LUMINANCE, ...) are sized from the app's format and type by the
 * caller. A format not listed here counts as 16 bytes per pixel, the most
 * any has, so that a format we do not know can never be cheap.
 */
#include "gles-codec.h"
#include "storage.h"

struct format_size {
	uint32_t format;
	uint32_t bytes;
};

static const struct format_size sized[] = {
        {0x8229, 1},  /* GL_R8 */
        {0x8F94, 1},  /* GL_R8_SNORM */
        {0x8231, 1},  /* GL_R8I */
        {0x8232, 1},  /* GL_R8UI */
        {0x8D48, 1},  /* GL_STENCIL_INDEX8 */
        {0x822B, 2},  /* GL_RG8 */
        {0x8F95, 2},  /* GL_RG8_SNORM */
        {0x8237, 2},  /* GL_RG8I */
        {0x8238, 2},  /* GL_RG8UI */
        {0x822D, 2},  /* GL_R16F */
        {0x8233, 2},  /* GL_R16I */
        {0x8234, 2},  /* GL_R16UI */
        {0x8D62, 2},  /* GL_RGB565 */
        {0x8056, 2},  /* GL_RGBA4 */
        {0x8057, 2},  /* GL_RGB5_A1 */
        {0x81A5, 2},  /* GL_DEPTH_COMPONENT16 */
        {0x803C, 1},  /* GL_ALPHA8_EXT */
        {0x8040, 1},  /* GL_LUMINANCE8_EXT */
        {0x8045, 2},  /* GL_LUMINANCE8_ALPHA8_EXT */
        {0x8051, 4},  /* GL_RGB8: kept as 4 bytes by drivers */
        {0x8F96, 4},  /* GL_RGB8_SNORM */
        {0x8C41, 4},  /* GL_SRGB8 */
        {0x8D8F, 4},  /* GL_RGB8I */
        {0x8D7D, 4},  /* GL_RGB8UI */
        {0x8058, 4},  /* GL_RGBA8 */
        {0x8F97, 4},  /* GL_RGBA8_SNORM */
        {0x8C43, 4},  /* GL_SRGB8_ALPHA8 */
        {0x8D8E, 4},  /* GL_RGBA8I */
        {0x8D7C, 4},  /* GL_RGBA8UI */
        {0x93A1, 4},  /* GL_BGRA8_EXT */
        {0x8059, 4},  /* GL_RGB10_A2 */
        {0x906F, 4},  /* GL_RGB10_A2UI */
        {0x8C3A, 4},  /* GL_R11F_G11F_B10F */
        {0x8C3D, 4},  /* GL_RGB9_E5 */
        {0x822F, 4},  /* GL_RG16F */
        {0x8239, 4},  /* GL_RG16I */
        {0x823A, 4},  /* GL_RG16UI */
        {0x822E, 4},  /* GL_R32F */
        {0x8235, 4},  /* GL_R32I */
        {0x8236, 4},  /* GL_R32UI */
        {0x81A6, 4},  /* GL_DEPTH_COMPONENT24 */
        {0x81A7, 4},  /* GL_DEPTH_COMPONENT32_OES */
        {0x8CAC, 4},  /* GL_DEPTH_COMPONENT32F */
        {0x88F0, 4},  /* GL_DEPTH24_STENCIL8 */
        {0x881B, 8},  /* GL_RGB16F: kept as 8 */
        {0x8D89, 8},  /* GL_RGB16I */
        {0x8D77, 8},  /* GL_RGB16UI */
        {0x881A, 8},  /* GL_RGBA16F */
        {0x8D88, 8},  /* GL_RGBA16I */
        {0x8D76, 8},  /* GL_RGBA16UI */
        {0x8230, 8},  /* GL_RG32F */
        {0x823B, 8},  /* GL_RG32I */
        {0x823C, 8},  /* GL_RG32UI */
        {0x8CAD, 8},  /* GL_DEPTH32F_STENCIL8 */
        {0x8815, 16}, /* GL_RGB32F: kept as 16 */
        {0x8D83, 16}, /* GL_RGB32I */
        {0x8D71, 16}, /* GL_RGB32UI */
        {0x8814, 16}, /* GL_RGBA32F */
        {0x8D82, 16}, /* GL_RGBA32I */
        {0x8D70, 16}, /* GL_RGBA32UI */
        /* EXT_texture_norm16, EXT_render_snorm */
        {0x822A, 2}, /* GL_R16_EXT */
        {0x8F98, 2}, /* GL_R16_SNORM_EXT */
        {0x822C, 4}, /* GL_RG16_EXT */
        {0x8F99, 4}, /* GL_RG16_SNORM_EXT */
        {0x8054, 8}, /* GL_RGB16_EXT: kept as 8 */
        {0x8F9A, 8}, /* GL_RGB16_SNORM_EXT */
        {0x805B, 8}, /* GL_RGBA16_EXT */
        {0x8F9B, 8}, /* GL_RGBA16_SNORM_EXT */
        /* EXT_texture_sRGB_R8, EXT_texture_sRGB_RG8 */
        {0x8FBD, 1}, /* GL_SR8_EXT */
        {0x8FBE, 2}, /* GL_SRG8_EXT */
        /* OES_required_internalformat */
        {0x8043, 2}, /* GL_LUMINANCE4_ALPHA4_OES: kept as 2 */
        {0x8052, 4}, /* GL_RGB10_EXT: kept as 4 */
};

/* The unsized formats of glTexImage2D and glCopyTexImage2D: bytes come
 * from format x type, or 4 for a copy. */
static bool unsized(uint32_t format)
{
	switch (format) {
	case GL_ALPHA:
	case GL_LUMINANCE:
	case GL_LUMINANCE_ALPHA:
	case GL_RGB:
	case GL_RGBA:
	case 0x80E1: /* GL_BGRA_EXT */
	case GL_DEPTH_COMPONENT:
	case 0x84F9: /* GL_DEPTH_STENCIL */
	case 0x1903: /* GL_RED */
	case 0x8227: /* GL_RG */
		return true;
	default:
		return false;
	}
}

uint32_t gh_gl_format_bytes(uint32_t internalformat)
{
	if (unsized(internalformat))
		return 0;
	for (size_t i = 0; i < sizeof(sized) / sizeof(sized[0]); i++) {
		if (sized[i].format == internalformat)
			return sized[i].bytes;
	}
	return 16;
}

/* Block-compressed formats: block width and height in pixels, bytes per
 * block. */
struct block_format {
	uint32_t format;
	uint8_t w, h, bytes;
};

static const struct block_format blocks[] = {
        {0x8D64, 4, 4, 8},  /* GL_ETC1_RGB8_OES */
        {0x9270, 4, 4, 8},  /* GL_COMPRESSED_R11_EAC */
        {0x9271, 4, 4, 8},  /* GL_COMPRESSED_SIGNED_R11_EAC */
        {0x9272, 4, 4, 16}, /* GL_COMPRESSED_RG11_EAC */
        {0x9273, 4, 4, 16}, /* GL_COMPRESSED_SIGNED_RG11_EAC */
        {0x9274, 4, 4, 8},  /* GL_COMPRESSED_RGB8_ETC2 */
        {0x9275, 4, 4, 8},  /* GL_COMPRESSED_SRGB8_ETC2 */
        {0x9276, 4, 4, 8},  /* GL_COMPRESSED_RGB8_PUNCHTHROUGH_ALPHA1_ETC2 */
        {0x9277, 4, 4, 8},  /* GL_COMPRESSED_SRGB8_PUNCHTHROUGH_ALPHA1_ETC2 */
        {0x9278, 4, 4, 16}, /* GL_COMPRESSED_RGBA8_ETC2_EAC */
        {0x9279, 4, 4, 16}, /* GL_COMPRESSED_SRGB8_ALPHA8_ETC2_EAC */
        {0x83F0, 4, 4, 8},  /* GL_COMPRESSED_RGB_S3TC_DXT1_EXT */
        {0x83F1, 4, 4, 8},  /* GL_COMPRESSED_RGBA_S3TC_DXT1_EXT */
        {0x83F2, 4, 4, 16}, /* GL_COMPRESSED_RGBA_S3TC_DXT3_EXT */
        {0x83F3, 4, 4, 16}, /* GL_COMPRESSED_RGBA_S3TC_DXT5_EXT */
        {0x8C4C, 4, 4, 8},  /* GL_COMPRESSED_SRGB_S3TC_DXT1_EXT */
        {0x8C4D, 4, 4, 8},  /* GL_COMPRESSED_SRGB_ALPHA_S3TC_DXT1_EXT */
        {0x8C4E, 4, 4, 16}, /* GL_COMPRESSED_SRGB_ALPHA_S3TC_DXT3_EXT */
        {0x8C4F, 4, 4, 16}, /* GL_COMPRESSED_SRGB_ALPHA_S3TC_DXT5_EXT */
        {0x8DBB, 4, 4, 8},  /* GL_COMPRESSED_RED_RGTC1 */
        {0x8DBC, 4, 4, 8},  /* GL_COMPRESSED_SIGNED_RED_RGTC1 */
        {0x8DBD, 4, 4, 16}, /* GL_COMPRESSED_RG_RGTC2 */
        {0x8DBE, 4, 4, 16}, /* GL_COMPRESSED_SIGNED_RG_RGTC2 */
        {0x8E8C, 4, 4, 16}, /* GL_COMPRESSED_RGBA_BPTC_UNORM */
        {0x8E8D, 4, 4, 16}, /* GL_COMPRESSED_SRGB_ALPHA_BPTC_UNORM */
        {0x8E8E, 4, 4, 16}, /* GL_COMPRESSED_RGB_BPTC_SIGNED_FLOAT */
        {0x8E8F, 4, 4, 16}, /* GL_COMPRESSED_RGB_BPTC_UNSIGNED_FLOAT */
        {0x93B0, 4, 4, 16}, /* GL_COMPRESSED_RGBA_ASTC_4x4_KHR, then 5x4 ... 12x12 */
        {0x93B1, 5, 4, 16},   {0x93B2, 5, 5, 16},  {0x93B3, 6, 5, 16},   {0x93B4, 6, 6, 16},
        {0x93B5, 8, 5, 16},   {0x93B6, 8, 6, 16},  {0x93B7, 8, 8, 16},   {0x93B8, 10, 5, 16},
        {0x93B9, 10, 6, 16},  {0x93BA, 10, 8, 16}, {0x93BB, 10, 10, 16}, {0x93BC, 12, 10, 16},
        {0x93BD, 12, 12, 16},
};

/* The sRGB ASTC formats (0x93D0...) have the same blocks as 0x93B0... */
#define ASTC_SRGB_OFFSET 0x20u

bool gh_gl_format_is_paletted(uint32_t internalformat)
{
	return internalformat >= 0x8B90 && internalformat <= 0x8B99;
}

uint64_t gh_gl_compressed_bytes(uint32_t internalformat, uint32_t w, uint32_t h)
{
	/* OpenGL ES 1's paletted formats (OES_compressed_paletted_texture,
	 * GL_PALETTE4_RGB8_OES..GL_PALETTE8_RGB5_A1_OES): drivers keep them
	 * expanded, RGBA8 at most. */
	if (gh_gl_format_is_paletted(internalformat))
		return (uint64_t)w * h * 4;
	if (internalformat >= 0x93D0 && internalformat <= 0x93DD)
		internalformat -= ASTC_SRGB_OFFSET;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		const struct block_format *b = &blocks[i];
		if (b->format == internalformat)
			return ((uint64_t)w + b->w - 1) / b->w * (((uint64_t)h + b->h - 1) / b->h) *
			       b->bytes;
	}
	return 0;
}

bool gh_gl_compressed_block(uint32_t internalformat, uint32_t *w, uint32_t *h, uint32_t *bytes)
{
	if (internalformat >= 0x93D0 && internalformat <= 0x93DD)
		internalformat -= ASTC_SRGB_OFFSET;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		if (blocks[i].format == internalformat) {
			*w = blocks[i].w;
			*h = blocks[i].h;
			*bytes = blocks[i].bytes;
			return true;
		}
	}
	return false;
}
