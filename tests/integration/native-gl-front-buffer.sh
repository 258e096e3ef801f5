#!/bin/bash
# The baseline of gl-front-buffer.sh: the same checks with gl-front-buffer directly on
# headless weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-front-buffer.sh
. "$(dirname "$0")/gl-front-buffer.sh"
