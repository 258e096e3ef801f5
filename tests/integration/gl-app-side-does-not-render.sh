#!/bin/bash
# The app side does not render: an app on gpu-0 whose glvnd knows only gpupipe's EGL vendor
# gets gpupipe's EGL (eglinfo's Wayland platform names it, gl-patterns' GL_VERSION too) and
# maps none of Mesa's EGL or GL drivers (no libEGL_mesa, swrast/llvmpipe, libgallium,
# libLLVM in /proc/PID/maps) while its frames check out; the gpupipe-host link process
# serving it is where those drivers are. The same gl-patterns started natively beside it
# maps them, so the check can fail.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd eglinfo
gl_setup
start_gl_app eglinfo eglinfo
wait_exit eglinfo 60 || fail "eglinfo did not finish on gpu-0"
vendor=$(sed -n '/^Wayland platform:/,/^$/s/^EGL vendor string: //p' "$GP_TMP/eglinfo.log")
[[ ${vendor,,} == *gpupipe* ]] ||
	fail "eglinfo's Wayland platform has EGL vendor \"$vendor\", not gpupipe's"
note "eglinfo on gpu-0: Wayland platform EGL vendor \"$vendor\""

gl_patterns app --frames 2 --hold
app=$GP_LAST_PID
wait_log 60 app '^held$' || fail "gl-patterns never showed its frames"
no_fail_lines app || fail "gl-patterns' checks failed on gpu-0"
gl_expect_renderer app
maps=$(mesa_maps "$app")
[[ -z $maps ]] || fail "the app on gpu-0 has Mesa's drivers mapped: $maps"
one_link() { (($(children_of "$GP_HOST_PID" | wc -l) == 1)); }
wait_for 10 one_link || fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 1"
link=$(children_of "$GP_HOST_PID")
host_maps=$(mesa_maps "$link")
[[ -n $host_maps ]] || fail "the host's link process $link maps no Mesa driver: who renders?"
note "link process $link renders with: $(echo "$host_maps" | xargs -n1 basename | tr '\n' ' ')"

GP_GL_MODE=native gl_patterns native --frames 1 --hold
native=$GP_LAST_PID
wait_log 60 native '^held$' || fail "the native gl-patterns never showed its frame"
[[ -n $(mesa_maps "$native") ]] || fail "the native gl-patterns maps no Mesa driver: the check above proves nothing"
