#!/bin/bash
# SDL2's testgl2 (a spinning cube in a compatibility-profile OpenGL context: immediate mode,
# glOrtho, smooth shading) on headless sway, with gpupipe's EGL vendor and Mesa's after it as
# `meson install` leaves them (GP_GL_MODE=native: directly on sway, the baseline). Through
# gpu-0 the link process draws it: gpupipe's GL_VERSION, its shaded cube in the compositor's
# screenshot turning from one screenshot to the next, no Mesa renderer mapped in the app.
# With GP_GL_EXPECT=fallback (sdl2-testgl2-fallback.sh) the host leaves the compatibility
# profile out and the display falls back to Mesa in the app, with one log line.
# (On headless weston SDL 2.26 crashes in its own Wayland set-up, natively too: sway it is.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_SDL2_TESTGL2:-/usr/libexec/installed-tests/SDL2/testgl2}
[[ -x $bin ]] || skip "SDL2's testgl2 is not installed (libsdl2-tests; tools/install-deps installs it)"

start_sway
if [[ $GP_GL_MODE == gpu0 ]]; then
	if [[ ${GP_GL_EXPECT:-streamed} == fallback ]]; then
		start_gpupipe --gl-apis es1,core
	else
		start_gpupipe
	fi
fi
gl_compat_app testgl2 's/^INFO: Version *: //p' 200 env SDL_VIDEODRIVER=wayland "$bin" --info render
