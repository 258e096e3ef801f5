/* Between surface.c, window.c and swap.c. */
#ifndef GE_SURFACE_H
#define GE_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

#include "ge.h"

/* Element i of an EGLint (wide false) or EGLAttrib (wide true) list. */
EGLAttrib ge_attrib_at(const void *list, bool wide, size_t i);
/* GL_OP_CREATE_SURFACE on the display stream; the host's EGL error. */
EGLint ge_surface_create_on_host(struct ge_display *d, struct ge_surface *s);

/* window.c */
EGLSurface ge_create_window_surface(EGLDisplay dpy, EGLConfig config, EGLNativeWindowType win,
                                    const EGLint *attribs);
EGLSurface ge_create_platform_window_surface(EGLDisplay dpy, EGLConfig config, void *win,
                                             const EGLAttrib *attribs);
EGLSurface ge_create_platform_window_surface_ext(EGLDisplay dpy, EGLConfig config, void *win,
                                                 const EGLint *attribs);
/* Reads the wl_egl_window's size into what eglQuerySurface says. */
void ge_window_update_size(struct ge_surface *s);
/* Lets go of the wl_egl_window and every Wayland object of the surface. */
void ge_window_finish(struct ge_surface *s);

#endif
