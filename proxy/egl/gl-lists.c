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
#include "ge.h"
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
	if (!e->gl->list_mode && list && (mode == COMPILE || mode == COMPILE_AND_EXECUTE))
		e->gl->list_mode = mode;
}

void gl_enc_hook_glEndList(struct gl_enc *e)
{
	/* GL_COMPILE_AND_EXECUTE ran what it compiled. */
	if (e->gl->list_mode == COMPILE_AND_EXECUTE)
		ge_restart_nv_stale(e->gl);
	e->gl->list_mode = 0;
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
}

void gl_enc_hook_glCallLists(struct gl_enc *e, GLsizei n, GLenum type, const void *lists)
{
	ran(e->gl);
}
