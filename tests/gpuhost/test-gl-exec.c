/*
 * The GL executor on the host's real EGL: what honest streams get.
 * Each case is one meson test; the program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "executor.h"
#include "frames.h"
#include "gl-harness.h"
#include "gl.h"
#include "map.h"
#include "quota.h"
#include "surface.h"

static bool pixels_are(const uint8_t *px, int n, uint8_t r, uint8_t g, uint8_t b, uint8_t a)
{
	for (int i = 0; i < n; i++) {
		const uint8_t *p = px + 4 * i;
		CHECK(p[0] == r && p[1] == g && p[2] == b && p[3] == a,
		      "pixel %d is %u,%u,%u,%u, expected %u,%u,%u,%u", i, p[0], p[1], p[2], p[3], r,
		      g, b, a);
	}
	return true;
}

static void clear(struct gt *t, float r, float g, float b)
{
	gt_begin(t, GLES_OP_glClearColor);
	gt_f32(t, r);
	gt_f32(t, g);
	gt_f32(t, b);
	gt_f32(t, 1);
	gt_end(t);
	gt_cmd(t, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
}

/* A context current on stream 1 with a w x h surface 1 of `kind`. */
static bool setup(struct gt *t, uint32_t w, uint32_t h, uint32_t kind)
{
	return gt_init_stream(t, 1) && gt_context(t, 1, 1) && gt_surface(t, 1, 1, w, h, kind) &&
	       gt_current(t, 1, 1, 1);
}

static bool init_reports_configs_strings_and_limits(struct gt *t)
{
	return gt_init_stream(t, 1);
}

static bool clear_reads_back_through_glreadpixels(struct gt *t)
{
	uint8_t px[64 * 32 * 4];
	if (!setup(t, 64, 32, GL_SURFACE_PBUFFER))
		return false;
	clear(t, 1, 0, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 64, 32, px) && pixels_are(px, 64 * 32, 255, 0, 0, 255);
}

static bool commands_cut_anywhere_are_reassembled(struct gt *t)
{
	uint8_t px[8 * 8 * 4];
	if (!gt_init_stream(t, 1))
		return false;
	/* Everything in 3-byte frames from an odd address. */
	gt_cmd_create_context(t, 1, 0);
	gt_cmd(t, GL_OP_CREATE_SURFACE, 5, 1, t->config.config_id, 8, 8, GL_SURFACE_PBUFFER);
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, 1, 1, 1);
	clear(t, 0, 1, 0);
	CHECK(gt_send(t, 1, 3, 1), "%s", t->reason);
	uint32_t size;
	CHECK(gt_reply(t, 1, GL_OP_CREATE_CONTEXT, &size), "context reply");
	CHECK(gt_reply(t, 1, GL_OP_CREATE_SURFACE, &size), "surface reply");
	return gt_read_pixels(t, 1, 0, 0, 8, 8, px) && pixels_are(px, 64, 0, 255, 0, 255);
}

static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};

/* glGen* of one object the app names `name`. */
static void gen(struct gt *t, uint32_t op, uint32_t name)
{
	gt_begin(t, op);
	gt_u32(t, 1);
	gt_blob(t, &name, 4);
	gt_end(t);
}

static bool vertex_buffer(struct gt *t, uint32_t name, const void *data, uint32_t n)
{
	gen(t, GLES_OP_glGenBuffers, name);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, name);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, GL_ARRAY_BUFFER);
	gt_u64(t, n);
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, data, n);
	gt_end(t);
	gt_begin(t, GLES_OP_glVertexAttribPointer);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 0);
	gt_u64(t, 0);
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
	return true;
}

static bool draw_arrays_renders(struct gt *t)
{
	uint8_t px[16 * 16 * 4];
	if (!setup(t, 16, 16, GL_SURFACE_PBUFFER) || !gt_program(t, 1, 10, 0, 0, 1))
		return false;
	vertex_buffer(t, 5, triangle, sizeof(triangle));
	clear(t, 1, 0, 0);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_are(px, 256, 0, 0, 255, 255);
}

static bool draw_elements_renders(struct gt *t)
{
	uint8_t px[16 * 16 * 4];
	const uint16_t idx[] = {0, 1, 2, 0};
	uint32_t ebo = 6;
	if (!setup(t, 16, 16, GL_SURFACE_PBUFFER) || !gt_program(t, 1, 10, 0, 1, 0))
		return false;
	vertex_buffer(t, 5, triangle, sizeof(triangle));
	gen(t, GLES_OP_glGenBuffers, ebo);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_ELEMENT_ARRAY_BUFFER, ebo);
	gt_begin(t, GLES_OP_glBufferData);
	gt_u32(t, GL_ELEMENT_ARRAY_BUFFER);
	gt_u64(t, sizeof(idx));
	gt_u32(t, GL_STATIC_DRAW);
	gt_blob(t, idx, sizeof(idx));
	gt_end(t);
	clear(t, 1, 0, 0);
	gt_begin(t, GLES_OP_glDrawElements);
	gt_u32(t, GL_TRIANGLES);
	gt_u32(t, 3);
	gt_u32(t, GL_UNSIGNED_SHORT);
	gt_u64(t, 2); /* indices 1, 2, 0 */
	gt_u32(t, GL_BLOB_NULL);
	gt_end(t);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_are(px, 256, 0, 255, 0, 255);
}

/* The header of a client array of attribute 0: vertices 2..4, four floats each. */
static void client_array_header(struct gt *t, uint32_t op)
{
	gt_begin(t, op);
	gt_u32(t, GL_ARRAY_ATTRIB);
	gt_u32(t, 0);
	gt_u32(t, 4);
	gt_u32(t, GL_FLOAT);
	gt_u32(t, 0);
	gt_u32(t, 2);
	gt_u32(t, 3);
}

/* The triangle as attribute 0's client array (vertices 2..4), enabled. */
static void client_array(struct gt *t)
{
	client_array_header(t, GL_OP_CLIENT_ARRAY);
	gt_blob(t, triangle, sizeof(triangle));
	gt_end(t);
	gt_cmd(t, GLES_OP_glEnableVertexAttribArray, 1, 0);
}

static bool client_arrays_and_indices_render(struct gt *t)
{
	uint8_t px[16 * 16 * 4];
	const uint8_t idx[] = {2, 3, 4};
	if (!setup(t, 16, 16, GL_SURFACE_PBUFFER) || !gt_program(t, 1, 10, 1, 1, 0))
		return false;
	clear(t, 0, 0, 0);
	client_array(t); /* vertices 2..4, as the app's draw uses them */
	gt_begin(t, GLES_OP_glDrawElements);
	gt_u32(t, GL_TRIANGLES);
	gt_u32(t, 3);
	gt_u32(t, GL_UNSIGNED_BYTE);
	gt_u64(t, 0);
	gt_blob(t, idx, sizeof(idx));
	gt_end(t);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_are(px, 256, 255, 255, 0, 255);
}

/* GL_OP_CLIENT_ARRAY_AGAIN draws the vertices the scratch buffer kept. Between the draws
 * the surface is cleared to black and attribute 0 pointed at a buffer of vertices off the
 * surface: only the attribute pointed back at the kept vertices fills it again. */
static bool client_array_again_draws_the_kept_vertices(struct gt *t)
{
	uint8_t px[16 * 16 * 4];
	if (!setup(t, 16, 16, GL_SURFACE_PBUFFER) || !gt_program(t, 1, 10, 1, 1, 0))
		return false;
	clear(t, 0, 0, 0);
	client_array(t);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 2, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_are(px, 256, 255, 255, 0, 255),
	      "the first draw");
	static const float away[5 * 4] = {5, 5, 0, 1, 6, 5, 0, 1, 5, 6,
	                                  0, 1, 5, 5, 0, 1, 6, 5, 0, 1};
	vertex_buffer(t, 5, away, sizeof(away));
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 2, 3);
	clear(t, 0, 0, 0);
	client_array_header(t, GL_OP_CLIENT_ARRAY_AGAIN);
	gt_end(t);
	gt_cmd(t, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 2, 3);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 16, 16, px) && pixels_are(px, 256, 255, 255, 0, 255);
}

/* A frame buffer the compositor would show, as it would map it. */
struct frame {
	struct gh_gl_memory *mem;
	uint8_t *map;
	size_t size;
};

static bool frame_create(struct gt *t, struct frame *f, uint32_t id, uint32_t w, uint32_t h)
{
	struct gh_gl_memory_desc desc;
	CHECK(gh_gl_present_mode(t->gl) == GH_GL_PRESENT_SHM, "not the shm path");
	f->mem = gh_gl_memory_create(t->gl, w, h, 0, &desc);
	CHECK(f->mem && desc.stride == w * 4 && desc.size == w * 4 * h, "memory");
	f->size = desc.size;
	f->map = mmap(NULL, f->size, PROT_READ | PROT_WRITE, MAP_SHARED, desc.fd, 0);
	close(desc.fd);
	CHECK(f->map != MAP_FAILED, "mmap");
	gh_gl_memory_bind_buffer(t->gl, f->mem, id);
	gh_gl_memory_unref(f->mem); /* the wl_buffer's reference remains */
	return true;
}

/* Rows top..bottom-1 of a w-wide frame are B, G, R, 255. */
static bool rows_are(const struct frame *f, uint32_t w, uint32_t top, uint32_t bottom, uint8_t b,
                     uint8_t g, uint8_t r)
{
	for (uint32_t y = top; y < bottom; y++) {
		const uint8_t *row = f->map + (size_t)y * w * 4;
		for (uint32_t x = 0; x < w; x++)
			CHECK(row[4 * x] == b && row[4 * x + 1] == g && row[4 * x + 2] == r &&
			              row[4 * x + 3] == 255,
			      "row %u pixel %u is %u,%u,%u,%u", y, x, row[4 * x], row[4 * x + 1],
			      row[4 * x + 2], row[4 * x + 3]);
	}
	return true;
}

/* Paints GL rows y..y+h-1 (y up) of the back buffer. */
static void paint_rows(struct gt *t, int y, int h, float r, float g, float b)
{
	gt_cmd(t, GLES_OP_glEnable, 1, GL_SCISSOR_TEST);
	gt_cmd(t, GLES_OP_glScissor, 4, 0, y, 16, h);
	clear(t, r, g, b);
	gt_cmd(t, GLES_OP_glDisable, 1, GL_SCISSOR_TEST);
}

/* A swap of GL rows y..y+h-1 (h 0: everything), with gl_op_swap.flags. */
static void swap_with(struct gt *t, uint32_t buffer, int y, int h, uint32_t flags)
{
	int32_t rect[4] = {0, y, 16, h};
	gt_begin(t, GL_OP_SWAP);
	gt_u32(t, 1);
	gt_u32(t, buffer);
	gt_u32(t, h ? 1 : 0);
	gt_u32(t, flags);
	gt_blob(t, rect, h ? 16 : 0);
	gt_end(t);
}

static void swap(struct gt *t, uint32_t buffer, int y, int h)
{
	swap_with(t, buffer, y, h, 0);
}

static bool swap_copies_the_frame_upside_down_into_shm(struct gt *t)
{
	struct frame f;
	if (!setup(t, 16, 8, GL_SURFACE_WINDOW) || !frame_create(t, &f, 7, 16, 8))
		return false;
	clear(t, 0, 0, 1);
	paint_rows(t, 0, 3, 1, 0, 0); /* the bottom three rows */
	swap(t, 7, 0, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return rows_are(&f, 16, 0, 5, 255, 0, 0) && rows_are(&f, 16, 5, 8, 0, 0, 255);
}

/* Buffers take turns (as the EGL library's do): a buffer that missed
 * frames gets their damage too, and rows nobody damaged are left alone. */
static bool swap_copies_the_damage_of_every_frame_a_buffer_missed(struct gt *t)
{
	struct frame a, b;
	if (!setup(t, 16, 8, GL_SURFACE_WINDOW) || !frame_create(t, &a, 7, 16, 8) ||
	    !frame_create(t, &b, 8, 16, 8))
		return false;
	clear(t, 0, 0, 1);
	swap(t, 7, 0, 0); /* frame 1 -> a: blue */
	paint_rows(t, 6, 2, 0, 1, 0);
	swap(t, 8, 6, 2); /* frame 2 -> b: GL rows 6-7 (buffer rows 0-1) green */
	paint_rows(t, 0, 1, 1, 0, 0);
	swap(t, 7, 0, 1); /* frame 3 -> a: GL row 0 (buffer row 7) red */
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	if (!rows_are(&a, 16, 0, 2, 0, 255, 0) || !rows_are(&a, 16, 2, 7, 255, 0, 0) ||
	    !rows_are(&a, 16, 7, 8, 0, 0, 255) || !rows_are(&b, 16, 0, 2, 0, 255, 0) ||
	    !rows_are(&b, 16, 2, 8, 255, 0, 0))
		return false;
	/* Frame 4 damages buffer row 4 only: a, one frame behind, gets that
	 * row and keeps what we scribbled elsewhere. */
	memset(a.map, 0x11, 16 * 4);
	paint_rows(t, 3, 1, 1, 1, 1);
	swap(t, 7, 3, 1);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(a.map[0] == 0x11, "an undamaged row was copied");
	return rows_are(&a, 16, 4, 5, 255, 255, 255);
}

static GLint driver_integer(GLenum pname)
{
	GLint v = -1;
	gles_host.glGetIntegerv(pname, &v);
	return v;
}

/* In the app's context (ES 3 or core: GL_EXTENSIONS one by one). */
static bool host_has(const char *ext)
{
	GLint n = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; i < n; i++)
		if (strcmp((const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i), ext) ==
		    0)
			return true;
	return false;
}

#define PACK_REVERSE_ROW_ORDER 0x93A4 /* GL_ANGLE_pack_reverse_row_order */

/* The app's state as glReadPixels sees it, and one error pending: a swap read in the app's
 * context must leave them as they were. With `reverse`, the app's ES context reads rows
 * top-down too (GL_ANGLE_pack_reverse_row_order). */
static void set_app_read_state(struct gt *t, bool reverse)
{
	gt_cmd(t, GLES_OP_glReadBuffer, 1, GL_NONE);
	gt_cmd(t, GLES_OP_glPixelStorei, 2, GL_PACK_ALIGNMENT, 8);
	gt_cmd(t, GLES_OP_glPixelStorei, 2, GL_PACK_ROW_LENGTH, 5);
	gt_cmd(t, GLES_OP_glPixelStorei, 2, GL_PACK_SKIP_ROWS, 1);
	gt_cmd(t, GLES_OP_glPixelStorei, 2, GL_PACK_SKIP_PIXELS, 2);
	if (reverse)
		gt_cmd(t, GLES_OP_glPixelStorei, 2, PACK_REVERSE_ROW_ORDER, 1);
	gen(t, GLES_OP_glGenFramebuffers, 6);
	gt_cmd(t, GLES_OP_glBindFramebuffer, 2, GL_READ_FRAMEBUFFER, 6);
	gt_begin(t, GLES_OP_glLineWidth);
	gt_f32(t, -1);
	gt_end(t);
}

static bool app_error_is(struct gt *t, uint32_t want)
{
	uint32_t err;
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_sync_u32(t, 1, GLES_OP_glGetError, &err), "glGetError");
	CHECK(err == want, "glGetError 0x%x, expected 0x%x", err, want);
	return true;
}

/* Checked on the driver itself, the app's context current: not what the host tracks. */
static bool app_read_state_kept(struct gt *t, bool reverse)
{
	if (!app_error_is(t, GL_INVALID_VALUE) || !app_error_is(t, GL_NO_ERROR))
		return false;
	CHECK(driver_integer(GL_PACK_ALIGNMENT) == 8, "GL_PACK_ALIGNMENT %d",
	      driver_integer(GL_PACK_ALIGNMENT));
	CHECK(driver_integer(GL_PACK_ROW_LENGTH) == 5, "GL_PACK_ROW_LENGTH changed");
	CHECK(driver_integer(GL_PACK_SKIP_ROWS) == 1, "GL_PACK_SKIP_ROWS changed");
	CHECK(driver_integer(GL_PACK_SKIP_PIXELS) == 2, "GL_PACK_SKIP_PIXELS changed");
	CHECK(!reverse || driver_integer(PACK_REVERSE_ROW_ORDER) == 1,
	      "GL_PACK_REVERSE_ROW_ORDER_ANGLE changed");
	CHECK(driver_integer(GL_READ_FRAMEBUFFER_BINDING) != 0, "the read framebuffer was unbound");
	gles_host.glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
	CHECK(driver_integer(GL_READ_BUFFER) == GL_NONE, "the window's read buffer is 0x%x",
	      driver_integer(GL_READ_BUFFER));
	return true;
}

/* A frame of GL rows 0-2 red, the rest blue, swapped with GL_SWAP_BOTTOM_UP_OK into a frame
 * buffer of the window that `made` set up: read where it is, rows as GL keeps them, the app's
 * state as it was. */
static bool bottom_up_swap_keeps_the_apps_state(struct gt *t, bool made)
{
	struct frame f;
	if (!made || !frame_create(t, &f, 7, 16, 8))
		return false;
	bool reverse = host_has("GL_ANGLE_pack_reverse_row_order");
	fprintf(stderr, "GL_ANGLE_pack_reverse_row_order: %s\n", reverse ? "yes" : "no");
	clear(t, 0, 0, 1);
	paint_rows(t, 0, 3, 1, 0, 0);
	set_app_read_state(t, reverse);
	swap_with(t, 7, 0, 0, GL_SWAP_BOTTOM_UP_OK);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 8, "the frame is not bottom to top");
	return rows_are(&f, 16, 0, 3, 0, 0, 255) && rows_are(&f, 16, 3, 8, 255, 0, 0) &&
	       app_read_state_kept(t, reverse);
}

/* GL_SWAP_BOTTOM_UP_OK: an ES context's frame is read where it is, rows as GL keeps them. */
static bool swap_leaves_rows_bottom_up_in_the_apps_context(struct gt *t)
{
	return bottom_up_swap_keeps_the_apps_state(t, setup(t, 16, 8, GL_SURFACE_WINDOW));
}

/* The same in a core profile context, whose window's read buffer the driver names apart. */
static bool core_swap_leaves_rows_bottom_up(struct gt *t)
{
	return bottom_up_swap_keeps_the_apps_state(t, gt_core_window(t, 16, 8));
}

/* A pixel pack buffer bound at the swap: read top to bottom in the host's own context, the
 * app's binding untouched. */
static bool swap_with_a_pack_buffer_bound_stays_top_down(struct gt *t)
{
	struct frame f;
	if (!setup(t, 16, 8, GL_SURFACE_WINDOW) || !frame_create(t, &f, 7, 16, 8))
		return false;
	clear(t, 0, 0, 1);
	paint_rows(t, 0, 3, 1, 0, 0);
	gen(t, GLES_OP_glGenBuffers, 4);
	gt_cmd(t, GLES_OP_glBindBuffer, 2, GL_PIXEL_PACK_BUFFER, 4);
	swap_with(t, 7, 0, 0, GL_SWAP_BOTTOM_UP_OK);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 0, "the frame is bottom to top");
	if (!app_error_is(t, GL_NO_ERROR))
		return false;
	CHECK(driver_integer(GL_PIXEL_PACK_BUFFER_BINDING) != 0, "the pack buffer was unbound");
	return rows_are(&f, 16, 0, 5, 255, 0, 0) && rows_are(&f, 16, 5, 8, 0, 0, 255);
}

/* A buffer holding its rows the other way up takes the whole frame, whatever the damage. */
static bool swap_turning_a_buffer_over_copies_every_row(struct gt *t)
{
	struct frame a;
	if (!setup(t, 16, 8, GL_SURFACE_WINDOW) || !frame_create(t, &a, 7, 16, 8))
		return false;
	clear(t, 0, 0, 1);
	swap_with(t, 7, 0, 0, GL_SWAP_BOTTOM_UP_OK);
	paint_rows(t, 0, 1, 1, 0, 0);
	swap_with(t, 7, 0, 1, 0); /* GL row 0 damaged; rows top to bottom now */
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 0, "the frame is bottom to top");
	if (!rows_are(&a, 16, 0, 7, 255, 0, 0) || !rows_are(&a, 16, 7, 8, 0, 0, 255))
		return false;
	paint_rows(t, 7, 1, 0, 1, 0);
	swap_with(t, 7, 7, 1, GL_SWAP_BOTTOM_UP_OK);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 8, "the frame is not bottom to top");
	return rows_are(&a, 16, 0, 1, 0, 0, 255) && rows_are(&a, 16, 1, 7, 255, 0, 0) &&
	       rows_are(&a, 16, 7, 8, 0, 255, 0);
}

/* The same in a compatibility context, its pixel transfer as GL starts it. */
static bool compat_swap_leaves_rows_bottom_up(struct gt *t)
{
	return bottom_up_swap_keeps_the_apps_state(t, gt_compat_window(t, 16, 8));
}

/* A compatibility context whose pixel transfer is not GL's start (a scale, a bias, the colour
 * map) would read other pixels in its own context: its frames are read in the host's, top to
 * bottom, unchanged, and the app's setting is kept. Each setting in turn, put back after. */
static bool compat_swap_with_pixel_transfer_stays_top_down(struct gt *t)
{
	static const struct {
		uint32_t pname;
		float value, start;
	} set[] = {
	        {0x0D14, 0.5f, 1},  /* GL_RED_SCALE */
	        {0x0D1C, 0.5f, 1},  /* GL_ALPHA_SCALE */
	        {0x0D1B, 0.25f, 0}, /* GL_BLUE_BIAS */
	        {0x0D10, 1, 0},     /* GL_MAP_COLOR */
	};
	struct frame f;
	if (!gt_compat_window(t, 16, 8) || !frame_create(t, &f, 7, 16, 8))
		return false;
	for (size_t i = 0; i < sizeof(set) / sizeof(set[0]); i++) {
		clear(t, 0, 0, 1);
		paint_rows(t, 0, 3, 1, 0, 0);
		gt_begin(t, GLES_OP_glPixelTransferf);
		gt_u32(t, set[i].pname);
		gt_f32(t, set[i].value);
		gt_end(t);
		swap_with(t, 7, 0, 0, GL_SWAP_BOTTOM_UP_OK);
		CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
		CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 0,
		      "with 0x%x set the frame is bottom to top", set[i].pname);
		if (!app_error_is(t, GL_NO_ERROR))
			return false;
		GLfloat v = -1;
		gles_host.glGetFloatv(set[i].pname, &v);
		CHECK(v == set[i].value, "0x%x is %g", set[i].pname, (double)v);
		if (!rows_are(&f, 16, 0, 5, 255, 0, 0) || !rows_are(&f, 16, 5, 8, 0, 0, 255))
			return false;
		gt_begin(t, GLES_OP_glPixelTransferf);
		gt_u32(t, set[i].pname);
		gt_f32(t, set[i].start);
		gt_end(t);
	}
	return true;
}

/* A swap while a display list is made: the glReadBuffer a read in the app's context may need
 * would go into the list, so the frame is read in the host's context. */
static bool compat_swap_while_a_list_is_made_stays_top_down(struct gt *t)
{
	struct frame f;
	if (!gt_compat_window(t, 16, 8) || !frame_create(t, &f, 7, 16, 8))
		return false;
	clear(t, 0, 0, 1);
	paint_rows(t, 0, 3, 1, 0, 0);
	gt_cmd(t, GLES_OP_glNewList, 2, 1, 0x1300 /* GL_COMPILE */);
	swap_with(t, 7, 0, 0, GL_SWAP_BOTTOM_UP_OK);
	gt_cmd(t, GLES_OP_glEndList, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(gh_gl_buffer_bottom_up(t->gl, 7) == 0, "the frame is bottom to top");
	return app_error_is(t, GL_NO_ERROR) && rows_are(&f, 16, 0, 5, 255, 0, 0) &&
	       rows_are(&f, 16, 5, 8, 0, 0, 255);
}

static bool resized_surface_swaps_at_the_new_size(struct gt *t)
{
	struct frame f;
	uint8_t px[32 * 4 * 4];
	if (!setup(t, 16, 8, GL_SURFACE_WINDOW) || !frame_create(t, &f, 9, 32, 4))
		return false;
	gt_cmd(t, GL_OP_RESIZE_SURFACE, 3, 1, 32, 4);
	clear(t, 0, 1, 1);
	gt_begin(t, GL_OP_SWAP);
	gt_u32(t, 1);
	gt_u32(t, 9);
	gt_u32(t, 0);
	gt_u32(t, 0); /* flags */
	gt_blob(t, NULL, 0);
	gt_end(t);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return gt_read_pixels(t, 1, 0, 0, 32, 4, px) && rows_are(&f, 32, 0, 4, 255, 255, 0);
}

static bool two_streams_keep_their_own_contexts(struct gt *t)
{
	uint8_t px[4 * 4 * 4];
	if (!setup(t, 4, 4, GL_SURFACE_PBUFFER))
		return false;
	CHECK(gh_gl_stream_open(t->gl, 2), "%s", t->reason);
	if (!gt_context(t, 1, 2) || !gt_surface(t, 1, 2, 4, 4, GL_SURFACE_PBUFFER) ||
	    !gt_current(t, 2, 2, 2))
		return false;
	clear(t, 1, 0, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	clear(t, 0, 0, 1);
	CHECK(gt_send(t, 2, 0, 0), "%s", t->reason);
	if (!gt_read_pixels(t, 1, 0, 0, 4, 4, px) || !pixels_are(px, 16, 255, 0, 0, 255))
		return false;
	return gt_read_pixels(t, 2, 0, 0, 4, 4, px) && pixels_are(px, 16, 0, 0, 255, 255);
}

#define FRONT 0x0404u
#define BACK 0x0405u
#define FRONT_AND_BACK 0x0408u

/* A window's front is a buffer of its own (gpuhost/gl/front.c): what is drawn there
 * stays out of the back the swap presents, and reads back from GL_FRONT alone. */
static bool window_front_is_its_own_buffer(struct gt *t)
{
	struct frame f;
	uint8_t px[16 * 8 * 4];
	uint64_t before;
	if (!gt_compat_window(t, 16, 8) || !frame_create(t, &f, 7, 16, 8))
		return false;
	before = t->gl->quota.memory;
	clear(t, 0, 1, 0);
	gt_cmd(t, GLES_OP_glDrawBuffer, 1, FRONT);
	clear(t, 1, 0, 0);
	gt_cmd(t, GLES_OP_glDrawBuffer, 1, BACK);
	swap(t, 7, 0, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	const struct gh_gl_surface *surf = gh_gl_map_get_ptr(&t->gl->surfaces, 1);
	CHECK(surf && t->gl->quota.memory == before + surf->bytes,
	      "the front is charged as the back is: %llu more bytes",
	      (unsigned long long)(t->gl->quota.memory - before));
	if (!rows_are(&f, 16, 0, 8, 0, 255, 0) || !gt_read_pixels(t, 1, 0, 0, 16, 8, px) ||
	    !pixels_are(px, 16 * 8, 0, 255, 0, 255))
		return false;
	gt_cmd(t, GLES_OP_glReadBuffer, 1, FRONT);
	if (!gt_read_pixels(t, 1, 0, 0, 16, 8, px) || !pixels_are(px, 16 * 8, 255, 0, 0, 255))
		return false;
	/* GL_FRONT_AND_BACK: a clear reaches both. */
	gt_cmd(t, GLES_OP_glDrawBuffer, 1, FRONT_AND_BACK);
	clear(t, 0, 0, 1);
	if (!gt_read_pixels(t, 1, 0, 0, 16, 8, px) || !pixels_are(px, 16 * 8, 0, 0, 255, 255))
		return false;
	gt_cmd(t, GLES_OP_glReadBuffer, 1, BACK);
	return gt_read_pixels(t, 1, 0, 0, 16, 8, px) && pixels_are(px, 16 * 8, 0, 0, 255, 255);
}

/* Apps that never name the front get no second pbuffer. */
static bool window_without_front_use_has_no_front_buffer(struct gt *t)
{
	struct frame f;
	if (!gt_compat_window(t, 16, 8) || !frame_create(t, &f, 7, 16, 8))
		return false;
	uint64_t before = t->gl->quota.memory;
	gt_cmd(t, GLES_OP_glDrawBuffer, 1, BACK);
	clear(t, 0, 1, 0);
	swap(t, 7, 0, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(t->gl->quota.memory == before, "%llu bytes more held",
	      (unsigned long long)(t->gl->quota.memory - before));
	return rows_are(&f, 16, 0, 8, 0, 255, 0);
}

static const struct gt_case cases[] = {
        GT_CASE(init_reports_configs_strings_and_limits),
        GT_CASE(clear_reads_back_through_glreadpixels),
        GT_CASE(commands_cut_anywhere_are_reassembled),
        GT_CASE(draw_arrays_renders),
        GT_CASE(draw_elements_renders),
        GT_CASE(client_arrays_and_indices_render),
        GT_CASE(client_array_again_draws_the_kept_vertices),
        GT_CASE(swap_copies_the_frame_upside_down_into_shm),
        GT_CASE(swap_copies_the_damage_of_every_frame_a_buffer_missed),
        GT_CASE(swap_leaves_rows_bottom_up_in_the_apps_context),
        GT_CASE(core_swap_leaves_rows_bottom_up),
        GT_CASE(swap_with_a_pack_buffer_bound_stays_top_down),
        GT_CASE(swap_turning_a_buffer_over_copies_every_row),
        GT_CASE(compat_swap_leaves_rows_bottom_up),
        GT_CASE(compat_swap_with_pixel_transfer_stays_top_down),
        GT_CASE(compat_swap_while_a_list_is_made_stays_top_down),
        GT_CASE(resized_surface_swaps_at_the_new_size),
        GT_CASE(two_streams_keep_their_own_contexts),
        GT_CASE(window_front_is_its_own_buffer),
        GT_CASE(window_without_front_use_has_no_front_buffer),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), true);
}
