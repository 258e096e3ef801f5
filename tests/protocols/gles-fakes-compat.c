/*
 * The fakes of gles-fakes.c for the compatibility profile's client arrays and pixel
 * rectangles: the library's pointer specials are stubs, the host's pointer hooks refuse the
 * offset 13 (as the executor refuses a pointer with no buffer bound), and the recording
 * host functions keep the first bytes of the pixels they get.
 */
#include <string.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glEdgeFlagPointer, (GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glIndexPointer, (GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glFogCoordPointer, (GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glSecondaryColorPointer,
               (GLint size, GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glArrayElement, (GLint i), )
CLIENT_SPECIAL(void, glInterleavedArrays, (GLenum format, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glPushClientAttrib, (GLbitfield mask), )
CLIENT_SPECIAL(void, glPopClientAttrib, (void), )
CLIENT_SPECIAL(void, glGetnColorTable,
               (GLenum target, GLenum format, GLenum type, GLsizei bufSize, void *table), )
CLIENT_SPECIAL(void, glGetnConvolutionFilter,
               (GLenum target, GLenum format, GLenum type, GLsizei bufSize, void *image), )
CLIENT_SPECIAL(void, glGetnSeparableFilter,
               (GLenum target, GLenum format, GLenum type, GLsizei rowBufSize, void *row,
                GLsizei columnBufSize, void *column, void *span), )
CLIENT_SPECIAL(void, glGetnHistogram,
               (GLenum target, GLboolean reset, GLenum format, GLenum type, GLsizei bufSize,
                void *values), )
CLIENT_SPECIAL(void, glGetnMinmax,
               (GLenum target, GLboolean reset, GLenum format, GLenum type, GLsizei bufSize,
                void *values), )
CLIENT_SPECIAL(void, glGetPolygonStipple, (GLubyte * mask), )
CLIENT_SPECIAL(void, glGetnPolygonStipple, (GLsizei bufSize, GLubyte *pattern), )
CLIENT_SPECIAL(void, glGetPixelMapfv, (GLenum map, GLfloat *values), )
CLIENT_SPECIAL(void, glGetPixelMapuiv, (GLenum map, GLuint *values), )
CLIENT_SPECIAL(void, glGetPixelMapusv, (GLenum map, GLushort *values), )
CLIENT_SPECIAL(void, glGetnPixelMapfv, (GLenum map, GLsizei bufSize, GLfloat *values), )
CLIENT_SPECIAL(void, glGetnPixelMapuiv, (GLenum map, GLsizei bufSize, GLuint *values), )
CLIENT_SPECIAL(void, glGetnPixelMapusv, (GLenum map, GLsizei bufSize, GLushort *values), )
HOST_SPECIAL(glGetPolygonStipple)
HOST_SPECIAL(glGetnPolygonStipple)
HOST_SPECIAL(glGetPixelMapfv)
HOST_SPECIAL(glGetPixelMapuiv)
HOST_SPECIAL(glGetPixelMapusv)
HOST_SPECIAL(glGetnPixelMapfv)
HOST_SPECIAL(glGetnPixelMapuiv)
HOST_SPECIAL(glGetnPixelMapusv)

/* glArrayElement's element, as the executor reads it; the library's glBegin/glEnd
 * bookkeeping and the host's are array-element.c's (the real ones: hostile cases). */
bool gl_exec_special_glArrayElement(struct gl_exec *x, struct gl_reader *r)
{
	GLint i = (GLint)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glArrayElement"))
		return false;
	host_specials++;
	rec.fn = "glArrayElement";
	rec.i[0] = i;
	return true;
}

/* NV_primitive_restart's index, which the library follows (gl-restart-nv.c). */
void gl_enc_hook_glPrimitiveRestartIndexNV(struct gl_enc *e, GLuint index)
{
	hook_calls++;
}

void gl_enc_hook_glPrimitiveRestartIndex(struct gl_enc *e, GLuint index)
{
	hook_calls++;
}

void gl_enc_hook_glBegin(struct gl_enc *e, GLenum mode)
{
}

void gl_enc_hook_glEnd(struct gl_enc *e)
{
}

bool gl_exec_hook_glBegin(struct gl_exec *x, GLenum mode)
{
	return true;
}

bool gl_exec_hook_glEnd(struct gl_exec *x)
{
	return true;
}

#define POINTER_HOOK(name, args, ptr)                                                              \
	bool gl_exec_hook_##name args                                                              \
	{                                                                                          \
		if ((uintptr_t)(ptr) == 13)                                                        \
			return gl_exec_fail(x, #name ": refused by the hook");                     \
		return true;                                                                       \
	}
POINTER_HOOK(glEdgeFlagPointer, (struct gl_exec * x, GLsizei stride, const void *pointer), pointer)
POINTER_HOOK(glIndexPointer, (struct gl_exec * x, GLenum type, GLsizei stride, const void *pointer),
             pointer)
POINTER_HOOK(glFogCoordPointer,
             (struct gl_exec * x, GLenum type, GLsizei stride, const void *pointer), pointer)
POINTER_HOOK(glSecondaryColorPointer,
             (struct gl_exec * x, GLint size, GLenum type, GLsizei stride, const void *pointer),
             pointer)

/* The first bytes of the data a fake got (as many as rec.data holds of `len`). */
static void keep(const char *fn, const void *data, uint32_t len)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = fn;
	rec.null_ptr = data == NULL;
	rec.data_len = len < sizeof(rec.data) ? len : sizeof(rec.data);
	if (data)
		memcpy(rec.data, data, rec.data_len);
}

static void GL_APIENTRY fake_DrawPixels(GLsizei width, GLsizei height, GLenum format, GLenum type,
                                        const void *pixels)
{
	keep("glDrawPixels", pixels, 8);
	rec.i[0] = width, rec.i[1] = height;
	rec.e[0] = format, rec.e[1] = type;
}

static void GL_APIENTRY fake_Bitmap(GLsizei width, GLsizei height, GLfloat xorig, GLfloat yorig,
                                    GLfloat xmove, GLfloat ymove, const GLubyte *bitmap)
{
	keep("glBitmap", bitmap, bitmap ? 2 : 0);
	rec.i[0] = width, rec.i[1] = height;
	rec.f[2] = xmove, rec.f[3] = ymove;
}

static void GL_APIENTRY fake_PolygonStipple(const GLubyte *mask)
{
	keep("glPolygonStipple", mask, 128);
}

static void GL_APIENTRY fake_PixelMapusv(GLenum map, GLsizei mapsize, const GLushort *values)
{
	keep("glPixelMapusv", values, (uint32_t)mapsize * 2);
	rec.e[0] = map;
	rec.n = mapsize;
}

static void GL_APIENTRY fake_SecondaryColorPointer(GLint size, GLenum type, GLsizei stride,
                                                   const void *pointer)
{
	keep("glSecondaryColorPointer", NULL, 0);
	rec.i[0] = size, rec.i[1] = stride;
	rec.e[0] = type;
	rec.big[0] = (int64_t)(uintptr_t)pointer;
}

void install_compat_fakes(void)
{
	gles_host.glDrawPixels = fake_DrawPixels;
	gles_host.glBitmap = fake_Bitmap;
	gles_host.glPolygonStipple = fake_PolygonStipple;
	gles_host.glPixelMapusv = fake_PixelMapusv;
	gles_host.glSecondaryColorPointer = fake_SecondaryColorPointer;
}
