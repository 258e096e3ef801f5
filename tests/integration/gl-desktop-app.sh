#!/bin/bash
# gl-desktop-app (desktop OpenGL: an EGL_OPENGL_BIT config, eglBindAPI(EGL_OPENGL_API), a
# compatibility context drawing in immediate mode, from a display list, from client arrays
# and with glDrawPixels, a core 3.3 context drawing from a vertex array object, both on one
# window surface) on gpu-0 with gpupipe's EGL vendor and Mesa's after it, as `meson install`
# leaves them: both contexts are gpupipe's (their GL_VERSION says so), the link process draws
# the frame, its probes read back right and the compositor's screenshot shows what they
# read, no Mesa renderer is mapped in the app and no fallback line is logged. Then the same
# with the window surface made before the compatibility context (as SDL does). Its native
# baseline is native-gl-desktop-fallback.sh; gl-desktop-fallback.sh is the same app on a host
# that leaves the compatibility profile out.
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
shot=$GP_TMP/shot.png
line='libEGL_gpupipe.* warn: .*falls back to the EGL vendor'

# streamed NAME CHECKS...: NAME's contexts were gpupipe's, the probes of CHECKS were printed
# and passed, the screenshot shows them, the app rendered nothing by itself.
streamed() {
	local name=$1 app=$GP_LAST_PID check version maps
	shift
	wait_log 30 "$name" '^held$' || fail "gl-desktop-app ($name) never showed its third frame (see $name.log below)"
	no_fail_lines "$name" || fail "gl-desktop-app ($name) failed checks through gpu-0"
	for check in "$@"; do
		log_has "$name" "^PASS $check [0-9]+ [0-9]+ [0-9a-f]{6}$" ||
			fail "gl-desktop-app ($name) printed no probe of $check"
	done
	while read -r version; do
		[[ $version == *gpupipe* ]] || fail "gl-desktop-app ($name) got a context of GL_VERSION \"$version\", not gpupipe's"
	done < <(sed -n 's/^info: \(core \)\{0,1\}GL_VERSION //p' "$GP_TMP/$name.log")
	note "gl-desktop-app ($name): $(sed -n 's/^info: \(core \)\{0,1\}GL_VERSION //p' "$GP_TMP/$name.log" | paste -sd '|')"
	if ! shot_until 20 "$shot" shot_matches_probes "$shot" "$name"; then
		cat "$GP_TMP/shot-check.txt" >&2
		fail "the screenshot does not show the frame gl-desktop-app ($name) read back"
	fi
	note "$(tail -1 "$GP_TMP/shot-check.txt")"
	maps=$(mesa_renderer_maps "$app")
	[[ -z $maps ]] || fail "gl-desktop-app ($name) maps a Mesa renderer ($maps): it rendered by itself"
	! log_has "$name" "$line" || fail "gl-desktop-app ($name)'s display fell back to Mesa (see $name.log below)"
	kill -TERM "$app"
	expect_clean_exit "$name" 10 "gl-desktop-app ($name) after SIGTERM"
}

gl_app desktop "$bin" --core
streamed desktop immediate-quad display-list client-arrays draw-pixels core-vao clear
gl_app first "$bin" --surface-first
streamed first immediate-quad display-list client-arrays draw-pixels clear
