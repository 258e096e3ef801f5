/*
 * shm frames read in the app's own context, rows bottom to top as GL keeps them, straight into
 * the frame buffer at its stride: one copy of each byte, the driver's, as Mesa's Wayland
 * platform makes natively.
 *
 * Why not in a context of our own (readback.c): on Mesa's software path a pbuffer's pixels live
 * in the loader's memory, and each eglMakeCurrent to another context and back copies the whole
 * frame, twice a swap (doc/performance.md, "The context switches' two copies"). Reading
 * here switches nothing. The rows stay bottom to top, and gpupipe-host shows them flipped with
 * the buffer transform it gives the wl_surface they are committed to (gpuhost/buffer-transform.c):
 * the library allows that per swap (GL_SWAP_BOTTOM_UP_OK) when its wl_surface takes one.
 *
 * glReadPixels obeys the context's state, which is the app's: the read framebuffer, the
 * default framebuffer's read buffer and the pack parameters (GL_ANGLE_pack_reverse_row_order's
 * among them). Each is set to what the read needs only where the app's differs, and put back
 * after; a swap while the app has a pixel pack buffer bound goes the other way. The app's pending
 * errors are stashed first (gh_gl_errors_stash) and the read's own, which a working driver never
 * raises, dropped: the app's glGet and glGetError see what they saw before the swap.
 *
 * Compatibility contexts come this way while their pixel transfer is as GL starts it (no colour
 * map, scales 1, biases 0: checked at each swap), outside glBegin/glEnd and display lists
 * being made, on drivers without ARB_imaging's tables and filters. The rest go the readback
 * context's way: OpenGL ES 1, hosts without OpenGL ES 3's read framebuffer and row length,
 * drivers that cannot read BGRA in the app's API.
 */
#include <stdlib.h>

#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "context.h"
#include "executor.h"
#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "quota.h"
#include "stream.h"
#include "surface.h"

/* What glReadPixels obeys, as the app left it (read_buffer: the default framebuffer's). */
struct read_state {
	GLint read_fbo, read_buffer;
	GLint alignment, row_length, skip_rows, skip_pixels, reverse_row_order;
};

/* Test builds: GPUPIPE_TEST_READBACK (flip, context) keeps swaps on readback.c's ways. */
static bool other_way_asked(void)
{
#ifdef GPUPIPE_TEST_HOOKS
	const char *knob = getenv("GPUPIPE_TEST_READBACK");
	return knob && *knob;
#else
	return false;
#endif
}

static GLint get(GLenum pname)
{
	GLint v = 0;
	gles_host.glGetIntegerv(pname, &v);
	return v;
}

/* GL_ANGLE_pack_reverse_row_order, in the ES contexts of a driver that has it (desktop ones
 * never get it: gl_pixel_store_set refuses it there), whatever the app's context offers: reads
 * go top-down while it is set. (Mesa 22.3's llvmpipe was seen to read this frame bottom-up all
 * the same; a driver need not.) */
static bool has_reverse_row_order(const struct gh_gl *gl, const struct gh_gl_context *ctx)
{
	return ctx->level.api == GL_API_GLES2 && gl->pack_reverse_row_order;
}

/* A compatibility context's pixel transfer as GL starts it: no colour map, every scale 1 and
 * bias 0, so that glReadPixels gives the pixels. An app that changed it reads the other way. */
static bool plain_pixel_transfer(void)
{
	static const GLenum scale[] = {0x0D14, 0x0D18, 0x0D1A, 0x0D1C}; /* GL_RED_SCALE, ... */
	static const GLenum bias[] = {0x0D15, 0x0D19, 0x0D1B, 0x0D1D};  /* GL_RED_BIAS, ... */
	GLboolean map_color = GL_TRUE;
	gles_host.glGetBooleanv(0x0D10 /* GL_MAP_COLOR */, &map_color);
	if (map_color)
		return false;
	for (int i = 0; i < 4; i++) {
		GLfloat s = 0, b = 1;
		gles_host.glGetFloatv(scale[i], &s);
		gles_host.glGetFloatv(bias[i], &b);
		if (s != 1.0f || b != 0.0f)
			return false;
	}
	return true;
}

bool gh_gl_readback_bottom_up_ok(struct gl_exec *x, const struct gh_gl_surface *surf,
                                 const struct gh_gl_memory *mem)
{
	const struct gh_gl_context *ctx = x->ctx;
	const struct gh_gl *gl = x->gl;
	if (gl->present != GH_GL_PRESENT_SHM || !ctx || !ctx->es3 || other_way_asked())
		return false;
	bool compat = ctx->level.api == GL_API_GL_COMPAT;
	if (ctx->level.api != GL_API_GLES2 && ctx->level.api != GL_API_GL_CORE && !compat)
		return false;
	/* Between glBegin and glEnd glReadPixels is an error, and a display list being made
	 * would take the glReadBuffer; ARB_imaging's tables and filters are more state. */
	if (compat &&
	    (ctx->begin_end || ctx->begin_end_unknown || ctx->lists.mode || gl->compat_imaging))
		return false;
	if (ctx->level.api == GL_API_GLES2 && !gl->read_bgra)
		return false;
	/* A multisampled window is resolved on the way (present.c); a stride of part pixels
	 * (never made by gpupipe_memory_v1) has no row length. */
	if (surf->config->info.samples > 0 || mem->stride % 4 != 0)
		return false;
	/* The app's context current, as after its last command (an earlier swap of the other
	 * way may have left ours). */
	if (!gh_gl_stream_make_current(x))
		return false;
	/* The host reads the window's back pbuffer: not where the context reads another
	 * surface, or the window's front (front.c). */
	if (gl->egl.cur_ctx != ctx->egl || gl->egl.cur_read != surf->egl)
		return false;
	/* A pack buffer bound: its name may be one another context of the share group deleted
	 * since, which binding again would not give back. Rare at a swap. */
	return get(GL_PIXEL_PACK_BUFFER_BINDING) == 0 && (!compat || plain_pixel_transfer());
}

static void save(const struct gh_gl *gl, const struct gh_gl_context *ctx, struct read_state *s)
{
	s->read_fbo = get(GH_GL_READ_FRAMEBUFFER_BINDING);
	s->alignment = get(GL_PACK_ALIGNMENT);
	s->row_length = get(GL_PACK_ROW_LENGTH);
	s->skip_rows = get(GL_PACK_SKIP_ROWS);
	s->skip_pixels = get(GL_PACK_SKIP_PIXELS);
	s->reverse_row_order =
	        has_reverse_row_order(gl, ctx) ? get(GL_PACK_REVERSE_ROW_ORDER_ANGLE) : 0;
}

/* Sets what differs from `want` (alignment: any that rows of whole pixels meet). */
static void apply(const struct read_state *have, const struct read_state *want)
{
	if (have->read_fbo != want->read_fbo)
		gles_host.glBindFramebuffer(GH_GL_READ_FRAMEBUFFER, (GLuint)want->read_fbo);
	if (have->alignment != want->alignment && (have->alignment > 4 || want->alignment > 4))
		gles_host.glPixelStorei(GL_PACK_ALIGNMENT, want->alignment);
	if (have->row_length != want->row_length)
		gles_host.glPixelStorei(GL_PACK_ROW_LENGTH, want->row_length);
	if (have->skip_rows != want->skip_rows)
		gles_host.glPixelStorei(GL_PACK_SKIP_ROWS, want->skip_rows);
	if (have->skip_pixels != want->skip_pixels)
		gles_host.glPixelStorei(GL_PACK_SKIP_PIXELS, want->skip_pixels);
	if (have->reverse_row_order != want->reverse_row_order)
		gles_host.glPixelStorei(GL_PACK_REVERSE_ROW_ORDER_ANGLE, want->reverse_row_order);
}

bool gh_gl_readback_bottom_up(struct gl_exec *x, struct gh_gl_surface *surf,
                              struct gh_gl_memory *mem, uint32_t from, uint32_t to)
{
	struct gh_gl *gl = x->gl;
	struct read_state app, want = {.alignment = 4};
	if (mem->stride != surf->width * 4)
		want.row_length = (GLint)(mem->stride / 4);
	gh_gl_errors_stash(x->ctx);
	save(gl, x->ctx, &app);
	apply(&app, &want);
	/* The default framebuffer's read buffer is the window's (Mesa keeps it per surface): read
	 * once the framebuffer is. The pbuffer's one buffer answers every name but none. */
	app.read_buffer = get(GL_READ_BUFFER);
	if (app.read_buffer == GL_NONE)
		gles_host.glReadBuffer(GL_BACK);
	/* Rows from..to (y down) are GL rows height - to .. height - from, and stay in that order:
	 * memory row i holds GL row i. */
	GLint y = (GLint)(surf->height - to);
	gles_host.glReadPixels(0, y, (GLsizei)surf->width, (GLsizei)(to - from), GL_BGRA_EXT,
	                       GL_UNSIGNED_BYTE, mem->map + (size_t)y * mem->stride);
	GLenum error = gles_host.glGetError();
	if (app.read_buffer == GL_NONE)
		gles_host.glReadBuffer(GL_NONE);
	apply(&want, &app);
	/* Ours alone: the app's were stashed. */
	for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
		;
	if (error != GL_NO_ERROR) {
		gp_log(DEBUG, "surface %u: reading in the app's context failed (0x%x)",
		       surf->handle, error);
		return false;
	}
	gl->counts.copied += (uint64_t)surf->width * 4 * (to - from);
	return true;
}
