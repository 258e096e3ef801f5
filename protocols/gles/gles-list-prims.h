/*
 * Where glBegin/glEnd stands after a display list runs, as the library and
 * the host both work it out (proxy/gl/gl-lists.c, gpuhost/gl/lists.c):
 * both must agree on it, since between glBegin and glEnd the library
 * refuses what GL refuses there and the host ends the link on it (its
 * trackers would follow a command the driver did not run). The one thing
 * that must never happen: the driver inside a primitive while both take it
 * to be outside.
 *
 * GL keeps any list, one that leaves a primitive open or closes one it did
 * not begin included. A glBegin that runs leaves the driver inside (outside
 * it begins, inside it is GL's error) and a glEnd that runs outside. But a
 * list's own glEnd does not always run: Mesa stores the vertices, glBegin
 * and glEnd a list compiles in blocks, and plays a block that starts a
 * primitive while one is open as GL's error, whole, its glEnd with it (a
 * compiled draw or glRect starts one too). So each made list is summed up
 * by flags: its last glBegin or glEnd of its own, whether it calls lists
 * at all, and whether it holds anything but what GL takes inside a
 * primitive (a glBegin, a draw, a state command: it may then not play as
 * one stretch of a primitive). The share group counts its lists of each
 * last. Then, for a call from `now`:
 * - glCallList of a list that calls none: a last glBegin leaves the driver
 *   inside. A last glEnd leaves it outside when the call starts outside
 *   (nothing of the list can be skipped then: every block of it plays in
 *   order), or when the list holds only what GL takes inside a primitive
 *   (it plays as the continuation of the open one and ends it: the split
 *   lists glBegin; glCallList({glVertex; glEnd})). Otherwise either.
 *   No glBegin or glEnd: where it was.
 * - any other call: the driver ends inside only if some glBegin ran last,
 *   and a block that begins without ending is the last of its list's own
 *   glBegin/glEnd: so outside before, with no list of the group whose last
 *   is a glBegin, stays outside; inside before, with no list whose last is
 *   a glEnd, stays inside. Otherwise either.
 * "Either" is GLES_PRIM_UNKNOWN, which both sides take as inside (commands
 * GL takes outside a primitive are refused: stricter than the driver,
 * never looser) until the app's own next glBegin or glEnd. None of this
 * depends on which lists a call reaches, so the list base, the names a
 * glCallLists reaches and the driver's nesting limit play no part. A
 * glBegin the driver refuses for a reason neither side sees (a transform
 * feedback mismatch) counts as begun: inside while the driver is outside,
 * the safe way round.
 */
#ifndef GPUPIPE_GLES_LIST_PRIMS_H
#define GPUPIPE_GLES_LIST_PRIMS_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/gl-sizes.h>
#include <gpupipe/gl-stream.h>

#include "gles-codec.h"

enum gles_prim {
	GLES_PRIM_OUT = 0,     /* outside glBegin/glEnd */
	GLES_PRIM_IN = 1,      /* between glBegin and glEnd */
	GLES_PRIM_UNKNOWN = 2, /* either: taken as inside */
};

/* What a made list holds, as flags; 0 for a list with no glBegin, glEnd
 * or call, which changes nothing. */
enum gles_list_prim_flags {
	GLES_LIST_LAST_BEGIN = 1u << 0, /* its last glBegin/glEnd of its own is a glBegin */
	GLES_LIST_LAST_END = 1u << 1,   /* ... a glEnd */
	GLES_LIST_CALLS = 1u << 2,      /* it calls lists (glCallList, glCallLists) */
	GLES_LIST_APART = 1u << 3,      /* a glBegin, or a command GL refuses in a primitive */
};

/* A list being made: glBegin (of a mode GL knows), glEnd and the calls it
 * compiles. */
static inline void gles_list_prims_begin(uint32_t *flags)
{
	*flags = (*flags & ~GLES_LIST_LAST_END) | GLES_LIST_LAST_BEGIN | GLES_LIST_APART;
}

static inline void gles_list_prims_end(uint32_t *flags)
{
	*flags = (*flags & ~GLES_LIST_LAST_BEGIN) | GLES_LIST_LAST_END;
}

static inline void gles_list_prims_call(uint32_t *flags)
{
	*flags |= GLES_LIST_CALLS;
}

/* Every command sent while a list is being made (the library as it
 * encodes it, the host as it runs it): one GL refuses inside a primitive
 * makes the list APART. glNewList and glEndList are the list's frame;
 * glBegin, glEnd and the calls have the hooks above; the EGL-level
 * commands are not GL's to compile. */
static inline void gles_list_prims_command(uint32_t *flags, uint32_t op)
{
	if (op < GL_OP_GLES_BASE || op == GLES_OP_glNewList || op == GLES_OP_glEndList)
		return;
	if (!gl_begin_end_allows(op))
		*flags |= GLES_LIST_APART;
}

/* The lists of a share group, counted by the last glBegin/glEnd of their own. */
struct gles_list_prims_count {
	uint32_t last_begin, last_end;
};

/* A list of `flags` comes (+1) or goes (-1). */
static inline void gles_list_prims_count(struct gles_list_prims_count *c, uint32_t flags, int d)
{
	if (flags & GLES_LIST_LAST_BEGIN)
		c->last_begin += (uint32_t)d;
	if (flags & GLES_LIST_LAST_END)
		c->last_end += (uint32_t)d;
}

/* Taken as inside a primitive. */
static inline bool gles_prim_inside(enum gles_prim p)
{
	return p != GLES_PRIM_OUT;
}

/* The state as each side keeps it: inside a primitive (or maybe), and whether maybe. */
static inline enum gles_prim gles_prim_of(bool inside, bool unknown)
{
	if (!inside)
		return GLES_PRIM_OUT;
	return unknown ? GLES_PRIM_UNKNOWN : GLES_PRIM_IN;
}

static inline void gles_prim_keep(enum gles_prim p, bool *inside, bool *unknown)
{
	*inside = gles_prim_inside(p);
	*unknown = p == GLES_PRIM_UNKNOWN;
}

/* Where a call leaves glBegin/glEnd, from `now`: glCallList of a list of
 * `flags` (0 for a name with no list or a list that changes nothing) when
 * `one`, else glCallLists (whose flags do not matter). */
static inline enum gles_prim gles_list_prims_after_call(enum gles_prim now, bool one,
                                                        uint32_t flags,
                                                        const struct gles_list_prims_count *c)
{
	if (one && !(flags & GLES_LIST_CALLS)) {
		if (flags & GLES_LIST_LAST_BEGIN)
			return GLES_PRIM_IN;
		if (flags & GLES_LIST_LAST_END)
			return now == GLES_PRIM_OUT || !(flags & GLES_LIST_APART)
			               ? GLES_PRIM_OUT
			               : GLES_PRIM_UNKNOWN;
		return now;
	}
	/* The outcomes: `now` (none ran) or some list's last (the group's
	 * counts hold the list called). */
	bool may_in = now == GLES_PRIM_IN || c->last_begin;
	bool may_out = now == GLES_PRIM_OUT || c->last_end;
	if (now == GLES_PRIM_UNKNOWN || (may_in && may_out))
		return GLES_PRIM_UNKNOWN;
	return may_in ? GLES_PRIM_IN : GLES_PRIM_OUT;
}

#endif
