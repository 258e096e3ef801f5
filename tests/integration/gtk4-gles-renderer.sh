#!/bin/bash
# GTK 4 on OpenGL ES (GDK_DEBUG=gl-gles) through gpu-0 (GP_GL_MODE=native: directly on
# weston, rendered by Mesa): gtk4-demo's gears window is drawn by GSK's GL renderer
# (GSK_RENDERER=gl) on an ES context: GTK does not report that the renderer failed to
# realize (a "Failed to realize renderer" message, after which GTK would draw with cairo),
# the window shows the demo's widgets (the FPS box 6e6e6e, the sliders' blue 3584e4) and,
# through gpu-0, the app maps none of Mesa's drivers. This is GTK 4.8's ES path: what it
# asks of EGL and GL is written in gtk4-gears.sh. The gears area itself says "No GL API
# allowed." there: GTK 4.8's GtkGLArea wants desktop OpenGL, which gl-gles rules out.
GP_WIDTH=${GP_WIDTH:-1024}
GP_HEIGHT=${GP_HEIGHT:-800}
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd gtk4-demo
gl_setup
gtk4_demo demo GDK_DEBUG=gl-gles GSK_RENDERER=gl -- --run=gears
app=$GP_LAST_PID

# The window, once drawn: the FPS box and the three sliders' blue (about 5600 and 270
# pixels natively), or GTK's word that its GL renderer failed.
widgets_shown() {
	local grey blue
	read -r grey blue < <(probe "$1" count-each 6e6e6e 3584e4 --tol 6) || return 1
	((grey >= 3000 && blue >= 100))
}
no_renderer() { log_has demo 'Failed to realize renderer'; }
shown_or_no_renderer() { no_renderer || widgets_shown "$@"; }
shot=$GP_TMP/shot.png
shot_until 60 "$shot" shown_or_no_renderer "$shot" || no_renderer ||
	fail "gtk4-demo's window with its widgets never appeared $GP_GL_WHERE"
if no_renderer; then
	fail "GTK's GL renderer did not realize on OpenGL ES $GP_GL_WHERE: $(grep -m1 'Failed to realize renderer' "$GP_TMP/demo.log")"
fi
note "gtk4-demo drawn by GSK's GL renderer on OpenGL ES $GP_GL_WHERE: window at $(probe "$shot" bbox-not "$GP_BG")"

if [[ $GP_GL_MODE == gpu0 ]]; then
	maps=$(mesa_maps "$app")
	[[ -z $maps ]] || fail "gtk4-demo on gpu-0 has Mesa's drivers mapped: $maps"
	link=$(children_of "$GP_HOST_PID")
	[[ -n $link && -n $(mesa_maps "$link") ]] ||
		fail "no link process of gpupipe-host maps a Mesa driver: who drew the window?"
else
	[[ -n $(mesa_maps "$app") ]] || fail "the native gtk4-demo maps no Mesa driver: is GL in use?"
fi
# Still no failure after the window showed (GTK realizes the renderer once per window).
no_renderer && fail "GTK's GL renderer failed after the window showed $GP_GL_WHERE"
kill -TERM "$app"
wait_exit demo 10 || fail "gtk4-demo still runs 10 s after SIGTERM"
