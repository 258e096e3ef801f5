#!/bin/bash
# The baseline of gl-es32-state.sh: the same checks with gl-es32-state directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-es32-state.sh
. "$(dirname "$0")/gl-es32-state.sh"
