#!/bin/bash
# gl-es2-formats (tests/gl/gl-es2-formats.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): an OpenGL ES 2.0 context's texture-format, pixel-transfer and
# sampler extensions (uploads and readbacks with row length and skips, row padding kept,
# reversed rows, BGRA reads, float, half-float and RG textures, ETC1, anisotropy, ...),
# each checked in the app. Through gpu-0 the app also runs natively first: every check that
# passes natively must pass through gpu-0 with the same bytes read back, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES2_FORMATS:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es2-formats) ||
	skip "gl-es2-formats is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"

# run NAME: the app the mode's way (native: on weston), to its exit.
run() {
	if [[ $1 == native ]]; then
		start_native_app "$1" "$bin"
	else
		gl_app "$1" "$bin"
	fi
	wait_exit "$1" 30 || fail "gl-es2-formats ($1) still runs after 30 s"
	log_has "$1" '^done$' ||
		fail "gl-es2-formats ($1) exited with status $GP_EXIT_STATUS before it was done"
	no_fail_lines "$1" || fail "gl-es2-formats ($1) failed checks"
}

gl_setup
run native
if [[ $GP_GL_MODE == gpu0 ]]; then
	run gpu0
	gl_expect_renderer gpu0
	while read -r check; do
		log_has gpu0 "^PASS $check\$" ||
			fail "$check passes natively, not through gpu-0: $(grep -E "^(SKIP|FAIL) $check" "$GP_TMP/gpu0.log")"
		want=$(grep "^data $check " "$GP_TMP/native.log" || true)
		[[ -z $want ]] || grep -qxF "$want" "$GP_TMP/gpu0.log" ||
			fail "$check reads back other bytes through gpu-0: $(grep "^data $check " "$GP_TMP/gpu0.log")"
	done < <(sed -n 's/^PASS //p' "$GP_TMP/native.log")
	note "through gpu-0: $(grep -c '^PASS' "$GP_TMP/gpu0.log") checks pass, as natively, with the same pixels"
else
	gl_expect_renderer native
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
fi
