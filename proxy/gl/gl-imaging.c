/*
 * The ARB_imaging readbacks of the compatibility profile (glGetnColorTable,
 * glGetnConvolutionFilter, glGetnSeparableFilter, glGetnHistogram, glGetnMinmax):
 * never sent. gpupipe offers no ARB_imaging (the host's Mesa has none), so no colour
 * table, filter, histogram or minmax state exists to read. Mesa 22, in a compatibility
 * context without ARB_imaging, implements them (under their ARB_robustness names,
 * glGetnColorTableARB ...) as GL_INVALID_OPERATION whatever the arguments, writing nothing
 * (src/mesa/main/colortab.c, convolve.c, histogram.c: the entry points only record that
 * error; the check app prints what the native glGetnColorTableARB gives:
 * tests/gl/gl-compat-arrays.c, "imaging-readbacks"). The library answers the same. (Mesa's
 * dispatch does not know the unsuffixed 4.5 names, so natively glvnd's stub for them does
 * nothing at all; the error is the command's own answer, which an app can rely on.)
 */
#include "gles-codec.h"

static void refuse(enum gles_op op)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (e)
		gl_enc_error(e, GL_INVALID_OPERATION);
}

void GL_APIENTRY gl_enc_special_glGetnColorTable(GLenum target, GLenum format, GLenum type,
                                                 GLsizei bufSize, void *table)
{
	(void)target, (void)format, (void)type, (void)bufSize, (void)table;
	refuse(GLES_OP_glGetnColorTable);
}

void GL_APIENTRY gl_enc_special_glGetnConvolutionFilter(GLenum target, GLenum format, GLenum type,
                                                        GLsizei bufSize, void *image)
{
	(void)target, (void)format, (void)type, (void)bufSize, (void)image;
	refuse(GLES_OP_glGetnConvolutionFilter);
}

void GL_APIENTRY gl_enc_special_glGetnSeparableFilter(GLenum target, GLenum format, GLenum type,
                                                      GLsizei rowBufSize, void *row,
                                                      GLsizei columnBufSize, void *column,
                                                      void *span)
{
	(void)target, (void)format, (void)type, (void)rowBufSize, (void)row;
	(void)columnBufSize, (void)column, (void)span;
	refuse(GLES_OP_glGetnSeparableFilter);
}

void GL_APIENTRY gl_enc_special_glGetnHistogram(GLenum target, GLboolean reset, GLenum format,
                                                GLenum type, GLsizei bufSize, void *values)
{
	(void)target, (void)reset, (void)format, (void)type, (void)bufSize, (void)values;
	refuse(GLES_OP_glGetnHistogram);
}

void GL_APIENTRY gl_enc_special_glGetnMinmax(GLenum target, GLboolean reset, GLenum format,
                                             GLenum type, GLsizei bufSize, void *values)
{
	(void)target, (void)reset, (void)format, (void)type, (void)bufSize, (void)values;
	refuse(GLES_OP_glGetnMinmax);
}
