#!/bin/bash
# piglit's OpenGL ES tests (tests/gl/piglit-es.list: every ES test of piglit's opengl and
# shader profiles, as issue 8 defines them) natively and on gpu-0 in one run, several at a
# time. Fails when a test that passes natively does not pass on gpu-0 and is not listed in
# tests/gl/piglit-es-exceptions.list with its cause, and when a listed exception passes on
# gpu-0: the list has to shrink in the same change that makes a test pass, or it would
# hide that test's next regression. tests/gl/piglit-es-run does the work (and says what to
# add to or remove from the exceptions); bench/piglit-es prints the figures for the README.
#
# Each test may take 360 s (times GPUPIPE_TIMEOUT_SCALE), not piglit-es-run's 60: on a loaded
# 2-core machine arb_texture_view-rendering-formats_gles3 takes 140 to 200 s on gpu-0 against
# 7 to 18 s natively (a program and a readback per pair of view formats: a speed gap, issue
# 10; with GL_EXT_texture_norm16 offered it tests twice the formats, and the sandboxed link
# process, with no shader disk cache, spends most of it compiling shaders in LLVM), and a
# timeout here would read as a lost test.
exec "$(dirname "$0")/../gl/piglit-es-run" --check --exceptions-diff \
	--timeout $((360 * ${GPUPIPE_TIMEOUT_SCALE:-1})) "$@"
