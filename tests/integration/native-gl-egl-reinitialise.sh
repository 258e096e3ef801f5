#!/bin/bash
# The baseline of gl-egl-reinitialise.sh: the same app and checks directly on headless
# weston, with Mesa's EGL in the app.
GP_GL_MODE=native
# shellcheck source=gl-egl-reinitialise.sh
. "$(dirname "$0")/gl-egl-reinitialise.sh"
