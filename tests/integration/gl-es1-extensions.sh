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

gl_setup
gl_checks_run native "$bin"
if [[ $GP_GL_MODE == gpu0 ]]; then
	gl_checks_run gpu0 "$bin"
	gl_checks_compare
else
	note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
fi
