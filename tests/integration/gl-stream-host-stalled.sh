#!/bin/bash
# A host that stops taking an app's GL stream (its link process stopped, as a hung GPU
# driver would leave it) while the app uploads 160 MiB with no sync point between
# (gl-es3-app --uploads, every byte in the stream: gpupipe-proxy --no-fd-passing, as
# between VMs). gpupipe-proxy reads a GL stream only while the link's queue holds under
# 16 MiB (PX_BACKPRESSURE_BYTES, proxy/client.h): the app waits in its write, and the
# proxy's memory stays bounded where it used to take in all 160 MiB. Once the host goes
# on, every upload arrives: the app reads each texture back byte by byte.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

[[ $GP_GL_MODE == gpu0 ]] || skip "a stalled link has no native counterpart"
bin=$(gl_es3_app_bin) || exit
gl_setup -- --no-fd-passing
gl_app uploads env GL_ES3_APP_PAUSE_BEFORE_LOOP=1 "$bin" --es 3.0 --uploads
app=$GP_LAST_PID

one() { (($(children_of "$1" | wc -l) == 1)); }
wait_for 10 one "$GP_HOST_PID" || fail "gpupipe-host has no single link process"
wait_for 10 one "$GP_PROXY_PID" || fail "gpupipe-proxy has no single app process"
link=$(children_of "$GP_HOST_PID")
proxy=$(children_of "$GP_PROXY_PID")

# The app waits before its loop (tests/gl/gl-es3-uploads.c); the host stops, then the app
# goes on.
wait_log 60 uploads '^paused before upload-loop$'
kill -STOP "$link"
# However the test ends, the link process goes on (a stopped process ignores SIGTERM).
trap 'rc=$?; set +e; trap - ERR; kill -CONT "$link" 2>/dev/null; (exit "$rc"); gp_cleanup' EXIT
link_bytes() { sed -n 's/^wchar: //p' "/proc/$proxy/io"; }
before=$(link_bytes)
peak() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$proxy/status"; }
peak_before=$(peak)
kill -USR1 "$app"

# Both sides then wait, the app in its write (or for a reply once all it wrote was taken)
# and the proxy for events: both asleep, neither reading nor writing, for three looks in a
# row (a process waiting for a CPU is runnable, not asleep).
state() {
	local stat
	read -r stat <"/proc/$1/stat"
	stat=${stat##*) }
	echo "${stat:0:1}"
}
io() { sed -n "s/^$2: //p" "/proc/$1/io"; }
last= same=0
asleep() {
	local now
	now="$(state "$app")$(state "$proxy") $(io "$app" wchar) $(io "$proxy" rchar)"
	if [[ $now == "$last" && $now == SS* ]]; then
		((++same >= 3))
		return
	fi
	last=$now same=0
	return 1
}
wait_for 60 asleep || fail "the app and the proxy never came to wait with the host stopped"
peak_kib=$(peak)
note "the proxy wrote $((($(link_bytes) - before) >> 20)) MiB on the link after the host stopped; its peak memory is $((peak_kib >> 10)) MiB, $((peak_before >> 10)) MiB before"
# 16 MiB queued, a read's 256 KiB, the queue's doubling array and the process itself.
((peak_kib < 56 << 10)) ||
	fail "the proxy took in the app's stream while the link was stalled: peak $((peak_kib >> 10)) MiB, want under 56"

kill -CONT "$link"
wait_exit uploads 120 || fail "gl-es3-app --uploads did not finish once the host went on"
((GP_EXIT_STATUS == 0)) ||
	fail "gl-es3-app --uploads exited with status $GP_EXIT_STATUS: $(grep -E '^(FAIL|gl-es3-app:)' "$GP_TMP/uploads.log" | head -3)"
log_has uploads '^PASS upload-loop$' || fail "gl-es3-app printed no PASS upload-loop"
