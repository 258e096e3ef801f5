/*
 * The fakes of gles-fakes.c for desktop OpenGL 3.0-3.3's commands that have
 * hooks or specials (the gl-b batch): they do what their ES twins' fakes do.
 */
#include <string.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glMultiDrawElementsBaseVertex,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei drawcount, const GLint *basevertex), )
HOST_SPECIAL(glMultiDrawElementsBaseVertex)

bool gl_exec_hook_glFramebufferTexture1D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLuint app_texture)
{
	return true;
}
bool gl_exec_hook_glFramebufferTexture3D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLint zoffset, GLuint app_texture)
{
	return true;
}
enum gl_guard gl_exec_guard_glTexImage2DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height,
                                                    GLboolean fixedsamplelocations)
{
	return GL_GUARD_CALL;
}
enum gl_guard gl_exec_guard_glTexImage3DMultisample(struct gl_exec *x, GLenum target,
                                                    GLsizei samples, GLenum internalformat,
                                                    GLsizei width, GLsizei height, GLsizei depth,
                                                    GLboolean fixedsamplelocations)
{
	return GL_GUARD_CALL;
}

/* Recording host GL fakes: what the round trips of test-gles-codec.c read. */
static void GL_APIENTRY fake_VertexAttribI4sv(GLuint index, const GLshort *v)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glVertexAttribI4sv";
	rec.i[0] = (GLint)index;
	memcpy(rec.data, v, rec.data_len = 8);
}
static void GL_APIENTRY fake_VertexAttribP3uiv(GLuint index, GLenum type, GLboolean normalized,
                                               const GLuint *value)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glVertexAttribP3uiv";
	rec.i[0] = (GLint)index, rec.e[0] = type, rec.i[1] = normalized;
	memcpy(rec.data, value, rec.data_len = 4);
}
static void GL_APIENTRY fake_GenQueries(GLsizei n, GLuint *ids)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glGenQueries";
	for (GLsizei i = 0; i < n; i++)
		ids[i] = next_host_name++;
}
static void GL_APIENTRY fake_QueryCounter(GLuint id, GLenum target)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glQueryCounter";
	rec.names[0] = id, rec.e[0] = target;
}
static void GL_APIENTRY fake_BeginQuery(GLenum target, GLuint id)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glBeginQuery";
	rec.names[0] = id, rec.e[0] = target;
}
static void GL_APIENTRY fake_EndQuery(GLenum target)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glEndQuery";
	rec.e[0] = target;
}
static void GL_APIENTRY fake_GetQueryObjectui64v(GLuint id, GLenum pname, GLuint64 *params)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glGetQueryObjectui64v";
	rec.names[0] = id, rec.e[0] = pname;
	*params = 0x123456789abcull; /* past 32 bits */
}
static void GL_APIENTRY fake_BindFragDataLocationIndexed(GLuint program, GLuint color, GLuint index,
                                                         const GLchar *name)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glBindFragDataLocationIndexed";
	rec.names[0] = program, rec.i[0] = (GLint)color, rec.i[1] = (GLint)index;
	memcpy(rec.data, name, rec.data_len = (uint32_t)strlen(name) + 1);
}
static void GL_APIENTRY fake_GetActiveUniformName(GLuint program, GLuint index, GLsizei bufSize,
                                                  GLsizei *length, GLchar *name)
{
	static const char full[] = "tint_colour";
	memset(&rec, 0, sizeof(rec));
	rec.fn = "glGetActiveUniformName";
	rec.names[0] = program, rec.i[0] = (GLint)index, rec.i[1] = bufSize;
	GLsizei n = bufSize > 0 ? (GLsizei)sizeof(full) - 1 : 0;
	if (n >= bufSize)
		n = bufSize > 0 ? bufSize - 1 : 0;
	if (bufSize > 0) {
		memcpy(name, full, (size_t)n);
		name[n] = 0;
	}
	if (length)
		*length = n;
}

void install_fakes_gl3(void)
{
	gles_host.glVertexAttribI4sv = fake_VertexAttribI4sv;
	gles_host.glVertexAttribP3uiv = fake_VertexAttribP3uiv;
	gles_host.glGenQueries = fake_GenQueries;
	gles_host.glQueryCounter = fake_QueryCounter;
	gles_host.glBeginQuery = fake_BeginQuery;
	gles_host.glEndQuery = fake_EndQuery;
	gles_host.glGetQueryObjectui64v = fake_GetQueryObjectui64v;
	gles_host.glBindFragDataLocationIndexed = fake_BindFragDataLocationIndexed;
	gles_host.glGetActiveUniformName = fake_GetActiveUniformName;
}
