/*
 * What a window surface holds on the app's side once made (window.c makes
 * it): its size, read from the wl_egl_window at make-current, query, swap
 * and resize; its frame buffers (swap.c fills them); and its Wayland
 * objects, let go of at its end. Below the entry points that use them
 * (surface.c, swap.c, window.c), it calls none of them.
 */
#include <string.h>

#include <wayland-egl-backend.h>

#include "client-gl.h"
#include "ge.h"
#include "gpupipe-v1-client-protocol.h"
#include "surface.h"

static int32_t clamp_size(int v, uint32_t max)
{
	if (v < 1)
		return 1;
	return (uint32_t)v > max ? (int32_t)max : v;
}

void ge_window_update_size(struct ge_surface *s)
{
	if (!s->win)
		return;
	s->width = clamp_size(s->win->width, s->d->host.max_width);
	s->height = clamp_size(s->win->height, s->d->host.max_height);
}

void ge_surface_sync_size(struct ge_surface *s, struct gl_enc *e)
{
	if (s->kind != GL_SURFACE_WINDOW || !s->win)
		return;
	ge_window_update_size(s);
	if (s->width == s->host_width && s->height == s->host_height)
		return;
	struct gl_op_resize_surface op = {
	        .handle = s->handle,
	        .width = (uint32_t)s->width,
	        .height = (uint32_t)s->height,
	};
	ge_stream_op(e, GL_OP_RESIZE_SURFACE, &op, sizeof(op));
	s->host_width = s->width;
	s->host_height = s->height;
	/* As Mesa: the offset given with a resize moves the next attach. */
	s->dx = s->win->dx;
	s->dy = s->win->dy;
	s->age_valid = false;
}

void ge_surface_free_buffers(struct ge_surface *s, bool all)
{
	for (int i = 0; i < GE_MAX_FRAME_BUFFERS; i++) {
		struct ge_frame_buffer *b = &s->bufs[i];
		bool stale = b->width != s->host_width || b->height != s->host_height;
		if (b->buffer && (all || (stale && !b->busy))) {
			wl_buffer_destroy(b->buffer);
			memset(b, 0, sizeof(*b));
		}
	}
}

void ge_window_finish(struct ge_surface *s)
{
	if (s->win) {
		s->win->driver_private = NULL;
		s->win->resize_callback = NULL;
		s->win->destroy_window_callback = NULL;
		s->win = NULL;
	}
	ge_surface_free_buffers(s, true);
	if (s->throttle)
		wl_callback_destroy(s->throttle);
	s->throttle = NULL;
	if (s->wrapper)
		wl_proxy_wrapper_destroy(s->wrapper);
	if (s->gpupipe)
		wl_proxy_wrapper_destroy(s->gpupipe);
	if (s->wl_wrapper)
		wl_proxy_wrapper_destroy(s->wl_wrapper);
	if (s->queue)
		wl_event_queue_destroy(s->queue);
	s->wrapper = NULL;
	s->gpupipe = NULL;
	s->wl_wrapper = NULL;
	s->queue = NULL;
}
