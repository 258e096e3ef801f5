#!/bin/bash
# eglSwapInterval through gpu-0 (GP_GL_MODE=native: Mesa in the app): with interval 1 every
# swap asks for a frame callback (wl_surface.frame, seen with WAYLAND_DEBUG=client in the
# app), with interval 0 none does (nor, through gpu-0, a wl_display.sync per frame); 30 frames are drawn, checked and shown either way. Then
# weston-simple-egl shows its turning triangle with the default interval and with -b
# (interval 0).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd weston-simple-egl
gl_setup
bin=$(gl_patterns_bin) || exit
frames=30
for interval in 1 0; do
	gl_app "interval$interval" env WAYLAND_DEBUG=client "$bin" --frames "$frames" \
		--interval "$interval"
	expect_clean_exit "interval$interval" 120 "gl-patterns --interval $interval"
	log_has "interval$interval" "^frame $frames shown" ||
		fail "gl-patterns --interval $interval did not show $frames frames"
	requests=$(grep -cE 'wl_surface@[0-9]+\.frame\(' "$GP_TMP/interval$interval.log" || true)
	note "interval $interval: $requests frame callbacks requested for $frames frames"
	syncs=$(grep -cE 'wl_display@[0-9]+\.sync\(' "$GP_TMP/interval$interval.log" || true)
	note "interval $interval: $syncs wl_display.sync round trips for $frames frames"
	if ((interval == 0)); then
		((requests == 0)) || fail "interval 0 requested $requests frame callbacks, expected none"
		# libEGL_gpupipe waits for nothing but a free buffer: no round trip per frame
		# either (Mesa's own swrast path makes one per frame).
		[[ $GP_GL_MODE == native ]] || ((syncs < frames / 2)) ||
			fail "interval 0 made $syncs wl_display.sync round trips for $frames frames"
	else
		((requests == frames)) ||
			fail "interval 1 requested $requests frame callbacks, expected $frames (one per swap)"
	fi
done

# weston-simple-egl's window is 250x250: a translucent background around a triangle of many
# colours, which turns.
shot=$GP_TMP/shot.png
simple_egl_drawn() {
	local box
	box=$(probe "$shot" bbox-not "$GP_BG") || return 1
	[[ $box == *" 250 250" ]] || return 1
	read -r x y _ _ <<<"$box"
	(($(probe "$shot" distinct --rect "$x,$y,250,250") >= 200))
}
for flag in "" -b; do
	name=simple-egl${flag:+-b}
	gl_app "$name" weston-simple-egl $flag
	shot_until 30 "$shot" simple_egl_drawn ||
		fail "weston-simple-egl $flag never showed its triangle ($(probe "$shot" bbox-not "$GP_BG" || echo nothing) on screen)"
	cp "$shot" "$GP_TMP/$name.png"
	moved() { (($(probe "$shot" diff "$GP_TMP/$name.png") > 0)); }
	shot_until 10 "$shot" moved || fail "weston-simple-egl $flag stopped drawing"
	kill -TERM "$(pid_of "$name")"
	wait_exit "$name" 10 || fail "weston-simple-egl $flag did not exit on SIGTERM"
	few_colours() { (($(probe "$shot" distinct) < 10)); }
	shot_until 10 "$shot" few_colours || fail "weston-simple-egl $flag's window stayed on screen"
done
