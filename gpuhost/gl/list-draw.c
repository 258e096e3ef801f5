/*
 * GL_OP_LIST_DRAW: a GL 1.x draw between glBegin and glEnd while a list is
 * being made in GL_COMPILE_AND_EXECUTE mode.
 *
 * GL compiles the draw into the list and refuses to run it there, and the
 * list raises that GL_INVALID_OPERATION again each time it runs (Mesa
 * compiles the error itself). What the draw would read is beside the
 * point, and the host could not set it up anyway: a draw's client arrays
 * and scratch binds are commands GL refuses between glBegin and glEnd. So
 * the library sends only which kind of draw it was, and the driver gets
 * that draw with no vertex and no index: it answers as GL does, and reads
 * nothing whatever it does with a draw it compiles.
 *
 * One difference from GL is left: in a list made while a primitive
 * begun before glNewList is open, a driver that follows the letter of
 * GL (arrays read at compile time) would keep the app's vertices for a
 * later call of the list outside glBegin/glEnd; here it keeps none.
 */
#include <GLES3/gl32.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-stream.h>

#include "context.h"
#include "draws.h"
#include "stream.h"

enum { COMPILE_AND_EXECUTE = 0x1301 };

bool gh_gl_list_draw(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_list_draw op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	if (!x->ctx->begin_end || x->ctx->lists.mode != COMPILE_AND_EXECUTE)
		return gh_gl_fail(x, "GL_OP_LIST_DRAW outside glBegin/glEnd of a list being made "
		                     "in GL_COMPILE_AND_EXECUTE mode");
	switch (op.kind) {
	case GL_LIST_DRAW_ARRAYS:
		gles_host.glDrawArrays(GL_POINTS, 0, 0);
		return true;
	case GL_LIST_DRAW_ELEMENTS:
		gles_host.glDrawElements(GL_POINTS, 0, GL_UNSIGNED_BYTE, NULL);
		return true;
	default:
		return gh_gl_fail(x, "GL_OP_LIST_DRAW of unknown kind %u", op.kind);
	}
}
