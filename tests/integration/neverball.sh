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
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
# Its own HOME: neverball writes its settings and replays there.
gl_app game env SDL_VIDEODRIVER=wayland HOME="$GP_TMP" "$bin"
app=$GP_LAST_PID
wait_log 30 game '^GL version: ' || fail "neverball printed no GL version $GP_GL_WHERE"
version=$(sed -n 's/^GL version: //p' "$GP_TMP/game.log" | head -1)
[[ $version == *Compatibility\ Profile* ]] ||
	fail "neverball got \"$version\" $GP_GL_WHERE, not a compatibility profile"

shown() { (($(probe "$1" distinct) >= 1000)); }
shot=$GP_TMP/shot.png
shot_until 30 "$shot" shown "$shot" || fail "neverball's title screen never showed $GP_GL_WHERE ($(probe "$shot" distinct) colours on screen)"
later=$GP_TMP/later.png
moved() { (($(probe "$1" diff "$shot") >= 1000)); }
shot_until 30 "$later" moved "$later" || fail "neverball's title screen does not move $GP_GL_WHERE"
note "neverball $GP_GL_WHERE: \"$version\", $(probe "$shot" distinct) colours on screen, $(probe "$later" diff "$shot") pixels changed between two screenshots"

[[ -n $(mesa_renderer_maps "$app") ]] || fail "neverball maps no Mesa renderer $GP_GL_WHERE: who rendered?"
if [[ $GP_GL_MODE == gpu0 ]]; then
	line='libEGL_gpupipe.* warn: .*falls back to the EGL vendor .*libEGL_mesa.*not accelerated'
	lines=$(grep -Ec "$line" "$GP_TMP/game.log" || true)
	((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines, expected one (see game.log below)"
	note "$(grep -E "$line" "$GP_TMP/game.log")"
fi
kill -TERM "$app"
expect_clean_exit game 10 "neverball after SIGTERM"
