/*
 * Desktop OpenGL's own commands of versions 1.0 to 2.0 that the library
 * answers or rewrites (gl-annotations.txt, batch gl-a): glPixelStoref as the
 * glPixelStorei it sets, and glGetBufferSubData as a mapping's read.
 */
#include <pthread.h>
#include <stdint.h>

#include <GLES3/gl32.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* GL takes the value of an integer pname rounded to the nearest integer,
 * of a boolean one as nonzero; out of int's range is GL_INVALID_VALUE,
 * which glPixelStorei's check gives a negative value. */
void GL_APIENTRY gl_enc_special_glPixelStoref(GLenum pname, GLfloat param)
{
	if (!gl_enc_current_op(GLES_OP_glPixelStoref))
		return;
	GLint value;
	if (pname == GL_PACK_SWAP_BYTES_DESKTOP || pname == GL_PACK_LSB_FIRST_DESKTOP ||
	    pname == GL_UNPACK_SWAP_BYTES_DESKTOP || pname == GL_UNPACK_LSB_FIRST_DESKTOP)
		value = param != 0.0f;
	else if (!(param > -2147483520.0f && param < 2147483520.0f)) /* NaN too */
		value = -1;
	else
		value = (GLint)(param >= 0 ? param + 0.5f : param - 0.5f);
	gl_enc_special_glPixelStorei(pname, value);
}

/* The bound buffer's bytes, read as a mapping reads them; GL's errors on
 * the library's record of the buffer (its size, whether it is mapped). */
void GL_APIENTRY gl_enc_special_glGetBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size,
                                                   void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetBufferSubData);
	if (!e)
		return;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	if (!ok) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!name) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	int64_t have = b ? b->size : 0;
	/* A persistent mapping may stay while GL reads the buffer. */
	bool mapped = b && b->map && !(b->map_access & GL_MAP_PERSISTENT_BIT_EXT);
	pthread_mutex_unlock(&e->gl->share->lock);
	uint32_t error = GL_NO_ERROR;
	if (offset < 0 || size < 0 || offset > have || size > have - offset)
		error = GL_INVALID_VALUE;
	else if (mapped)
		error = GL_INVALID_OPERATION;
	if (error != GL_NO_ERROR) {
		gl_enc_error(e, error);
		return;
	}
	if (size > 0 && !ge_buffer_read(e, target, (uint64_t)offset, (uint64_t)size, data))
		gl_enc_error(e, GL_OUT_OF_MEMORY);
}
