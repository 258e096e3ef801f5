#!/bin/bash
# GL_EXT_EGL_image_storage through gpu-0 (GP_GL_MODE=native: on weston): gl-es2-ext --es3
# (Mesa offers the extension on ES 3 contexts only) makes immutable storage from an EGLImage
# of a texture and reads its texels back; see gl-es2-ext.sh.
GP_ES2_EXT_ARGS=--es3
# shellcheck source=gl-es2-ext.sh
. "$(dirname "$0")/gl-es2-ext.sh"
