#!/bin/bash
# The baseline of gl-uploads.sh: the same uploads and checks directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gl-uploads.sh
. "$(dirname "$0")/gl-uploads.sh"
