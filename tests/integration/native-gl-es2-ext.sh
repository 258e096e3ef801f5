#!/bin/bash
# The baseline of gl-es2-ext.sh: the same checks with gl-es2-ext directly on headless weston,
# rendered by Mesa (capped at ES 2.0) in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-es2-ext.sh
. "$(dirname "$0")/gl-es2-ext.sh"
