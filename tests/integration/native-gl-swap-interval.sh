#!/bin/bash
# The baseline of gl-swap-interval.sh: frame callbacks per swap interval, and
# weston-simple-egl with and without -b, directly on headless weston with Mesa in the app.
GP_GL_MODE=native
# shellcheck source=gl-swap-interval.sh
. "$(dirname "$0")/gl-swap-interval.sh"
