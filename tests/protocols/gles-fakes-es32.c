/*
 * The fakes of gles-fakes.c for the OpenGL ES 3.2 draw and state commands
 * and their extensions: client and host specials, guards, wraps.
 */
#include "gles-fakes.h"

CLIENT_SPECIAL(void, glCopyImageSubData,
               (GLuint srcName, GLenum srcTarget, GLint srcLevel, GLint srcX, GLint srcY,
                GLint srcZ, GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,
                GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight, GLsizei srcDepth), )
CLIENT_SPECIAL(void, glDrawElementsBaseVertex,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawRangeElementsBaseVertex,
               (GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type,
                const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawElementsInstancedBaseVertex,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
                GLint basevertex), )
CLIENT_SPECIAL(GLenum, glGetGraphicsResetStatus, (void), 0)
CLIENT_SPECIAL(void, glReadnPixels,
               (GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type,
                GLsizei bufSize, void *data), )
CLIENT_SPECIAL(void, glDrawArraysInstancedBaseInstanceEXT,
               (GLenum mode, GLint first, GLsizei count, GLsizei instancecount,
                GLuint baseinstance), )
CLIENT_SPECIAL(void, glDrawElementsInstancedBaseInstanceEXT,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
                GLuint baseinstance), )
CLIENT_SPECIAL(void, glDrawElementsInstancedBaseVertexBaseInstanceEXT,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
                GLint basevertex, GLuint baseinstance), )
CLIENT_SPECIAL(void, glCopyImageSubDataEXT,
               (GLuint srcName, GLenum srcTarget, GLint srcLevel, GLint srcX, GLint srcY,
                GLint srcZ, GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,
                GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight, GLsizei srcDepth), )
CLIENT_SPECIAL(void, glDrawElementsBaseVertexEXT,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawRangeElementsBaseVertexEXT,
               (GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type,
                const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawElementsInstancedBaseVertexEXT,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
                GLint basevertex), )
CLIENT_SPECIAL(void, glMultiDrawElementsBaseVertexEXT,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei drawcount, const GLint *basevertex), )
CLIENT_SPECIAL(GLenum, glGetGraphicsResetStatusEXT, (void), 0)
CLIENT_SPECIAL(void, glReadnPixelsEXT,
               (GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type,
                GLsizei bufSize, void *data), )
CLIENT_SPECIAL(GLenum, glGetGraphicsResetStatusKHR, (void), 0)
CLIENT_SPECIAL(void, glReadnPixelsKHR,
               (GLint x, GLint y, GLsizei width, GLsizei height, GLenum format, GLenum type,
                GLsizei bufSize, void *data), )
CLIENT_SPECIAL(void, glCopyImageSubDataOES,
               (GLuint srcName, GLenum srcTarget, GLint srcLevel, GLint srcX, GLint srcY,
                GLint srcZ, GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,
                GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight, GLsizei srcDepth), )
CLIENT_SPECIAL(void, glDrawElementsBaseVertexOES,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawRangeElementsBaseVertexOES,
               (GLenum mode, GLuint start, GLuint end, GLsizei count, GLenum type,
                const void *indices, GLint basevertex), )
CLIENT_SPECIAL(void, glDrawElementsInstancedBaseVertexOES,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei instancecount,
                GLint basevertex), )
enum gl_guard gl_exec_guard_glTexStorage3DMultisample(struct gl_exec *x, GLenum target,
                                                      GLsizei samples, GLenum internalformat,
                                                      GLsizei width, GLsizei height, GLsizei depth,
                                                      GLboolean fixedsamplelocations)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glTexStorage3DMultisampleOES(struct gl_exec *x, GLenum target,
                                                         GLsizei samples, GLenum internalformat,
                                                         GLsizei width, GLsizei height,
                                                         GLsizei depth,
                                                         GLboolean fixedsamplelocations)
{
	return fake_guard(x);
}
bool gl_exec_wrap_glCopyImageSubData(struct gl_exec *x, GLuint srcName, GLenum srcTarget,
                                     GLint srcLevel, GLint srcX, GLint srcY, GLint srcZ,
                                     GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,
                                     GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight,
                                     GLsizei srcDepth)
{
	return true;
}
bool gl_exec_wrap_glCopyImageSubDataEXT(struct gl_exec *x, GLuint srcName, GLenum srcTarget,
                                        GLint srcLevel, GLint srcX, GLint srcY, GLint srcZ,
                                        GLuint dstName, GLenum dstTarget, GLint dstLevel,
                                        GLint dstX, GLint dstY, GLint dstZ, GLsizei srcWidth,
                                        GLsizei srcHeight, GLsizei srcDepth)
{
	return true;
}
bool gl_exec_wrap_glCopyImageSubDataOES(struct gl_exec *x, GLuint srcName, GLenum srcTarget,
                                        GLint srcLevel, GLint srcX, GLint srcY, GLint srcZ,
                                        GLuint dstName, GLenum dstTarget, GLint dstLevel,
                                        GLint dstX, GLint dstY, GLint dstZ, GLsizei srcWidth,
                                        GLsizei srcHeight, GLsizei srcDepth)
{
	return true;
}
HOST_SPECIAL(glDrawElementsBaseVertex)
HOST_SPECIAL(glDrawRangeElementsBaseVertex)
HOST_SPECIAL(glDrawElementsInstancedBaseVertex)
HOST_SPECIAL(glReadnPixels)
HOST_SPECIAL(glGetnUniformfv)
HOST_SPECIAL(glGetnUniformiv)
HOST_SPECIAL(glGetnUniformuiv)
HOST_SPECIAL(glDrawArraysInstancedBaseInstanceEXT)
HOST_SPECIAL(glDrawElementsInstancedBaseInstanceEXT)
HOST_SPECIAL(glDrawElementsInstancedBaseVertexBaseInstanceEXT)
HOST_SPECIAL(glDrawElementsBaseVertexEXT)
HOST_SPECIAL(glMultiDrawElementsBaseVertexEXT)
HOST_SPECIAL(glDrawRangeElementsBaseVertexEXT)
HOST_SPECIAL(glDrawElementsInstancedBaseVertexEXT)
HOST_SPECIAL(glReadnPixelsEXT)
HOST_SPECIAL(glGetnUniformfvEXT)
HOST_SPECIAL(glGetnUniformivEXT)
HOST_SPECIAL(glReadnPixelsKHR)
HOST_SPECIAL(glGetnUniformfvKHR)
HOST_SPECIAL(glGetnUniformivKHR)
HOST_SPECIAL(glGetnUniformuivKHR)
HOST_SPECIAL(glDrawElementsBaseVertexOES)
HOST_SPECIAL(glDrawRangeElementsBaseVertexOES)
HOST_SPECIAL(glDrawElementsInstancedBaseVertexOES)
