#!/bin/bash
# The baseline of gl-desktop-core.sh: the same core-profile app directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-desktop-core.sh
. "$(dirname "$0")/gl-desktop-core.sh"
