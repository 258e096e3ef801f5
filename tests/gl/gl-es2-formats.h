/* gl-es2-formats' own helpers (gl-es2-formats.c; the check lines are gl-checks.h's) and its
 * framebuffer checks (gl-es2-formats-fb.c). */
#ifndef GL_ES2_FORMATS_H
#define GL_ES2_FORMATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include <GLES2/gl2.h>

#define N 4 /* the app's framebuffer is N x N */

/* A "data" line: the bytes read back, which the test compares natively and on gpu-0. */
void fmt_data(const char *check, const void *p, size_t n);
/* Pixel (x, y) of an N x N RGBA readback is r, g, b, a (within a step). */
bool fmt_pixel_is(const char *check, const unsigned char *px, int x, int y, int r, int g, int b,
                  int a);
/* A quad over the whole framebuffer with the program in use. */
void fmt_quad(void);

void fmt_check_read_stencil(GLuint app_fb);
void fmt_check_srgb_write_control(GLuint app_fb, GLuint color_prog);
void fmt_check_fbo_render_mipmap(GLuint app_fb);
void fmt_check_depth_cube_map(GLuint app_fb);

#endif
