/*
 * A desktop OpenGL compatibility-profile context for the hostile GL cases, as
 * hl_gl_ready_core makes a core one (gl-link.h).
 */
#ifndef HL_COMPAT_H
#define HL_COMPAT_H

#include "gl-link.h"

/* A compatibility context of `version` (GL_VERSION_CODE) current on CH; *offered false
 * (and no context) when the host offers none that high: the case then ends with
 * hl_gl_skip. */
bool hl_gl_ready_compat(struct hl_env *e, struct hl_gl_link *g, uint32_t version, bool *offered);

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
