#!/bin/bash
# The baseline of gtk4-gles-renderer.sh: GTK 4 on OpenGL ES directly on headless weston,
# rendered by Mesa in the app. If this fails, the gpu-0 variant means nothing.
GP_GL_MODE=native
# shellcheck source=gtk4-gles-renderer.sh
. "$(dirname "$0")/gtk4-gles-renderer.sh"
