/*
 * gl-sync-order: checks the promise of wl_display.sync that gpupipe-proxy must keep when it
 * answers syncs itself (proxy/sync.c): when a roundtrip returns, every event the compositor
 * sent in response to the requests before it has arrived.
 *
 * An xdg_toplevel with an EGL window surface (swap interval 0) makes FRAMES frames, each a
 * glClear, eglSwapBuffers and wl_display_roundtrip (glmark2's loop, whose roundtrips
 * gpupipe-proxy answers itself) and a wl_surface.frame right after, and halfway binds wl_output
 * (and wl_seat, where the compositor has one) and makes a roundtrip: the output's geometry, mode
 * and done (and the seat's capabilities) must all have arrived when it returns (the proxy must have
 * relayed that sync). Prints "ok" and exits 0, or says what was missing and exits 1. The same
 * client runs natively with Mesa, so the check is of the protocol, not of gpupipe's way.
 */
#include <stdio.h>
#include <string.h>

#include <GLES2/gl2.h>
#include <wayland-client.h>

#include "gl-window.h"

#define FRAMES 200

struct late {
	uint32_t output_name, seat_name;
	/* What arrived from the output and the seat bound late. */
	bool geometry, mode, output_done, capabilities;
};

static void global_added(void *data, struct wl_registry *registry, uint32_t name,
                         const char *interface, uint32_t version)
{
	struct late *s = data;
	if (!strcmp(interface, wl_output_interface.name) && version >= 2 && !s->output_name)
		s->output_name = name;
	else if (!strcmp(interface, wl_seat_interface.name) && !s->seat_name)
		s->seat_name = name;
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global_added, global_removed};

static void output_geometry(void *data, struct wl_output *o, int32_t x, int32_t y, int32_t pw,
                            int32_t ph, int32_t subpixel, const char *make, const char *model,
                            int32_t transform)
{
	((struct late *)data)->geometry = true;
}

static void output_mode(void *data, struct wl_output *o, uint32_t flags, int32_t w, int32_t h,
                        int32_t refresh)
{
	((struct late *)data)->mode = true;
}

static void output_done(void *data, struct wl_output *o)
{
	((struct late *)data)->output_done = true;
}

static void output_scale(void *data, struct wl_output *o, int32_t factor)
{
}

static const struct wl_output_listener output_listener = {
        .geometry = output_geometry,
        .mode = output_mode,
        .done = output_done,
        .scale = output_scale,
};

static void seat_capabilities(void *data, struct wl_seat *seat, uint32_t caps)
{
	((struct late *)data)->capabilities = true;
}

static void seat_name(void *data, struct wl_seat *seat, const char *name)
{
}

static const struct wl_seat_listener seat_listener = {
        .capabilities = seat_capabilities,
        .name = seat_name,
};

static int fail(const char *why)
{
	fprintf(stderr, "gl-sync-order: %s\n", why);
	return 1;
}

/* Binds wl_output (and wl_seat) and makes one roundtrip: their events must be in. */
static int bind_late(struct wl_display *display, struct wl_registry *registry, struct late *s)
{
	struct wl_output *output =
	        wl_registry_bind(registry, s->output_name, &wl_output_interface, 2);
	wl_output_add_listener(output, &output_listener, s);
	if (s->seat_name) {
		struct wl_seat *seat =
		        wl_registry_bind(registry, s->seat_name, &wl_seat_interface, 1);
		wl_seat_add_listener(seat, &seat_listener, s);
	}
	if (wl_display_roundtrip(display) < 0)
		return fail("the roundtrip after the binds failed");
	if (!s->geometry || !s->mode || !s->output_done)
		return fail("the roundtrip after binding wl_output returned before its geometry, "
		            "mode and done");
	if (s->seat_name && !s->capabilities)
		return fail("the roundtrip after binding wl_seat returned before its capabilities");
	return 0;
}

int main(void)
{
	struct gp_app app;
	if (!gp_app_init(&app, "gl-sync-order", EGL_OPENGL_ES2_BIT) || !app.window_config)
		return fail("no EGL window config for OpenGL ES 2");
	struct late s = {0};
	struct wl_registry *registry = wl_display_get_registry(app.display);
	wl_registry_add_listener(registry, &registry_listener, &s);
	if (wl_display_roundtrip(app.display) < 0 || !s.output_name)
		return fail("the compositor has no wl_output of version 2");
	struct gp_window *w = gp_window_create(&app, 64, 64, "gl-sync-order");
	EGLContext ctx = w ? gp_app_create_context(&app, app.window_config, 2, 0) : EGL_NO_CONTEXT;
	if (ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(app.egl, gp_window_egl_surface(w), gp_window_egl_surface(w), ctx))
		return fail("cannot make a window and a context current");
	eglSwapInterval(app.egl, 0);
	for (int frame = 0; frame < FRAMES; frame++) {
		glClearColor((float)(frame % 2), 0.5f, 0.25f, 1.0f);
		glClear(GL_COLOR_BUFFER_BIT);
		if (!eglSwapBuffers(app.egl, gp_window_egl_surface(w)))
			return fail("eglSwapBuffers failed");
		if (wl_display_roundtrip(app.display) < 0)
			return fail("a frame's roundtrip failed");
		/* A new object right after a roundtrip gpupipe-proxy answered: its id
		 * follows the sync callback's, on the host too (which keeps ids dense). */
		wl_callback_destroy(wl_surface_frame(w->surface));
		if (frame == FRAMES / 2 && bind_late(app.display, registry, &s))
			return 1;
	}
	printf("ok\n");
	return 0;
}
