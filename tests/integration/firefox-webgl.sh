#!/bin/bash
# Firefox ESR showing a local page with a WebGL 1 and a WebGL 2 canvas (firefox-webgl/: each
# clears to one colour and draws a square of another with a shader, then prints a line with
# its version, unmasked renderer, the centre pixel it reads back and its GL error) on headless
# weston (GP_GL_MODE=native: directly on weston, rendered by Mesa, the baseline). Through
# gpu-0 Firefox has gpupipe's EGL vendor and Mesa's after it, as `meson install` leaves them.
# Checks: each canvas's colours in the host compositor's screenshot, its line (the square's
# colour read back, no error, the renderer: through gpu-0 the host's), who rendered (below),
# and Firefox ending on SIGTERM with all its processes. Through gpu-0, a second run with
# gpupipe's vendor alone shows the same with no Mesa renderer in any Firefox process (see
# the end for why the first run, as installed, cannot show that).
#
# What Firefox asks of EGL (traced with gdb on libEGL's entry points; WebGL runs in the parent
# process here, which has the Wayland connection; with llvmpipe its compositor is software
# WebRender, no GL): eglGetDisplay(EGL_DEFAULT_DISPLAY) and eglInitialize, then per WebGL
# context eglBindAPI(EGL_OPENGL_API) and a surfaceless eglCreateContext(EGL_NO_CONFIG_KHR,
# {EGL_CONTEXT_OPENGL_PROFILE_MASK core, MAJOR 3, MINOR 2,
# EGL_CONTEXT_OPENGL_RESET_NOTIFICATION_STRATEGY EGL_LOSE_CONTEXT_ON_RESET,
# EGL_CONTEXT_FLAGS_KHR EGL_CONTEXT_OPENGL_ROBUST_ACCESS_BIT_KHR}); refused, it retries with
# EGL_CONTEXT_OPENGL_ROBUST_ACCESS instead of the flag, then without robust access, then
# without the strategy. Core 3.2 is within every offer, so both contexts are streamed (no
# fallback line), and the first, robust request is
# taken (the host asked its driver for the strategy under EGL_EXT_create_context_robustness's
# name, which Mesa takes for ES contexts only, and refused four: gpuhost/gl/context.c).
#
# Firefox calls glGetGraphicsResetStatusKHR on its core context now and then, advertised
# or not: libEGL_gpupipe answers it as the core command it is where the context has that
# (4.5), as Mesa does; any GL error reaching the page fails the test.
#
# WebGL 2 needs more than 3.2: Firefox refuses it ("WebGL 2 requires support for the following
# features: texture_storage transform_feedback2") on a context without OpenGL 4.2 (or
# GL_ARB_texture_storage) and 4.0 (or GL_ARB_transform_feedback2). Through gpu-0 a host
# offering core 4.2 or later (llvmpipe's 4.5 here) gives it the WebGL 2 square; one offering
# less leaves the canvas empty (a loss against Mesa in the app). Which applies
# is read from the host's offer in gpupipe-host's log, so this test asserts the one that must
# hold.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd firefox-esr
page_dir=$(cd "$(dirname "$0")/firefox-webgl" && pwd)
# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
# firefox_webgl NAME: one run of Firefox on the page, its logs and processes called NAME.
firefox_webgl() {
	local ff=$1
	profile=$GP_TMP/$ff-profile
	mkdir -p "$profile" "$GP_TMP/home-$ff"
	cp "$page_dir/user.js" "$profile/"
	gl_app "$ff" env HOME="$GP_TMP/home-$ff" XDG_CACHE_HOME="$GP_TMP/home-firefox/cache" \
		MOZ_ENABLE_WAYLAND=1 MOZ_CRASHREPORTER_DISABLE=1 firefox-esr --no-remote \
		--profile "$profile" "file://$page_dir/webgl.html"
	app=$GP_LAST_PID
	wait_log 120 "$ff" '^RESULT webgl2 ' || fail "the page printed no WebGL 2 line $GP_GL_WHERE"
	result() { sed -n "s/^RESULT $1 //p" "$GP_TMP/$ff.log" | head -1; }
	webgl1=$(result webgl)
	webgl2=$(result webgl2)
	note "WebGL 1 $GP_GL_WHERE: $webgl1"
	note "WebGL 2 $GP_GL_WHERE: $webgl2"

	want_webgl2=true
	if [[ $GP_GL_MODE == gpu0 ]]; then
		offer=$(sed -n 's/.*apps get OpenGL core profile up to \([0-9]*\.[0-9]*\).*/\1/p' \
			"$GP_TMP/gpupipe-host.log" | head -1)
		[[ -n $offer ]] || fail "gpupipe-host offers no desktop OpenGL core profile (see gpupipe-host.log below)"
		((${offer%.*} * 10 + ${offer#*.} >= 42)) || want_webgl2=false
		# The renderer the page sees is the host's.
		renderer=$(sed -n 's/.*info: host GL: \(.*\), OpenGL ES .*/\1/p' "$GP_TMP/gpupipe-host.log" | head -1)
	else
		renderer=llvmpipe
	fi
	# line_ok LINE CENTRE: a context's line names the renderer, read its square back, no error.
	line_ok() {
		[[ $1 == *"unmasked=$renderer"* ]] || fail "the page's line does not name the renderer \"$renderer\" $GP_GL_WHERE: $1"
		[[ $1 == *"| centre=$2 |"* ]] || fail "the page read back another centre than $2 $GP_GL_WHERE: $1"
		[[ $1 == *"| error=0" ]] || fail "the page got a GL error $GP_GL_WHERE: $1"
	}
	line_ok "$webgl1" 0,0,255,255
	# Each canvas is 200x200 with a 100x100 square in the middle.
	canvases_shown() {
		local magenta blue yellow green
		read -r magenta blue yellow green < <(probe "$1" count-each ff00ff 0000ff ffff00 008000 --tol 8) ||
			return 1
		((magenta >= 29000 && blue >= 9500)) || return 1
		if $want_webgl2; then
			((yellow >= 29000 && green >= 9500))
		else
			((yellow == 0 && green == 0))
		fi
	}
	if $want_webgl2; then
		[[ $webgl2 == "version=WebGL 2.0 "* ]] || fail "no WebGL 2 context $GP_GL_WHERE: $webgl2"
		line_ok "$webgl2" 0,128,0,255
	else
		[[ $webgl2 == none ]] || fail "the host offers core $offer, yet Firefox made a WebGL 2 context: $webgl2"
		log_has "$ff" 'WebGL 2 requires support for the following features' ||
			fail "no WebGL 2 context, and Firefox did not say why (see $ff.log below)"
		note "the host offers core $offer, below 4.2: Firefox gives no WebGL 2 context, lacking $(sed -n '/WebGL 2 requires/,/FEATURE_FAILURE/{/^  /p}' "$GP_TMP/$ff.log" | sort -u | tr -s ' \n' ' ')"
	fi
	shot=$GP_TMP/shot.png
	if ! shot_until 30 "$shot" canvases_shown "$shot"; then
		is_running "$app" || fail "Firefox exited (see $ff.log below)"
		shows_window "$shot" || fail "Firefox's window never appeared $GP_GL_WHERE"
		fail "Firefox's window does not show the canvases $GP_GL_WHERE (magenta, blue, yellow, green: $(probe "$shot" count-each ff00ff 0000ff ffff00 008000 --tol 8))"
	fi

	# Every process of Firefox's: which of them map a Mesa renderer.
	firefox_maps() {
		local pid
		for pid in "$app" $(children_of "$app"); do
			mesa_renderer_maps "$pid" | sed "s|^|$pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-60)): |"
		done
	}
	maps=$(firefox_maps)
	if [[ $GP_GL_MODE == gpu0 ]]; then
		if [[ $GP_GL_VENDORS == both ]]; then
			[[ -z $maps ]] || note "as installed, Firefox maps Mesa's renderer for a display of its own: $maps"
		else
			[[ -z $maps ]] || fail "Firefox maps a Mesa renderer through gpu-0 with gpupipe's vendor alone ($maps)"
		fi
		! log_has "$ff" 'falls back to the EGL vendor' || fail "Firefox's display fell back to Mesa (see $ff.log below)"
		! log_has "$ff" 'eglCreateContext: refused by the host' ||
			fail "the host refused one of Firefox's context requests (see $ff.log below)"
	else
		[[ -n $maps ]] || fail "Firefox maps no Mesa renderer natively: who drew the canvases?"
	fi
	kill -TERM "$app"
	wait_exit "$ff" 30 || fail "Firefox still runs 30 s after SIGTERM"
}

firefox_webgl firefox
# As installed, Firefox's main process maps Mesa's renderer since the compatibility profile
# is offered (its start-up probe then reports desktop GL), for a display gpupipe's vendor is
# never asked about (it logs no request: libglvnd hands a display of one of Mesa's EGL
# devices straight to Mesa's vendor, the likely way; WebGL itself is streamed, no fallback),
# so who drew WebGL is shown by a second run with gpupipe's vendor alone: the same canvases,
# no Mesa renderer in any of its processes.
if [[ $GP_GL_MODE == gpu0 ]]; then
	GP_GL_VENDORS=gpupipe
	firefox_webgl firefox-alone
fi
