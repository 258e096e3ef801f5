#!/bin/bash
# The baseline of gl-patterns.sh: the same checks with gl-patterns directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-patterns.sh
. "$(dirname "$0")/gl-patterns.sh"
