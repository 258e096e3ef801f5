#!/bin/bash
# gl-es32-state (tests/gl/gl-es32-state.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): the ES extensions of OpenGL ES 3.2's draw and state commands
# (base vertex and base instance draws, indexed blend, sample shading, border clamp, image
# copies, robustness, multisample array storage, advanced blending, the GLSL-only ones) and
# EGL's reset strategy, each checked in the app. Through gpu-0 the app also runs natively
# first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES32_STATE:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es32-state) ||
	skip "gl-es32-state is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"

# run NAME: the app the mode's way (native: on weston), to its exit.
run() {
	if [[ $1 == native ]]; then
		start_native_app "$1" "$bin"
	else
		gl_app "$1" "$bin"
	fi
	wait_exit "$1" 30 || fail "gl-es32-state ($1) still runs after 30 s"
	local status=$GP_EXIT_STATUS
	log_has "$1" '^done$' || ((status == 77)) ||
		fail "gl-es32-state ($1) exited with status $status before it was done"
	if ((status == 77)); then
		[[ $1 == native ]] && skip "Mesa here offers no OpenGL ES 3.1 context"
		fail "gl-es32-state got no OpenGL ES 3.1 context through gpu-0"
	fi
	no_fail_lines "$1" || fail "gl-es32-state ($1) failed checks"
}

gl_setup
run native
if [[ $GP_GL_MODE == gpu0 ]]; then
	run gpu0
	gl_expect_renderer gpu0
	while read -r check; do
		log_has gpu0 "^PASS $check\$" ||
			fail "$check passes natively, not through gpu-0: $(grep -E "^(SKIP|FAIL) $check" "$GP_TMP/gpu0.log")"
	done < <(sed -n 's/^PASS //p' "$GP_TMP/native.log")
	note "through gpu-0: $(grep -c '^PASS' "$GP_TMP/gpu0.log") checks pass, as natively"
else
	gl_expect_renderer native
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
fi
