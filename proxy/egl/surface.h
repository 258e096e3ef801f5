/* Between surface.c, window.c, window-objects.c and swap.c. */
#ifndef GE_SURFACE_H
#define GE_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

#include "ge.h"

/* GL_OP_CREATE_SURFACE on the display stream; the host's EGL error. */
EGLint ge_surface_create_on_host(struct ge_display *d, struct ge_surface *s);

/* window-objects.c */
/* Reads the wl_egl_window's size into what eglQuerySurface says. */
void ge_window_update_size(struct ge_surface *s);
/* Lets go of the wl_egl_window and every Wayland object of the surface. */
void ge_window_finish(struct ge_surface *s);

#endif
