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

gl_check_app "${GPUPIPE_GL_CORE4:-}" gl-core4
