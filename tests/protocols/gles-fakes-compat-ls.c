/*
 * The fakes of gles-fakes.c for the compatibility profile's attribute stack and
 * evaluators (helper LS's block of gl-compat-annotations.txt): stubs of the hand-written
 * sides, and a recording glMap2f for test-gles-codec.c (test_compat_ls).
 */
#include <string.h>

#include <gpupipe/gl-sizes.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glGetMapdv, (GLenum target, GLenum query, GLdouble *v), )
CLIENT_SPECIAL(void, glGetMapfv, (GLenum target, GLenum query, GLfloat *v), )
CLIENT_SPECIAL(void, glGetMapiv, (GLenum target, GLenum query, GLint *v), )
CLIENT_SPECIAL(void, glGetnMapdv, (GLenum target, GLenum query, GLsizei bufSize, GLdouble *v), )
CLIENT_SPECIAL(void, glGetnMapfv, (GLenum target, GLenum query, GLsizei bufSize, GLfloat *v), )
CLIENT_SPECIAL(void, glGetnMapiv, (GLenum target, GLenum query, GLsizei bufSize, GLint *v), )
CLIENT_SPECIAL(void, glFeedbackBuffer, (GLsizei size, GLenum type, GLfloat *buffer), )
CLIENT_SPECIAL(void, glSelectBuffer, (GLsizei size, GLuint *buffer), )
CLIENT_SPECIAL(GLint, glRenderMode, (GLenum mode), 0)
HOST_SPECIAL(glFeedbackBuffer)
HOST_SPECIAL(glSelectBuffer)
HOST_SPECIAL(glRenderMode)
HOST_SPECIAL(glGetMapdv)
HOST_SPECIAL(glGetMapfv)
HOST_SPECIAL(glGetMapiv)

int pop_attrib_calls;

void gl_enc_hook_glPopAttrib(struct gl_enc *e)
{
	hook_calls++;
}

bool gl_exec_wrap_glPopAttrib(struct gl_exec *x)
{
	pop_attrib_calls++;
	return true;
}

/* The host's wrap keeps references to the textures a push saves (attrib-stack.c): the
 * codec only carries the mask. */
bool gl_exec_wrap_glPushAttrib(struct gl_exec *x, GLbitfield mask)
{
	gles_host.glPushAttrib(mask);
	return true;
}

HOST_SPECIAL(glGenLists)

void gl_enc_hook_glNewList(struct gl_enc *e, GLuint list, GLenum mode)
{
	hook_calls++;
}

void gl_enc_hook_glEndList(struct gl_enc *e)
{
	hook_calls++;
}

void gl_enc_hook_glCallList(struct gl_enc *e, GLuint list)
{
	hook_calls++;
}

void gl_enc_hook_glCallLists(struct gl_enc *e, GLsizei n, GLenum type, const void *lists)
{
	hook_calls++;
}

void gl_enc_hook_glDeleteLists(struct gl_enc *e, GLuint list, GLsizei range)
{
	hook_calls++;
}

bool gl_exec_wrap_glNewList(struct gl_exec *x, GLuint list, GLenum mode)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glNewList";
	rec.i[0] = (GLint)list;
	rec.e[0] = mode;
	return true;
}

bool gl_exec_wrap_glEndList(struct gl_exec *x)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glEndList";
	return true;
}

bool gl_exec_wrap_glCallList(struct gl_exec *x, GLuint list)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glCallList";
	rec.i[0] = (GLint)list;
	return true;
}

/* Records the names as the driver would read them: n of the type's size. */
bool gl_exec_wrap_glCallLists(struct gl_exec *x, GLsizei n, GLenum type, const void *lists)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glCallLists";
	rec.i[0] = n;
	rec.e[0] = type;
	int64_t bytes = gl_call_lists_bytes(n, type);
	rec.data_len = bytes > 0 ? (uint32_t)bytes : 0;
	memcpy(rec.data, lists, rec.data_len);
	return true;
}

bool gl_exec_wrap_glDeleteLists(struct gl_exec *x, GLuint list, GLsizei range)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glDeleteLists";
	rec.i[0] = (GLint)list;
	rec.i[1] = range;
	return true;
}

static void GL_APIENTRY fake_Map2f(GLenum target, GLfloat u1, GLfloat u2, GLint ustride,
                                   GLint uorder, GLfloat v1, GLfloat v2, GLint vstride,
                                   GLint vorder, const GLfloat *points)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glMap2f";
	rec.e[0] = target;
	rec.i[0] = ustride, rec.i[1] = uorder, rec.i[2] = vstride, rec.i[3] = vorder;
	rec.f[0] = u1, rec.f[1] = u2, rec.f[2] = v1, rec.f[3] = v2;
	/* What GL reads: the last point's components after (order - 1) strides. */
	uint32_t n = (uint32_t)((uorder - 1) * ustride + (vorder - 1) * vstride + 3);
	rec.data_len = n * 4;
	memcpy(rec.data, points, rec.data_len);
}

void install_compat_ls_fakes(void)
{
	gles_host.glMap2f = fake_Map2f;
}

/* Compressed uploads: the library's check of a list being made
 * (proxy/gl/gl-lists-compressed.c) stands in front of the wire encoders. */
void GL_APIENTRY gl_enc_special_glCompressedTexImage1D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLint border, GLsizei imageSize,
                                                       const void *data)
{
	gl_enc_glCompressedTexImage1D(target, level, internalformat, width, border, imageSize,
	                              data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexImage2D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLsizei height, GLint border,
                                                       GLsizei imageSize, const void *data)
{
	gl_enc_glCompressedTexImage2D(target, level, internalformat, width, height, border,
	                              imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexImage3D(GLenum target, GLint level,
                                                       GLenum internalformat, GLsizei width,
                                                       GLsizei height, GLsizei depth, GLint border,
                                                       GLsizei imageSize, const void *data)
{
	gl_enc_glCompressedTexImage3D(target, level, internalformat, width, height, depth, border,
	                              imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage1D(GLenum target, GLint level, GLint xoffset,
                                                          GLsizei width, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	gl_enc_glCompressedTexSubImage1D(target, level, xoffset, width, format, imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage2D(GLenum target, GLint level, GLint xoffset,
                                                          GLint yoffset, GLsizei width,
                                                          GLsizei height, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	gl_enc_glCompressedTexSubImage2D(target, level, xoffset, yoffset, width, height, format,
	                                 imageSize, data);
}

void GL_APIENTRY gl_enc_special_glCompressedTexSubImage3D(GLenum target, GLint level, GLint xoffset,
                                                          GLint yoffset, GLint zoffset,
                                                          GLsizei width, GLsizei height,
                                                          GLsizei depth, GLenum format,
                                                          GLsizei imageSize, const void *data)
{
	gl_enc_glCompressedTexSubImage3D(target, level, xoffset, yoffset, zoffset, width, height,
	                                 depth, format, imageSize, data);
}
