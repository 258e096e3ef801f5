/*
 * Window surfaces on a wl_egl_window (the app's libwayland-egl; we only
 * use its backend header), made: like Mesa's Wayland platform, one private
 * event queue per surface, the app's wl_surface through a proxy wrapper on
 * it, resize_callback and destroy_window_callback hooked. What a window
 * surface holds once made is window-objects.c's.
 */
#include <stdlib.h>

#include <wayland-egl-backend.h>

#include "ge.h"
#include "gpupipe-v1-client-protocol.h"
#include "client-gl.h"
#include "surface.h"

static void resize_callback(struct wl_egl_window *win, void *data)
{
	struct ge_surface *s = data;
	pthread_mutex_lock(&s->d->lock);
	ge_window_update_size(s);
	/* Rendered by this thread: what it draws next is at the new size, as
	 * with Mesa between frames. Otherwise the size is sent at the next
	 * make-current or swap of the surface. */
	struct ge_context *c = ge_current_context();
	if (c && c->draw == s && c->d == s->d)
		ge_surface_sync_size(s, c->stream);
	pthread_mutex_unlock(&s->d->lock);
}

static void destroy_window_callback(void *data)
{
	struct ge_surface *s = data;
	pthread_mutex_lock(&s->d->lock);
	s->win = NULL;
	pthread_mutex_unlock(&s->d->lock);
}

static void *wrap(void *proxy, struct wl_event_queue *queue)
{
	void *w = wl_proxy_create_wrapper(proxy);
	if (w)
		wl_proxy_set_queue(w, queue);
	return w;
}

static bool wayland_init(struct ge_surface *s, struct wl_egl_window *win)
{
	struct ge_display *d = s->d;
	s->queue = wl_display_create_queue(d->wl);
	if (!s->queue)
		return false;
	s->wrapper = wrap(win->surface, s->queue);
	s->gpupipe = wrap(d->gpupipe, s->queue);
	s->wl_wrapper = wrap(d->wl, s->queue);
	return s->wrapper && s->gpupipe && s->wl_wrapper;
}

static EGLint window_attribs(const void *list, bool wide)
{
	for (size_t i = 0; list && ge_attrib_at(list, wide, i) != EGL_NONE; i += 2) {
		EGLAttrib a = ge_attrib_at(list, wide, i), v = ge_attrib_at(list, wide, i + 1);
		switch (a) {
		case EGL_RENDER_BUFFER:
			/* EGL_SINGLE_BUFFER is a hint; we render to a back buffer. */
			if (v != EGL_BACK_BUFFER && v != EGL_SINGLE_BUFFER)
				return ge_refuse(EGL_BAD_ATTRIBUTE,
				                 "eglCreateWindowSurface: EGL_RENDER_BUFFER 0x%lx",
				                 (long)v);
			break;
		case EGL_GL_COLORSPACE:
			if (v != EGL_GL_COLORSPACE_LINEAR)
				return ge_refuse(
				        v == EGL_GL_COLORSPACE_SRGB ? EGL_BAD_MATCH
				                                    : EGL_BAD_ATTRIBUTE,
				        "eglCreateWindowSurface: EGL_GL_COLORSPACE 0x%lx: only "
				        "linear",
				        (long)v);
			break;
		case EGL_VG_ALPHA_FORMAT:
		case EGL_VG_COLORSPACE:
			break;
		default:
			return ge_refuse(EGL_BAD_ATTRIBUTE,
			                 "eglCreateWindowSurface: attribute 0x%lx is not accepted",
			                 (long)a);
		}
	}
	return EGL_SUCCESS;
}

static EGLint check(struct ge_display *d, const struct ge_config *cfg, struct wl_egl_window *win,
                    const void *attribs, bool wide)
{
	if (!cfg)
		return ge_refuse(EGL_BAD_CONFIG, "eglCreateWindowSurface: not a config");
	if (!(cfg->surface_type & EGL_WINDOW_BIT))
		return ge_refuse(EGL_BAD_MATCH,
		                 "eglCreateWindowSurface: config %d has no EGL_WINDOW_BIT "
		                 "(R%dG%dB%dA%d is not a wl_shm format)",
		                 cfg->config_id, cfg->red, cfg->green, cfg->blue, cfg->alpha);
	/* Before version 3 the struct started with the wl_surface pointer. */
	if (!win || win->version < 3 || win->version > 0xffff || !win->surface)
		return ge_refuse(EGL_BAD_NATIVE_WINDOW,
		                 "eglCreateWindowSurface: %p is not a wl_egl_window", (void *)win);
	if (win->driver_private)
		return ge_refuse(EGL_BAD_ALLOC,
		                 "eglCreateWindowSurface: the wl_egl_window has a surface already");
	if (ge_display_lost(d))
		return ge_refuse(EGL_CONTEXT_LOST, "eglCreateWindowSurface: the GL link is lost");
	return window_attribs(attribs, wide);
}

static struct ge_surface *create(struct ge_display *d, const struct ge_config *cfg,
                                 struct wl_egl_window *win, EGLint *error)
{
	struct ge_surface *s = calloc(1, sizeof(*s));
	if (!s) {
		*error = ge_refuse(EGL_BAD_ALLOC, "eglCreateWindowSurface: out of memory");
		return NULL;
	}
	s->d = d;
	s->config = cfg;
	s->kind = GL_SURFACE_WINDOW;
	s->swap_behavior = EGL_BUFFER_DESTROYED;
	s->swap_interval = 1;
	s->win = win;
	ge_window_update_size(s);
	s->host_width = s->width;
	s->host_height = s->height;
	s->handle = ge_display_new_handle(d);
	*error = wayland_init(s, win) ? ge_surface_create_on_host(d, s) : EGL_BAD_ALLOC;
	if (*error != EGL_SUCCESS) {
		ge_refuse(*error, "eglCreateWindowSurface: %dx%d refused by the host or Wayland",
		          s->width, s->height);
		s->win = NULL;
		ge_window_finish(s);
		free(s);
		return NULL;
	}
	win->driver_private = s;
	win->resize_callback = resize_callback;
	win->destroy_window_callback = destroy_window_callback;
	wl_list_insert(&d->surfaces, &s->link);
	return s;
}

static EGLSurface create_window(EGLDisplay dpy, EGLConfig config, void *native, const void *attribs,
                                bool wide)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SURFACE;
	const struct ge_config *cfg = ge_display_config(d, config);
	struct ge_surface *s = NULL;
	EGLint error = check(d, cfg, native, attribs, wide);
	if (error == EGL_SUCCESS)
		s = create(d, cfg, native, &error);
	ge_display_unlock(d);
	ge_set_error(error);
	return s ? (EGLSurface)s : EGL_NO_SURFACE;
}

static EGLSurface create_window_surface(EGLDisplay dpy, EGLConfig config, EGLNativeWindowType win,
                                        const EGLint *attribs)
{
	return create_window(dpy, config, (void *)win, attribs, false);
}

static EGLSurface create_platform_window_surface(EGLDisplay dpy, EGLConfig config, void *win,
                                                 const EGLAttrib *attribs)
{
	return create_window(dpy, config, win, attribs, true);
}

static EGLSurface create_platform_window_surface_ext(EGLDisplay dpy, EGLConfig config, void *win,
                                                     const EGLint *attribs)
{
	return create_window(dpy, config, win, attribs, false);
}

const struct ge_proc ge_window_procs[] = {
        {"eglCreateWindowSurface", (void *)create_window_surface},
        {"eglCreatePlatformWindowSurface", (void *)create_platform_window_surface},
        {"eglCreatePlatformWindowSurfaceEXT", (void *)create_platform_window_surface_ext},
        {NULL, NULL},
};
