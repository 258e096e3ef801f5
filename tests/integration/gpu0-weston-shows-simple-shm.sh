#!/bin/bash
# weston-simple-shm through gpu-0 on headless weston: its 250x250 window (a 20-pixel white
# frame around a many-coloured pattern that changes every frame) appears where the window
# is, and nothing else is on screen.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_gpupipe
start_app shm weston-simple-shm
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" ffffff 1000 || fail "weston-simple-shm's white frame never appeared"

box=$(probe "$shot" bbox ffffff) || fail "no white pixels: the frame is missing"
read -r x y w h <<<"$box"
[[ $w == 250 && $h == 250 ]] || fail "white frame is ${w}x$h at $x,$y, expected 250x250"
[[ $(probe "$shot" bbox-not "$GP_BG") == "$box" ]] ||
	fail "something besides the window is on screen: $(probe "$shot" bbox-not "$GP_BG")"
# The frame is 20 pixels of solid white on every side.
frame=$(probe "$shot" count ffffff --rect "$x,$y,$w,20")
((frame == w * 20)) || fail "the top of the frame has $frame white pixels, expected $((w * 20))"
colours=$(probe "$shot" distinct --rect "$((x + 20)),$((y + 20)),210,210")
((colours >= 50)) || fail "the pattern has $colours colours, expected at least 50"
note "window ${w}x$h at $x,$y with $colours colours inside"
