#!/bin/bash
# wl_display.sync through gpu-0 (proxy/sync.c; GP_GL_MODE=native: Mesa in the app, the
# baseline): tests/gl/gl-sync-order makes 200 GL frames, each ended by a
# wl_display_roundtrip, and halfway binds wl_output and wl_seat and makes a roundtrip that
# must return after their events. Through gpu-0, gpupipe-proxy must have answered the
# frames' roundtrips itself and relayed the others (its figures at the app's end count
# both).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_SYNC_ORDER:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-sync-order) ||
	skip "gl-sync-order is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
gl_setup
gl_app sync-order "$bin"
expect_clean_exit sync-order 60 gl-sync-order
log_has sync-order '^ok$' || fail "gl-sync-order did not say ok"
[[ $GP_GL_MODE == gpu0 ]] || exit 0
counts() { grep -oE 'stats since the app connected .* syncs: [0-9]+ waited for, [0-9]+ answered here' "$GP_TMP/gpupipe-proxy.log"; }
wait_for 10 counts || fail "gpupipe-proxy never logged its wl_display.sync counts"
read -r relayed answered < <(counts | sed -E 's/.*syncs: ([0-9]+) waited for, ([0-9]+) answered here.*/\1 \2/')
note "wl_display.sync: $relayed relayed, $answered answered by gpupipe-proxy"
# Relayed: the set-up's (registry, configure, the first frame that maps the window), the
# one after the binds and maybe the frame after it; answered: the other frames.
((answered >= 190)) || fail "gpupipe-proxy answered $answered of the 200 frames' roundtrips itself"
((relayed >= 3 && relayed <= 10)) || fail "gpupipe-proxy relayed $relayed roundtrips, expected 3 to 10"
