/*
 * Size helpers for the GLES codec (see <gpupipe/gl-sizes.h>): the counts of the
 * per-object queries (texture, sampler, buffer, renderbuffer, framebuffer, program,
 * shader, pipeline, interface, vertex attribute, uniform block, query, ...) of OpenGL ES
 * 2.0 to 3.2 and the ES extensions Mesa offers, and the byte arithmetic every size
 * shares. glGet's own tables are gles-sizes-get.c's; what desktop OpenGL adds is in
 * gles-sizes-desktop.c. A value not listed is refused on both sides, whatever the host's
 * GL knows. tests/gpuhost/test-gl-sizes-counts.c checks every count against the host's real
 * driver, both ways.
 */
#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>
/* Desktop OpenGL's own names (its shared ones are the ES headers', which C11 allows twice). */
#include <GL/glcorearb.h>

#include <stddef.h>

#include <gpupipe/gl-codec.h>
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

int64_t gl_texparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_MIN_FILTER:
	case GL_TEXTURE_MAG_FILTER:
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	/* ES 3.0 (WRAP_R: OES_texture_3D on ES 2, MAX_LEVEL: APPLE_texture_max_level) */
	case GL_TEXTURE_BASE_LEVEL:
	case GL_TEXTURE_COMPARE_FUNC:
	case GL_TEXTURE_COMPARE_MODE:
	case GL_TEXTURE_IMMUTABLE_FORMAT:
	case GL_TEXTURE_IMMUTABLE_LEVELS:
	case GL_TEXTURE_MAX_LEVEL:
	case GL_TEXTURE_MAX_LOD:
	case GL_TEXTURE_MIN_LOD:
	case GL_TEXTURE_SWIZZLE_A:
	case GL_TEXTURE_SWIZZLE_B:
	case GL_TEXTURE_SWIZZLE_G:
	case GL_TEXTURE_SWIZZLE_R:
	case GL_TEXTURE_WRAP_R:
	/* ES 3.1 */
	case GL_DEPTH_STENCIL_TEXTURE_MODE:
	case GL_IMAGE_FORMAT_COMPATIBILITY_TYPE:
	/* Extensions */
	case GL_REQUIRED_TEXTURE_IMAGE_UNITS_OES:  /* OES_EGL_image_external */
	case GL_TEXTURE_ASTC_DECODE_PRECISION_EXT: /* EXT_texture_compression_astc_decode_mode */
	case GL_TEXTURE_FORMAT_SRGB_OVERRIDE_EXT:  /* EXT_texture_format_sRGB_override */
	case GL_TEXTURE_MAX_ANISOTROPY_EXT:        /* EXT_texture_filter_anisotropic */
	case GL_TEXTURE_REDUCTION_MODE_EXT:        /* EXT_texture_filter_minmax */
	case GL_TEXTURE_SRGB_DECODE_EXT:           /* EXT_texture_sRGB_decode */
	case GL_TEXTURE_VIEW_MIN_LAYER_EXT:        /* EXT/OES_texture_view */
	case GL_TEXTURE_VIEW_MIN_LEVEL_EXT:
	case GL_TEXTURE_VIEW_NUM_LAYERS_EXT:
	case GL_TEXTURE_VIEW_NUM_LEVELS_EXT:
	case GL_GENERATE_MIPMAP_ES1: /* OpenGL ES 1.1 */
		return 1;
	case GL_TEXTURE_BORDER_COLOR:      /* ES 3.2, EXT/OES_texture_border_clamp */
	case GL_TEXTURE_CROP_RECT_OES_ES1: /* ES 1.1, OES_draw_texture */
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_texlevelparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_ALPHA_SIZE:
	case GL_TEXTURE_ALPHA_TYPE:
	case GL_TEXTURE_BLUE_SIZE:
	case GL_TEXTURE_BLUE_TYPE:
	case GL_TEXTURE_COMPRESSED:
	case GL_TEXTURE_DEPTH:
	case GL_TEXTURE_DEPTH_SIZE:
	case GL_TEXTURE_DEPTH_TYPE:
	case GL_TEXTURE_FIXED_SAMPLE_LOCATIONS:
	case GL_TEXTURE_GREEN_SIZE:
	case GL_TEXTURE_GREEN_TYPE:
	case GL_TEXTURE_HEIGHT:
	case GL_TEXTURE_INTERNAL_FORMAT:
	case GL_TEXTURE_RED_SIZE:
	case GL_TEXTURE_RED_TYPE:
	case GL_TEXTURE_SAMPLES:
	case GL_TEXTURE_SHARED_SIZE:
	case GL_TEXTURE_STENCIL_SIZE:
	case GL_TEXTURE_WIDTH:
	/* Mesa answers it in ES contexts with its S3TC extensions, and piglit's
	 * s3tc-errors asks for it there */
	case 0x86A0: /* GL_TEXTURE_COMPRESSED_IMAGE_SIZE */
	/* ES 3.2 / EXT_texture_buffer */
	case GL_TEXTURE_BUFFER_DATA_STORE_BINDING:
	case GL_TEXTURE_BUFFER_OFFSET:
	case GL_TEXTURE_BUFFER_SIZE:
	/* Desktop OpenGL's (an ES driver refuses them itself): the border,
	 * and the compatibility profile's luminance and intensity sizes and
	 * types (arb_direct_state_access-gettextureimage-formats reads them). */
	case 0x1005: /* GL_TEXTURE_BORDER */
	case 0x8060: /* GL_TEXTURE_LUMINANCE_SIZE */
	case 0x8061: /* GL_TEXTURE_INTENSITY_SIZE */
	case 0x8C14: /* GL_TEXTURE_LUMINANCE_TYPE */
	case 0x8C15: /* GL_TEXTURE_INTENSITY_TYPE */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_sampler_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_COMPARE_FUNC:
	case GL_TEXTURE_COMPARE_MODE:
	case GL_TEXTURE_MAG_FILTER:
	case GL_TEXTURE_MAX_LOD:
	case GL_TEXTURE_MIN_FILTER:
	case GL_TEXTURE_MIN_LOD:
	case GL_TEXTURE_WRAP_R:
	case GL_TEXTURE_WRAP_S:
	case GL_TEXTURE_WRAP_T:
	case GL_TEXTURE_MAX_ANISOTROPY_EXT: /* EXT_texture_filter_anisotropic */
	case GL_TEXTURE_REDUCTION_MODE_EXT: /* EXT_texture_filter_minmax */
	case GL_TEXTURE_SRGB_DECODE_EXT:    /* EXT_texture_sRGB_decode */
		return 1;
	case GL_TEXTURE_BORDER_COLOR:      /* ES 3.2, EXT/OES_texture_border_clamp */
	case GL_TEXTURE_CROP_RECT_OES_ES1: /* ES 1.1, OES_draw_texture */
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_bufparam_count(uint32_t pname)
{
	switch (pname) {
	case GL_BUFFER_SIZE:
	case GL_BUFFER_USAGE:
	case GL_BUFFER_ACCESS_OES: /* OES_mapbuffer */
	case GL_BUFFER_MAPPED:     /* ES 3.0, OES_mapbuffer */
	case GL_BUFFER_ACCESS_FLAGS:
	case GL_BUFFER_MAP_LENGTH:
	case GL_BUFFER_MAP_OFFSET:
	case GL_BUFFER_IMMUTABLE_STORAGE_EXT: /* EXT_buffer_storage */
	case GL_BUFFER_STORAGE_FLAGS_EXT:
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
	case GL_RENDERBUFFER_SAMPLES:             /* ES 3.0 */
	case GL_RENDERBUFFER_STORAGE_SAMPLES_AMD: /* AMD_framebuffer_multisample_advanced */
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
	/* ES 3.0 */
	case GL_FRAMEBUFFER_ATTACHMENT_ALPHA_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_BLUE_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_COLOR_ENCODING:
	case GL_FRAMEBUFFER_ATTACHMENT_COMPONENT_TYPE:
	case GL_FRAMEBUFFER_ATTACHMENT_DEPTH_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_GREEN_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_RED_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE:
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LAYER:
	/* ES 3.2 / EXT_geometry_shader */
	case GL_FRAMEBUFFER_ATTACHMENT_LAYERED:
	/* Extensions */
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_BASE_VIEW_INDEX_OVR: /* OVR_multiview */
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_NUM_VIEWS_OVR:
	case GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_SAMPLES_EXT: /* EXT_multisampled_render_to_texture */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_framebuffer_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_FRAMEBUFFER_DEFAULT_FIXED_SAMPLE_LOCATIONS:
	case GL_FRAMEBUFFER_DEFAULT_HEIGHT:
	case GL_FRAMEBUFFER_DEFAULT_SAMPLES:
	case GL_FRAMEBUFFER_DEFAULT_WIDTH:
	case GL_FRAMEBUFFER_DEFAULT_LAYERS: /* ES 3.2 / EXT_geometry_shader */
	case GL_FRAMEBUFFER_FLIP_Y_MESA:    /* MESA_framebuffer_flip_y */
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
	/* ES 3.0 (PROGRAM_BINARY_LENGTH: OES_get_program_binary on ES 2) */
	case GL_ACTIVE_UNIFORM_BLOCKS:
	case GL_ACTIVE_UNIFORM_BLOCK_MAX_NAME_LENGTH:
	case GL_PROGRAM_BINARY_LENGTH:
	case GL_PROGRAM_BINARY_RETRIEVABLE_HINT:
	case GL_TRANSFORM_FEEDBACK_BUFFER_MODE:
	case GL_TRANSFORM_FEEDBACK_VARYINGS:
	case GL_TRANSFORM_FEEDBACK_VARYING_MAX_LENGTH:
	/* ES 3.1 */
	case GL_ACTIVE_ATOMIC_COUNTER_BUFFERS:
	case GL_PROGRAM_SEPARABLE:
	/* ES 3.2 / EXT_geometry_shader, EXT_tessellation_shader */
	case GL_GEOMETRY_INPUT_TYPE:
	case GL_GEOMETRY_OUTPUT_TYPE:
	case GL_GEOMETRY_VERTICES_OUT:
	case GL_GEOMETRY_SHADER_INVOCATIONS:
	case GL_TESS_CONTROL_OUTPUT_VERTICES:
	case GL_TESS_GEN_MODE:
	case GL_TESS_GEN_POINT_MODE:
	case GL_TESS_GEN_SPACING:
	case GL_TESS_GEN_VERTEX_ORDER:
	case GL_COMPLETION_STATUS_KHR: /* KHR_parallel_shader_compile */
		return 1;
	case GL_COMPUTE_WORK_GROUP_SIZE: /* ES 3.1: x, y, z */
		return 3;
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
	case GL_COMPLETION_STATUS_KHR: /* KHR_parallel_shader_compile */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_program_pipeline_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_ACTIVE_PROGRAM:
	case GL_COMPUTE_SHADER:
	case GL_FRAGMENT_SHADER:
	case GL_GEOMETRY_SHADER:
	case GL_INFO_LOG_LENGTH:
	case GL_TESS_CONTROL_SHADER:
	case GL_TESS_EVALUATION_SHADER:
	case GL_VALIDATE_STATUS:
	case GL_VERTEX_SHADER:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_program_interface_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_ACTIVE_RESOURCES:
	case GL_MAX_NAME_LENGTH:
	case GL_MAX_NUM_ACTIVE_VARIABLES:
	case 0x92F8: /* GL_MAX_NUM_COMPATIBLE_SUBROUTINES (desktop, *_SUBROUTINE_UNIFORM) */
		return 1;
	default:
		/* Mesa's error, in desktop and ES 3.1 contexts alike, which piglit
		 * expects (arb_program_interface_query's getprograminterfaceiv), where
		 * GL 4.6's text says GL_INVALID_ENUM. */
		return GL_SIZE_INVALID_OPERATION;
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
	case GL_VERTEX_ATTRIB_ARRAY_DIVISOR: /* ES 3.0, and the ES 2 instancing extensions */
	case GL_VERTEX_ATTRIB_ARRAY_INTEGER: /* ES 3.0 */
	case GL_VERTEX_ATTRIB_BINDING:       /* ES 3.1 */
	case GL_VERTEX_ATTRIB_RELATIVE_OFFSET:
	case 0x874E: /* GL_VERTEX_ATTRIB_ARRAY_LONG (desktop 4.1, glVertexAttribLPointer's) */
		return 1;
	case GL_CURRENT_VERTEX_ATTRIB:
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_uniform_block_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORMS:
	case GL_UNIFORM_BLOCK_BINDING:
	case GL_UNIFORM_BLOCK_DATA_SIZE:
	case GL_UNIFORM_BLOCK_NAME_LENGTH:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_FRAGMENT_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_VERTEX_SHADER:
	/* The other stages' (desktop OpenGL 3.2, 4.0, 4.3): one value each; the
	 * driver says whether the context has the stage. */
	case GL_UNIFORM_BLOCK_REFERENCED_BY_GEOMETRY_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_TESS_CONTROL_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_TESS_EVALUATION_SHADER:
	case GL_UNIFORM_BLOCK_REFERENCED_BY_COMPUTE_SHADER:
		return 1;
	case GL_UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES:
		return GL_SIZE_INVALID_OPERATION;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_query_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_CURRENT_QUERY:
	case GL_QUERY_COUNTER_BITS_EXT: /* EXT_disjoint_timer_query */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_patch_param_count(uint32_t pname)
{
	switch (pname) {
	case 0x8E74: /* GL_PATCH_DEFAULT_OUTER_LEVEL */
		return 4;
	case 0x8E73: /* GL_PATCH_DEFAULT_INNER_LEVEL */
		return 2;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_subroutine_uniform_count(uint32_t pname)
{
	switch (pname) {
	case 0x8E4A: /* GL_NUM_COMPATIBLE_SUBROUTINES */
	case 0x8A38: /* GL_UNIFORM_SIZE */
	case 0x8A39: /* GL_UNIFORM_NAME_LENGTH */
		return 1;
	case 0x8E4B: /* GL_COMPATIBLE_SUBROUTINES */
		return GL_SIZES_MAX_COMPATIBLE;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_atomic_buffer_param_count(uint32_t pname)
{
	switch (pname) {
	case 0x92C1: /* GL_ATOMIC_COUNTER_BUFFER_BINDING */
	case 0x92C4: /* GL_ATOMIC_COUNTER_BUFFER_DATA_SIZE */
	case 0x92C5: /* GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTERS */
	case 0x92C7: /* GL_ATOMIC_COUNTER_BUFFER_REFERENCED_BY_VERTEX_SHADER */
	case 0x92C8: /* ..._TESS_CONTROL_SHADER */
	case 0x92C9: /* ..._TESS_EVALUATION_SHADER */
	case 0x92CA: /* ..._GEOMETRY_SHADER */
	case 0x92CB: /* ..._FRAGMENT_SHADER */
	case 0x90ED: /* ..._COMPUTE_SHADER */
		return 1;
	case 0x92C6: /* GL_ATOMIC_COUNTER_BUFFER_ACTIVE_ATOMIC_COUNTER_INDICES */
		return GL_SIZES_MAX_BUFFER_COUNTERS;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_query_object_count(uint32_t pname)
{
	switch (pname) {
	case GL_QUERY_RESULT:
	case GL_QUERY_RESULT_AVAILABLE:
	case 0x9194: /* GL_QUERY_RESULT_NO_WAIT (desktop 4.4) */
	case 0x82EA: /* GL_QUERY_TARGET (desktop 4.5) */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_multisample_count(uint32_t pname)
{
	return pname == GL_SAMPLE_POSITION ? 2 : GL_SIZE_INVALID_ENUM;
}

int64_t gl_clear_buffer_count(uint32_t buffer)
{
	switch (buffer) {
	case GL_COLOR:
		return 4;
	case GL_DEPTH:
	case GL_STENCIL:
		return 1;
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
	case GL_UNSIGNED_INT: /* ES 3.0, OES_element_index_uint */
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}
