/*
 * Size helpers for desktop OpenGL's compatibility profile, fixed-function
 * state (see <gpupipe/gl-sizes.h>): the parameters desktop OpenGL takes in
 * glFog*v, glLightModel*v, glMaterial*v and glTexGen*v besides OpenGL ES
 * 1.1's, and the state of immediate mode, raster position, texture
 * coordinate generation and transposed matrices for glGet*. A context of
 * OpenGL ES keeps ES 1.1's lists exactly.
 */
#include <stdbool.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

/* Desktop OpenGL's enums (GL/gl.h, GL/glext.h), which the GLES headers
 * lack. */
enum {
	FOG_INDEX = 0x0B61,
	FOG_COORD_SRC = 0x8450,
	FOG_DISTANCE_MODE_NV = 0x855A,
	LIGHT_MODEL_LOCAL_VIEWER = 0x0B51,
	LIGHT_MODEL_COLOR_CONTROL = 0x81F8,
	COLOR_INDEXES = 0x1603,
	TEXTURE_GEN_MODE = 0x2500,
	OBJECT_PLANE = 0x2501,
	EYE_PLANE = 0x2502,
	CURRENT_INDEX = 0x0B01,
	CURRENT_RASTER_COLOR = 0x0B04,
	CURRENT_RASTER_INDEX = 0x0B05,
	CURRENT_RASTER_TEXTURE_COORDS = 0x0B06,
	CURRENT_RASTER_POSITION = 0x0B07,
	CURRENT_RASTER_POSITION_VALID = 0x0B08,
	CURRENT_RASTER_DISTANCE = 0x0B09,
	CURRENT_RASTER_SECONDARY_COLOR = 0x845F,
	CURRENT_SECONDARY_COLOR = 0x8459,
	CURRENT_FOG_COORD = 0x8453,
	EDGE_FLAG = 0x0B43,
	INDEX_CLEAR_VALUE = 0x0C20,
	INDEX_WRITEMASK = 0x0C21,
	INDEX_MODE = 0x0C30,
	RGBA_MODE = 0x0C31,
	COLOR_MATERIAL_FACE = 0x0B55,
	COLOR_MATERIAL_PARAMETER = 0x0B56,
	COLOR_SUM = 0x8458,
	TEXTURE_GEN_S = 0x0C60,
	TEXTURE_GEN_T = 0x0C61,
	TEXTURE_GEN_R = 0x0C62,
	TEXTURE_GEN_Q = 0x0C63,
	TRANSPOSE_MODELVIEW_MATRIX = 0x84E3,
	TRANSPOSE_PROJECTION_MATRIX = 0x84E4,
	TRANSPOSE_TEXTURE_MATRIX = 0x84E5,
	TRANSPOSE_COLOR_MATRIX = 0x84E6,
};

int64_t gl_fog_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	bool desktop = ps && ps->desktop;
	if (desktop &&
	    (pname == FOG_INDEX || pname == FOG_COORD_SRC || pname == FOG_DISTANCE_MODE_NV))
		return 1;
	return gl_fog_count(pname);
}

int64_t gl_light_model_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	bool desktop = ps && ps->desktop;
	if (desktop && (pname == LIGHT_MODEL_LOCAL_VIEWER || pname == LIGHT_MODEL_COLOR_CONTROL))
		return 1;
	return gl_light_model_count(pname);
}

int64_t gl_material_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	bool desktop = ps && ps->desktop;
	if (desktop && pname == COLOR_INDEXES)
		return 3;
	return gl_material_count(pname);
}

int64_t gl_texgen_count_ps(const struct gl_pixel_state *ps, uint32_t pname)
{
	bool desktop = ps && ps->desktop;
	if (desktop && (pname == OBJECT_PLANE || pname == EYE_PLANE))
		return 4;
	return pname == TEXTURE_GEN_MODE ? 1 : GL_SIZE_INVALID_ENUM;
}

int64_t gl_get_count_compat_ff(uint32_t pname)
{
	switch (pname) {
	case CURRENT_INDEX:
	case CURRENT_RASTER_INDEX:
	case CURRENT_RASTER_POSITION_VALID:
	case CURRENT_RASTER_DISTANCE:
	case CURRENT_FOG_COORD:
	case EDGE_FLAG:
	case INDEX_CLEAR_VALUE:
	case INDEX_WRITEMASK:
	case INDEX_MODE:
	case RGBA_MODE:
	case COLOR_MATERIAL_FACE:
	case COLOR_MATERIAL_PARAMETER:
	case COLOR_SUM:
	case TEXTURE_GEN_S:
	case TEXTURE_GEN_T:
	case TEXTURE_GEN_R:
	case TEXTURE_GEN_Q:
	case FOG_INDEX:
	case FOG_COORD_SRC:
	case LIGHT_MODEL_LOCAL_VIEWER:
	case LIGHT_MODEL_COLOR_CONTROL:
	/* ARB_vertex_program and ARB_fragment_program: the enables, the program
	 * matrices' limits and the current matrix stack's depth. */
	case 0x8620: /* GL_VERTEX_PROGRAM_ARB */
	case 0x8804: /* GL_FRAGMENT_PROGRAM_ARB */
	case 0x8642: /* GL_VERTEX_PROGRAM_POINT_SIZE_ARB */
	case 0x8643: /* GL_VERTEX_PROGRAM_TWO_SIDE_ARB */
	case 0x864B: /* GL_PROGRAM_ERROR_POSITION_ARB (the library answers it) */
	case 0x862E: /* GL_MAX_PROGRAM_MATRIX_STACK_DEPTH_ARB */
	case 0x862F: /* GL_MAX_PROGRAM_MATRICES_ARB */
	case 0x8640: /* GL_CURRENT_MATRIX_STACK_DEPTH_ARB */
		return 1;
	case 0x8641: /* GL_CURRENT_MATRIX_ARB */
	case 0x88B7: /* GL_TRANSPOSE_CURRENT_MATRIX_ARB */
		return 16;
	case CURRENT_RASTER_COLOR:
	case CURRENT_RASTER_TEXTURE_COORDS:
	case CURRENT_RASTER_POSITION:
	case CURRENT_RASTER_SECONDARY_COLOR:
	case CURRENT_SECONDARY_COLOR:
		return 4;
	case TRANSPOSE_MODELVIEW_MATRIX:
	case TRANSPOSE_PROJECTION_MATRIX:
	case TRANSPOSE_TEXTURE_MATRIX:
	case TRANSPOSE_COLOR_MATRIX:
		return 16;
	default:
		return GL_SIZE_INVALID_ENUM;
	}
}
