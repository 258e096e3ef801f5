#!/bin/bash
# weston-simple-shm directly on headless weston: its 250x250 window (a 20-pixel white frame
# around a many-coloured pattern) is on screen. Checks the harness and png-probe.py.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_native_app shm weston-simple-shm
shot=$GP_TMP/shot.png
shot_until 20 "$shot" shows_window "$shot" || fail "no window appeared"

box=$(probe "$shot" bbox ffffff) || fail "no white pixels: the frame is missing"
read -r x y w h <<<"$box"
[[ $w == 250 && $h == 250 ]] || fail "white frame is ${w}x$h at $x,$y, expected 250x250"
[[ $(probe "$shot" bbox-not "$GP_BG") == "$box" ]] ||
	fail "something besides the window is on screen: $(probe "$shot" bbox-not "$GP_BG")"
colours=$(probe "$shot" distinct --rect "$((x + 20)),$((y + 20)),210,210")
((colours >= 50)) || fail "the pattern has $colours colours, expected at least 50"
note "window ${w}x$h at $x,$y with $colours colours inside"
