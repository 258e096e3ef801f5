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
for log in native gpu0; do
	[[ -f $GP_TMP/$log.log ]] || continue
	note "$log: $(sed -n 's/^info: immediate //p' "$GP_TMP/$log.log")"
done
