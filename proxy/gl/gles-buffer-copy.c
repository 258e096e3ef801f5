/*
 * The library's copy of a mapped buffer's store (issue 10: no synchronous round trip in
 * any frame). A map that keeps bytes the app may not write (glMapBufferOES and glMapBuffer
 * map the whole store, the app writes some; glMapBufferRange without an invalidate or
 * explicit-flush bit; any read map) used to fetch them from the host on every map
 * (GL_OP_BUFFER_READ, a round trip); it takes them from the copy instead.
 *
 * Who has one: a buffer once a map of it has needed bytes (that map fetches the whole
 * store, once), so apps that never map pay nothing. Immutable stores never
 * (gles-persist.c maps those on the host). The copies of a process hold GE_COPY_LIMIT
 * bytes at most together; past that, buffers fetch on each map as before.
 *
 * Exact: every byte the library sends into the store goes into the copy too (glBufferData
 * with data, glBufferSubData and glNamedBufferSubData, a map's write-back at unmap and at
 * glFlushMappedBufferRange, the named forms of gl-dsa-buffers.c, which are the bound
 * ones). The copy is dropped, and the next map fetches, where the host changes bytes the
 * library does not know, once: glCopyBufferSubData's destination (any target may be one;
 * glCopyNamedBufferSubData goes through it), glClearBuffer(Sub)Data and the named forms,
 * glInvalidateBuffer(Sub)Data, glBufferData without data (orphaning: a new store whose
 * bytes GL leaves undefined), glBufferStorage (immutable from then on).
 *
 * The safe rule for what the GPU writes: a buffer bound or named where the GPU may write
 * it never has a copy again, from that moment, whatever it is bound to later (a draw
 * writes through a binding made long before; the binding may be another context's of
 * the share group): glBindBuffer, glBindBufferBase/Range (and glBindBuffersBase/Range,
 * glTransformFeedbackBufferBase/Range, which end in them) to GL_TRANSFORM_FEEDBACK_BUFFER,
 * GL_SHADER_STORAGE_BUFFER, GL_ATOMIC_COUNTER_BUFFER, and to GL_PIXEL_PACK_BUFFER
 * (glReadPixels, glGetTexImage and every other pixel read write into it);
 * glTexBuffer(Range) in every form and glTextureBuffer(Range) (a shader's imageStore on
 * an image buffer writes the store); glGetQueryBufferObject* (the query's result).
 * GL_QUERY_BUFFER and GL_PARAMETER_BUFFER are no targets of the library's
 * (gl_buffer_target refuses them), so nothing is bound there. What is left only reads:
 * vertex and index arrays, uniform blocks, indirect commands, pixel unpack, the source
 * of a copy. Display lists compile none of these commands (GL runs buffer object and
 * pixel pack commands at once), and a list's draws write only where a binding is.
 *
 * Contexts of a share group: their streams reach the host in no order with each other,
 * so a copy follows one context's: the first that writes or maps the buffer (`writer`);
 * a write or a map from another one ends copying of that buffer for good. Deleting the
 * buffer forgets its record; a name made again starts without a copy.
 *
 * A map that writes back everything it maps at the unmap (a write map without
 * GL_MAP_FLUSH_EXPLICIT_BIT) is the copy itself: the app writes into the copy, and the
 * unmap sends from it. No bytes are copied in at the map nor back at the unmap, so a
 * mapped buffer costs the app what glBufferSubData costs (issue 10: nothing copied more
 * often than needed). While mapped the copy is not the host's store, and nothing takes
 * it for that: GL refuses a second map, and a write into the mapped range, until the
 * unmap sends the bytes. The mapping holds the copy, so what drops the copy without
 * ending the mapping (a binding where the GPU may write, another context's write, a
 * write the host makes) leaves the app's pointer valid until the unmap, as a shadow
 * was; glBufferData and a deletion end the mapping, as GL says, and free it. A
 * read-only map still gets its bytes copied: what an app writes there (undefined in
 * GL) would make the copy differ from the host. An app that writes through its pointer
 * after the unmap (undefined too) now writes into the copy, which its later maps and
 * write-backs of that buffer then carry: its own buffer's bytes, nobody else's.
 *
 * Not exact after a GL_OUT_OF_MEMORY from the host's glBufferData (the link's quota drops
 * the call; the copy has the new bytes): GL's state is undefined after that error.
 */
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>
#include <GLES2/gl2ext.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

static _Atomic uint64_t copy_bytes;
static _Atomic uint64_t serials;

uint64_t ge_copy_next_serial(void)
{
	return atomic_fetch_add(&serials, 1) + 1;
}

/* Room for n bytes of copies, counted; false past GE_COPY_LIMIT. */
static bool reserve(uint64_t n)
{
	if (atomic_fetch_add(&copy_bytes, n) + n <= GE_COPY_LIMIT)
		return true;
	atomic_fetch_sub(&copy_bytes, n);
	return false;
}

/* The store's bytes, at least one so that an empty store's copy is not NULL. */
static uint64_t store_bytes(const struct ge_buffer *b)
{
	return b->size > 0 ? (uint64_t)b->size : 1;
}

void ge_copy_release(struct ge_copy *c)
{
	if (!c || atomic_fetch_sub(&c->holders, 1) != 1)
		return;
	atomic_fetch_sub(&copy_bytes, c->size);
	free(c->bytes);
	free(c);
}

void ge_copy_drop(struct ge_buffer *b)
{
	ge_copy_release(b->copy);
	b->copy = NULL;
}

/* A new, counted copy of `b`'s store (its bytes not set), or NULL. Aligned as a shadow
 * is, since a mapping may be the copy. */
static struct ge_copy *make(struct ge_buffer *b)
{
	uint64_t n = store_bytes(b);
	if (n > SIZE_MAX || !reserve(n))
		return NULL;
	struct ge_copy *c = calloc(1, sizeof(*c));
	void *bytes = NULL;
	if (!c || posix_memalign(&bytes, GE_MAP_ALIGNMENT, (size_t)n) != 0) {
		free(c);
		atomic_fetch_sub(&copy_bytes, n);
		return NULL;
	}
	atomic_init(&c->holders, 1);
	c->size = n;
	c->bytes = bytes;
	b->copy = c;
	return c;
}

/* `gl` writes or maps `b`: the copy follows the first context that does. */
static void touched_by(struct ge_gl_state *gl, struct ge_buffer *b)
{
	if (!b->writer)
		b->writer = gl->serial;
	else if (b->writer != gl->serial)
		b->no_copy = true;
	if (b->no_copy || b->immutable)
		ge_copy_drop(b);
}

/* A map of `b` from `e`: its copy, made (the whole store fetched, or zeros where GL
 * leaves every byte `undefined`) where it may have one. 1: it has one; 0: it may not
 * (another context writes it, past the limit); -1: the host did not answer. */
static int have_copy(struct gl_enc *e, uint32_t target, struct ge_buffer *b, bool undefined)
{
	touched_by(e->gl, b);
	if (b->copy)
		return 1;
	if (b->no_copy || b->immutable || !make(b))
		return 0;
	if (undefined) {
		memset(b->copy->bytes, 0, (size_t)store_bytes(b));
	} else if (b->size && !ge_buffer_read(e, target, 0, (uint64_t)b->size, b->copy->bytes)) {
		ge_copy_drop(b);
		return -1;
	}
	return 1;
}

/* GL leaves every byte undefined, and the unmap writes them all back. */
static bool all_undefined(const struct ge_buffer *b, int64_t offset, int64_t length, bool reads)
{
	return b->undefined && !reads && offset == 0 && length == b->size;
}

bool ge_copy_map_bytes(struct gl_enc *e, uint32_t target, struct ge_buffer *b, int64_t offset,
                       int64_t length, bool reads, void *out)
{
	bool undefined = all_undefined(b, offset, length, reads);
	int has = have_copy(e, target, b, undefined);
	if (has < 0)
		return false;
	if (has)
		memcpy(out, b->copy->bytes + offset, (size_t)length);
	else if (undefined)
		memset(out, 0, (size_t)length);
	else
		return ge_buffer_read(e, target, (uint64_t)offset, (uint64_t)length, out);
	return true;
}

struct ge_copy *ge_copy_lend(struct gl_enc *e, uint32_t target, struct ge_buffer *b, int64_t offset,
                             int64_t length, bool reads, bool *failed)
{
	int has = have_copy(e, target, b, all_undefined(b, offset, length, reads));
	*failed = has < 0;
	if (has <= 0)
		return NULL;
	atomic_fetch_add(&b->copy->holders, 1);
	return b->copy;
}

void ge_copy_store(struct ge_gl_state *gl, struct ge_buffer *b, int64_t size, const void *data)
{
	bool had = b->copy != NULL;
	ge_copy_drop(b);
	b->size = size;
	touched_by(gl, b);
	b->undefined = !data;
	/* Only a buffer that has a copy keeps one: one never mapped pays nothing. */
	if (had && data && !b->no_copy && make(b))
		memcpy(b->copy->bytes, data, (size_t)size);
}

/* The buffer record of `name`, share locked (NULL, unlocked, for none). */
static struct ge_buffer *lock(struct ge_gl_state *gl, uint32_t name)
{
	if (!name)
		return NULL;
	pthread_mutex_lock(&gl->share->lock);
	struct ge_buffer *b = ge_share_buffer(gl->share, name, false);
	if (!b)
		pthread_mutex_unlock(&gl->share->lock);
	return b;
}

void ge_copy_sent(struct ge_gl_state *gl, uint32_t name, int64_t offset, int64_t length,
                  const void *data)
{
	struct ge_buffer *b = lock(gl, name);
	if (!b)
		return;
	touched_by(gl, b);
	b->undefined = false;
	if (offset < 0 || length < 0 || offset > b->size || length > b->size - offset) {
		/* GL refuses it: nothing written. */
	} else if (!data) {
		ge_copy_drop(b);
	} else if (b->copy && b->copy->bytes + offset != (const uint8_t *)data) {
		/* A mapping's write-back from the copy itself needs none; bytes from
		 * elsewhere in it (an app's stale pointer) may overlap. */
		memmove(b->copy->bytes + offset, data, (size_t)length);
	}
	pthread_mutex_unlock(&gl->share->lock);
}

void ge_copy_host_writes(struct ge_gl_state *gl, uint32_t name, bool undefined)
{
	struct ge_buffer *b = lock(gl, name);
	if (!b)
		return;
	ge_copy_drop(b);
	b->undefined = undefined;
	pthread_mutex_unlock(&gl->share->lock);
}

void ge_copy_gpu_writes(struct ge_gl_state *gl, uint32_t name)
{
	if (!name)
		return;
	pthread_mutex_lock(&gl->share->lock);
	/* A name bound before its first glBufferData gets its record here. */
	struct ge_buffer *b = ge_share_buffer(gl->share, name, true);
	if (b) {
		ge_copy_drop(b);
		b->no_copy = true;
		b->undefined = false;
	}
	pthread_mutex_unlock(&gl->share->lock);
}

/* ---- hooks: commands that name a buffer the GPU may write from now on ---- */

void gl_enc_hook_glTexBuffer(struct gl_enc *e, GLenum target, GLenum internalformat, GLuint buffer)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glTexBufferOES(struct gl_enc *e, GLenum target, GLenum internalformat,
                                GLuint buffer)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glTexBufferEXT(struct gl_enc *e, GLenum target, GLenum internalformat,
                                GLuint buffer)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glTexBufferRange(struct gl_enc *e, GLenum target, GLenum internalformat,
                                  GLuint buffer, GLintptr offset, GLsizeiptr size)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glTexBufferRangeOES(struct gl_enc *e, GLenum target, GLenum internalformat,
                                     GLuint buffer, GLintptr offset, GLsizeiptr size)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glTexBufferRangeEXT(struct gl_enc *e, GLenum target, GLenum internalformat,
                                     GLuint buffer, GLintptr offset, GLsizeiptr size)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glGetQueryBufferObjecti64v(struct gl_enc *e, GLuint id, GLuint buffer,
                                            GLenum pname, GLintptr offset)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glGetQueryBufferObjectiv(struct gl_enc *e, GLuint id, GLuint buffer, GLenum pname,
                                          GLintptr offset)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glGetQueryBufferObjectui64v(struct gl_enc *e, GLuint id, GLuint buffer,
                                             GLenum pname, GLintptr offset)
{
	ge_copy_gpu_writes(e->gl, buffer);
}

void gl_enc_hook_glGetQueryBufferObjectuiv(struct gl_enc *e, GLuint id, GLuint buffer, GLenum pname,
                                           GLintptr offset)
{
	ge_copy_gpu_writes(e->gl, buffer);
}
