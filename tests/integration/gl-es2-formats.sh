#!/bin/bash
# gl-es2-formats (tests/gl/gl-es2-formats.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): an OpenGL ES 2.0 context's texture-format, pixel-transfer and
# sampler extensions (uploads and readbacks with row length and skips, row padding kept,
# reversed rows, BGRA reads, float, half-float and RG textures, ETC1, anisotropy, ...),
# each checked in the app. Through gpu-0 the app also runs natively first: every check that
# passes natively must pass through gpu-0 with the same bytes read back, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_ES2_FORMATS:-}" gl-es2-formats
