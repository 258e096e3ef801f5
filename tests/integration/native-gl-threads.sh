#!/bin/bash
# The baseline of gl-threads.sh: gl-patterns --threads directly on headless weston, rendered
# by Mesa in the app.
GP_GL_MODE=native
# shellcheck source=gl-threads.sh
. "$(dirname "$0")/gl-threads.sh"
