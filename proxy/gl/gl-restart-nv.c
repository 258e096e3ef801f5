/*
 * NV_primitive_restart (compatibility contexts): restart as client state,
 * glEnableClientState(GL_PRIMITIVE_RESTART_NV) and glPrimitiveRestartIndexNV,
 * neither listable (a GL_COMPILE list made meanwhile compiles its draws with
 * them, as GL does). The library follows both, since what it sends depends
 * on them: an indexed draw's client arrays are uploaded for the range of
 * its indices less the restart index (which fetches no vertex: the host
 * skips the index its driver says, by the same rule, gl_restart_index),
 * and glArrayElement of the restart index is glPrimitiveRestartNV. Both
 * travel too, so the driver holds the same state; glPopClientAttrib sets
 * them back (gl-client-attrib.c).
 *
 * GL 3.1's GL_PRIMITIVE_RESTART is server state (glEnable, listable, in
 * glPushAttrib's enable group), and Mesa keeps one enable and one index for
 * both: there a glDisable(GL_PRIMITIVE_RESTART), a glPrimitiveRestartIndex,
 * a glPopAttrib or a display list run changes the NV state behind the
 * library. After each of them the library's copy is stale and asked of the
 * host again where it matters next (an indexed draw with client arrays,
 * glArrayElement outside glBegin/glEnd, the client attribute stack): two
 * queries, once. Were the library to skip an index the driver fetches, the
 * driver would read that vertex from what the host's scratch buffer last
 * held (the host checks what the driver reads: never past the buffer).
 */
#include <GLES3/gl3.h>

#include "gles-codec.h"
#include "state.h"
#include "stream.h"

static bool has_nv(const struct ge_gl_state *gl)
{
	return gles_level_has(&gl->api->level, GLES_OP_glPrimitiveRestartNV);
}

void ge_restart_nv_stale(struct ge_gl_state *gl)
{
	gl->nv_restart_stale = has_nv(gl);
}

void ge_restart_nv_fresh(struct ge_gl_state *gl)
{
	if (!gl->nv_restart_stale)
		return;
	gl->nv_restart_stale = false;
	GLint index = 0;
	gl->nv_restart = gl_enc_glIsEnabled(GE_PRIMITIVE_RESTART_NV) == GL_TRUE;
	gl_enc_glGetIntegerv(GE_PRIMITIVE_RESTART_INDEX_NV, &index);
	gl->nv_restart_index = (uint32_t)index;
}

bool ge_restart_nv_cap(struct ge_gl_state *gl, uint32_t cap, bool enabled)
{
	if (cap != GE_PRIMITIVE_RESTART_NV || !has_nv(gl))
		return false;
	gl->nv_restart = enabled;
	return true;
}

void gl_enc_hook_glPrimitiveRestartIndexNV(struct gl_enc *e, GLuint index)
{
	e->gl->nv_restart_index = index;
}

uint64_t ge_restart_index(struct ge_gl_state *gl, uint32_t isize, uint32_t mode)
{
	ge_restart_nv_fresh(gl);
	struct gl_restart r = {.nv = gl->nv_restart, .nv_index = gl->nv_restart_index};
	return gl_restart_index(&r, isize, mode);
}

/* GL 3.1's index: Mesa's NV index too. */
void gl_enc_hook_glPrimitiveRestartIndex(struct gl_enc *e, GLuint index)
{
	ge_restart_nv_stale(e->gl);
}
