/*
 * glGet's counts for the GLES codec (see <gpupipe/gl-sizes.h>): gl_get_count and
 * gl_get_indexed_count, from the state tables of OpenGL ES 2.0, 3.0, 3.1 and 3.2, of the
 * ES extensions Mesa offers and of desktop OpenGL 3.x and 4.5 (the per-object queries
 * are gles-sizes.c's). A pname that is not listed here is refused on both sides,
 * whatever the host's GL knows, so a query never returns more than the capacity the
 * app sent. tests/gpuhost/test-gl-sizes-counts.c and test-gl-sizes-desktop.c check
 * every pname against the host's real driver, both ways.
 *
 * Refused on purpose although some drivers answer them in ES contexts:
 * - desktop-only values Mesa answers in any API (GL_BLEND_SRC indexed,
 *   GL_PACK_IMAGE_HEIGHT, GL_PATCH_DEFAULT_*_LEVEL, GL_CLAMP_*_COLOR,
 *   GL_TEXTURE_SWIZZLE_RGBA, GL_TEXTURE_LOD_BIAS, ...): the desktop tables
 *   answer them in desktop contexts only;
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
