#!/bin/bash
# gpupipe-host reaches its compositor before it serves anything: with no compositor socket,
# without XDG_RUNTIME_DIR, or with a socket whose owner never answers wl_display.sync or never
# accepts (a full backlog), it exits 1 within its bounded wait, with a log line that says so,
# and creates no socket (--stdio: it tells the peer too). When the compositor goes away
# later, the listener logs it, removes its socket and exits 1 instead of accepting links that
# can only fail; the open link ends, its app is told.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

host=$(gpupipe_bin host)
dir=$GP_TMP/nothing
mkdir -m 700 "$dir"

# expect_start_failure LOG MESSAGE CMD...: CMD exits 1 within its timeout, LOG has MESSAGE.
expect_start_failure() {
	local log=$1 message=$2 rc=0
	shift 2
	"$@" >"$log" 2>&1 || rc=$?
	((rc == 1)) || fail "$* exited $rc, expected 1: $(cat "$log")"
	grep -qF -- "$message" "$log" || fail "$* did not log '$message': $(cat "$log")"
}

expect_start_failure "$GP_TMP/no-socket.log" \
	"error: cannot reach the compositor: cannot connect to the compositor at $dir/wayland-0: No such file or directory" \
	env XDG_RUNTIME_DIR="$dir" timeout 20 "$host" --listen "unix:$dir/host.sock"
[[ ! -e $dir/host.sock ]] || fail "gpupipe-host left $dir/host.sock behind"

expect_start_failure "$GP_TMP/no-runtime-dir.log" \
	"error: cannot reach the compositor: cannot locate the compositor: WAYLAND_DISPLAY=wayland-0 is not an absolute path and XDG_RUNTIME_DIR is not set" \
	env -u XDG_RUNTIME_DIR timeout 20 "$host" --listen "unix:$dir/host.sock"

# A socket that accepts connections (the kernel queues them) but never answers.
spawn mute python3 -c '
import signal, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
print("ready", flush=True)
signal.pause()' "$dir/mute"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qx ready "$GP_TMP/mute.log" ||
	fail "the mute compositor did not start"
expect_start_failure "$GP_TMP/mute-host.log" \
	"error: cannot reach the compositor: the compositor did not answer wl_display.sync within 5000 ms" \
	env XDG_RUNTIME_DIR="$dir" WAYLAND_DISPLAY=mute timeout 20 "$host" --listen "unix:$dir/host.sock"
[[ ! -e $dir/host.sock ]] || fail "gpupipe-host left $dir/host.sock behind"

# A socket whose backlog is full: connect() itself would wait forever.
spawn full python3 -c '
import signal, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(0)
held = []
while True:
    c = socket.socket(socket.AF_UNIX)
    c.setblocking(False)
    try:
        c.connect(sys.argv[1])
    except BlockingIOError:
        break
    held.append(c)
print("ready", flush=True)
signal.pause()' "$dir/full"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qx ready "$GP_TMP/full.log" ||
	fail "the full compositor did not start"
expect_start_failure "$GP_TMP/full-host.log" \
	"error: cannot reach the compositor: the compositor at $dir/full accepted no connection within 5000 ms" \
	env XDG_RUNTIME_DIR="$dir" WAYLAND_DISPLAY=full timeout 20 "$host" --listen "unix:$dir/host.sock"

# --stdio, as qrexec runs it: logged, and the peer gets a CLOSE frame saying why.
# stdin and stdout are pipes; with pipefail the pipeline's status is gpupipe-host's.
rc=0
: | env XDG_RUNTIME_DIR="$dir" timeout 20 "$host" --stdio 2>"$GP_TMP/stdio.log" |
	cat >"$GP_TMP/stdio.out" || rc=$?
((rc == 1)) || fail "gpupipe-host --stdio exited $rc without a compositor, expected 1"
grep -qF "error: cannot reach the compositor: cannot connect to the compositor at $dir/wayland-0" \
	"$GP_TMP/stdio.log" || fail "gpupipe-host --stdio did not log why: $(cat "$GP_TMP/stdio.log")"
reason=$(python3 -c '
import struct, sys
data = open(sys.argv[1], "rb").read()
size, ftype, _ = struct.unpack_from("<IHH", data)
print(ftype, data[8:8 + size].decode())' "$GP_TMP/stdio.out") || fail "no frame on --stdio's stdout"
[[ $reason == "2 gpupipe-host cannot reach its compositor" ]] ||
	fail "--stdio told its peer '$reason'"

# The compositor goes away while an app is connected.
start_weston
start_gpupipe
start_app app weston-simple-shm
app=$GP_LAST_PID
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" ffffff 1000 || fail "the app's window never appeared"
weston=$(pid_of weston)
kill -TERM "$weston"
wait_for 10 is_gone "$weston" || fail "weston did not stop"
wait_for 10 is_gone "$GP_HOST_PID" || fail "gpupipe-host kept listening without its compositor"
rc=0
wait "$GP_HOST_PID" || rc=$?
((rc == 1)) || fail "gpupipe-host exited $rc after losing its compositor, expected 1"
grep -qF "error: lost the compositor (it closed the connection): no more links can be served; exiting" \
	"$GP_TMP/gpupipe-host.log" || fail "gpupipe-host did not log that it lost the compositor"
[[ ! -e $GP_HOST_SOCKET ]] || fail "gpupipe-host left $GP_HOST_SOCKET behind"
wait_for 10 is_gone "$app" || fail "the app kept running without a compositor"
# Told why, also when it had bytes in flight (an EOF alone would then read as a reset).
grep -q "gpupipe: gpupipe-host closed the link: gpupipe-host.s compositor closed the connection" "$GP_TMP/app.log" ||
	fail "the app was not told: $(cat "$GP_TMP/app.log")"
note "no compositor, a mute one, and a lost one are each logged and end gpupipe-host"
