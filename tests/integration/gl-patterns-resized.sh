#!/bin/bash
# gl-patterns through gpu-0 (GP_GL_MODE=native: rendered by Mesa in the app) resizes its
# own window: four frames at 256x256, wl_egl_window_resize to 320x288, four more. Every frame
# reads back right at its size, EGL_WIDTH x EGL_HEIGHT follow, the buffer age is 0 for the
# first frame at each size (where EGL_EXT_buffer_age is offered: through gpu-0 it must be),
# and the host compositor shows the last frame at 320x288 with every probe in place.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_setup
gl_patterns patterns --frames 4 --resize 320x288 --hold
wait_log 60 patterns '^held$' || fail "gl-patterns never showed its last resized frame"
no_fail_lines patterns || fail "gl-patterns' own checks failed $GP_GL_WHERE"
gl_expect_renderer patterns
log_has patterns '^frame 4 shown \(320x288\)$' || fail "no frame was shown at 320x288"
if [[ $GP_GL_MODE == gpu0 ]]; then
	for when in first-frame after-resize; do
		log_has patterns "^PASS buffer-age-$when$" ||
			fail "no buffer age check ($when): is EGL_EXT_buffer_age advertised?"
	done
fi

shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" patterns; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the resized frame gl-patterns read back"
fi
note "$(tail -1 "$GP_TMP/shot-check.txt")"
