/*
 * The fakes of gles-fakes.c for GL_EXT_buffer_storage: glBufferStorageEXT
 * is guarded and hooked on both sides like glBufferData.
 */
#include "gles-fakes.h"

void gl_enc_hook_glBufferStorageEXT(struct gl_enc *e, GLenum target, GLsizeiptr size,
                                    const void *data, GLbitfield flags)
{
}

enum gl_guard gl_exec_guard_glBufferStorageEXT(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                               const void *data, GLbitfield flags)
{
	return GL_GUARD_CALL;
}

bool gl_exec_hook_glBufferStorageEXT(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                     const void *data, GLbitfield flags)
{
	return true;
}

/* The library's glFinish and glGetSynciv bring GPU writes into persistent
 * mappings afterwards; here they are the wire commands alone. */
void GL_APIENTRY gl_enc_special_glFinish(void)
{
	gl_enc_glFinish();
}

void GL_APIENTRY gl_enc_special_glGetSynciv(GLsync sync, GLenum pname, GLsizei count,
                                            GLsizei *length, GLint *values)
{
	gl_enc_glGetSynciv(sync, pname, count, length, values);
}
