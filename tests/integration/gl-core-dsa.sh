#!/bin/bash
# gl-core-dsa (tests/gl/gl-core-dsa.c) through gpu-0 (GP_GL_MODE=native: directly on weston,
# rendered by Mesa): OpenGL 4.5 direct state access on a core 4.5 context (buffers made with
# glCreateBuffers and read back, a texture made, filled and sampled by name, a framebuffer
# attached, cleared and blitted by name, a vertex array set up by name drawing indexed,
# glClipControl, named mappings), each checked in the app. Through gpu-0 the app also runs
# natively first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_check_app "${GPUPIPE_GL_CORE_DSA:-}" gl-core-dsa
