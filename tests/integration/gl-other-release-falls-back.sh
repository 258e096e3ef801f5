#!/bin/bash
# Never worse than without gpupipe, across releases: an app whose libEGL_gpupipe and the
# GPU domain's gpupipe-host are of different releases (their GL codecs differ, so neither
# may read the other's commands) gets no GL from gpupipe; with Mesa's vendor after gpupipe's
# (as `meson install` leaves them), its display falls back to Mesa at eglInitialize, and the
# app renders on its own CPU as it would without gpupipe. gl-patterns' frames check out, its
# window shows in the host compositor's screenshot, its GL is Mesa's, and libEGL_gpupipe
# says once why it is not accelerated. The library pretends to be another release with
# GPUPIPE_TEST_CODEC (builds with -Dtest_hooks=true only).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] ||
	skip "libEGL_gpupipe was built without -Dtest_hooks=true (tools/test builds with it)"
bin=$(gl_patterns_bin) || exit

# shellcheck disable=SC2034 # read by gl_app (gl-harness.sh)
GP_GL_VENDORS=both
gl_setup
gl_app app env GPUPIPE_TEST_CODEC=1 "$bin" --frames 2 --hold
app=$GP_LAST_PID
wait_log 30 app '^held$' || fail "gl-patterns never showed its frames"
no_fail_lines app || fail "gl-patterns' checks failed after falling back to Mesa"
version=$(sed -n 's/^info: GL_VERSION //p' "$GP_TMP/app.log" | head -1)
[[ -n $version && $version != *gpupipe* ]] ||
	fail "gl-patterns' GL_VERSION is \"$version\": it did not fall back to Mesa"
log_has app 'warn: gpupipe-host speaks GL stream [0-9]+ \(codec' ||
	fail "libEGL_gpupipe did not say that the host is of another release (see app.log below)"
line='libEGL_gpupipe.* warn: eglInitialize: gpupipe-host is of another gpupipe release: this display falls back to the EGL vendor .*libEGL_mesa.*not accelerated'
lines=$(grep -Ec "$line" "$GP_TMP/app.log" || true)
((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines, expected one (see app.log below)"
note "$(grep -E "$line" "$GP_TMP/app.log")"
[[ -n $(mesa_renderer_maps "$app") ]] || fail "gl-patterns maps no Mesa renderer: who rendered?"

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" app; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-patterns read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"
kill -TERM "$app"
expect_clean_exit app 10 "gl-patterns after SIGTERM"
