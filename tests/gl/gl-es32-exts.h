/*
 * The checks of gl-es32-state for the shading-language and render-state ES
 * extensions (gl-es32-exts.c).
 */
#ifndef GL_ES32_EXTS_H
#define GL_ES32_EXTS_H

#include <GLES3/gl31.h>

/* Runs each check whose extension the context lists (gl-checks.h), into the
 * 4x4 RGBA8 framebuffer `fb` (bound); prints PASS/FAIL/SKIP lines. */
void es32_ext_checks(GLuint fb);

#endif
