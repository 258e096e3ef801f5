/*
 * Buffer mapping (GL_OES_mapbuffer, GL_EXT_map_buffer_range) emulated in
 * the app's memory: the host's memory is not the app's. A map gets the
 * buffer's bytes unless the app said it will not look at them (INVALIDATE_*,
 * FLUSH_EXPLICIT without READ): from the library's copy of the store where
 * it has one, else from the host (GL_OP_BUFFER_READ, a round trip), the first
 * such map making the copy (gles-buffer-copy.c); written bytes go back as
 * glBufferSubData at unmap, or at each glFlushMappedBufferRangeEXT, and into
 * the copy. A map written back whole at the unmap is the copy itself; any
 * other map is shadow memory the bytes are copied into.
 *
 * glGetBufferParameteriv(GL_BUFFER_MAPPED_OES/GL_BUFFER_ACCESS_OES) still
 * asks the host, which never sees the mapping: it says unmapped.
 */
#include <stdlib.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* Bytes per glBufferSubData or GL_OP_BUFFER_READ, well inside a command. */
#define PIECE (16u << 20)

#define ACCESS_BITS                                                                                \
	(GL_MAP_READ_BIT_EXT | GL_MAP_WRITE_BIT_EXT | GL_MAP_INVALIDATE_RANGE_BIT_EXT |            \
	 GL_MAP_INVALIDATE_BUFFER_BIT_EXT | GL_MAP_FLUSH_EXPLICIT_BIT_EXT |                        \
	 GL_MAP_UNSYNCHRONIZED_BIT_EXT | GL_MAP_PERSISTENT_BIT_EXT | GL_MAP_COHERENT_BIT_EXT)
/* The bits of a map that an immutable store's flags must hold. */
#define STORE_BITS                                                                                 \
	(GL_MAP_READ_BIT_EXT | GL_MAP_WRITE_BIT_EXT | GL_MAP_PERSISTENT_BIT_EXT |                  \
	 GL_MAP_COHERENT_BIT_EXT)

bool ge_buffer_read(struct gl_enc *e, uint32_t target, uint64_t offset, uint64_t length, void *out)
{
	uint8_t *dst = out;
	for (uint64_t done = 0; done < length;) {
		uint32_t n = length - done > PIECE ? PIECE : (uint32_t)(length - done), size;
		struct gl_op_buffer_read op = {
		        .target = target,
		        .offset = (uint32_t)(offset + done),
		        .length = n,
		};
		if (offset + done > UINT32_MAX ||
		    !ge_stream_op(e, GL_OP_BUFFER_READ, &op, sizeof(op)))
			return false;
		const uint8_t *reply = gl_enc_reply(e, GL_OP_BUFFER_READ, &size);
		uint32_t got;
		if (!reply || size < 4)
			return false;
		memcpy(&got, reply, 4);
		if (got != n || size != ge_blob_size(n)) {
			/* The host refused (GL error there) or answered oddly. */
			return false;
		}
		memcpy(dst + done, reply + 4, n);
		done += n;
	}
	return true;
}

static void write_back(GLenum target, int64_t offset, int64_t length, const uint8_t *data)
{
	for (int64_t done = 0; done < length;) {
		int64_t n = length - done > PIECE ? PIECE : length - done;
		gl_enc_glBufferSubData(target, offset + done, n, data + done);
		done += n;
	}
}

static GLenum check_range(const struct ge_buffer *b, GLintptr offset, GLsizeiptr length,
                          GLbitfield access)
{
	int64_t size = b ? b->size : 0;
	if (offset < 0 || length < 0 || offset > size || length > size - offset ||
	    (access & ~ACCESS_BITS))
		return GL_INVALID_VALUE;
	bool read = access & GL_MAP_READ_BIT_EXT, write = access & GL_MAP_WRITE_BIT_EXT;
	if (!length || (b && b->map) || (!read && !write) ||
	    (read && (access & (GL_MAP_INVALIDATE_RANGE_BIT_EXT | GL_MAP_INVALIDATE_BUFFER_BIT_EXT |
	                        GL_MAP_UNSYNCHRONIZED_BIT_EXT))) ||
	    ((access & GL_MAP_FLUSH_EXPLICIT_BIT_EXT) && !write))
		return GL_INVALID_OPERATION;
	/* GL_EXT_buffer_storage: persistence needs an immutable store, and a
	 * map asks only what the store's flags allow. */
	if ((access & (GL_MAP_PERSISTENT_BIT_EXT | GL_MAP_COHERENT_BIT_EXT)) && !b->immutable)
		return GL_INVALID_OPERATION;
	if (b->immutable && (access & STORE_BITS & ~b->storage_flags))
		return GL_INVALID_OPERATION;
	return GL_NO_ERROR;
}

static void *map_range(struct gl_enc *e, GLenum target, GLintptr offset, GLsizeiptr length,
                       GLbitfield access)
{
	struct ge_gl_state *gl = e->gl;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(gl, target, &ok);
	if (!ok) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return NULL;
	}
	void *shadow = NULL, *base = NULL;
	pthread_mutex_lock(&gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(gl->share, name, false);
	GLenum error = name ? check_range(b, offset, length, access) : GL_INVALID_OPERATION;
	if (error == GL_NO_ERROR && b->immutable) {
		/* Through a mapping on the host (gles-persist.c). */
		error = ge_persist_map(e, name, target, b, offset, length, access);
		shadow = error == GL_NO_ERROR ? b->map : NULL;
		pthread_mutex_unlock(&gl->share->lock);
		if (error != GL_NO_ERROR)
			gl_enc_error(e, error);
		return shadow;
	}
	bool reads = access & GL_MAP_READ_BIT_EXT;
	bool need_bytes = reads || !(access & (GL_MAP_INVALIDATE_RANGE_BIT_EXT |
	                                       GL_MAP_INVALIDATE_BUFFER_BIT_EXT |
	                                       GL_MAP_FLUSH_EXPLICIT_BIT_EXT));
	/* Written back whole at the unmap: the copy itself, where there is or may be one. */
	struct ge_copy *copy = NULL;
	if (error == GL_NO_ERROR && (access & GL_MAP_WRITE_BIT_EXT) &&
	    !(access & GL_MAP_FLUSH_EXPLICIT_BIT_EXT) && (need_bytes || b->copy)) {
		bool failed;
		copy = ge_copy_lend(e, target, b, offset, length, reads, &failed);
		if (failed)
			error = GL_OUT_OF_MEMORY;
		else if (copy)
			shadow = copy->bytes + offset;
	}
	if (error == GL_NO_ERROR && !copy) {
		if (!(shadow = ge_buffer_shadow(offset, length, false, &base)))
			error = GL_OUT_OF_MEMORY;
		else if (need_bytes &&
		         !ge_copy_map_bytes(e, target, b, offset, length, reads, shadow))
			error = GL_OUT_OF_MEMORY;
	}
	if (error == GL_NO_ERROR) {
		b->map = shadow;
		b->map_base = base;
		b->map_copy = copy;
		b->map_offset = offset;
		b->map_length = length;
		b->map_access = access;
	} else {
		free(base);
		shadow = NULL;
		gl_enc_error(e, error);
	}
	pthread_mutex_unlock(&gl->share->lock);
	return shadow;
}

/* glMapBufferOES takes GL_WRITE_ONLY_OES; desktop GL's glMapBuffer (one
 * implementation, its entry point's op) GL_READ_ONLY and GL_READ_WRITE too. */
static void *map_whole(uint32_t op, GLenum target, GLenum access)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return NULL;
	GLbitfield bits = access == GL_WRITE_ONLY_OES ? GL_MAP_WRITE_BIT_EXT : 0;
	if (op == GLES_OP_glMapBuffer && access == 0x88B8 /* GL_READ_ONLY */)
		bits = GL_MAP_READ_BIT_EXT;
	if (op == GLES_OP_glMapBuffer && access == 0x88BA /* GL_READ_WRITE */)
		bits = GL_MAP_READ_BIT_EXT | GL_MAP_WRITE_BIT_EXT;
	if (!bits) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return NULL;
	}
	bool ok;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	int64_t size = b ? b->size : 0;
	pthread_mutex_unlock(&e->gl->share->lock);
	/* The whole buffer, its bytes kept: the app may write only some. */
	return map_range(e, target, 0, size, bits);
}

void *GL_APIENTRY gl_enc_special_glMapBufferOES(GLenum target, GLenum access)
{
	return map_whole(GLES_OP_glMapBufferOES, target, access);
}

void *GL_APIENTRY gl_enc_special_glMapBuffer(GLenum target, GLenum access)
{
	return map_whole(GLES_OP_glMapBuffer, target, access);
}

void *GL_APIENTRY gl_enc_special_glMapBufferRangeEXT(GLenum target, GLintptr offset,
                                                     GLsizeiptr length, GLbitfield access)
{
	struct gl_enc *e = gl_enc_current();
	return e ? map_range(e, target, offset, length, access) : NULL;
}

GLboolean GL_APIENTRY gl_enc_special_glUnmapBufferOES(GLenum target)
{
	struct gl_enc *e = gl_enc_current();
	if (!e)
		return GL_FALSE;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	if (!ok) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return GL_FALSE;
	}
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	if (b && b->map && b->persist_copy) {
		ge_persist_unmap(e, name, b);
		pthread_mutex_unlock(&e->gl->share->lock);
		return GL_TRUE;
	}
	/* What the mapping holds is the unmap's until it has sent the bytes. */
	struct ge_buffer m = b ? *b : (struct ge_buffer){0};
	if (b && b->map) {
		b->map = b->map_base = NULL;
		b->map_copy = NULL;
		ge_buffer_unmap(b);
	}
	pthread_mutex_unlock(&e->gl->share->lock);
	if (!m.map) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return GL_FALSE;
	}
	if ((m.map_access & GL_MAP_WRITE_BIT_EXT) &&
	    !(m.map_access & GL_MAP_FLUSH_EXPLICIT_BIT_EXT)) {
		write_back(target, m.map_offset, m.map_length, m.map);
		ge_copy_sent(e->gl, name, m.map_offset, m.map_length, m.map);
	}
	free(m.map_base);
	ge_copy_release(m.map_copy);
	return GL_TRUE;
}

void GL_APIENTRY gl_enc_special_glFlushMappedBufferRangeEXT(GLenum target, GLintptr offset,
                                                            GLsizeiptr length)
{
	struct gl_enc *e = gl_enc_current();
	if (!e)
		return;
	bool ok;
	uint32_t name = ge_gl_bound_buffer(e->gl, target, &ok);
	if (!ok) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	pthread_mutex_lock(&e->gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(e->gl->share, name, false);
	GLenum error = GL_NO_ERROR;
	uint8_t *bytes = NULL;
	int64_t at = 0;
	if (!b || !b->map || !(b->map_access & GL_MAP_FLUSH_EXPLICIT_BIT_EXT))
		error = GL_INVALID_OPERATION;
	else if (offset < 0 || length < 0 || offset > b->map_length ||
	         length > b->map_length - offset)
		error = GL_INVALID_VALUE;
	else if (b->persist_copy)
		ge_persist_flush_range(e, name, b, offset, length);
	else if (length && !(bytes = malloc((size_t)length)))
		error = GL_OUT_OF_MEMORY;
	else if (length) {
		/* Sent unlocked: glBufferSubData looks for persistent mappings
		 * to flush first (gles-persist.c), which takes the lock. */
		memcpy(bytes, (uint8_t *)b->map + offset, (size_t)length);
		at = b->map_offset + offset;
	}
	pthread_mutex_unlock(&e->gl->share->lock);
	if (bytes) {
		write_back(target, at, length, bytes);
		ge_copy_sent(e->gl, name, at, length, bytes);
	}
	free(bytes);
	if (error != GL_NO_ERROR)
		gl_enc_error(e, error);
}
