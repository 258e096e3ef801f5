#!/bin/bash
# gl-es2-locations (tests/gl/gl-es2-locations.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): glGetUniformLocation and glGetAttribLocation, each checked in the
# app (names, repeated lookups, a link again with other bindings, a failed link, one failed
# by a shader that did not compile, a deleted program), natively first: every check that
# passes natively must pass through gpu-0. And
# through gpu-0 the lookups are answered without a round trip where the library keeps the
# host's answer (proxy/gl/gles-locations.c): of the app's four thousand and more lookups, a
# dozen or so reach the host (the names no list holds, those after a failed link), each
# linked program asks its names once per kind (GL_OP_PROGRAM_NAMES), and the host's round
# trips by command say so.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES2_LOCATIONS:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es2-locations) ||
	skip "gl-es2-locations is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
gl_setup --stats
gl_checks_run native "$bin"
if [[ $GP_GL_MODE != gpu0 ]]; then
	gl_expect_renderer native
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
	exit 0
fi
gl_checks_run gpu0 "$bin"
gl_expect_renderer gpu0
gl_checks_compare
log=$GP_TMP/gpupipe-host.log
by_command() { grep -E 'stats: round trips by command since the link began: .*GL_OP_PROGRAM_NAMES' "$log" | tail -1; }
wait_for 10 by_command || fail "the link logged no GL_OP_PROGRAM_NAMES among its round trips (see gpupipe-host.log below)"
line=$(by_command)
note "$line"
count() { sed -nE "s/.*[:,] $1 ([0-9]+).*/\\1/p" <<<"$line" | head -1; }
uniform=$(count glGetUniformLocation) attrib=$(count glGetAttribLocation) names=$(count GL_OP_PROGRAM_NAMES)
((${uniform:-0} + ${attrib:-0} <= 40)) ||
	fail "$uniform glGetUniformLocation and $attrib glGetAttribLocation round trips: the kept locations were not used"
((names >= 2 && names <= 12)) || fail "$names GL_OP_PROGRAM_NAMES round trips, expected one per program and kind (2 to 12)"
