#!/bin/bash
# gl-es1-app through gpu-0 (GP_GL_MODE=native: directly on weston, rendered by Mesa): an
# OpenGL ES 1.1 app written as ES 1 apps are (EGL's default config and context attributes,
# libGLESv1_CM, client-side vertex, colour, normal and texture coordinate arrays, lighting,
# glTexEnv modulate, the matrix stack, render-to-texture through GL_OES_framebuffer_object) reads its probes back right with glReadPixels for three
# frames, and the held last frame reaches the host compositor unchanged. Through gpu-0 the app
# is served by gpupipe's EGL vendor (GL_VERSION "OpenGL ES-CM 1.1 gpupipe ...").
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES1_APP:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es1-app) ||
	skip "gl-es1-app is not built (it needs libgles-dev's GLES/gl.h and glesv1_cm)"

gl_setup
gl_app es1 "$bin"
wait_log 60 es1 '^held$' || fail "gl-es1-app never showed its third frame"
no_fail_lines es1 || fail "gl-es1-app's own checks failed $GP_GL_WHERE (glReadPixels)"
log_has es1 '^info: EGL_CONTEXT_CLIENT_VERSION 1$' || fail "gl-es1-app did not get an ES 1 context"
log_has es1 '^info: GL_VERSION OpenGL ES-CM 1\.1' || fail "gl-es1-app's GL_VERSION is not ES-CM 1.1"
gl_expect_renderer es1
probes=$(grep -c '^PASS .* [0-9a-f]\{6\}$' "$GP_TMP/es1.log")
((probes == 36)) || fail "$probes probes passed over 3 frames, expected 36"

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" es1; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-es1-app read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"
kill -TERM "$(pid_of es1)"
expect_clean_exit es1 10 "gl-es1-app after SIGTERM"
