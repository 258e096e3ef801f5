#!/bin/bash
# gl-patterns through gpu-0 (GP_GL_MODE=native: directly on weston, rendered by Mesa) with each
# of the eight buffer transforms the app may set on its window (wl_surface.set_buffer_transform),
# at 320x256 so that a quarter turn changes the window's shape: the window shows the frame
# turned as the transform says, every probed pixel where it lands on screen. Then a frame that
# repaints two corners and swaps with just their damage: the corners change on screen too.
# Through gpu-0 the host may leave frames bottom to top and shows them flipped, composing the
# flip with the app's transform and flipping its damage (gpuhost/buffer-transform.c); a wrong
# composition shows the window the wrong way round, a wrong damage keeps the old corners.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_setup
for t in 0 1 2 3 4 5 6 7; do
	name=patterns$t
	gl_patterns "$name" --size 320x256 --buffer-transform "$t" --damage --hold
	wait_log 60 "$name" '^held$' || fail "gl-patterns never showed its damaged frame (transform $t)"
	no_fail_lines "$name" || fail "gl-patterns' own checks failed $GP_GL_WHERE (transform $t)"
	log_has "$name" '^PASS damage-top-right ' || fail "no damaged frame was checked (transform $t)"
	shot=$GP_TMP/shot$t.png
	if ! shot_until 20 "$shot" shot_matches_probes "$shot" "$name"; then
		cat "$GP_TMP/shot-check.txt" >&2
		fail "with buffer transform $t the screenshot does not show what gl-patterns read back"
	fi
	note "transform $t: $(tail -1 "$GP_TMP/shot-check.txt")"
	kill -TERM "$(pid_of "$name")"
	expect_clean_exit "$name" 10 "gl-patterns after SIGTERM (transform $t)"
done
# Through gpu-0 on the shm path the frames were left bottom to top (else this tested only the
# app's own transforms); with a render node they travel as dmabufs, blitted the right way up.
if [[ $GP_GL_MODE == gpu0 ]] && grep -Eq 'frames (go )?through shm' "$GP_TMP/gpupipe-host.log"; then
	grep -q 'left bottom to top' "$GP_TMP/gpupipe-host.log" ||
		fail "gpupipe-host never left a frame bottom to top (no line in gpupipe-host.log)"
fi
