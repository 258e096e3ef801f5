#!/bin/bash
# The baseline of mpv-desktop-gl.sh: mpv with desktop OpenGL directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=mpv-desktop-gl.sh
. "$(dirname "$0")/mpv-desktop-gl.sh"
