/*
 * The fakes of gles-fakes.c for desktop OpenGL's commands of versions 1.0
 * to 2.0 (batch gl-a): stubs of the library's specials, the 1D images'
 * guards as the 2D ones' fakes, and the texture readbacks' host specials.
 */
#include <string.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glGetDoublev, (GLenum pname, GLdouble *data), )
CLIENT_SPECIAL(void, glPixelStoref, (GLenum pname, GLfloat param), )
CLIENT_SPECIAL(void, glGetBufferSubData,
               (GLenum target, GLintptr offset, GLsizeiptr size, void *data), )
CLIENT_SPECIAL(void *, glMapBuffer, (GLenum target, GLenum access), NULL)
CLIENT_SPECIAL(void, glMultiDrawArrays,
               (GLenum mode, const GLint *first, const GLsizei *count, GLsizei drawcount), )
CLIENT_SPECIAL(void, glMultiDrawElements,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei drawcount), )
CLIENT_SPECIAL(void, glGetTexImage,
               (GLenum target, GLint level, GLenum format, GLenum type, void *pixels), )
CLIENT_SPECIAL(void, glGetCompressedTexImage, (GLenum target, GLint level, void *img), )

HOST_SPECIAL(glGetTexImage)
HOST_SPECIAL(glGetCompressedTexImage)
HOST_SPECIAL(glMultiDrawArrays)
HOST_SPECIAL(glMultiDrawElements)

bool gl_exec_wrap_glGetVertexAttribdv(struct gl_exec *x, GLuint index, GLenum pname,
                                      GLdouble *params)
{
	gles_host.glGetVertexAttribdv(index, pname, params);
	return true;
}

enum gl_guard gl_exec_guard_glTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLint border,
                                         GLenum format, GLenum type, const void *pixels)
{
	return fake_guard(x);
}

enum gl_guard gl_exec_guard_glCopyTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                             GLenum internalformat, GLint px, GLint py,
                                             GLsizei width, GLint border)
{
	return fake_guard(x);
}

enum gl_guard gl_exec_guard_glCompressedTexImage1D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLint border, GLsizei imageSize,
                                                   const void *data)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexSubImage1D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLsizei width, GLenum format,
                                                      GLsizei imageSize, const void *data)
{
	return fake_guard(x);
}

/* ---- Recording host GL ---- */

double rec_d[4];

static void record_gl(const char *fn)
{
	memset(&rec, 0, sizeof(rec));
	memset(rec_d, 0, sizeof(rec_d));
	rec.fn = fn;
}

static void GL_APIENTRY fake_ClearDepth(GLdouble d)
{
	record_gl("glClearDepth");
	rec_d[0] = d;
}
static void GL_APIENTRY fake_DepthRange(GLdouble n, GLdouble f)
{
	record_gl("glDepthRange");
	rec_d[0] = n, rec_d[1] = f;
}
static void GL_APIENTRY fake_VertexAttrib4dv(GLuint index, const GLdouble *v)
{
	record_gl("glVertexAttrib4dv");
	rec.i[0] = (GLint)index;
	memcpy(rec_d, v, 32);
}
static void GL_APIENTRY fake_VertexAttrib2s(GLuint index, GLshort x, GLshort y)
{
	record_gl("glVertexAttrib2s");
	rec.i[0] = (GLint)index, rec.i[1] = x, rec.i[2] = y;
}
static void GL_APIENTRY fake_VertexAttrib4Nub(GLuint index, GLubyte x, GLubyte y, GLubyte z,
                                              GLubyte w)
{
	record_gl("glVertexAttrib4Nub");
	rec.i[0] = x, rec.i[1] = y, rec.i[2] = z, rec.i[3] = w;
}
static void GL_APIENTRY fake_VertexAttrib4sv(GLuint index, const GLshort *v)
{
	record_gl("glVertexAttrib4sv");
	rec.data_len = 8;
	memcpy(rec.data, v, 8);
}
static void GL_APIENTRY fake_GetVertexAttribdv(GLuint index, GLenum pname, GLdouble *params)
{
	record_gl("glGetVertexAttribdv");
	for (int i = 0; i < 4; i++)
		params[i] = 0.5 + i;
}
static void GL_APIENTRY fake_GetQueryObjectiv(GLuint id, GLenum pname, GLint *params)
{
	record_gl("glGetQueryObjectiv");
	rec.names[0] = id;
	params[0] = -5;
}
static void GL_APIENTRY fake_TexImage1D(GLenum target, GLint level, GLint internalformat,
                                        GLsizei width, GLint border, GLenum format, GLenum type,
                                        const void *pixels)
{
	record_gl("glTexImage1D");
	rec.i[0] = width;
	rec.e[0] = format, rec.e[1] = type;
	rec.null_ptr = pixels == NULL;
	rec.data_len = width > 0 && width <= 64 ? (uint32_t)width * 4 : 0;
	if (pixels)
		memcpy(rec.data, pixels, rec.data_len);
}
static void GL_APIENTRY fake_PointParameteriv(GLenum pname, const GLint *params)
{
	record_gl("glPointParameteriv");
	rec.e[0] = pname;
	rec.i[0] = params[0];
}

static void GL_APIENTRY fake_GenQueries(GLsizei n, GLuint *ids)
{
	record_gl("glGenQueries");
	rec.n = n;
	for (GLsizei i = 0; i < n; i++)
		ids[i] = next_host_name++;
}

void install_gl_core_fakes(void)
{
	gles_host.glGenQueries = fake_GenQueries;
	gles_host.glClearDepth = fake_ClearDepth;
	gles_host.glDepthRange = fake_DepthRange;
	gles_host.glVertexAttrib4dv = fake_VertexAttrib4dv;
	gles_host.glVertexAttrib2s = fake_VertexAttrib2s;
	gles_host.glVertexAttrib4Nub = fake_VertexAttrib4Nub;
	gles_host.glVertexAttrib4sv = fake_VertexAttrib4sv;
	gles_host.glGetVertexAttribdv = fake_GetVertexAttribdv;
	gles_host.glGetQueryObjectiv = fake_GetQueryObjectiv;
	gles_host.glTexImage1D = fake_TexImage1D;
	gles_host.glPointParameteriv = fake_PointParameteriv;
}
