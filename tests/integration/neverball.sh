#!/bin/bash
# Neverball (an SDL2 game on a compatibility-profile OpenGL context: its title screen is a
# textured, lit level replaying a demo behind the menu) on headless sway, with gpupipe's EGL
# vendor and Mesa's after it as `meson install` leaves them (GP_GL_MODE=native: directly on
# sway, the baseline). Through gpu-0 the link process draws it: gpupipe's GL_VERSION, the
# title screen in the compositor's screenshot, moving, no Mesa renderer mapped in the game.
# Neverball checks the classic extensions (ARB_multitexture, ARB_vertex_buffer_object,
# ARB_point_parameters) in GL_EXTENSIONS and tears down and makes its EGL set-up again.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_NEVERBALL:-/usr/games/neverball}
[[ -x $bin ]] || skip "neverball is not installed (tools/install-deps installs it)"

# Anisotropic filtering off: Mesa 22.3's llvmpipe walks every texel of its footprint with no
# bound, and the title screen's camera now and then shows a texture that holds a frame for
# seconds to minutes (README, "Limits, honestly"); the same driver renders the native twin.
# Neverball keeps its other defaults.
mkdir -p "$GP_TMP/.neverball"
printf 'aniso 0\n' >"$GP_TMP/.neverball/neverballrc"
start_sway
[[ $GP_GL_MODE == gpu0 ]] && start_gpupipe
# Its own HOME: neverball writes its settings and replays there.
gl_compat_app neverball 's/^GL version: //p' 1000 env SDL_VIDEODRIVER=wayland HOME="$GP_TMP" "$bin"
