#!/bin/bash
# The baseline of gl-es2-formats.sh: the same checks with gl-es2-formats directly on headless
# weston, rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-es2-formats.sh
. "$(dirname "$0")/gl-es2-formats.sh"
