/*
 * OpenGL 4.5 direct state access to buffers: each named command is its
 * bound form on GL_COPY_WRITE_BUFFER (GL_COPY_READ_BUFFER for the source of
 * a copy and for reads), which no draw or pixel transfer reads, bound for
 * the command and bound back after it. The bound forms' checks on both
 * sides, their mappings (gles-map.c, gles-persist.c: keyed by the buffer's
 * name) and the host's records of the buffer are the only ones.
 */
#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define WRITE GL_COPY_WRITE_BUFFER
#define READ GL_COPY_READ_BUFFER

/* Binds `buffer` to `target` for a named command; false (the app's error
 * recorded) for 0 or a name the library never made. *old: what to bind
 * back (buffer_end). */
static bool buffer_begin(struct gl_enc *e, GLenum target, GLuint buffer, uint32_t *old)
{
	if (!buffer || !gl_enc_name_known(e, GL_NAMES_BUFFER, buffer)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return false;
	}
	bool ok;
	*old = ge_gl_bound_buffer(e->gl, target, &ok);
	if (*old != buffer)
		gl_enc_glBindBuffer(target, buffer);
	return true;
}

static void buffer_end(struct gl_enc *e, GLenum target, GLuint buffer, uint32_t old)
{
	/* A buffer deleted meanwhile is unbound by GL: binding it back
	 * would make a new one. */
	if (old != buffer)
		gl_enc_glBindBuffer(target, gl_enc_name_known(e, GL_NAMES_BUFFER, old) ? old : 0);
}

void GL_APIENTRY gl_enc_special_glCreateBuffers(GLsizei n, GLuint *buffers)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCreateBuffers);
	if (!e)
		return;
	if (n < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGenBuffers(n, buffers);
	bool ok;
	uint32_t old = ge_gl_bound_buffer(e->gl, WRITE, &ok);
	for (GLsizei i = 0; i < n; i++)
		gl_enc_glBindBuffer(WRITE, buffers[i]);
	/* A name another context deleted is no longer one to bind (GL_INVALID_OPERATION in
	 * a core context): 0 then, as buffer_end has it. */
	if (n)
		gl_enc_glBindBuffer(WRITE, gl_enc_name_known(e, GL_NAMES_BUFFER, old) ? old : 0);
}

void GL_APIENTRY gl_enc_special_glNamedBufferData(GLuint buffer, GLsizeiptr size, const void *data,
                                                  GLenum usage)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glNamedBufferData);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_glBufferData(WRITE, size, data, usage);
		buffer_end(e, WRITE, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glNamedBufferSubData(GLuint buffer, GLintptr offset,
                                                     GLsizeiptr size, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glNamedBufferSubData);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_special_glBufferSubData(WRITE, offset, size, data);
		buffer_end(e, WRITE, buffer, old);
	}
}

/* ARB_buffer_storage's glBufferStorage is EXT_buffer_storage's entry point (same=). */
void GL_APIENTRY gl_enc_special_glNamedBufferStorage(GLuint buffer, GLsizeiptr size,
                                                     const void *data, GLbitfield flags)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glNamedBufferStorage);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_glBufferStorageEXT(WRITE, size, data, flags);
		buffer_end(e, WRITE, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glClearNamedBufferData(GLuint buffer, GLenum internalformat,
                                                       GLenum format, GLenum type, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glClearNamedBufferData);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_special_glClearBufferData(WRITE, internalformat, format, type, data);
		buffer_end(e, WRITE, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glClearNamedBufferSubData(GLuint buffer, GLenum internalformat,
                                                          GLintptr offset, GLsizeiptr size,
                                                          GLenum format, GLenum type,
                                                          const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glClearNamedBufferSubData);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_special_glClearBufferSubData(WRITE, internalformat, offset, size, format,
		                                    type, data);
		buffer_end(e, WRITE, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glCopyNamedBufferSubData(GLuint readBuffer, GLuint writeBuffer,
                                                         GLintptr readOffset, GLintptr writeOffset,
                                                         GLsizeiptr size)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCopyNamedBufferSubData);
	uint32_t old_read, old_write;
	if (!e || !buffer_begin(e, READ, readBuffer, &old_read))
		return;
	if (buffer_begin(e, WRITE, writeBuffer, &old_write)) {
		gl_enc_special_glCopyBufferSubData(READ, WRITE, readOffset, writeOffset, size);
		buffer_end(e, WRITE, writeBuffer, old_write);
	}
	buffer_end(e, READ, readBuffer, old_read);
}

/* The bytes come as a mapping's do (GL_OP_BUFFER_READ): the range is
 * checked here against the size the library knows, as GL does. */
void GL_APIENTRY gl_enc_special_glGetNamedBufferSubData(GLuint buffer, GLintptr offset,
                                                        GLsizeiptr size, void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetNamedBufferSubData);
	uint32_t old;
	if (!e || !buffer_begin(e, READ, buffer, &old))
		return;
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, buffer, false);
	int64_t have = b ? b->size : 0;
	bool mapped = b && b->map && !(b->map_access & GL_MAP_PERSISTENT_BIT_EXT);
	pthread_mutex_unlock(&e->gl->share->lock);
	if (offset < 0 || size < 0 || offset > have || size > have - offset)
		gl_enc_error(e, GL_INVALID_VALUE);
	else if (mapped)
		gl_enc_error(e, GL_INVALID_OPERATION);
	else if (size && !ge_buffer_read(e, READ, (uint64_t)offset, (uint64_t)size, data))
		gl_enc_error(e, GL_OUT_OF_MEMORY);
	buffer_end(e, READ, buffer, old);
}

void *GL_APIENTRY gl_enc_special_glMapNamedBufferRange(GLuint buffer, GLintptr offset,
                                                       GLsizeiptr length, GLbitfield access)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glMapNamedBufferRange);
	uint32_t old;
	if (!e || !buffer_begin(e, WRITE, buffer, &old))
		return NULL;
	void *p = gl_enc_special_glMapBufferRangeEXT(WRITE, offset, length, access);
	buffer_end(e, WRITE, buffer, old);
	return p;
}

/* glMapBuffer's access as a whole-buffer range's bits. */
void *GL_APIENTRY gl_enc_special_glMapNamedBuffer(GLuint buffer, GLenum access)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glMapNamedBuffer);
	if (!e)
		return NULL;
	GLbitfield bits = access == GL_READ_ONLY    ? GL_MAP_READ_BIT
	                  : access == GL_WRITE_ONLY ? GL_MAP_WRITE_BIT
	                  : access == GL_READ_WRITE ? GL_MAP_READ_BIT | GL_MAP_WRITE_BIT
	                                            : 0;
	if (!bits) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return NULL;
	}
	uint32_t old;
	if (!buffer_begin(e, WRITE, buffer, &old))
		return NULL;
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, buffer, false);
	int64_t size = b ? b->size : 0;
	pthread_mutex_unlock(&e->gl->share->lock);
	void *p = gl_enc_special_glMapBufferRangeEXT(WRITE, 0, size, bits);
	buffer_end(e, WRITE, buffer, old);
	return p;
}

GLboolean GL_APIENTRY gl_enc_special_glUnmapNamedBuffer(GLuint buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glUnmapNamedBuffer);
	uint32_t old;
	if (!e || !buffer_begin(e, WRITE, buffer, &old))
		return GL_FALSE;
	GLboolean r = gl_enc_special_glUnmapBufferOES(WRITE);
	buffer_end(e, WRITE, buffer, old);
	return r;
}

void GL_APIENTRY gl_enc_special_glFlushMappedNamedBufferRange(GLuint buffer, GLintptr offset,
                                                              GLsizeiptr length)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glFlushMappedNamedBufferRange);
	uint32_t old;
	if (e && buffer_begin(e, WRITE, buffer, &old)) {
		gl_enc_special_glFlushMappedBufferRangeEXT(WRITE, offset, length);
		buffer_end(e, WRITE, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glGetNamedBufferParameteriv(GLuint buffer, GLenum pname,
                                                            GLint *params)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetNamedBufferParameteriv);
	uint32_t old;
	if (e && buffer_begin(e, READ, buffer, &old)) {
		gl_enc_glGetBufferParameteriv(READ, pname, params);
		buffer_end(e, READ, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glGetNamedBufferParameteri64v(GLuint buffer, GLenum pname,
                                                              GLint64 *params)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetNamedBufferParameteri64v);
	uint32_t old;
	if (e && buffer_begin(e, READ, buffer, &old)) {
		gl_enc_glGetBufferParameteri64v(READ, pname, params);
		buffer_end(e, READ, buffer, old);
	}
}

void GL_APIENTRY gl_enc_special_glGetNamedBufferPointerv(GLuint buffer, GLenum pname, void **params)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetNamedBufferPointerv);
	uint32_t old;
	if (e && buffer_begin(e, READ, buffer, &old)) {
		gl_enc_special_glGetBufferPointervOES(READ, pname, params);
		buffer_end(e, READ, buffer, old);
	}
}
