#!/bin/bash
# The baseline of gl-piglit-gles2.sh: every test in tests/gl/piglit-gles2.list passes
# natively (Mesa in the app) on headless weston; if not, the list is out of date here.
GP_GL_MODE=native
# shellcheck source=gl-piglit-gles2.sh
. "$(dirname "$0")/gl-piglit-gles2.sh"
