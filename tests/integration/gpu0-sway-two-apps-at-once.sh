#!/bin/bash
# Two foot terminals through gpu-0 at once on headless sway, each on its own link: sway
# tiles them side by side, and one screenshot shows both, each with its own background
# filling its half and its own text in its own colour.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd foot
start_sway
start_gpupipe

# foot_config NAME BACKGROUND FOREGROUND
foot_config() {
	cat >"$GP_TMP/$1.ini" <<-EOF2
		font=DejaVu Sans Mono:size=20
		[colors]
		background=$2
		foreground=$3
		[cursor]
		blink=no
	EOF2
}
foot_config left ff00ff 00ff00
foot_config right 00ffff ff0000
start_app left foot --config="$GP_TMP/left.ini" -- sh -c 'printf "LEFT APP\n"; exec cat'
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" 00ff00 100 --tol 40 || fail "the first foot's text never appeared"
start_app right foot --config="$GP_TMP/right.ini" -- sh -c 'printf "RIGHT APP\n"; exec cat'

half=$((GP_WIDTH / 2))
both_tiled() {
	[[ $(probe "$shot" bbox ff00ff) == "0 0 $half $GP_HEIGHT" &&
		$(probe "$shot" bbox 00ffff) == "$half 0 $half $GP_HEIGHT" ]] &&
		has_colour "$shot" ff0000 100 --tol 40 --rect "$half,0,$half,$GP_HEIGHT"
}
shot_until 20 "$shot" both_tiled ||
	fail "the two windows are not side by side: first's background at" \
		"$(probe "$shot" bbox ff00ff || echo none), second's at $(probe "$shot" bbox 00ffff || echo none)"
# Each app's text stays in its own half, in its own colour.
green=$(probe "$shot" bbox 00ff00 --tol 40)
red=$(probe "$shot" bbox ff0000 --tol 40)
read -r gx _ gw _ <<<"$green"
read -r rx _ _ _ <<<"$red"
((gx + gw <= half)) || fail "the first app's text is at $green, outside the left half"
((rx >= half)) || fail "the second app's text is at $red, outside the right half"

links=$(grep -c 'link served by process' "$GP_TMP/gpupipe-host.log" || true)
((links == 2)) || fail "gpupipe-host served $links links, expected one per app"
note "left text at $green, right text at $red"
