/*
 * The desktop OpenGL check apps' set-up and tear-down (gl-checks-desktop.c): a surfaceless
 * context of the version and profile an app checks, on the Wayland display the environment
 * names, drawing into a framebuffer object of its own. What differs between the apps is their
 * checks; this is the rest, written once.
 */
#ifndef GL_CHECKS_DESKTOP_H
#define GL_CHECKS_DESKTOP_H
#include <stdbool.h>

#include <EGL/egl.h>
#include <wayland-client.h>

struct gc_desktop {
	struct wl_display *wl;
	EGLDisplay dpy;
	EGLContext ctx;
};

/* Connects to the Wayland display, makes a desktop OpenGL context of `profile`
 * (EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT or _COMPATIBILITY_PROFILE_BIT) and version
 * major.minor (major 0: none asked, the highest there is, as old apps ask) current without a
 * surface, and prints its GL_VERSION and GL_RENDERER as info lines. False after a "FAIL
 * setup" or "SKIP setup" line, with *status the app's exit status (1 or 77). */
bool gc_desktop_open(struct gc_desktop *d, EGLint profile, int major, int minor, int *status);

/* The check `check` ("profile"): GL_CONTEXT_PROFILE_MASK, read as an integer, a 64-bit
 * integer and a boolean, is the bit of `profile` (an EGL profile bit, as for
 * gc_desktop_open), with no error, in a context of OpenGL 3.2 or later (SKIP below: the
 * query came with 3.2). Qt reads it to know the context it got. */
void gc_desktop_check_profile(const char *check, EGLint profile);

/* A framebuffer of one size x size GL_RGBA8 renderbuffer, bound for drawing and reading,
 * with the viewport on it: its name. */
unsigned gc_desktop_framebuffer(int size);

/* Releases the context, closes the display and prints "done": the app's exit status (1 when
 * a check printed a FAIL line, else 0). */
int gc_desktop_close(struct gc_desktop *d);
#endif
