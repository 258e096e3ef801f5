#!/bin/bash
# mpv 0.35 with desktop OpenGL (--vo=gpu --gpu-context=wayland --opengl-es=no) showing a still
# frame of two colour bars (lavfi's colour sources side by side: nothing fetched, no file) on
# headless weston (GP_GL_MODE=native: directly on weston, rendered by Mesa, the baseline).
# Through gpu-0 the app has gpupipe's EGL vendor and Mesa's after it, as `meson install`
# leaves them. Checks: both bars show in the host compositor's screenshot at their colours
# (mpv's scaler and colour conversion leave them within a few steps); who rendered them (see
# below); mpv ends on SIGTERM.
#
# What mpv 0.35 asks of EGL on Wayland (traced natively and through gpu-0 with gdb on libEGL's
# entry points): eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR), eglInitialize,
# eglBindAPI(EGL_OPENGL_API), eglChooseConfig {EGL_SURFACE_TYPE EGL_WINDOW_BIT,
# EGL_RED/GREEN/BLUE_SIZE 8, EGL_ALPHA_SIZE 0, EGL_RENDERABLE_TYPE EGL_OPENGL_BIT} (once to
# count, once for them all), then eglCreateContext(config, no share, {EGL_CONTEXT_MAJOR_VERSION
# 4, MINOR 4, EGL_CONTEXT_OPENGL_PROFILE_MASK core, EGL_CONTEXT_FLAGS_KHR 0}) and
# eglCreatePlatformWindowSurface. mpv would go on to 4.3, 4.0, 3.3, ... core on
# EGL_BAD_MATCH, but its first request decides: a host offering core 4.4 or later streams mpv
# (drawn by the link process, no Mesa renderer in the app, no fallback line); below that
# (core 3.3 while commands of 4.0 to 4.5 are pending in protocols/gles/gl-annotations.txt),
# libEGL_gpupipe refuses the 4.4 request by falling back to Mesa in the app, once, with its
# log line, and mpv gets Mesa's 4.5 core context and shows the bars as natively. Which of the
# two applies is read from the host's offer ("apps get OpenGL core profile up to X.Y" in
# gpupipe-host's log), so this test asserts the one that must hold.
GP_WIDTH=${GP_WIDTH:-640}
GP_HEIGHT=${GP_HEIGHT:-480}
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd mpv
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
# Paused on its first frame: nothing moves, the screenshot is the frame. --no-config: none of
# the caller's settings; -v on the vo only: its GL_VERSION line.
gl_app mpv mpv --no-config --vo=gpu --gpu-context=wayland --opengl-es=no --pause \
	--keep-open=always --no-audio --osd-level=0 --msg-level=all=info,vo=v \
	'av://lavfi:color=c=0xff00ff:s=160x240[a];color=c=0x00ffff:s=160x240[b];[a][b]hstack'
app=$GP_LAST_PID
wait_log 60 mpv "GL_VERSION='" || fail "mpv printed no GL_VERSION $GP_GL_WHERE"
version=$(sed -n "s/.*GL_VERSION='\(.*\)'/\1/p" "$GP_TMP/mpv.log" | head -1)

# Each bar is 160x240 (38400 pixels); a few rows may be scaled into their neighbour's colour.
bars_shown() {
	local magenta cyan
	read -r magenta cyan < <(probe "$1" count-each ff00ff 00ffff --tol 16) || return 1
	((magenta >= 36000 && cyan >= 36000))
}
shot=$GP_TMP/shot.png
if ! shot_until 30 "$shot" bars_shown "$shot"; then
	is_running "$app" || fail "mpv exited (see mpv.log below)"
	shows_window "$shot" || fail "mpv's window never appeared $GP_GL_WHERE"
	fail "mpv's window shows no bars $GP_GL_WHERE (magenta, cyan: $(probe "$shot" count-each ff00ff 00ffff --tol 16))"
fi
note "mpv $GP_GL_WHERE: \"$version\", bars at $(probe "$shot" bbox-not "$GP_BG")"

maps=$(mesa_renderer_maps "$app")
line='libEGL_gpupipe.* warn: eglCreateContext: OpenGL 4.4 core profile asked, .*falls back to the EGL vendor .*libEGL_mesa'
if [[ $GP_GL_MODE == gpu0 ]]; then
	offer=$(sed -n 's/.*apps get OpenGL core profile up to \([0-9]*\.[0-9]*\).*/\1/p' \
		"$GP_TMP/gpupipe-host.log" | head -1)
	[[ -n $offer ]] || fail "gpupipe-host offers no desktop OpenGL core profile (see gpupipe-host.log below)"
	if ((${offer%.*} * 10 + ${offer#*.} >= 44)); then
		[[ $version == *gpupipe* ]] || fail "the host offers core $offer, yet mpv got \"$version\", not gpupipe's"
		[[ -z $maps ]] || fail "mpv maps a Mesa renderer through gpu-0 ($maps): the frame was not streamed"
		! log_has mpv 'falls back to the EGL vendor' || fail "mpv's display fell back to Mesa (see mpv.log below)"
		note "the host offers core $offer: mpv's core 4.4 context is streamed"
	else
		[[ -n $maps ]] || fail "the host offers core $offer, below mpv's 4.4, yet mpv maps no Mesa renderer"
		lines=$(grep -Ec "$line" "$GP_TMP/mpv.log" || true)
		((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines for mpv's 4.4 request, expected one (see mpv.log below)"
		note "the host offers core $offer, below 4.4: $(grep -E "$line" "$GP_TMP/mpv.log")"
	fi
else
	[[ -n $maps ]] || fail "mpv maps no Mesa renderer natively: who drew the bars?"
fi
kill -TERM "$app"
wait_exit mpv 10 || fail "mpv still runs 10 s after SIGTERM"
# mpv's status for "quit by a signal" is 4.
((GP_EXIT_STATUS == 4 || GP_EXIT_STATUS == 0)) || fail "mpv exited with status $GP_EXIT_STATUS after SIGTERM (see mpv.log below)"
