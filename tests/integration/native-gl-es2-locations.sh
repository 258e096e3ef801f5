#!/bin/bash
# The baseline of gl-es2-locations.sh: the same checks with gl-es2-locations directly on
# headless weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-es2-locations.sh
. "$(dirname "$0")/gl-es2-locations.sh"
