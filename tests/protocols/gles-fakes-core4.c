/*
 * The fakes of gles-fakes.c for desktop OpenGL 4.0 to 4.4's own commands: the host's
 * specials and wraps call the fake GL straight through, and a few recording fakes for the
 * round trips of test-gles-codec.c (test_core4).
 */
#include <string.h>

#include "gles-fakes.h"

HOST_SPECIAL(glGetUniformdv)
HOST_SPECIAL(glDrawTransformFeedback)
HOST_SPECIAL(glDrawTransformFeedbackStream)
HOST_SPECIAL(glDrawTransformFeedbackInstanced)
HOST_SPECIAL(glDrawTransformFeedbackStreamInstanced)

/* The host's transform feedback counting (gpuhost/gl/xfb-draw.c) wraps these. */
bool gl_exec_wrap_glBeginTransformFeedback(struct gl_exec *x, GLenum primitiveMode)
{
	gles_host.glBeginTransformFeedback(primitiveMode);
	return true;
}

bool gl_exec_wrap_glEndTransformFeedback(struct gl_exec *x)
{
	gles_host.glEndTransformFeedback();
	return true;
}

bool gl_exec_wrap_glPauseTransformFeedback(struct gl_exec *x)
{
	gles_host.glPauseTransformFeedback();
	return true;
}

bool gl_exec_wrap_glResumeTransformFeedback(struct gl_exec *x)
{
	gles_host.glResumeTransformFeedback();
	return true;
}

bool gl_exec_wrap_glDeleteTransformFeedbacks(struct gl_exec *x, GLsizei n, const GLuint *ids,
                                             const GLuint *app_ids)
{
	gles_host.glDeleteTransformFeedbacks(n, ids);
	return true;
}

bool gl_exec_wrap_glBeginQuery(struct gl_exec *x, GLenum target, GLuint id, GLuint app_id)
{
	gles_host.glBeginQuery(target, id);
	return true;
}

bool gl_exec_wrap_glEndQuery(struct gl_exec *x, GLenum target)
{
	gles_host.glEndQuery(target);
	return true;
}

bool gl_exec_wrap_glBeginQueryIndexed(struct gl_exec *x, GLenum target, GLuint index, GLuint id,
                                      GLuint app_id)
{
	gles_host.glBeginQueryIndexed(target, index, id);
	return true;
}

bool gl_exec_wrap_glEndQueryIndexed(struct gl_exec *x, GLenum target, GLuint index)
{
	gles_host.glEndQueryIndexed(target, index);
	return true;
}

bool gl_exec_wrap_glGetQueryIndexediv(struct gl_exec *x, GLenum target, GLuint index, GLenum pname,
                                      GLint *params)
{
	gles_host.glGetQueryIndexediv(target, index, pname, params);
	return true;
}

bool gl_exec_wrap_glGetVertexAttribLdv(struct gl_exec *x, GLuint index, GLenum pname,
                                       GLdouble *params)
{
	gles_host.glGetVertexAttribLdv(index, pname, params);
	return true;
}

bool gl_exec_wrap_glVertexAttribLFormat(struct gl_exec *x, GLuint attribindex, GLint size,
                                        GLenum type, GLuint relativeoffset)
{
	gles_host.glVertexAttribLFormat(attribindex, size, type, relativeoffset);
	return true;
}

static void record(const char *fn, const void *data, uint32_t len)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = fn;
	rec.data_len = len;
	memcpy(rec.data, data, len);
}

static void GL_APIENTRY fake_DepthRangeArrayv(GLuint first, GLsizei count, const GLdouble *v)
{
	record("glDepthRangeArrayv", v, (uint32_t)count * 16);
	rec.i[0] = (GLint)first, rec.n = count;
}

static void GL_APIENTRY fake_DepthRangeIndexed(GLuint index, GLdouble n, GLdouble f)
{
	GLdouble v[2] = {n, f};
	record("glDepthRangeIndexed", v, sizeof(v));
	rec.i[0] = (GLint)index;
}

static void GL_APIENTRY fake_UniformMatrix2x3dv(GLint location, GLsizei count, GLboolean transpose,
                                                const GLdouble *v)
{
	record("glUniformMatrix2x3dv", v, (uint32_t)count * 48);
	rec.i[0] = location, rec.n = count;
}

static void GL_APIENTRY fake_PatchParameterfv(GLenum pname, const GLfloat *v)
{
	record("glPatchParameterfv", v, pname == 0x8E74 ? 16 : 8);
	rec.e[0] = pname;
}

static void GL_APIENTRY fake_GetInternalformati64v(GLenum target, GLenum internalformat,
                                                   GLenum pname, GLsizei count, GLint64 *params)
{
	record("glGetInternalformati64v", NULL, 0);
	for (GLsizei i = 0; i < count; i++)
		params[i] = (GLint64)1 << 40 | (GLint64)i;
	rec.n = count;
}

static GLuint GL_APIENTRY fake_GetSubroutineIndex(GLuint program, GLenum shadertype,
                                                  const GLchar *name)
{
	record("glGetSubroutineIndex", name, (uint32_t)strlen(name) + 1);
	rec.names[0] = program, rec.e[0] = shadertype;
	return 5;
}

void install_core4_fakes(void)
{
	gles_host.glDepthRangeArrayv = fake_DepthRangeArrayv;
	gles_host.glDepthRangeIndexed = fake_DepthRangeIndexed;
	gles_host.glUniformMatrix2x3dv = fake_UniformMatrix2x3dv;
	gles_host.glPatchParameterfv = fake_PatchParameterfv;
	gles_host.glGetInternalformati64v = fake_GetInternalformati64v;
	gles_host.glGetSubroutineIndex = fake_GetSubroutineIndex;
}

bool gl_exec_hook_glClearBufferData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                    GLenum format, GLenum type, const void *data)
{
	return true;
}

bool gl_exec_hook_glClearBufferSubData(struct gl_exec *x, GLenum target, GLenum internalformat,
                                       GLintptr offset, GLsizeiptr size, GLenum format, GLenum type,
                                       const void *data)
{
	return true;
}

enum gl_guard gl_exec_guard_glClearBufferSubData(struct gl_exec *x, GLenum target,
                                                 GLenum internalformat, GLintptr offset,
                                                 GLsizeiptr size, GLenum format, GLenum type,
                                                 const void *data)
{
	return GL_GUARD_CALL;
}

bool gl_exec_hook_glInvalidateBufferData(struct gl_exec *x, GLuint buffer, GLuint app_buffer)
{
	return true;
}

bool gl_exec_hook_glInvalidateBufferSubData(struct gl_exec *x, GLuint buffer, GLintptr offset,
                                            GLsizeiptr length, GLuint app_buffer)
{
	return true;
}

CLIENT_SPECIAL(void, glMultiDrawArraysIndirect,
               (GLenum mode, const void *indirect, GLsizei drawcount, GLsizei stride), )
CLIENT_SPECIAL(void, glMultiDrawElementsIndirect,
               (GLenum mode, GLenum type, const void *indirect, GLsizei drawcount,
                GLsizei stride), )

HOST_SPECIAL(glGetActiveSubroutineUniformiv)
HOST_SPECIAL(glGetActiveAtomicCounterBufferiv)

HOST_SPECIAL(glVertexAttribLPointer)
HOST_SPECIAL(glMultiDrawArraysIndirect)
HOST_SPECIAL(glMultiDrawElementsIndirect)
CLIENT_SPECIAL(void, glVertexAttribLPointer,
               (GLuint index, GLint size, GLenum type, GLsizei stride, const void *pointer), )

/* The library refuses these under a mapping (proxy/gl/gl-mapped.c). */
CLIENT_SPECIAL(void, glBufferSubData,
               (GLenum target, GLintptr offset, GLsizeiptr size, const void *data), )
CLIENT_SPECIAL(void, glCopyBufferSubData,
               (GLenum readTarget, GLenum writeTarget, GLintptr readOffset, GLintptr writeOffset,
                GLsizeiptr size), )
CLIENT_SPECIAL(void, glClearBufferData,
               (GLenum target, GLenum internalformat, GLenum format, GLenum type,
                const void *data), )
CLIENT_SPECIAL(void, glClearBufferSubData,
               (GLenum target, GLenum internalformat, GLintptr offset, GLsizeiptr size,
                GLenum format, GLenum type, const void *data), )
CLIENT_SPECIAL(void, glInvalidateBufferData, (GLuint buffer), )
CLIENT_SPECIAL(void, glInvalidateBufferSubData,
               (GLuint buffer, GLintptr offset, GLsizeiptr length), )
