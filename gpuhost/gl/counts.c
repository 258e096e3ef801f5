/*
 * What the executor did, counted as it runs (gl.h, struct gh_gl_counts):
 * read by gpuhost/stats.c for gpupipe-host --stats and its SIGUSR1 and
 * link-end lines; nothing decides on them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "executor.h"
#include "gl.h"
#include "gles-codec.h"
#include "map.h"
#include "stream.h"
#include "surface.h"

/* A slot per command: the EGL-level ones, then the generated ones. */
#define N_OPS (GL_OP_EGL_COUNT + (GLES_OP_END - GL_OP_GLES_BASE))

static uint32_t slot_of(uint32_t op)
{
	return op < GL_OP_EGL_COUNT ? op : GL_OP_EGL_COUNT + (op - GL_OP_GLES_BASE);
}

static uint32_t op_of(uint32_t slot)
{
	return slot < GL_OP_EGL_COUNT ? slot : GL_OP_GLES_BASE + (slot - GL_OP_EGL_COUNT);
}

bool gh_gl_counts_init(struct gh_gl *gl)
{
	gl->replies_by_op = calloc(N_OPS, sizeof(*gl->replies_by_op));
	return gl->replies_by_op != NULL;
}

void gh_gl_counts_finish(struct gh_gl *gl)
{
	free(gl->replies_by_op);
	gl->replies_by_op = NULL;
}

/* Called for each command run, with whether it replied: only commands
 * the executor knows reach here (an unknown opcode ends the link). */
void gh_gl_count_command(struct gh_gl *gl, uint32_t op, bool replied)
{
	gl->counts.commands++;
	if (!replied)
		return;
	gl->counts.replies++;
	uint32_t slot = slot_of(op);
	if (gl->replies_by_op && slot < N_OPS)
		gl->replies_by_op[slot]++;
}

struct op_count {
	uint32_t count, slot;
};

static int by_count(const void *a, const void *b)
{
	const struct op_count *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

void gh_gl_round_trips_by_command(const struct gh_gl *gl, char *text, size_t len, int most)
{
	text[0] = 0;
	struct op_count *counts = gl->replies_by_op ? malloc(N_OPS * sizeof(*counts)) : NULL;
	if (!counts)
		return;
	uint32_t n = 0;
	for (uint32_t i = 0; i < N_OPS; i++) {
		if (gl->replies_by_op[i])
			counts[n++] = (struct op_count){gl->replies_by_op[i], i};
	}
	qsort(counts, n, sizeof(*counts), by_count);
	size_t used = 0;
	for (uint32_t i = 0; i < n && i < (uint32_t)most; i++) {
		int k = snprintf(text + used, len - used, "%s%s %u", i ? ", " : "",
		                 gh_gl_op_name(op_of(counts[i].slot)), counts[i].count);
		if (k < 0 || (size_t)k >= len - used)
			break;
		used += (size_t)k;
	}
	free(counts);
}

const struct gh_gl_counts *gh_gl_counts(const struct gh_gl *gl)
{
	return &gl->counts;
}

struct surface_counts {
	gh_gl_surface_counts_fn fn;
	void *data;
};

static void tell_surface(uint32_t handle, uintptr_t value, void *data)
{
	(void)handle;
	struct gh_gl_surface *surf = (struct gh_gl_surface *)value;
	const struct surface_counts *c = data;
	if (surf->swaps == surf->told_swaps)
		return;
	c->fn(c->data, surf->handle, surf->width, surf->height, surf->swaps - surf->told_swaps,
	      surf->swap_ns - surf->told_ns);
	surf->told_swaps = surf->swaps;
	surf->told_ns = surf->swap_ns;
}

void gh_gl_surface_counts(struct gh_gl *gl, gh_gl_surface_counts_fn fn, void *data)
{
	struct surface_counts c = {.fn = fn, .data = data};
	gh_gl_map_for_each(&gl->surfaces, tell_surface, &c);
}
