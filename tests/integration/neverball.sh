#!/bin/bash
# Neverball (an SDL2 game on a compatibility-profile OpenGL context: its title screen is a
# textured, lit level replaying a demo behind the menu) on headless sway, with gpupipe's EGL
# vendor and Mesa's after it as `meson install` leaves them (GP_GL_MODE=native: directly on
# sway, the baseline). gpupipe does not stream desktop OpenGL yet, so through gpu-0 the
# display falls back to Mesa in the app (proxy/egl/fallback.c): the game gets Mesa's
# compatibility context as it would without gpupipe, its title screen shows in the
# compositor's screenshot and moves, Mesa's renderer is mapped in the game, and
# libEGL_gpupipe says once why it is not accelerated.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_NEVERBALL:-/usr/games/neverball}
[[ -x $bin ]] || skip "neverball is not installed (tools/install-deps installs it)"

start_sway
[[ $GP_GL_MODE == gpu0 ]] && start_gpupipe
# Its own HOME: neverball writes its settings and replays there.
gl_fallback_app neverball 's/^GL version: //p' 1000 env SDL_VIDEODRIVER=wayland HOME="$GP_TMP" "$bin"
