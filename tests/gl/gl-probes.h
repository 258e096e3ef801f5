/*
 * Probes: pixels whose colour a client's drawing guarantees, checked with one glReadPixels
 * of the whole frame and printed as the PASS/FAIL lines described in gl-patterns.h, which
 * the integration tests read and look for again in the host compositor's screenshot
 * (gl-shot-check.py). Implemented in gl-patterns-check.c; shared by gl-patterns and
 * gl-es3-app.
 */
#ifndef GL_PROBES_H
#define GL_PROBES_H

#include <stdbool.h>
#include <stdint.h>

/* One pixel whose colour a pattern guarantees. x, y in GL coordinates (origin bottom
 * left) of the framebuffer the pattern was drawn in. */
struct gp_probe {
	const char *check;
	int x, y;
	uint32_t rgb; /* 0xrrggbb */
	int tol;      /* per channel */
};

#define GP_MAX_PROBES 256

struct gp_frame {
	int width, height;
	struct gp_probe probes[GP_MAX_PROBES];
	int n_probes;
	int failures;       /* checks that failed while drawing (GL errors, ...) */
	uint32_t clear_rgb; /* the colour cells are cleared to; set by the caller */
	const char *prefix; /* before every check name in the output ("" or "window1/") */
	/* The wl_output.transform the window shows its buffers through (wl_surface.
	 * set_buffer_transform): "checks" and probe lines give sizes and positions on screen. */
	int transform;
};

/* Reads the framebuffer back and checks every probe; prints PASS/FAIL lines with window
 * coordinates (only FAIL lines when quiet). Returns the number of failures (including
 * f->failures). */
int gp_check_frame(struct gp_frame *f, bool quiet);
/* Fails the frame unless glGetError() is GL_NO_ERROR. */
void gp_expect_no_error(struct gp_frame *f, const char *what);
void gp_add_probe(struct gp_frame *f, const char *check, int x, int y, uint32_t rgb, int tol);

#endif
