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

args=()
if [[ -n ${GP_ES2_EXT_ARGS:-} ]]; then
	args=("$GP_ES2_EXT_ARGS")
else
	export MESA_GLES_VERSION_OVERRIDE=2.0
fi
gl_check_app "${GPUPIPE_GL_ES2_EXT:-}" gl-es2-ext "${args[@]}"
