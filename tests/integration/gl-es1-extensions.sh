#!/bin/bash
# gl-es1-extensions (tests/gl/gl-es1-extensions.c) through gpu-0 (GP_GL_MODE=native: directly
# on weston, rendered by Mesa): the OpenGL ES 1.1 extensions (OES blending, the fixed-point
# and single-precision names, glQueryMatrixxOES, glDrawTex, cube maps with texgen, the read
# format, wrapping stencil ops, the texture crossbar, mirrored repeat, the LOD bias, byte
# coordinates, paletted textures), each checked in the app by pixels or values read back.
# Through gpu-0 the app also runs natively first: every check that passes natively must pass
# through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES1_EXTENSIONS:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es1-extensions) ||
	skip "gl-es1-extensions is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"

# run NAME: the app the mode's way (native: on weston), to its exit.
run() {
	if [[ $1 == native ]]; then
		start_native_app "$1" "$bin"
	else
		gl_app "$1" "$bin"
	fi
	wait_exit "$1" 30 || fail "gl-es1-extensions ($1) still runs after 30 s"
	local status=$GP_EXIT_STATUS
	log_has "$1" '^done$' || ((status == 77)) ||
		fail "gl-es1-extensions ($1) exited with status $status before it was done"
	if ((status == 77)); then
		[[ $1 == native ]] && skip "Mesa here offers no OpenGL ES 1.1 context"
		fail "gl-es1-extensions got no OpenGL ES 1.1 context through gpu-0"
	fi
	no_fail_lines "$1" || fail "gl-es1-extensions ($1) failed checks"
}

gl_setup
run native
if [[ $GP_GL_MODE == gpu0 ]]; then
	run gpu0
	while read -r check; do
		log_has gpu0 "^PASS $check\$" ||
			fail "$check passes natively, not through gpu-0: $(grep -E "^(SKIP|FAIL) $check" "$GP_TMP/gpu0.log")"
	done < <(sed -n 's/^PASS //p' "$GP_TMP/native.log")
	note "through gpu-0: $(grep -c '^PASS' "$GP_TMP/gpu0.log") checks pass, as natively"
else
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
fi
