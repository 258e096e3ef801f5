#!/bin/bash
# After kill -9 of gpupipe-proxy, none of its per-app processes holds gpu-0.lock (a new
# gpupipe-proxy on the same socket name starts even while an old app process still exists,
# stopped) and each of them ends with it: the app is told why and loses its connection. The
# new proxy replaces the stale socket and serves a new app.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_gpupipe
start_app first weston-simple-shm
first=$GP_LAST_PID
shot=$GP_TMP/shot.png
white() { has_colour "$shot" ffffff 1000; }
no_white() { ! has_colour "$shot" ffffff 1; }
shot_until 20 "$shot" white || fail "the first app's window never appeared"

mapfile -t children < <(children_of "$GP_PROXY_PID")
((${#children[@]} == 1)) || fail "expected 1 app process under gpupipe-proxy, found ${#children[@]}"
child=${children[0]}
# Stopped, the app process cannot end yet: the lock must already be free without that.
kill -STOP "$child"
kill -KILL "$GP_PROXY_PID"
wait "$GP_PROXY_PID" 2>/dev/null || true

spawn gpupipe-proxy-2 env XDG_RUNTIME_DIR="$GP_APP_DIR" \
	"$(gpupipe_bin proxy)" --no-fd-passing --connect "$GP_LINK_ADDR"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -q "serving $GP_APP_DIR/gpu-0" \
	"$GP_TMP/gpupipe-proxy-2.log" ||
	fail "the new gpupipe-proxy did not start while the old app process existed"
is_running "$child" || fail "the stopped app process is gone: the check above proved nothing"

kill -CONT "$child"
wait_for 10 is_gone "$child" ||
	fail "the app process $(describe_pid "$child") outlived its killed gpupipe-proxy"
grep -qF "[gpupipe-proxy[$child] client.c:" "$GP_TMP/gpupipe-proxy.log" ||
	fail "the app process left no log line"
grep -qF "closing: gpupipe-proxy's main process is gone; this app's connection ends" \
	"$GP_TMP/gpupipe-proxy.log" || fail "the app process did not say why it ended"
wait_for 10 is_gone "$first" || fail "the first app kept running without its proxy"
grep -qF "gpupipe: gpupipe-proxy's main process is gone; this app's connection ends" \
	"$GP_TMP/first.log" || fail "the first app was not told why: $(cat "$GP_TMP/first.log")"
shot_until 20 "$shot" no_white || fail "the first app's window stayed on screen"

start_app second weston-simple-shm
shot_until 20 "$shot" white || fail "the second app's window never appeared"
note "the killed proxy's app process ended; a restarted proxy serves a new app"
