/*
 * The Wayland window and EGL set-up shared by the GL test clients (gl-patterns, gl-es3-app):
 * one wl_display with wl_compositor and xdg_wm_base, EGL on the Wayland platform, 8-bit RGBA
 * configs with a depth buffer, xdg_toplevel windows with an EGL window surface, and a hold
 * loop that keeps the last frame on screen until SIGTERM or SIGINT.
 *
 * Messages go to stderr prefixed with the program's name (gp_app.name); "info: ..." lines
 * about EGL and GL go to stdout, where the tests read them.
 */
#ifndef GL_WINDOW_H
#define GL_WINDOW_H

#include <stdbool.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

struct gp_app {
	const char *name; /* for messages */
	struct wl_display *display;
	struct wl_registry *registry;
	struct wl_compositor *compositor;
	struct xdg_wm_base *wm_base;
	EGLDisplay egl;
	/* NULL when the display has none renderable with the API asked for. */
	EGLConfig window_config, pbuffer_config;
	bool buffer_age;
	int sigfd; /* SIGTERM and SIGINT, readable */
};

struct gp_window {
	struct wl_surface *surface;
	struct xdg_surface *xdg_surface;
	struct xdg_toplevel *toplevel;
	struct wl_egl_window *native;
	EGLSurface egl_surface;
	bool configured, closed;
};

/* Blocks SIGTERM and SIGINT (they become readable on app->sigfd; call this before any thread
 * exists, so that every thread inherits the mask), connects to $WAYLAND_DISPLAY, initialises
 * EGL and picks a window and a pbuffer config renderable with `renderable`
 * (EGL_OPENGL_ES2_BIT, EGL_OPENGL_ES3_BIT, ...), which stay NULL when there is none. false,
 * with a message, when the display or EGL cannot be set up. */
bool gp_app_init(struct gp_app *app, const char *name, EGLint renderable);
/* An OpenGL ES context of version major.minor (minor 0: only EGL_CONTEXT_CLIENT_VERSION is
 * given, as ES 2 apps do); EGL_NO_CONTEXT with a message on failure. */
EGLContext gp_app_create_context(struct gp_app *app, EGLConfig config, int major, int minor);
/* A poll: SIGTERM or SIGINT came. */
bool gp_app_signalled(struct gp_app *app);
/* Keeps the window on screen until SIGTERM, SIGINT, a close or the connection's end. */
void gp_app_hold(struct gp_app *app, struct gp_window *w);
EGLDisplay gp_app_egl_display(struct gp_app *app);
EGLConfig gp_app_egl_config(struct gp_app *app, bool pbuffer);

/* An xdg_toplevel of width x height (the size is ours: a floating window) with an EGL
 * window surface of the app's window config; NULL with a message on failure. */
struct gp_window *gp_window_create(struct gp_app *app, int width, int height, const char *title);
void gp_window_destroy(struct gp_app *app, struct gp_window *w);
EGLSurface gp_window_egl_surface(struct gp_window *w);

/* Prints "info: GL_VENDOR ...", GL_RENDERER, GL_VERSION, GL_SHADING_LANGUAGE_VERSION and
 * GL_EXTENSIONS of the current context. */
void gp_print_gl_info(void);
const char *gp_egl_error_name(EGLint error);

#endif
