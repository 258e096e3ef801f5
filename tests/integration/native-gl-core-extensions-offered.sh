#!/bin/bash
# The baseline of gl-core-extensions-offered.sh: gl-core-extensions on a core 3.3 context
# directly on headless weston, rendered by Mesa in the app, lists extensions and finishes.
GP_GL_MODE=native
# shellcheck source=gl-core-extensions-offered.sh
. "$(dirname "$0")/gl-core-extensions-offered.sh"
