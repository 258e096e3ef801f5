/*
 * Draws, validated before the host GL runs them: no draw may read past the
 * end of a buffer. For each attribute location the vertex stage's program
 * reads whose array is enabled, the last vertex the draw fetches must lie
 * inside the buffer of the attribute's binding point; element indices must lie inside the element
 * buffer, and the largest of them is that last vertex. An enabled array
 * with no buffer behind it is never left for GL to dereference (it would
 * be a host pointer): read by the program, the link ends; not read, it is
 * disabled around the draw. A base vertex moves the vertices fetched
 * (one before the first ends the link, as a read past the end does); an
 * instanced attribute fetches from the base instance on.
 */
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "gles-draws.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

/* The smallest and largest of `count` indices of `isize` bytes, leaving out
 * those equal to `skip` (the restart index, which fetches no vertex;
 * GL_NO_RESTART matches none). None fetched: both 0, which checks vertex 0,
 * never less than the draw fetches. */
static void index_range(const uint8_t *p, uint32_t count, uint32_t isize, uint64_t skip,
                        uint32_t *min, uint32_t *max)
{
	uint32_t lo = UINT32_MAX, hi = 0;
	bool any = false;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t v;
		if (isize == 1) {
			v = p[i];
		} else if (isize == 2) {
			uint16_t h;
			memcpy(&h, p + 2 * (size_t)i, 2);
			v = h;
		} else {
			memcpy(&v, p + 4 * (size_t)i, 4);
		}
		if (v == skip)
			continue;
		any = true;
		lo = v < lo ? v : lo;
		hi = v > hi ? v : hi;
	}
	*min = any ? lo : 0;
	*max = any ? hi : 0;
}

bool gh_gl_buffer_fetch_strided(struct gl_exec *x, uint32_t target, uint64_t offset, uint32_t count,
                                uint64_t stride, uint32_t bytes, void *out)
{
	struct gh_gl_fns *f = &x->gl->fns;
	const uint8_t *p = NULL;
	if (!bytes || !count)
		return true;
	uint64_t span = (uint64_t)(count - 1) * stride + bytes;
	if (f->MapBufferRange && f->UnmapBuffer)
		p = f->MapBufferRange(target, (GLintptr)offset, (GLsizeiptr)span,
		                      GH_GL_MAP_READ_BIT);
	if (!p)
		return gh_gl_fail(x, "the host cannot read the buffer bound to 0x%x to check it",
		                  target);
	for (uint32_t i = 0; i < count; i++)
		memcpy((uint8_t *)out + (size_t)i * bytes, p + i * stride, bytes);
	f->UnmapBuffer(target);
	return true;
}

bool gh_gl_buffer_fetch(struct gl_exec *x, uint32_t target, uint64_t offset, uint32_t bytes,
                        void *out)
{
	return gh_gl_buffer_fetch_strided(x, target, offset, 1, 0, bytes, out);
}

/* The index range of the bound element buffer's indices: from our copy,
 * else from the host's own store. */
static bool buffer_index_range(struct gl_exec *x, struct gh_gl_buffer *buf, uint64_t offset,
                               uint32_t count, uint32_t type, uint32_t isize, uint64_t skip,
                               uint32_t *min, uint32_t *max)
{
	if (buf->scan.valid && buf->scan.offset == offset && buf->scan.count == count &&
	    buf->scan.type == type && buf->scan.skip == skip) {
		*min = buf->scan.min;
		*max = buf->scan.max;
		return true;
	}
	if (buf->complete) {
		index_range(buf->copy + offset, count, isize, skip, min, max);
	} else {
		struct gh_gl_fns *f = &x->gl->fns;
		const uint8_t *p = NULL;
		if (f->MapBufferRange && f->UnmapBuffer)
			p = f->MapBufferRange(GL_ELEMENT_ARRAY_BUFFER, (GLintptr)offset,
			                      (GLsizeiptr)count * isize, GH_GL_MAP_READ_BIT);
		if (!p)
			return gh_gl_fail(x, "the host cannot read element buffer %u to check it",
			                  buf->host);
		index_range(p, count, isize, skip, min, max);
		f->UnmapBuffer(GL_ELEMENT_ARRAY_BUFFER);
	}
	buf->scan.valid = true;
	buf->scan.offset = offset;
	buf->scan.count = count;
	buf->scan.type = type;
	buf->scan.skip = skip;
	buf->scan.min = *min;
	buf->scan.max = *max;
	return true;
}

/* The index value the draw's indices of `isize` bytes restart primitives
 * with, which fetches no vertex; GL_NO_RESTART where restart is off
 * (gl_restart_index: the rule the library's uploads follow too). Each way
 * to restart is asked of the driver at each draw, so no state of ours can
 * drift from what it compares with: the fixed index (where the host context
 * has it), desktop GL's GL_PRIMITIVE_RESTART and NV_primitive_restart's
 * client state (where the host's driver has them, whatever the app was
 * offered: a hostile app may enable what it was not), each index compared
 * as it is, before any base vertex; a cap the context lacks is never asked
 * (that would be a GL error). */
static uint64_t restart_index(struct gl_exec *x, uint32_t isize, uint32_t mode)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gl_restart r = {0};
	GLint index = 0;
	r.fixed = ctx->fixed_restart && gles_host.glIsEnabled(GL_PRIMITIVE_RESTART_FIXED_INDEX);
	r.core = ctx->app_restart && gles_host.glIsEnabled(GL_PRIMITIVE_RESTART);
	if (r.core) {
		gles_host.glGetIntegerv(GL_PRIMITIVE_RESTART_INDEX, &index);
		r.core_index = (uint32_t)index;
	}
	r.nv = ctx->nv_restart && gles_host.glIsEnabled(GH_GL_PRIMITIVE_RESTART_NV);
	if (r.nv) {
		gles_host.glGetIntegerv(GH_GL_PRIMITIVE_RESTART_INDEX_NV, &index);
		r.nv_index = (uint32_t)index;
	}
	return gl_restart_index(&r, isize, mode);
}

bool gh_gl_element_range(struct gl_exec *x, uint64_t offset, uint32_t count, uint32_t type,
                         uint32_t mode, uint32_t *min, uint32_t *max)
{
	int64_t isize = gl_index_size(type);
	struct gh_gl_buffer *elements = x->ctx->vao->element;
	if (isize <= 0 || !elements)
		return gh_gl_fail(x, "index type 0x%x, element buffer %s", type,
		                  elements ? "bound" : "none");
	*min = *max = 0;
	if (!count)
		return true;
	return buffer_index_range(x, elements, offset, count, type, (uint32_t)isize,
	                          restart_index(x, (uint32_t)isize, mode), min, max);
}

/* Checks every attribute for what the draw fetches and collects the
 * enabled ones without a buffer, which must be hidden: the driver would
 * read the app's pointer as an address of ours. The attributes read are
 * those of the program that runs the vertex stage: the current one, else
 * the bound pipeline's (pipelines.c). One the program reads draws with the
 * attribute's current value, as if disabled: GL leaves it undefined (an
 * enabled array of a vertex array object with no buffer), Mesa draws
 * without an error, and the app keeps its link. */
static bool check_attribs(struct gl_exec *x, const struct gh_gl_fetch *f, uint32_t *hide)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_program *prog = gh_gl_vertex_program(ctx);
	*hide = 0;
	if (prog && prog->beyond)
		return gh_gl_fail(x, "the program reads attributes over the %u gpupipe tracks",
		                  x->gl->max_attribs);
	/* Without a GLSL program in a compatibility context the driver may
	 * fetch generic arrays all the same: generic 0 is the position there,
	 * and an assembly vertex program reads any. Every enabled one with a
	 * buffer is checked then (the security review of 2026-12-06: a
	 * 16-byte buffer at generic 0 served a million points). */
	bool any_read = !prog && ctx->level.api == GL_API_GL_COMPAT;
	for (uint32_t i = 0; i < x->gl->max_attribs; i++) {
		const struct gh_gl_attrib *a = &ctx->vao->attribs[i];
		const struct gh_gl_binding *b = &ctx->vao->bindings[a->binding];
		bool used = prog && (prog->attribs >> i & 1);
		if (!a->enabled)
			continue;
		if (!b->buffer) {
			*hide |= 1u << i;
			continue;
		}
		if (!(used || any_read) || !f->any || (b->divisor && !f->instances))
			continue;
		int64_t first = b->divisor ? (int64_t)f->base_instance : f->first;
		uint64_t last = b->divisor ? f->base_instance + (f->instances - 1) / b->divisor
		                           : (uint64_t)f->last;
		/* A vertex before the first: ahead of the binding's offset. */
		if (first < 0 && b->stride)
			return gh_gl_fail(x, "attribute %u fetches vertex %lld", i,
			                  (long long)first);
		uint64_t end;
		bool over = __builtin_mul_overflow(last, (uint64_t)b->stride, &end) ||
		            __builtin_add_overflow(end, (uint64_t)a->relative + a->bytes, &end) ||
		            __builtin_add_overflow(end, b->offset, &end);
		if (over || end > b->buffer->size)
			return gh_gl_fail(x,
			                  "attribute %u reads to byte %llu of a %llu-byte buffer",
			                  i, over ? ~0ull : (unsigned long long)end,
			                  (unsigned long long)b->buffer->size);
	}
	return true;
}

static void hide_arrays(uint32_t hide, bool enable)
{
	for (uint32_t i = 0; hide; i++, hide >>= 1) {
		if (!(hide & 1))
			continue;
		if (enable)
			gles_host.glEnableVertexAttribArray(i);
		else
			gles_host.glDisableVertexAttribArray(i);
	}
}

/* Every array a draw of this context reads, checked for f (the arrays with no buffer in
 * *hide and *hide_ff, whatever f). OpenGL ES 1 contexts draw from the fixed-function
 * arrays (fixed.c), compatibility contexts from those and the generic attributes. */
static bool check_arrays(struct gl_exec *x, const struct gh_gl_fetch *f, uint32_t *hide,
                         uint32_t *hide_ff)
{
	uint32_t api = x->ctx->level.api;
	*hide = *hide_ff = 0;
	if ((api == GL_API_GLES1 || api == GL_API_GL_COMPAT) &&
	    !gh_gl_ff_check(x, f->any, f->last > 0 ? (uint64_t)f->last : 0, hide_ff))
		return false;
	return api == GL_API_GLES1 || check_attribs(x, f, hide);
}

bool gh_gl_fetch_ok(struct gl_exec *x, const struct gh_gl_fetch *f)
{
	uint32_t hide, hide_ff;
	return check_arrays(x, f, &hide, &hide_ff);
}

static void run_hiding(struct gl_exec *x, uint32_t hide, uint32_t hide_ff,
                       void (*draw)(const void *args), const void *args)
{
	gh_gl_ff_hide(x, hide_ff, false);
	hide_arrays(hide, false);
	draw(args);
	gh_gl_ff_hide(x, hide_ff, true);
	hide_arrays(hide, true);
}

bool gh_gl_draw_hiding(struct gl_exec *x, void (*draw)(const void *args), const void *args)
{
	/* Which arrays are hidden follows from the state alone: a fetch of nothing finds
	 * them. */
	static const struct gh_gl_fetch nothing = {.any = false};
	uint32_t hide, hide_ff;
	if (!check_arrays(x, &nothing, &hide, &hide_ff))
		return false;
	run_hiding(x, hide, hide_ff, draw, args);
	return true;
}

bool gh_gl_draw_checked(struct gl_exec *x, const struct gh_gl_fetch *f,
                        void (*draw)(const void *args), const void *args)
{
	uint32_t hide, hide_ff;
	if (!check_arrays(x, f, &hide, &hide_ff))
		return false;
	run_hiding(x, hide, hide_ff, draw, args);
	return true;
}

struct arrays_call {
	GLenum mode;
	GLint first;
	GLsizei count, instances;
	GLuint base_instance;
	bool with_base; /* glDrawArraysInstancedBaseInstanceEXT */
};

static void run_arrays(const void *args)
{
	const struct arrays_call *c = args;
	if (c->with_base)
		gles_host.glDrawArraysInstancedBaseInstanceEXT(c->mode, c->first, c->count,
		                                               c->instances, c->base_instance);
	else if (c->instances == 1)
		gles_host.glDrawArrays(c->mode, c->first, c->count);
	else if (gles_host.glDrawArraysInstanced)
		gles_host.glDrawArraysInstanced(c->mode, c->first, c->count, c->instances);
	else /* an ES 2 host: GL_EXT_draw_instanced's is the one it has */
		gles_host.glDrawArraysInstancedEXT(c->mode, c->first, c->count, c->instances);
}

static bool draw_arrays(struct gl_exec *x, struct arrays_call *c)
{
	if (c->instances < 0)
		return true; /* GL_INVALID_VALUE natively, and nothing is drawn */
	/* Negative values are a GL error: nothing is read. */
	struct gh_gl_fetch f = {.any = c->first >= 0 && c->count > 0,
	                        .instances = (uint64_t)c->instances,
	                        .base_instance = c->base_instance,
	                        .first = c->first};
	f.last = f.any ? (int64_t)c->first + c->count - 1 : 0;
	return gh_gl_draw_checked(x, &f, run_arrays, c);
}

bool gl_exec_special_glDrawArrays(struct gl_exec *x, struct gl_reader *r)
{
	GLenum mode = gl_rd_u32(r);
	GLint first = (GLint)gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArrays"))
		return false;
	struct arrays_call c = {mode, first, count, 1, 0, false};
	return draw_arrays(x, &c);
}

bool gl_exec_special_glDrawArraysInstanced(struct gl_exec *x, struct gl_reader *r)
{
	GLenum mode = gl_rd_u32(r);
	GLint first = (GLint)gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	GLsizei instances = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArraysInstanced"))
		return false;
	struct arrays_call c = {mode, first, count, instances, 0, false};
	return draw_arrays(x, &c);
}

/* GL_EXT_draw_instanced (ES 2): the same draw, run as ES 3's is. */
bool gl_exec_special_glDrawArraysInstancedEXT(struct gl_exec *x, struct gl_reader *r)
{
	GLenum mode = gl_rd_u32(r);
	GLint first = (GLint)gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	GLsizei instances = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArraysInstancedEXT"))
		return false;
	struct arrays_call c = {mode, first, count, instances, 0, false};
	return draw_arrays(x, &c);
}

bool gl_exec_special_glDrawArraysInstancedBaseInstanceEXT(struct gl_exec *x, struct gl_reader *r)
{
	struct arrays_call c = {.mode = gl_rd_u32(r), .with_base = true};
	c.first = (GLint)gl_rd_u32(r);
	c.count = (GLsizei)gl_rd_u32(r);
	c.instances = (GLsizei)gl_rd_u32(r);
	c.base_instance = gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArraysInstancedBaseInstanceEXT"))
		return false;
	return draw_arrays(x, &c);
}

bool gh_gl_indices_range(struct gl_exec *x, GLsizei count, uint32_t type, uint32_t mode,
                         uint64_t offset, const void *indices, uint32_t n, uint32_t *first,
                         uint32_t *last)
{
	struct gh_gl_buffer *elements = x->ctx->vao->element;
	int64_t isize = gl_index_size(type);
	if (isize <= 0)
		return gh_gl_fail(x, "index type 0x%x", type);
	uint64_t bytes = (uint64_t)count * (uint64_t)isize;
	if (elements) {
		if (n != GL_BLOB_NULL)
			return gh_gl_fail(x, "indices sent with an element buffer bound");
		if (offset > elements->size || bytes > elements->size - offset)
			return gh_gl_fail(x, "indices to byte %llu of a %llu-byte element buffer",
			                  (unsigned long long)(offset + bytes),
			                  (unsigned long long)elements->size);
		return gh_gl_element_range(x, offset, (uint32_t)count, type, mode, first, last);
	}
	if (n == GL_BLOB_NULL || n != bytes || offset)
		return gh_gl_fail(x, "%u index bytes for %d indices of type 0x%x",
		                  n == GL_BLOB_NULL ? 0 : n, count, type);
	index_range(indices, (uint32_t)count, (uint32_t)isize,
	            restart_index(x, (uint32_t)isize, mode), first, last);
	return true;
}

/* One indexed draw, as every glDraw*Elements* sends it (gles-draws.h). */
struct elements_draw {
	const char *cmd;
	uint32_t fields;
	GLenum mode, type;
	GLuint start, end;
	GLsizei count, instances;
	GLint base_vertex;
	GLuint base_instance;
	uint64_t offset;
	const void *indices;
	uint32_t n;
};

struct elements_call {
	struct gh_gl *gl;
	const struct elements_draw *d;
	const void *indices;
};

static void run_elements(const void *args)
{
	const struct elements_call *c = args;
	const struct elements_draw *d = c->d;
	if (d->fields & GL_ELEMENTS_BASE_INSTANCE)
		gles_host.glDrawElementsInstancedBaseVertexBaseInstanceEXT(
		        d->mode, d->count, d->type, c->indices, d->instances, d->base_vertex,
		        d->base_instance);
	else if (d->fields & GL_ELEMENTS_BASE_VERTEX)
		c->gl->fns.DrawElementsInstancedBaseVertex(d->mode, d->count, d->type, c->indices,
		                                           d->instances, d->base_vertex);
	else if (d->instances == 1)
		gles_host.glDrawElements(d->mode, d->count, d->type, c->indices);
	else if (gles_host.glDrawElementsInstanced)
		gles_host.glDrawElementsInstanced(d->mode, d->count, d->type, c->indices,
		                                  d->instances);
	else
		gles_host.glDrawElementsInstancedEXT(d->mode, d->count, d->type, c->indices,
		                                     d->instances);
}

/* The host function the draw runs through: the context's level has the
 * command only where the host has it, but a base vertex or instance with
 * no function to take it would be lost silently. */
static bool host_has_draw(struct gl_exec *x, const struct elements_draw *d)
{
	if (d->fields & GL_ELEMENTS_BASE_INSTANCE)
		return gles_host.glDrawElementsInstancedBaseVertexBaseInstanceEXT != NULL;
	if (d->fields & GL_ELEMENTS_BASE_VERTEX)
		return x->gl->fns.DrawElementsInstancedBaseVertex != NULL;
	return true;
}

static bool draw_elements(struct gl_exec *x, struct gl_reader *r, struct elements_draw *d)
{
	if (!gles_reader_end(x, r, d->cmd))
		return false;
	if (d->count < 0)
		return gh_gl_fail(x, "count %d", d->count);
	if (!host_has_draw(x, d))
		return gh_gl_fail(x, "%s: the host has no function to run it", d->cmd);
	if (d->fields & GL_ELEMENTS_RANGE && d->end < d->start) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return true;
	}
	if (d->instances < 0)
		return true; /* GL_INVALID_VALUE natively, and nothing is drawn */
	uint32_t first = 0, last = 0;
	if (!gh_gl_indices_range(x, d->count, d->type, d->mode, d->offset, d->indices, d->n, &first,
	                         &last))
		return false;
	struct gh_gl_fetch f = {.any = d->count > 0,
	                        .first = (int64_t)first + d->base_vertex,
	                        .last = (int64_t)last + d->base_vertex,
	                        .instances = (uint64_t)d->instances,
	                        .base_instance = d->base_instance};
	if (f.any && f.last < 0)
		return gh_gl_fail(x, "%s: base vertex %d makes every index negative", d->cmd,
		                  d->base_vertex);
	struct elements_call c = {
	        x->gl, d, x->ctx->vao->element ? (const void *)(uintptr_t)d->offset : d->indices};
	return gh_gl_draw_checked(x, &f, run_elements, &c);
}

/* Reads the draw of `op` as gles-draws.h lays it out, checks and runs it. */
static bool read_elements(struct gl_exec *x, struct gl_reader *r, uint32_t op, const char *cmd)
{
	struct elements_draw d = {.cmd = cmd, .fields = gl_elements_fields(op), .instances = 1};
	d.mode = gl_rd_u32(r);
	if (d.fields & GL_ELEMENTS_RANGE) {
		d.start = gl_rd_u32(r);
		d.end = gl_rd_u32(r);
	}
	d.count = (GLsizei)gl_rd_u32(r);
	d.type = gl_rd_u32(r);
	d.offset = gl_rd_u64(r);
	if (d.fields & GL_ELEMENTS_INSTANCES)
		d.instances = (GLsizei)gl_rd_u32(r);
	if (d.fields & GL_ELEMENTS_BASE_VERTEX)
		d.base_vertex = (GLint)gl_rd_u32(r);
	if (d.fields & GL_ELEMENTS_BASE_INSTANCE)
		d.base_instance = gl_rd_u32(r);
	d.indices = gl_rd_blob(r, &d.n);
	return draw_elements(x, r, &d);
}

/* start and end of glDrawRange* only promise the index range: the indices
 * themselves are checked, and the draw runs as the unranged one (the same
 * pixels). */
#define ELEMENTS_SPECIAL(op)                                                                       \
	bool gl_exec_special_##op(struct gl_exec *x, struct gl_reader *r)                          \
	{                                                                                          \
		return read_elements(x, r, GLES_OP_##op, #op);                                     \
	}

ELEMENTS_SPECIAL(glDrawElements)
ELEMENTS_SPECIAL(glDrawElementsInstanced)
ELEMENTS_SPECIAL(glDrawElementsInstancedEXT)
ELEMENTS_SPECIAL(glDrawRangeElements)
ELEMENTS_SPECIAL(glDrawElementsBaseVertex)
ELEMENTS_SPECIAL(glDrawElementsBaseVertexOES)
ELEMENTS_SPECIAL(glDrawElementsBaseVertexEXT)
ELEMENTS_SPECIAL(glDrawRangeElementsBaseVertex)
ELEMENTS_SPECIAL(glDrawRangeElementsBaseVertexOES)
ELEMENTS_SPECIAL(glDrawRangeElementsBaseVertexEXT)
ELEMENTS_SPECIAL(glDrawElementsInstancedBaseVertex)
ELEMENTS_SPECIAL(glDrawElementsInstancedBaseVertexOES)
ELEMENTS_SPECIAL(glDrawElementsInstancedBaseVertexEXT)
ELEMENTS_SPECIAL(glDrawElementsInstancedBaseInstanceEXT)
ELEMENTS_SPECIAL(glDrawElementsInstancedBaseVertexBaseInstanceEXT)
