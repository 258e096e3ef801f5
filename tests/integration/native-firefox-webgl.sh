#!/bin/bash
# The baseline of firefox-webgl.sh: Firefox ESR's WebGL 1 and 2 canvases directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=firefox-webgl.sh
. "$(dirname "$0")/firefox-webgl.sh"
