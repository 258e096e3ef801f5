#!/bin/bash
# The baseline of gl-patterns-buffer-transform.sh: the same checks with gl-patterns directly on
# headless weston, rendered by Mesa in the app. It checks the test itself: where gl-patterns
# says each probe lands under each transform.
GP_GL_MODE=native
# shellcheck source=gl-patterns-buffer-transform.sh
. "$(dirname "$0")/gl-patterns-buffer-transform.sh"
