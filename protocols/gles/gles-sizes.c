/*
 * Size helpers for the GLES codec (see <gpupipe/gl-sizes.h>): the state
 * tables of OpenGL ES 2.0, 3.0, 3.1 and 3.2 and of the ES extensions Mesa
 * offers. A value that is not listed here is refused on both sides,
 * whatever the host's GL knows, so a query never returns more than the
 * capacity the app sent. tests/gpuhost/test-gl-sizes.c checks every count
 * against the host's real driver, both ways.
 *
 * Refused on purpose although some drivers answer them in ES contexts:
 * - desktop-only values Mesa answers in any API (GL_BLEND_SRC indexed,
 *   GL_PACK_IMAGE_HEIGHT, GL_PATCH_DEFAULT_*_LEVEL, GL_CLAMP_*_COLOR,
 *   GL_TEXTURE_SWIZZLE_RGBA, GL_TEXTURE_LOD_BIAS, ...):
 *   the desktop GL tables will add them with their own checks;
 * - EXT_memory_object's GL_DEVICE_UUID_EXT, GL_DRIVER_UUID_EXT,
 *   GL_DEVICE_LUID_EXT, GL_DEVICE_NODE_MASK_EXT and GL_TEXTURE_TILING_EXT:
 *   they name the host's
 *   GPU to the VM, memory objects cannot cross the link, and Mesa 22.3's
 *   llvmpipe crashes on glGetIntegerv(GL_DEVICE_LUID_EXT);
 * - lists whose length is state the host does not track
 *   (GL_SUPPORTED_MULTISAMPLE_MODES_AMD).
 */
#include <GLES3/gl32.h>
#include <GLES2/gl2ext.h>
/* Desktop OpenGL's own names (its shared ones are the ES headers', which C11 allows twice). */
#include <GL/glcorearb.h>

#include <stddef.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

/* KHR_shader_subgroup: newer than some distributions' headers. */
#ifndef GL_SUBGROUP_SIZE_KHR
#define GL_SUBGROUP_SIZE_KHR 0x9532
#define GL_SUBGROUP_SUPPORTED_STAGES_KHR 0x9533
#define GL_SUBGROUP_SUPPORTED_FEATURES_KHR 0x9534
#endif
#ifndef GL_SUBGROUP_QUADS_ALL_STAGES_KHR
#define GL_SUBGROUP_QUADS_ALL_STAGES_KHR 0x9535
#endif

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

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

static bool listed(const uint32_t *list, size_t n, uint32_t v)
{
	for (size_t i = 0; i < n; i++) {
		if (list[i] == v)
			return true;
	}
	return false;
}

/* One value per list entry; the multi-valued ones are in gl_get_count. */
static const uint32_t get_single[] = {
        /* ES 2.0 */
        GL_ACTIVE_TEXTURE,
        GL_ALPHA_BITS,
        GL_ARRAY_BUFFER_BINDING,
        GL_BLEND,
        GL_BLEND_DST_ALPHA,
        GL_BLEND_DST_RGB,
        GL_BLEND_EQUATION_ALPHA,
        GL_BLEND_EQUATION_RGB,
        GL_BLEND_SRC_ALPHA,
        GL_BLEND_SRC_RGB,
        GL_BLUE_BITS,
        GL_CULL_FACE,
        GL_CULL_FACE_MODE,
        GL_CURRENT_PROGRAM,
        GL_DEPTH_BITS,
        GL_DEPTH_CLEAR_VALUE,
        GL_DEPTH_FUNC,
        GL_DEPTH_TEST,
        GL_DEPTH_WRITEMASK,
        GL_DITHER,
        GL_ELEMENT_ARRAY_BUFFER_BINDING,
        GL_FRAMEBUFFER_BINDING,
        GL_FRONT_FACE,
        GL_GENERATE_MIPMAP_HINT,
        GL_GREEN_BITS,
        GL_IMPLEMENTATION_COLOR_READ_FORMAT,
        GL_IMPLEMENTATION_COLOR_READ_TYPE,
        GL_LINE_WIDTH,
        GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS,
        GL_MAX_CUBE_MAP_TEXTURE_SIZE,
        GL_MAX_FRAGMENT_UNIFORM_VECTORS,
        GL_MAX_RENDERBUFFER_SIZE,
        GL_MAX_TEXTURE_IMAGE_UNITS,
        GL_MAX_TEXTURE_SIZE,
        GL_MAX_VARYING_VECTORS,
        GL_MAX_VERTEX_ATTRIBS,
        GL_MAX_VERTEX_TEXTURE_IMAGE_UNITS,
        GL_MAX_VERTEX_UNIFORM_VECTORS,
        GL_NUM_COMPRESSED_TEXTURE_FORMATS,
        GL_NUM_SHADER_BINARY_FORMATS,
        GL_PACK_ALIGNMENT,
        GL_POLYGON_OFFSET_FACTOR,
        GL_POLYGON_OFFSET_FILL,
        GL_POLYGON_OFFSET_UNITS,
        GL_RED_BITS,
        GL_RENDERBUFFER_BINDING,
        GL_SAMPLE_ALPHA_TO_COVERAGE,
        GL_SAMPLE_BUFFERS,
        GL_SAMPLE_COVERAGE,
        GL_SAMPLE_COVERAGE_INVERT,
        GL_SAMPLE_COVERAGE_VALUE,
        GL_SAMPLES,
        GL_SCISSOR_TEST,
        GL_SHADER_COMPILER,
        GL_STENCIL_BACK_FAIL,
        GL_STENCIL_BACK_FUNC,
        GL_STENCIL_BACK_PASS_DEPTH_FAIL,
        GL_STENCIL_BACK_PASS_DEPTH_PASS,
        GL_STENCIL_BACK_REF,
        GL_STENCIL_BACK_VALUE_MASK,
        GL_STENCIL_BACK_WRITEMASK,
        GL_STENCIL_BITS,
        GL_STENCIL_CLEAR_VALUE,
        GL_STENCIL_FAIL,
        GL_STENCIL_FUNC,
        GL_STENCIL_PASS_DEPTH_FAIL,
        GL_STENCIL_PASS_DEPTH_PASS,
        GL_STENCIL_REF,
        GL_STENCIL_TEST,
        GL_STENCIL_VALUE_MASK,
        GL_STENCIL_WRITEMASK,
        GL_SUBPIXEL_BITS,
        GL_TEXTURE_BINDING_2D,
        GL_TEXTURE_BINDING_CUBE_MAP,
        GL_UNPACK_ALIGNMENT,
        /* ES 3.0 (GL_DRAW_BUFFERi: EXT/NV_draw_buffers on ES 2) */
        GL_COPY_READ_BUFFER_BINDING,
        GL_COPY_WRITE_BUFFER_BINDING,
        GL_DRAW_BUFFER0,
        GL_DRAW_BUFFER1,
        GL_DRAW_BUFFER2,
        GL_DRAW_BUFFER3,
        GL_DRAW_BUFFER4,
        GL_DRAW_BUFFER5,
        GL_DRAW_BUFFER6,
        GL_DRAW_BUFFER7,
        GL_DRAW_BUFFER8,
        GL_DRAW_BUFFER9,
        GL_DRAW_BUFFER10,
        GL_DRAW_BUFFER11,
        GL_DRAW_BUFFER12,
        GL_DRAW_BUFFER13,
        GL_DRAW_BUFFER14,
        GL_DRAW_BUFFER15,
        GL_FRAGMENT_SHADER_DERIVATIVE_HINT,
        GL_MAJOR_VERSION,
        GL_MAX_3D_TEXTURE_SIZE,
        GL_MAX_ARRAY_TEXTURE_LAYERS,
        GL_MAX_COLOR_ATTACHMENTS,
        GL_MAX_COMBINED_FRAGMENT_UNIFORM_COMPONENTS,
        GL_MAX_COMBINED_UNIFORM_BLOCKS,
        GL_MAX_COMBINED_VERTEX_UNIFORM_COMPONENTS,
        GL_MAX_DRAW_BUFFERS,
        GL_MAX_ELEMENT_INDEX,
        GL_MAX_ELEMENTS_INDICES,
        GL_MAX_ELEMENTS_VERTICES,
        GL_MAX_FRAGMENT_INPUT_COMPONENTS,
        GL_MAX_FRAGMENT_UNIFORM_BLOCKS,
        GL_MAX_FRAGMENT_UNIFORM_COMPONENTS,
        GL_MAX_PROGRAM_TEXEL_OFFSET,
        GL_MAX_SAMPLES,
        GL_MAX_SERVER_WAIT_TIMEOUT,
        GL_MAX_TEXTURE_LOD_BIAS,
        GL_MAX_TRANSFORM_FEEDBACK_INTERLEAVED_COMPONENTS,
        GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_ATTRIBS,
        GL_MAX_TRANSFORM_FEEDBACK_SEPARATE_COMPONENTS,
        GL_MAX_UNIFORM_BLOCK_SIZE,
        GL_MAX_UNIFORM_BUFFER_BINDINGS,
        GL_MAX_VARYING_COMPONENTS,
        GL_MAX_VERTEX_OUTPUT_COMPONENTS,
        GL_MAX_VERTEX_UNIFORM_BLOCKS,
        GL_MAX_VERTEX_UNIFORM_COMPONENTS,
        GL_MIN_PROGRAM_TEXEL_OFFSET,
        GL_MINOR_VERSION,
        GL_NUM_EXTENSIONS,
        GL_NUM_PROGRAM_BINARY_FORMATS,
        GL_PACK_ROW_LENGTH,
        GL_PACK_SKIP_PIXELS,
        GL_PACK_SKIP_ROWS,
        GL_PIXEL_PACK_BUFFER_BINDING,
        GL_PIXEL_UNPACK_BUFFER_BINDING,
        GL_PRIMITIVE_RESTART_FIXED_INDEX,
        GL_RASTERIZER_DISCARD,
        GL_READ_BUFFER,
        GL_READ_FRAMEBUFFER_BINDING,
        GL_SAMPLER_BINDING,
        GL_TEXTURE_BINDING_2D_ARRAY,
        GL_TEXTURE_BINDING_3D,
        GL_TRANSFORM_FEEDBACK_ACTIVE,
        GL_TRANSFORM_FEEDBACK_BINDING,
        GL_TRANSFORM_FEEDBACK_BUFFER_BINDING,
        GL_TRANSFORM_FEEDBACK_PAUSED,
        GL_UNIFORM_BUFFER_BINDING,
        GL_UNIFORM_BUFFER_OFFSET_ALIGNMENT,
        GL_UNPACK_IMAGE_HEIGHT,
        GL_UNPACK_ROW_LENGTH,
        GL_UNPACK_SKIP_IMAGES,
        GL_UNPACK_SKIP_PIXELS,
        GL_UNPACK_SKIP_ROWS,
        GL_VERTEX_ARRAY_BINDING,
        /* ES 3.1 */
        GL_ATOMIC_COUNTER_BUFFER_BINDING,
        GL_DISPATCH_INDIRECT_BUFFER_BINDING,
        GL_DRAW_INDIRECT_BUFFER_BINDING,
        GL_MAX_ATOMIC_COUNTER_BUFFER_BINDINGS,
        GL_MAX_ATOMIC_COUNTER_BUFFER_SIZE,
        GL_MAX_COLOR_TEXTURE_SAMPLES,
        GL_MAX_COMBINED_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_COMBINED_ATOMIC_COUNTERS,
        GL_MAX_COMBINED_COMPUTE_UNIFORM_COMPONENTS,
        GL_MAX_COMBINED_IMAGE_UNIFORMS,
        GL_MAX_COMBINED_SHADER_OUTPUT_RESOURCES,
        GL_MAX_COMBINED_SHADER_STORAGE_BLOCKS,
        GL_MAX_COMPUTE_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_COMPUTE_ATOMIC_COUNTERS,
        GL_MAX_COMPUTE_IMAGE_UNIFORMS,
        GL_MAX_COMPUTE_SHADER_STORAGE_BLOCKS,
        GL_MAX_COMPUTE_SHARED_MEMORY_SIZE,
        GL_MAX_COMPUTE_TEXTURE_IMAGE_UNITS,
        GL_MAX_COMPUTE_UNIFORM_BLOCKS,
        GL_MAX_COMPUTE_UNIFORM_COMPONENTS,
        GL_MAX_COMPUTE_WORK_GROUP_INVOCATIONS,
        GL_MAX_DEPTH_TEXTURE_SAMPLES,
        GL_MAX_FRAGMENT_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_FRAGMENT_ATOMIC_COUNTERS,
        GL_MAX_FRAGMENT_IMAGE_UNIFORMS,
        GL_MAX_FRAGMENT_SHADER_STORAGE_BLOCKS,
        GL_MAX_FRAMEBUFFER_HEIGHT,
        GL_MAX_FRAMEBUFFER_SAMPLES,
        GL_MAX_FRAMEBUFFER_WIDTH,
        GL_MAX_IMAGE_UNITS,
        GL_MAX_INTEGER_SAMPLES,
        GL_MAX_PROGRAM_TEXTURE_GATHER_OFFSET,
        GL_MAX_SAMPLE_MASK_WORDS,
        GL_MAX_SHADER_STORAGE_BLOCK_SIZE,
        GL_MAX_SHADER_STORAGE_BUFFER_BINDINGS,
        GL_MAX_UNIFORM_LOCATIONS,
        GL_MAX_VERTEX_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_VERTEX_ATOMIC_COUNTERS,
        GL_MAX_VERTEX_ATTRIB_BINDINGS,
        GL_MAX_VERTEX_ATTRIB_RELATIVE_OFFSET,
        GL_MAX_VERTEX_ATTRIB_STRIDE,
        GL_MAX_VERTEX_IMAGE_UNIFORMS,
        GL_MAX_VERTEX_SHADER_STORAGE_BLOCKS,
        GL_MIN_PROGRAM_TEXTURE_GATHER_OFFSET,
        GL_PROGRAM_PIPELINE_BINDING,
        GL_SAMPLE_MASK,
        GL_SHADER_STORAGE_BUFFER_BINDING,
        GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT,
        GL_TEXTURE_BINDING_2D_MULTISAMPLE,
        /* ES 3.2, and the EXT/OES extensions it took in (same values) */
        GL_CONTEXT_FLAGS,
        GL_CONTEXT_ROBUST_ACCESS_KHR,
        GL_DEBUG_GROUP_STACK_DEPTH,
        GL_DEBUG_LOGGED_MESSAGES,
        GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH,
        GL_DEBUG_OUTPUT,
        GL_DEBUG_OUTPUT_SYNCHRONOUS,
        GL_FRAGMENT_INTERPOLATION_OFFSET_BITS,
        GL_LAYER_PROVOKING_VERTEX,
        GL_MAX_COMBINED_GEOMETRY_UNIFORM_COMPONENTS,
        GL_MAX_COMBINED_TESS_CONTROL_UNIFORM_COMPONENTS,
        GL_MAX_COMBINED_TESS_EVALUATION_UNIFORM_COMPONENTS,
        GL_MAX_DEBUG_GROUP_STACK_DEPTH,
        GL_MAX_DEBUG_LOGGED_MESSAGES,
        GL_MAX_DEBUG_MESSAGE_LENGTH,
        GL_MAX_FRAGMENT_INTERPOLATION_OFFSET,
        GL_MAX_FRAMEBUFFER_LAYERS,
        GL_MAX_GEOMETRY_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_GEOMETRY_ATOMIC_COUNTERS,
        GL_MAX_GEOMETRY_IMAGE_UNIFORMS,
        GL_MAX_GEOMETRY_INPUT_COMPONENTS,
        GL_MAX_GEOMETRY_OUTPUT_COMPONENTS,
        GL_MAX_GEOMETRY_OUTPUT_VERTICES,
        GL_MAX_GEOMETRY_SHADER_INVOCATIONS,
        GL_MAX_GEOMETRY_SHADER_STORAGE_BLOCKS,
        GL_MAX_GEOMETRY_TEXTURE_IMAGE_UNITS,
        GL_MAX_GEOMETRY_TOTAL_OUTPUT_COMPONENTS,
        GL_MAX_GEOMETRY_UNIFORM_BLOCKS,
        GL_MAX_GEOMETRY_UNIFORM_COMPONENTS,
        GL_MAX_LABEL_LENGTH,
        GL_MAX_PATCH_VERTICES,
        GL_MAX_TESS_CONTROL_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_TESS_CONTROL_ATOMIC_COUNTERS,
        GL_MAX_TESS_CONTROL_IMAGE_UNIFORMS,
        GL_MAX_TESS_CONTROL_INPUT_COMPONENTS,
        GL_MAX_TESS_CONTROL_OUTPUT_COMPONENTS,
        GL_MAX_TESS_CONTROL_SHADER_STORAGE_BLOCKS,
        GL_MAX_TESS_CONTROL_TEXTURE_IMAGE_UNITS,
        GL_MAX_TESS_CONTROL_TOTAL_OUTPUT_COMPONENTS,
        GL_MAX_TESS_CONTROL_UNIFORM_BLOCKS,
        GL_MAX_TESS_CONTROL_UNIFORM_COMPONENTS,
        GL_MAX_TESS_EVALUATION_ATOMIC_COUNTER_BUFFERS,
        GL_MAX_TESS_EVALUATION_ATOMIC_COUNTERS,
        GL_MAX_TESS_EVALUATION_IMAGE_UNIFORMS,
        GL_MAX_TESS_EVALUATION_INPUT_COMPONENTS,
        GL_MAX_TESS_EVALUATION_OUTPUT_COMPONENTS,
        GL_MAX_TESS_EVALUATION_SHADER_STORAGE_BLOCKS,
        GL_MAX_TESS_EVALUATION_TEXTURE_IMAGE_UNITS,
        GL_MAX_TESS_EVALUATION_UNIFORM_BLOCKS,
        GL_MAX_TESS_EVALUATION_UNIFORM_COMPONENTS,
        GL_MAX_TESS_GEN_LEVEL,
        GL_MAX_TESS_PATCH_COMPONENTS,
        GL_MAX_TEXTURE_BUFFER_SIZE,
        GL_MIN_FRAGMENT_INTERPOLATION_OFFSET,
        GL_MIN_SAMPLE_SHADING_VALUE,
        GL_MULTISAMPLE_LINE_WIDTH_GRANULARITY,
        GL_PATCH_VERTICES,
        GL_PRIMITIVE_RESTART_FOR_PATCHES_SUPPORTED,
        GL_RESET_NOTIFICATION_STRATEGY,
        GL_SAMPLE_SHADING,
        GL_TEXTURE_BINDING_2D_MULTISAMPLE_ARRAY,
        GL_TEXTURE_BINDING_BUFFER,
        GL_TEXTURE_BINDING_CUBE_MAP_ARRAY,
        GL_TEXTURE_BUFFER_BINDING,
        GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT,
        /* Asked with glGetTexLevelParameter in ES; Mesa answers glGetIntegerv
         * too (ARB_texture_buffer_object's way). */
        GL_TEXTURE_BUFFER_DATA_STORE_BINDING,
        /* Extensions, by name */
        /* AMD_framebuffer_multisample_advanced */
        GL_MAX_COLOR_FRAMEBUFFER_SAMPLES_AMD,
        GL_MAX_COLOR_FRAMEBUFFER_STORAGE_SAMPLES_AMD,
        GL_MAX_DEPTH_STENCIL_FRAMEBUFFER_SAMPLES_AMD,
        GL_NUM_SUPPORTED_MULTISAMPLE_MODES_AMD,
        /* ANGLE_pack_reverse_row_order (rows swap places, the range is the same) */
        GL_PACK_REVERSE_ROW_ORDER_ANGLE,
        /* EXT_blend_func_extended */
        GL_MAX_DUAL_SOURCE_DRAW_BUFFERS_EXT,
        /* EXT_clip_control */
        GL_CLIP_DEPTH_MODE_EXT,
        GL_CLIP_ORIGIN_EXT,
        /* EXT_clip_cull_distance */
        GL_MAX_CLIP_DISTANCES_EXT,
        GL_MAX_COMBINED_CLIP_AND_CULL_DISTANCES_EXT,
        GL_MAX_CULL_DISTANCES_EXT,
        /* EXT_depth_clamp */
        GL_DEPTH_CLAMP_EXT,
        /* EXT_disjoint_timer_query */
        GL_GPU_DISJOINT_EXT,
        GL_TIMESTAMP_EXT,
        /* EXT_polygon_offset_clamp */
        GL_POLYGON_OFFSET_CLAMP_EXT,
        /* EXT_shader_framebuffer_fetch */
        GL_FRAGMENT_SHADER_DISCARDS_SAMPLES_EXT,
        /* EXT_sRGB_write_control */
        GL_FRAMEBUFFER_SRGB_EXT,
        /* EXT_texture_filter_anisotropic */
        GL_MAX_TEXTURE_MAX_ANISOTROPY_EXT,
        /* EXT_window_rectangles */
        GL_MAX_WINDOW_RECTANGLES_EXT,
        GL_NUM_WINDOW_RECTANGLES_EXT,
        GL_WINDOW_RECTANGLE_MODE_EXT,
        /* INTEL_blackhole_render */
        GL_BLACKHOLE_RENDER_INTEL,
        /* INTEL_conservative_rasterization */
        GL_CONSERVATIVE_RASTERIZATION_INTEL,
        /* INTEL_performance_query */
        GL_PERFQUERY_COUNTER_DESC_LENGTH_MAX_INTEL,
        GL_PERFQUERY_COUNTER_NAME_LENGTH_MAX_INTEL,
        GL_PERFQUERY_GPA_EXTENDED_COUNTERS_INTEL,
        GL_PERFQUERY_QUERY_NAME_LENGTH_MAX_INTEL,
        /* KHR_blend_equation_advanced_coherent */
        GL_BLEND_ADVANCED_COHERENT_KHR,
        /* KHR_context_flush_control */
        GL_CONTEXT_RELEASE_BEHAVIOR_KHR,
        /* KHR_parallel_shader_compile */
        GL_MAX_SHADER_COMPILER_THREADS_KHR,
        /* KHR_shader_subgroup */
        GL_SUBGROUP_QUADS_ALL_STAGES_KHR,
        GL_SUBGROUP_SIZE_KHR,
        GL_SUBGROUP_SUPPORTED_FEATURES_KHR,
        GL_SUBGROUP_SUPPORTED_STAGES_KHR,
        /* NV_conservative_raster, NV_conservative_raster_pre_snap_triangles */
        GL_CONSERVATIVE_RASTERIZATION_NV,
        GL_CONSERVATIVE_RASTER_MODE_NV,
        GL_MAX_SUBPIXEL_PRECISION_BIAS_BITS_NV,
        GL_SUBPIXEL_PRECISION_BIAS_X_BITS_NV,
        GL_SUBPIXEL_PRECISION_BIAS_Y_BITS_NV,
        /* OES_EGL_image_external */
        GL_TEXTURE_BINDING_EXTERNAL_OES,
        /* OES_viewport_array */
        GL_MAX_VIEWPORTS_OES,
        GL_VIEWPORT_INDEX_PROVOKING_VERTEX_OES,
        GL_VIEWPORT_SUBPIXEL_BITS_OES,
        /* OVR_multiview */
        GL_MAX_VIEWS_OVR,
};

/* Desktop OpenGL 3.0-3.3's state ES lacks, one value each (its enables are
 * asked with glIsEnabled too), and 4.0's subroutine limits. */
static const uint32_t get_single_gl3[] = {
        GL_CLAMP_READ_COLOR,
        GL_PRIMITIVE_RESTART,
        GL_PRIMITIVE_RESTART_INDEX,
        GL_PROVOKING_VERTEX,
        GL_QUADS_FOLLOW_PROVOKING_VERTEX_CONVENTION,
        GL_CONTEXT_PROFILE_MASK, /* 3.2: which profile (Qt asks, to know its context) */
        /* Desktop OpenGL 4.0's (ARB_shader_subroutine; 3.x contexts offer it) */
        GL_MAX_SUBROUTINES,
        GL_MAX_SUBROUTINE_UNIFORM_LOCATIONS,
};

/* Desktop OpenGL 4.x's limits ES lacks, one value each (and those of the
 * ARB extensions that bring them to a compatibility context). */
static const uint32_t get_single_gl4[] = {
        GL_MAX_TRANSFORM_FEEDBACK_BUFFERS, /* 4.0, ARB_transform_feedback3 */
        GL_MAX_VERTEX_STREAMS,             /* 4.0, ARB_transform_feedback3 */
        GL_MIN_MAP_BUFFER_ALIGNMENT,       /* 4.2, ARB_map_buffer_alignment */
};

/* Desktop OpenGL's state ES lacks, one value each: enables, hints and limits of the 4.5
 * core profile, the compatibility profile's own, and those of the extensions a desktop
 * context offers (ARB_color_buffer_float, EXT_texture_integer, EXT_packed_float's below,
 * ARB_framebuffer_sRGB, ARB_texture_buffer_object, ARB_texture_gather). An ES driver refuses
 * them itself. tests/gpuhost/test-gl-sizes-desktop.c checks every pname a desktop driver
 * answers against this file, both ways. */
static const uint32_t get_single_desktop[] = {
        0x0B41, /* GL_POLYGON_SMOOTH */
        0x0C53, /* GL_POLYGON_SMOOTH_HINT */
        0x2A01, /* GL_POLYGON_OFFSET_POINT */
        0x2A02, /* GL_POLYGON_OFFSET_LINE */
        0x3006, /* GL_CLIP_DISTANCE6 (0 to 5 are ES 1's clip planes) */
        0x3007, /* GL_CLIP_DISTANCE7 */
        0x84EF, /* GL_TEXTURE_COMPRESSION_HINT */
        0x884F, /* GL_TEXTURE_CUBE_MAP_SEAMLESS (3.2) */
        0x906D, /* GL_MAX_IMAGE_SAMPLES (4.2) */
        /* The compatibility profile's: the colour index logic op, aux and index buffers,
         * texturing enables, feedback and selection buffers (the host's driver keeps
         * buffers of the app's size and type: gpuhost/gl/feedback.c), vertex and
         * fragment colour clamping (3.0, ARB_color_buffer_float) */
        0x0BF1, /* GL_LOGIC_OP (GL_INDEX_LOGIC_OP) */
        0x0C00, /* GL_AUX_BUFFERS */
        0x0D51, /* GL_INDEX_BITS */
        0x0DE0, /* GL_TEXTURE_1D */
        0x806F, /* GL_TEXTURE_3D */
        0x84F5, /* GL_TEXTURE_RECTANGLE */
        0x8513, /* GL_TEXTURE_CUBE_MAP */
        0x0DF1, /* GL_FEEDBACK_BUFFER_SIZE */
        0x0DF2, /* GL_FEEDBACK_BUFFER_TYPE */
        0x0DF4, /* GL_SELECTION_BUFFER_SIZE */
        0x891A, /* GL_CLAMP_VERTEX_COLOR */
        0x891B, /* GL_CLAMP_FRAGMENT_COLOR */
        /* The extensions' */
        0x8820, /* GL_RGBA_FLOAT_MODE_ARB */
        0x8D9E, /* GL_RGBA_INTEGER_MODE_EXT */
        0x8DBA, /* GL_FRAMEBUFFER_SRGB_CAPABLE_EXT */
        0x8C2E, /* GL_TEXTURE_BUFFER_FORMAT_ARB */
        0x8F9F, /* GL_MAX_PROGRAM_TEXTURE_GATHER_COMPONENTS_ARB */
};

int64_t gl_get_count(uint32_t pname)
{
	switch (pname) {
	case GL_ALIASED_LINE_WIDTH_RANGE:
	case GL_ALIASED_POINT_SIZE_RANGE:
	case GL_DEPTH_RANGE:
	case GL_MAX_VIEWPORT_DIMS:
	case GL_MULTISAMPLE_LINE_WIDTH_RANGE:
	case GL_VIEWPORT_BOUNDS_RANGE_OES:
		return 2;
	case GL_BLEND_COLOR:
	case GL_COLOR_CLEAR_VALUE:
	case GL_COLOR_WRITEMASK:
	case GL_SCISSOR_BOX:
	case GL_VIEWPORT:
		return 4;
	case GL_PRIMITIVE_BOUNDING_BOX: /* min and max corners, xyzw each */
		return 8;
	/* Desktop OpenGL's, several values each */
	case 0x0B40: /* GL_POLYGON_MODE: front and back */
	case 0x8E73: /* GL_PATCH_DEFAULT_INNER_LEVEL (4.0) */
		return 2;
	case 0x8E74: /* GL_PATCH_DEFAULT_OUTER_LEVEL (4.0) */
	case 0x8C3C: /* GL_RGBA_SIGNED_COMPONENTS_EXT (EXT_packed_float) */
		return 4;
	case GL_COMPRESSED_TEXTURE_FORMATS:
	case GL_PROGRAM_BINARY_FORMATS:
	case GL_SHADER_BINARY_FORMATS:
		return GL_SIZES_MAX_FORMATS;
	/* Desktop OpenGL's state of its 1.0 to 2.0 commands (an ES driver
	 * refuses them itself). */
	case GL_DOUBLEBUFFER:
	case GL_STEREO:
	case GL_DRAW_BUFFER_DESKTOP:
	case GL_TEXTURE_BINDING_1D_DESKTOP:
	case GL_TEXTURE_BINDING_1D_ARRAY_DESKTOP:
	case GL_TEXTURE_BINDING_RECTANGLE_DESKTOP:
	case GL_MAX_RECTANGLE_TEXTURE_SIZE_DESKTOP:
	case GL_POINT_SPRITE_COORD_ORIGIN_DESKTOP:
	case GL_PACK_SWAP_BYTES_DESKTOP:
	case GL_PACK_LSB_FIRST_DESKTOP:
	case GL_UNPACK_SWAP_BYTES_DESKTOP:
	case GL_UNPACK_LSB_FIRST_DESKTOP:
	case GL_PACK_SKIP_IMAGES_DESKTOP:
	case GL_PACK_IMAGE_HEIGHT_DESKTOP:
	case GL_POINT_SIZE_GRANULARITY_DESKTOP:
	case GL_LINE_WIDTH_GRANULARITY_DESKTOP:
	case 0x9127: /* GL_UNPACK_COMPRESSED_BLOCK_WIDTH .. GL_PACK_COMPRESSED_BLOCK_SIZE */
	case 0x9128:
	case 0x9129:
	case 0x912A:
	case 0x912B:
	case 0x912C:
	case 0x912D:
	case 0x912E:
		return 1;
	default:
		if (listed(get_single, LEN(get_single), pname) ||
		    listed(get_single_gl3, LEN(get_single_gl3), pname) ||
		    listed(get_single_gl4, LEN(get_single_gl4), pname) ||
		    listed(get_single_desktop, LEN(get_single_desktop), pname))
			return 1;
		/* The compatibility profile's client arrays and pixel rectangles, its
		 * evaluators (gles-sizes-eval.c), then the fixed-function state. */
		if (gl_get_count_compat_arrays(pname) > 0)
			return 1;
		if (gl_get_count_eval(pname) > 0)
			return gl_get_count_eval(pname);
		return gl_get_count_es1(pname);
	}
}

int64_t gl_get_indexed_count(uint32_t target)
{
	switch (target) {
	/* ES 3.0 */
	case GL_TRANSFORM_FEEDBACK_BUFFER_BINDING:
	case GL_TRANSFORM_FEEDBACK_BUFFER_START:
	case GL_TRANSFORM_FEEDBACK_BUFFER_SIZE:
	case GL_UNIFORM_BUFFER_BINDING:
	case GL_UNIFORM_BUFFER_START:
	case GL_UNIFORM_BUFFER_SIZE:
	/* ES 3.1 (one work-group dimension per index) */
	case GL_ATOMIC_COUNTER_BUFFER_BINDING:
	case GL_ATOMIC_COUNTER_BUFFER_START:
	case GL_ATOMIC_COUNTER_BUFFER_SIZE:
	case GL_IMAGE_BINDING_ACCESS:
	case GL_IMAGE_BINDING_FORMAT:
	case GL_IMAGE_BINDING_LAYER:
	case GL_IMAGE_BINDING_LAYERED:
	case GL_IMAGE_BINDING_LEVEL:
	case GL_IMAGE_BINDING_NAME:
	case GL_MAX_COMPUTE_WORK_GROUP_COUNT:
	case GL_MAX_COMPUTE_WORK_GROUP_SIZE:
	case GL_SAMPLE_MASK_VALUE:
	case GL_SHADER_STORAGE_BUFFER_BINDING:
	case GL_SHADER_STORAGE_BUFFER_START:
	case GL_SHADER_STORAGE_BUFFER_SIZE:
	case GL_VERTEX_BINDING_BUFFER:
	case GL_VERTEX_BINDING_DIVISOR:
	case GL_VERTEX_BINDING_OFFSET:
	case GL_VERTEX_BINDING_STRIDE:
	/* ES 3.2 / EXT_draw_buffers_indexed: per draw buffer */
	case GL_BLEND:
	case GL_BLEND_DST_ALPHA:
	case GL_BLEND_DST_RGB:
	case GL_BLEND_EQUATION_ALPHA:
	case GL_BLEND_EQUATION_RGB:
	case GL_BLEND_SRC_ALPHA:
	case GL_BLEND_SRC_RGB:
		return 1;
	case GL_DEPTH_RANGE: /* OES_viewport_array, per viewport */
		return 2;
	case GL_COLOR_WRITEMASK:
	case GL_SCISSOR_BOX:          /* OES_viewport_array */
	case GL_VIEWPORT:             /* OES_viewport_array */
	case GL_WINDOW_RECTANGLE_EXT: /* EXT_window_rectangles */
		return 4;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
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
