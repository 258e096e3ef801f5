#!/bin/bash
# gl-es32-state (tests/gl/gl-es32-state.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): the ES extensions of OpenGL ES 3.2's draw and state commands
# (base vertex and base instance draws, indexed blend, sample shading, border clamp, image
# copies, robustness, multisample array storage, advanced blending, the GLSL-only ones) and
# EGL's reset strategy, each checked in the app. Through gpu-0 the app also runs natively
# first: every check that passes natively must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_ES32_STATE:-}" gl-es32-state
