#!/bin/bash
# Link loss under running GL apps: gpupipe-host's link processes are killed (SIGKILL) while
# gl-patterns --until-lost and es2gears_wayland draw through gpu-0. Neither app may hang:
# - gl-patterns sees the loss (an EGL error from eglSwapBuffers or a Wayland error), then
#   runs more GL calls, eglSwapBuffers, eglMakeCurrent(none) and eglTerminate, which must all
#   return ("survived: ..."), and exits 0 by itself: the library never blocks and never
#   calls exit();
# - es2gears_wayland exits by itself (its Wayland connection is gone), not by a signal.
# "Not hang" is measured as: each app exits within 20 s of the kill. Afterwards the host
# still serves: a fresh gl-patterns through gpu-0 draws and checks a frame.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd es2gears_wayland
gl_setup
shot=$GP_TMP/shot.png
gl_patterns lost --until-lost
wait_log 60 lost '^frame 1 shown' || fail "gl-patterns never showed a frame"
gl_app gears es2gears_wayland
shot_until 30 "$shot" gears_drawn "$shot" || fail "es2gears' gears never appeared"
two_links() { (($(children_of "$GP_HOST_PID" | wc -l) == 2)); }
wait_for 10 two_links || fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 2"

for link in $(children_of "$GP_HOST_PID"); do
	note "killing link process $(describe_pid "$link")"
	kill -KILL "$link"
done
if ! wait_exit lost 20; then
	pid=$(pid_of lost)
	fail "gl-patterns hangs after the link was lost: state $(cut -d' ' -f3 "/proc/$pid/stat"), in $(cat "/proc/$pid/wchan" 2>/dev/null)"
fi
((GP_EXIT_STATUS == 0)) || fail "gl-patterns exited with $GP_EXIT_STATUS after the link loss"
log_has lost '^lost: ' || fail "gl-patterns exited without noticing the loss"
log_has lost '^survived: ' || fail "gl-patterns did not get through its calls after the loss"
note "$(grep -E '^(lost|survived): ' "$GP_TMP/lost.log" | tr '\n' ' ')"
if ! wait_exit gears 20; then
	pid=$(pid_of gears)
	fail "es2gears hangs after the link was lost: state $(cut -d' ' -f3 "/proc/$pid/stat"), in $(cat "/proc/$pid/wchan" 2>/dev/null)"
fi
((GP_EXIT_STATUS < 128)) || fail "es2gears was killed by signal $((GP_EXIT_STATUS - 128)) after the link loss"
note "es2gears exited with status $GP_EXIT_STATUS"

is_running "$GP_HOST_PID" || fail "gpupipe-host exited"
is_running "$GP_PROXY_PID" || fail "gpupipe-proxy exited"
gl_patterns after --frames 1
expect_clean_exit after 60 "a new gl-patterns after the link loss"
