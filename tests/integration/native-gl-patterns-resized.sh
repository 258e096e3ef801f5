#!/bin/bash
# The baseline of gl-patterns-resized.sh: gl-patterns resizes its window directly on headless
# weston, rendered by Mesa in the app.
GP_GL_MODE=native
# shellcheck source=gl-patterns-resized.sh
. "$(dirname "$0")/gl-patterns-resized.sh"
