/*
 * OpenGL ES 3 size helpers (provisional, being replaced by complete tables)
 * and the buffer targets both sides track.
 */
#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

int64_t gl_get_count_es3(uint32_t pname)
{
	switch (pname) {
	case GL_MAX_3D_TEXTURE_SIZE:
	case GL_MAX_ARRAY_TEXTURE_LAYERS:
	case GL_MAX_DRAW_BUFFERS:
	case GL_MAX_COLOR_ATTACHMENTS:
	case GL_MAX_SAMPLES:
	case GL_MAX_UNIFORM_BUFFER_BINDINGS:
	case GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT:
	case GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS:
	case GL_MAX_VERTEX_UNIFORM_BLOCKS:
	case GL_MAX_FRAGMENT_UNIFORM_BLOCKS:
	case GL_MAJOR_VERSION:
	case GL_MINOR_VERSION:
	case GL_NUM_EXTENSIONS:
	case GL_READ_BUFFER:
	case GL_DRAW_BUFFER0:
	case GL_PIXEL_PACK_BUFFER_BINDING:
	case GL_PIXEL_UNPACK_BUFFER_BINDING:
	case GL_UNIFORM_BUFFER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BUFFER_BINDING:
	case GL_COPY_READ_BUFFER_BINDING:
	case GL_COPY_WRITE_BUFFER_BINDING:
	case GL_VERTEX_ARRAY_BINDING:
	case GL_SAMPLER_BINDING:
	case GL_TEXTURE_BINDING_3D:
	case GL_TEXTURE_BINDING_2D_ARRAY:
	case GL_DRAW_FRAMEBUFFER_BINDING:
	case GL_READ_FRAMEBUFFER_BINDING:
	case GL_UNPACK_ROW_LENGTH:
	case GL_UNPACK_IMAGE_HEIGHT:
	case GL_UNPACK_SKIP_ROWS:
	case GL_UNPACK_SKIP_PIXELS:
	case GL_UNPACK_SKIP_IMAGES:
	case GL_PACK_ROW_LENGTH:
	case GL_PACK_SKIP_ROWS:
	case GL_PACK_SKIP_PIXELS:
	case GL_MAX_ELEMENT_INDEX:
	case GL_MAX_SERVER_WAIT_TIMEOUT:
	case GL_MAX_UNIFORM_BLOCK_SIZE:
	case GL_MAX_COMBINED_UNIFORM_BLOCKS:
	case GL_MAX_VERTEX_OUTPUT_COMPONENTS:
	case GL_MAX_FRAGMENT_INPUT_COMPONENTS:
	case GL_MAX_VERTEX_UNIFORM_COMPONENTS:
	case GL_MAX_FRAGMENT_UNIFORM_COMPONENTS:
	case GL_MAX_VARYING_COMPONENTS:
	case GL_MAX_ELEMENTS_INDICES:
	case GL_MAX_ELEMENTS_VERTICES:
	case GL_MAX_PROGRAM_TEXEL_OFFSET:
	case GL_MIN_PROGRAM_TEXEL_OFFSET:
	case GL_MAX_TEXTURE_LOD_BIAS:
	case GL_MAX_TRANSFORM_FEEDBACK_INTERLEAVED_COMPONENTS:
	case GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_COMPONENTS:
	case GL_MAX_COMBINED_VERTEX_UNIFORM_COMPONENTS:
	case GL_MAX_COMBINED_FRAGMENT_UNIFORM_COMPONENTS:
	case GL_NUM_PROGRAM_BINARY_FORMATS:
	case GL_PRIMITIVE_RESTART_FIXED_INDEX:
	case GL_RASTERIZER_DISCARD:
	case GL_TRANSFORM_FEEDBACK_ACTIVE:
	case GL_TRANSFORM_FEEDBACK_PAUSED:
	case GL_TRANSFORM_FEEDBACK_BINDING:
	case GL_FRAGMENT_SHADER_DERIVATIVE_HINT:
		return 1;
	case GL_PROGRAM_BINARY_FORMATS:
		return GL_SIZES_MAX_FORMATS;
	}
	if (pname >= GL_DRAW_BUFFER0 && pname <= GL_DRAW_BUFFER15)
		return 1;
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_get_indexed_count(uint32_t target)
{
	switch (target) {
	case GL_TRANSFORM_FEEDBACK_BUFFER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BUFFER_START:
	case GL_TRANSFORM_FEEDBACK_BUFFER_SIZE:
	case GL_UNIFORM_BUFFER_BINDING:
	case GL_UNIFORM_BUFFER_START:
	case GL_UNIFORM_BUFFER_SIZE:
		return 1;
	}
	return GL_SIZE_INVALID_ENUM;
}

/* OpenGL ES 3.2 section 8.4.4.1: the address of the last byte of a
 * width x height x depth block of pixels from the start of the data. */
static int64_t block_size(int64_t bpp, int64_t width, int64_t height, int64_t depth,
                          int64_t alignment, int64_t row_length, int64_t image_height,
                          int64_t skip_pixels, int64_t skip_rows, int64_t skip_images)
{
	if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8)
		return GL_SIZE_INVALID_VALUE;
	if (width < 0 || height < 0 || depth < 0 || row_length < 0 || image_height < 0 ||
	    skip_pixels < 0 || skip_rows < 0 || skip_images < 0)
		return GL_SIZE_INVALID_VALUE;
	if (!width || !height || !depth)
		return 0;
	const int64_t big = (int64_t)1 << 40; /* no command is near this */
	int64_t row_pixels = row_length ? row_length : width;
	int64_t rows = image_height ? image_height : height;
	if (row_pixels > big || rows > big || width > big || height > big || depth > big ||
	    skip_pixels > big || skip_rows > big || skip_images > big)
		return GL_SIZE_INVALID_VALUE;
	int64_t stride = (row_pixels * bpp + alignment - 1) / alignment * alignment;
	if (rows > big / (stride ? stride : 1))
		return GL_SIZE_INVALID_VALUE;
	int64_t image = stride * rows;
	if (skip_images + depth - 1 > INT64_MAX / 4 / (image ? image : 1))
		return GL_SIZE_INVALID_VALUE;
	int64_t last_row_start =
	        (skip_images + depth - 1) * image + (skip_rows + height - 1) * stride;
	return last_row_start + (skip_pixels + width) * bpp;
}

int64_t gl_unpack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                       int64_t depth, uint32_t format, uint32_t type)
{
	int64_t bpp = gl_pixel_size(format, type);
	if (bpp < 0)
		return bpp;
	bool three_d = depth != 1;
	return block_size(bpp, width, height, depth, ps->unpack_alignment, ps->unpack_row_length,
	                  three_d ? ps->unpack_image_height : 0, ps->unpack_skip_pixels,
	                  ps->unpack_skip_rows, three_d ? ps->unpack_skip_images : 0);
}

int64_t gl_pack_size(const struct gl_pixel_state *ps, int64_t width, int64_t height,
                     uint32_t format, uint32_t type)
{
	int64_t bpp = gl_pixel_size(format, type);
	if (bpp < 0)
		return bpp;
	return block_size(bpp, width, height, 1, ps->pack_alignment, ps->pack_row_length, 0,
	                  ps->pack_skip_pixels, ps->pack_skip_rows, 0);
}

int64_t gl_clear_buffer_count(uint32_t buffer)
{
	switch (buffer) {
	case GL_COLOR:
		return 4;
	case GL_DEPTH:
	case GL_STENCIL:
		return 1;
	}
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_sampler_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_MIN_FILTER:
	case GL_TEXTURE_MAG_FILTER:
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	case GL_TEXTURE_WRAP_R:
	case GL_TEXTURE_MIN_LOD:
	case GL_TEXTURE_MAX_LOD:
	case GL_TEXTURE_COMPARE_MODE:
	case GL_TEXTURE_COMPARE_FUNC:
	case GL_TEXTURE_MAX_ANISOTROPY_EXT:
		return 1;
	case GL_TEXTURE_BORDER_COLOR:
		return 4;
	}
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_query_param_count(uint32_t pname)
{
	return pname == GL_CURRENT_QUERY ? 1 : GL_SIZE_INVALID_ENUM;
}

int64_t gl_query_object_count(uint32_t pname)
{
	return pname == GL_QUERY_RESULT || pname == GL_QUERY_RESULT_AVAILABLE
	               ? 1
	               : GL_SIZE_INVALID_ENUM;
}

int64_t gl_uniform_block_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_UNIFORM_BLOCK_BINDING:
	case GL_UNIFORM_BLOCK_DATA_SIZE:
	case GL_UNIFORM_BLOCK_NAME_LENGTH:
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_VERTEX_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_FRAGMENT_SHADER:
		return 1;
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES:
		return GL_SIZE_INVALID_OPERATION;
	}
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_buffer_target(uint32_t target)
{
	switch (target) {
	case GL_ARRAY_BUFFER:
		return 0;
	case GL_ELEMENT_ARRAY_BUFFER:
		return 1;
	case GL_COPY_READ_BUFFER:
		return 2;
	case GL_COPY_WRITE_BUFFER:
		return 3;
	case GL_PIXEL_PACK_BUFFER:
		return 4;
	case GL_PIXEL_UNPACK_BUFFER:
		return 5;
	case GL_TRANSFORM_FEEDBACK_BUFFER:
		return 6;
	case GL_UNIFORM_BUFFER:
		return 7;
	}
	return GL_SIZE_INVALID_ENUM;
}

int64_t gl_buffer_usage_ok(uint32_t usage)
{
	switch (usage) {
	case GL_STREAM_DRAW:
	case GL_STREAM_READ:
	case GL_STREAM_COPY:
	case GL_STATIC_DRAW:
	case GL_STATIC_READ:
	case GL_STATIC_COPY:
	case GL_DYNAMIC_DRAW:
	case GL_DYNAMIC_READ:
	case GL_DYNAMIC_COPY:
		return 1;
	}
	return 0;
}

bool gl_pixel_store_set(struct gl_pixel_state *ps, uint32_t pname, int32_t value)
{
	int32_t *field;
	switch (pname) {
	case GL_PACK_ALIGNMENT:
	case GL_UNPACK_ALIGNMENT:
		if (value != 1 && value != 2 && value != 4 && value != 8)
			return false;
		*(pname == GL_PACK_ALIGNMENT ? &ps->pack_alignment : &ps->unpack_alignment) = value;
		return true;
	case GL_PACK_ROW_LENGTH:
		field = &ps->pack_row_length;
		break;
	case GL_PACK_SKIP_ROWS:
		field = &ps->pack_skip_rows;
		break;
	case GL_PACK_SKIP_PIXELS:
		field = &ps->pack_skip_pixels;
		break;
	case GL_UNPACK_ROW_LENGTH:
		field = &ps->unpack_row_length;
		break;
	case GL_UNPACK_IMAGE_HEIGHT:
		field = &ps->unpack_image_height;
		break;
	case GL_UNPACK_SKIP_ROWS:
		field = &ps->unpack_skip_rows;
		break;
	case GL_UNPACK_SKIP_PIXELS:
		field = &ps->unpack_skip_pixels;
		break;
	case GL_UNPACK_SKIP_IMAGES:
		field = &ps->unpack_skip_images;
		break;
	default:
		return false;
	}
	if (value < 0)
		return false;
	*field = value;
	return true;
}
