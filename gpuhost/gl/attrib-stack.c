/*
 * The textures the compatibility profile's server attribute stack saves.
 * glPushAttrib(GL_TEXTURE_BIT) saves every unit's bindings and the driver
 * keeps a reference to each texture saved: one the app deletes while it is
 * saved stays alive, with its images, until the glPopAttrib. The host keeps
 * it charged as long: an entry per level the driver has, holding a
 * reference to each texture its push saved (the host's bindings, exact as
 * glPush/PopAttrib and display lists go by: compat-state.c, lists.c), given
 * back at the pop or when the context goes. Delete-while-pushed then gives
 * back no quota.
 *
 * A display list may push and pop too, where the host cannot see what it
 * saved: after a list that holds glPushAttrib or glPopAttrib ran, every
 * level is "unknown" (the list may have popped and pushed it again) and a
 * texture deleted while a context has an unknown level is kept referenced
 * by the lowest one (every unknown level above it goes before it does; a
 * level pushed after the deletion cannot hold the texture). That errs on
 * the side of charging.
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <stdlib.h>

#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

#define TEXTURE_BIT 0x00040000u    /* GL_TEXTURE_BIT (GL_ALL_ATTRIB_BITS has it) */
#define ATTRIB_STACK_DEPTH 0x0BB0u /* GL_ATTRIB_STACK_DEPTH */
/* What the host keeps per texture an unknown level holds: the record and
 * the texture's own bookkeeping, charged so that deleting textures under an
 * unknown level cannot grow host memory past the quota. */
#define HELD_BYTES 128u

struct gh_gl_attrib_entry {
	struct gh_gl_storage **saved; /* referenced; n of them */
	uint32_t n, cap;
	bool unknown;   /* a display list may have pushed it */
	uint64_t bytes; /* charged */
};

static size_t depth_of(const struct gh_gl_attrib_stack *s)
{
	return s->entries.size / sizeof(struct gh_gl_attrib_entry);
}

static struct gh_gl_attrib_entry *entry_at(struct gh_gl_attrib_stack *s, size_t i)
{
	return (struct gh_gl_attrib_entry *)s->entries.data + i;
}

static void entry_release(struct gh_gl_quota *q, struct gh_gl_attrib_entry *e)
{
	for (uint32_t i = 0; i < e->n; i++)
		gh_gl_storage_unref(e->saved[i]);
	free(e->saved);
	gh_gl_quota_adjust(q, e->bytes, 0);
	*e = (struct gh_gl_attrib_entry){0};
}

/* Keeps the share group's list of contexts with unknown levels right. */
static bool note_unknown(struct gl_exec *x, struct gh_gl_context *ctx)
{
	struct wl_array *list = &ctx->share->unknown_stacks;
	struct gh_gl_context **c;
	size_t i = 0, n = list->size / sizeof(*c);
	for (; i < n; i++)
		if (((struct gh_gl_context **)list->data)[i] == ctx)
			break;
	bool listed = i < n;
	if (ctx->attrib.unknown && !listed) {
		c = wl_array_add(list, sizeof(*c));
		if (!c)
			return x ? gh_gl_fail(x, "out of memory for attribute stack records")
			         : false;
		*c = ctx;
	} else if (!ctx->attrib.unknown && listed) {
		struct gh_gl_context **all = list->data;
		all[i] = all[n - 1];
		list->size -= sizeof(*c);
	}
	return true;
}

static void pop_to(struct gh_gl_context *ctx, size_t depth)
{
	struct gh_gl_attrib_stack *s = &ctx->attrib;
	while (depth_of(s) > depth) {
		struct gh_gl_attrib_entry *e = entry_at(s, depth_of(s) - 1);
		if (e->unknown)
			s->unknown--;
		s->bytes -= e->bytes;
		entry_release(&ctx->gl->quota, e);
		s->entries.size -= sizeof(*e);
	}
}

/* Adds a reference to st to entry e, charged; false: out of memory. */
static bool entry_hold(struct gh_gl_quota *q, struct gh_gl_attrib_stack *s,
                       struct gh_gl_attrib_entry *e, struct gh_gl_storage *st, uint64_t bytes)
{
	if (e->n == e->cap) {
		uint32_t cap = e->cap ? e->cap * 2 : 8;
		struct gh_gl_storage **more = realloc(e->saved, cap * sizeof(*more));
		if (!more)
			return false;
		e->saved = more;
		e->cap = cap;
	}
	e->saved[e->n++] = gh_gl_storage_ref(st);
	gh_gl_quota_adjust(q, 0, bytes);
	e->bytes += bytes;
	s->bytes += bytes;
	return true;
}

bool gl_exec_wrap_glPushAttrib(struct gl_exec *x, GLbitfield mask)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_attrib_stack *s = &ctx->attrib;
	if (ctx->lists.mode)
		ctx->share->lists.attribs = true;
	if (gh_gl_list_compiles(ctx)) {
		gles_host.glPushAttrib(mask); /* compiled, not run (or run only to fail) */
		return true;
	}
	struct gh_gl_attrib_entry e = {0};
	if (mask & TEXTURE_BIT) {
		struct gh_gl_bindings *b = &ctx->bind;
		uint32_t n = 0;
		for (uint32_t i = 0; i < b->n_units * GH_GL_TEX_TARGETS; i++)
			n += b->units[i] != NULL;
		/* The references' array, charged as the driver's saved state is
		 * not: a context's levels are bounded by its driver's depth. */
		uint64_t bytes = (uint64_t)n * sizeof(*e.saved);
		if (bytes && !gh_gl_quota_charge(&x->gl->quota, 0, bytes, "glPushAttrib")) {
			gh_gl_error_record(ctx, GL_OUT_OF_MEMORY);
			return true;
		}
		e.bytes = bytes;
		e.saved = n ? calloc(n, sizeof(*e.saved)) : NULL;
		if (n && !e.saved) {
			gh_gl_quota_adjust(&x->gl->quota, bytes, 0);
			return gh_gl_fail(x, "out of memory for attribute stack records");
		}
		for (uint32_t i = 0; i < b->n_units * GH_GL_TEX_TARGETS; i++)
			if (b->units[i])
				e.saved[e.n++] = gh_gl_storage_ref(b->units[i]);
		e.cap = e.n;
	}
	gles_host.glPushAttrib(mask);
	GLint depth = 0;
	gles_host.glGetIntegerv(ATTRIB_STACK_DEPTH, &depth);
	if (depth < 0 || (size_t)depth != depth_of(s) + 1) {
		/* GL_STACK_OVERFLOW (the app's): nothing saved. */
		entry_release(&x->gl->quota, &e);
		return true;
	}
	struct gh_gl_attrib_entry *top = wl_array_add(&s->entries, sizeof(e));
	if (!top) {
		entry_release(&x->gl->quota, &e);
		return gh_gl_fail(x, "out of memory for attribute stack records");
	}
	*top = e;
	s->bytes += e.bytes;
	return true;
}

bool gh_gl_attrib_sync(struct gl_exec *x, bool unknown)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_attrib_stack *s = &ctx->attrib;
	GLint got = 0;
	gles_host.glGetIntegerv(ATTRIB_STACK_DEPTH, &got);
	size_t depth = got > 0 ? (size_t)got : 0;
	pop_to(ctx, depth);
	if (unknown) {
		for (size_t i = 0; i < depth_of(s); i++) {
			if (!entry_at(s, i)->unknown)
				s->unknown++;
			entry_at(s, i)->unknown = true;
		}
	}
	while (depth_of(s) < depth) {
		/* Pushed by a list that ran: what it saved is unknown. */
		struct gh_gl_attrib_entry *e = wl_array_add(&s->entries, sizeof(*e));
		if (!e)
			return gh_gl_fail(x, "out of memory for attribute stack records");
		*e = (struct gh_gl_attrib_entry){.unknown = true};
		s->unknown++;
	}
	return note_unknown(x, ctx);
}

bool gh_gl_attrib_texture_deleted(struct gl_exec *x, struct gh_gl_storage *st)
{
	/* A texture of no images holds nothing charged. */
	if (!st->bytes && !st->shares)
		return true;
	struct wl_array *list = &x->ctx->share->unknown_stacks;
	struct gh_gl_context **c;
	if (!list->size)
		return true; /* and no NULL + 0 in wl_array_for_each (wl-objects.c) */
	wl_array_for_each(c, list)
	{
		struct gh_gl_attrib_stack *s = &(*c)->attrib;
		for (size_t i = 0; i < depth_of(s); i++) {
			struct gh_gl_attrib_entry *e = entry_at(s, i);
			if (!e->unknown)
				continue;
			/* Charged past the limit if need be: the next allocation is
			 * then refused, so textures to delete run out. */
			if (!entry_hold(&x->gl->quota, s, e, st, HELD_BYTES))
				return gh_gl_fail(x, "out of memory for attribute stack records");
			break;
		}
	}
	return true;
}

void gh_gl_attrib_finish(struct gh_gl_context *ctx)
{
	pop_to(ctx, 0);
	wl_array_release(&ctx->attrib.entries);
	note_unknown(NULL, ctx); /* unknown is 0: only takes it off the list */
}
