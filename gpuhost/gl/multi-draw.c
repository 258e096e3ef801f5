/*
 * The direct multi-draws: glMultiDrawArrays and glMultiDrawElements[BaseVertex], under
 * desktop GL's names and ES's EXT ones (wire layout: gles-draws.h). Each draw is checked
 * as the plain draw it is (draw.c: its vertices against every attribute's buffer, its
 * indices inside the element buffer or the command), then the driver runs them as one
 * multi-draw, so that gl_DrawIDARB (ARB_shader_draw_parameters) counts them as natively
 * (where the driver lacks the multi-draw, its draws one by one, gl_DrawIDARB 0 in each).
 * The indices of the element buffer a multi-draw's draws scan are bounded
 * (GH_GL_MULTI_DRAW_SCAN): past it, GL_OUT_OF_MEMORY and nothing is drawn.
 *
 * The library raises GL's errors of the whole call (a negative drawcount, count or first,
 * a bad index type, client indices missing) and sends nothing then: a command that carries
 * one ends the link, as does a base vertex in a command without one.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "gles-draws.h"
#include "stream.h"

/* The arrays a multi-draw hands the driver. */
struct multi_call {
	uint32_t op;
	GLenum mode, type;
	GLsizei drawcount;
	GLint *first, *basevertex;
	GLsizei *count;
	const void **indices;
	uint64_t scanned; /* bytes of the element buffer's indices scanned so far */
	/* The host's driver lacks the multi-draw (gl.xml ties ES's base-vertex one to
	 * EXT_multi_draw_arrays): its draws one by one, gl_DrawIDARB 0 in each. */
	bool one_by_one;
	struct gh_gl *gl;
};

static bool multi_alloc(struct gl_exec *x, struct multi_call *c, bool elements)
{
	size_t n = c->drawcount ? (size_t)c->drawcount : 1;
	c->count = calloc(n, sizeof(*c->count));
	if (elements) {
		c->basevertex = calloc(n, sizeof(*c->basevertex));
		c->indices = calloc(n, sizeof(*c->indices));
	} else {
		c->first = calloc(n, sizeof(*c->first));
	}
	if (c->count && (elements ? c->basevertex && c->indices : c->first != NULL))
		return true;
	return gh_gl_fail(x, "out of memory for a multi-draw of %d draws", c->drawcount);
}

static void multi_free(struct multi_call *c)
{
	free(c->first);
	free(c->basevertex);
	free(c->count);
	free(c->indices);
}

static void run_arrays(const void *args)
{
	const struct multi_call *c = args;
	if (c->one_by_one) {
		for (GLsizei i = 0; i < c->drawcount; i++)
			gles_host.glDrawArrays(c->mode, c->first[i], c->count[i]);
	} else if (c->op == GLES_OP_glMultiDrawArraysEXT)
		gles_host.glMultiDrawArraysEXT(c->mode, c->first, c->count, c->drawcount);
	else
		gles_host.glMultiDrawArrays(c->mode, c->first, c->count, c->drawcount);
}

/* u32 mode, i32 drawcount, blob of drawcount struct gl_multi_arrays_draw. */
static bool multi_arrays(struct gl_exec *x, struct gl_reader *r, uint32_t op, const char *cmd,
                         bool host_has)
{
	struct multi_call c = {.op = op, .mode = gl_rd_u32(r)};
	c.drawcount = (GLsizei)gl_rd_u32(r);
	uint32_t n;
	const uint8_t *draws = gl_rd_blob(r, &n);
	if (!gles_reader_end(x, r, cmd))
		return false;
	c.one_by_one = !host_has;
	if (c.drawcount < 0 || n == GL_BLOB_NULL ||
	    n != (uint64_t)c.drawcount * sizeof(struct gl_multi_arrays_draw))
		return gh_gl_fail(x, "%u bytes for %d draws", n == GL_BLOB_NULL ? 0 : n,
		                  c.drawcount);
	bool ok = multi_alloc(x, &c, false);
	for (GLsizei i = 0; ok && i < c.drawcount; i++) {
		struct gl_multi_arrays_draw d;
		memcpy(&d, draws + (size_t)i * sizeof(d), sizeof(d));
		if (d.first < 0 || d.count < 0) {
			ok = gh_gl_fail(x, "draw %d: first %d, count %d", i, d.first, d.count);
			break;
		}
		c.first[i] = d.first;
		c.count[i] = d.count;
		struct gh_gl_fetch f = {.any = d.count > 0,
		                        .first = d.first,
		                        .last = (int64_t)d.first + d.count - 1,
		                        .instances = 1};
		ok = gh_gl_fetch_ok(x, &f);
	}
	ok = ok && gh_gl_draw_hiding(x, run_arrays, &c);
	multi_free(&c);
	return ok;
}

bool gl_exec_special_glMultiDrawArrays(struct gl_exec *x, struct gl_reader *r)
{
	return multi_arrays(x, r, GLES_OP_glMultiDrawArrays, "glMultiDrawArrays",
	                    gles_host.glMultiDrawArrays != NULL);
}

bool gl_exec_special_glMultiDrawArraysEXT(struct gl_exec *x, struct gl_reader *r)
{
	return multi_arrays(x, r, GLES_OP_glMultiDrawArraysEXT, "glMultiDrawArraysEXT",
	                    gles_host.glMultiDrawArraysEXT != NULL);
}

static void run_elements(const void *args)
{
	const struct multi_call *c = args;
	for (GLsizei i = 0; c->one_by_one && i < c->drawcount; i++) {
		if (c->basevertex[i])
			c->gl->fns.DrawElementsInstancedBaseVertex(
			        c->mode, c->count[i], c->type, c->indices[i], 1, c->basevertex[i]);
		else
			gles_host.glDrawElements(c->mode, c->count[i], c->type, c->indices[i]);
	}
	if (c->one_by_one)
		return;
	switch (c->op) {
	case GLES_OP_glMultiDrawElements:
		gles_host.glMultiDrawElements(c->mode, c->count, c->type, c->indices, c->drawcount);
		break;
	case GLES_OP_glMultiDrawElementsEXT:
		gles_host.glMultiDrawElementsEXT(c->mode, c->count, c->type, c->indices,
		                                 c->drawcount);
		break;
	case GLES_OP_glMultiDrawElementsBaseVertex:
		gles_host.glMultiDrawElementsBaseVertex(c->mode, c->count, c->type, c->indices,
		                                        c->drawcount, c->basevertex);
		break;
	default:
		gles_host.glMultiDrawElementsBaseVertexEXT(c->mode, c->count, c->type, c->indices,
		                                           c->drawcount, c->basevertex);
	}
}

/* Draw i of a multi-draw of elements, checked as one draw (draw.c): its indices' range in
 * the element buffer or at its place in the command's indices (*at: where the next draw's
 * begin). False after ending the link; *refused when GL_OUT_OF_MEMORY was recorded. */
static bool elements_draw(struct gl_exec *x, struct multi_call *c, GLsizei i,
                          const struct gl_multi_elements_draw *d, const uint8_t *indices,
                          uint32_t n, uint64_t *at, bool *refused)
{
	uint64_t isize = (uint64_t)gl_index_size(c->type);
	uint64_t bytes = (uint64_t)d->count * isize;
	uint32_t min = 0, max = 0;
	if (!indices) {
		c->scanned += bytes;
		if (c->scanned > GH_GL_MULTI_DRAW_SCAN) {
			gp_log(DEBUG,
			       "GL stream %u: a multi-draw's draws scan over %u bytes of indices: "
			       "GL error 0x%x",
			       x->channel, GH_GL_MULTI_DRAW_SCAN, GL_OUT_OF_MEMORY);
			gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
			*refused = true;
			return true;
		}
		if (!gh_gl_indices_range(x, d->count, c->type, c->mode, d->offset, NULL,
		                         GL_BLOB_NULL, &min, &max))
			return false;
		c->indices[i] = (const void *)(uintptr_t)d->offset;
	} else {
		if (d->offset != *at || bytes > n - *at)
			return gh_gl_fail(x, "draw %d: indices at byte %llu, %llu of them, of %u",
			                  i, (unsigned long long)d->offset,
			                  (unsigned long long)bytes, n);
		if (!gh_gl_indices_range(x, d->count, c->type, c->mode, 0, indices + *at,
		                         (uint32_t)bytes, &min, &max))
			return false;
		c->indices[i] = indices + *at;
		*at += bytes;
	}
	c->count[i] = d->count;
	c->basevertex[i] = d->basevertex;
	struct gh_gl_fetch f = {.any = d->count > 0,
	                        .first = (int64_t)min + d->basevertex,
	                        .last = (int64_t)max + d->basevertex,
	                        .instances = 1};
	if (f.any && f.last < 0)
		return gh_gl_fail(x, "draw %d: base vertex %d makes every index negative", i,
		                  d->basevertex);
	return gh_gl_fetch_ok(x, &f);
}

/* u32 mode, u32 type, i32 drawcount, blob of drawcount struct gl_multi_elements_draw, blob
 * indices (GL_BLOB_NULL with an element buffer bound). */
static bool multi_elements(struct gl_exec *x, struct gl_reader *r, uint32_t op, const char *cmd,
                           bool host_has, bool base_vertex)
{
	/* One read a statement: an initializer list's are in no set order. */
	struct multi_call c = {.op = op, .gl = x->gl, .mode = gl_rd_u32(r)};
	c.type = gl_rd_u32(r);
	c.drawcount = (GLsizei)gl_rd_u32(r);
	uint32_t n, n_indices;
	const uint8_t *draws = gl_rd_blob(r, &n);
	const uint8_t *indices = gl_rd_blob(r, &n_indices);
	if (!gles_reader_end(x, r, cmd))
		return false;
	c.one_by_one = !host_has;
	if (!host_has && base_vertex && !x->gl->fns.DrawElementsInstancedBaseVertex)
		return gh_gl_fail(x, "the host has no function to run it");
	if (gl_index_size(c.type) <= 0)
		return gh_gl_fail(x, "index type 0x%x", c.type);
	if (c.drawcount < 0 || n == GL_BLOB_NULL ||
	    n != (uint64_t)c.drawcount * sizeof(struct gl_multi_elements_draw))
		return gh_gl_fail(x, "%u bytes for %d draws", n == GL_BLOB_NULL ? 0 : n,
		                  c.drawcount);
	bool buffer = x->ctx->vao->element != NULL;
	if (buffer != (n_indices == GL_BLOB_NULL))
		return gh_gl_fail(x, "indices %s with %s element buffer bound",
		                  buffer ? "sent" : "missing", buffer ? "an" : "no");
	bool ok = multi_alloc(x, &c, true), refused = false;
	uint64_t at = 0;
	for (GLsizei i = 0; ok && !refused && i < c.drawcount; i++) {
		struct gl_multi_elements_draw d;
		memcpy(&d, draws + (size_t)i * sizeof(d), sizeof(d));
		if (d.count < 0 || (d.basevertex && !base_vertex))
			ok = gh_gl_fail(x, "draw %d: count %d, base vertex %d", i, d.count,
			                d.basevertex);
		else
			ok = elements_draw(x, &c, i, &d, buffer ? NULL : indices, n_indices, &at,
			                   &refused);
	}
	if (ok && !refused && !buffer && at != n_indices)
		ok = gh_gl_fail(x, "%u index bytes, the draws read %llu", n_indices,
		                (unsigned long long)at);
	ok = ok && (refused || gh_gl_draw_hiding(x, run_elements, &c));
	multi_free(&c);
	return ok;
}

bool gl_exec_special_glMultiDrawElements(struct gl_exec *x, struct gl_reader *r)
{
	return multi_elements(x, r, GLES_OP_glMultiDrawElements, "glMultiDrawElements",
	                      gles_host.glMultiDrawElements != NULL, false);
}

bool gl_exec_special_glMultiDrawElementsEXT(struct gl_exec *x, struct gl_reader *r)
{
	return multi_elements(x, r, GLES_OP_glMultiDrawElementsEXT, "glMultiDrawElementsEXT",
	                      gles_host.glMultiDrawElementsEXT != NULL, false);
}

bool gl_exec_special_glMultiDrawElementsBaseVertex(struct gl_exec *x, struct gl_reader *r)
{
	return multi_elements(x, r, GLES_OP_glMultiDrawElementsBaseVertex,
	                      "glMultiDrawElementsBaseVertex",
	                      gles_host.glMultiDrawElementsBaseVertex != NULL, true);
}

bool gl_exec_special_glMultiDrawElementsBaseVertexEXT(struct gl_exec *x, struct gl_reader *r)
{
	return multi_elements(x, r, GLES_OP_glMultiDrawElementsBaseVertexEXT,
	                      "glMultiDrawElementsBaseVertexEXT",
	                      gles_host.glMultiDrawElementsBaseVertexEXT != NULL, true);
}
