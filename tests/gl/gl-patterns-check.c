/*
 * The checking half of gl-patterns: probes recorded while drawing, one glReadPixels of the
 * whole framebuffer (with guard bytes after it), a small odd-sized second read that must
 * agree with it, and the PASS/FAIL lines (see gl-patterns.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>

#include "gl-probes.h"

void gp_add_probe(struct gp_frame *f, const char *check, int x, int y, uint32_t rgb, int tol)
{
	if (f->n_probes < GP_MAX_PROBES)
		f->probes[f->n_probes++] = (struct gp_probe){check, x, y, rgb, tol};
}

void gp_expect_no_error(struct gp_frame *f, const char *what)
{
	GLenum e = glGetError();
	if (e != GL_NO_ERROR) {
		printf("FAIL %s%s: GL error 0x%04x\n", f->prefix, what, e);
		f->failures++;
	}
}

static uint32_t rgb_at(const GLubyte *px, int width, int x, int y)
{
	const GLubyte *p = px + 4 * ((size_t)y * (size_t)width + (size_t)x);
	return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
}

static bool near(uint32_t a, uint32_t b, int tol)
{
	for (int s = 0; s < 24; s += 8) {
		int d = (int)(a >> s & 0xff) - (int)(b >> s & 0xff);
		if (d > tol || d < -tol)
			return false;
	}
	return true;
}

/* A small odd-sized rectangle read on its own must equal the same pixels of the full
 * readback, and neither read may write past its end. */
static int check_sub_read(const struct gp_frame *f, const GLubyte *full, bool quiet)
{
	enum { X = 1, Y = 3, W = 7, H = 5, GUARD = 64 };
	GLubyte sub[W * H * 4 + GUARD];
	memset(sub, 0xa5, sizeof(sub));
	glReadPixels(X, Y, W, H, GL_RGBA, GL_UNSIGNED_BYTE, sub);
	for (int i = W * H * 4; i < (int)sizeof(sub); i++) {
		if (sub[i] != 0xa5) {
			printf("FAIL %sread-pixels-sub: byte %d past the %dx%d rectangle was "
			       "written\n",
			       f->prefix, i, W, H);
			return 1;
		}
	}
	for (int y = 0; y < H; y++) {
		for (int x = 0; x < W; x++) {
			if (rgb_at(sub, W, x, y) != rgb_at(full, f->width, X + x, Y + y)) {
				printf("FAIL %sread-pixels-sub: pixel %d,%d differs from the full "
				       "read\n",
				       f->prefix, X + x, Y + y);
				return 1;
			}
		}
	}
	if (!quiet)
		printf("PASS %sread-pixels-sub\n", f->prefix);
	return 0;
}

/* Where buffer pixel x, y (origin top left) of a w x h buffer shows on a surface whose buffer
 * transform is t, as the compositor undoes the transform the buffer holds: the inverse of
 * wl_surface.set_buffer_transform's mapping of surface to buffer coordinates. */
static void on_screen(int t, int w, int h, int x, int y, int *sx, int *sy)
{
	int rx = w - 1 - x, ry = h - 1 - y;
	switch (t & 7) {
	case 0: /* normal */
		*sx = x, *sy = y;
		break;
	case 1: /* 90 */
		*sx = ry, *sy = x;
		break;
	case 2: /* 180 */
		*sx = rx, *sy = ry;
		break;
	case 3: /* 270 */
		*sx = y, *sy = rx;
		break;
	case 4: /* flipped */
		*sx = rx, *sy = y;
		break;
	case 5: /* flipped 90 */
		*sx = y, *sy = x;
		break;
	case 6: /* flipped 180 */
		*sx = x, *sy = ry;
		break;
	default: /* flipped 270 */
		*sx = ry, *sy = rx;
		break;
	}
}

int gp_check_frame(struct gp_frame *f, bool quiet)
{
	enum { GUARD = 256 };
	size_t size = (size_t)f->width * (size_t)f->height * 4;
	GLubyte *px = malloc(size + GUARD);
	if (!px) {
		printf("FAIL %sread-pixels: out of memory\n", f->prefix);
		return f->failures + 1;
	}
	memset(px, 0xa5, size + GUARD);
	if (!quiet)
		printf("checks %s%dx%d\n", f->prefix, f->transform & 1 ? f->height : f->width,
		       f->transform & 1 ? f->width : f->height);
	glReadPixels(0, 0, f->width, f->height, GL_RGBA, GL_UNSIGNED_BYTE, px);
	gp_expect_no_error(f, "read-pixels");
	int failures = f->failures;
	for (size_t i = size; i < size + GUARD; i++) {
		if (px[i] != 0xa5) {
			printf("FAIL %sread-pixels: byte %zu past the framebuffer was written\n",
			       f->prefix, i);
			failures++;
			break;
		}
	}
	failures += check_sub_read(f, px, quiet);
	for (int i = 0; i < f->n_probes; i++) {
		const struct gp_probe *p = &f->probes[i];
		uint32_t got = rgb_at(px, f->width, p->x, p->y);
		int sx, sy;
		on_screen(f->transform, f->width, f->height, p->x, f->height - 1 - p->y, &sx, &sy);
		if (!near(got, p->rgb, p->tol)) {
			printf("FAIL %s%s %d %d %06x: got %06x\n", f->prefix, p->check, sx, sy,
			       p->rgb, got);
			failures++;
		} else if (!quiet) {
			printf("PASS %s%s %d %d %06x\n", f->prefix, p->check, sx, sy, got);
		}
	}
	free(px);
	fflush(stdout);
	return failures;
}
