#!/bin/bash
# The baseline of qt6-quick.sh: the same Qt 6 Quick scene directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=qt6-quick.sh
. "$(dirname "$0")/qt6-quick.sh"
