/*
 * The checks of gl-es32-state for the shading-language and render-state ES
 * extensions (gl-es32-exts.c), with their own helpers so that the two
 * files stay apart.
 */
#ifndef GL_ES32_EXTS_H
#define GL_ES32_EXTS_H

#include <GLES3/gl31.h>

/* Runs each check whose extension `exts` (GL_EXTENSIONS) lists, into the
 * 4x4 RGBA8 framebuffer `fb` (bound); prints PASS/FAIL/SKIP lines and
 * returns the number of failures. */
int es32_ext_checks(const char *exts, GLuint fb);

#endif
