#!/bin/bash
# The baseline of gl-shader-objects.sh: the same checks with gl-shader-objects directly on
# headless weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-shader-objects.sh
. "$(dirname "$0")/gl-shader-objects.sh"
