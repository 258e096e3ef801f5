#!/bin/bash
# gl-compat-arrays (tests/gl/gl-compat-arrays.c) through gpu-0 (GP_GL_MODE=native: directly
# on weston, rendered by Mesa): the compatibility profile's client arrays of every kind
# (vertex, colour, secondary colour, fog coordinate, index, edge flag, interleaved, generic
# attributes in VAO 0, client arrays mixed with buffers, glArrayElement, the client attribute
# stack) and pixel rectangles (glDrawPixels of RGBA and colour indices through pixel maps and
# transfer scales, glBitmap, glCopyPixels zoomed, polygon and line stipples), each checked in
# the app. Through gpu-0 the app also runs natively first: every check that passes natively
# must pass through gpu-0, and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_COMPAT_ARRAYS:-}" gl-compat-arrays
