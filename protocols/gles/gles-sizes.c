/*
 * Size helpers for the GLES codec (see <gpupipe/gl-sizes.h>): the tables
 * of the GLES 2.0 state and of the extensions we advertise. A value that
 * is not listed here is refused on both sides, whatever the host's GL
 * knows, so a query never returns more than the capacity the app sent.
 */
#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-sizes.h>

uint32_t gl_size_error(int64_t size)
{
	switch (size) {
	case GL_SIZE_INVALID_ENUM:
		return GL_INVALID_ENUM;
	case GL_SIZE_INVALID_OPERATION:
		return GL_INVALID_OPERATION;
	default:
		return GL_INVALID_VALUE;
	}
}

int64_t gl_bytes(int64_t count, int64_t elem_bytes)
{
	if (count < 0)
		return count;
	if (elem_bytes < 0 || (elem_bytes > 0 && count > INT64_MAX / elem_bytes))
		return GL_SIZE_INVALID_VALUE;
	return count * elem_bytes;
}

int64_t gl_get_count(uint32_t pname)
{
	switch (pname) {
	case GL_ALIASED_LINE_WIDTH_RANGE:
	case GL_ALIASED_POINT_SIZE_RANGE:
	case GL_DEPTH_RANGE:
	case GL_MAX_VIEWPORT_DIMS:
		return 2;
	case GL_BLEND_COLOR:
	case GL_COLOR_CLEAR_VALUE:
	case GL_COLOR_WRITEMASK:
	case GL_SCISSOR_BOX:
	case GL_VIEWPORT:
		return 4;
	case GL_COMPRESSED_TEXTURE_FORMATS:
	case GL_SHADER_BINARY_FORMATS:
		return GL_SIZES_MAX_FORMATS;
	case GL_ACTIVE_TEXTURE:
	case GL_ALPHA_BITS:
	case GL_ARRAY_BUFFER_BINDING:
	case GL_BLEND:
	case GL_BLEND_DST_ALPHA:
	case GL_BLEND_DST_RGB:
	case GL_BLEND_EQUATION_ALPHA:
	case GL_BLEND_EQUATION_RGB:
	case GL_BLEND_SRC_ALPHA:
	case GL_BLEND_SRC_RGB:
	case GL_BLUE_BITS:
	case GL_CULL_FACE:
	case GL_CULL_FACE_MODE:
	case GL_CURRENT_PROGRAM:
	case GL_DEPTH_BITS:
	case GL_DEPTH_CLEAR_VALUE:
	case GL_DEPTH_FUNC:
	case GL_DEPTH_TEST:
	case GL_DEPTH_WRITEMASK:
	case GL_DITHER:
	case GL_ELEMENT_ARRAY_BUFFER_BINDING:
	case GL_FRAMEBUFFER_BINDING:
	case GL_FRONT_FACE:
	case GL_GENERATE_MIPMAP_HINT:
	case GL_GREEN_BITS:
	case GL_IMPLEMENTATION_COLOR_READ_FORMAT:
	case GL_IMPLEMENTATION_COLOR_READ_TYPE:
	case GL_LINE_WIDTH:
	case GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS:
	case GL_MAX_CUBE_MAP_TEXTURE_SIZE:
	case GL_MAX_FRAGMENT_UNIFORM_VECTORS:
	case GL_MAX_RENDERBUFFER_SIZE:
	case GL_MAX_TEXTURE_IMAGE_UNITS:
	case GL_MAX_TEXTURE_SIZE:
	case GL_MAX_VARYING_VECTORS:
	case GL_MAX_VERTEX_ATTRIBS:
	case GL_MAX_VERTEX_TEXTURE_IMAGE_UNITS:
	case GL_MAX_VERTEX_UNIFORM_VECTORS:
	case GL_NUM_COMPRESSED_TEXTURE_FORMATS:
	case GL_NUM_SHADER_BINARY_FORMATS:
	case GL_PACK_ALIGNMENT:
	case GL_POLYGON_OFFSET_FACTOR:
	case GL_POLYGON_OFFSET_FILL:
	case GL_POLYGON_OFFSET_UNITS:
	case GL_RED_BITS:
	case GL_RENDERBUFFER_BINDING:
	case GL_SAMPLE_ALPHA_TO_COVERAGE:
	case GL_SAMPLE_BUFFERS:
	case GL_SAMPLE_COVERAGE:
	case GL_SAMPLE_COVERAGE_INVERT:
	case GL_SAMPLE_COVERAGE_VALUE:
	case GL_SAMPLES:
	case GL_SCISSOR_TEST:
	case GL_SHADER_COMPILER:
	case GL_STENCIL_BACK_FAIL:
	case GL_STENCIL_BACK_FUNC:
	case GL_STENCIL_BACK_PASS_DEPTH_FAIL:
	case GL_STENCIL_BACK_PASS_DEPTH_PASS:
	case GL_STENCIL_BACK_REF:
	case GL_STENCIL_BACK_VALUE_MASK:
	case GL_STENCIL_BACK_WRITEMASK:
	case GL_STENCIL_BITS:
	case GL_STENCIL_CLEAR_VALUE:
	case GL_STENCIL_FAIL:
	case GL_STENCIL_FUNC:
	case GL_STENCIL_PASS_DEPTH_FAIL:
	case GL_STENCIL_PASS_DEPTH_PASS:
	case GL_STENCIL_REF:
	case GL_STENCIL_TEST:
	case GL_STENCIL_VALUE_MASK:
	case GL_STENCIL_WRITEMASK:
	case GL_SUBPIXEL_BITS:
	case GL_TEXTURE_BINDING_2D:
	case GL_TEXTURE_BINDING_CUBE_MAP:
	case GL_UNPACK_ALIGNMENT:
	case GL_VERTEX_ARRAY_BINDING_OES:
	case GL_FRAGMENT_SHADER_DERIVATIVE_HINT_OES:
		return 1;
	default:
		return gl_get_count_es1(pname); /* the fixed-function state */
	}
}

int64_t gl_texparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_MIN_FILTER:
	case GL_TEXTURE_MAG_FILTER:
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	case GL_GENERATE_MIPMAP_ES1: /* OpenGL ES 1.1 */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_bufparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_BUFFER_SIZE:
	case GL_BUFFER_USAGE:
	case GL_BUFFER_ACCESS_OES:
	case GL_BUFFER_MAPPED_OES:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_rbparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_RENDERBUFFER_WIDTH:
	case GL_RENDERBUFFER_HEIGHT:
	case GL_RENDERBUFFER_INTERNAL_FORMAT:
	case GL_RENDERBUFFER_RED_SIZE:
	case GL_RENDERBUFFER_GREEN_SIZE:
	case GL_RENDERBUFFER_BLUE_SIZE:
	case GL_RENDERBUFFER_ALPHA_SIZE:
	case GL_RENDERBUFFER_DEPTH_SIZE:
	case GL_RENDERBUFFER_STENCIL_SIZE:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_fb_attachment_count(uint32_t pname)
{
	switch (pname) {
	case GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE:
	case GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME:
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LEVEL:
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_CUBE_MAP_FACE:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_program_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_DELETE_STATUS:
	case GL_LINK_STATUS:
	case GL_VALIDATE_STATUS:
	case GL_INFO_LOG_LENGTH:
	case GL_ATTACHED_SHADERS:
	case GL_ACTIVE_ATTRIBUTES:
	case GL_ACTIVE_ATTRIBUTE_MAX_LENGTH:
	case GL_ACTIVE_UNIFORMS:
	case GL_ACTIVE_UNIFORM_MAX_LENGTH:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_shader_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_SHADER_TYPE:
	case GL_DELETE_STATUS:
	case GL_COMPILE_STATUS:
	case GL_INFO_LOG_LENGTH:
	case GL_SHADER_SOURCE_LENGTH:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_vertex_attrib_count(uint32_t pname)
{
	switch (pname) {
	case GL_VERTEX_ATTRIB_ARRAY_ENABLED:
	case GL_VERTEX_ATTRIB_ARRAY_SIZE:
	case GL_VERTEX_ATTRIB_ARRAY_STRIDE:
	case GL_VERTEX_ATTRIB_ARRAY_TYPE:
	case GL_VERTEX_ATTRIB_ARRAY_NORMALIZED:
	case GL_VERTEX_ATTRIB_ARRAY_BUFFER_BINDING:
		return 1;
	case GL_CURRENT_VERTEX_ATTRIB:
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_index_size(uint32_t type)
{
	switch (type) {
	case GL_UNSIGNED_BYTE:
		return 1;
	case GL_UNSIGNED_SHORT:
		return 2;
	case GL_UNSIGNED_INT: /* OES_element_index_uint */
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

static int64_t format_components(uint32_t format)
{
	switch (format) {
	case GL_ALPHA:
	case GL_LUMINANCE:
	case GL_DEPTH_COMPONENT: /* OES_depth_texture */
		return 1;
	case GL_LUMINANCE_ALPHA:
		return 2;
	case GL_RGB:
		return 3;
	case GL_RGBA:
	case GL_BGRA_EXT: /* EXT_texture_format_BGRA8888 */
		return 4;
	case GL_DEPTH_STENCIL_OES: /* only as UNSIGNED_INT_24_8_OES */
		return 0;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

/* Packed types: one pixel in one value, valid with a single format. */
static int64_t packed_size(uint32_t format, uint32_t type)
{
	uint32_t want;
	int64_t size;

	switch (type) {
	case GL_UNSIGNED_SHORT_5_6_5:
		want = GL_RGB, size = 2;
		break;
	case GL_UNSIGNED_SHORT_4_4_4_4:
	case GL_UNSIGNED_SHORT_5_5_5_1:
		want = GL_RGBA, size = 2;
		break;
	case GL_UNSIGNED_INT_24_8_OES:
		want = GL_DEPTH_STENCIL_OES, size = 4;
		break;
	default:
		return 0;
	}
	return format == want ? size : GL_SIZE_INVALID_OPERATION;
}

int64_t gl_pixel_size(uint32_t format, uint32_t type)
{
	int64_t comps = format_components(format);
	if (comps < 0)
		return comps;
	int64_t packed = packed_size(format, type);
	if (packed != 0)
		return packed;

	int64_t bytes;
	switch (type) {
	case GL_UNSIGNED_BYTE:
		bytes = 1;
		break;
	case GL_UNSIGNED_SHORT: /* depth textures */
	case GL_HALF_FLOAT_OES:
		bytes = 2;
		break;
	case GL_UNSIGNED_INT: /* depth textures */
	case GL_FLOAT:
		bytes = 4;
		break;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
	if (comps == 0) /* DEPTH_STENCIL with a component type */
		return GL_SIZE_INVALID_OPERATION;
	return comps * bytes;
}

int64_t gl_image_size(int64_t width, int64_t height, uint32_t format, uint32_t type,
                      int64_t alignment)
{
	if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8)
		return GL_SIZE_INVALID_VALUE;
	int64_t bpp = gl_pixel_size(format, type);
	if (bpp < 0)
		return bpp;
	if (width < 0 || height < 0)
		return GL_SIZE_INVALID_VALUE;
	if (width == 0 || height == 0)
		return 0;

	/* bpp <= 16 and alignment <= 8: the checks keep every step in range. */
	if (width > (INT64_MAX - 8) / bpp)
		return GL_SIZE_INVALID_VALUE;
	int64_t row = width * bpp;
	int64_t stride = (row + alignment - 1) / alignment * alignment;
	if (height - 1 > (INT64_MAX - row) / stride)
		return GL_SIZE_INVALID_VALUE;
	return (height - 1) * stride + row;
}
