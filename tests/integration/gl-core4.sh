#!/bin/bash
# gl-core4 (tests/gl/gl-core4.c) through gpu-0 (GP_GL_MODE=native: directly on weston,
# rendered by Mesa): the commands of desktop OpenGL 4.0 to 4.4 on a 4.4 core-profile context
# (viewport arrays with a geometry shader's gl_ViewportIndex, texture views, persistent
# coherent buffer storage, texture and buffer clears, base-instance draws, subroutines,
# double uniforms and attributes, indexed queries, invalidation, 64-bit format queries, patch
# parameters), each checked in the app. Through gpu-0 the app also runs natively first: every
# check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_CORE4:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-core4) ||
	skip "gl-core4 is not built (it needs libegl-dev, libglvnd-dev, libwayland-dev)"

gl_setup
gl_checks_run native "$bin"
if [[ $GP_GL_MODE == gpu0 ]]; then
	gl_checks_run gpu0 "$bin"
	gl_expect_renderer gpu0
	gl_checks_compare
else
	gl_expect_renderer native
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
fi
