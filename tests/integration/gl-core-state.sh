#!/bin/bash
# gl-core-state (tests/gl/gl-core-state.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): desktop OpenGL's own commands of versions 1.0 to 2.0 in a core
# 3.2 context (depth state, polygon mode, draw buffer, pixel store, 1D textures and their
# copies, texture readbacks into memory and a pack buffer, glGetBufferSubData, glMapBuffer,
# multi-draws, the vertex attribute variants, point parameters, an occlusion query, desktop
# pixel types), each checked in the app. Through gpu-0 the app also runs natively first:
# every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_CORE_STATE:-}" gl-core-state
