#!/bin/bash
# gpupipe's selection of piglit's desktop OpenGL tests (tests/gl/piglit-gl.list, made by
# tests/gl/piglit-gl-list.py: core-profile shader_runner tests and API programs of the GL
# 3.1-4.5 features) natively and on gpu-0 in one run, several at a time. Fails when a test
# that passes natively does not pass on gpu-0 and is not listed in
# tests/gl/piglit-gl-exceptions.list with its cause, and when a listed exception passes on
# gpu-0. tests/gl/piglit-es-run does the work, as for the ES list (gl-piglit-es.sh).
exec "$(dirname "$0")/../gl/piglit-es-run" --list "$(dirname "$0")/../gl/piglit-gl.list" \
	--exceptions "$(dirname "$0")/../gl/piglit-gl-exceptions.list" --check --exceptions-diff \
	--timeout $((360 * ${GPUPIPE_TIMEOUT_SCALE:-1})) "$@"
