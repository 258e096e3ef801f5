#!/bin/bash
# gl-es2-ext (tests/gl/gl-es2-ext.c) through gpu-0 (GP_GL_MODE=native: directly on weston,
# rendered by Mesa): the ES 2 extensions that bring commands (EXT queries, separate shader
# objects, 3D textures, multi-draws, instanced draws, labels, the NV aliases, EGL fences in
# the stream, surfaceless contexts), each checked in the app, on an OpenGL ES 2.0 context:
# Mesa is capped at ES 2.0 (MESA_GLES_VERSION_OVERRIDE) for the native app and for
# gpupipe-host alike, so gpupipe offers ES 2.0 as Mesa does. GP_ES2_EXT_ARGS=--es3 (set by
# gl-egl-image-storage.sh) runs the ES 3 check instead, uncapped. Through gpu-0 the app also
# runs natively first: every check that passes natively must pass through gpu-0, and none
# may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES2_EXT:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es2-ext) ||
	skip "gl-es2-ext is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
args=()
if [[ -n ${GP_ES2_EXT_ARGS:-} ]]; then
	args=("$GP_ES2_EXT_ARGS")
else
	export MESA_GLES_VERSION_OVERRIDE=2.0
fi

# run NAME: the app the mode's way (native: on weston), to its exit.
run() {
	if [[ $1 == native ]]; then
		start_native_app "$1" "$bin" "${args[@]}"
	else
		gl_app "$1" "$bin" "${args[@]}"
	fi
	wait_exit "$1" 30 || fail "gl-es2-ext ${args[*]} ($1) still runs after 30 s"
	local status=$GP_EXIT_STATUS
	log_has "$1" '^done$' || ((status == 77)) ||
		fail "gl-es2-ext ${args[*]} ($1) exited with status $status before it was done"
	if ((status == 77)); then
		[[ $1 == native ]] && skip "Mesa here gives no such context: $(grep '^SKIP setup' "$GP_TMP/native.log")"
		fail "gl-es2-ext ${args[*]} got no such context through gpu-0: $(grep '^SKIP setup' "$GP_TMP/gpu0.log")"
	fi
	no_fail_lines "$1" || fail "gl-es2-ext ${args[*]} ($1) failed checks"
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
