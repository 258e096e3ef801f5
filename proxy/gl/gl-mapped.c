/*
 * GL's GL_INVALID_OPERATION for the commands that change or copy a buffer's store
 * while the app has it mapped without GL_MAP_PERSISTENT_BIT (OpenGL 4.5 sections 6.2,
 * 6.3, 6.5, 6.6; ES 3.2 the same for the first two): such a mapping is the library's
 * shadow memory (gles-map.c), so the host's driver never sees the buffer mapped and
 * would take the command, and the unmap's write-back would then undo it. The library
 * answers them on its record of the mapping; everything else (the name, the range
 * against the store, the formats) stays the plain encoder's and the driver's, which
 * GL checks first where the range is out of the store.
 *
 * The library's copy of the store (gles-buffer-copy.c) gets what glBufferSubData sends;
 * the other commands here change bytes on the host it does not know: the copy goes.
 */
#include <pthread.h>
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* True when `name`'s store is mapped without the persistent bit and, unless `whole`,
 * the mapping overlaps [offset, offset + size) inside the store (a range out of it is
 * the driver's GL_INVALID_VALUE first). */
static bool mapped(struct gl_enc *e, uint32_t name, int64_t offset, int64_t size, bool whole)
{
	if (!name)
		return false;
	pthread_mutex_lock(&e->gl->share->lock);
	const struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	bool hit = b && b->map && !(b->map_access & GL_MAP_PERSISTENT_BIT_EXT);
	if (hit && !whole) {
		bool inside =
		        offset >= 0 && size >= 0 && offset <= b->size && size <= b->size - offset;
		hit = inside && offset < b->map_offset + b->map_length &&
		      b->map_offset < offset + size;
	}
	pthread_mutex_unlock(&e->gl->share->lock);
	return hit;
}

/* The buffer bound to `target`; 0 for none or a target GL does not know, which the
 * plain encoder refuses as GL does. */
static uint32_t bound(struct gl_enc *e, GLenum target)
{
	bool ok;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	return ok ? name : 0;
}

static bool refuse(struct gl_enc *e)
{
	gl_enc_error(e, GL_INVALID_OPERATION);
	return true;
}

void GL_APIENTRY gl_enc_special_glBufferSubData(GLenum target, GLintptr offset, GLsizeiptr size,
                                                const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glBufferSubData);
	uint32_t name = e ? bound(e, target) : 0;
	if (!e || (mapped(e, name, offset, size, false) && refuse(e)))
		return;
	gl_enc_glBufferSubData(target, offset, size, data);
	/* Past a write-back's piece it may not travel (GL_OUT_OF_MEMORY): not kept. */
	ge_copy_sent(e->gl, name, offset, size, size <= (16 << 20) ? data : NULL);
}

void GL_APIENTRY gl_enc_special_glCopyBufferSubData(GLenum readTarget, GLenum writeTarget,
                                                    GLintptr readOffset, GLintptr writeOffset,
                                                    GLsizeiptr size)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glCopyBufferSubData);
	if (!e)
		return;
	if ((mapped(e, bound(e, readTarget), 0, 0, true) ||
	     mapped(e, bound(e, writeTarget), 0, 0, true)) &&
	    refuse(e))
		return;
	gl_enc_glCopyBufferSubData(readTarget, writeTarget, readOffset, writeOffset, size);
	ge_copy_host_writes(e->gl, bound(e, writeTarget), false);
}

void GL_APIENTRY gl_enc_special_glClearBufferData(GLenum target, GLenum internalformat,
                                                  GLenum format, GLenum type, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glClearBufferData);
	if (!e || (mapped(e, bound(e, target), 0, 0, true) && refuse(e)))
		return;
	gl_enc_glClearBufferData(target, internalformat, format, type, data);
	ge_copy_host_writes(e->gl, bound(e, target), false);
}

void GL_APIENTRY gl_enc_special_glClearBufferSubData(GLenum target, GLenum internalformat,
                                                     GLintptr offset, GLsizeiptr size,
                                                     GLenum format, GLenum type, const void *data)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glClearBufferSubData);
	if (!e || (mapped(e, bound(e, target), offset, size, false) && refuse(e)))
		return;
	gl_enc_glClearBufferSubData(target, internalformat, offset, size, format, type, data);
	ge_copy_host_writes(e->gl, bound(e, target), false);
}

void GL_APIENTRY gl_enc_special_glInvalidateBufferData(GLuint buffer)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glInvalidateBufferData);
	if (!e || (mapped(e, buffer, 0, 0, true) && refuse(e)))
		return;
	gl_enc_glInvalidateBufferData(buffer);
	ge_copy_host_writes(e->gl, buffer, true);
}

void GL_APIENTRY gl_enc_special_glInvalidateBufferSubData(GLuint buffer, GLintptr offset,
                                                          GLsizeiptr length)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glInvalidateBufferSubData);
	if (!e || (mapped(e, buffer, offset, length, false) && refuse(e)))
		return;
	gl_enc_glInvalidateBufferSubData(buffer, offset, length);
	ge_copy_host_writes(e->gl, buffer, false);
}
