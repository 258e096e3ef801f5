/*
 * The fakes of gles-fakes.c for ARB assembly programs (gl-compat-annotations.txt's
 * block): the program text's specials are stubs (gpuhost/gl/arb-program.c is tested by
 * the hostile and integration tests), the name commands and a parameter command record.
 */
#include <string.h>

#include "gles-fakes.h"

CLIENT_SPECIAL(void, glProgramStringARB,
               (GLenum target, GLenum format, GLsizei len, const void *string), )
CLIENT_SPECIAL(void, glGetProgramStringARB, (GLenum target, GLenum pname, void *string), )
HOST_SPECIAL(glProgramStringARB)
HOST_SPECIAL(glGetProgramStringARB)

/* The parameter index guards and read wraps (arb-program.c) pass everything here. */
#define PASS_GUARD(cmd, ...)                                                                       \
	enum gl_guard gl_exec_guard_##cmd(__VA_ARGS__)                                             \
	{                                                                                          \
		return GL_GUARD_CALL;                                                              \
	}
PASS_GUARD(glProgramEnvParameter4dARB, struct gl_exec *exec, GLenum target, GLuint index,
           GLdouble x, GLdouble y, GLdouble z, GLdouble w)
PASS_GUARD(glProgramEnvParameter4dvARB, struct gl_exec *x, GLenum target, GLuint index,
           const GLdouble *params)
PASS_GUARD(glProgramEnvParameter4fARB, struct gl_exec *exec, GLenum target, GLuint index, GLfloat x,
           GLfloat y, GLfloat z, GLfloat w)
PASS_GUARD(glProgramEnvParameter4fvARB, struct gl_exec *x, GLenum target, GLuint index,
           const GLfloat *params)
PASS_GUARD(glProgramLocalParameter4dARB, struct gl_exec *exec, GLenum target, GLuint index,
           GLdouble x, GLdouble y, GLdouble z, GLdouble w)
PASS_GUARD(glProgramLocalParameter4dvARB, struct gl_exec *x, GLenum target, GLuint index,
           const GLdouble *params)
PASS_GUARD(glProgramLocalParameter4fARB, struct gl_exec *exec, GLenum target, GLuint index,
           GLfloat x, GLfloat y, GLfloat z, GLfloat w)
PASS_GUARD(glProgramLocalParameter4fvARB, struct gl_exec *x, GLenum target, GLuint index,
           const GLfloat *params)

#define PASS_WRAP(cmd, type)                                                                       \
	bool gl_exec_wrap_##cmd(struct gl_exec *x, GLenum target, GLuint index, type *params)      \
	{                                                                                          \
		gles_host.cmd(target, index, params);                                              \
		return true;                                                                       \
	}
PASS_WRAP(glGetProgramEnvParameterdvARB, GLdouble)
PASS_WRAP(glGetProgramEnvParameterfvARB, GLfloat)
PASS_WRAP(glGetProgramLocalParameterdvARB, GLdouble)
PASS_WRAP(glGetProgramLocalParameterfvARB, GLfloat)

bool gl_exec_wrap_glGetProgramivARB(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetProgramivARB(target, pname, params);
	return true;
}

bool gl_exec_hook_glBindProgramARB(struct gl_exec *x, GLenum target, GLuint program,
                                   GLuint app_program)
{
	hook_calls++;
	return true;
}

static void GL_APIENTRY fake_GenProgramsARB(GLsizei n, GLuint *programs)
{
	rec.fn = "glGenProgramsARB";
	rec.n = n;
	for (GLsizei i = 0; i < n; i++)
		programs[i] = next_host_name++;
}

static void GL_APIENTRY fake_BindProgramARB(GLenum target, GLuint program)
{
	rec.fn = "glBindProgramARB";
	rec.e[0] = target;
	rec.names[0] = program;
}

static void GL_APIENTRY fake_DeleteProgramsARB(GLsizei n, const GLuint *programs)
{
	rec.fn = "glDeleteProgramsARB";
	rec.n = n;
	for (GLsizei i = 0; i < n && i < 8; i++)
		rec.names[i] = programs[i];
}

static GLboolean GL_APIENTRY fake_IsProgramARB(GLuint program)
{
	rec.fn = "glIsProgramARB";
	rec.names[0] = program;
	return GL_TRUE;
}

static void GL_APIENTRY fake_ProgramLocalParameter4fvARB(GLenum target, GLuint index,
                                                         const GLfloat *params)
{
	rec.fn = "glProgramLocalParameter4fvARB";
	rec.e[0] = target;
	rec.i[0] = (GLint)index;
	memcpy(rec.f, params, 16);
}

void install_arb_program_fakes(void)
{
	gles_host.glGenProgramsARB = fake_GenProgramsARB;
	gles_host.glBindProgramARB = fake_BindProgramARB;
	gles_host.glDeleteProgramsARB = fake_DeleteProgramsARB;
	gles_host.glIsProgramARB = fake_IsProgramARB;
	gles_host.glProgramLocalParameter4fvARB = fake_ProgramLocalParameter4fvARB;
}
