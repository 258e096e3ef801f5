#!/bin/bash
# The baseline of qt5-quick.sh: the same Qt 5 Quick scene directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=qt5-quick.sh
. "$(dirname "$0")/qt5-quick.sh"
