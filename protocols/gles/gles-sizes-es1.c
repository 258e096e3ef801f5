/*
 * Size helpers for OpenGL ES 1.1 (see <gpupipe/gl-sizes.h>): the
 * fixed-function state and parameters, from GLES/gl.h. As for GLES 2, a
 * value not listed is refused on both sides.
 */
#include <stdbool.h>

#include <GLES/gl.h>
#include <GLES/glext.h>

#include <gpupipe/gl-sizes.h>

/* One value each: enables, array state, stack depths, limits, modes. */
static bool single(uint32_t pname)
{
	if (pname >= GL_LIGHT0 && pname <= GL_LIGHT0 + 7)
		return true;
	if (pname >= GL_CLIP_PLANE0 && pname <= GL_CLIP_PLANE5)
		return true;
	switch (pname) {
	case GL_TEXTURE_GEN_STR_OES: /* OES_texture_cube_map */
	case GL_TEXTURE_BINDING_CUBE_MAP_OES:
	case GL_MAX_CUBE_MAP_TEXTURE_SIZE_OES:
	case GL_MAX_TEXTURE_LOD_BIAS_EXT: /* EXT_texture_lod_bias */
	case GL_ALPHA_TEST:
	case GL_ALPHA_TEST_FUNC:
	case GL_ALPHA_TEST_REF:
	case GL_BLEND_DST:
	case GL_BLEND_SRC:
	case GL_CLIENT_ACTIVE_TEXTURE:
	case GL_COLOR_ARRAY:
	case GL_COLOR_ARRAY_BUFFER_BINDING:
	case GL_COLOR_ARRAY_SIZE:
	case GL_COLOR_ARRAY_STRIDE:
	case GL_COLOR_ARRAY_TYPE:
	case GL_COLOR_LOGIC_OP:
	case GL_COLOR_MATERIAL:
	case GL_FOG:
	case GL_FOG_DENSITY:
	case GL_FOG_END:
	case GL_FOG_HINT:
	case GL_FOG_MODE:
	case GL_FOG_START:
	case GL_LIGHTING:
	case GL_LIGHT_MODEL_TWO_SIDE:
	case GL_LINE_SMOOTH:
	case GL_LINE_SMOOTH_HINT:
	case GL_LOGIC_OP_MODE:
	case GL_MATRIX_MODE:
	case GL_MAX_CLIP_PLANES:
	case GL_MAX_LIGHTS:
	case GL_MAX_MODELVIEW_STACK_DEPTH:
	case GL_MAX_PROJECTION_STACK_DEPTH:
	case GL_MAX_TEXTURE_STACK_DEPTH:
	case GL_MAX_TEXTURE_UNITS:
	case GL_MODELVIEW_STACK_DEPTH:
	case GL_MULTISAMPLE:
	case GL_NORMAL_ARRAY:
	case GL_NORMAL_ARRAY_BUFFER_BINDING:
	case GL_NORMAL_ARRAY_STRIDE:
	case GL_NORMAL_ARRAY_TYPE:
	case GL_NORMALIZE:
	case GL_PERSPECTIVE_CORRECTION_HINT:
	case GL_POINT_FADE_THRESHOLD_SIZE:
	case GL_POINT_SIZE:
	case GL_POINT_SIZE_MAX:
	case GL_POINT_SIZE_MIN:
	case GL_POINT_SMOOTH:
	case GL_POINT_SMOOTH_HINT:
	case GL_POINT_SIZE_ARRAY_OES:
	case GL_POINT_SIZE_ARRAY_BUFFER_BINDING_OES:
	case GL_POINT_SIZE_ARRAY_STRIDE_OES:
	case GL_POINT_SIZE_ARRAY_TYPE_OES:
	case GL_POINT_SPRITE_OES:
	case GL_PROJECTION_STACK_DEPTH:
	case GL_RESCALE_NORMAL:
	case GL_SAMPLE_ALPHA_TO_ONE:
	case GL_SHADE_MODEL:
	case GL_TEXTURE_2D:
	case GL_TEXTURE_COORD_ARRAY:
	case GL_TEXTURE_COORD_ARRAY_BUFFER_BINDING:
	case GL_TEXTURE_COORD_ARRAY_SIZE:
	case GL_TEXTURE_COORD_ARRAY_STRIDE:
	case GL_TEXTURE_COORD_ARRAY_TYPE:
	case GL_TEXTURE_STACK_DEPTH:
	case GL_VERTEX_ARRAY:
	case GL_VERTEX_ARRAY_BUFFER_BINDING:
	case GL_VERTEX_ARRAY_SIZE:
	case GL_VERTEX_ARRAY_STRIDE:
	case GL_VERTEX_ARRAY_TYPE:
		return true;
	}
	return false;
}

int64_t gl_get_count_es1(uint32_t pname)
{
	if (single(pname))
		return 1;
	switch (pname) {
	case GL_SMOOTH_LINE_WIDTH_RANGE:
	case GL_SMOOTH_POINT_SIZE_RANGE:
		return 2;
	case GL_CURRENT_NORMAL:
	case GL_POINT_DISTANCE_ATTENUATION:
		return 3;
	case GL_CURRENT_COLOR:
	case GL_CURRENT_TEXTURE_COORDS:
	case GL_FOG_COLOR:
	case GL_LIGHT_MODEL_AMBIENT:
		return 4;
	case GL_MODELVIEW_MATRIX:
	case GL_PROJECTION_MATRIX:
	case GL_TEXTURE_MATRIX:
		return 16;
	default:
		return gl_get_count_compat_ff(pname); /* desktop's; ES drivers refuse them */
	}
}

int64_t gl_light_count(uint32_t pname)
{
	switch (pname) {
	case GL_AMBIENT:
	case GL_DIFFUSE:
	case GL_SPECULAR:
	case GL_POSITION:
		return 4;
	case GL_SPOT_DIRECTION:
		return 3;
	case GL_SPOT_EXPONENT:
	case GL_SPOT_CUTOFF:
	case GL_CONSTANT_ATTENUATION:
	case GL_LINEAR_ATTENUATION:
	case GL_QUADRATIC_ATTENUATION:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_light_model_count(uint32_t pname)
{
	switch (pname) {
	case GL_LIGHT_MODEL_AMBIENT:
		return 4;
	case GL_LIGHT_MODEL_TWO_SIDE:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_material_count(uint32_t pname)
{
	switch (pname) {
	case GL_AMBIENT:
	case GL_DIFFUSE:
	case GL_SPECULAR:
	case GL_EMISSION:
	case GL_AMBIENT_AND_DIFFUSE:
		return 4;
	case GL_SHININESS:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_fog_count(uint32_t pname)
{
	switch (pname) {
	case GL_FOG_COLOR:
		return 4;
	case GL_FOG_MODE:
	case GL_FOG_DENSITY:
	case GL_FOG_START:
	case GL_FOG_END:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_point_param_count(uint32_t pname)
{
	switch (pname) {
	case GL_POINT_DISTANCE_ATTENUATION:
		return 3;
	case GL_POINT_SIZE_MIN:
	case GL_POINT_SIZE_MAX:
	case GL_POINT_FADE_THRESHOLD_SIZE:
	case GL_POINT_SPRITE_COORD_ORIGIN_DESKTOP: /* desktop OpenGL's */
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_texenv_count(uint32_t pname)
{
	switch (pname) {
	case GL_TEXTURE_ENV_COLOR:
		return 4;
	case GL_TEXTURE_ENV_MODE:
	case GL_COMBINE_RGB:
	case GL_COMBINE_ALPHA:
	case GL_SRC0_RGB:
	case GL_SRC1_RGB:
	case GL_SRC2_RGB:
	case GL_SRC0_ALPHA:
	case GL_SRC1_ALPHA:
	case GL_SRC2_ALPHA:
	case GL_OPERAND0_RGB:
	case GL_OPERAND1_RGB:
	case GL_OPERAND2_RGB:
	case GL_OPERAND0_ALPHA:
	case GL_OPERAND1_ALPHA:
	case GL_OPERAND2_ALPHA:
	case GL_RGB_SCALE:
	case GL_ALPHA_SCALE:
	case GL_COORD_REPLACE_OES:
	case GL_TEXTURE_LOD_BIAS_EXT: /* EXT_texture_lod_bias (target GL_TEXTURE_FILTER_CONTROL_EXT)
	                               */
	case GL_SOURCE3_RGB_NV:       /* NV_texture_env_combine4's fourth argument */
	case GL_SOURCE3_ALPHA_NV:
	case GL_OPERAND3_RGB_NV:
	case GL_OPERAND3_ALPHA_NV:
		return 1;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}

int64_t gl_texgen_count(uint32_t pname)
{
	return pname == GL_TEXTURE_GEN_MODE_OES ? 1 : GL_SIZE_INVALID_ENUM;
}
