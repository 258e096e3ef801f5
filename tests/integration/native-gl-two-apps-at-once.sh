#!/bin/bash
# The baseline of gl-two-apps-at-once.sh: es2gears_wayland and weston-simple-egl directly on
# headless weston, rendered by Mesa in the apps.
GP_GL_MODE=native
# shellcheck source=gl-two-apps-at-once.sh
. "$(dirname "$0")/gl-two-apps-at-once.sh"
