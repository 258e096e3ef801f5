#!/bin/bash
# What is at a listen path decides what gpupipe-host --listen unix:PATH and gpupipe-proxy
# --socket PATH do: a regular file or a directory is an error naming the path and what is
# there, and stays byte for byte as it was; a socket someone listens on is "already in use";
# a stale socket (nobody listens: connect() is refused) is replaced and served.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
host=$(gpupipe_bin host)
proxy=$(gpupipe_bin proxy)
dir=$GP_TMP/paths
mkdir -m 700 "$dir"

# run_host PATH / run_proxy PATH: start one on PATH, expecting it to refuse at once.
run_host() {
	env XDG_RUNTIME_DIR="$dir" WAYLAND_DISPLAY="$GP_DISPLAY" timeout 20 \
		"$host" --listen "unix:$1" >"$GP_TMP/refused.log" 2>&1
}
run_proxy() {
	env XDG_RUNTIME_DIR="$dir" timeout 20 \
		"$proxy" --socket "$1" --connect "unix:$dir/nothing" >"$GP_TMP/refused.log" 2>&1
}
# refuses WHO PATH MESSAGE: WHO (run_host or run_proxy) on PATH exits 1 saying MESSAGE.
refuses() {
	local rc=0
	"$1" "$2" || rc=$?
	((rc == 1)) || fail "$1 $2 exited $rc, expected 1: $(cat "$GP_TMP/refused.log")"
	grep -qxF -- "$3" "$GP_TMP/refused.log" ||
		fail "$1 $2 did not say '$3': $(cat "$GP_TMP/refused.log")"
}

# A regular file: the notes a user happened to keep at that path.
notes=$dir/notes
printf 'meeting at 10\n\001\002 binary tail\n' >"$notes"
cp -p "$notes" "$GP_TMP/notes.orig"
inode=$(stat -c %i "$notes")
refuses run_host "$notes" \
	"gpupipe-host: $notes exists and is a regular file, not a socket; it is left as it is"
refuses run_proxy "$notes" \
	"gpupipe-proxy: $notes exists and is a regular file, not a socket; it is left as it is"
cmp "$notes" "$GP_TMP/notes.orig" || fail "$notes changed"
[[ $(stat -c %i "$notes") == "$inode" ]] || fail "$notes was replaced by another file"

# A directory.
mkdir "$dir/adir"
touch "$dir/adir/inside"
refuses run_host "$dir/adir" \
	"gpupipe-host: $dir/adir exists and is a directory, not a socket; it is left as it is"
[[ -f $dir/adir/inside ]] || fail "the directory's content is gone"

# A live socket: another process listens on it.
live=$dir/live.sock
spawn listener python3 -c '
import signal, socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
print("ready", flush=True)
signal.pause()' "$live"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qx ready "$GP_TMP/listener.log" ||
	fail "the test's listener did not start"
refuses run_host "$live" "gpupipe-host: $live is already in use: a running process listens on it"
refuses run_proxy "$live" "gpupipe-proxy: $live is already in use: a running process listens on it"
[[ -S $live ]] || fail "the live socket was removed"

# Stale sockets, bound and closed without unlink: replaced, and then served.
make_stale() {
	python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.close()' "$1"
	[[ -S $1 ]] || fail "no stale socket at $1"
}
accepts() {
	python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])' "$1" 2>/dev/null
}
make_stale "$dir/host.sock"
spawn gpupipe-host env XDG_RUNTIME_DIR="$dir" WAYLAND_DISPLAY="$GP_DISPLAY" \
	"$host" --listen "unix:$dir/host.sock"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -q "listening on unix:$dir/host.sock" \
	"$GP_TMP/gpupipe-host.log" || fail "gpupipe-host did not replace the stale socket"
make_stale "$dir/gpu-0"
spawn gpupipe-proxy env XDG_RUNTIME_DIR="$dir" "$proxy" --connect "unix:$dir/host.sock"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -q "serving $dir/gpu-0" \
	"$GP_TMP/gpupipe-proxy.log" || fail "gpupipe-proxy did not replace the stale socket"
accepts "$dir/gpu-0" || fail "nothing listens on the replaced $dir/gpu-0"
note "a file, a directory and a live socket were refused and left alone; stale sockets replaced"
