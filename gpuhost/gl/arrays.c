/*
 * Buffer data that does not travel as GLES commands.
 *
 * GL_OP_CLIENT_ARRAY: an app's client-side vertex array, sent for the
 * vertices the next draw uses. It lands at vertex `first` of a scratch
 * buffer the host owns (one per attribute per context; not an app name,
 * so the app can neither name nor delete it) and the attribute points
 * there, so the draw's own indices work unchanged. GL_OP_CLIENT_ARRAY_AGAIN
 * points it there once more, at the vertices the buffer still holds from the
 * array's last GL_OP_CLIENT_ARRAY, which must have had the same header.
 *
 * GL_OP_BUFFER_READ: the bytes of a bound buffer, for glMapBufferRange
 * with GL_MAP_READ_BIT on the app side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "gl-private.h"
#include "gles-codec.h"

struct gh_gl_buffer *gh_gl_scratch(struct gl_exec *x, uint32_t *slot, uint64_t size)
{
	struct gh_gl_context *ctx = x->ctx;
	if (!*slot) {
		GLuint name = 0;
		gles_host.glGenBuffers(1, &name);
		if (!name || gh_gl_map_get_ptr(&ctx->share->buffers, name))
			return gh_gl_fail(x, "the host cannot make a scratch buffer"), NULL;
		struct gh_gl_buffer *rec = calloc(1, sizeof(*rec));
		if (!rec || !gh_gl_map_put(&ctx->share->buffers, name, (uintptr_t)rec)) {
			free(rec);
			gles_host.glDeleteBuffers(1, &name);
			return gh_gl_fail(x, "too many buffers"), NULL;
		}
		*rec = (struct gh_gl_buffer){.refs = 1, .host = name, .quota = &x->gl->quota};
		*slot = name;
	}
	struct gh_gl_buffer *buf;
	buf = gh_gl_map_get_ptr(&ctx->share->buffers, *slot);
	gles_host.glBindBuffer(GL_ARRAY_BUFFER, buf->host);
	if (buf->size < size) {
		/* Grown in steps so that a growing vertex range does not
		 * reallocate at every draw. */
		uint64_t want = size < GH_GL_MAX_CLIENT_ARRAY / 2 ? size + size / 2 : size;
		/* No GL error can tell the app: past the quota the link ends. */
		if (!gh_gl_quota_charge(buf->quota, buf->charged, want, "a client array"))
			return gh_gl_fail(x,
			                  "%llu bytes of client-array vertices would pass the GL "
			                  "memory quota (--quota-gl-memory)",
			                  (unsigned long long)want),
			       NULL;
		buf->charged = want;
		/* OpenGL ES 1.1 has no GL_STREAM_DRAW. */
		GLenum usage = ctx->level.api == GL_API_GLES1 ? GL_DYNAMIC_DRAW : GL_STREAM_DRAW;
		gles_host.glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)want, NULL, usage);
		GLint got = 0;
		gles_host.glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &got);
		buf->size = got > 0 ? (uint64_t)got : 0;
		if (buf->size < size)
			return gh_gl_fail(x, "the host cannot hold %llu bytes of vertices",
			                  (unsigned long long)size),
			       NULL;
	}
	return buf;
}

/* What a reason calls the array: `what`, or for a generic attribute (NULL) its index. */
static const char *array_what(const char *what, const struct gl_client_array *h, char buf[32])
{
	if (what)
		return what;
	snprintf(buf, 32, "attribute %u", h->index);
	return buf;
}

struct gh_gl_buffer *gh_gl_client_vertices(struct gl_exec *x, const char *what,
                                           const struct gl_client_array *h, uint32_t bytes,
                                           uint32_t *name, struct gh_gl_array_sent *sent,
                                           const void *data, uint32_t n)
{
	char name_buf[32]; /* named only where a reason needs it: this runs at every draw */
	bool again = x->op == GL_OP_CLIENT_ARRAY_AGAIN;
	if (again && (!sent->valid || memcmp(&sent->h, h, sizeof(*h)) != 0))
		return gh_gl_fail(x,
		                  "%s: vertices %u..%u again, but no GL_OP_CLIENT_ARRAY of this "
		                  "array sent them last, with this format",
		                  array_what(what, h, name_buf), h->first, h->first + h->count),
		       NULL;
	if (!again && (n == GL_BLOB_NULL || n != (uint64_t)h->count * bytes))
		return gh_gl_fail(x, "%s: %u bytes for %u vertices of %u bytes",
		                  array_what(what, h, name_buf), n == GL_BLOB_NULL ? 0 : n,
		                  h->count, bytes),
		       NULL;
	uint64_t need = ((uint64_t)h->first + h->count) * bytes;
	if (need > GH_GL_MAX_CLIENT_ARRAY)
		return gh_gl_fail(x, "%s: vertices %u..%u need %llu bytes, over %u",
		                  array_what(what, h, name_buf), h->first, h->first + h->count,
		                  (unsigned long long)need, GH_GL_MAX_CLIENT_ARRAY),
		       NULL;
	/* Again: the buffer that command filled, never grown (which would drop
	 * its contents); it holds `need` bytes, as that command's size was this. */
	struct gh_gl_buffer *buf = gh_gl_scratch(x, name, again ? 0 : need);
	if (!buf)
		return NULL;
	if (again)
		return buf->size >= need
		               ? buf
		               : (gh_gl_fail(x, "%s: its scratch buffer lost the vertices",
		                             array_what(what, h, name_buf)),
		                  NULL);
	if (n)
		gles_host.glBufferSubData(GL_ARRAY_BUFFER, (GLintptr)h->first * bytes, n, data);
	sent->h = *h;
	sent->valid = true;
	return buf;
}

/* A generic attribute (GLES 2 and later). */
static bool attrib_array(struct gl_exec *x, const struct gl_client_array *h, const void *data,
                         uint32_t n)
{
	uint32_t index = h->index, size = h->size, type = h->type, mode = h->mode;
	uint32_t bytes = gh_gl_any_attrib_bytes(x->ctx, size, type);
	/* GL refuses GL_BGRA but normalized (and would keep the previous array). */
	bool bgra_ok = size != GH_GL_BGRA || mode == GL_CLIENT_ARRAY_NORMALIZED;
	if (index >= x->gl->max_attribs || !bytes || !bgra_ok || mode > GL_CLIENT_ARRAY_INTEGER)
		return gh_gl_fail(x, "attribute %u of %u x type 0x%x, mode %u", index, size, type,
		                  mode);
	struct gh_gl_buffer *buf = gh_gl_client_vertices(x, NULL, h, bytes, &x->ctx->scratch[index],
	                                                 &x->ctx->scratch_sent[index], data, n);
	if (!buf)
		return false;
	if (mode == GL_CLIENT_ARRAY_INTEGER)
		gles_host.glVertexAttribIPointer(index, (GLint)size, type, 0, NULL);
	else
		gles_host.glVertexAttribPointer(index, (GLint)size, type,
		                                mode == GL_CLIENT_ARRAY_NORMALIZED, 0, NULL);
	struct gh_gl_context *ctx = x->ctx;
	gles_host.glBindBuffer(GL_ARRAY_BUFFER, ctx->array_buffer ? ctx->array_buffer->host : 0);
	/* As glVertexAttribPointer: binding point `index`, packed vertices. */
	struct gh_gl_attrib *a = &ctx->vao->attribs[index];
	a->size = size;
	a->type = type;
	a->bytes = bytes;
	a->relative = 0;
	a->binding = index;
	struct gh_gl_binding *b = &ctx->vao->bindings[index];
	b->stride = bytes;
	b->offset = 0;
	gh_gl_buffer_ref(buf);
	gh_gl_buffer_unref(b->buffer);
	b->buffer = buf;
	return true;
}

bool gh_gl_client_array(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_client_array h;
	gl_rd_struct(r, &h, sizeof(h));
	uint32_t n = 0;
	/* Only the driver reads the vertices (glBufferSubData into the
	 * scratch buffer): from shared memory, where they lie. AGAIN has none. */
	const void *data = x->op == GL_OP_CLIENT_ARRAY ? gl_rd_blob_unread(r, &n) : NULL;
	if (!gh_gl_reader_done(x, r))
		return false;
	uint32_t api = x->ctx->level.api;
	if (h.array >= GL_ARRAY_KIND_COUNT)
		return gh_gl_fail(x, "unknown array kind %u", h.array);
	/* ES 1: the fixed-function kinds; compatibility: every kind (point
	 * sizes are ES 1's, fixed.c refuses them); the others: attributes. */
	bool ok = api == GL_API_GL_COMPAT || (api == GL_API_GLES1) == (h.array != GL_ARRAY_ATTRIB);
	if (!ok)
		return gh_gl_fail(x, "array kind %u in a %s context", h.array, gl_api_name(api));
	return h.array != GL_ARRAY_ATTRIB ? gh_gl_ff_client_array(x, &h, data, n)
	                                  : attrib_array(x, &h, data, n);
}

bool gh_gl_buffer_read(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_buffer_read op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	uint32_t target = op.target, offset = op.offset, length = op.length;
	if (gl_buffer_target(target) < 0)
		return gh_gl_fail(x, "buffer target 0x%x", target);
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf)
		return gh_gl_fail(x, "no buffer bound to 0x%x", target);
	if (offset > buf->size || length > buf->size - offset || length > GL_MAX_COMMAND - 12)
		return gh_gl_fail(x, "bytes %u..%llu of a %llu-byte buffer", offset,
		                  (unsigned long long)offset + length,
		                  (unsigned long long)buf->size);
	const void *src = NULL;
	struct gh_gl_fns *f = &x->gl->fns;
	if (length && f->MapBufferRange && f->UnmapBuffer)
		src = f->MapBufferRange(target, offset, length, GH_GL_MAP_READ_BIT);
	/* A store the host cannot map answers with no bytes: the app's map
	 * fails (GL_OUT_OF_MEMORY) rather than showing wrong data. */
	uint32_t got = src ? length : 0;
	uint8_t *p = gl_exec_reply(x, 4 + ((got + 3) & ~3u));
	if (p) {
		memcpy(p, &got, 4);
		if (src)
			memcpy(p + 4, src, length);
	}
	if (src)
		f->UnmapBuffer(target);
	return p != NULL;
}
