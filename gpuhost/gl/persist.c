/*
 * GL_EXT_buffer_storage's persistent mappings, host side (proxy/egl/README.md):
 * while the app holds a persistent mapping the host holds one of its own, of
 * the same range. The app's CPU writes arrive as GL_OP_BUFFER_WRITE and go
 * through it; the GPU's writes go back as GL_OP_BUFFER_PULL, the runs where
 * the mapping differs from `persist_copy`, the bytes the app holds. Every
 * range is checked against the mapping: one outside it ends the link.
 * The library maps every immutable store this way, persistent or not
 * (proxy/gl/gles-map.c): the host's mapping has the app's access, so the
 * driver refuses what GL refuses the app while a mapping without
 * GL_MAP_PERSISTENT_BIT lives (glBufferSubData, draws), and the element
 * copy follows none of it (vertex.c). Writes need GL_MAP_WRITE_BIT: the
 * host writes through no read-only mapping.
 */
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

#define MAP_BITS                                                                                   \
	(GL_MAP_READ_BIT | GL_MAP_WRITE_BIT | GL_MAP_PERSISTENT_BIT_EXT | GL_MAP_COHERENT_BIT_EXT)

static struct gh_gl_buffer *by_app_name(struct gl_exec *x, uint32_t name)
{
	uintptr_t host;
	if (!name || !gh_gl_map_get(&gh_gl_names_of(x->ctx, GL_NAMES_BUFFER)->app, name, &host))
		return NULL;
	return gh_gl_map_get_ptr(&x->ctx->share->buffers, (uint32_t)host);
}

static bool persist(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_buffer_persist op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	if (gl_buffer_target(op.target) < 0)
		return gh_gl_fail(x, "buffer target 0x%x", op.target);
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, op.target);
	if (!buf || buf != by_app_name(x, op.name))
		return gh_gl_fail(x, "buffer %u is not bound to 0x%x", op.name, op.target);
	if (buf->persist)
		return gh_gl_fail(x, "buffer %u is mapped already", op.name);
	if ((op.access & ~MAP_BITS) || !(op.access & (GL_MAP_READ_BIT | GL_MAP_WRITE_BIT)))
		return gh_gl_fail(x, "map access 0x%x", op.access);
	if (!op.length || op.offset > buf->size || op.length > buf->size - op.offset)
		return gh_gl_fail(x, "map of bytes %u..%llu of a %llu-byte buffer", op.offset,
		                  (unsigned long long)op.offset + op.length,
		                  (unsigned long long)buf->size);
	/* The copy of what the app holds is memory of the link's: charged. It
	 * starts as zeros, as the app's does; the library's first pull brings
	 * the bytes. */
	uint32_t mapped = 0;
	uint8_t *copy = NULL, *p = NULL;
	/* Only glBufferStorageEXT's stores, which GL keeps: the mapping lives
	 * until the app's unmap or the name's deletion. The library takes a
	 * store the driver or the quota refused for one: its map fails. */
	if (buf->immutable &&
	    gh_gl_quota_charge(buf->quota, 0, op.length, "a persistent mapping's copy")) {
		copy = calloc(1, op.length);
		/* The host reads through its mapping what the GPU wrote, whether
		 * the app asked to read or not (a write-only persistent mapping
		 * shows GPU writes natively too): READ where the store allows. */
		uint32_t access = op.access | (buf->storage_flags & GL_MAP_READ_BIT);
		p = copy ? gles_host.glMapBufferRange(op.target, op.offset, op.length, access)
		         : NULL;
		if (!p) {
			free(copy);
			gh_gl_quota_adjust(buf->quota, op.length, 0);
		}
	}
	if (p) {
		mapped = 1;
		buf->persist = p;
		buf->persist_copy = copy;
		buf->persist_offset = op.offset;
		buf->persist_length = op.length;
		buf->persist_coherent = op.access & GL_MAP_COHERENT_BIT_EXT;
		buf->persist_writable = op.access & GL_MAP_WRITE_BIT;
		buf->persist_persistent = op.access & GL_MAP_PERSISTENT_BIT_EXT;
	}
	uint8_t *reply = gl_exec_reply(x, 4);
	if (reply)
		memcpy(reply, &mapped, 4);
	return reply != NULL;
}

static bool unpersist(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_buffer_name op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	struct gh_gl_buffer *buf = by_app_name(x, op.name);
	if (!buf || !buf->persist)
		return gh_gl_fail(x, "buffer %u is not mapped persistently", op.name);
	/* Through a binding the app's state does not see. */
	GLint old = 0;
	gles_host.glGetIntegerv(GL_COPY_WRITE_BUFFER_BINDING, &old);
	gles_host.glBindBuffer(GL_COPY_WRITE_BUFFER, buf->host);
	gles_host.glUnmapBuffer(GL_COPY_WRITE_BUFFER);
	gles_host.glBindBuffer(GL_COPY_WRITE_BUFFER, (GLuint)old);
	gh_gl_persist_drop(buf);
	return true;
}

static struct gh_gl_buffer *checked_range(struct gl_exec *x, const struct gl_op_buffer_range *op)
{
	struct gh_gl_buffer *buf = by_app_name(x, op->name);
	if (!buf || !buf->persist) {
		gh_gl_fail(x, "buffer %u is not mapped persistently", op->name);
		return NULL;
	}
	if (!op->length || op->length > GL_BUFFER_PIECE || op->offset < buf->persist_offset ||
	    op->offset - buf->persist_offset > buf->persist_length ||
	    op->length > buf->persist_length - (op->offset - buf->persist_offset)) {
		gh_gl_fail(x, "bytes %u..%llu outside the mapping %u..%llu of buffer %u",
		           op->offset, (unsigned long long)op->offset + op->length,
		           buf->persist_offset,
		           (unsigned long long)buf->persist_offset + buf->persist_length, op->name);
		return NULL;
	}
	return buf;
}

static bool write_bytes(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_buffer_range op;
	gl_rd_struct(r, &op, sizeof(op));
	uint32_t n;
	const uint8_t *data = gl_rd_blob(r, &n);
	if (!gh_gl_reader_done(x, r))
		return false;
	struct gh_gl_buffer *buf = checked_range(x, &op);
	if (!buf)
		return false;
	if (!data || n != op.length)
		return gh_gl_fail(x, "a write of %u bytes carries %u", op.length, n);
	if (!buf->persist_writable)
		return gh_gl_fail(x, "a write into buffer %u, mapped without GL_MAP_WRITE_BIT",
		                  op.name);
	uint32_t at = op.offset - buf->persist_offset;
	memcpy(buf->persist + at, data, n);
	memcpy(buf->persist_copy + at, data, n);
	/* Index scans read the element copy: it follows the store. */
	if (buf->copy && buf->complete && (uint64_t)op.offset + n <= buf->size)
		memcpy(buf->copy + op.offset, data, n);
	buf->scan.valid = false;
	/* A non-coherent mapping's writes reach the GPU after this barrier. */
	if (!buf->persist_coherent)
		gles_host.glMemoryBarrier(GL_CLIENT_MAPPED_BUFFER_BARRIER_BIT_EXT);
	return true;
}

static bool pull(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_buffer_range op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	struct gh_gl_buffer *buf = checked_range(x, &op);
	if (!buf)
		return false;
	uint32_t at = op.offset - buf->persist_offset;
	const uint8_t *now = buf->persist + at;
	uint8_t *was = buf->persist_copy + at;
	/* Runs closer than 8 bytes merge, so each run but the last is followed
	 * by 8 equal bytes: R runs cost at most 11 R + (bytes in runs) after
	 * the count, with R <= (length - 1) / 9 + 1, which stays under
	 * 2 * length + 12 (one changed byte alone: 16 bytes for 1). */
	uint8_t *reply = malloc(4 + 2 * (size_t)op.length + 12);
	if (!reply)
		return gh_gl_fail(x, "no memory for a pull of %u bytes", op.length);
	uint32_t count = 0;
	size_t used = 4;
	for (uint32_t i = 0; i < op.length;) {
		if (now[i] == was[i]) {
			i++;
			continue;
		}
		uint32_t end = i + 1, same = 0;
		for (uint32_t j = end; j < op.length && same < 8; j++) {
			if (now[j] != was[j]) {
				end = j + 1;
				same = 0;
			} else {
				same++;
			}
		}
		uint32_t len = end - i;
		struct gl_buffer_run run = {op.offset + i, len};
		memcpy(reply + used, &run, sizeof(run));
		memcpy(reply + used + sizeof(run), now + i, len);
		memcpy(was + i, now + i, len);
		memset(reply + used + sizeof(run) + len, 0, ((len + 3) & ~3u) - len);
		used += sizeof(run) + ((len + 3) & ~3u);
		count++;
		i = end;
	}
	memcpy(reply, &count, 4);
	uint8_t *p = gl_exec_reply(x, (uint32_t)used);
	if (p)
		memcpy(p, reply, used);
	free(reply);
	return p != NULL;
}

bool gh_gl_persist_op(struct gl_exec *x, struct gl_reader *r)
{
	switch (x->op) {
	case GL_OP_BUFFER_PERSIST:
		return persist(x, r);
	case GL_OP_BUFFER_UNPERSIST:
		return unpersist(x, r);
	case GL_OP_BUFFER_WRITE:
		return write_bytes(x, r);
	default:
		return pull(x, r);
	}
}
