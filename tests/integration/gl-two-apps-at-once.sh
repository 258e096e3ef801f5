#!/bin/bash
# Two GL apps through gpu-0 at once (GP_GL_MODE=native: both rendered by Mesa in the apps),
# each on its own link with its own GL streams: es2gears_wayland (300x300, black background,
# red, green and blue gears) and weston-simple-egl (250x250, translucent background, a
# triangle of many colours). One screenshot shows both windows with their content, and both
# keep changing. Through gpu-0 gpupipe-host serves two links.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd es2gears_wayland weston-simple-egl
gl_setup
gl_app gears es2gears_wayland
gl_app triangle weston-simple-egl

shot=$GP_TMP/shot.png
both_shown() { gears_shown "$shot" && triangle_shown "$shot"; }
shot_until 60 "$shot" both_shown ||
	fail "the screenshot does not show both windows (gears at $(gears_box "$shot" || echo none)," \
		"triangle at $(triangle_box "$shot" || echo none))"
box=$(gears_box "$shot") && read -r gx gy _ _ <<<"$box"
box=$(triangle_box "$shot") && read -r tx ty _ _ <<<"$box"
cp "$shot" "$GP_TMP/first.png"
both_moved() {
	(($(probe "$shot" diff "$GP_TMP/first.png" --rect "$gx,$gy,300,300") > 100)) &&
		(($(probe "$shot" diff "$GP_TMP/first.png" --rect "$tx,$ty,250,250") > 100))
}
shot_until 20 "$shot" both_moved || fail "the two windows did not both keep changing"
note "gears at $gx,$gy, triangle at $tx,$ty, both animating"
if [[ $GP_GL_MODE == gpu0 ]]; then
	links=$(grep -c 'link served by process' "$GP_TMP/gpupipe-host.log" || true)
	((links == 2)) || fail "gpupipe-host served $links links, expected one per app"
fi
