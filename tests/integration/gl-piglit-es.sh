#!/bin/bash
# piglit's OpenGL ES tests (tests/gl/piglit-es.list: every ES test of piglit's opengl and
# shader profiles, as issue 8 defines them) natively and on gpu-0 in one run, several at a
# time. Fails when a test that passes natively does not pass on gpu-0 and is not listed in
# tests/gl/piglit-es-exceptions.list with its cause, and when a listed exception passes on
# gpu-0: the list has to shrink in the same change that makes a test pass, or it would
# hide that test's next regression. tests/gl/piglit-es-run does the work (and says what to
# add to or remove from the exceptions); bench/piglit-es prints the figures for the README.
exec "$(dirname "$0")/../gl/piglit-es-run" --check --exceptions-diff "$@"
