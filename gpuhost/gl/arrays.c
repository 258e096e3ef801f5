/*
 * Buffer data that does not travel as GLES commands.
 *
 * GL_OP_CLIENT_ARRAY: an app's client-side vertex array, sent for the
 * vertices the next draw uses. They land in a scratch buffer of the host's
 * (client-vertices.c) and the attribute, or the fixed-function array
 * (fixed.c), points there, so the draw's own indices work unchanged.
 *
 * GL_OP_BUFFER_READ: the bytes of a bound buffer, for glMapBufferRange
 * with GL_MAP_READ_BIT on the app side.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "context.h"
#include "draws.h"
#include "quota.h"
#include "executor.h"
#include "gles-codec.h"
#include "records.h"
#include "stream.h"

/* A generic attribute (GLES 2 and later). */
static bool attrib_array(struct gl_exec *x, const struct gl_client_array *h, const void *data,
                         uint32_t n)
{
	uint32_t index = h->index, size = h->size, type = h->type, mode = h->mode;
	uint32_t bytes = gh_gl_any_attrib_bytes(x->ctx, size, type);
	/* GL refuses GL_BGRA but normalized, and an integer array of a type that is not
	 * (and would keep the previous array). */
	bool bgra_ok = size != GH_GL_BGRA || mode == GL_CLIENT_ARRAY_NORMALIZED;
	bool integer_ok = mode != GL_CLIENT_ARRAY_INTEGER || gh_gl_attrib_integer_type(type);
	if (index >= x->gl->max_attribs || !bytes || !bgra_ok || !integer_ok ||
	    mode > GL_CLIENT_ARRAY_INTEGER)
		return gh_gl_fail(x, "attribute %u of %u x type 0x%x, mode %u", index, size, type,
		                  mode);
	struct gh_gl_buffer *buf = gh_gl_client_vertices(x, NULL, h, bytes, &x->ctx->scratch[index],
	                                                 &x->ctx->scratch_sent[index], data, n);
	if (!buf)
		return false;
	gh_gl_errors_stash(x->ctx);
	if (mode == GL_CLIENT_ARRAY_INTEGER)
		gles_host.glVertexAttribIPointer(index, (GLint)size, type, 0, NULL);
	else
		gles_host.glVertexAttribPointer(index, (GLint)size, type,
		                                mode == GL_CLIENT_ARRAY_NORMALIZED, 0, NULL);
	bool refused = gh_gl_command_failed(x->ctx);
	struct gh_gl_context *ctx = x->ctx;
	gles_host.glBindBuffer(GL_ARRAY_BUFFER, ctx->array_buffer ? ctx->array_buffer->host : 0);
	/* Refused (a format this driver lacks: the library sends only what GL
	 * takes, for what the context offers), the driver keeps its previous
	 * array, which the draw after this would read as if it were these
	 * vertices. */
	if (refused)
		return gh_gl_fail(x, "the driver refused attribute %u of %u x type 0x%x, mode %u",
		                  index, size, type, mode);
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
