#!/bin/bash
# The baseline of gl-glmark2-benchmark.sh: natively, glmark2-es2-wayland's default benchmark
# (shortened scenes) runs every scene on headless weston and prints a score.
GP_GL_MODE=native
# shellcheck source=gl-glmark2-benchmark.sh
. "$(dirname "$0")/gl-glmark2-benchmark.sh"
