#!/bin/bash
# wl_display.sync through gpu-0 (proxy/sync.c): tests/lib/sync-order makes 200 frames on a
# shm surface, each ended by a wl_display_roundtrip, and halfway binds wl_output and wl_seat
# and makes a roundtrip that must return after their events. Natively first (the check is
# of the protocol), then through gpu-0, where gpupipe-proxy must have answered the frames'
# roundtrips itself and relayed the others (its log line at the app's end counts both).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

bin=${GPUPIPE_SYNC_ORDER:-}
[[ -x $bin ]] || bin=$(find_built tests/lib/sync-order) || fail "build gpupipe first (tests/lib/sync-order)"
start_weston
env XDG_RUNTIME_DIR="$GP_TMP" WAYLAND_DISPLAY="$GP_DISPLAY" timeout 60 "$bin" >"$GP_TMP/native.log" 2>&1 ||
	fail "natively: $(cat "$GP_TMP/native.log")"
start_gpupipe
env XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0 timeout 60 "$bin" >"$GP_TMP/gpu0.log" 2>&1 ||
	fail "through gpu-0: $(cat "$GP_TMP/gpu0.log")"
counts() { grep -oE 'wl_display.sync: [0-9]+ relayed to the compositor, [0-9]+ answered here' "$GP_TMP/gpupipe-proxy.log"; }
wait_for 10 counts || fail "gpupipe-proxy never logged its wl_display.sync counts"
read -r relayed answered < <(counts | sed -E 's/.*: ([0-9]+) relayed.*, ([0-9]+) answered.*/\1 \2/')
note "wl_display.sync: $relayed relayed, $answered answered by gpupipe-proxy"
# Relayed: the first roundtrip, the first buffer's, the one after the binds and the frame
# after it (the binds' sync still owed then, or not); answered: the other frames.
((answered >= 195)) || fail "gpupipe-proxy answered $answered of the 200 frames' roundtrips itself"
((relayed >= 3 && relayed <= 5)) || fail "gpupipe-proxy relayed $relayed roundtrips, expected 3 to 5"
