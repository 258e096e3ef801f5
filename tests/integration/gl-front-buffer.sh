#!/bin/bash
# gl-front-buffer (tests/gl/gl-front-buffer.c) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): a double-buffered window's front colour buffer, which the host
# keeps as a second pbuffer (gpuhost/gl/front.c): glDrawBuffer/glReadBuffer of GL_FRONT and
# its other names, clears and drawing that reach one buffer only, piglit's fbo-sys-blit and
# the reverse blit, GL_FRONT_AND_BACK clears, a framebuffer object in between, and a swap
# that leaves the front as it was (as Mesa's Wayland platform does). Through gpu-0 the app
# also runs natively first: every check that passes natively must pass through gpu-0, and
# none may fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_check_app "${GPUPIPE_GL_FRONT_BUFFER:-}" gl-front-buffer
