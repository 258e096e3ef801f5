/*
 * gl-patterns: a deterministic GLES 2 Wayland client for the GL tests.
 *
 * It draws known patterns into a grid of 64x64 cells (triangles, textures with odd row
 * lengths, blending, depth, scissor, FBO render-to-texture, client-side vertex arrays and
 * VBOs, glDrawElements with client indices and with an element buffer, ...), reads every
 * cell back with glReadPixels and prints one line per probe:
 *
 *   PASS <check> <x> <y> <rrggbb>
 *   FAIL <check> <x> <y> <expected rrggbb>: got <rrggbb>
 *
 * x, y are window coordinates (origin top left, as in a screenshot); rrggbb is the colour
 * glReadPixels returned (on PASS: within the check's tolerance of the one expected), so
 * that a test can check the same pixels in the host compositor's screenshot. Each frame's
 * probe lines follow a line "checks WxH" (the frame's size). Other lines: "info: ...",
 * "SKIP <check>: <why>", "frame N shown (WxH)", "held", "lost: ...", "survived: ...". The exit
 * status is 0 when every check passed, 1 when one failed, 2 on bad usage or when the window or the
 * context could not be set up.
 *
 * gl-patterns.c          options, the frame loop, --hold, --until-lost
 * gl-window.c            Wayland window and EGL set-up (shared with gl-es3-app)
 * gl-patterns-draw.c     the patterns and their probes
 * gl-patterns-check.c    glReadPixels and the probes' PASS/FAIL lines (gl-probes.h; shared)
 * gl-patterns-threads.c  --threads: several contexts drawing from several threads at once
 */
#ifndef GL_PATTERNS_H
#define GL_PATTERNS_H

#include <stdbool.h>
#include <stdint.h>

#include <EGL/egl.h>
#include <GLES2/gl2.h>

#include "gl-probes.h"
#include "gl-window.h"

/* Side of one pattern cell, in pixels. */
#define GP_CELL 64

/* gl-patterns-draw.c */

/* Extensions the patterns may use, from GL_EXTENSIONS of the current context. */
struct gp_exts {
	bool mapbuffer;          /* GL_OES_mapbuffer */
	bool vertex_array;       /* GL_OES_vertex_array_object */
	bool element_index_uint; /* GL_OES_element_index_uint */
};

/* Compiles the programs; the current context must stay the same until gp_draw_finish.
 * The programs and extension entry points are per thread. */
bool gp_draw_init(struct gp_exts *exts);
void gp_draw_finish(void);
/* Draws every pattern that fits into width x height (at least 4 x 4 cells), recording
 * its probes into f. */
void gp_draw_frame(struct gp_frame *f, int width, int height);
/* Compiles and links a program with attributes bound in order (NULL-terminated). 0 and a
 * message on failure. */
GLuint gp_program(const char *vs, const char *fs, const char *const *attribs);

/* gl-patterns-threads.c */

struct gp_app;
/* --threads: two window threads and one pbuffer thread, each with its own context.
 * Returns the number of failures, or -1 when setup failed. */
int gp_run_threads(struct gp_app *app, int frames, int interval, bool hold);

#endif
