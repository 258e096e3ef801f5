#!/bin/bash
# The dmabuf path, where the GPU domain has a render node: weston with its GL renderer on
# that node offers zwp_linux_dmabuf_v1, gpupipe-host renders with GBM on the node
# (GPUPIPE_RENDER_NODE names it) and presents each frame as a dmabuf; gl-patterns through
# gpu-0 reads back right and its probes show on screen, and weston-simple-egl shows its
# triangle. Skipped (77) without /dev/dri/renderD*, or when weston offers no dmabuf there.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

nodes=(/dev/dri/renderD*)
[[ -c ${nodes[0]} ]] || skip "no render node (/dev/dri/renderD*): the dmabuf path needs a GPU"
node=${GPUPIPE_TEST_RENDER_NODE:-${nodes[0]}}
[[ -r $node && -w $node ]] || skip "$node is not readable and writable by $(id -un)"

bin=$(gl_patterns_bin) || exit
GP_WESTON_RENDERER=gl
start_weston
# Does weston offer linux-dmabuf on this machine? A client's WAYLAND_DEBUG shows the globals.
start_native_app globals env WAYLAND_DEBUG=client "$bin" --frames 1
wait_exit globals 60 || fail "gl-patterns did not finish natively"
grep -q '"zwp_linux_dmabuf_v1"' "$GP_TMP/globals.log" ||
	skip "weston offers no zwp_linux_dmabuf_v1 with its GL renderer here (render node $node)"

export GPUPIPE_RENDER_NODE=$node
start_gpupipe
gl_patterns patterns --frames 3 --hold
wait_log 60 patterns '^held$' || fail "gl-patterns never showed its third frame"
no_fail_lines patterns || fail "gl-patterns' own checks failed on the dmabuf path"
gl_expect_renderer patterns
grep -qi 'dmabuf' "$GP_TMP/gpupipe-host.log" ||
	fail "gpupipe-host's log never mentions dmabuf: did it pick the shm path on $node?"
shot=$GP_TMP/shot.png
if ! shot_until 20 "$shot" shot_matches_probes "$shot" patterns; then
	cat "$GP_TMP/shot-check.txt" >&2
	fail "the screenshot does not show the frame gl-patterns read back"
fi
note "render node $node: $(tail -1 "$GP_TMP/shot-check.txt")"
