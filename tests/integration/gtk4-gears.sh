#!/bin/bash
# GTK 4's gears demo (gtk4-demo --run=gears, Debian 12's GTK 4.8) through gpu-0
# (GP_GL_MODE=native: directly on weston, rendered by Mesa): its red, green and blue gears
# show in the host compositor's screenshot. Through gpu-0 the app has gpupipe's EGL vendor
# and Mesa's after it, as `meson install` leaves them: GTK asks for desktop OpenGL's core
# profile 3.2, which gpupipe streams: the gears are drawn by the link process (no Mesa
# renderer in the app, no fallback line). Before gpupipe streamed core contexts, the display
# fell back to Mesa's vendor in the app and the gears were drawn there.
#
# Which GL API: GTK 4.8's GtkGLArea asks for desktop OpenGL only (it calls
# gdk_gl_context_set_allowed_apis(GDK_GL_API_GL), seen with gdb). With GDK_DEBUG=gl-gles,
# which leaves GTK only OpenGL ES, the gears area shows "No GL API allowed." instead of gears,
# natively too, so this test runs the demo without it: the gears need desktop OpenGL, and
# GTK 4.8's ES path (GSK's renderer) is what gl-gles gives (gtk4-gles-renderer.sh).
#
# What GTK 4.8 asks of EGL on Wayland (traced natively with gdb on libEGL's entry points):
# - eglGetPlatformDisplay(EXT) with EGL_PLATFORM_WAYLAND; GTK refuses EGL without
#   EGL_KHR_create_context and EGL_KHR_surfaceless_context; it uses EGL_KHR_no_config_context,
#   EGL_EXT_buffer_age, EGL_KHR/EXT_swap_buffers_with_damage and EGL_EXT_pixel_format_float
#   where offered.
# - eglChooseConfig {EGL_SURFACE_TYPE EGL_WINDOW_BIT, EGL_COLOR_BUFFER_TYPE EGL_RGB_BUFFER,
#   EGL_RED/GREEN/BLUE/ALPHA_SIZE 8}: no EGL_RENDERABLE_TYPE, so EGL's default
#   EGL_OPENGL_ES_BIT (ES 1) applies. Once to count, once for up to 10 configs, whose
#   EGL_DEPTH_SIZE, EGL_STENCIL_SIZE and EGL_SAMPLE_BUFFERS it reads to pick one ("No EGL
#   configuration available" when none matches). Then a count-only query for a deeper config
#   {sizes 9, 9, 9, 8, EGL_COLOR_COMPONENT_TYPE_EXT EGL_DONT_CARE}.
# - Contexts with config EGL_NO_CONFIG_KHR, all sharing the first: with GDK_DEBUG=gl-gles,
#   eglBindAPI(EGL_OPENGL_ES_API) and {EGL_CONTEXT_MAJOR_VERSION 2, MINOR 0,
#   EGL_CONTEXT_FLAGS_KHR 0}, twice (display, renderer); without it, eglBindAPI(EGL_OPENGL_API)
#   and {EGL_CONTEXT_OPENGL_PROFILE_MASK core, MAJOR 3, MINOR 2, FLAGS 0}, three times (the
#   third for the GtkGLArea). eglMakeCurrent with EGL_NO_SURFACE (surfaceless) before
#   eglCreateWindowSurface(config, wl_egl_window, no attributes).
# - GL beyond ES 2.0, with gl-gles on Mesa's ES 3.2 context: glGenVertexArrays/
#   glBindVertexArray, glDrawBuffers, glGetStringi(GL_EXTENSIONS) after GL_NUM_EXTENSIONS,
#   GL_RGBA8 as glTexImage2D's internal format, GL_UNPACK_ROW_LENGTH/SKIP_ROWS/SKIP_PIXELS,
#   glGetFramebufferAttachmentParameteriv; extensions checked: GL_KHR_debug,
#   GL_ARB_debug_output, GL_EXT_unpack_subimage.
#
# GTK's headless settings (no D-Bus, no dconf, a private HOME): gtk4_demo in gl-harness.sh.
GP_WIDTH=${GP_WIDTH:-1024}
GP_HEIGHT=${GP_HEIGHT:-800}
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd gtk4-demo
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
gtk4_demo gears -- --run=gears
app=$GP_LAST_PID

# The gears turn in their plane, so their front faces keep one colour each (lit, opaque):
# red d7503d, green 3ed663, blue 6463fc natively (about 22000, 4000 and 5500 pixels). Nothing
# else on screen comes near them: weston's background is $GP_BG, the demo's widgets grey and
# its sliders' blue 3584e4 is more than 24 away from the blue gear's.
gtk_gears_shown() {
	local red green blue
	read -r red green blue < <(probe "$1" count-each d7503d 3ed663 6463fc --tol 24) || return 1
	note "gear pixels on screen: red $red, green $green, blue $blue"
	((red >= 5000 && green >= 1000 && blue >= 1500))
}
# Or GTK says at once that it has no GL.
gears_or_no_egl() { gtk_has_no_egl gears || gtk_gears_shown "$@"; }
shot=$GP_TMP/shot.png
if ! shot_until 60 "$shot" gears_or_no_egl "$shot" || gtk_has_no_egl gears; then
	is_running "$app" || fail "gtk4-demo exited (see gears.log below)"
	if gtk_has_no_egl gears; then
		fail "no gears $GP_GL_WHERE: GTK found no EGL config (it asks eglChooseConfig without EGL_RENDERABLE_TYPE, so EGL_OPENGL_ES_BIT must be on the configs)"
	fi
	shows_window "$shot" || fail "gtk4-demo's window never appeared $GP_GL_WHERE"
	fail "gtk4-demo's window shows no gears $GP_GL_WHERE (GTK 4.8's GtkGLArea needs desktop OpenGL; see the header)"
fi
note "gears on screen $GP_GL_WHERE: window at $(probe "$shot" bbox-not "$GP_BG")"

maps=$(mesa_renderer_maps "$app")
if [[ $GP_GL_MODE == gpu0 ]]; then
	[[ -z $maps ]] || fail "gtk4-demo maps a Mesa renderer through gpu-0 ($maps): the gears were not streamed"
	! log_has gears 'falls back to the EGL vendor' || fail "gtk4-demo's display fell back to Mesa (see gears.log below)"
else
	[[ -n $maps ]] || fail "gtk4-demo maps no Mesa renderer natively: who drew the gears?"
fi
kill -TERM "$app"
wait_exit gears 10 || fail "gtk4-demo still runs 10 s after SIGTERM"
