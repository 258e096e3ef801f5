#!/bin/bash
# Never worse than without gpupipe: gl-desktop-app (desktop OpenGL: an EGL_OPENGL_BIT config,
# eglBindAPI(EGL_OPENGL_API), a compatibility context drawing in immediate mode, from a
# display list, from client arrays and with glDrawPixels, a core 3.3 context drawing from a
# vertex array object) on gpu-0 with gpupipe's EGL vendor and Mesa's after it, as `meson
# install` leaves them, served by a host that leaves the compatibility profile out
# (gpupipe-host --gl-apis es1,core: an administrator keeping that part of the driver out of
# apps' reach, or a driver without it). gpupipe's vendor hands the display to Mesa's
# (proxy/egl/fallback.c): the app renders on its own CPU into wl_shm, as it would without
# gpupipe, its probes read back right, its window shows in the host compositor's screenshot,
# Mesa's drivers are mapped in the app, and libEGL_gpupipe says once, at warn level, why it
# is not accelerated. A display that already holds a gpupipe context cannot fall back: a
# desktop GL context asked after an ES one is refused with EGL_BAD_MATCH, with a log line.
# gl-desktop-app.sh is the same app streamed by a host offering everything.
# (GP_GL_MODE=native: the same app directly on weston, the baseline.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_DESKTOP_APP:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-desktop-app) ||
	skip "gl-desktop-app is not built (it needs libglvnd-dev's opengl)"

# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup --gl-apis es1,core
gl_app desktop "$bin" --core
app=$GP_LAST_PID
wait_log 30 desktop '^held$' || fail "gl-desktop-app never showed its third frame"
no_fail_lines desktop || fail "gl-desktop-app's own checks failed $GP_GL_WHERE (glReadPixels, GL errors)"
for check in immediate-quad display-list client-arrays draw-pixels core-vao clear; do
	log_has desktop "^PASS $check [0-9]+ [0-9]+ [0-9a-f]{6}$" ||
		fail "gl-desktop-app printed no probe of $check"
done
version=$(sed -n 's/^info: GL_VERSION //p' "$GP_TMP/desktop.log" | head -1)
[[ -n $version && $version != *gpupipe* && $version != OpenGL\ ES* ]] ||
	fail "gl-desktop-app's compatibility context has GL_VERSION \"$version\", not desktop GL"
note "gl-desktop-app $GP_GL_WHERE: GL_VERSION \"$version\", core \"$(sed -n 's/^info: core GL_VERSION //p' "$GP_TMP/desktop.log")\""

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" desktop; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-desktop-app read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"

[[ -n $(mesa_renderer_maps "$app") ]] || fail "gl-desktop-app maps no Mesa renderer $GP_GL_WHERE: who rendered?"
line='libEGL_gpupipe.* warn: .*falls back to the EGL vendor .*libEGL_mesa.*not accelerated'
if [[ $GP_GL_MODE == gpu0 ]]; then
	lines=$(grep -Ec "$line" "$GP_TMP/desktop.log" || true)
	((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines, expected one (see desktop.log below)"
	note "$(grep -E "$line" "$GP_TMP/desktop.log")"
fi
kill -TERM "$app"
expect_clean_exit desktop 10 "gl-desktop-app after SIGTERM"

# A display that already holds a gpupipe context cannot fall back as a whole: a desktop GL
# context asked after an ES one is refused, as before, and the log says why.
if [[ $GP_GL_MODE == gpu0 ]]; then
	gl_app es-first "$bin" --es-first
	expect_clean_exit es-first 20 "gl-desktop-app --es-first"
	log_has es-first '^info: desktop GL context after an ES one: EGL_BAD_MATCH$' ||
		fail "a desktop GL context after an ES one was not refused with EGL_BAD_MATCH (see es-first.log below)"
	log_has es-first 'warn: eglCreateContext: desktop OpenGL .* already holds gpupipe contexts' ||
		fail "libEGL_gpupipe did not say why the desktop GL context was refused"
fi

# A window surface made before the context, never current (SDL makes its window first): the
# display still falls back when the context gpupipe does not stream is asked for, the next
# vendor making a surface in its place on the same wl_egl_window (fallback.c,
# carry_surfaces). Natively the same app is the baseline.
gl_app first "$bin" --surface-first
first=$GP_LAST_PID
wait_log 30 first '^held$' || fail "gl-desktop-app --surface-first never showed its third frame (see first.log below)"
no_fail_lines first || fail "gl-desktop-app --surface-first's checks failed $GP_GL_WHERE"
for check in immediate-quad display-list client-arrays draw-pixels clear; do
	log_has first "^PASS $check [0-9]+ [0-9]+ [0-9a-f]{6}$" ||
		fail "gl-desktop-app --surface-first printed no probe of $check"
done
log_has first '^info: EGL_VENDOR after the context .*, surface width 256$' ||
	fail "the surface made before the context does not answer its width (see first.log below)"
if ! shot_until 20 "$shot" shot_matches_probes "$shot" first; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-desktop-app --surface-first read back"
fi
[[ -n $(mesa_renderer_maps "$first") ]] || fail "gl-desktop-app --surface-first maps no Mesa renderer $GP_GL_WHERE"
if [[ $GP_GL_MODE == gpu0 ]]; then
	lines=$(grep -Ec "$line" "$GP_TMP/first.log" || true)
	((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines for --surface-first, expected one"
fi
kill -TERM "$first"
expect_clean_exit first 10 "gl-desktop-app --surface-first after SIGTERM"
