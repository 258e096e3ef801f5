#!/bin/bash
# foot through gpu-0 on headless sway: its configured background fills the tiled window, its
# text is drawn in its configured foreground, and a line typed with wtype reaches the
# shell inside it. Its keyboard events and its shm frames cross gpupipe.
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
# shellcheck disable=SC2016 # $line and $1 belong to the shell inside foot
start_app foot foot --config="$GP_TMP/foot.ini" -- sh -c \
	'printf "HELLO GPUPIPE\n"; read -r line; printf "%s\n" "$line" >"$1"; exec cat' sh "$GP_TMP/typed"

shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" 00ff00 200 --tol 40 || fail "foot's text never appeared"
box=$(probe "$shot" bbox ff00ff) || fail "foot's background colour is missing"
[[ $box == "0 0 $GP_WIDTH $GP_HEIGHT" ]] || fail "foot's background covers $box, expected the whole output"
# The line of text and the cursor block under it, in foreground colour: the first two
# rows of 33-pixel cells, below foot's 2-pixel padding.
text=$(probe "$shot" bbox 00ff00 --tol 40)
read -r _ ty _ th <<<"$text"
((ty < 2 + 33 && ty + th <= 2 + 2 * 33)) || fail "text at $text, expected the first two rows"

sway_type "typed through wtype"
sway_type -k Return
wait_for 10 test -s "$GP_TMP/typed" || fail "the typed line never reached the shell"
[[ $(<"$GP_TMP/typed") == "typed through wtype" ]] ||
	fail "the shell read '$(<"$GP_TMP/typed")', expected 'typed through wtype'"
