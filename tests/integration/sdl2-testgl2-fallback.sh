#!/bin/bash
# Never worse than without gpupipe: a host that leaves the compatibility profile out
# (gpupipe-host --gl-apis es1,core) still offers desktop OpenGL configs, so SDL2's testgl2
# chooses an EGL_OPENGL_BIT config and makes its window surface through gpupipe before it
# asks for its compatibility context, which gpupipe cannot stream there: the display falls
# back to Mesa in the app (proxy/egl/fallback.c, the surface carried over), the cube shows
# and turns, Mesa's renderer is mapped in the app, and libEGL_gpupipe says once why.
GP_GL_EXPECT=fallback
# shellcheck source=sdl2-testgl2.sh
. "$(dirname "$0")/sdl2-testgl2.sh"
