/*
 * The fakes of gles-fakes.c for GL_KHR_debug (its KHR names and the ES 3.2
 * core ones): client specials and hooks, host specials and wraps.
 */
#include "gles-fakes.h"

#define BOTH_NAMES(ret, name, args, value)                                                         \
	CLIENT_SPECIAL(ret, name, args, value)                                                     \
	CLIENT_SPECIAL(ret, name##KHR, args, value)

BOTH_NAMES(void, glDebugMessageCallback, (GLDEBUGPROC callback, const void *user), )
BOTH_NAMES(GLuint, glGetDebugMessageLog,
           (GLuint count, GLsizei size, GLenum *sources, GLenum *types, GLuint *ids,
            GLenum *severities, GLsizei *lengths, GLchar *log),
           0)
BOTH_NAMES(void, glDebugMessageControl,
           (GLenum source, GLenum type, GLenum severity, GLsizei count, const GLuint *ids,
            GLboolean enabled), )
BOTH_NAMES(void, glDebugMessageInsert,
           (GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
            const GLchar *buf), )
BOTH_NAMES(void, glPushDebugGroup,
           (GLenum source, GLuint id, GLsizei length, const GLchar *message), )
BOTH_NAMES(void, glPopDebugGroup, (void), )
BOTH_NAMES(void, glObjectLabel,
           (GLenum identifier, GLuint name, GLsizei length, const GLchar *label), )
BOTH_NAMES(void, glGetObjectLabel,
           (GLenum identifier, GLuint name, GLsizei size, GLsizei *length, GLchar *label), )
BOTH_NAMES(void, glObjectPtrLabel, (const void *ptr, GLsizei length, const GLchar *label), )
BOTH_NAMES(void, glGetObjectPtrLabel,
           (const void *ptr, GLsizei size, GLsizei *length, GLchar *label), )
CLIENT_SPECIAL(void, glGetPointervKHR, (GLenum pname, void **params), )

void gl_enc_hook_glEnable(struct gl_enc *e, GLenum cap)
{
	hook_calls++;
}
void gl_enc_hook_glDisable(struct gl_enc *e, GLenum cap)
{
	hook_calls++;
}

HOST_SPECIAL(glObjectPtrLabel)
HOST_SPECIAL(glObjectPtrLabelKHR)
HOST_SPECIAL(glGetObjectPtrLabel)
HOST_SPECIAL(glGetObjectPtrLabelKHR)

bool gl_exec_wrap_glObjectLabel(struct gl_exec *x, GLenum identifier, GLuint name, GLsizei length,
                                const GLchar *label)
{
	return true;
}
bool gl_exec_wrap_glObjectLabelKHR(struct gl_exec *x, GLenum identifier, GLuint name,
                                   GLsizei length, const GLchar *label)
{
	return true;
}
bool gl_exec_wrap_glGetObjectLabel(struct gl_exec *x, GLenum identifier, GLuint name, GLsizei size,
                                   GLsizei *length, GLchar *label)
{
	return true;
}
bool gl_exec_wrap_glGetObjectLabelKHR(struct gl_exec *x, GLenum identifier, GLuint name,
                                      GLsizei size, GLsizei *length, GLchar *label)
{
	return true;
}
