#!/bin/bash
# The baseline of gtk4-gears.sh: GTK 4's gears demo directly on headless weston, rendered by
# Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gtk4-gears.sh
. "$(dirname "$0")/gtk4-gears.sh"
