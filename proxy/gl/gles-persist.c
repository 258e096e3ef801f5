/*
 * Mappings of GL_EXT_buffer_storage stores (proxy/egl/README.md): the host
 * maps the buffer too (GL_OP_BUFFER_PERSIST) for as long as the app's
 * mapping lives. The library keeps the app's memory M (ge_buffer.map) and a
 * copy S of the bytes last exchanged with the host (persist_copy); the host
 * keeps its own copy of S. "Flushing" sends the runs where M differs from S
 * (GL_OP_BUFFER_WRITE); "pulling" asks for the runs the GPU changed
 * (GL_OP_BUFFER_PULL) and writes them into M and S. Bytes the GPU did not
 * change are never written into M.
 *
 * Flush points: every command that may make the GPU read buffer memory, for
 * coherent persistent mappings; glMemoryBarrier for every persistent one;
 * glFlushMappedBufferRange for its range; unmap. Pull points: glFinish and
 * a fence wait that says signalled.
 */
#include <stdlib.h>
#include <string.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "gles-draws.h"
#include "state.h"
#include "stream.h"

#define PIECE GL_BUFFER_PIECE
/* Equal bytes between two changed ones that still travel in one run: the
 * run header costs 8. */
#define GAP 8

atomic_int ge_persistent_maps;

/* The end of the run of changed bytes starting at `i` (m[i] != s[i]). */
static int64_t run_end(const uint8_t *m, const uint8_t *s, int64_t i, int64_t to)
{
	int64_t end = i + 1;
	for (int64_t j = end; j < to && j - end < GAP; j++)
		if (m[j] != s[j])
			end = j + 1;
	return end;
}

bool ge_persist_flush_range(struct gl_enc *e, uint32_t name, struct ge_buffer *b, int64_t offset,
                            int64_t length)
{
	/* A mapping without GL_MAP_WRITE_BIT carries no writes (GL leaves the
	 * app's undefined; the host takes none through its read-only one). */
	if (!(b->map_access & GL_MAP_WRITE_BIT_EXT))
		return true;
	const uint8_t *m = b->map;
	uint8_t *s = b->persist_copy;
	int64_t to = offset + length;
	for (int64_t i = offset; i < to;) {
		/* Equal stretches are skipped a block at a time. */
		if (to - i >= 64 && !memcmp(m + i, s + i, 64)) {
			i += 64;
			continue;
		}
		if (m[i] == s[i]) {
			i++;
			continue;
		}
		int64_t end = run_end(m, s, i, to);
		for (int64_t at = i; at < end;) {
			uint32_t n = end - at > PIECE ? PIECE : (uint32_t)(end - at);
			/* S first, then S travels: a byte the app changes meanwhile
			 * differs from S again and goes with the next flush. */
			memcpy(s + at, m + at, n);
			struct gl_op_buffer_range op = {name, (uint32_t)(b->map_offset + at), n};
			if (!ge_stream_op_blob(e, GL_OP_BUFFER_WRITE, &op, sizeof(op), s + at, n))
				return false;
			at += n;
		}
		i = end;
	}
	return true;
}

/* The GPU's changes to b's mapping; share group locked. */
static bool pull(struct gl_enc *e, uint32_t name, struct ge_buffer *b)
{
	uint8_t *m = b->map, *s = b->persist_copy;
	for (int64_t at = 0; at < b->map_length;) {
		uint32_t n = b->map_length - at > PIECE ? PIECE : (uint32_t)(b->map_length - at);
		struct gl_op_buffer_range op = {name, (uint32_t)(b->map_offset + at), n};
		if (!ge_stream_op(e, GL_OP_BUFFER_PULL, &op, sizeof(op)))
			return false;
		uint32_t size = 0, count;
		const uint8_t *r = gl_enc_reply(e, GL_OP_BUFFER_PULL, &size);
		if (!r || size < 4)
			goto malformed;
		memcpy(&count, r, 4);
		uint32_t used = 4;
		for (uint32_t k = 0; k < count; k++) {
			struct gl_buffer_run run;
			if (size - used < sizeof(run))
				goto malformed;
			memcpy(&run, r + used, sizeof(run));
			used += sizeof(run);
			uint32_t padded = (run.length + 3u) & ~3u;
			if (!run.length || run.offset < op.offset || run.offset - op.offset > n ||
			    run.length > n - (run.offset - op.offset) || padded < run.length ||
			    size - used < padded)
				goto malformed;
			/* A run may hold a few bytes the GPU left as they were (equal
			 * to S): those are not written, so an app thread writing them
			 * meanwhile loses nothing. */
			int64_t i = at + (run.offset - op.offset);
			const uint8_t *v = r + used;
			for (uint32_t j = 0; j < run.length; j++) {
				if (v[j] != s[i + j]) {
					m[i + j] = v[j];
					s[i + j] = v[j];
				}
			}
			used += padded;
		}
		if (used != size)
			goto malformed;
		at += n;
	}
	return true;
malformed:
	if (!ge_stream_lost(e))
		ge_stream_lose(e, "malformed GL_OP_BUFFER_PULL reply");
	return false;
}

uint32_t ge_persist_map(struct gl_enc *e, uint32_t name, uint32_t target, struct ge_buffer *b,
                        int64_t offset, int64_t length, uint32_t access)
{
	if (offset > UINT32_MAX || length > UINT32_MAX - offset)
		return GL_OUT_OF_MEMORY; /* past what the wire's offsets say */
	void *base;
	uint8_t *m = ge_buffer_shadow(offset, length, true, &base), *s = calloc(1, (size_t)length);
	uint32_t mapped = 0;
	struct gl_op_buffer_persist op = {
	        .name = name,
	        .target = target,
	        .offset = (uint32_t)offset,
	        .length = (uint32_t)length,
	        .access = access & (GL_MAP_READ_BIT_EXT | GL_MAP_WRITE_BIT_EXT |
	                            GL_MAP_PERSISTENT_BIT_EXT | GL_MAP_COHERENT_BIT_EXT),
	};
	if (!m || !s || !ge_stream_op(e, GL_OP_BUFFER_PERSIST, &op, sizeof(op)) ||
	    !ge_stream_reply_fixed(e, GL_OP_BUFFER_PERSIST, &mapped, 4,
	                           "malformed GL_OP_BUFFER_PERSIST reply") ||
	    !mapped) {
		free(base);
		free(s);
		return GL_OUT_OF_MEMORY;
	}
	b->map = m;
	b->map_base = base;
	b->persist_copy = s;
	b->map_offset = offset;
	b->map_length = length;
	b->map_access = access;
	atomic_fetch_add(&ge_persistent_maps, 1);
	/* Both copies are zeros: the pull brings every other byte. */
	if (!pull(e, name, b)) {
		ge_buffer_unmap(b); /* the link is lost */
		return GL_OUT_OF_MEMORY;
	}
	return GL_NO_ERROR;
}

void ge_persist_unmap(struct gl_enc *e, uint32_t name, struct ge_buffer *b)
{
	ge_persist_flush_range(e, name, b, 0, b->map_length);
	struct gl_op_buffer_name op = {name};
	ge_stream_op(e, GL_OP_BUFFER_UNPERSIST, &op, sizeof(op));
	ge_buffer_unmap(b);
}

enum walk { FLUSH_COHERENT, FLUSH_ALL, PULL };

struct walk_data {
	struct gl_enc *e;
	enum walk what;
};

static void walk_one(uint32_t name, void *val, void *data)
{
	struct ge_buffer *b = val;
	struct walk_data *w = data;
	if (!b->persist_copy || !(b->map_access & GL_MAP_PERSISTENT_BIT_EXT))
		return; /* a mapping the GPU must not touch while it lives */
	if (w->what == FLUSH_COHERENT && !(b->map_access & GL_MAP_COHERENT_BIT_EXT))
		return;
	ge_persist_flush_range(w->e, name, b, 0, b->map_length);
	if (w->what == PULL)
		pull(w->e, name, b);
}

static void walk(struct gl_enc *e, enum walk what)
{
	if (!atomic_load(&ge_persistent_maps))
		return;
	struct ge_share *share = e->gl->share;
	struct walk_data w = {e, what};
	pthread_mutex_lock(&share->lock);
	ge_map_for_each(&share->buffers, walk_one, &w);
	pthread_mutex_unlock(&share->lock);
}

/* Commands after which the GPU may have read buffer memory: draws,
 * dispatches, copies, pixel transfers from or into buffers, transform
 * feedback, and those that end or mark a batch. */
static bool may_read_buffers(uint32_t op)
{
	switch (op) {
	case GLES_OP_glDrawArrays:
	case GLES_OP_glDrawArraysInstanced:
	case GLES_OP_glDrawArraysInstancedBaseInstanceEXT:
	case GLES_OP_glDrawArraysInstancedEXT:
	case GLES_OP_glDrawTransformFeedback: /* desktop GL 4.0 and 4.2 */
	case GLES_OP_glDrawTransformFeedbackStream:
	case GLES_OP_glDrawTransformFeedbackInstanced:
	case GLES_OP_glDrawTransformFeedbackStreamInstanced:
	case GLES_OP_glDrawArraysIndirect:
	case GLES_OP_glDrawElementsIndirect:
	case GLES_OP_glMultiDrawArrays:
	case GLES_OP_glMultiDrawArraysEXT:
	case GLES_OP_glMultiDrawElements:
	case GLES_OP_glMultiDrawElementsEXT:
	case GLES_OP_glMultiDrawElementsBaseVertexEXT:
	case GLES_OP_glMultiDrawElementsBaseVertex:
	case GLES_OP_glMultiDrawArraysIndirect:
	case GLES_OP_glMultiDrawElementsIndirect:
	case GLES_OP_glDispatchCompute:
	case GLES_OP_glDispatchComputeIndirect:
	case GLES_OP_glCopyBufferSubData:
	case GLES_OP_glBufferSubData:
	case GLES_OP_glClearBufferData:    /* desktop GL 4.3: the GPU writes the store */
	case GLES_OP_glClearBufferSubData: /* after the app's writes */
	case GLES_OP_glTexImage2D:
	case GLES_OP_glTexImage3D:
	case GLES_OP_glTexSubImage2D:
	case GLES_OP_glTexSubImage3D:
	case GLES_OP_glCompressedTexImage2D:
	case GLES_OP_glCompressedTexImage3D:
	case GLES_OP_glCompressedTexSubImage2D:
	case GLES_OP_glCompressedTexSubImage3D:
	case GLES_OP_glTexImage3DOES:
	case GLES_OP_glTexSubImage3DOES:
	case GLES_OP_glCompressedTexImage3DOES:
	case GLES_OP_glCompressedTexSubImage3DOES:
	case GLES_OP_glReadPixels:
	case GLES_OP_glReadnPixels:
	case GLES_OP_glReadnPixelsEXT:
	case GLES_OP_glReadnPixelsKHR:
	case GLES_OP_glBeginTransformFeedback:
	case GLES_OP_glResumeTransformFeedback:
	case GLES_OP_glFlush:
	case GLES_OP_glFinish:
	case GLES_OP_glFenceSync:
	case GLES_OP_glClientWaitSync:
	case GLES_OP_glWaitSync:
		return true;
	}
	return gl_elements_fields(op) != 0;
}

void ge_persist_before(struct gl_enc *e, uint32_t op)
{
	if (!atomic_load(&ge_persistent_maps))
		return;
	if (op == GLES_OP_glMemoryBarrier || op == GLES_OP_glMemoryBarrierByRegion)
		walk(e, FLUSH_ALL);
	else if (may_read_buffers(op))
		walk(e, FLUSH_COHERENT);
}

void ge_persist_pull_all(struct gl_enc *e)
{
	walk(e, PULL);
}

void GL_APIENTRY gl_enc_special_glFinish(void)
{
	gl_enc_glFinish();
	struct gl_enc *e = gl_enc_current();
	if (e)
		ge_persist_pull_all(e);
}

void GL_APIENTRY gl_enc_special_glGetSynciv(GLsync sync, GLenum pname, GLsizei count,
                                            GLsizei *length, GLint *values)
{
	GLsizei got = 0;
	gl_enc_glGetSynciv(sync, pname, count, &got, values);
	if (length)
		*length = got;
	struct gl_enc *e = gl_enc_current();
	if (e && pname == GL_SYNC_STATUS && got >= 1 && values && values[0] == GL_SIGNALED)
		ge_persist_pull_all(e);
}
