#!/bin/bash
# A Qt 5 Quick app (qmlscene, Debian 12's Qt 5.15 with its Wayland platform, desktop OpenGL)
# through gpu-0 on headless weston (GP_GL_MODE=native: directly on weston, rendered by Mesa,
# the baseline). The scene (qt/scene.qml) holds what Qt Quick draws with its own shaders
# (solid rectangles, a gradient, text from its distance-field glyph atlas), an app's own
# GLSL (a ShaderEffect) and a square that turns, so frames keep coming. Through gpu-0 the
# app has gpupipe's EGL vendor and Mesa's after it, as `meson install` leaves them: Qt asks
# for a compatibility context (QSurfaceFormat's default 2.0, no profile), which gpupipe
# streams. Checks: each part shows at its colour in the host compositor's screenshot; the
# square turns from one screenshot to the next; Qt's own GL_VENDOR line names who renders;
# no shader of Qt's failed to compile; no Mesa renderer in the app through gpu-0; qmlscene
# ends on SIGTERM.
#
# Every shader of Qt 5's scene graph and paint engine begins with
#   #ifdef GL_KHR_blend_equation_advanced / #extension ... : enable / #endif
# which Mesa defines in a desktop context, where gpupipe does not offer that extension: the
# host's shader check must ask the driver's context, not gpupipe's offer, whether the macro
# is defined (gpuhost/gl/shaders.c). Asking the offer, it refused every shader ("cannot tell
# whether the driver defines this macro") and the window stayed empty.
GP_WIDTH=${GP_WIDTH:-800}
GP_HEIGHT=${GP_HEIGHT:-600}
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd qmlscene
[[ -n $(find /usr/lib -path '*qt5/plugins/platforms/libqwayland-egl.so' -print -quit) ]] ||
	skip "Qt 5's Wayland platform is not installed (qtwayland5; tools/install-deps installs it)"
scene=$(cd "$(dirname "$0")/qt" && pwd)/scene.qml
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
# QSG_INFO: the scene graph logs its GL_VENDOR, GL_RENDERER and GL_VERSION. A private HOME
# and runtime settings: none of the caller's.
mkdir -p "$GP_TMP/home-qt"
gl_app qt env HOME="$GP_TMP/home-qt" XDG_CONFIG_HOME="$GP_TMP/home-qt/config" \
	XDG_CACHE_HOME="$GP_TMP/home-qt/cache" QT_QPA_PLATFORM=wayland QSG_INFO=1 \
	qmlscene "$scene"
app=$GP_LAST_PID

# The scene at 480x320 (counted natively: red 24000, green and magenta 11800 each, the
# ShaderEffect's blue 24000, the text's white about 800, the square's yellow 4900). Nothing
# else on screen comes near those colours: the window is 404040, weston's background
# $GP_BG, Qt's title bar light grey.
scene_shown() {
	local red green magenta blue white yellow
	read -r red green magenta blue white yellow < <(probe "$1" count-each e04020 20c060 \
		c020a0 4060df ffffff f0d020 --tol 8) || return 1
	note "scene pixels: red $red, green $green, magenta $magenta, blue $blue, white $white, yellow $yellow"
	((red >= 22000 && green >= 10500 && magenta >= 10500 && blue >= 22000 &&
		white >= 300 && yellow >= 4000))
}
shot=$GP_TMP/shot.png
if ! shot_until 60 "$shot" scene_shown "$shot"; then
	is_running "$app" || fail "qmlscene exited (see qt.log below)"
	! log_has qt 'QOpenGLShader::compile' || fail "Qt's shaders did not compile $GP_GL_WHERE (see qt.log below)"
	shows_window "$shot" || fail "qmlscene's window never appeared $GP_GL_WHERE"
	fail "qmlscene's window does not show its scene $GP_GL_WHERE"
fi
! log_has qt 'QOpenGLShader::compile|QOpenGLShaderProgram' ||
	fail "a shader of Qt's did not compile or link $GP_GL_WHERE (see qt.log below)"

# The square turns: its yellow pixels' box changes (a turn of 360 degrees takes 3 s).
square_box() { probe "$1" bbox f0d020 --tol 8; }
first=$(square_box "$shot")
square_moved() { [[ $(square_box "$1") != "$first" ]]; }
shot_until 20 "$shot" square_moved "$shot" ||
	fail "the square stays at $first $GP_GL_WHERE: no new frames"
note "the square turned $GP_GL_WHERE: $first, then $(square_box "$shot")"

vendor=$(sed -n 's/.*GL_VENDOR: *//p' "$GP_TMP/qt.log" | head -1)
maps=$(mesa_renderer_maps "$app")
if [[ $GP_GL_MODE == gpu0 ]]; then
	[[ $vendor == gpupipe ]] || fail "Qt's GL_VENDOR is \"$vendor\" through gpu-0, not gpupipe"
	[[ -z $maps ]] || fail "qmlscene maps a Mesa renderer through gpu-0 ($maps): the scene was not streamed"
	! log_has qt 'falls back to the EGL vendor' || fail "qmlscene's display fell back to Mesa (see qt.log below)"
else
	[[ -n $vendor && $vendor != gpupipe ]] || fail "Qt's GL_VENDOR is \"$vendor\" natively"
	[[ -n $maps ]] || fail "qmlscene maps no Mesa renderer natively: who drew the scene?"
fi
note "Qt's GL $GP_GL_WHERE: $vendor, $(sed -n 's/.*GL_VERSION: *//p' "$GP_TMP/qt.log" | head -1)"
kill -TERM "$app"
wait_exit qt 10 || fail "qmlscene still runs 10 s after SIGTERM"
