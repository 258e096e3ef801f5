#!/bin/bash
# gl-core-draw (tests/gl/gl-core-draw.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): an OpenGL 3.3 core-profile app using desktop OpenGL 3.0-3.3's
# commands ES lacks (conditional render, fragment data locations, dual-source blending,
# primitive restart with its own index, provoking vertex, multisample textures, multi-draw
# base vertex, timestamps, packed and integer attributes, 3D attachments, colour clamping),
# each checked with pixels or values read back. Through gpu-0 the app also runs natively
# first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_CORE_DRAW:-}" gl-core-draw
