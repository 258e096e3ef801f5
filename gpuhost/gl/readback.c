/*
 * shm frames: a window's back buffer (y up) read into the frame buffer the
 * app named (rows top to bottom, B G R A bytes), for the swaps that cannot
 * leave them bottom to top in the app's context (readback-bottom-up.c):
 * compatibility and ES 1 contexts, multisampled windows, ... Switching to
 * our context and back costs two more copies of the frame on Mesa's
 * software path (doc/performance.md).
 *
 * Where the host's driver has GL_MESA_pack_invert (Mesa, in desktop
 * OpenGL contexts), glReadPixels writes the rows top-down straight into the
 * shm buffer at its stride: one copy of each byte, the driver's. A desktop
 * core context of our own does it (the extension is not in ES contexts);
 * it shares nothing, as the present context does not, so no app state is
 * touched. Without it, the rows come bottom-up into a scratch buffer and
 * are flipped (and swizzled where the driver cannot read BGRA) into shm:
 * two copies.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "executor.h"
#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "stream.h"
#include "surface.h"

#ifndef GL_PACK_INVERT_MESA
#define GL_PACK_INVERT_MESA 0x8758
#endif
#ifndef GL_BGRA
#define GL_BGRA 0x80E1
#endif

static bool has_pack_invert(void)
{
	GLint n = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	for (GLint i = 0; i < n; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strcmp(e, "GL_MESA_pack_invert") == 0)
			return true;
	}
	return false;
}

/* Test builds: GPUPIPE_TEST_READBACK=flip takes the scratch buffer's way
 * even where the driver could read top-down, so that tests reach it. */
static bool flip_asked(void)
{
#ifdef GPUPIPE_TEST_HOOKS
	const char *knob = getenv("GPUPIPE_TEST_READBACK");
	return knob && strcmp(knob, "flip") == 0;
#else
	return false;
#endif
}

void gh_gl_readback_init(struct gh_gl *gl, EGLSurface tmp)
{
	if (flip_asked())
		return;
	const EGLint core[] = {EGL_CONTEXT_MAJOR_VERSION,
	                       3,
	                       EGL_CONTEXT_MINOR_VERSION,
	                       2,
	                       EGL_CONTEXT_OPENGL_PROFILE_MASK,
	                       EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
	                       EGL_NONE};
	EGLint error;
	EGLContext ctx = gh_egl_create_context(&gl->egl, true, NULL, EGL_NO_CONTEXT, core, &error);
	if (ctx == EGL_NO_CONTEXT)
		return;
	bool ok = gh_egl_make_current(&gl->egl, ctx, tmp, tmp) && has_pack_invert();
	if (ok) {
		gles_host.glPixelStorei(GL_PACK_INVERT_MESA, 1);
		gles_host.glPixelStorei(GL_PACK_ALIGNMENT, 4);
		ok = gles_host.glGetError() == GL_NO_ERROR;
	}
	gh_egl_release(&gl->egl, ctx, EGL_NO_SURFACE);
	if (!ok) {
		eglDestroyContext(gl->egl.dpy, ctx);
		return;
	}
	gl->frames.readback_ctx = ctx;
	gl->frames.readback_row_length = 0;
	gp_log(DEBUG, "shm frames are read straight into shared memory (GL_MESA_pack_invert)");
}

void gh_gl_readback_finish(struct gh_gl *gl)
{
	gh_egl_release(&gl->egl, gl->frames.readback_ctx, EGL_NO_SURFACE);
	if (gl->frames.readback_ctx != EGL_NO_CONTEXT)
		eglDestroyContext(gl->egl.dpy, gl->frames.readback_ctx);
	gl->frames.readback_ctx = EGL_NO_CONTEXT;
	free(gl->frames.readback);
	gl->frames.readback = NULL;
	gl->frames.readback_size = 0;
}

/* Rows from..to (y down) of the current read surface into `mem`, in the
 * readback context: top-down at the buffer's stride, one copy. */
static void read_inverted(struct gh_gl *gl, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                          uint32_t from, uint32_t to)
{
	GLint row_length = (GLint)(mem->stride / 4);
	if (gl->frames.readback_row_length != row_length) {
		gles_host.glPixelStorei(GL_PACK_ROW_LENGTH, row_length);
		gl->frames.readback_row_length = row_length;
	}
	gles_host.glReadPixels(0, (GLint)(surf->height - to), (GLsizei)surf->width,
	                       (GLsizei)(to - from), GL_BGRA, GL_UNSIGNED_BYTE,
	                       mem->map + (size_t)from * mem->stride);
	gl->counts.copied += (uint64_t)surf->width * 4 * (to - from);
}

/* The same through a scratch buffer: bottom-up there, flipped into shm. */
static bool read_flipped(struct gl_exec *x, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                         uint32_t from, uint32_t to)
{
	struct gh_gl *gl = x->gl;
	size_t row = (size_t)surf->width * 4, rows = to - from;
	if (gl->frames.readback_size < row * rows) {
		uint8_t *p = realloc(gl->frames.readback, row * rows);
		if (!p)
			return gh_gl_fail(x, "out of memory reading back %zu bytes", row * rows);
		gl->frames.readback = p;
		gl->frames.readback_size = row * rows;
	}
	gles_host.glReadPixels(0, (GLint)(surf->height - to), (GLsizei)surf->width, (GLsizei)rows,
	                       gl->read_bgra ? GL_BGRA_EXT : GL_RGBA, GL_UNSIGNED_BYTE,
	                       gl->frames.readback);
	/* Twice: the driver's copy into the scratch buffer, ours into shm. */
	gl->counts.copied += 2 * row * rows;
	for (size_t i = 0; i < rows; i++) {
		uint8_t *dst = mem->map + (size_t)(to - 1 - i) * mem->stride;
		const uint8_t *src = gl->frames.readback + i * row;
		if (gl->read_bgra) {
			memcpy(dst, src, row);
			continue;
		}
		for (size_t p = 0; p < row; p += 4) {
			dst[p] = src[p + 2];
			dst[p + 1] = src[p + 1];
			dst[p + 2] = src[p];
			dst[p + 3] = src[p + 3];
		}
	}
	return true;
}

bool gh_gl_readback_frame(struct gl_exec *x, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                          uint32_t from, uint32_t to)
{
	struct gh_gl *gl = x->gl;
	/* The row length is in pixels: a stride that is not whole pixels
	 * (never made by gpupipe_memory_v1, whose strides are width * 4) goes
	 * the long way. */
	if (gl->frames.readback_ctx != EGL_NO_CONTEXT && mem->stride % 4 == 0) {
		read_inverted(gl, surf, mem, from, to);
		return true;
	}
	return read_flipped(x, surf, mem, from, to);
}
