#!/bin/bash
# Two GL apps through gpu-0; es2gears_wayland, which swaps continuously, is killed with
# SIGKILL mid-frame (its GL stream and Wayland connection cut at any byte). Its window goes
# away; gpupipe-host's link process for it exits and is reaped while the host keeps running;
# the other app (weston-simple-egl) keeps its link and keeps updating on screen.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd es2gears_wayland weston-simple-egl
gl_setup
shot=$GP_TMP/shot.png
gl_app triangle weston-simple-egl
shot_until 30 "$shot" triangle_shown "$shot" || fail "weston-simple-egl's window never appeared"
one_link() { (($(children_of "$GP_HOST_PID" | wc -l) == 1)); }
wait_for 10 one_link || fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 1"
survivor_link=$(children_of "$GP_HOST_PID")

gl_app gears es2gears_wayland
victim=$GP_LAST_PID
two_links() { (($(children_of "$GP_HOST_PID" | wc -l) == 2)); }
wait_for 10 two_links || fail "gpupipe-host never started a second link process"
victim_link=$(children_of "$GP_HOST_PID" | grep -vx "$survivor_link")
shot_until 30 "$shot" gears_shown "$shot" || fail "es2gears' gears never appeared"
note "link $survivor_link serves weston-simple-egl, $victim_link es2gears"

kill -KILL "$victim"
wait "$victim" 2>/dev/null || true
reaped() { [[ ! -e /proc/$1 ]]; }
if ! wait_for 10 reaped "$victim_link"; then
	is_running "$victim_link" && fail "the dead app's link process $victim_link still runs"
	fail "the dead app's link process $victim_link is a zombie: gpupipe-host never reaped it"
fi
is_running "$GP_HOST_PID" || fail "gpupipe-host exited when the GL app was killed"
is_running "$survivor_link" || fail "the other app's link process $survivor_link exited"
is_running "$GP_PROXY_PID" || fail "gpupipe-proxy exited when the GL app was killed"

shot_until 10 "$shot" gears_gone "$shot" || fail "the dead app's window stayed on screen"
box=$(triangle_box "$shot") || fail "weston-simple-egl's window is gone"
read -r tx ty _ _ <<<"$box"
cp "$shot" "$GP_TMP/after-kill.png"
moved() { (($(probe "$shot" diff "$GP_TMP/after-kill.png" --rect "$tx,$ty,250,250") > 100)); }
shot_until 10 "$shot" moved || fail "weston-simple-egl stopped updating after the other app was killed"
is_running "$(pid_of triangle)" || fail "weston-simple-egl exited"
