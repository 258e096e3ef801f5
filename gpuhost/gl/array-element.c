/*
 * glArrayElement (compatibility profile), and what the host must know of
 * glBegin/glEnd for it.
 *
 * glArrayElement(i) arrives only when every enabled array is in a buffer
 * object, the app's or, after GL_OP_CLIENT_ARRAY outside glBegin/glEnd, a
 * scratch one of ours (proxy/gl/gl-array-element.c sends element i of
 * client arrays as immediate commands otherwise). The driver then reads
 * element i of every enabled array, fixed-function and generic, whatever
 * the program reads and whatever the divisors: each is checked for that
 * element against its buffer, and one with no buffer (which would make the
 * driver read a host address) ends the link: between glBegin and glEnd it
 * cannot be disabled around the call as a draw's is.
 *
 * Between glBegin and glEnd the driver refuses every command but the
 * vertex ones (GL_INVALID_OPERATION, no effect), while the host's trackers
 * would follow a glBindBuffer or a pointer there: a later check would then
 * trust a buffer the driver does not read. So the host follows glBegin and
 * glEnd, those a display list runs included (gles-list-prims.h, which takes
 * the app to be inside when a call may have left the driver there), and
 * ends the link on anything else there (the library refuses
 * it there itself, as GL does: gl_begin_end_allows; a glBegin
 * the driver refuses for a reason the host cannot see, a transform
 * feedback or geometry shader mismatch, counts as begun). In a list being
 * made with GL_COMPILE_AND_EXECUTE the commands of
 * gles_compiled_in_primitive go too: GL compiles them and only fails to
 * run them, and neither side follows anything of them.
 */
#include <string.h>

#include <gpupipe/log.h>

#include "compat-trackers.h"
#include "context.h"
#include "draws.h"
#include "executor.h"
#include "gles-codec.h"
#include "gles-list-prims.h"
#include "records.h"
#include "stream.h"

enum { COMPILE = 0x1300, COMPILE_AND_EXECUTE = 0x1301, PATCHES = 0xE };

bool gh_gl_begin_end_allows(struct gl_exec *x, uint32_t op)
{
	if (op < GL_OP_GLES_BASE) {
		/* Its upload and re-pointing would be refused by the driver. */
		if (op == GL_OP_CLIENT_ARRAY || op == GL_OP_CLIENT_ARRAY_AGAIN)
			return gh_gl_fail(x, "a client array between glBegin and glEnd");
		/* Buffer binds, maps and unmaps the driver would refuse. */
		if (!gl_begin_end_allows(op))
			return gh_gl_fail(x, "between glBegin and glEnd, where the driver refuses "
			                     "the buffer commands it takes");
		return true;
	}
	if (gl_begin_end_allows(op))
		return true;
	/* Compiled into the list, run only to fail; neither side follows
	 * anything of it, so the trackers stay exact even were the driver to
	 * run it (gles_lists.py). The list's glCallList raises GL's error. */
	if (x->ctx->lists.mode == COMPILE_AND_EXECUTE && gles_compiled_in_primitive(op))
		return true;
	return gh_gl_fail(x, "between glBegin and glEnd, where GL refuses it (its state would "
	                     "change on the host's trackers, not in the driver)");
}

enum gles_prim gh_gl_prim(const struct gh_gl_context *ctx)
{
	return gles_prim_of(ctx->begin_end, ctx->begin_end_unknown);
}

void gh_gl_prim_set(struct gh_gl_context *ctx, enum gles_prim p)
{
	gles_prim_keep(p, &ctx->begin_end, &ctx->begin_end_unknown);
}

bool gl_exec_hook_glBegin(struct gl_exec *x, GLenum mode)
{
	if (!x->ctx)
		return true;
	/* An unknown mode is GL_INVALID_ENUM: nothing begins, when run or when
	 * a list holding it runs. */
	if (mode > PATCHES)
		return true;
	struct gh_gl_lists *l = &x->ctx->lists;
	if (l->mode)
		gles_list_prims_begin(&l->prims);
	/* The list base the calls compiled inside this primitive name lists by
	 * (lists.c, note_calls), read while GL still answers. */
	if (l->mode == COMPILE_AND_EXECUTE && !x->ctx->begin_end) {
		GLint base = 0;
		gles_host.glGetIntegerv(0x0B32 /* GL_LIST_BASE */, &base);
		l->base = (uint32_t)base;
		l->base_known = true;
	}
	/* GL_COMPILE compiles glBegin, not runs it. */
	if (l->mode != COMPILE)
		gh_gl_prim_set(x->ctx, GLES_PRIM_IN);
	return true;
}

bool gl_exec_hook_glEnd(struct gl_exec *x)
{
	if (!x->ctx)
		return true;
	struct gh_gl_lists *l = &x->ctx->lists;
	if (l->mode)
		gles_list_prims_end(&l->prims);
	l->base_known = false;
	if (l->mode != COMPILE)
		gh_gl_prim_set(x->ctx, GLES_PRIM_OUT);
	return true;
}

/* Element i of every enabled generic attribute, divisors ignored. */
static bool attribs_ok(struct gl_exec *x, uint64_t i)
{
	struct gh_gl_vao *vao = x->ctx->vao;
	for (uint32_t k = 0; k < x->gl->max_attribs; k++) {
		const struct gh_gl_attrib *a = &vao->attribs[k];
		const struct gh_gl_binding *b = &vao->bindings[a->binding];
		if (!a->enabled)
			continue;
		if (!b->buffer)
			return gh_gl_fail(x, "attribute %u is enabled with no buffer", k);
		/* i < 2^31, stride < 2^32: no overflow. */
		uint64_t end = i * b->stride + a->relative + a->bytes;
		if (b->offset > b->buffer->size || end > b->buffer->size - b->offset)
			return gh_gl_fail(x,
			                  "attribute %u reads element %llu to byte %llu of a "
			                  "%llu-byte buffer",
			                  k, (unsigned long long)i,
			                  (unsigned long long)(b->offset + end),
			                  (unsigned long long)b->buffer->size);
	}
	return true;
}

bool gl_exec_special_glArrayElement(struct gl_exec *x, struct gl_reader *r)
{
	GLint i = (GLint)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glArrayElement"))
		return false;
	/* The library sends no negative element (GL_INVALID_VALUE there). */
	if (i < 0)
		return gh_gl_fail(x, "element %d", i);
	uint32_t hide = 0;
	if (!gh_gl_ff_check(x, true, (uint64_t)i, &hide))
		return false;
	if (hide)
		return gh_gl_fail(x, "a fixed-function array is enabled with no buffer (mask 0x%x)",
		                  hide);
	if (!attribs_ok(x, (uint64_t)i))
		return false;
	gles_host.glArrayElement(i);
	return true;
}
