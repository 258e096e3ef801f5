/*
 * The fakes of gles-fakes.c for the ES 2 extension commands (query,
 * separate shader object, 3D texture, instanced and multi draws, labels,
 * EGL image storage): they do what their core twins' fakes do.
 */
#include "gles-fakes.h"

CLIENT_SPECIAL(void, glDrawArraysInstancedEXT,
               (GLenum mode, GLint start, GLsizei count, GLsizei primcount), )
CLIENT_SPECIAL(void, glDrawElementsInstancedEXT,
               (GLenum mode, GLsizei count, GLenum type, const void *indices, GLsizei primcount), )
CLIENT_SPECIAL(void, glMultiDrawArraysEXT,
               (GLenum mode, const GLint *first, const GLsizei *count, GLsizei primcount), )
CLIENT_SPECIAL(void, glMultiDrawElementsEXT,
               (GLenum mode, const GLsizei *count, GLenum type, const void *const *indices,
                GLsizei primcount), )
CLIENT_SPECIAL(void, glLabelObjectEXT,
               (GLenum type, GLuint object, GLsizei length, const GLchar *label), )
CLIENT_SPECIAL(void, glGetObjectLabelEXT,
               (GLenum type, GLuint object, GLsizei bufSize, GLsizei *length, GLchar *label), )
CLIENT_SPECIAL(void, glEGLImageTargetTexStorageEXT,
               (GLenum target, GLeglImageOES image, const GLint *attrib_list), )
CLIENT_SPECIAL(void, glEGLImageTargetTextureStorageEXT,
               (GLuint texture, GLeglImageOES image, const GLint *attrib_list), )

HOST_SPECIAL(glDrawArraysInstancedEXT)
HOST_SPECIAL(glDrawElementsInstancedEXT)
HOST_SPECIAL(glMultiDrawArraysEXT)
HOST_SPECIAL(glMultiDrawElementsEXT)
HOST_SPECIAL(glCreateShaderProgramvEXT)
HOST_SPECIAL(glEGLImageTargetTexStorageEXT)

bool gl_exec_wrap_glGetQueryivEXT(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetQueryivEXT(target, pname, params);
	return true;
}
bool gl_exec_wrap_glGetFramebufferParameteriv(struct gl_exec *x, GLenum target, GLenum pname,
                                              GLint *params)
{
	gles_host.glGetFramebufferParameteriv(target, pname, params);
	return true;
}
bool gl_exec_wrap_glGetInteger64vEXT(struct gl_exec *x, GLenum pname, GLint64 *data)
{
	gles_host.glGetInteger64vEXT(pname, data);
	return true;
}
bool gl_exec_hook_glBindProgramPipelineEXT(struct gl_exec *x, GLuint pipeline, GLuint app_pipeline)
{
	return true;
}
bool gl_exec_wrap_glUseProgramStagesEXT(struct gl_exec *x, GLuint pipeline, GLbitfield stages,
                                        GLuint program, GLuint app_pipeline, GLuint app_program)
{
	gles_host.glUseProgramStagesEXT(pipeline, stages, program);
	return true;
}
bool gl_exec_wrap_glGetProgramPipelineivEXT(struct gl_exec *x, GLuint pipeline, GLenum pname,
                                            GLint *params, GLuint app_pipeline)
{
	gles_host.glGetProgramPipelineivEXT(pipeline, pname, params);
	return true;
}
enum gl_guard gl_exec_guard_glTexImage3DOES(struct gl_exec *x, GLenum target, GLint level,
                                            GLenum internalformat, GLsizei width, GLsizei height,
                                            GLsizei depth, GLint border, GLenum format, GLenum type,
                                            const void *pixels)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexImage3DOES(struct gl_exec *x, GLenum target, GLint level,
                                                      GLenum internalformat, GLsizei width,
                                                      GLsizei height, GLsizei depth, GLint border,
                                                      GLsizei imageSize, const void *data)
{
	return fake_guard(x);
}
bool gl_exec_hook_glFramebufferTexture3DOES(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum textarget, GLuint texture, GLint level,
                                            GLint zoffset, GLuint app_texture)
{
	return true;
}
bool gl_exec_wrap_glLabelObjectEXT(struct gl_exec *x, GLenum type, GLuint object, GLsizei length,
                                   const GLchar *label)
{
	return true;
}
bool gl_exec_wrap_glGetObjectLabelEXT(struct gl_exec *x, GLenum type, GLuint object,
                                      GLsizei bufSize, GLsizei *length, GLchar *label)
{
	return true;
}
