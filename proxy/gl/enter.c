/*
 * What every GL entry point passes first (client-gl.h, ge_gl_enter): EGL finds the current
 * context's stream, and the GL side says whether the command runs there. Here and not in
 * EGL because every question it asks is of the GL state: the context's API, its
 * glBegin/glEnd state and display list, its persistent mappings, its debug output.
 */
#include <gpupipe/gl-sizes.h>

#include "client-gl.h"
#include "debug.h"
#include "gles-client.h"
#include "state.h"
#include "stream.h"

struct gl_enc *ge_gl_enter(struct gl_enc *e, uint32_t op)
{
	struct ge_gl_state *gl = e->gl;
	if (gl->debug)
		gl->debug->last_op = op; /* names the command in the library's messages; 0: none */
	if (!op)
		return e;
	if (!gles_level_has(&gl->api->level, op)) {
		/* As Mesa's dispatch answers a function the context's API lacks. */
		gl_enc_error(e, GL_INVALID_OPERATION);
		return NULL;
	}
	if (gl->begin_end && !gl_begin_end_allows(op) && !ge_list_compiles_in_primitive(gl, op)) {
		/* A draw a list being made compiles there goes alone; anything else gets GL's
		 * answer there: no effect. (The host would end the link.) */
		if (!ge_list_draw(e, op))
			gl_enc_error(e, GL_INVALID_OPERATION);
		return NULL;
	}
	ge_persist_before(e, op);
	return e;
}
