/*
 * Where a client-side vertex array's vertices land (GL_OP_CLIENT_ARRAY, arrays.c): at
 * vertex `first` of a scratch buffer the host owns, one per array per context (not an app
 * name, so the app can neither name nor delete it). GL_OP_CLIENT_ARRAY_AGAIN points the
 * array there once more, at the vertices the buffer still holds from the array's last
 * GL_OP_CLIENT_ARRAY, which must have had the same header. Generic attributes (arrays.c)
 * and fixed-function arrays (fixed.c) both land here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

struct gh_gl_buffer *gh_gl_scratch(struct gl_exec *x, uint32_t *slot, uint64_t size,
                                   const char *what)
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
		if (!gh_gl_quota_charge(buf->quota, buf->charged, want, what))
			return gh_gl_fail(x,
			                  "%llu bytes of %s would pass the GL memory quota "
			                  "(--quota-gl-memory)",
			                  (unsigned long long)want, what),
			       NULL;
		buf->charged = want;
		/* OpenGL ES 1.1 has no GL_STREAM_DRAW. */
		GLenum usage = ctx->level.api == GL_API_GLES1 ? GL_DYNAMIC_DRAW : GL_STREAM_DRAW;
		gles_host.glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)want, NULL, usage);
		GLint got = 0;
		gles_host.glGetBufferParameteriv(GL_ARRAY_BUFFER, GL_BUFFER_SIZE, &got);
		buf->size = got > 0 ? (uint64_t)got : 0;
		if (buf->size < size)
			return gh_gl_fail(x, "the host cannot hold %llu bytes of %s",
			                  (unsigned long long)size, what),
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
	struct gh_gl_buffer *buf =
	        gh_gl_scratch(x, name, again ? 0 : need, "client-array vertices");
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
