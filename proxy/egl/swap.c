/*
 * eglSwapBuffers on a window, as the brief's step 4 and Mesa's Wayland
 * platform do it:
 *  a. with interval 1, send what the frame drew, then wait for the frame
 *     callback of the previous swap; with interval 0 wait for nothing;
 *  b. pick a free frame buffer: up to GE_MAX_FRAME_BUFFERS per surface,
 *     each a wl_buffer from gpupipe_v1.create_memory, busy from its attach
 *     until wl_buffer.release; a new one costs one roundtrip so that the
 *     host knows it before the swap names it;
 *  c. GL_OP_SWAP on the context's stream, written out;
 *  d. attach, damage, frame, commit on the app's wl_surface (through our
 *     wrapper), so the frame lands in the app's own commit;
 *  e. a new window size is sent for the next frame.
 * Everything Wayland happens on the surface's private queue.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <wayland-egl-backend.h>

#include "ge.h"
#include "gpupipe-v1-client-protocol.h"
#include "client-gl.h"
#include "surface.h"

static void buffer_release(void *data, struct wl_buffer *buffer)
{
	struct ge_frame_buffer *b = data;
	b->busy = false;
}

static const struct wl_buffer_listener buffer_listener = {buffer_release};

static void throttle_done(void *data, struct wl_callback *cb, uint32_t time)
{
	struct ge_surface *s = data;
	wl_callback_destroy(cb);
	s->throttle = NULL;
}

static const struct wl_callback_listener throttle_listener = {throttle_done};

static bool new_buffer(struct ge_surface *s, struct ge_frame_buffer *b)
{
	uint32_t format = s->config->alpha ? WL_SHM_FORMAT_ARGB8888 : WL_SHM_FORMAT_XRGB8888;
	struct gpupipe_memory_v1 *mem = gpupipe_v1_create_memory(
	        s->gpupipe, (uint32_t)s->host_width, (uint32_t)s->host_height, format);
	if (!mem)
		return false;
	b->buffer = gpupipe_memory_v1_create_buffer(mem);
	gpupipe_memory_v1_destroy(mem);
	if (!b->buffer)
		return false;
	b->width = s->host_width;
	b->height = s->host_height;
	wl_buffer_add_listener(b->buffer, &buffer_listener, b);
	return wl_display_roundtrip_queue(s->d->wl, s->queue) >= 0;
}

/* Reads what the compositor has sent so far without waiting and dispatches
 * the surface's queue, so that releases are seen before a swap looks for a
 * buffer. */
static bool dispatch_ready(struct ge_surface *s)
{
	struct wl_display *wl = s->d->wl;
	while (wl_display_prepare_read_queue(wl, s->queue) != 0)
		if (wl_display_dispatch_queue_pending(wl, s->queue) < 0)
			return false;
	struct pollfd p = {.fd = wl_display_get_fd(wl), .events = POLLIN};
	if (poll(&p, 1, 0) > 0) {
		if (wl_display_read_events(wl) < 0)
			return false;
	} else {
		wl_display_cancel_read(wl);
	}
	return wl_display_dispatch_queue_pending(wl, s->queue) >= 0;
}

static struct ge_frame_buffer *get_buffer(struct ge_surface *s)
{
	if (!dispatch_ready(s))
		return NULL;
	for (;;) {
		ge_surface_free_buffers(s, false);
		struct ge_frame_buffer *empty = NULL;
		for (int i = 0; i < GE_MAX_FRAME_BUFFERS; i++) {
			struct ge_frame_buffer *b = &s->bufs[i];
			if (b->buffer && !b->busy)
				return b;
			if (!b->buffer && !empty)
				empty = b;
		}
		if (empty)
			return new_buffer(s, empty) ? empty : NULL;
		if (wl_display_dispatch_queue(s->d->wl, s->queue) < 0)
			return NULL;
	}
}

/* Damage rects clipped to the surface (GL coordinates); n 0: everything. */
static uint32_t clip_rects(const struct ge_surface *s, const EGLint *in, EGLint n, int32_t *out)
{
	uint32_t k = 0;
	for (EGLint i = 0; i < n; i++) {
		int64_t x0 = in[4 * i], y0 = in[4 * i + 1];
		int64_t x1 = x0 + in[4 * i + 2], y1 = y0 + in[4 * i + 3];
		x0 = x0 < 0 ? 0 : x0;
		y0 = y0 < 0 ? 0 : y0;
		x1 = x1 > s->host_width ? s->host_width : x1;
		y1 = y1 > s->host_height ? s->host_height : y1;
		if (x1 <= x0 || y1 <= y0)
			continue;
		int32_t r[4] = {(int32_t)x0, (int32_t)y0, (int32_t)(x1 - x0), (int32_t)(y1 - y0)};
		memcpy(out + 4 * k++, r, sizeof(r));
	}
	return k;
}

static bool send_swap(struct ge_surface *s, struct gl_enc *e, struct ge_frame_buffer *b,
                      const int32_t *rects, uint32_t n)
{
	struct gl_op_swap op = {
	        .surface = s->handle,
	        .buffer = wl_proxy_get_id((struct wl_proxy *)b->buffer),
	        .n_rects = n,
	};
	/* A wl_surface that takes a buffer transform can show rows left bottom
	 * to top: the host then skips a copy (gl-stream.h). */
	if (wl_proxy_get_version((struct wl_proxy *)s->wrapper) >= 2)
		op.flags |= GL_SWAP_BOTTOM_UP_OK;
	return ge_stream_op_blob(e, GL_OP_SWAP, &op, sizeof(op), rects,
	                         n * (uint32_t)sizeof(struct gl_rect)) &&
	       ge_stream_flush(e);
}

static void commit(struct ge_surface *s, struct ge_frame_buffer *b, const int32_t *rects,
                   uint32_t n)
{
	wl_surface_attach(s->wrapper, b->buffer, s->dx, s->dy);
	s->dx = s->dy = 0;
	if (s->win) {
		s->win->attached_width = b->width;
		s->win->attached_height = b->height;
	}
	if (wl_proxy_get_version((struct wl_proxy *)s->wrapper) >=
	    WL_SURFACE_DAMAGE_BUFFER_SINCE_VERSION) {
		for (uint32_t i = 0; i < n; i++) {
			const int32_t *r = rects + 4 * i;
			/* GL's origin is bottom left, the buffer's top left. */
			wl_surface_damage_buffer(s->wrapper, r[0], b->height - r[1] - r[3], r[2],
			                         r[3]);
		}
		if (!n)
			wl_surface_damage_buffer(s->wrapper, 0, 0, INT32_MAX, INT32_MAX);
	} else {
		wl_surface_damage(s->wrapper, 0, 0, INT32_MAX, INT32_MAX);
	}
	/* Interval 0 waits for nothing but a free buffer (get_buffer): up to
	 * GE_MAX_FRAME_BUFFERS frames in flight, as Mesa's Wayland platform. */
	if (s->swap_interval > 0) {
		s->throttle = wl_surface_frame(s->wrapper);
		wl_callback_add_listener(s->throttle, &throttle_listener, s);
	}
	wl_surface_commit(s->wrapper);
	b->busy = true;
}

/* Steps a to d; the surface is current on this thread, display unlocked. */
static bool present(struct ge_surface *s, struct ge_context *c, const EGLint *rects, EGLint n)
{
	/* The frame's commands go out before the wait, so the host renders
	 * this frame while the previous swap's throttle comes back. */
	if (s->throttle && !ge_stream_flush(c->stream))
		return false;
	while (s->throttle)
		if (wl_display_dispatch_queue(s->d->wl, s->queue) < 0)
			return false;
	struct ge_frame_buffer *b = get_buffer(s);
	if (!b)
		return false;
	/* Too many rects for one command: damage everything instead. */
	if (n > 4096)
		n = 0;
	/* Most swaps have a few rects or none: no allocation per frame. */
	int32_t local[4 * 16];
	int32_t *clipped = n <= 16 ? local : malloc((size_t)n * 16);
	if (!clipped)
		return false;
	uint32_t k = clip_rects(s, rects, n, clipped);
	if (n && !k) {
		/* Nothing inside: a pixel of damage, rather than n 0 (all). */
		int32_t none[4] = {0, 0, 1, 1};
		memcpy(clipped, none, sizeof(none));
		k = 1;
	}
	bool ok = send_swap(s, c->stream, b, clipped, k);
	if (ok) {
		commit(s, b, clipped, k);
		ok = ge_display_flush_wl(s->d);
	}
	if (clipped != local)
		free(clipped);
	return ok;
}

static EGLint check(struct ge_display *d, struct ge_surface *s, struct ge_context *c,
                    const EGLint *rects, EGLint n)
{
	if (!s)
		return EGL_BAD_SURFACE;
	if (!c || c->d != d || c->draw != s)
		return EGL_BAD_SURFACE;
	if (n < 0 || (n > 0 && !rects))
		return EGL_BAD_PARAMETER;
	if (s->kind == GL_SURFACE_WINDOW && !s->win)
		return EGL_BAD_NATIVE_WINDOW;
	if (ge_display_lost(d))
		return EGL_CONTEXT_LOST;
	return EGL_SUCCESS;
}

static EGLBoolean swap(EGLDisplay dpy, EGLSurface surf, const EGLint *rects, EGLint n)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_surface *s = ge_surface_lookup(d, surf);
	struct ge_context *c = ge_current_context();
	EGLint error = check(d, s, c, rects, n);
	ge_display_unlock(d);
	if (error != EGL_SUCCESS)
		return ge_fail(error);
	if (s->kind != GL_SURFACE_WINDOW)
		return ge_ok(); /* swapping a pbuffer has no effect */

	bool ok = present(s, c, rects, n);
	pthread_mutex_lock(&d->lock);
	if (ok) {
		s->age_valid = true;
		ge_surface_sync_size(s, c->stream);
		ge_surface_free_buffers(s, false);
	} else {
		atomic_store(&d->streams.lost, true);
	}
	pthread_mutex_unlock(&d->lock);
	return ok ? ge_ok() : ge_fail(EGL_CONTEXT_LOST);
}

static EGLBoolean egl_swap_buffers(EGLDisplay dpy, EGLSurface surf)
{
	return swap(dpy, surf, NULL, 0);
}

static EGLBoolean egl_swap_buffers_with_damage(EGLDisplay dpy, EGLSurface surf, const EGLint *rects,
                                               EGLint n)
{
	return swap(dpy, surf, rects, n);
}

static EGLBoolean egl_swap_interval(EGLDisplay dpy, EGLint interval)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_context *c = ge_current_context();
	EGLint error = EGL_SUCCESS;
	if (!c || c->d != d)
		error = EGL_BAD_CONTEXT;
	else if (!c->draw)
		error = EGL_BAD_SURFACE;
	else
		c->draw->swap_interval = interval < 0 ? 0 : interval > 1 ? 1 : interval;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

const struct ge_proc ge_swap_procs[] = {
        {"eglSwapBuffers", (void *)egl_swap_buffers},
        {"eglSwapBuffersWithDamageKHR", (void *)egl_swap_buffers_with_damage},
        {"eglSwapBuffersWithDamageEXT", (void *)egl_swap_buffers_with_damage},
        {"eglSwapInterval", (void *)egl_swap_interval},
        {NULL, NULL},
};
