#!/bin/bash
# foot through gpu-0 on headless sway, resized by the compositor: after `swaymsg resize` the
# app learns the new size (the terminal's rows and columns shrink, as `stty size` inside it
# reports) and the screenshot shows its content at the new size.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd foot wtype
start_sway
start_gpupipe
cat >"$GP_TMP/foot.ini" <<-EOF2
	font=DejaVu Sans Mono:size=20
	[colors]
	background=ff00ff
	foreground=00ff00
	[cursor]
	blink=no
EOF2
# For each line typed, the shell writes the terminal's size into $GP_TMP/size.LINE (asked
# then, as the size at start is foot's default, before the compositor's first configure).
# shellcheck disable=SC2016 # $1 and $line belong to the shell inside foot
start_app foot foot --config="$GP_TMP/foot.ini" -- sh -c \
	'printf "SIZE TEST\n"
	while read -r line; do stty size >"$1.tmp" && mv "$1.tmp" "$1.$line"; done' sh "$GP_TMP/size"

shot=$GP_TMP/shot.png
full() {
	[[ $(probe "$shot" bbox ff00ff) == "0 0 $GP_WIDTH $GP_HEIGHT" ]] &&
		has_colour "$shot" 00ff00 100 --tol 40
}
shot_until 20 "$shot" full ||
	fail "foot never filled the output (background at $(probe "$shot" bbox ff00ff || echo none))"
sway_type before
sway_type -k Return
wait_for 10 test -s "$GP_TMP/size.before" || fail "the shell never reported its size"
read -r rows0 cols0 <"$GP_TMP/size.before"

swaymsg -q '[app_id=foot] floating enable, resize set width 400 px height 300 px, move position 0 0'
resized() {
	[[ $(probe "$shot" bbox ff00ff) == "0 0 400 300" ]] &&
		has_colour "$shot" 00ff00 100 --tol 40 --rect 0,0,400,300
}
shot_until 20 "$shot" resized ||
	fail "the window is not 400x300 on screen: background at $(probe "$shot" bbox ff00ff || echo none)"
geometry=$(sway_tree | python3 -c '
import json, sys
def walk(n):
    if n.get("app_id") == "foot":
        r = n["rect"]
        print(r["width"], r["height"])
    for c in n.get("nodes", []) + n.get("floating_nodes", []):
        walk(c)
walk(json.load(sys.stdin))')
[[ $geometry == "400 300" ]] || fail "sway says the window is $geometry, expected 400 300"

sway_type after
sway_type -k Return
wait_for 10 test -s "$GP_TMP/size.after" || fail "the shell never reported its size after the resize"
read -r rows1 cols1 <"$GP_TMP/size.after"
note "terminal was ${cols0}x$rows0, now ${cols1}x$rows1"
((cols1 < cols0 && rows1 < rows0)) || fail "the terminal is ${cols1}x$rows1 after the resize, was ${cols0}x$rows0"
# Half the width and half the height, less foot's padding and partial cells.
((cols1 >= cols0 / 2 - 2 && cols1 <= cols0 / 2 + 1 && rows1 >= rows0 / 2 - 2 && rows1 <= rows0 / 2 + 1)) ||
	fail "the terminal is ${cols1}x$rows1 after the resize, expected about half of ${cols0}x$rows0"
