# shellcheck shell=bash
# A Qt Quick app through gpu-0 on headless weston (GP_GL_MODE=native: directly on weston,
# rendered by Mesa, the baseline), sourced by qt5-quick.sh (GP_QT=5: qmlscene, Debian 12's
# Qt 5.15, its scene graph on OpenGL) and qt6-quick.sh (GP_QT=6: qml, Qt 6.4, its scene graph
# on Qt's RHI, OpenGL backend), each with its Wayland platform. The scene (scene5.qml,
# scene6.qml) holds what Qt Quick draws with its own shaders (solid rectangles, a gradient,
# text from its distance-field glyph atlas), in Qt 5 an app's own GLSL (a ShaderEffect; Qt 6
# takes only shaders baked by its qsb tool, so a rectangle of that colour there), and a square
# that turns, so frames keep coming. Through gpu-0 the app has gpupipe's EGL vendor and
# Mesa's after it, as `meson install` leaves them: Qt asks for a compatibility context
# (QSurfaceFormat's default, no profile), which gpupipe streams. Checks: each part shows at
# its colour in the host compositor's screenshot; the square turns from one screenshot to the
# next; Qt's own GL vendor line names who renders and its profile (Qt reads
# GL_CONTEXT_PROFILE_MASK) is the compatibility profile; no shader of Qt's failed to compile;
# no Mesa renderer in the app through gpu-0; the app ends on SIGTERM.
#
# Every shader of Qt 5's scene graph and paint engine begins with
#   #ifdef GL_KHR_blend_equation_advanced / #extension ... : enable / #endif
# which Mesa defines in a desktop context, where gpupipe does not offer that extension: the
# host's shader check must ask the driver's context, not gpupipe's offer, whether the macro
# is defined (gpuhost/gl/shaders.c). Asking the offer, it refused every shader ("cannot tell
# whether the driver defines this macro") and the window stayed white.
GP_WIDTH=${GP_WIDTH:-800}
GP_HEIGHT=${GP_HEIGHT:-600}
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

case ${GP_QT:-5} in
5)
	qml=qmlscene
	platform=qt5/plugins/platforms/libqwayland-egl.so
	module=qt5/qml/QtQuick/Window.2
	packages="qmlscene, qtwayland5 and Qt 5's QtQuick modules"
	;;
6)
	qml=/usr/lib/qt6/bin/qml
	platform=qt6/plugins/platforms/libqwayland-egl.so
	module=qt6/qml/QtQuick/Window
	packages="qml-qt6, qt6-wayland and Qt 6's QtQuick modules"
	;;
*) fail "GP_QT=$GP_QT: expected 5 or 6" ;;
esac
[[ -x $(command -v "$qml") && -n $(find /usr/lib -path "*$platform" -print -quit) &&
	-n $(find /usr/lib -path "*$module" -print -quit) ]] ||
	skip "Qt ${GP_QT:-5} Quick on Wayland is not installed ($packages; tools/install-deps installs them)"
scene=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/scene${GP_QT:-5}.qml
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
# QSG_INFO: the scene graph logs its GL vendor, renderer and version, and Qt 6 its context's
# format. Qt 6 on its OpenGL backend (QSG_RHI_BACKEND), as on a desktop without Vulkan. A
# private HOME: none of the caller's settings.
mkdir -p "$GP_TMP/home-qt"
gl_app qt env HOME="$GP_TMP/home-qt" XDG_CONFIG_HOME="$GP_TMP/home-qt/config" \
	XDG_CACHE_HOME="$GP_TMP/home-qt/cache" QT_QPA_PLATFORM=wayland QSG_INFO=1 \
	QSG_RHI_BACKEND=opengl "$qml" "$scene"
app=$GP_LAST_PID

# The scene at 480x320 (counted natively: red 24000, green and magenta 11800 each, the
# ShaderEffect's (Qt 6: a rectangle's) blue 24000, the text's white about 800, the square's yellow 4900). Nothing
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
	is_running "$app" || fail "the app exited (see qt.log below)"
	! log_has qt 'QOpenGLShader::compile' || fail "Qt's shaders did not compile $GP_GL_WHERE (see qt.log below)"
	shows_window "$shot" || fail "the app's window never appeared $GP_GL_WHERE"
	fail "the app's window does not show its scene $GP_GL_WHERE"
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

# Qt 5: "GL_VENDOR: X"; Qt 6: "OpenGL VENDOR: X RENDERER: ..." and the context's format.
vendor=$(sed -n 's/.*GL_VENDOR: *//p; s/.*OpenGL VENDOR: \(.*\) RENDERER:.*/\1/p' "$GP_TMP/qt.log" |
	head -1)
maps=$(mesa_renderer_maps "$app")
if [[ $GP_GL_MODE == gpu0 ]]; then
	[[ $vendor == gpupipe ]] || fail "Qt's GL vendor is \"$vendor\" through gpu-0, not gpupipe"
	[[ -z $maps ]] || fail "the app maps a Mesa renderer through gpu-0 ($maps): the scene was not streamed"
	! log_has qt 'falls back to the EGL vendor' || fail "the app's display fell back to Mesa (see qt.log below)"
else
	[[ -n $vendor && $vendor != gpupipe ]] || fail "Qt's GL vendor is \"$vendor\" natively"
	[[ -n $maps ]] || fail "the app maps no Mesa renderer natively: who drew the scene?"
fi
if [[ ${GP_QT:-5} == 6 ]]; then
	log_has qt 'Created OpenGL context .*profile +QSurfaceFormat::CompatibilityProfile' ||
		fail "Qt 6 did not see a compatibility profile $GP_GL_WHERE: $(grep -o 'profile .*QSurfaceFormat::[A-Za-z]*' "$GP_TMP/qt.log" | head -1)"
fi
note "Qt's GL $GP_GL_WHERE: $vendor, $(sed -n 's/.*GL_VERSION: *//p; s/.*OpenGL VENDOR:.* VERSION: //p' "$GP_TMP/qt.log" | head -1)"
kill -TERM "$app"
wait_exit qt 10 || fail "the app still runs 10 s after SIGTERM"
