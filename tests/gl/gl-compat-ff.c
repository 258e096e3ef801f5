/*
 * gl-compat-ff: a desktop OpenGL compatibility-profile app (eglBindAPI(EGL_OPENGL_API),
 * libOpenGL; no window: a surfaceless context on the Wayland display, drawing into an 8x8
 * framebuffer object) that uses immediate mode and the fixed-function state, each checked
 * with pixels or values read back:
 *
 *   lighting        a quad lit by GL_LIGHT0 (glLightfv/glLighti, glMaterialfv, glNormal*),
 *                   desktop pnames of glLightModeli/glMaterialfv read back
 *   fog             linear fog from glFogCoordf (GL_FOG_COORD_SRC), glFogi/glFogfv
 *   color-material  glColorMaterial: glColor3ub sets the diffuse material
 *   texgen          glTexGen* picks a texel, modulated by glTexEnvi; planes read back
 *   matrices        glOrtho, glFrustum, glRotated, glTranslated, glScaled, glLoadMatrixd,
 *                   glMultMatrixd and the transposed loads, read back with glGetDoublev
 *   rect            glRecti, glRectfv, glRectdv, glRects fill the four quarters
 *   raster-pos      glRasterPos*, glWindowPos* read back (GL_CURRENT_RASTER_POSITION)
 *   clip-plane      glClipPlane cuts a quad in half; glGetClipPlane reads it back
 *   immediate-strip a 10000-vertex triangle strip in glBegin/glEnd
 *   current-values  glIndex*, glEdgeFlag*, glSecondaryColor*, glFogCoord*,
 *                   glMultiTexCoord*, glNormal*, glColor*, the packed forms, glClearIndex,
 *                   glIndexMask read back
 *   texture-residence  glPrioritizeTextures, glAreTexturesResident
 *
 * and prints how long 100000 glVertex3f between glBegin/glEnd took ("info: immediate ...").
 * Prints "PASS <check>", "FAIL <check>: why" or "SKIP <check>: why" per check, "info: ..."
 * lines, then "done". Exit status 0 when nothing failed, 77 without a compatibility context.
 */
#define _POSIX_C_SOURCE 200809L
#define GL_GLEXT_PROTOTYPES 1
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <wayland-client.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

#define SIZE 8

/* Each channel within 3 of `want`'s (rasterisers round differently). */
static bool near(unsigned got, unsigned want)
{
	for (int s = 0; s < 24; s += 8) {
		int d = (int)(got >> s & 0xff) - (int)(want >> s & 0xff);
		if (d < -3 || d > 3)
			return false;
	}
	return true;
}

static bool pixel_is(const char *check, int x, int y, unsigned want, const char *what)
{
	unsigned got = gc_pixel(x, y);
	return near(got, want) ||
	       gc_fail(check, "%s: pixel (%d,%d) %06x, expected %06x", what, x, y, got, want);
}

static bool floats_are(const char *check, const float *got, const float *want, int n,
                       const char *what)
{
	for (int i = 0; i < n; i++)
		if (fabsf(got[i] - want[i]) > 1e-4f)
			return gc_fail(check, "%s[%d] %g, expected %g", what, i, got[i], want[i]);
	return true;
}

static bool doubles_are(const char *check, const double *got, const double *want, int n,
                        const char *what)
{
	for (int i = 0; i < n; i++)
		if (fabs(got[i] - want[i]) > 1e-6)
			return gc_fail(check, "%s[%d] %g, expected %g", what, i, got[i], want[i]);
	return true;
}

/* Back to a plain state: identity matrices, nothing enabled, white. */
static void reset(void)
{
	glDisable(GL_LIGHTING);
	glDisable(GL_LIGHT0);
	glDisable(GL_FOG);
	glDisable(GL_COLOR_MATERIAL);
	glDisable(GL_TEXTURE_2D);
	glDisable(GL_TEXTURE_GEN_S);
	glDisable(GL_TEXTURE_GEN_T);
	glDisable(GL_CLIP_PLANE0);
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glColor4f(1, 1, 1, 1);
	glClearColor(0, 0, 0, 1);
	glClear(GL_COLOR_BUFFER_BIT);
}

/* A quad over the whole target, facing the viewer. */
static void quad(void)
{
	glBegin(GL_QUADS);
	glVertex2f(-1, -1);
	glVertex2i(1, -1);
	glVertex3d(1, 1, 0);
	glVertex2s(-1, 1);
	glEnd();
}

static bool lighting(void)
{
	const char *c = "lighting";
	static const float black[4] = {0, 0, 0, 1}, dir[4] = {0, 0, 1, 0};
	static const float light[4] = {1, 0.5f, 0, 1}, mat[4] = {1, 1, 0, 1};
	static const float indexes[3] = {1, 2, 3};
	reset();
	glEnable(GL_LIGHTING);
	glEnable(GL_LIGHT0);
	glLightModelfv(GL_LIGHT_MODEL_AMBIENT, black);
	glLightModeli(GL_LIGHT_MODEL_LOCAL_VIEWER, GL_FALSE);
	glLightModeli(GL_LIGHT_MODEL_COLOR_CONTROL, GL_SEPARATE_SPECULAR_COLOR);
	glLightfv(GL_LIGHT0, GL_POSITION, dir);
	glLightfv(GL_LIGHT0, GL_DIFFUSE, light);
	glLightfv(GL_LIGHT0, GL_SPECULAR, black);
	glLighti(GL_LIGHT0, GL_SPOT_CUTOFF, 180);
	glMaterialfv(GL_FRONT_AND_BACK, GL_DIFFUSE, mat);
	glMaterialfv(GL_FRONT_AND_BACK, GL_AMBIENT, black);
	glMateriali(GL_FRONT_AND_BACK, GL_SHININESS, 10);
	glMaterialfv(GL_FRONT, GL_COLOR_INDEXES, indexes);
	glNormal3bv((const GLbyte[]){0, 0, 127});
	quad();
	bool ok = gc_no_error(c, "a lit quad") && pixel_is(c, 4, 4, 0xff8000, "lit");
	GLint v[4] = {0}, cc = 0, shin = 0;
	glGetLightiv(GL_LIGHT0, GL_SPOT_CUTOFF, v);
	if (v[0] != 180)
		ok = gc_fail(c, "GL_SPOT_CUTOFF %d", v[0]);
	glGetIntegerv(GL_LIGHT_MODEL_COLOR_CONTROL, &cc);
	if (cc != GL_SEPARATE_SPECULAR_COLOR)
		ok = gc_fail(c, "GL_LIGHT_MODEL_COLOR_CONTROL 0x%x", cc);
	glGetMaterialiv(GL_FRONT, GL_SHININESS, &shin);
	if (shin != 10)
		ok = gc_fail(c, "GL_SHININESS %d", shin);
	float got[3] = {0};
	glGetMaterialfv(GL_FRONT, GL_COLOR_INDEXES, got);
	ok = floats_are(c, got, indexes, 3, "GL_COLOR_INDEXES") && ok;
	GLint iv[4] = {0};
	glLightiv(GL_LIGHT0, GL_AMBIENT, (const GLint[]){0, 0, 0, 0x7fffffff});
	glGetLightiv(GL_LIGHT0, GL_AMBIENT, iv);
	if (iv[0] != 0 || iv[3] != 0x7fffffff)
		ok = gc_fail(c, "glLightiv's GL_AMBIENT read back %d %d", iv[0], iv[3]);
	glLightModeliv(GL_LIGHT_MODEL_TWO_SIDE, (const GLint[]){GL_FALSE});
	glMaterialiv(GL_FRONT, GL_SHININESS, (const GLint[]){20});
	glGetMaterialiv(GL_FRONT, GL_SHININESS, &shin);
	if (shin != 20)
		ok = gc_fail(c, "glMaterialiv's GL_SHININESS %d", shin);
	return gc_no_error(c, "the light queries") && ok;
}

static bool fog(void)
{
	const char *c = "fog";
	static const float blue[4] = {0, 0, 1, 1};
	reset();
	glEnable(GL_FOG);
	glFogi(GL_FOG_MODE, GL_LINEAR);
	glFogf(GL_FOG_START, 0);
	glFogiv(GL_FOG_END, (const GLint[]){2});
	glFogfv(GL_FOG_COLOR, blue);
	glFogi(GL_FOG_COORD_SRC, GL_FOG_COORD);
	glColor3f(1, 0, 0);
	glFogCoordf(1);
	quad();
	bool ok = gc_no_error(c, "a fogged quad") && pixel_is(c, 4, 4, 0x800080, "half fog");
	glFogCoorddv((const GLdouble[]){2});
	quad();
	ok = pixel_is(c, 4, 4, 0x0000ff, "all fog") && ok;
	GLint src = 0;
	glGetIntegerv(GL_FOG_COORD_SRC, &src);
	if (src != GL_FOG_COORD)
		ok = gc_fail(c, "GL_FOG_COORD_SRC 0x%x", src);
	glFogfv(GL_FOG_COORD_SRC, (const GLfloat[]){(GLfloat)GL_FRAGMENT_DEPTH});
	glGetIntegerv(GL_FOG_COORD_SRC, &src);
	if (src != GL_FRAGMENT_DEPTH)
		ok = gc_fail(c, "glFogfv's GL_FOG_COORD_SRC 0x%x", src);
	return gc_no_error(c, "the fog state") && ok;
}

static bool color_material(void)
{
	const char *c = "color-material";
	static const float white[4] = {1, 1, 1, 1}, black[4] = {0, 0, 0, 1};
	reset();
	glEnable(GL_LIGHTING);
	glEnable(GL_LIGHT0);
	glLightModelfv(GL_LIGHT_MODEL_AMBIENT, black);
	glLightfv(GL_LIGHT0, GL_DIFFUSE, white);
	glLightfv(GL_LIGHT0, GL_POSITION, (const float[]){0, 0, 1, 0});
	glMaterialfv(GL_FRONT_AND_BACK, GL_AMBIENT, black);
	glColorMaterial(GL_FRONT_AND_BACK, GL_DIFFUSE);
	glEnable(GL_COLOR_MATERIAL);
	glNormal3d(0, 0, 1);
	glColor3ub(0, 255, 0);
	quad();
	bool ok = gc_no_error(c, "a quad") && pixel_is(c, 4, 4, 0x00ff00, "green material");
	GLint face = 0, param = 0;
	glGetIntegerv(GL_COLOR_MATERIAL_FACE, &face);
	glGetIntegerv(GL_COLOR_MATERIAL_PARAMETER, &param);
	if (face != GL_FRONT_AND_BACK || param != GL_DIFFUSE)
		ok = gc_fail(c, "face 0x%x parameter 0x%x", face, param);
	return ok;
}

static bool texgen(void)
{
	const char *c = "texgen";
	/* Two texels: red at s < 0.5, green above. */
	static const unsigned char texels[] = {255, 0, 0, 255, 0, 255, 0, 255};
	reset();
	GLuint t;
	glGenTextures(1, &t);
	glBindTexture(GL_TEXTURE_2D, t);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 2, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glEnable(GL_TEXTURE_2D);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glTexGeni(GL_S, GL_TEXTURE_GEN_MODE, GL_OBJECT_LINEAR);
	glTexGenf(GL_T, GL_TEXTURE_GEN_MODE, GL_OBJECT_LINEAR);
	glTexGenfv(GL_S, GL_OBJECT_PLANE, (const float[]){0, 0, 0, 0.75f});
	glTexGendv(GL_T, GL_OBJECT_PLANE, (const double[]){0, 0, 0, 0.5});
	glEnable(GL_TEXTURE_GEN_S);
	glEnable(GL_TEXTURE_GEN_T);
	glColor3f(1, 1, 0);
	quad();
	bool ok = gc_no_error(c, "a generated s") && pixel_is(c, 4, 4, 0x00ff00, "s 0.75");
	glTexGeniv(GL_S, GL_OBJECT_PLANE, (const GLint[]){0, 0, 0, 0});
	quad();
	ok = pixel_is(c, 4, 4, 0xff0000, "s 0") && ok;
	float plane[4] = {0};
	double dplane[4] = {0};
	GLint mode = 0;
	glTexGenfv(GL_S, GL_EYE_PLANE, (const float[]){1, 2, 3, 4});
	glGetTexGenfv(GL_S, GL_EYE_PLANE, plane);
	ok = floats_are(c, plane, (const float[]){1, 2, 3, 4}, 4, "GL_EYE_PLANE") && ok;
	glGetTexGendv(GL_T, GL_OBJECT_PLANE, dplane);
	ok = doubles_are(c, dplane, (const double[]){0, 0, 0, 0.5}, 4, "GL_OBJECT_PLANE") && ok;
	glTexGend(GL_S, GL_TEXTURE_GEN_MODE, GL_EYE_LINEAR);
	glGetTexGeniv(GL_S, GL_TEXTURE_GEN_MODE, &mode);
	if (mode != GL_EYE_LINEAR)
		ok = gc_fail(c, "GL_TEXTURE_GEN_MODE 0x%x", mode);
	if (!glIsEnabled(GL_TEXTURE_GEN_S))
		ok = gc_fail(c, "GL_TEXTURE_GEN_S is not enabled");
	float env[4] = {0};
	glTexEnvfv(GL_TEXTURE_ENV, GL_TEXTURE_ENV_COLOR, (const float[]){0.25f, 0.5f, 0.75f, 1});
	glGetTexEnvfv(GL_TEXTURE_ENV, GL_TEXTURE_ENV_COLOR, env);
	ok = floats_are(c, env, (const float[]){0.25f, 0.5f, 0.75f, 1}, 4,
	                "GL_TEXTURE_ENV_COLOR") &&
	     ok;
	glDeleteTextures(1, &t);
	return gc_no_error(c, "the texgen state") && ok;
}

static bool matrices(void)
{
	const char *c = "matrices";
	reset();
	double m[16], t[16];
	glMatrixMode(GL_PROJECTION);
	glOrtho(0, 8, 0, 8, -1, 1);
	glGetDoublev(GL_PROJECTION_MATRIX, m);
	bool ok = doubles_are(
	        c, m, (const double[]){0.25, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, -1, 0, -1, -1, 0, 1}, 16,
	        "glOrtho");
	glLoadIdentity();
	glFrustum(-1, 1, -1, 1, 1, 3);
	glGetDoublev(GL_PROJECTION_MATRIX, m);
	ok = doubles_are(c, m, (const double[]){1, 0, 0, 0, 0, 1, 0, 0, 0, 0, -2, -1, 0, 0, -3, 0},
	                 16, "glFrustum") &&
	     ok;
	glLoadIdentity();
	glMatrixMode(GL_MODELVIEW);
	glTranslated(1, 2, 3);
	glRotated(90, 0, 0, 1);
	glScaled(2, 2, 2);
	glGetDoublev(GL_MODELVIEW_MATRIX, m);
	ok = doubles_are(c, m, (const double[]){0, 2, 0, 0, -2, 0, 0, 0, 0, 0, 2, 0, 1, 2, 3, 1},
	                 16, "translate, rotate, scale") &&
	     ok;
	static const double a[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 5, 6, 7, 1};
	glLoadMatrixd(a);
	glMultMatrixd(a);
	glGetDoublev(GL_MODELVIEW_MATRIX, m);
	ok = doubles_are(c, m, (const double[]){1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 10, 12, 14, 1},
	                 16, "glLoadMatrixd, glMultMatrixd") &&
	     ok;
	/* The transposed loads: `a` given row-major is a's transpose. */
	glLoadTransposeMatrixd(a);
	glGetDoublev(GL_TRANSPOSE_MODELVIEW_MATRIX, t);
	ok = doubles_are(c, t, a, 16, "glLoadTransposeMatrixd") && ok;
	static const float rowf[16] = {1, 0, 0, 3, 0, 1, 0, 4, 0, 0, 1, 5, 0, 0, 0, 1};
	glLoadTransposeMatrixf(rowf);
	glMultTransposeMatrixf(rowf);
	glMultTransposeMatrixd((const double[]){1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1});
	glGetDoublev(GL_MODELVIEW_MATRIX, m);
	ok = doubles_are(c, m + 12, (const double[]){7, 9, 11, 1}, 4, "the transposed products") &&
	     ok;
	/* And drawn: glOrtho over the pixels, a unit rectangle at (6, 6). */
	glLoadIdentity();
	glMatrixMode(GL_PROJECTION);
	glOrtho(0, 8, 0, 8, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glTranslated(6, 6, 0);
	glColor3f(0, 0, 1);
	glRecti(0, 0, 1, 1);
	ok = pixel_is(c, 6, 6, 0x0000ff, "the translated rectangle") &&
	     pixel_is(c, 5, 5, 0x000000, "beside it") && ok;
	return gc_no_error(c, "the matrices") && ok;
}

static bool rect(void)
{
	const char *c = "rect";
	reset();
	glColor3f(1, 0, 0);
	glRecti(-1, -1, 0, 0);
	glColor3f(0, 1, 0);
	glRectfv((const float[]){0, -1}, (const float[]){1, 0});
	glColor3f(0, 0, 1);
	glRectdv((const double[]){-1, 0}, (const double[]){0, 1});
	glColor3f(1, 1, 1);
	glRects(0, 0, 1, 1);
	glColor3f(1, 1, 0);
	glRectsv((const GLshort[]){0, 0}, (const GLshort[]){0, 0}); /* empty */
	glRectiv((const GLint[]){2, 2}, (const GLint[]){2, 2});     /* empty, off target */
	glRectd(0, 0, 0, 0);
	glRectf(0, 0, 0, 0);
	return gc_no_error(c, "the rectangles") & pixel_is(c, 1, 1, 0xff0000, "bottom left") &
	       pixel_is(c, 6, 1, 0x00ff00, "bottom right") &
	       pixel_is(c, 1, 6, 0x0000ff, "top left") & pixel_is(c, 6, 6, 0xffffff, "top right");
}

static bool raster_pos_is(const char *c, const float *want, const char *what)
{
	float p[4] = {0};
	glGetFloatv(GL_CURRENT_RASTER_POSITION, p);
	return floats_are(c, p, want, 4, what);
}

static bool raster_pos(void)
{
	const char *c = "raster-pos";
	reset();
	glMatrixMode(GL_PROJECTION);
	glOrtho(0, 8, 0, 8, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glRasterPos2i(3, 4);
	bool ok = raster_pos_is(c, (const float[]){3, 4, 0.5f, 1}, "glRasterPos2i");
	glRasterPos3fv((const float[]){1, 2, 0});
	ok = raster_pos_is(c, (const float[]){1, 2, 0.5f, 1}, "glRasterPos3fv") && ok;
	glRasterPos4dv((const double[]){2, 2, 0, 2});
	/* w stays the clip coordinate's. */
	ok = raster_pos_is(c, (const float[]){1, 1, 0.5f, 2}, "glRasterPos4dv") && ok;
	glRasterPos2sv((const GLshort[]){5, 6});
	ok = raster_pos_is(c, (const float[]){5, 6, 0.5f, 1}, "glRasterPos2sv") && ok;
	glWindowPos2i(3, 5);
	ok = raster_pos_is(c, (const float[]){3, 5, 0, 1}, "glWindowPos2i") && ok;
	glWindowPos3fv((const float[]){6, 7, 0.25f});
	ok = raster_pos_is(c, (const float[]){6, 7, 0.25f, 1}, "glWindowPos3fv") && ok;
	glWindowPos2dv((const double[]){1, 2});
	ok = raster_pos_is(c, (const float[]){1, 2, 0, 1}, "glWindowPos2dv") && ok;
	GLboolean valid = GL_FALSE;
	glGetBooleanv(GL_CURRENT_RASTER_POSITION_VALID, &valid);
	if (!valid)
		ok = gc_fail(c, "the raster position is not valid");
	glRasterPos2f(100, 100); /* outside the view volume */
	glGetBooleanv(GL_CURRENT_RASTER_POSITION_VALID, &valid);
	if (valid)
		ok = gc_fail(c, "a raster position outside the view volume is valid");
	return gc_no_error(c, "the raster positions") && ok;
}

static bool clip_plane(void)
{
	const char *c = "clip-plane";
	reset();
	static const double eq[4] = {1, 0, 0, 0}; /* keeps x >= 0 */
	glClipPlane(GL_CLIP_PLANE0, eq);
	glEnable(GL_CLIP_PLANE0);
	glColor3f(0, 1, 0);
	quad();
	bool ok = gc_no_error(c, "a clipped quad") && pixel_is(c, 6, 4, 0x00ff00, "kept") &&
	          pixel_is(c, 1, 4, 0x000000, "clipped");
	double got[4] = {0};
	glGetClipPlane(GL_CLIP_PLANE0, got);
	ok = doubles_are(c, got, eq, 4, "glGetClipPlane") && ok;
	glClipPlane(GL_CLIP_PLANE0 + 100, eq);
	return gc_error_is(c, GL_INVALID_ENUM, "a plane past the last") && ok;
}

static bool immediate_strip(void)
{
	const char *c = "immediate-strip";
	reset();
	/* 10000 vertices zigzagging over the target, two per column step. */
	glColor3f(1, 0, 1);
	glBegin(GL_TRIANGLE_STRIP);
	for (int i = 0; i < 5000; i++) {
		float x = -1 + 2.0f * (float)i / 4999;
		glVertex2f(x, -1);
		glVertex3f(x, 1, 0);
	}
	glEnd();
	return gc_no_error(c, "the strip") & pixel_is(c, 0, 0, 0xff00ff, "bottom left") &
	       pixel_is(c, 7, 7, 0xff00ff, "top right") & pixel_is(c, 4, 3, 0xff00ff, "middle");
}

/* How long 100000 glVertex3f take between glBegin/glEnd, glFinish included. */
static void immediate_timing(void)
{
	struct timespec a, b;
	reset();
	glFinish();
	clock_gettime(CLOCK_MONOTONIC, &a);
	glBegin(GL_POINTS);
	for (int i = 0; i < 100000; i++)
		glVertex3f((float)(i % 100) / 50 - 1, 0, 0);
	glEnd();
	glFinish();
	clock_gettime(CLOCK_MONOTONIC, &b);
	double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
	printf("info: immediate 100000 glVertex3f in glBegin/glEnd, glFinish: %.1f ms\n", ms);
}

static bool floats_of(const char *c, GLenum pname, const float *want, int n)
{
	float v[4] = {0};
	glGetFloatv(pname, v);
	char what[32];
	snprintf(what, sizeof(what), "pname 0x%x", pname);
	return floats_are(c, v, want, n, what);
}

static bool current_values(void)
{
	const char *c = "current-values";
	reset();
	bool ok = true;
	glIndexi(5);
	ok = floats_of(c, GL_CURRENT_INDEX, (const float[]){5}, 1) && ok;
	glIndexfv((const float[]){7});
	ok = floats_of(c, GL_CURRENT_INDEX, (const float[]){7}, 1) && ok;
	glIndexubv((const GLubyte[]){9});
	ok = floats_of(c, GL_CURRENT_INDEX, (const float[]){9}, 1) && ok;
	glIndexsv((const GLshort[]){11});
	glIndexd(11);
	ok = floats_of(c, GL_CURRENT_INDEX, (const float[]){11}, 1) && ok;
	GLboolean flag = GL_TRUE;
	glEdgeFlag(GL_FALSE);
	glGetBooleanv(GL_EDGE_FLAG, &flag);
	if (flag)
		ok = gc_fail(c, "GL_EDGE_FLAG is still true");
	glEdgeFlagv((const GLboolean[]){GL_TRUE});
	glGetBooleanv(GL_EDGE_FLAG, &flag);
	if (!flag)
		ok = gc_fail(c, "glEdgeFlagv left GL_EDGE_FLAG false");
	glSecondaryColor3f(0.5f, 0.25f, 1);
	ok = floats_of(c, GL_CURRENT_SECONDARY_COLOR, (const float[]){0.5f, 0.25f, 1, 1}, 4) && ok;
	glSecondaryColor3ubv((const GLubyte[]){255, 0, 255});
	ok = floats_of(c, GL_CURRENT_SECONDARY_COLOR, (const float[]){1, 0, 1, 1}, 4) && ok;
	glFogCoordd(3.5);
	ok = floats_of(c, GL_CURRENT_FOG_COORD, (const float[]){3.5f}, 1) && ok;
	glFogCoordfv((const float[]){4.5f});
	ok = floats_of(c, GL_CURRENT_FOG_COORD, (const float[]){4.5f}, 1) && ok;
	glNormal3sv((const GLshort[]){0, 32767, 0});
	ok = floats_of(c, GL_CURRENT_NORMAL, (const float[]){0, 1, 0}, 3) && ok;
	glNormal3fv((const float[]){0.5f, 0.25f, 2});
	ok = floats_of(c, GL_CURRENT_NORMAL, (const float[]){0.5f, 0.25f, 2}, 3) && ok;
	glColor4dv((const double[]){0.5, 0.25, 0.75, 1});
	ok = floats_of(c, GL_CURRENT_COLOR, (const float[]){0.5f, 0.25f, 0.75f, 1}, 4) && ok;
	glColor4ubv((const GLubyte[]){0, 255, 0, 255});
	ok = floats_of(c, GL_CURRENT_COLOR, (const float[]){0, 1, 0, 1}, 4) && ok;
	glColor3usv((const GLushort[]){65535, 0, 65535});
	ok = floats_of(c, GL_CURRENT_COLOR, (const float[]){1, 0, 1, 1}, 4) && ok;
	/* 2_10_10_10_REV: alpha 3 (1.0), blue 0, green 1023 (1.0), red 0. */
	glColorP4ui(GL_UNSIGNED_INT_2_10_10_10_REV, 3u << 30 | 1023u << 10);
	ok = floats_of(c, GL_CURRENT_COLOR, (const float[]){0, 1, 0, 1}, 4) && ok;
	glColorP3uiv(GL_UNSIGNED_INT_2_10_10_10_REV, (const GLuint[]){1023u});
	ok = floats_of(c, GL_CURRENT_COLOR, (const float[]){1, 0, 0, 1}, 4) && ok;
	glTexCoord2sv((const GLshort[]){3, 4});
	ok = floats_of(c, GL_CURRENT_TEXTURE_COORDS, (const float[]){3, 4, 0, 1}, 4) && ok;
	glTexCoordP2ui(GL_UNSIGNED_INT_2_10_10_10_REV, 5u | 6u << 10);
	ok = floats_of(c, GL_CURRENT_TEXTURE_COORDS, (const float[]){5, 6, 0, 1}, 4) && ok;
	glMultiTexCoord4f(GL_TEXTURE1, 1, 2, 3, 4);
	glMultiTexCoord3dv(GL_TEXTURE1, (const double[]){5, 6, 7});
	glActiveTexture(GL_TEXTURE1);
	ok = floats_of(c, GL_CURRENT_TEXTURE_COORDS, (const float[]){5, 6, 7, 1}, 4) && ok;
	glActiveTexture(GL_TEXTURE0);
	glClearIndex(3);
	ok = floats_of(c, GL_INDEX_CLEAR_VALUE, (const float[]){3}, 1) && ok;
	GLint mask = 0;
	glIndexMask(0x5);
	glGetIntegerv(GL_INDEX_WRITEMASK, &mask);
	if (mask != 0x5)
		ok = gc_fail(c, "GL_INDEX_WRITEMASK 0x%x", mask);
	return gc_no_error(c, "the current values") && ok;
}

static bool texture_residence(void)
{
	const char *c = "texture-residence";
	GLuint t[2];
	glGenTextures(2, t);
	glBindTexture(GL_TEXTURE_2D, t[0]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glBindTexture(GL_TEXTURE_2D, t[1]);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
	glBindTexture(GL_TEXTURE_2D, 0);
	glPrioritizeTextures(2, t, (const float[]){0.25f, 1});
	GLboolean res[2] = {GL_FALSE, GL_FALSE};
	GLboolean all = glAreTexturesResident(2, t, res);
	bool ok = gc_no_error(c, "priorities and residence");
	if (!all)
		ok = gc_fail(c, "the textures are not resident (%d %d)", res[0], res[1]);
	glDeleteTextures(2, t);
	return ok;
}

static void run_checks(void)
{
	gc_result("lighting", lighting());
	gc_result("fog", fog());
	gc_result("color-material", color_material());
	gc_result("texgen", texgen());
	gc_result("matrices", matrices());
	gc_result("rect", rect());
	gc_result("raster-pos", raster_pos());
	gc_result("clip-plane", clip_plane());
	gc_result("immediate-strip", immediate_strip());
	gc_result("current-values", current_values());
	gc_result("texture-residence", texture_residence());
	immediate_timing();
}

int main(void)
{
	struct gc_desktop d;
	int status;
	if (!gc_desktop_open(&d, EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT, 4, 5, &status))
		return status;
	gc_extensions(NULL, NULL);
	gc_desktop_framebuffer(SIZE);
	run_checks();
	return gc_desktop_close(&d);
}
