#!/bin/bash
# The baseline of neverball.sh: Neverball directly on headless sway, rendered by Mesa in the
# game. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=neverball.sh
. "$(dirname "$0")/neverball.sh"
