/*
 * gl-desktop-app's core-profile scene (gl-desktop-core.c), for --core-only.
 */
#ifndef GP_GL_DESKTOP_CORE_H
#define GP_GL_DESKTOP_CORE_H

#include <stdbool.h>

#include <EGL/egl.h>

#include "gl-window.h"

/* The window size and clear colour of every gl-desktop-app frame. */
#define GP_DESKTOP_SIZE 256
#define GP_DESKTOP_CLEAR 0x102040

/* A core context of major.minor alone (a compute part from 4.3 on), as a core-profile app
 * asks for one, drawing the scene of gl-desktop-core.c for 3 frames, then holding the window. 0
 * when every check passed, 1 when one failed, 2 when there is no such context. */
int gp_desktop_core_only(struct gp_app *app, int major, int minor);

#endif
