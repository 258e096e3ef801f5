#!/bin/bash
# Two apps through gpu-0 on headless weston; weston-simple-shm, which commits a full frame
# every vblank, is killed with SIGKILL while it draws. Its window goes away; the other app
# (weston-simple-damage) keeps updating on screen; gpupipe-host's link process for the dead
# app exits and is reaped (no zombie) while the host itself keeps running, the proxy's
# process for it exits too, and the host's descriptor count returns to what it was before
# the dead app connected.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_gpupipe
shot=$GP_TMP/shot.png

start_app damage weston-simple-damage
shot_until 20 "$shot" has_colour "$shot" 00ff00 100 || fail "weston-simple-damage's ball never appeared"
wait_for 10 test "$(children_of "$GP_HOST_PID" | wc -l)" -eq 1 ||
	fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 1"
survivor_link=$(children_of "$GP_HOST_PID")
host_fds=$(fd_count "$GP_HOST_PID")

start_app shm weston-simple-shm
victim=$GP_LAST_PID
two_links() { (($(children_of "$GP_HOST_PID" | wc -l) == 2)); }
wait_for 10 two_links || fail "gpupipe-host never started a second link process"
victim_link=$(children_of "$GP_HOST_PID" | grep -vx "$survivor_link")
# weston-simple-shm's pattern has hundreds of colours, weston-simple-damage's window four.
many_colours() { (($(probe "$shot" distinct) >= 50)); }
shot_until 20 "$shot" many_colours || fail "weston-simple-shm's pattern never appeared"
note "host $GP_HOST_PID: link $survivor_link for weston-simple-damage," \
	"$victim_link for weston-simple-shm; $host_fds fds with one link"

kill -KILL "$victim"
# Collect it here, so that bash does not report the kill as if it were a failure.
wait "$victim" 2>/dev/null || true
# Reaped means gone from /proc altogether: a zombie still has its directory there.
reaped() { [[ ! -e /proc/$1 ]]; }
if ! wait_for 10 reaped "$victim_link"; then
	is_running "$victim_link" && fail "the dead app's link process $victim_link still runs"
	fail "the dead app's link process $victim_link is a zombie: gpupipe-host never reaped it"
fi
is_running "$GP_HOST_PID" || fail "gpupipe-host exited when the app was killed"
is_running "$survivor_link" || fail "the other app's link process $survivor_link exited"
is_running "$GP_PROXY_PID" || fail "gpupipe-proxy exited when the app was killed"
wait_for 10 test "$(children_of "$GP_PROXY_PID" | wc -l)" -eq 1 ||
	fail "gpupipe-proxy has $(children_of "$GP_PROXY_PID" | wc -l) app processes, expected 1 after the kill"
host_fds_now() { (($(fd_count "$GP_HOST_PID") == host_fds)); }
wait_for 10 host_fds_now ||
	fail "gpupipe-host has $(fd_count "$GP_HOST_PID") fds open after the link ended, $host_fds before it began"

few_colours() { (($(probe "$shot" distinct) < 50)); }
shot_until 10 "$shot" few_colours || fail "the dead app's window stayed on screen"
cp "$shot" "$GP_TMP/after-kill.png"
ball=$(probe "$shot" bbox 00ff00) || fail "the other app's ball is gone"
ball_moved() { [[ $(probe "$shot" bbox 00ff00) != "$ball" ]]; }
shot_until 10 "$shot" ball_moved || fail "the other app stopped updating after the kill (ball stuck at $ball)"
is_running "$(pid_of damage)" || fail "weston-simple-damage exited"
