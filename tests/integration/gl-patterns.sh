#!/bin/bash
# gl-patterns through gpu-0 (GP_GL_MODE=native: directly on weston, rendered by Mesa): every
# pattern (triangles, textures with odd rows, blending, depth, scissor, FBO render-to-texture,
# client-side arrays, VBOs, element buffers, ...) reads back right with glReadPixels for three
# frames, and the held last frame reaches the host compositor unchanged: the window alone on
# screen, 256x256, every probed pixel the colour glReadPixels saw. Through gpu-0 the app is
# served by gpupipe's EGL vendor (GL_VERSION names gpupipe). SIGTERM ends it with status 0.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_setup
gl_patterns patterns --frames 3 --hold
wait_log 60 patterns '^held$' || fail "gl-patterns never showed its third frame"
no_fail_lines patterns || fail "gl-patterns' own checks failed $GP_GL_WHERE (glReadPixels)"
gl_expect_renderer patterns
probes=$(grep -c '^PASS .* [0-9a-f]\{6\}$' "$GP_TMP/patterns.log")
((probes >= 50)) || fail "only $probes probes passed, expected at least 50"

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" patterns; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-patterns read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"
kill -TERM "$(pid_of patterns)"
expect_clean_exit patterns 10 "gl-patterns after SIGTERM"
