/*
 * A compatibility-profile context for the hostile cases of desktop OpenGL's compatibility
 * profile (hl-compat.h).
 */
#include <string.h>

#include "hl-compat.h"

bool hl_gl_ready_compat(struct hl_env *e, struct hl_gl_link *g, uint32_t version, bool *offered)
{
	CHECK(hl_gl_bind(e, g));
	hl_gl_open(g, CH);
	CHECK(hl_gl_init(g));
	*offered = g->compat.version >= version;
	if (!*offered)
		return true;
	/* The version asked, as an app asks its own: the host makes that one. */
	uint32_t x[2 * GL_EXT_WORDS], err;
	memcpy(x, g->compat.exts, sizeof(x));
	hl_gl_cmd(g, GL_OP_CREATE_CONTEXT, 23, CTX, g->config, 0u, g->compat.api, version, 0u, 64u,
	          x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12],
	          x[13], x[14], x[15]);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_CONTEXT, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_CONTEXT (compat): EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_CREATE_SURFACE, 5, SURF, g->config, SIZE, SIZE, GL_SURFACE_PBUFFER);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_SURFACE, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_SURFACE: EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	return hl_gl_send(g, CH, 0);
}
