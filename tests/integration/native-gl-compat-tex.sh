#!/bin/bash
# The baseline of gl-compat-tex.sh: the same checks with gl-compat-tex directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-compat-tex.sh
. "$(dirname "$0")/gl-compat-tex.sh"
