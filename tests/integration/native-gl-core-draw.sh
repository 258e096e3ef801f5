#!/bin/bash
# The baseline of gl-core-draw.sh: the same checks with gl-core-draw directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-core-draw.sh
. "$(dirname "$0")/gl-core-draw.sh"
