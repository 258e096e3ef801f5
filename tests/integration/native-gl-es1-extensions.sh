#!/bin/bash
# The baseline of gl-es1-extensions.sh: the same checks with gl-es1-extensions directly on
# headless weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-es1-extensions.sh
. "$(dirname "$0")/gl-es1-extensions.sh"
