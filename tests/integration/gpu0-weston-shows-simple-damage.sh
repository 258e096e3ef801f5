#!/bin/bash
# weston-simple-damage through gpu-0 on headless weston: its 300x200 window (a white border,
# a dark fill and a green ball that moves every frame, each frame damaging only where the
# ball was and is) appears, and the ball keeps moving on screen, so partial damage copies
# reach the host's replica.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_gpupipe
start_app damage weston-simple-damage
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" 00ff00 100 || fail "weston-simple-damage's green ball never appeared"

box=$(probe "$shot" bbox ffffff) || fail "no white pixels: the border is missing"
read -r x y w h <<<"$box"
[[ $w == 300 && $h == 200 ]] || fail "white border is ${w}x$h at $x,$y, expected 300x200"
[[ $(probe "$shot" bbox-not "$GP_BG") == "$box" ]] ||
	fail "something besides the window is on screen: $(probe "$shot" bbox-not "$GP_BG")"
inner="$((x + 10)),$((y + 10)),280,180"
fill=$(probe "$shot" count 101820 --rect "$inner")
((fill >= 280 * 180 - 1000)) || fail "the dark fill has $fill pixels, expected nearly $((280 * 180))"
ball=$(probe "$shot" bbox 00ff00 --rect "$inner") || fail "the ball is outside the window's fill"
read -r _ _ bw bh <<<"$ball"
((bw >= 15 && bw <= 25 && bh >= 15 && bh <= 25)) || fail "the ball is ${bw}x$bh, expected about 20x20"
note "window at $x,$y, ball at $ball"

# Only the damaged rectangles are copied: if they were lost, the ball would stay put (or
# leave trails of green behind it).
ball_moved() {
	local now
	now=$(probe "$shot" bbox 00ff00) || return 1
	[[ $now != "$ball" ]] && (($(probe "$shot" count 00ff00) <= 2 * $(probe "$GP_TMP/first.png" count 00ff00)))
}
cp "$shot" "$GP_TMP/first.png"
shot_until 10 "$shot" ball_moved || fail "the ball never moved on screen (still at $ball)"
note "ball moved to $(probe "$shot" bbox 00ff00)"
