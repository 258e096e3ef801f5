#!/bin/bash
# weston-eventdemo through gpu-0 on headless sway: a click from `swaymsg seat seat0 cursor` and a
# key from wtype both arrive, at the place and with the key that were sent.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd weston-eventdemo stdbuf
start_sway
start_gpupipe
start_app eventdemo stdbuf -oL weston-eventdemo --log-button --log-key
shot=$GP_TMP/shot.png
shot_until 20 "$shot" shows_window "$shot" || fail "no window appeared"

log=$GP_TMP/eventdemo.log
sway_click 300 200
wait_for 10 grep -q 'button: 272, state: released' "$log" || fail "the click never arrived"
grep -q 'button: 272, state: pressed, x: 300, y: 200' "$log" ||
	fail "the press arrived elsewhere: $(grep 'button:' "$log" | head -1)"

sway_type q
wait_for 10 grep -q 'unicode: 113, state: released' "$log" || fail "the key never arrived"
grep -q 'unicode: 113, state: pressed' "$log" || fail "the key's press was lost, only its release arrived"
