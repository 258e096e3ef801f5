#!/bin/bash
# The baseline of gl-egl-image-storage.sh: the same check with Mesa in the app.
GP_GL_MODE=native
# shellcheck source=gl-egl-image-storage.sh
. "$(dirname "$0")/gl-egl-image-storage.sh"
