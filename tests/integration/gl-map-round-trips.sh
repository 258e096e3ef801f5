#!/bin/bash
# A buffer mapped again and again waits for the host once: gl-es3-app --map-loop 200 maps
# one buffer write-only 200 times, writing one float each time (the map keeps the other
# bytes, which the library takes from its copy of the store, proxy/gl/gles-buffer-copy.c,
# after the first map fetched it), then checks the store. When the link ends, gpupipe-host
# --stats logs the commands that made the most round trips: GL_OP_BUFFER_READ (a map's
# fetch) is there twice at most (the first map's, and the check's read of a new buffer the
# GPU copied the store into), not once per map.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=$(gl_es3_app_bin) || exit
log=$GP_TMP/gpupipe-host.log
gl_setup --stats
gl_app maps "$bin" --es 3.0 --map-loop 200
wait_exit maps 60 || fail "gl-es3-app --map-loop 200 did not finish"
((GP_EXIT_STATUS == 0)) ||
	fail "gl-es3-app --map-loop 200 exited with status $GP_EXIT_STATUS: $(grep -E '^(FAIL|gl-es3-app:)' "$GP_TMP/maps.log" | head -3)"
log_has maps '^PASS map-loop$' || fail "gl-es3-app printed no PASS map-loop"
by_command() { grep -E 'stats: round trips by command since the link began: ' "$log" | tail -1; }
wait_for 10 by_command || fail "the link logged no round trips by command when it ended (see gpupipe-host.log below)"
line=$(by_command)
note "$line"
reads=$(sed -nE 's/.*GL_OP_BUFFER_READ ([0-9]+).*/\1/p' <<<"$line")
# Not among the eight commands that made the most: fewer than any of those.
[[ -z $reads ]] || ((reads <= 2)) ||
	fail "200 maps of one buffer fetched its bytes from the host $reads times: $line"
