/*
 * A desktop OpenGL compatibility-profile context for the hostile GL cases (the
 * compatibility profile's cases-compat-*.c), as HL_GL_READY_CORE makes a core one.
 */
#ifndef HL_COMPAT_H
#define HL_COMPAT_H

#include "gl-link.h"

/* A compatibility context of at least `version` (GL_VERSION_CODE) current on CH with a
 * SIZE x SIZE pbuffer; *offered false (and no context) when the host offers none that
 * high. */
bool hl_gl_ready_compat(struct hl_env *e, struct hl_gl_link *g, uint32_t version, bool *offered);
/* hl_gl_ready_compat in a case: returns the case skipped where the host offers no
 * compatibility profile of `version` (while it lands in steps; test builds offer it with
 * GPUPIPE_TEST_OFFER_PENDING=1 in the host's environment). */
#define HL_GL_READY_COMPAT(e, g, version)                                                          \
	do {                                                                                       \
		bool offered_;                                                                     \
		CHECK(hl_gl_ready_compat(e, g, version, &offered_));                               \
		if (!offered_)                                                                     \
			return hl_gl_skip(e, g,                                                    \
			                  "the host offers no such desktop OpenGL compatibility "  \
			                  "profile yet");                                          \
	} while (0)

#endif
