#!/bin/bash
# The baseline of gl-glmark2-validate.sh: natively, glmark2-es2-wayland --validate exits 0 on
# headless weston, every scene reports a result, some validate and none fails.
GP_GL_MODE=native
# shellcheck source=gl-glmark2-validate.sh
. "$(dirname "$0")/gl-glmark2-validate.sh"
