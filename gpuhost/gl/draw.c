/*
 * Draws, validated before the host GL runs them: no draw may read past the
 * end of a buffer. For each attribute location the current program reads
 * whose array is enabled, the last vertex the draw fetches must lie inside
 * the attribute's buffer; element indices must lie inside the element
 * buffer, and the largest of them is that last vertex. An enabled array
 * with no buffer behind it is never left for GL to dereference (it would
 * be a host pointer): read by the program, the link ends; not read, it is
 * disabled around the draw. OpenGL ES 1 contexts have no program: every
 * enabled fixed-function array is read (fixed.c).
 */
#include <string.h>

#include <gpupipe/log.h>

#include "gl-private.h"
#include "gles-codec.h"

static uint32_t max_index(const uint8_t *p, uint32_t count, uint32_t isize)
{
	uint32_t max = 0;
	if (isize == 1) {
		for (uint32_t i = 0; i < count; i++)
			max = p[i] > max ? p[i] : max;
	} else if (isize == 2) {
		for (uint32_t i = 0; i < count; i++) {
			uint16_t v;
			memcpy(&v, p + 2 * (size_t)i, 2);
			max = v > max ? v : max;
		}
	} else {
		for (uint32_t i = 0; i < count; i++) {
			uint32_t v;
			memcpy(&v, p + 4 * (size_t)i, 4);
			max = v > max ? v : max;
		}
	}
	return max;
}

/* The largest index in the bound element buffer's range: from our copy,
 * else from the host's own store. */
static bool buffer_max_index(struct gl_exec *x, struct gh_gl_buffer *buf, uint64_t offset,
                             uint32_t count, uint32_t type, uint32_t isize, uint32_t *max)
{
	if (buf->scan.valid && buf->scan.offset == offset && buf->scan.count == count &&
	    buf->scan.type == type) {
		*max = buf->scan.max;
		return true;
	}
	if (buf->complete) {
		*max = max_index(buf->copy + offset, count, isize);
	} else {
		struct gh_gl_fns *f = &x->gl->fns;
		const uint8_t *p = NULL;
		if (f->MapBufferRange && f->UnmapBuffer)
			p = f->MapBufferRange(GL_ELEMENT_ARRAY_BUFFER, (GLintptr)offset,
			                      (GLsizeiptr)count * isize, GH_GL_MAP_READ_BIT);
		if (!p)
			return gh_gl_fail(x, "the host cannot read element buffer %u to check it",
			                  buf->host);
		*max = max_index(p, count, isize);
		f->UnmapBuffer(GL_ELEMENT_ARRAY_BUFFER);
	}
	buf->scan.valid = true;
	buf->scan.offset = offset;
	buf->scan.count = count;
	buf->scan.type = type;
	buf->scan.max = *max;
	return true;
}

/* The restart index of `type` when GL_PRIMITIVE_RESTART_FIXED_INDEX is on:
 * never fetched, so not the draw's last vertex. */
static uint32_t restart_index(uint32_t isize)
{
	return isize == 1 ? 0xffu : isize == 2 ? 0xffffu : 0xffffffffu;
}

/* What one draw fetches: vertices 0..last (none when !any) of the
 * per-vertex attributes, instances 0..instances - 1 of the instanced ones
 * (glVertexAttribDivisor). */
struct fetch {
	bool any;
	uint64_t last;
	uint64_t instances;
};

/* Checks every attribute for what the draw fetches and collects the
 * enabled ones without a buffer that must be hidden. */
static bool check_attribs(struct gl_exec *x, const struct fetch *f, uint32_t *hide)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_program *prog = ctx->program;
	*hide = 0;
	if (prog && prog->beyond)
		return gh_gl_fail(x, "the program reads attributes over the %u gpupipe tracks",
		                  x->gl->max_attribs);
	for (uint32_t i = 0; i < x->gl->max_attribs; i++) {
		const struct gh_gl_attrib *a = &ctx->vao->attribs[i];
		bool used = prog && (prog->attribs >> i & 1);
		if (!a->enabled)
			continue;
		if (!a->buffer) {
			if (used)
				return gh_gl_fail(x, "attribute %u is enabled with no buffer", i);
			*hide |= 1u << i;
			continue;
		}
		if (!used || !f->any || (a->divisor && !f->instances))
			continue;
		uint64_t last = a->divisor ? (f->instances - 1) / a->divisor : f->last;
		if (!gh_gl_array_reads_ok(x, "attribute", i, a, last))
			return false;
	}
	return true;
}

bool gh_gl_array_reads_ok(struct gl_exec *x, const char *what, uint32_t i,
                          const struct gh_gl_attrib *a, uint64_t last)
{
	uint64_t stride = a->stride ? a->stride : a->bytes;
	/* last < 2^32 and stride < 2^31: no overflow before the checks. */
	uint64_t end = last * stride + a->bytes;
	if (a->offset > a->buffer->size || end > a->buffer->size - a->offset)
		return gh_gl_fail(x, "%s %u reads to byte %llu of a %llu-byte buffer", what, i,
		                  (unsigned long long)(a->offset + end),
		                  (unsigned long long)a->buffer->size);
	return true;
}

/* OpenGL ES 1 contexts draw from the fixed-function arrays (fixed.c). */
static bool check_arrays(struct gl_exec *x, const struct fetch *f, uint32_t *hide)
{
	if (x->ctx->level.api == GL_API_GLES1)
		return gh_gl_ff_check(x, f->any, f->last, hide);
	return check_attribs(x, f, hide);
}

static void hide_arrays(struct gl_exec *x, uint32_t hide, bool enable)
{
	if (x->ctx->level.api == GL_API_GLES1) {
		gh_gl_ff_hide(x, hide, enable);
		return;
	}
	for (uint32_t i = 0; hide; i++, hide >>= 1) {
		if (!(hide & 1))
			continue;
		if (enable)
			gles_host.glEnableVertexAttribArray(i);
		else
			gles_host.glDisableVertexAttribArray(i);
	}
}

static bool draw_arrays(struct gl_exec *x, const char *cmd, GLenum mode, GLint first, GLsizei count,
                        GLsizei instances)
{
	if (instances < 0)
		return true; /* GL_INVALID_VALUE natively, and nothing is drawn */
	uint32_t hide;
	/* Negative values are a GL error: nothing is read. */
	struct fetch f = {.any = first >= 0 && count > 0, .instances = (uint64_t)instances};
	f.last = f.any ? (uint64_t)first + (uint64_t)count - 1 : 0;
	if (!check_arrays(x, &f, &hide))
		return false;
	hide_arrays(x, hide, false);
	if (instances == 1)
		gles_host.glDrawArrays(mode, first, count);
	else
		gles_host.glDrawArraysInstanced(mode, first, count, instances);
	hide_arrays(x, hide, true);
	return true;
}

bool gl_exec_special_glDrawArrays(struct gl_exec *x, struct gl_reader *r)
{
	GLenum mode = gl_rd_u32(r);
	GLint first = (GLint)gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArrays"))
		return false;
	return draw_arrays(x, "glDrawArrays", mode, first, count, 1);
}

bool gl_exec_special_glDrawArraysInstanced(struct gl_exec *x, struct gl_reader *r)
{
	GLenum mode = gl_rd_u32(r);
	GLint first = (GLint)gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	GLsizei instances = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glDrawArraysInstanced"))
		return false;
	return draw_arrays(x, "glDrawArraysInstanced", mode, first, count, instances);
}

static bool element_range(struct gl_exec *x, GLsizei count, uint32_t type, uint64_t offset,
                          const void *indices, uint32_t n, uint32_t *last)
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
		if (!count)
			return true;
		if (!buffer_max_index(x, elements, offset, (uint32_t)count, type, (uint32_t)isize,
		                      last))
			return false;
	} else {
		if (n == GL_BLOB_NULL || n != bytes || offset)
			return gh_gl_fail(x, "%u index bytes for %d indices of type 0x%x",
			                  n == GL_BLOB_NULL ? 0 : n, count, type);
		*last = max_index(indices, (uint32_t)count, (uint32_t)isize);
	}
	/* The restart index fetches nothing; the largest other index may be
	 * smaller, but bounding by the type's largest but one is safe. */
	if (count && *last == restart_index((uint32_t)isize) && x->ctx->es3 &&
	    gles_host.glIsEnabled(GL_PRIMITIVE_RESTART_FIXED_INDEX))
		*last = restart_index((uint32_t)isize) - 1;
	return true;
}

/* One indexed draw, as every glDraw*Elements* sends it (gles-codec.h). */
struct elements_draw {
	GLenum mode, type;
	GLsizei count, instances;
	uint64_t offset;
	const void *indices;
	uint32_t n;
};

static bool draw_elements(struct gl_exec *x, const char *cmd, struct gl_reader *r,
                          struct elements_draw *d)
{
	if (!gles_reader_end(x, r, cmd))
		return false;
	if (d->count < 0)
		return gh_gl_fail(x, "count %d", d->count);
	if (d->instances < 0)
		return true; /* GL_INVALID_VALUE natively, and nothing is drawn */
	uint32_t last = 0, hide;
	if (!element_range(x, d->count, d->type, d->offset, d->indices, d->n, &last))
		return false;
	struct fetch f = {.any = d->count > 0, .last = last, .instances = (uint64_t)d->instances};
	if (!check_arrays(x, &f, &hide))
		return false;
	const void *p = x->ctx->vao->element ? (const void *)(uintptr_t)d->offset : d->indices;
	hide_arrays(x, hide, false);
	if (d->instances == 1)
		gles_host.glDrawElements(d->mode, d->count, d->type, p);
	else
		gles_host.glDrawElementsInstanced(d->mode, d->count, d->type, p, d->instances);
	hide_arrays(x, hide, true);
	return true;
}

bool gl_exec_special_glDrawElements(struct gl_exec *x, struct gl_reader *r)
{
	struct elements_draw d = {.instances = 1};
	d.mode = gl_rd_u32(r);
	d.count = (GLsizei)gl_rd_u32(r);
	d.type = gl_rd_u32(r);
	d.offset = gl_rd_u64(r);
	d.indices = gl_rd_blob(r, &d.n);
	return draw_elements(x, "glDrawElements", r, &d);
}

bool gl_exec_special_glDrawElementsInstanced(struct gl_exec *x, struct gl_reader *r)
{
	struct elements_draw d = {0};
	d.mode = gl_rd_u32(r);
	d.count = (GLsizei)gl_rd_u32(r);
	d.type = gl_rd_u32(r);
	d.offset = gl_rd_u64(r);
	d.instances = (GLsizei)gl_rd_u32(r);
	d.indices = gl_rd_blob(r, &d.n);
	return draw_elements(x, "glDrawElementsInstanced", r, &d);
}

/* start and end only promise the index range: the indices themselves are
 * checked, and the draw runs as glDrawElements (the same pixels). */
bool gl_exec_special_glDrawRangeElements(struct gl_exec *x, struct gl_reader *r)
{
	struct elements_draw d = {.instances = 1};
	d.mode = gl_rd_u32(r);
	uint32_t start = gl_rd_u32(r), end = gl_rd_u32(r);
	d.count = (GLsizei)gl_rd_u32(r);
	d.type = gl_rd_u32(r);
	d.offset = gl_rd_u64(r);
	d.indices = gl_rd_blob(r, &d.n);
	if (end < start) {
		if (!gles_reader_end(x, r, "glDrawRangeElements"))
			return false;
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return true;
	}
	return draw_elements(x, "glDrawRangeElements", r, &d);
}
