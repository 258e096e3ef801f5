/*
 * gl-es3-app: an OpenGL ES 3.1 Wayland client whose one frame proves, pixel by pixel, that
 * each ES 3.x feature it uses worked. The window is a grid of 3 x 2 regions of
 * GE_REGION x GE_REGION pixels; each feature draws into its own region, inset by GE_INSET,
 * in colours of its own, so a wrong pixel names the feature that failed:
 *
 *   instancing   | ubo           | xfb
 *   compute      | pbo-readback  | pbo-upload
 *   geometry     | texbuffer     | tessellation
 *
 * Output: the probe lines of gl-probes.h (one "checks WxH" line, then "PASS <check> x y
 * rrggbb" or "FAIL ..."), plus "PASS <check>" / "FAIL <check>: why" for what is checked in
 * the app rather than in pixels (transform feedback primitive count, compute invocation
 * count, pixel-pack buffer contents), "SKIP compute: ..." with --es 3.0, and "info: ..."
 * lines.
 *
 * gl-es3-app.c       options, window, context, the frame, --hold
 * gl-es3-draw.c      instancing, uniform buffers, transform feedback
 * gl-es3-buffers.c   compute, pixel-pack readback, pixel-unpack upload
 * gl-es3-maps.c      buffer maps that keep the bytes the app does not write
 * gl-es3-stages.c    a geometry shader, a texture buffer, tessellation shaders (the
 *                    OES extensions of an ES 3.1 context; skipped with --es 3.0)
 */
#ifndef GL_ES3_APP_H
#define GL_ES3_APP_H

#include <stdbool.h>

#include <GLES3/gl31.h>

#include "gl-probes.h"

#define GE_REGION 128
#define GE_INSET 16
#define GE_COLUMNS 3
#define GE_ROWS 3
/* Everything outside the features' rectangles. */
#define GE_CLEAR_RGB 0x404040

enum ge_region {
	GE_INSTANCING,
	GE_UBO,
	GE_XFB,
	GE_COMPUTE,
	GE_PBO_READBACK,
	GE_PBO_UPLOAD,
	GE_GEOMETRY,
	GE_TEXBUFFER,
	GE_TESSELLATION,
};

/* The drawn part of a region, in GL window coordinates (origin bottom left). */
struct ge_rect {
	int x, y, w, h;
};

struct ge_rect ge_region_rect(enum ge_region region);
/* The rectangle as x, y, w, h in normalised device coordinates. */
void ge_rect_ndc(struct ge_rect r, float ndc[4]);
/* A probe at (fx, fy), fractions of the rectangle's width and height. */
void ge_probe(struct gp_frame *f, const char *check, struct ge_rect r, float fx, float fy,
              uint32_t rgb);
/* Compiles and links vs + fs, with transform feedback varyings (interleaved) set before
 * linking when given; or one compute shader. 0 with a FAIL line on failure. */
GLuint ge_program(struct gp_frame *f, const char *what, const char *vs, const char *fs,
                  const char *const *xfb_varyings, int n_varyings);
GLuint ge_compute_program(struct gp_frame *f, const char *what, const char *cs);
/* Compiles the n shaders (types[i], srcs[i]) and links them as one program; 0 with a FAIL
 * line on failure. */
GLuint ge_stage_program(struct gp_frame *f, const char *what, const GLenum *types,
                        const char *const *srcs, int n);
/* Prints "PASS what" or "FAIL what: why" (counted in f->failures). */
void ge_result(struct gp_frame *f, const char *what, bool ok, const char *why);

/* gl-es3-draw.c */
void ge_draw_instancing(struct gp_frame *f);
void ge_draw_ubo(struct gp_frame *f);
void ge_draw_xfb(struct gp_frame *f);

/* gl-es3-buffers.c */
void ge_draw_compute(struct gp_frame *f);
void ge_draw_pbo_readback(struct gp_frame *f);
void ge_draw_pbo_upload(struct gp_frame *f);
/* gl-es3-debug.c: GL_KHR_debug's messages reach the log and the callback. */
void ge_check_debug(struct gp_frame *f);

/* gl-es3-maps.c: maps that keep bytes the app does not write, after every kind of write
 * into the store (PASS/FAIL lines); --map-loop: n write maps of one buffer, then its
 * check, 1 when it fails. */
void ge_check_maps(struct gp_frame *f);
int ge_map_loop(int n);
/* gl-es3-uploads.c: texture uploads of every size, read back (PASS/FAIL lines); the
 * number that failed. */
int ge_upload_check(void);
/* A quad over r showing a texture (nearest), for the features that produce one. */
void ge_draw_texture(struct gp_frame *f, const char *what, GLuint tex, struct ge_rect r);
/* A quad over r drawn with prog, whose vec4 "rect" uniform (x, y, w, h in normalised
 * device coordinates) places attribute 0's unit square. */
void ge_draw_quad(struct gp_frame *f, const char *what, GLuint prog, struct ge_rect r);
/* A quad over r in one colour. */
void ge_draw_colour(struct gp_frame *f, const char *what, uint32_t rgb, struct ge_rect r);

/* gl-es3-stages.c */
void ge_draw_geometry(struct gp_frame *f);
void ge_draw_texbuffer(struct gp_frame *f);
void ge_draw_tessellation(struct gp_frame *f);

#endif
