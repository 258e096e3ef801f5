#!/bin/bash
# The baseline of gl-core4.sh: the same checks with gl-core4 directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-core4.sh
. "$(dirname "$0")/gl-core4.sh"
