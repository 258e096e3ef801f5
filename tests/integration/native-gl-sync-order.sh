#!/bin/bash
# The baseline of gl-sync-order.sh: the same client directly on headless weston, with Mesa in
# the app.
GP_GL_MODE=native
# shellcheck source=gl-sync-order.sh
. "$(dirname "$0")/gl-sync-order.sh"
