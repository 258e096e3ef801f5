#!/bin/bash
# The baseline of gl-core-dsa.sh: the same checks with gl-core-dsa directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-core-dsa.sh
. "$(dirname "$0")/gl-core-dsa.sh"
