/*
 * Where glBegin/glEnd stands after a display list runs, as the library and
 * the host both work it out (proxy/egl/gl-lists.c, gpuhost/gl/lists.c):
 * both must agree on it, since between glBegin and glEnd the library
 * refuses what GL refuses there and the host ends the link on it (its
 * trackers would follow a command the driver did not run).
 *
 * GL keeps any list, one that leaves a primitive open or closes one it did
 * not begin included, and its glBegin/glEnd run whenever the list does.
 * glBegin always leaves the driver inside a primitive (outside, it begins
 * one; inside, it is GL's error) and glEnd always outside, so after a call
 * the driver is where the last glBegin or glEnd that ran put it, or where
 * it was if none ran. Each made list is summed up by the last glBegin or
 * glEnd of its own and whether it calls lists after it (flags below); the
 * share group counts its lists of each last. Then:
 * - glCallList of a list with no call after its last glBegin/glEnd: that
 *   glBegin/glEnd runs last whatever its calls before did: exact;
 * - any other call: the last glBegin/glEnd to run, if any, is the last of
 *   its own of some list of the group (nothing of that list runs after it
 *   but calls, and those ran none), so the outcome is the state before or
 *   one of the group's lasts. When that leaves a single outcome, it is
 *   exact; else it is GLES_PRIM_UNKNOWN, which both sides take as inside a
 *   primitive (the driver may be there; outside, it takes all a primitive
 *   takes) until the app's own next glBegin or glEnd.
 * None of this depends on which lists a call runs, so the list base, the
 * names a glCallLists reaches and the driver's nesting limit play no part.
 * A glBegin the driver refuses for a reason neither side sees (a transform
 * feedback mismatch) counts as begun: taken to be inside while the driver
 * is outside, never the other way round.
 */
#ifndef GPUPIPE_GLES_LIST_PRIMS_H
#define GPUPIPE_GLES_LIST_PRIMS_H

#include <stdbool.h>
#include <stdint.h>

enum gles_prim {
	GLES_PRIM_OUT = 0,     /* outside glBegin/glEnd */
	GLES_PRIM_IN = 1,      /* between glBegin and glEnd */
	GLES_PRIM_UNKNOWN = 2, /* either: taken as inside */
};

/* What a made list holds, as flags; 0 for a list with no glBegin, glEnd
 * or call, which changes nothing. */
enum gles_list_prim_flags {
	GLES_LIST_LAST_BEGIN = 1u << 0,  /* its last glBegin/glEnd of its own is a glBegin */
	GLES_LIST_LAST_END = 1u << 1,    /* ... a glEnd */
	GLES_LIST_CALLS_AFTER = 1u << 2, /* it calls lists after that (or has none and calls) */
};

/* A list being made: glBegin (of a mode GL knows), glEnd and the calls it
 * compiles. */
static inline void gles_list_prims_begin(uint32_t *flags)
{
	*flags = GLES_LIST_LAST_BEGIN;
}

static inline void gles_list_prims_end(uint32_t *flags)
{
	*flags = GLES_LIST_LAST_END;
}

static inline void gles_list_prims_call(uint32_t *flags)
{
	*flags |= GLES_LIST_CALLS_AFTER;
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

/* Where a call leaves glBegin/glEnd, from `now`: glCallList of a list of
 * `flags` (0 for a name with no list or a list that changes nothing) when
 * `one`, else glCallLists (whose flags do not matter). */
static inline enum gles_prim gles_list_prims_after_call(enum gles_prim now, bool one,
                                                        uint32_t flags,
                                                        const struct gles_list_prims_count *c)
{
	if (one && !(flags & GLES_LIST_CALLS_AFTER)) {
		if (flags & GLES_LIST_LAST_BEGIN)
			return GLES_PRIM_IN;
		if (flags & GLES_LIST_LAST_END)
			return GLES_PRIM_OUT;
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
