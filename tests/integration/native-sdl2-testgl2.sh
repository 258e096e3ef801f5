#!/bin/bash
# The baseline of sdl2-testgl2.sh: SDL2's testgl2 directly on headless sway, rendered by Mesa
# in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=sdl2-testgl2.sh
. "$(dirname "$0")/sdl2-testgl2.sh"
