#!/bin/bash
# The baseline of gl-desktop-fallback.sh: the same desktop OpenGL app directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-desktop-fallback.sh
. "$(dirname "$0")/gl-desktop-fallback.sh"
