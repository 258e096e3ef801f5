#!/bin/bash
# gl-compat-tex (tests/gl/gl-compat-tex.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): a compatibility context's texture readbacks
# (glGetTextureSubImage of 2D and cube map levels) and proxy textures (glTexImage3D,
# glTexStorage3D, glTexImage2D of proxy targets), each checked in the app. Through gpu-0 the
# app also runs natively first: every check that passes natively must pass through gpu-0,
# and none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_COMPAT_TEX:-}" gl-compat-tex
