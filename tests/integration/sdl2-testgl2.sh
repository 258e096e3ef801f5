#!/bin/bash
# SDL2's testgl2 (a spinning cube in a compatibility-profile OpenGL context: immediate mode,
# glOrtho, smooth shading) on headless sway, with gpupipe's EGL vendor and Mesa's after it as
# `meson install` leaves them (GP_GL_MODE=native: directly on sway, the baseline). gpupipe
# does not stream desktop OpenGL yet, so through gpu-0 the display falls back to Mesa in the
# app (proxy/egl/fallback.c): the app gets a compatibility context from Mesa as it would
# without gpupipe, its shaded cube shows in the compositor's screenshot and turns from one
# screenshot to the next, Mesa's renderer is mapped in the app, and libEGL_gpupipe says once
# why it is not accelerated. (On headless weston SDL 2.26 crashes in its own Wayland set-up,
# natively too: sway it is.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_SDL2_TESTGL2:-/usr/libexec/installed-tests/SDL2/testgl2}
[[ -x $bin ]] || skip "SDL2's testgl2 is not installed (libsdl2-tests; tools/install-deps installs it)"

start_sway
[[ $GP_GL_MODE == gpu0 ]] && start_gpupipe
gl_fallback_app testgl2 's/^INFO: Version *: //p' 200 env SDL_VIDEODRIVER=wayland "$bin" --info render
