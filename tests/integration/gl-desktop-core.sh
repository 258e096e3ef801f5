#!/bin/bash
# Desktop OpenGL's core profile streamed: gl-desktop-app --core-only (an EGL_OPENGL_BIT
# config, eglBindAPI(EGL_OPENGL_API), a core 3.3 context drawing with a uniform block and an
# instanced draw, GLSL 3.30: gl-desktop-core.c; and, asking 4.5, a compute dispatch into a
# storage buffer that a draw reads) on gpu-0 with gpupipe's EGL vendor and Mesa's after
# it, as `meson install` leaves them. gpupipe streams the context: its probes read back
# right, its window shows in the host compositor's screenshot, its GL_VERSION is gpupipe's
# core profile, it maps no Mesa renderer (the app did not render by itself) and nothing falls
# back. (GP_GL_MODE=native: the same app directly on weston, the baseline.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_DESKTOP_APP:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-desktop-app) ||
	skip "gl-desktop-app is not built (it needs libglvnd-dev's opengl)"

# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
gl_app core "$bin" --core-only 4.5
app=$GP_LAST_PID
wait_log 60 core '^held$' || fail "gl-desktop-app --core-only never showed its third frame"
no_fail_lines core || fail "gl-desktop-app's core checks failed $GP_GL_WHERE (glReadPixels, GL errors)"
for check in core-ubo core-instance-0 core-instance-1 core-compute clear; do
	log_has core "^PASS $check [0-9]+ [0-9]+ [0-9a-f]{6}$" ||
		fail "gl-desktop-app printed no probe of $check"
done
version=$(sed -n 's/^info: core GL_VERSION //p' "$GP_TMP/core.log" | head -1)
[[ $version == [34].[0-9]\ \(Core\ Profile\)* ]] ||
	fail "gl-desktop-app's core context has GL_VERSION \"$version\", not a core profile"
gl_expect_renderer core

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" core; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-desktop-app read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"

maps=$(mesa_renderer_maps "$app")
if [[ $GP_GL_MODE == gpu0 ]]; then
	[[ -z $maps ]] || fail "a core-profile app on gpu-0 has a Mesa renderer mapped: $maps"
	! log_has core 'falls back to the EGL vendor' || fail "the core-profile app's display fell back to Mesa (see core.log below)"
else
	[[ -n $maps ]] || fail "gl-desktop-app maps no Mesa renderer natively: who rendered?"
fi
kill -TERM "$app"
expect_clean_exit core 10 "gl-desktop-app --core-only after SIGTERM"
