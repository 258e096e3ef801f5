/*
 * gl-es1-extensions: an OpenGL ES 1.1 app (no window: a surfaceless context on the Wayland
 * display, drawing into a 16x16 OES framebuffer object) that uses the ES 1.1 extensions its
 * context lists, each checked in the app by the pixels it draws or the values it reads back:
 *
 *   blend-subtract, blend-equation-separate, blend-func-separate   GL_OES_blend_*
 *   fixed-point, single-precision   the OES-suffixed names of ES 1.1's commands
 *   query-matrix, draw-texture, texture-cube-map (and its texgen state), read-format,
 *   stencil-wrap,
 *   texture-env-crossbar, mirrored-repeat, lod-bias (EXT_texture_lod_bias),
 *   byte-coordinates, paletted (a level 0 and a two-level chain in one call),
 *   polygon-offset-clamp, dxt3, dxt5, debug-label (extensions gl.xml has for ES 2 only,
 *   which Mesa offers on ES 1.1 too), etc1-sub-texture
 *
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". tests/integration/gl-es1-extensions.sh runs it natively and through
 * gpu-0: every check that passes natively must pass through gpu-0.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES/gl.h>
#include <GLES/glext.h>
#include <wayland-client.h>

#include "gl-checks.h"

#define SIZE 16
/* EXT_polygon_offset_clamp, which GLES/glext.h does not have (gl.xml lists it for ES 2 only). */
#define GL_POLYGON_OFFSET_CLAMP_EXT 0x8E1B
typedef void(GL_APIENTRYP PFNGLPOLYGONOFFSETCLAMPEXTPROC)(GLfloat factor, GLfloat units,
                                                          GLfloat clamp);
/* EXT_debug_label, likewise. */
typedef void(GL_APIENTRYP PFNGLLABELOBJECTEXTPROC)(GLenum type, GLuint object, GLsizei length,
                                                   const GLchar *label);
typedef void(GL_APIENTRYP PFNGLGETOBJECTLABELEXTPROC)(GLenum type, GLuint object, GLsizei bufSize,
                                                      GLsizei *length, GLchar *label);
#define PROC(type, name) type name = (type)eglGetProcAddress(#name)

/* The pixel at (x, y) is r, g, b, a (within 2 of each). */
static bool pixel_is(const char *check, int x, int y, const int want[4])
{
	unsigned char got[4];
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, got);
	for (int i = 0; i < 4; i++)
		if (abs(got[i] - want[i]) > 2)
			return gc_fail(check, "pixel (%d, %d) is %d %d %d %d, expected %d %d %d %d",
			               x, y, got[0], got[1], got[2], got[3], want[0], want[1],
			               want[2], want[3]);
	return true;
}

/* The state every check starts from: window coordinates as the projection, nothing enabled,
 * the default blend and texture environment. */
static void reset(void)
{
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glOrthof(0, SIZE, 0, SIZE, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glDisable(GL_BLEND);
	glDisable(GL_TEXTURE_2D);
	glDisable(GL_STENCIL_TEST);
	glBlendFunc(GL_ONE, GL_ZERO);
	glColor4f(1, 1, 1, 1);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glClearColor(0, 0, 0, 0);
	glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

/* A rectangle in window coordinates, texture coordinates s0..s1 x 0..1 where asked. */
static void rect(float x0, float y0, float x1, float y1, const float *st)
{
	const float v[] = {x0, y0, x1, y0, x1, y1, x0, y1};
	glEnableClientState(GL_VERTEX_ARRAY);
	glVertexPointer(2, GL_FLOAT, 0, v);
	if (st) {
		glEnableClientState(GL_TEXTURE_COORD_ARRAY);
		glTexCoordPointer(2, GL_FLOAT, 0, st);
	}
	glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
}

static const float unit_st[] = {0, 0, 1, 0, 1, 1, 0, 1};

/* A 2D texture of w x h RGBA texels, nearest filtering, no mipmaps. */
static GLuint texture(int w, int h, const unsigned char *rgba)
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	return t;
}

static bool blend_subtract(void)
{
	const char *c = "blend-subtract";
	PROC(PFNGLBLENDEQUATIONOESPROC, glBlendEquationOES);
	glClearColor(0.5f, 0.5f, 0.5f, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_BLEND);
	glBlendFunc(GL_ONE, GL_ONE);
	glBlendEquationOES(GL_FUNC_REVERSE_SUBTRACT_OES); /* dst - src */
	glColor4f(1, 0.25f, 0, 1);
	rect(0, 0, SIZE, SIZE, NULL);
	glBlendEquationOES(GL_FUNC_ADD_OES);
	return gc_no_error(c, "draw") && pixel_is(c, 8, 8, (const int[]){0, 64, 128, 0});
}

static bool blend_equation_separate(void)
{
	const char *c = "blend-equation-separate";
	PROC(PFNGLBLENDEQUATIONSEPARATEOESPROC, glBlendEquationSeparateOES);
	glClearColor(0.25f, 0.25f, 0.25f, 0.75f);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_BLEND);
	glBlendFunc(GL_ONE, GL_ONE);
	glBlendEquationSeparateOES(GL_FUNC_ADD_OES, GL_FUNC_REVERSE_SUBTRACT_OES);
	glColor4f(0.5f, 0.5f, 0.5f, 0.5f);
	rect(0, 0, SIZE, SIZE, NULL);
	glBlendEquationSeparateOES(GL_FUNC_ADD_OES, GL_FUNC_ADD_OES);
	return gc_no_error(c, "draw") && pixel_is(c, 8, 8, (const int[]){191, 191, 191, 64});
}

static bool blend_func_separate(void)
{
	const char *c = "blend-func-separate";
	PROC(PFNGLBLENDFUNCSEPARATEOESPROC, glBlendFuncSeparateOES);
	glClearColor(0, 0, 0, 0.5f);
	glClear(GL_COLOR_BUFFER_BIT);
	glEnable(GL_BLEND);
	glBlendFuncSeparateOES(GL_ONE, GL_ZERO, GL_ZERO,
	                       GL_ONE); /* colour from the source, alpha kept */
	glColor4f(1, 0.5f, 0, 1);
	rect(0, 0, SIZE, SIZE, NULL);
	return gc_no_error(c, "draw") && pixel_is(c, 8, 8, (const int[]){255, 128, 0, 128});
}

static bool fixed_point(void)
{
	const char *c = "fixed-point";
	PROC(PFNGLCLEARCOLORXOESPROC, glClearColorxOES);
	PROC(PFNGLCOLOR4XOESPROC, glColor4xOES);
	PROC(PFNGLGETFIXEDVOESPROC, glGetFixedvOES);
	PROC(PFNGLTRANSLATEXOESPROC, glTranslatexOES);
	glClearColorxOES(0x10000, 0, 0x8000, 0x10000);
	glClear(GL_COLOR_BUFFER_BIT);
	if (!pixel_is(c, 1, 1, (const int[]){255, 0, 128, 255}))
		return false;
	/* A green rectangle moved 8 to the right by a fixed-point translation. */
	glColor4xOES(0, 0x10000, 0, 0x10000);
	glTranslatexOES(8 << 16, 0, 0);
	rect(0, 0, 8, SIZE, NULL);
	GLfixed color[4] = {0};
	glGetFixedvOES(GL_CURRENT_COLOR, color);
	if (color[0] != 0 || color[1] != 0x10000 || color[2] != 0 || color[3] != 0x10000)
		return gc_fail(c, "GL_CURRENT_COLOR is 0x%x 0x%x 0x%x 0x%x", (unsigned)color[0],
		               (unsigned)color[1], (unsigned)color[2], (unsigned)color[3]);
	return gc_no_error(c, "draw") && pixel_is(c, 12, 8, (const int[]){0, 255, 0, 255}) &&
	       pixel_is(c, 4, 8, (const int[]){255, 0, 128, 255});
}

static bool single_precision(void)
{
	const char *c = "single-precision";
	PROC(PFNGLCLIPPLANEFOESPROC, glClipPlanefOES);
	PROC(PFNGLGETCLIPPLANEFOESPROC, glGetClipPlanefOES);
	PROC(PFNGLDEPTHRANGEFOESPROC, glDepthRangefOES);
	PROC(PFNGLORTHOFOESPROC, glOrthofOES);
	PROC(PFNGLCLEARDEPTHFOESPROC, glClearDepthfOES);
	const GLfloat plane[4] = {1, 2, 3, 4};
	GLfloat got[4] = {0}, range[2] = {0}, depth = 0;
	glClipPlanefOES(GL_CLIP_PLANE0, plane);
	glGetClipPlanefOES(GL_CLIP_PLANE0, got);
	if (memcmp(plane, got, sizeof(got)))
		return gc_fail(c, "clip plane %g %g %g %g, set 1 2 3 4", got[0], got[1], got[2],
		               got[3]);
	glDepthRangefOES(0.25f, 0.75f);
	glGetFloatv(GL_DEPTH_RANGE, range);
	glClearDepthfOES(0.5f);
	glGetFloatv(GL_DEPTH_CLEAR_VALUE, &depth);
	glDepthRangefOES(0, 1);
	if (range[0] != 0.25f || range[1] != 0.75f || depth != 0.5f)
		return gc_fail(c, "depth range %g %g, clear depth %g", range[0], range[1], depth);
	/* The right half of the window through glOrthofOES's projection. */
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glOrthofOES(-1, 1, 0, 1, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glColor4f(0, 0, 1, 1);
	rect(0, 0, 1, 1, NULL);
	return gc_no_error(c, "draw") && pixel_is(c, 12, 8, (const int[]){0, 0, 255, 255}) &&
	       pixel_is(c, 4, 8, (const int[]){0, 0, 0, 0});
}

static bool query_matrix(void)
{
	const char *c = "query-matrix";
	PROC(PFNGLQUERYMATRIXXOESPROC, glQueryMatrixxOES);
	glTranslatef(3, 0.5f, 0);
	glScalef(2, 2, 2);
	GLfixed mantissa[16] = {0};
	GLint exponent[16] = {0};
	GLbitfield status = glQueryMatrixxOES(mantissa, exponent);
	if (status != 0)
		return gc_fail(c, "status 0x%x, expected 0 (every entry valid)", status);
	/* Column-major: [0] and [5] are the scales, [12] and [13] the translation. */
	const int index[] = {0, 5, 12, 13, 15};
	const double want[] = {2, 2, 3, 0.5, 1};
	for (int i = 0; i < 5; i++) {
		int k = index[i];
		double v = mantissa[k] / 65536.0;
		for (int e = exponent[k]; e > 0; e--)
			v *= 2;
		for (int e = exponent[k]; e < 0; e++)
			v /= 2;
		if (v != want[i])
			return gc_fail(c,
			               "entry %d is %g (mantissa 0x%x, exponent %d), expected %g",
			               k, v, (unsigned)mantissa[k], exponent[k], want[i]);
	}
	return gc_no_error(c, "glQueryMatrixxOES");
}

static const unsigned char four_texels[] = {255, 0, 0,   255, 0,   255, 0,   255,
                                            0,   0, 255, 255, 255, 255, 255, 255};

/* The alpha at (x, y) is `want`. */
static bool alpha_is(const char *check, int x, int y, int want)
{
	unsigned char got[4];
	glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, got);
	return got[3] == want ||
	       gc_fail(check, "alpha at (%d, %d) is %d, expected %d", x, y, got[3], want);
}

/* glDrawTex draws a screen-aligned rectangle where it is asked. Only its extent is checked
 * (opaque inside, the clear colour's alpha 0 outside): Mesa 22.3's llvmpipe draws the crop
 * rectangle's texels wrong, natively too (black, or one texel row). */
static bool draw_texture(void)
{
	const char *c = "draw-texture";
	PROC(PFNGLDRAWTEXIOESPROC, glDrawTexiOES);
	PROC(PFNGLDRAWTEXFVOESPROC, glDrawTexfvOES);
	GLuint t = texture(2, 2, four_texels);
	const GLint crop[4] = {0, 0, 2, 2};
	GLint got[4] = {0};
	glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_CROP_RECT_OES, crop);
	glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_CROP_RECT_OES, got);
	if (memcmp(crop, got, sizeof(got)))
		return gc_fail(c, "crop rectangle %d %d %d %d, set 0 0 2 2", got[0], got[1], got[2],
		               got[3]);
	glEnable(GL_TEXTURE_2D);
	glDrawTexiOES(4, 4, 0, 4, 4);
	const GLfloat coords[5] = {10, 10, 0, 4, 4};
	glDrawTexfvOES(coords);
	bool ok = gc_no_error(c, "glDrawTex") && alpha_is(c, 5, 5, 255) && alpha_is(c, 7, 7, 255) &&
	          alpha_is(c, 2, 2, 0) && alpha_is(c, 9, 9, 0) && alpha_is(c, 11, 11, 255) &&
	          alpha_is(c, 13, 13, 255) && alpha_is(c, 14, 14, 0) && alpha_is(c, 5, 11, 0);
	glDeleteTextures(1, &t);
	return ok;
}

static bool texture_cube_map(void)
{
	const char *c = "texture-cube-map";
	PROC(PFNGLTEXGENIOESPROC, glTexGeniOES);
	PROC(PFNGLGETTEXGENIVOESPROC, glGetTexGenivOES);
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_CUBE_MAP_OES, t);
	for (int face = 0; face < 6; face++) {
		/* +Z is yellow, every other face grey. */
		const unsigned char yellow[4] = {255, 255, 0, 255}, grey[4] = {128, 128, 128, 255};
		glTexImage2D(GL_TEXTURE_CUBE_MAP_POSITIVE_X_OES + face, 0, GL_RGBA, 1, 1, 0,
		             GL_RGBA, GL_UNSIGNED_BYTE,
		             GL_TEXTURE_CUBE_MAP_POSITIVE_X_OES + face ==
		                             GL_TEXTURE_CUBE_MAP_POSITIVE_Z_OES
		                     ? yellow
		                     : grey);
	}
	glTexParameteri(GL_TEXTURE_CUBE_MAP_OES, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_CUBE_MAP_OES, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexGeniOES(GL_TEXTURE_GEN_STR_OES, GL_TEXTURE_GEN_MODE_OES, GL_NORMAL_MAP_OES);
	GLint mode = 0;
	glGetTexGenivOES(GL_TEXTURE_GEN_STR_OES, GL_TEXTURE_GEN_MODE_OES, &mode);
	if (mode != GL_NORMAL_MAP_OES)
		return gc_fail(c, "texgen mode 0x%x, set GL_NORMAL_MAP_OES", (unsigned)mode);
	glEnable(GL_TEXTURE_CUBE_MAP_OES);
	/* (Mesa 22.3 leaves the coordinates alone with the generation enabled, natively too: the
	 * coordinate is given.) */
	const float str[] = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1}; /* towards +Z */
	glEnableClientState(GL_TEXTURE_COORD_ARRAY);
	glTexCoordPointer(3, GL_FLOAT, 0, str);
	const float v[] = {0, 0, SIZE, 0, SIZE, SIZE, 0, SIZE};
	glVertexPointer(2, GL_FLOAT, 0, v);
	glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glDisable(GL_TEXTURE_CUBE_MAP_OES);
	glDeleteTextures(1, &t);
	return gc_no_error(c, "draw") && pixel_is(c, 8, 8, (const int[]){255, 255, 0, 255});
}

static bool read_format(void)
{
	const char *c = "read-format";
	GLint format = 0, type = 0;
	glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_FORMAT_OES, &format);
	glGetIntegerv(GL_IMPLEMENTATION_COLOR_READ_TYPE_OES, &type);
	if (!format || !type)
		return gc_fail(c, "read format 0x%x, type 0x%x", (unsigned)format, (unsigned)type);
	unsigned char px[16];
	glReadPixels(0, 0, 1, 1, (GLenum)format, (GLenum)type, px);
	printf("info: read format 0x%x, type 0x%x\n", (unsigned)format, (unsigned)type);
	return gc_no_error(c, "glReadPixels in the implementation's format");
}

static bool stencil_wrap(void)
{
	const char *c = "stencil-wrap";
	glClearStencil(255);
	glClear(GL_STENCIL_BUFFER_BIT);
	glClearStencil(0);
	glEnable(GL_STENCIL_TEST);
	glStencilFunc(GL_ALWAYS, 0, 0xff);
	glStencilOp(GL_KEEP, GL_KEEP, GL_INCR_WRAP_OES); /* 255 + 1 wraps to 0 */
	glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
	rect(0, 0, SIZE / 2, SIZE, NULL);
	glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
	glStencilFunc(GL_EQUAL, 0, 0xff);
	glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
	glColor4f(0, 1, 0, 1);
	rect(0, 0, SIZE, SIZE, NULL);
	return gc_no_error(c, "draw") && pixel_is(c, 4, 8, (const int[]){0, 255, 0, 255}) &&
	       pixel_is(c, 12, 8, (const int[]){0, 0, 0, 0});
}

static bool texture_env_crossbar(void)
{
	const char *c = "texture-env-crossbar";
	const unsigned char red[4] = {255, 0, 0, 255}, green[4] = {0, 255, 0, 255};
	glActiveTexture(GL_TEXTURE1);
	GLuint t1 = texture(1, 1, green);
	glEnable(GL_TEXTURE_2D);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_COMBINE);
	glTexEnvi(GL_TEXTURE_ENV, GL_COMBINE_RGB, GL_REPLACE);
	glTexEnvi(GL_TEXTURE_ENV, GL_SRC0_RGB, GL_PREVIOUS);
	glActiveTexture(GL_TEXTURE0);
	GLuint t0 = texture(1, 1, red);
	glEnable(GL_TEXTURE_2D);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_COMBINE);
	glTexEnvi(GL_TEXTURE_ENV, GL_COMBINE_RGB, GL_REPLACE);
	glTexEnvi(GL_TEXTURE_ENV, GL_SRC0_RGB, GL_TEXTURE1); /* unit 0 takes unit 1's texel */
	rect(0, 0, SIZE, SIZE, NULL);
	bool ok = gc_no_error(c, "draw") && pixel_is(c, 8, 8, (const int[]){0, 255, 0, 255});
	glTexEnvi(GL_TEXTURE_ENV, GL_SRC0_RGB, GL_TEXTURE);
	glActiveTexture(GL_TEXTURE1);
	glDisable(GL_TEXTURE_2D);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glActiveTexture(GL_TEXTURE0);
	glDeleteTextures(1, &t0);
	glDeleteTextures(1, &t1);
	return ok;
}

static bool mirrored_repeat(void)
{
	const char *c = "mirrored-repeat";
	const unsigned char red_green[8] = {255, 0, 0, 255, 0, 255, 0, 255};
	GLuint t = texture(2, 1, red_green);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_MIRRORED_REPEAT_OES);
	glEnable(GL_TEXTURE_2D);
	const float st[] = {0, 0, 2, 0, 2, 1, 0, 1}; /* s 1..2 mirrors: green, then red */
	rect(0, 0, SIZE, SIZE, st);
	glDeleteTextures(1, &t);
	return gc_no_error(c, "draw") && pixel_is(c, 2, 8, (const int[]){255, 0, 0, 255}) &&
	       pixel_is(c, 9, 8, (const int[]){0, 255, 0, 255}) &&
	       pixel_is(c, 14, 8, (const int[]){255, 0, 0, 255});
}

static bool lod_bias(void)
{
	const char *c = "lod-bias";
	unsigned char level0[4 * 4 * 4], level1[2 * 2 * 4];
	for (int i = 0; i < 16; i++)
		memcpy(level0 + 4 * i, (const unsigned char[]){255, 0, 0, 255}, 4);
	for (int i = 0; i < 4; i++)
		memcpy(level1 + 4 * i, (const unsigned char[]){0, 255, 0, 255}, 4);
	GLuint t = texture(4, 4, level0);
	glTexImage2D(GL_TEXTURE_2D, 1, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, level1);
	glTexImage2D(GL_TEXTURE_2D, 2, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE,
	             (const unsigned char[]){0, 0, 255, 255});
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST_MIPMAP_NEAREST);
	glEnable(GL_TEXTURE_2D);
	/* 4 x 4 texels on 4 x 4 pixels: level 0, level 1 with a bias of 1. */
	rect(0, 0, 4, 4, unit_st);
	glTexEnvf(GL_TEXTURE_FILTER_CONTROL_EXT, GL_TEXTURE_LOD_BIAS_EXT, 1.0f);
	GLfloat bias = 0;
	glGetTexEnvfv(GL_TEXTURE_FILTER_CONTROL_EXT, GL_TEXTURE_LOD_BIAS_EXT, &bias);
	rect(8, 0, 12, 4, unit_st);
	glTexEnvf(GL_TEXTURE_FILTER_CONTROL_EXT, GL_TEXTURE_LOD_BIAS_EXT, 0);
	glDeleteTextures(1, &t);
	if (bias != 1.0f)
		return gc_fail(c, "GL_TEXTURE_LOD_BIAS_EXT reads %g, set 1", bias);
	return gc_no_error(c, "draw") && pixel_is(c, 1, 1, (const int[]){255, 0, 0, 255}) &&
	       pixel_is(c, 9, 1, (const int[]){0, 255, 0, 255});
}

static bool byte_coordinates(void)
{
	const char *c = "byte-coordinates";
	const GLbyte v[] = {0, 0, 8, 0, 8, 8, 0, 8};
	const GLbyte st[] = {1, 1, 1, 1, 1, 1, 1, 1}; /* texel (1, 1) of the 2 x 2 texture */
	GLuint t = texture(2, 2, four_texels);
	glEnable(GL_TEXTURE_2D);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_TEXTURE_COORD_ARRAY);
	glVertexPointer(2, GL_BYTE, 0, v);
	glTexCoordPointer(2, GL_BYTE, 0, st);
	glDrawArrays(GL_TRIANGLE_FAN, 0, 4);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glDeleteTextures(1, &t);
	return gc_no_error(c, "draw") && pixel_is(c, 4, 4, (const int[]){255, 255, 255, 255}) &&
	       pixel_is(c, 12, 12, (const int[]){0, 0, 0, 0});
}

static bool paletted(void)
{
	const char *c = "paletted";
	/* GL_PALETTE4_RGB8_OES: 16 RGB entries, then 4-bit indices, two texels a byte (the
	 * first in the high nibble), rows padded to a byte. */
	unsigned char data[16 * 3 + 2 + 1] = {0};
	const unsigned char palette[4][3] = {
	        {255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
	memcpy(data, palette, sizeof(palette));
	data[48] = 0x01; /* row 0: red, green */
	data[49] = 0x23; /* row 1: blue, white */
	data[50] = 0x10; /* level 1 (1 x 1): green */
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_PALETTE4_RGB8_OES, 2, 2, 0, 50, data);
	if (!gc_no_error(c, "a level 0 image"))
		return false;
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glEnable(GL_TEXTURE_2D);
	rect(0, 0, SIZE, SIZE, unit_st);
	bool ok = pixel_is(c, 3, 3, (const int[]){255, 0, 0, 255}) &&
	          pixel_is(c, 12, 3, (const int[]){0, 255, 0, 255}) &&
	          pixel_is(c, 3, 12, (const int[]){0, 0, 255, 255}) &&
	          pixel_is(c, 12, 12, (const int[]){255, 255, 255, 255});
	/* Level -1: levels 0 and 1 in one call; one pixel for the whole texture is level 1. */
	glCompressedTexImage2D(GL_TEXTURE_2D, -1, GL_PALETTE4_RGB8_OES, 2, 2, 0, 51, data);
	ok = ok && gc_no_error(c, "a two-level chain (level -1)");
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST_MIPMAP_NEAREST);
	glClear(GL_COLOR_BUFFER_BIT);
	rect(0, 0, 1, 1, unit_st);
	ok = ok && pixel_is(c, 0, 0, (const int[]){0, 255, 0, 255});
	glDeleteTextures(1, &t);
	return ok;
}

static bool polygon_offset_clamp(void)
{
	const char *c = "polygon-offset-clamp";
	PROC(PFNGLPOLYGONOFFSETCLAMPEXTPROC, glPolygonOffsetClampEXT);
	glPolygonOffsetClampEXT(1, 2, 0.5f);
	GLfloat v[3] = {0};
	glGetFloatv(GL_POLYGON_OFFSET_FACTOR, &v[0]);
	glGetFloatv(GL_POLYGON_OFFSET_UNITS, &v[1]);
	glGetFloatv(GL_POLYGON_OFFSET_CLAMP_EXT, &v[2]);
	glPolygonOffset(0, 0);
	if (v[0] != 1 || v[1] != 2 || v[2] != 0.5f)
		return gc_fail(c, "factor %g, units %g, clamp %g; set 1, 2, 0.5", v[0], v[1], v[2]);
	return gc_no_error(c, "glPolygonOffsetClampEXT");
}

/* A 4x4 compressed image of one block, drawn over the window: every pixel is `want`. */
static bool compressed_block(const char *c, GLenum format, const unsigned char *block, GLsizei size,
                             const int want[4])
{
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glCompressedTexImage2D(GL_TEXTURE_2D, 0, format, 4, 4, 0, size, block);
	GLenum err = glGetError();
	if (err == GL_INVALID_ENUM) {
		/* Mesa 22.3 lists the DXT3/DXT5 names on ES 1.1 but refuses the formats there. */
		printf("SKIP %s: the driver lists the extension but refuses its format "
		       "(GL_INVALID_ENUM)\n",
		       c);
		glDeleteTextures(1, &t);
		return false;
	}
	if (err != GL_NO_ERROR) {
		glDeleteTextures(1, &t);
		return gc_fail(c, "the upload: GL error 0x%x", err);
	}
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glEnable(GL_TEXTURE_2D);
	rect(0, 0, SIZE, SIZE, unit_st);
	glDeleteTextures(1, &t);
	return gc_no_error(c, "upload and draw") && pixel_is(c, 3, 3, want) &&
	       pixel_is(c, 12, 12, want);
}

/* Solid red blocks: the colour part is DXT1's (both end points red 565, every index 0). */
#define RED_565 0x00, 0xF8, 0x00, 0xF8, 0, 0, 0, 0

static bool dxt3(void)
{
	/* Explicit 4-bit alphas, all opaque. */
	const unsigned char block[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, RED_565};
	return compressed_block("dxt3", 0x83F2 /* GL_COMPRESSED_RGBA_S3TC_DXT3_ANGLE */, block,
	                        sizeof(block), (const int[]){255, 0, 0, 255});
}

static bool dxt5(void)
{
	/* Interpolated alphas: both end points 128, every index 0. */
	const unsigned char block[16] = {128, 128, 0, 0, 0, 0, 0, 0, RED_565};
	return compressed_block("dxt5", 0x83F3 /* GL_COMPRESSED_RGBA_S3TC_DXT5_ANGLE */, block,
	                        sizeof(block), (const int[]){255, 0, 0, 128});
}

/* ETC1's individual mode: both base colours red (15 in 4 bits), table 0, every pixel index 0
 * (+2): (255, 2, 2). A 4x4 level whose block is replaced by glCompressedTexSubImage2D. */
static bool etc1_sub_texture(void)
{
	const char *c = "etc1-sub-texture";
	const unsigned char black[8] = {0}, red[8] = {0xFF, 0x00, 0x00, 0x00, 0, 0, 0, 0};
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glCompressedTexImage2D(GL_TEXTURE_2D, 0, GL_ETC1_RGB8_OES, 4, 4, 0, sizeof(black), black);
	glCompressedTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, 4, 4, GL_ETC1_RGB8_OES, sizeof(red), red);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glEnable(GL_TEXTURE_2D);
	rect(0, 0, SIZE, SIZE, unit_st);
	glDeleteTextures(1, &t);
	return gc_no_error(c, "upload, sub-image and draw") &&
	       pixel_is(c, 8, 8, (const int[]){255, 2, 2, 255});
}

static bool debug_label(void)
{
	const char *c = "debug-label";
	PROC(PFNGLLABELOBJECTEXTPROC, glLabelObjectEXT);
	PROC(PFNGLGETOBJECTLABELEXTPROC, glGetObjectLabelEXT);
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glLabelObjectEXT(GL_TEXTURE, t, 0, "crate"); /* length 0: NUL-terminated */
	char label[16] = {0};
	GLsizei n = -1;
	glGetObjectLabelEXT(GL_TEXTURE, t, sizeof(label), &n, label);
	glDeleteTextures(1, &t);
	if (n != 5 || strcmp(label, "crate"))
		return gc_fail(c, "the texture's label reads \"%s\" (%d), set \"crate\"", label,
		               (int)n);
	return gc_no_error(c, "labels");
}

static const struct {
	const char *name, *ext;
	bool (*run)(void);
} checks[] = {
        {"blend-subtract", "GL_OES_blend_subtract", blend_subtract},
        {"blend-equation-separate", "GL_OES_blend_equation_separate", blend_equation_separate},
        {"blend-func-separate", "GL_OES_blend_func_separate", blend_func_separate},
        {"fixed-point", "GL_OES_fixed_point", fixed_point},
        {"single-precision", "GL_OES_single_precision", single_precision},
        {"query-matrix", "GL_OES_query_matrix", query_matrix},
        {"draw-texture", "GL_OES_draw_texture", draw_texture},
        {"texture-cube-map", "GL_OES_texture_cube_map", texture_cube_map},
        {"read-format", "GL_OES_read_format", read_format},
        {"stencil-wrap", "GL_OES_stencil_wrap", stencil_wrap},
        {"texture-env-crossbar", "GL_OES_texture_env_crossbar", texture_env_crossbar},
        {"mirrored-repeat", "GL_OES_texture_mirrored_repeat", mirrored_repeat},
        {"lod-bias", "GL_EXT_texture_lod_bias", lod_bias},
        {"byte-coordinates", "GL_OES_byte_coordinates", byte_coordinates},
        {"paletted", "GL_OES_compressed_paletted_texture", paletted},
        {"polygon-offset-clamp", "GL_EXT_polygon_offset_clamp", polygon_offset_clamp},
        {"dxt3", "GL_ANGLE_texture_compression_dxt3", dxt3},
        {"dxt5", "GL_ANGLE_texture_compression_dxt5", dxt5},
        {"etc1-sub-texture", "GL_EXT_compressed_ETC1_RGB8_sub_texture", etc1_sub_texture},
        {"debug-label", "GL_EXT_debug_label", debug_label},
};

/* A 16x16 RGBA8 framebuffer object with a depth and stencil buffer (OES_framebuffer_object,
 * OES_rgb8_rgba8, OES_packed_depth_stencil). */
static bool framebuffer(void)
{
	PROC(PFNGLGENFRAMEBUFFERSOESPROC, glGenFramebuffersOES);
	PROC(PFNGLBINDFRAMEBUFFEROESPROC, glBindFramebufferOES);
	PROC(PFNGLGENRENDERBUFFERSOESPROC, glGenRenderbuffersOES);
	PROC(PFNGLBINDRENDERBUFFEROESPROC, glBindRenderbufferOES);
	PROC(PFNGLRENDERBUFFERSTORAGEOESPROC, glRenderbufferStorageOES);
	PROC(PFNGLFRAMEBUFFERRENDERBUFFEROESPROC, glFramebufferRenderbufferOES);
	PROC(PFNGLCHECKFRAMEBUFFERSTATUSOESPROC, glCheckFramebufferStatusOES);
	if (!gc_has("GL_OES_framebuffer_object") || !gc_has("GL_OES_rgb8_rgba8") ||
	    !gc_has("GL_OES_packed_depth_stencil"))
		return false;
	GLuint fb, rb[2];
	glGenFramebuffersOES(1, &fb);
	glBindFramebufferOES(GL_FRAMEBUFFER_OES, fb);
	glGenRenderbuffersOES(2, rb);
	glBindRenderbufferOES(GL_RENDERBUFFER_OES, rb[0]);
	glRenderbufferStorageOES(GL_RENDERBUFFER_OES, GL_RGBA8_OES, SIZE, SIZE);
	glFramebufferRenderbufferOES(GL_FRAMEBUFFER_OES, GL_COLOR_ATTACHMENT0_OES,
	                             GL_RENDERBUFFER_OES, rb[0]);
	glBindRenderbufferOES(GL_RENDERBUFFER_OES, rb[1]);
	glRenderbufferStorageOES(GL_RENDERBUFFER_OES, GL_DEPTH24_STENCIL8_OES, SIZE, SIZE);
	glFramebufferRenderbufferOES(GL_FRAMEBUFFER_OES, GL_DEPTH_ATTACHMENT_OES,
	                             GL_RENDERBUFFER_OES, rb[1]);
	glFramebufferRenderbufferOES(GL_FRAMEBUFFER_OES, GL_STENCIL_ATTACHMENT_OES,
	                             GL_RENDERBUFFER_OES, rb[1]);
	glViewport(0, 0, SIZE, SIZE);
	return glCheckFramebufferStatusOES(GL_FRAMEBUFFER_OES) == GL_FRAMEBUFFER_COMPLETE_OES;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return printf("FAIL setup: no Wayland display\n"), 1;
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	EGLint n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_ES_BIT, EGL_NONE};
	const EGLint version[] = {EGL_CONTEXT_CLIENT_VERSION, 1, EGL_NONE};
	if (!eglInitialize(dpy, NULL, NULL) || !eglBindAPI(EGL_OPENGL_ES_API) ||
	    !eglChooseConfig(dpy, want, &config, 1, &n) || n < 1)
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), 1;
	EGLContext ctx = eglCreateContext(dpy, config, EGL_NO_CONTEXT, version);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		return printf("SKIP setup: no OpenGL ES 1.1 context (0x%x)\n", eglGetError()), 77;
	gc_extensions((const char *)glGetString(GL_EXTENSIONS), NULL);
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	if (!framebuffer())
		return printf("FAIL setup: no complete 16x16 framebuffer object\n"), 1;
	for (size_t i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		if (!gc_has(checks[i].ext)) {
			printf("SKIP %s: %s is not offered\n", checks[i].name, checks[i].ext);
			continue;
		}
		reset();
		if (checks[i].run())
			printf("PASS %s\n", checks[i].name);
	}
	eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(dpy, ctx);
	eglTerminate(dpy);
	wl_display_disconnect(wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
