/*
 * Display lists of the compatibility profile, the library's part: the
 * driver on the host compiles and runs them, names and all (the generic
 * wire; glCallLists' names sized by gl_call_lists_bytes). What the library
 * keeps for direct state access (the active unit and texture bindings,
 * gl-dsa-tex.c) must not follow a command compiled in GL_COMPILE mode,
 * which does not run, and is stale after a list that binds textures, sets
 * the active unit or pops attributes runs: then the library asks the host
 * again, as after glPopAttrib (gl-attrib.c).
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <stdlib.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define COMPILE 0x1300u             /* GL_COMPILE */
#define COMPILE_AND_EXECUTE 0x1301u /* GL_COMPILE_AND_EXECUTE */

bool ge_list_compiles(struct ge_gl_state *gl)
{
	if (!gl->list_mode)
		return false;
	gl->lists_change = true;
	/* Between glBegin and glEnd a GL_COMPILE_AND_EXECUTE list compiles
	 * the command and GL refuses to run it (GL_INVALID_OPERATION). */
	return gl->list_mode == COMPILE || gl->begin_end;
}

bool ge_list_compiles_in_primitive(struct ge_gl_state *gl, uint32_t op)
{
	return gl->list_mode == COMPILE_AND_EXECUTE && gles_compiled_in_primitive(op);
}

bool ge_list_draw(struct gl_enc *e, uint32_t op)
{
	uint32_t kind;
	switch (op) {
	case GLES_OP_glDrawArrays:
	case GLES_OP_glMultiDrawArrays:
	case GLES_OP_glMultiDrawArraysEXT:
		kind = GL_LIST_DRAW_ARRAYS;
		break;
	case GLES_OP_glDrawElements:
	case GLES_OP_glDrawRangeElements:
	case GLES_OP_glMultiDrawElements:
	case GLES_OP_glMultiDrawElementsEXT:
		kind = GL_LIST_DRAW_ELEMENTS;
		break;
	default:
		return false;
	}
	if (e->gl->list_mode != COMPILE_AND_EXECUTE)
		return false;
	/* GL compiles the draw and refuses to run it, and so does the host's
	 * driver, errors and all: nothing of the arrays or the indices is
	 * read, so nothing of them travels (gpuhost/gl/list-draw.c). */
	struct gl_op_list_draw draw = {.kind = kind};
	ge_stream_op(e, GL_OP_LIST_DRAW, &draw, sizeof(draw));
	return true;
}

/* Only what GL takes is followed (list 0, another mode, a list within a
 * list are GL errors the host's driver records). */
void gl_enc_hook_glNewList(struct gl_enc *e, GLuint list, GLenum mode)
{
	if (!e->gl->list_mode && list && (mode == COMPILE || mode == COMPILE_AND_EXECUTE)) {
		e->gl->list_mode = mode;
		e->gl->list_name = list;
		e->gl->list_prims = 0;
	}
}

/* ---- what lists do to glBegin/glEnd, as the host sums it up too
 * (gles-list-prims.h, gpuhost/gl/lists.c) ---- */

enum gles_prim ge_prim(const struct ge_gl_state *gl)
{
	return gles_prim_of(gl->begin_end, gl->begin_end_unknown);
}

void ge_prim_set(struct ge_gl_state *gl, enum gles_prim p)
{
	gles_prim_keep(p, &gl->begin_end, &gl->begin_end_unknown);
}

/* Share locked. `list` now holds a list of `flags` (0: none, or one with
 * no glBegin, glEnd or call). */
static void prims_install(struct ge_share *s, uint32_t list, uint32_t flags)
{
	uintptr_t old = (uintptr_t)ge_map_remove(&s->list_prims, list);
	gles_list_prims_count(&s->list_prim_count, (uint32_t)old, -1);
	if (!flags)
		return;
	if (ge_map_put(&s->list_prims, list, (void *)(uintptr_t)flags))
		gles_list_prims_count(&s->list_prim_count, flags, +1);
	else
		s->lists_lost = true;
}

void gl_enc_hook_glEndList(struct gl_enc *e)
{
	struct ge_gl_state *gl = e->gl;
	/* GL_COMPILE_AND_EXECUTE ran what it compiled. */
	if (gl->list_mode == COMPILE_AND_EXECUTE)
		ge_restart_nv_stale(gl);
	if (gl->list_mode) {
		pthread_mutex_lock(&gl->share->lock);
		prims_install(gl->share, gl->list_name, gl->list_prims);
		pthread_mutex_unlock(&gl->share->lock);
	}
	gl->list_mode = 0;
}

struct prims_range {
	uint64_t first, end;
	uint32_t *gone;
	size_t n;
};

static void prims_in_range(uint32_t key, void *val, void *data)
{
	struct prims_range *r = data;
	if (key >= r->first && key < r->end)
		r->gone[r->n++] = key;
}

void gl_enc_hook_glDeleteLists(struct gl_enc *e, GLuint list, GLsizei range)
{
	struct ge_share *s = e->gl->share;
	if (range <= 0)
		return; /* GL_INVALID_VALUE, or nothing */
	pthread_mutex_lock(&s->lock);
	/* Name by name or record by record, whichever is fewer. */
	if ((uint32_t)range <= s->list_prims.count) {
		for (uint64_t n = list; n < (uint64_t)list + (uint32_t)range; n++)
			if (n <= UINT32_MAX && n)
				prims_install(s, (uint32_t)n, 0);
		pthread_mutex_unlock(&s->lock);
		return;
	}
	struct prims_range r = {list, (uint64_t)list + (uint64_t)range, NULL, 0};
	if (s->list_prims.count && !(r.gone = calloc(s->list_prims.count, sizeof(*r.gone))))
		s->lists_lost = true; /* every call unknown from now on */
	if (r.gone) {
		ge_map_for_each(&s->list_prims, prims_in_range, &r);
		for (size_t i = 0; i < r.n; i++)
			prims_install(s, r.gone[i], 0);
		free(r.gone);
	}
	pthread_mutex_unlock(&s->lock);
}

/* After a call runs: where it leaves glBegin/glEnd. */
static void prims_after_call(struct ge_gl_state *gl, const GLuint *one)
{
	struct ge_share *s = gl->share;
	pthread_mutex_lock(&s->lock);
	uint32_t flags = one ? (uint32_t)(uintptr_t)ge_map_get(&s->list_prims, *one) : 0;
	enum gles_prim after = s->lists_lost
	                               ? GLES_PRIM_UNKNOWN
	                               : gles_list_prims_after_call(ge_prim(gl), one != NULL, flags,
	                                                            &s->list_prim_count);
	pthread_mutex_unlock(&s->lock);
	ge_prim_set(gl, after);
}

/* A list that ran may have changed bindings and the active unit, and
 * GL_PRIMITIVE_RESTART (gl-restart-nv.c: whether it did is not kept). */
static void ran(struct ge_gl_state *gl)
{
	if (gl->list_mode != COMPILE && gl->lists_change)
		gl->tex_stale = true;
	if (gl->list_mode != COMPILE)
		ge_restart_nv_stale(gl);
}

void gl_enc_hook_glCallList(struct gl_enc *e, GLuint list)
{
	ran(e->gl);
	if (e->gl->list_mode)
		gles_list_prims_call(&e->gl->list_prims);
	if (e->gl->list_mode != COMPILE)
		prims_after_call(e->gl, &list);
}

void gl_enc_hook_glCallLists(struct gl_enc *e, GLsizei n, GLenum type, const void *lists)
{
	ran(e->gl);
	if (e->gl->list_mode)
		gles_list_prims_call(&e->gl->list_prims);
	if (e->gl->list_mode != COMPILE)
		prims_after_call(e->gl, NULL);
}
