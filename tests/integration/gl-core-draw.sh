#!/bin/bash
# gl-core-draw (tests/gl/gl-core-draw.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): an OpenGL 3.3 core-profile app using desktop OpenGL 3.0-3.3's
# commands ES lacks (conditional render, fragment data locations, dual-source blending,
# primitive restart with its own index, provoking vertex, multisample textures, multi-draw
# base vertex, timestamps, packed and integer attributes, 3D attachments, colour clamping),
# each checked with pixels or values read back. Through gpu-0 the app also runs natively
# first: every check that passes natively must pass through gpu-0, and none may fail.
# Registered in meson (its native twin is now) once the host offers a core 3.3 context;
# until then run it by hand against a test build's host with GPUPIPE_TEST_OFFER_PENDING=1.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_CORE_DRAW:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-core-draw) ||
	skip "gl-core-draw is not built (it needs libegl-dev, libopengl-dev, libwayland-dev)"

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
