#!/bin/bash
# gpupipe-host defends itself against a peer that opens links: with --max-links 1, a second
# app through gpu-0 is refused (the app is told why and exits) while the first keeps its
# window, and a link that never says hello is closed after the hello timeout.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
start_gpupipe --max-links 1
start_app first weston-simple-shm
first=$GP_LAST_PID
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" ffffff 1000 || fail "the first app's window never appeared"

# The second app: the host refuses its link, the proxy tells it, it exits non-zero.
second_log=$GP_TMP/second.log
rc=0
XDG_RUNTIME_DIR=$GP_APP_DIR WAYLAND_DISPLAY=gpu-0 timeout 20 weston-simple-shm >"$second_log" 2>&1 ||
	rc=$?
((rc != 0 && rc != 124)) || fail "the second app was not refused (exit $rc)"
grep -q "gpupipe-host serves at most 1 links at once" "$second_log" ||
	fail "the second app was not told why: $(cat "$second_log")"
grep -q "refusing a link: 1 links are open" "$GP_TMP/gpupipe-host.log" ||
	fail "gpupipe-host did not log the refusal"
is_running "$first" || fail "the first app died when the second was refused"
cp "$shot" "$GP_TMP/before.png"
changed() { (($(probe "$shot" diff "$GP_TMP/before.png") > 0)); }
shot_until 10 "$shot" changed || fail "the first app's window stopped updating"

# A peer that connects and says nothing: stop the first app so the link slot is free, then
# hold a silent link open and expect a close reason within the 10 s hello timeout.
kill "$first"
wait_for 10 is_gone "$first" || fail "the first app did not stop"
wait_for 10 grep -q "link process .* exited" "$GP_TMP/gpupipe-host.log" ||
	fail "the first app's link process did not exit"
reason=$(timeout 20 python3 - "$GP_HOST_SOCKET" <<'PY'
import socket, struct, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
data = b""
while True:
    chunk = s.recv(4096)
    if not chunk:
        break
    data += chunk
# The first frame must be WIRE_CLOSE (type 2) with a reason.
size, ftype, _ = struct.unpack_from("<IHH", data)
print(ftype, data[8:8 + size].decode())
PY
) || fail "the silent link was not closed"
[[ $reason == "2 no hello within"* ]] || fail "unexpected answer to a silent link: '$reason'"
note "second app refused, silent link closed: ${reason#2 }"
