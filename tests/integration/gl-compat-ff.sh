#!/bin/bash
# gl-compat-ff (tests/gl/gl-compat-ff.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): immediate mode (a 10000-vertex triangle strip, current values of
# every kind), fixed-function lighting, fog, colour material, texture environment and
# coordinate generation, matrices (glOrtho, glFrustum, glRotated, glLoadMatrixd, the
# transposed loads), rectangles, raster positions and clip planes on a 4.5 compatibility
# context, each checked in the app. Through gpu-0 the app also runs natively first: every
# check that passes natively must pass through gpu-0, and none may fail. The app's "info:
# immediate" lines give the time of 100000 glVertex3f each way.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_COMPAT_FF:-}" gl-compat-ff
grep -h '^info: immediate' "$GP_TMP"/native.log "$GP_TMP"/gpu0.log 2>/dev/null | while read -r line; do
	note "$line"
done
