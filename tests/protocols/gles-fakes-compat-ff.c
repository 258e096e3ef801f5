/*
 * Recording fakes of gles-fakes.c for the compatibility profile's immediate mode and
 * fixed-function state (test-gles-codec.c, test_compat_ff).
 */
#include <string.h>

#include "gles-fakes.h"

static void record(const char *fn, const void *data, uint32_t len)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = fn;
	rec.data_len = len;
	if (len)
		memcpy(rec.data, data, len);
}

static void GL_APIENTRY fake_Vertex3f(GLfloat x, GLfloat y, GLfloat z)
{
	GLfloat v[3] = {x, y, z};
	record("glVertex3f", v, sizeof(v));
	rec.n++;
}

static void GL_APIENTRY fake_Color3dv(const GLdouble *v)
{
	record("glColor3dv", v, 24);
}

static void GL_APIENTRY fake_Normal3bv(const GLbyte *v)
{
	record("glNormal3bv", v, 3);
}

static void GL_APIENTRY fake_MultMatrixd(const GLdouble *m)
{
	record("glMultMatrixd", m, 128);
}

static void GL_APIENTRY fake_LightModelfv(GLenum pname, const GLfloat *params)
{
	record("glLightModelfv", params, 4);
	rec.e[0] = pname;
}

static void GL_APIENTRY fake_TexGenfv(GLenum coord, GLenum pname, const GLfloat *params)
{
	record("glTexGenfv", params, 16);
	rec.e[0] = coord, rec.e[1] = pname;
}

static void GL_APIENTRY fake_GetTexGendv(GLenum coord, GLenum pname, GLdouble *params)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glGetTexGendv";
	rec.e[0] = coord, rec.e[1] = pname;
	for (int i = 0; i < 4; i++)
		params[i] = 0.5 * i;
}

static GLboolean GL_APIENTRY fake_AreTexturesResident(GLsizei n, const GLuint *textures,
                                                      GLboolean *residences)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glAreTexturesResident";
	rec.n = n;
	for (GLsizei i = 0; i < n && i < 8; i++)
		rec.names[i] = textures[i], residences[i] = GL_FALSE;
	return GL_FALSE;
}

static void GL_APIENTRY fake_PrimitiveRestartNV(void)
{
	record("glPrimitiveRestartNV", NULL, 0);
}

static void GL_APIENTRY fake_PrimitiveRestartIndexNV(GLuint index)
{
	record("glPrimitiveRestartIndexNV", NULL, 0);
	rec.e[0] = index;
}

void install_compat_ff_fakes(void)
{
	gles_host.glPrimitiveRestartNV = fake_PrimitiveRestartNV;
	gles_host.glPrimitiveRestartIndexNV = fake_PrimitiveRestartIndexNV;
	gles_host.glVertex3f = fake_Vertex3f;
	gles_host.glColor3dv = fake_Color3dv;
	gles_host.glNormal3bv = fake_Normal3bv;
	gles_host.glMultMatrixd = fake_MultMatrixd;
	gles_host.glLightModelfv = fake_LightModelfv;
	gles_host.glTexGenfv = fake_TexGenfv;
	gles_host.glGetTexGendv = fake_GetTexGendv;
	gles_host.glAreTexturesResident = fake_AreTexturesResident;
}

CLIENT_SPECIAL(void, glPrioritizeTextures,
               (GLsizei n, const GLuint *textures, const GLfloat *priorities), )
CLIENT_SPECIAL(GLboolean, glAreTexturesResident,
               (GLsizei n, const GLuint *textures, GLboolean *residences), GL_FALSE)
