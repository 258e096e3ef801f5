#!/bin/bash
# weston-subsurfaces through gpu-0 on headless weston: the main surface (green, under a
# decoration drawn by the app) and its shm subsurface (red, with a pink arc that turns
# every frame) appear, the subsurface placed right of the green area as the app asked, and
# the arc keeps turning: subsurface commits and positions reach the compositor. (Its third
# subsurface is EGL, drawn by no client here: it is black natively too.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd weston-subsurfaces
start_weston
start_gpupipe
start_app subsurfaces weston-subsurfaces
shot=$GP_TMP/shot.png
both_shown() { has_colour "$shot" 06ad0d 10000 && has_colour "$shot" a42303 5000; }
shot_until 20 "$shot" both_shown || fail "the green main surface and the red subsurface never both appeared"

green=$(probe "$shot" bbox 06ad0d)
red=$(probe "$shot" bbox a42303)
read -r gx gy gw gh <<<"$green"
read -r rx ry rw rh <<<"$red"
note "green main surface at $green, red subsurface at $red"
((gw >= 200 && gh >= 180)) || fail "the green area is ${gw}x$gh, expected at least 200x180"
((rw >= 90 && rw <= 110 && rh >= 90 && rh <= 110)) || fail "the red subsurface is ${rw}x$rh, expected about 100x100"
((rx == gx + gw && ry == gy)) || fail "the red subsurface is at $rx,$ry, expected right of the green area at $((gx + gw)),$gy"
# The window's decoration, drawn by the app into the main surface, is above the green.
deco=$(probe "$shot" count-not "$GP_BG" --rect "$gx,$((gy - 15)),$gw,10")
((deco == gw * 10)) || fail "no decoration above the green area ($deco of $((gw * 10)) pixels)"

arc_rect="$rx,$ry,$rw,$rh"
# The spinner arc grows and shrinks as it turns (5 pixels at its smallest, seen on a loaded
# machine): 8 pixels in some frame prove it is drawn.
arc_drawn() { (($(probe "$shot" count-not a42303 --rect "$arc_rect") >= 8)); }
shot_until 10 "$shot" arc_drawn ||
	fail "the arc in the red subsurface never had 8 pixels ($(probe "$shot" count-not a42303 --rect "$arc_rect") now)"
cp "$shot" "$GP_TMP/first.png"
arc_turned() { (($(probe "$shot" diff "$GP_TMP/first.png" --rect "$arc_rect") >= 20)); }
shot_until 10 "$shot" arc_turned || fail "the arc in the red subsurface never turned on screen"
