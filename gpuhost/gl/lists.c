/*
 * Display lists of the compatibility profile: the driver's own names (a
 * link's share groups are its own on the host, so a list name reaches no
 * other app's object, and a list base compiled into a list reaches the
 * driver as sent), compiled and run by the driver, which bounds nesting
 * (GL_MAX_LIST_NESTING). What the host adds keeps its trackers exact:
 * - between glNewList and glEndList in GL_COMPILE mode a listable command
 *   does not run, so the hooks of the ones the host tracks (texture binds,
 *   the active unit, the program) skip their bookkeeping
 *   (gh_gl_list_compiles) and a texture image is charged to the list, not
 *   to the texture bound (gh_gl_list_image): what the trackers tell a list
 *   being made is list-record.c's, below them;
 * - a list that runs may change those behind the hooks: after glCallList(s)
 *   the host re-reads from its driver the bindings and the active unit (as
 *   after glPopAttrib), the program in use, and where some list holds a
 *   texture image every texture's levels, so that later checks and charges
 *   are made against what the driver really has bound and allocated.
 * Lists are their share group's, as GL shares them: what each holds, the
 * names charged to the names quota (glGenLists' ranges and any name glNewList
 * makes outside them, as GL lets it), given back by glDeleteLists for the
 * names charged only.
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <GLES3/gl32.h>

#include "compat-trackers.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "gles-list-prims.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"
#include "surface.h"

#define COMPILE_AND_EXECUTE 0x1301u /* GL_COMPILE_AND_EXECUTE */
#define LIST_INDEX 0x0B33u          /* GL_LIST_INDEX */
#define LIST_MODE 0x0B30u           /* GL_LIST_MODE */

struct gh_gl_list_bytes {
	uint32_t list;
	uint64_t bytes;
	/* Per kind, the host names it binds (-> 1), or NULL. */
	struct gh_gl_map *binds[GH_GL_LIST_BIND_KINDS];
};

/* ---- the names charged: sorted ranges ---- */

static struct gh_gl_list_range *range_at(struct wl_array *a, size_t i)
{
	return (struct gh_gl_list_range *)a->data + i;
}

static size_t range_count(const struct wl_array *a)
{
	return a->size / sizeof(struct gh_gl_list_range);
}

/* The index of the first range ending after `name` (its own, if any). */
static size_t range_find(struct wl_array *a, uint32_t name)
{
	size_t lo = 0, hi = range_count(a);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct gh_gl_list_range *r = range_at(a, mid);
		if ((uint64_t)r->first + r->count <= name)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool gh_gl_list_ranges_holds(struct wl_array *a, uint32_t name)
{
	size_t i = range_find(a, name);
	return i < range_count(a) && range_at(a, i)->first <= name;
}

/* Makes room for one range at index i (false: out of memory). */
static bool range_insert(struct wl_array *a, size_t i, struct gh_gl_list_range r)
{
	if (!wl_array_add(a, sizeof(r)))
		return false;
	size_t n = range_count(a);
	memmove(range_at(a, i + 1), range_at(a, i), (n - 1 - i) * sizeof(r));
	*range_at(a, i) = r;
	return true;
}

static void range_erase(struct wl_array *a, size_t i, size_t n)
{
	size_t total = range_count(a);
	memmove(range_at(a, i), range_at(a, i + n),
	        (total - i - n) * sizeof(struct gh_gl_list_range));
	a->size -= n * sizeof(struct gh_gl_list_range);
}

/* Adds names first .. first + count - 1 (count >= 1); *added: how many were
 * not there. False: out of memory, nothing changed. */
bool gh_gl_list_ranges_add(struct wl_array *a, uint32_t first, uint32_t count, uint64_t *added)
{
	uint64_t lo = first, hi = (uint64_t)first + count;
	/* The ranges touching [lo, hi): from the one ending at lo or later. */
	size_t i = lo ? range_find(a, first - 1) : 0, j = i;
	uint64_t held = 0;
	for (; j < range_count(a) && range_at(a, j)->first <= hi; j++) {
		struct gh_gl_list_range *r = range_at(a, j);
		uint64_t rlo = r->first, rhi = (uint64_t)r->first + r->count;
		uint64_t olo = rlo > lo ? rlo : lo, ohi = rhi < hi ? rhi : hi;
		held += ohi > olo ? ohi - olo : 0;
		lo = rlo < lo ? rlo : lo;
		hi = rhi > hi ? rhi : hi;
	}
	/* Name 0 is never added: hi - lo < 2^32. */
	struct gh_gl_list_range merged = {(uint32_t)lo, (uint32_t)(hi - lo)};
	if (j == i) {
		if (!range_insert(a, i, merged))
			return false;
	} else {
		*range_at(a, i) = merged;
		range_erase(a, i + 1, j - i - 1);
	}
	*added = count - held;
	return true;
}

/* Takes names first .. first + count - 1 out; *removed: how many were there.
 * False: out of memory (a range to split), nothing changed. */
bool gh_gl_list_ranges_remove(struct wl_array *a, uint32_t first, uint64_t count, uint64_t *removed)
{
	uint64_t lo = first, hi = (uint64_t)first + count;
	*removed = 0;
	size_t i = range_find(a, first);
	if (i < range_count(a)) {
		struct gh_gl_list_range *r = range_at(a, i);
		uint64_t rhi = (uint64_t)r->first + r->count;
		if (r->first < lo && rhi > hi) { /* split in two */
			struct gh_gl_list_range tail = {(uint32_t)hi, (uint32_t)(rhi - hi)};
			if (!range_insert(a, i + 1, tail))
				return false;
			r = range_at(a, i);
			r->count = (uint32_t)(lo - r->first);
			*removed = hi - lo;
			return true;
		}
	}
	while (i < range_count(a) && range_at(a, i)->first < hi) {
		struct gh_gl_list_range *r = range_at(a, i);
		uint64_t rlo = r->first, rhi = (uint64_t)r->first + r->count;
		uint64_t olo = rlo > lo ? rlo : lo, ohi = rhi < hi ? rhi : hi;
		*removed += ohi - olo;
		if (rlo < olo) { /* its head stays */
			r->count = (uint32_t)(olo - rlo);
			i++;
		} else if (rhi > ohi) { /* its tail stays */
			r->first = (uint32_t)ohi;
			r->count = (uint32_t)(rhi - ohi);
			i++;
		} else {
			range_erase(a, i, 1);
		}
	}
	return true;
}

/* n names are charged to the quota (reserved before). */
static void charge_names(struct gl_exec *x, uint64_t n)
{
	struct gh_gl_quota *q = &x->gl->quota;
	q->names += n;
	if (q->names > q->names_peak)
		q->names_peak = q->names;
	x->ctx->share->lists.names += n;
}

/* ---- Objects a list binds by name ----
 * In the compatibility profile binding a name no texture has makes one. A
 * list keeps the host name its compiled glBindTexture names: once the app
 * deletes that texture (the driver frees the object and the name), a call
 * of the list makes a new texture at the name, behind the host's back, and
 * the images the list (or later commands) give it would land there,
 * charged to nothing and never deleted when the list binds it away again.
 * So each list keeps the set of names its binds name, the group counts
 * them over its lists (`listed`), and a listed name the app deletes is
 * noted (`deleted`); after a call the host deletes, in the driver, each
 * noted name it does not know (none of its own textures lives in an app's
 * share group, so such an object is the list's; a name the driver gave to
 * a new texture since is known, tracked and charged). A call costs nothing
 * more until the app deletes a texture a list binds; a note goes with the
 * last list naming it. Keeping a deleted name reserved instead would keep
 * its object, memory and all, for as long as a list names it.
 * Among listable commands glBindTexture and ARB_vertex_program's
 * glBindProgramARB make an object by name (GL 4.6 compatibility, "Commands
 * Not Usable in Display Lists": buffer, framebuffer, renderbuffer, vertex
 * array bindings run at once; samplers and transform feedback objects are
 * never made by a bind): ARB programs get the same sets, a kind apart (their
 * names are another namespace). A set is no larger than the names alive
 * when the list was made, and costs the host less than the driver's own
 * nodes for those binds. */

struct unlisting {
	struct gh_gl_share *share;
	enum gh_gl_list_bind_kind kind;
};

/* A list's set goes (the list deleted or replaced, or never kept). */
static void unlist_one(uint32_t host, uintptr_t one, void *data)
{
	struct unlisting *u = data;
	struct gh_gl_map *listed = &u->share->lists.listed[u->kind];
	uintptr_t v = 0;
	gh_gl_map_get(listed, host, &v);
	if (v > 1) {
		gh_gl_map_put(listed, host, v - 1); /* replaces: no room taken */
		return;
	}
	gh_gl_map_remove(listed, host, NULL);
	gh_gl_map_remove(&u->share->lists.deleted[u->kind], host, NULL);
}

static void unlist(struct gh_gl_share *share, struct gh_gl_map **binds)
{
	for (int kind = 0; kind < GH_GL_LIST_BIND_KINDS; kind++) {
		if (!binds[kind])
			continue;
		struct unlisting u = {share, kind};
		gh_gl_map_for_each(binds[kind], unlist_one, &u);
		gh_gl_map_finish(binds[kind]);
		free(binds[kind]);
		binds[kind] = NULL;
	}
}

struct remake {
	struct gh_gl_share *share;
	enum gh_gl_list_bind_kind kind;
	GLuint names[64];
	uint32_t n;
};

static void delete_names(struct remake *r)
{
	if (r->kind == GH_GL_LIST_TEXTURE)
		gles_host.glDeleteTextures((GLsizei)r->n, r->names);
	else
		gles_host.glDeleteProgramsARB((GLsizei)r->n, r->names);
	r->n = 0;
}

static void remade_one(uint32_t host, uintptr_t one, void *data)
{
	struct remake *r = data;
	uintptr_t v;
	struct gh_gl_map *known = r->kind == GH_GL_LIST_TEXTURE
	                                  ? &r->share->textures
	                                  : &r->share->names[GL_NAMES_ARB_PROGRAM].host;
	if (gh_gl_map_get(known, host, &v))
		return;
	r->names[r->n++] = host;
	if (r->n == sizeof(r->names) / sizeof(r->names[0]))
		delete_names(r);
}

/* After a call: the objects lists made again at deleted names go (a name
 * with no object is one GL's glDeleteTextures and glDeleteProgramsARB
 * skip). */
static void delete_remade(struct gl_exec *x)
{
	for (int kind = 0; kind < GH_GL_LIST_BIND_KINDS; kind++) {
		struct remake r = {.share = x->ctx->share, .kind = kind};
		if (!r.share->lists.deleted[kind].count)
			continue;
		gh_gl_map_for_each(&r.share->lists.deleted[kind], remade_one, &r);
		if (r.n)
			delete_names(&r);
	}
}

static struct gh_gl_list_bytes *find(struct wl_array *charged, uint32_t list)
{
	struct gh_gl_list_bytes *b;
	if (!charged->size)
		return NULL; /* and no NULL + 0 in wl_array_for_each (wl-objects.c) */
	wl_array_for_each(b, charged)
	{
		if (b->list == list)
			return b;
	}
	return NULL;
}

/* The list's images are given back (deleted or replaced). */
static void give_back(struct gh_gl_share *share, struct gh_gl_list_bytes *b)
{
	gh_gl_quota_adjust(share->quota, b->bytes, 0);
	share->lists.charged_total -= b->bytes;
	unlist(share, b->binds);
	struct wl_array *charged = &share->lists.charged;
	struct gh_gl_list_bytes *last =
	        (struct gh_gl_list_bytes *)((char *)charged->data + charged->size) - 1;
	*b = *last;
	charged->size -= sizeof(*b);
}

/* ---- what lists do to glBegin/glEnd (gles-list-prims.h) ---- */

static uint32_t prims_of(struct gh_gl_share *share, uint32_t list)
{
	uintptr_t flags = 0;
	gh_gl_map_get(&share->lists.prims, list, &flags);
	return (uint32_t)flags;
}

/* `list` now holds a list of `flags` (0: none, or one with no glBegin,
 * glEnd or call). */
static bool prims_install(struct gl_exec *x, uint32_t list, uint32_t flags)
{
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t old = 0;
	if (gh_gl_map_remove(&share->lists.prims, list, &old))
		gles_list_prims_count(&share->lists.prim_count, (uint32_t)old, -1);
	if (!flags)
		return true;
	if (!gh_gl_map_put(&share->lists.prims, list, flags))
		return gh_gl_fail(x, "out of memory for display list records");
	gles_list_prims_count(&share->lists.prim_count, flags, +1);
	return true;
}

struct prims_range {
	uint64_t first, end;
	struct wl_array gone; /* uint32_t */
	bool oom;
};

static void prims_in_range(uint32_t key, uintptr_t val, void *data)
{
	struct prims_range *r = data;
	uint32_t *k;
	if (key >= r->first && key < r->end) {
		if ((k = wl_array_add(&r->gone, sizeof(*k))))
			*k = key;
		else
			r->oom = true;
	}
}

/* glDeleteLists(first, range): the group's records of those names go. */
static bool prims_delete(struct gl_exec *x, uint32_t first, uint32_t range)
{
	struct gh_gl_share *share = x->ctx->share;
	/* Name by name or record by record, whichever is fewer. */
	if (range <= share->lists.prims.count) {
		for (uint64_t n = first; n < (uint64_t)first + range; n++)
			if (n && n <= UINT32_MAX && !prims_install(x, (uint32_t)n, 0))
				return false;
		return true;
	}
	struct prims_range r = {first, (uint64_t)first + range, {0}, false};
	wl_array_init(&r.gone);
	gh_gl_map_for_each(&share->lists.prims, prims_in_range, &r);
	uint32_t *k;
	if (r.gone.size) { /* no NULL + 0 (wl-objects.c) */
		wl_array_for_each(k, &r.gone)
		{
			prims_install(x, *k, 0);
		}
	}
	wl_array_release(&r.gone);
	return !r.oom || gh_gl_fail(x, "out of memory for display list records");
}

bool gl_exec_wrap_glNewList(struct gl_exec *x, GLuint list, GLenum mode)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	struct wl_array *ranges = &x->ctx->share->lists.ranges;
	/* GL makes a list of any nonzero name: one glGenLists never gave is a
	 * name of its own, charged as a glGenLists of one would be. */
	bool fresh = list && !l->mode && !gh_gl_list_ranges_holds(ranges, list);
	if (fresh && !gl_exec_names_reserve(x, GL_NAMES_TEXTURE, 1))
		return false;
	gles_host.glNewList(list, mode);
	/* What the driver took (list 0, a bad mode, a list already being made
	 * are its errors, kept for the app). */
	GLint index = 0, got = 0;
	gles_host.glGetIntegerv(LIST_INDEX, &index);
	gles_host.glGetIntegerv(LIST_MODE, &got);
	gh_gl_errors_stash(x->ctx);
	if (!l->mode && index) {
		l->mode = (uint32_t)got;
		l->name = (uint32_t)index;
		l->making = 0;
		l->prims = 0;
		l->n_calls = 0;
		l->calls_unknown = l->call_in_primitive = l->base_known = false;
		unlist(x->ctx->share, l->binds);
		if (fresh && (uint32_t)index == list) {
			uint64_t added = 0;
			if (!gh_gl_list_ranges_add(ranges, list, 1, &added))
				return gh_gl_fail(x, "out of memory for display list names");
			charge_names(x, added);
		}
	}
	return true;
}

/* A list being made calls `list`, or lists it cannot name (NULL). */
static void note_call(struct gh_gl_lists *l, const GLuint *list)
{
	if (l->prims & GLES_LIST_LAST_BEGIN)
		l->call_in_primitive = true;
	if (!list) {
		l->calls_unknown = true;
		return;
	}
	for (uint32_t i = 0; i < l->n_calls; i++)
		if (l->calls[i] == *list)
			return;
	if (l->n_calls == GH_GL_LIST_CALLS)
		l->calls_unknown = true;
	else
		l->calls[l->n_calls++] = *list;
}

/* glCallLists compiled: its names, from the list base the driver has now
 * (inside a primitive the app opened, GL answers no query: the base read
 * at its glBegin). */
static void note_calls(struct gl_exec *x, GLsizei n, GLenum type, const void *lists)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	GLint base = (GLint)l->base;
	if ((x->ctx->begin_end && !l->base_known) || n > GH_GL_LIST_CALLS) {
		note_call(l, NULL);
		return;
	}
	if (!x->ctx->begin_end)
		gles_host.glGetIntegerv(0x0B32 /* GL_LIST_BASE */, &base);
	for (GLsizei i = 0; i < n; i++) {
		GLuint name = (GLuint)base + gl_call_lists_offset(type, lists, (uint32_t)i);
		note_call(l, &name);
	}
}

/* Mesa 22.3 crashes in glEndList (swrast_dri.so) when the list calls a name
 * that is no list then, and calls some list inside a primitive of its own
 * or ends inside one (a review of 2026-12-06, confirmed with lists of the
 * shapes {glBegin, call 9}, {glBegin, call 2, glEnd, call 9}, {call 9,
 * glBegin}; GL takes them all: a missing list runs nothing). The link ends
 * instead of its process, saying why. True when the driver may crash. */
static bool crash_ahead(struct gl_exec *x)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	if (!l->call_in_primitive && !(l->prims & GLES_LIST_LAST_BEGIN))
		return false;
	if (!l->n_calls && !l->calls_unknown)
		return false;
	/* glIsList is GL's error inside a primitive the app's glBegin opened. */
	if (l->calls_unknown || x->ctx->begin_end)
		return true;
	for (uint32_t i = 0; i < l->n_calls; i++)
		if (!gles_host.glIsList(l->calls[i]))
			return true;
	return false;
}

bool gl_exec_wrap_glEndList(struct gl_exec *x)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	struct gh_gl_share *share = x->ctx->share;
	if (l->mode && crash_ahead(x))
		return gh_gl_fail(
		        x,
		        "display list %u calls a list that does not exist (or one gpupipe "
		        "cannot name: glCallLists) with a primitive of its own open: "
		        "the host's driver (Mesa 22) crashes compiling that",
		        l->name);
	gles_host.glEndList();
	if (!l->mode)
		return true; /* GL_INVALID_OPERATION, the driver's */
	/* What the list does to glBegin/glEnd when called (gles-list-prims.h). */
	if (!prims_install(x, l->name, l->prims))
		return false;
	l->prims = 0;
	/* A glDeleteLists of the name while it was being made gave it back:
	 * the list GL now installs under it is charged again. */
	struct wl_array *ranges = &share->lists.ranges;
	if (!gh_gl_list_ranges_holds(ranges, l->name)) {
		uint64_t added = 0;
		if (!gl_exec_names_reserve(x, GL_NAMES_TEXTURE, 1))
			return false;
		if (!gh_gl_list_ranges_add(ranges, l->name, 1, &added))
			return gh_gl_fail(x, "out of memory for display list names");
		charge_names(x, added);
	}
	/* The new list replaces the one of its name. */
	struct gh_gl_list_bytes *old = find(&share->lists.charged, l->name);
	if (old)
		give_back(share, old);
	if (l->making || l->binds[GH_GL_LIST_TEXTURE] || l->binds[GH_GL_LIST_ARB_PROGRAM]) {
		struct gh_gl_list_bytes *b = wl_array_add(&share->lists.charged, sizeof(*b));
		if (!b) {
			gh_gl_quota_adjust(&x->gl->quota, l->making, 0);
			l->mode = 0;
			l->making = 0;
			return gh_gl_fail(x, "out of memory for display list records");
		}
		*b = (struct gh_gl_list_bytes){l->name, l->making, {NULL}};
		memcpy(b->binds, l->binds, sizeof(b->binds));
		memset(l->binds, 0, sizeof(l->binds));
		share->lists.charged_total += l->making;
	}
	l->mode = 0;
	l->making = 0;
	return true;
}

/* The program in use as the driver has it after a list ran. */
static void program_resync(struct gl_exec *x)
{
	GLint name = 0;
	gles_host.glGetIntegerv(GL_CURRENT_PROGRAM, &name);
	struct gh_gl_program *prog =
	        name ? gh_gl_map_get_ptr(&x->ctx->share->programs, (uint32_t)name) : NULL;
	/* A name the host no longer knows is the current one it still holds
	 * (GL keeps a deleted program in use): nothing changed. */
	if (name && !prog)
		return;
	if (prog)
		prog->refs++;
	gh_gl_program_unref(x->ctx->program);
	x->ctx->program = prog;
}

/* Re-reads what lists may have changed behind the trackers, then gives
 * back `worst`, the room their images had while they ran. */
static bool reread(struct gl_exec *x, uint64_t worst)
{
	struct gh_gl_share *share = x->ctx->share;
	if (share->lists.change_state || share->lists.images || share->lists.attribs) {
		/* The driver's errors are the app's; the re-read's queries add none. */
		gh_gl_errors_stash(x->ctx);
		/* What a list pushed or popped, before the bindings a pop restored. */
		if (!gh_gl_attrib_sync(x, share->lists.attribs)) {
			if (worst)
				gh_gl_quota_adjust(&x->gl->quota, worst, 0);
			return false;
		}
		delete_remade(x);
		gh_gl_textures_resync(x);
		program_resync(x);
		if (!gh_gl_front_resync(x)) {
			if (worst)
				gh_gl_quota_adjust(&x->gl->quota, worst, 0);
			return false;
		}
	}
	if (share->lists.images)
		gh_gl_storage_reread_all(x);
	if (worst)
		gh_gl_quota_adjust(&x->gl->quota, worst, 0);
	gh_gl_errors_stash(x->ctx);
	return true;
}

bool gh_gl_lists_reread_pending(struct gl_exec *x)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	if (!l->reread_pending || x->ctx->begin_end)
		return true;
	uint64_t worst = l->pending_worst;
	l->reread_pending = false;
	l->pending_worst = 0;
	return reread(x, worst);
}

/* A call the host did not run (GL_OUT_OF_MEMORY or GL_INVALID_OPERATION
 * recorded) still leaves glBegin/glEnd where the library takes it to be,
 * `after`: where it says outside while the driver may be inside, the
 * driver's primitive is ended, as the call would have ended it. */
static void not_run(struct gl_exec *x, enum gles_prim after)
{
	if (x->ctx->begin_end && !gles_prim_inside(after))
		gles_host.glEnd();
	gh_gl_prim_set(x->ctx, after);
}

/* Runs `call` (a glCallList or glCallLists) and re-reads what it may have
 * changed behind the trackers: at once, or, called between glBegin and
 * glEnd, before the first command after glEnd. */
static bool run_lists(struct gl_exec *x, void (*call)(const void *), const void *arg,
                      const GLuint *one)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	struct gh_gl_share *share = x->ctx->share;
	if (l->mode)
		gles_list_prims_call(&l->prims);
	/* A list run may set the base or begin a primitive unseen. */
	if (l->mode != GH_GL_LIST_COMPILE)
		l->base_known = false;
	if (l->mode == GH_GL_LIST_COMPILE) {
		call(arg); /* compiled, not run */
		return true;
	}
	/* Where the call leaves glBegin/glEnd, as the library takes it too
	 * whether or not the call runs here (gles-list-prims.h). */
	enum gles_prim after = gles_list_prims_after_call(gh_gl_prim(x->ctx), one != NULL,
	                                                  one ? prims_of(share, *one) : 0,
	                                                  &share->lists.prim_count);
	/* The images lists hold land on the textures bound when they run,
	 * before the host can see where: the quota must hold them all once
	 * more while they run; the re-read below charges what stays. */
	uint64_t worst = share->lists.images ? share->lists.charged_total + l->making : 0;
	if (worst && !gh_gl_quota_charge(&x->gl->quota, 0, worst, "display lists run")) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		not_run(x, after);
		return true;
	}
	/* A compressed upload a list holds replays under the unpack state:
	 * cleared around the call (lists-compressed.c), which cannot be
	 * restored inside a primitive. */
	struct gh_gl_list_replay replay;
	if (!gh_gl_list_replay_begin(x, &replay, gles_prim_inside(after))) {
		if (worst)
			gh_gl_quota_adjust(&x->gl->quota, worst, 0);
		not_run(x, after);
		return true;
	}
	call(arg);
	gh_gl_list_replay_end(x, &replay);
	gh_gl_prim_set(x->ctx, after);
	/* Between glBegin and glEnd (or maybe there) GL answers no query: the
	 * re-read waits for glEnd. */
	if (x->ctx->begin_end) {
		l->reread_pending = true;
		l->pending_worst += worst;
		return true;
	}
	return reread(x, worst);
}

static void call_one(const void *arg)
{
	gles_host.glCallList(*(const GLuint *)arg);
}

bool gl_exec_wrap_glCallList(struct gl_exec *x, GLuint list)
{
	if (x->ctx->lists.mode)
		note_call(&x->ctx->lists, &list);
	return run_lists(x, call_one, &list, &list);
}

struct many {
	GLsizei n;
	GLenum type;
	const void *lists;
};

static void call_many(const void *arg)
{
	const struct many *m = arg;
	gles_host.glCallLists(m->n, m->type, m->lists);
}

/* The decoder checked the blob: n names of `type` (gl_call_lists_bytes). */
bool gl_exec_wrap_glCallLists(struct gl_exec *x, GLsizei n, GLenum type, const void *lists)
{
	struct many m = {n, type, lists};
	if (x->ctx->lists.mode)
		note_calls(x, n, type, lists);
	return run_lists(x, call_many, &m, NULL);
}

bool gl_exec_wrap_glDeleteLists(struct gl_exec *x, GLuint list, GLsizei range)
{
	gles_host.glDeleteLists(list, range);
	struct gh_gl_share *share = x->ctx->share;
	if (range <= 0)
		return true; /* GL_INVALID_VALUE, or nothing */
	if (!prims_delete(x, list, (uint32_t)range))
		return false;
	uint64_t end = (uint64_t)list + (uint64_t)range;
	for (size_t i = 0; i < share->lists.charged.size / sizeof(struct gh_gl_list_bytes);) {
		struct gh_gl_list_bytes *b =
		        (struct gh_gl_list_bytes *)share->lists.charged.data + i;
		if (b->list >= list && b->list < end)
			give_back(share, b); /* the last one moved to i */
		else
			i++;
	}
	/* The names GL drops that were charged, never more. */
	uint64_t gone = 0;
	if (!gh_gl_list_ranges_remove(&share->lists.ranges, list, (uint64_t)range, &gone))
		return gh_gl_fail(x, "out of memory for display list names");
	gh_gl_quota_names_gone(&x->gl->quota, (uint32_t)gone);
	share->lists.names -= gone;
	return true;
}

bool gl_exec_special_glGenLists(struct gl_exec *x, struct gl_reader *r)
{
	int32_t range = (int32_t)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glGenLists"))
		return false;
	GLuint base = 0;
	if (range < 0) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
	} else if (range > 0) {
		/* The driver makes an entry per name: the names quota first. */
		if (!gl_exec_names_reserve(x, GL_NAMES_TEXTURE, (uint32_t)range))
			return false;
		base = gles_host.glGenLists(range);
		if (base) {
			/* Kept as ranges: each holds a name or more, so never more
			 * ranges than the names quota lets be charged. */
			uint64_t added = 0;
			if (!gh_gl_list_ranges_add(&x->ctx->share->lists.ranges, base,
			                           (uint32_t)range, &added))
				return gh_gl_fail(x, "out of memory for display list names");
			charge_names(x, added);
		}
	}
	uint8_t *p = gl_exec_reply(x, 4);
	if (!p)
		return false;
	gles_wr_u32(p, base);
	return true;
}

void gh_gl_lists_finish(struct gh_gl *gl, struct gh_gl_context *ctx)
{
	struct gh_gl_lists *l = &ctx->lists;
	gh_gl_quota_adjust(&gl->quota, l->making + l->pending_worst, 0);
	l->making = 0;
	l->pending_worst = 0;
	l->reread_pending = false;
	/* The group may live on: what this list named is let go. */
	unlist(ctx->share, l->binds);
}

void gh_gl_share_lists_finish(struct gh_gl_share *share)
{
	gh_gl_quota_adjust(share->quota, share->lists.charged_total, 0);
	gh_gl_quota_names_gone(share->quota, (uint32_t)share->lists.names);
	struct gh_gl_list_bytes *b;
	if (share->lists.charged.size) { /* no NULL + 0 (wl-objects.c) */
		wl_array_for_each(b, &share->lists.charged)
		{
			for (int kind = 0; kind < GH_GL_LIST_BIND_KINDS; kind++) {
				if (b->binds[kind]) {
					gh_gl_map_finish(b->binds[kind]);
					free(b->binds[kind]);
				}
			}
		}
	}
	for (int kind = 0; kind < GH_GL_LIST_BIND_KINDS; kind++) {
		gh_gl_map_finish(&share->lists.listed[kind]);
		gh_gl_map_finish(&share->lists.deleted[kind]);
	}
	gh_gl_map_finish(&share->lists.prims);
	wl_array_release(&share->lists.charged);
	wl_array_release(&share->lists.ranges);
}
