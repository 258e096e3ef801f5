/*
 * The check lines of the GL test apps that run natively and through gpu-0 and compare
 * (gl-es1-extensions, gl-es2-formats, gl-es2-ext, gl-es32-state): "PASS <check>",
 * "FAIL <check>: why" and "SKIP <check>: why" on stdout, which the integration tests read
 * (gl_checks_compare in gl-harness.sh). Linked to whichever GLES library the app uses: it
 * calls glGetError only, which every OpenGL ES version has.
 */
#ifndef GL_CHECKS_H
#define GL_CHECKS_H

#include <stdbool.h>

/* The context's GL_EXTENSIONS and the display's EGL_EXTENSIONS (either may be NULL),
 * which gc_has and gc_needs look in. */
void gc_extensions(const char *gl, const char *egl);
bool gc_has(const char *ext);
/* gc_has, else a SKIP line naming the missing extension. */
bool gc_needs(const char *check, const char *ext);

/* A FAIL line; counted. Returns false, for `return gc_fail(...)`. */
__attribute__((format(printf, 2, 3))) bool gc_fail(const char *check, const char *fmt, ...);
/* GL's error is `want`; every pending error is taken. Else a FAIL line naming `what`. */
bool gc_error_is(const char *check, unsigned want, const char *what);
bool gc_no_error(const char *check, const char *what);
/* A PASS line when ok. */
void gc_result(const char *check, bool ok);
/* The FAIL lines so far. */
int gc_failures(void);

/* The pixel at (x, y) of the read framebuffer, as 0xrrggbb. */
unsigned gc_pixel(int x, int y);
/* gc_pixel(x, y) is `want`, else a FAIL line naming `what`. */
bool gc_pixel_is(const char *check, int x, int y, unsigned want, const char *what);

/* A compiled shader of GL type `type`, 0 (and an info: line) when it does not compile
 * (gl-checks-shader.c, for the apps that draw with shaders). */
unsigned gc_shader(unsigned type, const char *src);
/* A linked program of a vertex, an optional geometry (gs NULL: none) and a fragment shader;
 * 0 (and an info: line) when one does not compile or it does not link. */
unsigned gc_program(const char *vs, const char *gs, const char *fs);

#endif
