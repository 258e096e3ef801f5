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
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_app sdl env SDL_VIDEODRIVER=wayland "$bin" --info render
app=$GP_LAST_PID
wait_log 30 sdl '^INFO: Version +: ' || fail "testgl2 printed no GL version $GP_GL_WHERE"
version=$(sed -n 's/^INFO: Version *: //p' "$GP_TMP/sdl.log" | head -1)
[[ $version == *Compatibility\ Profile* ]] ||
	fail "testgl2 got \"$version\" $GP_GL_WHERE, not a compatibility profile"

# The cube: smoothly shaded faces over black, many colours, moving.
cube_shown() { (($(probe "$1" distinct) >= 200)); }
shot=$GP_TMP/shot.png
shot_until 20 "$shot" cube_shown "$shot" || fail "testgl2's shaded cube never showed $GP_GL_WHERE ($(probe "$shot" distinct) colours on screen)"
later=$GP_TMP/later.png
turned() { (($(probe "$1" diff "$shot") >= 1000)); }
shot_until 20 "$later" turned "$later" || fail "testgl2's cube does not turn $GP_GL_WHERE"
note "testgl2 $GP_GL_WHERE: \"$version\", $(probe "$shot" distinct) colours on screen, $(probe "$later" diff "$shot") pixels changed between two screenshots"

[[ -n $(mesa_renderer_maps "$app") ]] || fail "testgl2 maps no Mesa renderer $GP_GL_WHERE: who rendered?"
if [[ $GP_GL_MODE == gpu0 ]]; then
	line='libEGL_gpupipe.* warn: .*falls back to the EGL vendor .*libEGL_mesa.*not accelerated'
	lines=$(grep -Ec "$line" "$GP_TMP/sdl.log" || true)
	((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines, expected one (see sdl.log below)"
	note "$(grep -E "$line" "$GP_TMP/sdl.log")"
fi
kill -TERM "$app"
expect_clean_exit sdl 10 "testgl2 after SIGTERM"
