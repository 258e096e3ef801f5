#!/bin/bash
# eglTerminate then eglInitialize, five times on one wl_display (as SDL does), each cycle
# drawing a frame of its own colour into a new context and window surface and ending another
# way (objects destroyed first, left to eglTerminate, eglTerminate while current), then a
# final frame of 0x33cc99 (tests/gl/gl-reinit.c). Every cycle reads back its colour, the
# final frame fills the window in the host compositor's screenshot, and the app's Wayland
# connection is still up afterwards. Through gpu-0 also: gpupipe-host bound gpupipe_v1 once
# per initialisation and never ended the link, and the library's log (GPUPIPE_LOG=info) said
# why it refused the OpenVG config and the unknown context attribute the app asked for.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_REINIT:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-reinit) ||
	skip "gl-reinit is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"

gl_setup
gl_app reinit "$bin"
wait_log 60 reinit '^held$' || fail "gl-reinit never showed its final frame"
no_fail_lines reinit || fail "gl-reinit's own checks failed $GP_GL_WHERE"
cycles=$(grep -c '^cycle [0-9] ok$' "$GP_TMP/reinit.log" || true)
((cycles == 5)) || fail "$cycles of 5 terminate/initialize cycles worked"
log_has reinit '^final 33cc99$' || fail "no final frame after a Wayland round trip"
gl_expect_renderer reinit

# 160x120 of the final colour; no other window on screen.
final_shown() { has_colour "$1" 33cc99 $((160 * 120)) --tol 2; }
shot=$GP_TMP/shot.png
shot_until 20 "$shot" final_shown "$shot" ||
	fail "the screenshot does not show the final frame (0x33cc99 pixels: $(probe "$shot" count 33cc99 --tol 2))"

if [[ $GP_GL_MODE == gpu0 ]]; then
	host_log=$GP_TMP/gpupipe-host.log
	binds=$(grep -c 'GL frames go to the compositor as' "$host_log" || true)
	((binds == 6)) || fail "gpupipe_v1 was bound $binds times, expected once per eglInitialize (6)"
	if grep -E 'closing link|link ends|bound twice' "$host_log" >&2; then
		fail "gpupipe-host ended the link"
	fi
	is_running "$GP_PROXY_PID" || fail "gpupipe-proxy is gone"
	grep -q 'eglChooseConfig: no config with EGL_RENDERABLE_TYPE 0x2' "$GP_TMP/reinit.log" ||
		fail "the library did not say why the OpenVG config was refused"
	grep -q 'eglCreateContext: attribute 0x1234 is not accepted' "$GP_TMP/reinit.log" ||
		fail "the library did not say why the context was refused"
fi
kill -TERM "$(pid_of reinit)"
expect_clean_exit reinit 10 "gl-reinit after SIGTERM"
