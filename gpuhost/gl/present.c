/*
 * GL_OP_SWAP: a window's back buffer (a pbuffer, y up) is copied into the
 * frame buffer the app named (B G R A bytes). shm frames that may stay
 * bottom to top (GL_SWAP_BOTTOM_UP_OK) are read in the app's own context,
 * its state put back (readback-bottom-up.c). Others are copied top to
 * bottom in our own present context, so that no app context's state
 * (bindings, pixel store, scissor) is touched: shm by glReadPixels
 * (readback.c), dmabuf by a flipped glBlitFramebuffer into the buffer's
 * EGLImage.
 *
 * Damage: a frame buffer holds some earlier frame of the surface (or
 * nothing); the rows to copy are the union of the damage of every frame
 * since the one it holds, when that is within GH_GL_DAMAGE_HISTORY frames
 * of the same surface contents, else all of them.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "executor.h"
#include "frames.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "stream.h"
#include "surface.h"

bool gh_gl_present_init(struct gh_gl *gl)
{
	if (!gl->egl.no_config) {
		gp_log(ERROR, "host EGL lacks EGL_KHR_no_config_context");
		return false;
	}
	if (!gh_gl_configs_load(gl))
		return false;
	/* Robust like the app's contexts (context.c), so that what it says of
	 * GL (info.c: GL_KHR_robust_buffer_access_behavior) is what they get. */
	EGLint robust[] = {EGL_CONTEXT_CLIENT_VERSION, 3, EGL_CONTEXT_OPENGL_ROBUST_ACCESS_EXT,
	                   EGL_TRUE, EGL_NONE};
	EGLint es3[] = {EGL_CONTEXT_CLIENT_VERSION, 3, EGL_NONE};
	EGLint es2[] = {EGL_CONTEXT_CLIENT_VERSION, 2, EGL_NONE};
	if (gl->egl.robustness)
		gl->frames.present_ctx =
		        eglCreateContext(gl->egl.dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, robust);
	if (gl->frames.present_ctx == EGL_NO_CONTEXT)
		gl->frames.present_ctx =
		        eglCreateContext(gl->egl.dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, es3);
	if (gl->frames.present_ctx == EGL_NO_CONTEXT)
		gl->frames.present_ctx =
		        eglCreateContext(gl->egl.dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, es2);
	if (gl->frames.present_ctx == EGL_NO_CONTEXT) {
		gp_log(ERROR, "host EGL cannot create a GLES context (0x%x)", eglGetError());
		return false;
	}
	/* Queried once, in a context of our own. */
	EGLSurface tmp = EGL_NO_SURFACE;
	if (!gl->egl.surfaceless) {
		EGLint one[] = {EGL_WIDTH, 1, EGL_HEIGHT, 1, EGL_NONE};
		tmp = eglCreatePbufferSurface(gl->egl.dpy, gl->configs[0].egl, one);
	}
	bool ok = gh_egl_make_current(&gl->egl, gl->frames.present_ctx, tmp, tmp) &&
	          gh_gl_info_init(gl);
	gh_egl_release(&gl->egl, gl->frames.present_ctx, EGL_NO_SURFACE);
	if (ok && gl->present == GH_GL_PRESENT_DMABUF &&
	    (!gl->fns.BlitFramebuffer || !gles_host.glEGLImageTargetRenderbufferStorageOES)) {
		gp_log(INFO, "host GL cannot blit into dmabufs: frames go through shm");
		gl->present = GH_GL_PRESENT_SHM;
	}
	/* Only shm frames are read back: a dmabuf link needs no readback
	 * context (a driver context costs memory and start-up time). */
	if (ok && gl->present == GH_GL_PRESENT_SHM)
		gh_gl_readback_init(gl, tmp);
	if (tmp != EGL_NO_SURFACE)
		eglDestroySurface(gl->egl.dpy, tmp);
	return ok;
}

void gh_gl_present_finish(struct gh_gl *gl)
{
	if (gl->frames.present_ctx != EGL_NO_CONTEXT &&
	    (gl->frames.resolve_fbo || gl->frames.resolve_rb) && gl->egl.surfaceless &&
	    gh_egl_make_current(&gl->egl, gl->frames.present_ctx, EGL_NO_SURFACE, EGL_NO_SURFACE)) {
		gles_host.glDeleteFramebuffers(1, &gl->frames.resolve_fbo);
		gles_host.glDeleteRenderbuffers(1, &gl->frames.resolve_rb);
	}
	gh_egl_release(&gl->egl, gl->frames.present_ctx, EGL_NO_SURFACE);
	if (gl->frames.present_ctx != EGL_NO_CONTEXT)
		eglDestroyContext(gl->egl.dpy, gl->frames.present_ctx);
	gl->frames.present_ctx = EGL_NO_CONTEXT;
	gh_gl_readback_finish(gl);
}

/* Rows (y down) of one frame's damage, from GL rectangles (y up). */
static void damage_rows(const struct gh_gl_surface *surf, uint32_t n_rects, const uint8_t *rects,
                        uint32_t *top, uint32_t *bottom)
{
	int64_t h = surf->height;
	*top = n_rects ? surf->height : 0;
	*bottom = n_rects ? 0 : surf->height;
	for (uint32_t i = 0; i < n_rects; i++) {
		int32_t r[4];
		memcpy(r, rects + (size_t)i * 16, 16);
		int64_t y0 = r[1] < 0 ? 0 : r[1];
		int64_t y1 = (int64_t)r[1] + r[3] > h ? h : (int64_t)r[1] + r[3];
		if (r[2] <= 0 || r[3] <= 0 || y0 >= y1)
			continue;
		if ((uint32_t)(h - y1) < *top)
			*top = (uint32_t)(h - y1);
		if ((uint32_t)(h - y0) > *bottom)
			*bottom = (uint32_t)(h - y0);
	}
}

/* Records this frame's damage and gives the rows `mem` lacks: all of them where it holds
 * its rows the other way up. */
static void rows_to_copy(struct gh_gl_surface *surf, const struct gh_gl_memory *mem, bool bottom_up,
                         uint32_t top, uint32_t bottom, uint32_t *from, uint32_t *to)
{
	for (uint32_t i = GH_GL_DAMAGE_HISTORY - 1; i > 0; i--) {
		surf->damage_top[i] = surf->damage_top[i - 1];
		surf->damage_bottom[i] = surf->damage_bottom[i - 1];
	}
	surf->damage_top[0] = top;
	surf->damage_bottom[0] = bottom;
	surf->frame++;
	uint64_t behind = surf->frame - mem->frame;
	*from = 0;
	*to = surf->height;
	if (mem->serial != surf->serial || mem->bottom_up != bottom_up || behind < 1 ||
	    behind > GH_GL_DAMAGE_HISTORY)
		return;
	*from = surf->height;
	*to = 0;
	for (uint64_t i = 0; i < behind; i++) {
		if (surf->damage_top[i] >= surf->damage_bottom[i])
			continue;
		if (surf->damage_top[i] < *from)
			*from = surf->damage_top[i];
		if (surf->damage_bottom[i] > *to)
			*to = surf->damage_bottom[i];
	}
}

static bool dmabuf_target(struct gl_exec *x, struct gh_gl_memory *mem)
{
	if (mem->fbo)
		return true;
	gles_host.glGenRenderbuffers(1, &mem->rb);
	gles_host.glBindRenderbuffer(GL_RENDERBUFFER, mem->rb);
	gles_host.glEGLImageTargetRenderbufferStorageOES(GL_RENDERBUFFER, mem->image);
	gles_host.glGenFramebuffers(1, &mem->fbo);
	gles_host.glBindFramebuffer(GL_FRAMEBUFFER, mem->fbo);
	gles_host.glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
	                                    mem->rb);
	GLenum status = gles_host.glCheckFramebufferStatus(GL_FRAMEBUFFER);
	gles_host.glBindFramebuffer(GL_FRAMEBUFFER, 0);
	if (status != GL_FRAMEBUFFER_COMPLETE)
		return gh_gl_fail(x, "the host cannot render into its dmabuf (0x%x)", status);
	return true;
}

/* A single-sampled copy of a multisampled back buffer: GLES blits from
 * multisampled buffers only between equal rectangles, so no flip. */
static bool resolve(struct gl_exec *x, struct gh_gl_surface *surf, GLint y0, GLint y1)
{
	struct gh_gl *gl = x->gl;
	GLint w = (GLint)surf->width, h = (GLint)surf->height;
	if (gl->frames.resolve_w < surf->width || gl->frames.resolve_h < surf->height) {
		if (!gl->frames.resolve_rb)
			gles_host.glGenRenderbuffers(1, &gl->frames.resolve_rb);
		if (!gl->frames.resolve_fbo)
			gles_host.glGenFramebuffers(1, &gl->frames.resolve_fbo);
		gles_host.glBindRenderbuffer(GL_RENDERBUFFER, gl->frames.resolve_rb);
		gles_host.glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8_OES, w, h);
		gles_host.glBindFramebuffer(GL_FRAMEBUFFER, gl->frames.resolve_fbo);
		gles_host.glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
		                                    GL_RENDERBUFFER, gl->frames.resolve_rb);
		if (gles_host.glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
			return gh_gl_fail(x, "the host cannot resolve a %ux%u surface", surf->width,
			                  surf->height);
		gl->frames.resolve_w = surf->width;
		gl->frames.resolve_h = surf->height;
	}
	gles_host.glBindFramebuffer(GH_GL_READ_FRAMEBUFFER, 0);
	gles_host.glBindFramebuffer(GH_GL_DRAW_FRAMEBUFFER, gl->frames.resolve_fbo);
	gl->fns.BlitFramebuffer(0, y0, w, y1, 0, y0, w, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
	gles_host.glBindFramebuffer(GH_GL_READ_FRAMEBUFFER, gl->frames.resolve_fbo);
	return true;
}

static bool copy_dmabuf(struct gl_exec *x, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                        uint32_t from, uint32_t to)
{
	struct gh_gl *gl = x->gl;
	if (!dmabuf_target(x, mem))
		return false;
	GLint w = (GLint)surf->width, h = (GLint)surf->height;
	GLint y0 = h - (GLint)to, y1 = h - (GLint)from;
	gles_host.glBindFramebuffer(GH_GL_READ_FRAMEBUFFER, 0);
	if (surf->config->info.samples > 0 && !resolve(x, surf, y0, y1))
		return false;
	/* Rows y0..y1 of the back buffer land upside down: a flipping blit. */
	gles_host.glBindFramebuffer(GH_GL_DRAW_FRAMEBUFFER, mem->fbo);
	gl->fns.BlitFramebuffer(0, y0, w, y1, 0, (GLint)to, w, (GLint)from, GL_COLOR_BUFFER_BIT,
	                        GL_NEAREST);
	gles_host.glBindFramebuffer(GL_FRAMEBUFFER, 0);
	gles_host.glFlush();
	return true;
}

/* Leaves the app's context with its work finished (shm) or fenced
 * (dmabuf), and the present context current on the back buffer. */
static bool switch_to_present(struct gl_exec *x, struct gh_gl_surface *surf)
{
	struct gh_gl *gl = x->gl;
	EGLSyncKHR fence = EGL_NO_SYNC_KHR;
	if (gl->present == GH_GL_PRESENT_DMABUF && gl->egl.wait_sync)
		fence = gl->egl.CreateSyncKHR(gl->egl.dpy, EGL_SYNC_FENCE_KHR, NULL);
	if (fence == EGL_NO_SYNC_KHR)
		gles_host.glFinish();
	EGLContext ctx =
	        gl->present == GH_GL_PRESENT_SHM && gl->frames.readback_ctx != EGL_NO_CONTEXT
	                ? gl->frames.readback_ctx
	                : gl->frames.present_ctx;
	if (!gh_egl_make_current(&gl->egl, ctx, surf->egl, surf->egl)) {
		if (fence != EGL_NO_SYNC_KHR)
			gl->egl.DestroySyncKHR(gl->egl.dpy, fence);
		return gh_gl_fail(x, "the host cannot read surface %u (0x%x)", surf->handle,
		                  eglGetError());
	}
	if (fence != EGL_NO_SYNC_KHR) {
		gl->egl.WaitSyncKHR(gl->egl.dpy, fence, 0);
		gl->egl.DestroySyncKHR(gl->egl.dpy, fence);
	}
	return true;
}

static bool parse_swap(struct gl_exec *x, struct gl_reader *r, struct gh_gl_memory **mem,
                       uint32_t *n_rects, const uint8_t **rects, uint32_t *flags)
{
	struct gl_op_swap op;
	uint32_t n;
	gl_rd_struct(r, &op, sizeof(op));
	*rects = gl_rd_blob(r, &n);
	if (!gh_gl_reader_done(x, r))
		return false;
	uint32_t handle = op.surface, buffer_id = op.buffer;
	*n_rects = op.n_rects;
	*flags = op.flags;
	if (op.flags & ~(uint32_t)GL_SWAP_FLAGS_KNOWN)
		return gh_gl_fail(x, "unknown flags 0x%x",
		                  op.flags & ~(uint32_t)GL_SWAP_FLAGS_KNOWN);
	if (n == GL_BLOB_NULL || (uint64_t)*n_rects * sizeof(struct gl_rect) != n)
		return gh_gl_fail(x, "%u damage bytes for %u rectangles", n, *n_rects);
	struct gh_gl_surface *surf = x->draw;
	if (!surf || surf->handle != handle)
		return gh_gl_fail(x, "surface %u is not the current draw surface", handle);
	if (surf->kind != GL_SURFACE_WINDOW)
		return gh_gl_fail(x, "surface %u is not a window", handle);
	*mem = gh_gl_map_get_ptr(&x->gl->buffers, buffer_id);
	if (!*mem)
		return gh_gl_fail(x, "wl_buffer %u is not a gpupipe frame buffer", buffer_id);
	if ((*mem)->width != surf->width || (*mem)->height != surf->height)
		return gh_gl_fail(x, "wl_buffer %u is %ux%u, surface %u is %ux%u", buffer_id,
		                  (*mem)->width, (*mem)->height, handle, surf->width, surf->height);
	return true;
}

/* The rows from..to of the frame into `mem` in a context of ours: top to bottom. */
static bool copy_top_down(struct gl_exec *x, struct gh_gl_surface *surf, struct gh_gl_memory *mem,
                          uint32_t from, uint32_t to)
{
	if (!switch_to_present(x, surf))
		return false;
	return x->gl->present == GH_GL_PRESENT_DMABUF
	               ? copy_dmabuf(x, surf, mem, from, to)
	               : gh_gl_readback_frame(x, surf, mem, from, to);
}

static bool swap(struct gl_exec *x, struct gl_reader *r)
{
	struct gh_gl_memory *mem = NULL;
	uint32_t n_rects = 0, top, bottom, from, to, flags = 0;
	const uint8_t *rects = NULL;
	if (!parse_swap(x, r, &mem, &n_rects, &rects, &flags))
		return false;
	struct gh_gl_surface *surf = x->draw;
	bool bottom_up =
	        (flags & GL_SWAP_BOTTOM_UP_OK) && gh_gl_readback_bottom_up_ok(x, surf, mem);
	if (x->gl->failed)
		return false;
	damage_rows(surf, n_rects, rects, &top, &bottom);
	rows_to_copy(surf, mem, bottom_up, top, bottom, &from, &to);
	if (from < to && bottom_up && !gh_gl_readback_bottom_up(x, surf, mem, from, to)) {
		/* Refused by the driver: the whole frame the other way. */
		bottom_up = false;
		from = 0;
		to = surf->height;
	}
	if (from < to && !bottom_up && !copy_top_down(x, surf, mem, from, to))
		return false;
	if (bottom_up && !x->gl->frames.told_bottom_up) {
		gp_log(INFO, "shm frames are read in the app's context and left bottom to top; the "
		             "compositor shows them through a flipped buffer transform");
		x->gl->frames.told_bottom_up = true;
	}
	mem->bottom_up = bottom_up;
	mem->serial = surf->serial;
	mem->frame = surf->frame;
	return true;
}

bool gh_gl_swap(struct gl_exec *x, struct gl_reader *r)
{
	uint64_t start = gp_now_ns();
	bool ok = swap(x, r);
	if (ok) {
		uint64_t ns = gp_now_ns() - start;
		x->gl->counts.frames++;
		x->gl->counts.swap_ns += ns;
		x->draw->swaps++;
		x->draw->swap_ns += ns;
	}
	return ok;
}
