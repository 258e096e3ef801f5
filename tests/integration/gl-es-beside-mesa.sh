#!/bin/bash
# With Mesa's EGL vendor after gpupipe's (as `meson install` leaves them), an OpenGL ES app on
# gpu-0 still goes through gpupipe: gl-patterns' frames check out, its GL_VERSION is
# gpupipe's, it maps none of Mesa's renderers (glvnd maps libEGL_mesa, which sets up
# nothing until a display is given to it) and libEGL_gpupipe logs no fallback.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
gl_patterns app --frames 2 --hold
app=$GP_LAST_PID
wait_log 30 app '^held$' || fail "gl-patterns never showed its frames"
no_fail_lines app || fail "gl-patterns' checks failed on gpu-0 beside Mesa's vendor"
gl_expect_renderer app
maps=$(mesa_renderer_maps "$app")
[[ -z $maps ]] || fail "an ES app on gpu-0 beside Mesa's vendor has a Mesa renderer mapped: $maps"
! log_has app 'falls back to the EGL vendor' || fail "an ES app's display fell back to Mesa (see app.log below)"
kill -TERM "$app"
expect_clean_exit app 10 "gl-patterns after SIGTERM"
