#!/bin/bash
# gpupipe-proxy --stats, at the default log level (warn: the figures asked for are shown
# without -v, the rest of the info lines not): while weston-simple-egl animates through
# gpu-0, each second the app's process logs its frames, the wl_display.syncs it waited for
# and those answered at once, the link's bytes each way and the CPU time its process took;
# the numbers are the app's (frames above 0, GL bytes to the link, no sync waited for: its
# frames wait for frame callbacks; the CPU time is of weston-simple-egl's process, and no
# more than its own /proc/PID/stat says it took). gpupipe-host --stats's lines show at that level too. SIGUSR1 to gpupipe-proxy
# makes the app's process log its totals (the proxy and the app go on), and so does the
# app's end.
export GPUPIPE_LOG=warn
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

[[ $GP_GL_MODE == gpu0 ]] || skip "gpupipe-proxy's figures are of apps through gpu-0"
need_cmd weston-simple-egl
log=$GP_TMP/gpupipe-proxy.log
num='[0-9]+(\.[0-9]+)?'
size="$num (B|KiB|MiB)"
second="stats last second \\($num s\\): ([1-9][0-9]*) frames; syncs: ([0-9]+) waited for, [0-9]+ answered here; to the link: Wayland $size, GL ($size), shm $size; from the link: Wayland $size, GL $size; app process [0-9]+: CPU [0-9]+ ms"
total="stats since the app connected \\($num s\\): [0-9]+ frames; syncs: [0-9]+ waited for.*; app process ([0-9]+): CPU ([0-9]+) ms"
host_second="stats last second \\($num s\\): $num fps; per frame: GL"

# lines REGEX [FILE...]: how many lines of the logs match.
lines() { cat "${@:2}" "$log" 2>/dev/null | grep -Ec -- "$1" || true; }
has_lines() { (($(lines "$1" "${@:3}") >= $2)); }

gl_setup --stats -- --stats
gl_app egl weston-simple-egl
wait_for 30 has_lines "$second" 2 || fail "gpupipe-proxy --stats logged no line per second of frames at the default log level (see gpupipe-proxy.log below)"
line=$(grep -E -- "$second" "$log" | tail -1)
[[ $line =~ $second ]] || fail "cannot read the line: $line"
# A line of frames: 1 or more ($second).
waited=${BASH_REMATCH[3]} gl=${BASH_REMATCH[6]}
[[ $gl == "0 B" ]] && fail "the per-second line counts no GL bytes to the link: $line"
# Frames wait for frame callbacks: after its set-up the app waits for no wl_display.sync.
((waited == 0)) || fail "weston-simple-egl waited for $waited syncs in a second of frames: $line"
note "$line"
grep -q 'info: app client served' "$log" &&
	fail "gpupipe-proxy wrote an info line at GPUPIPE_LOG=warn (the test's premise is gone)"
has_lines "$host_second" 1 "$GP_TMP/gpupipe-host.log" ||
	fail "gpupipe-host --stats logged no line per second at the default log level"

# cpu_ms PID: the user and system time process PID took so far, in ms (/proc/PID/stat's
# fields 14 and 15, counted after the name's closing parenthesis).
cpu_ms() {
	local stat
	stat=$(<"/proc/$1/stat")
	read -ra f <<<"${stat##*) }"
	echo $(((f[11] + f[12]) * 1000 / $(getconf CLK_TCK)))
}
seconds=$(lines "$second")
before=$(cpu_ms "$(pid_of egl)")
kill -USR1 "$GP_PROXY_PID"
wait_for 10 has_lines "$total" 1 || fail "SIGUSR1 to gpupipe-proxy logged no totals (see gpupipe-proxy.log below)"
after=$(cpu_ms "$(pid_of egl)")
[[ $(grep -E -- "$total" "$log" | tail -1) =~ $total ]] || fail "cannot read the totals"
app=${BASH_REMATCH[2]} cpu=${BASH_REMATCH[3]}
((app == $(pid_of egl))) || fail "the totals are of process $app, not weston-simple-egl's $(pid_of egl)"
# Since it connected: at most what it took in all, and something while drawing.
((cpu > 0 && cpu <= after)) ||
	fail "the totals say the app took $cpu ms of CPU since it connected; its /proc/PID/stat said $before ms in all before them and $after ms after"
note "weston-simple-egl's CPU time: $cpu ms since it connected in the totals; $before ms in all before them, $after ms after"
is_gone "$GP_PROXY_PID" && fail "gpupipe-proxy exited on SIGUSR1"
# The app's process goes on: more seconds of frames after the signal.
wait_for 10 has_lines "$second" $((seconds + 2)) ||
	fail "the app's frames stopped after SIGUSR1 (see gpupipe-proxy.log below)"
is_gone "$(pid_of egl)" && fail "weston-simple-egl lost its connection on SIGUSR1"
note "$(grep -E -- "$total" "$log" | tail -1)"
kill -TERM "$(pid_of egl)"
wait_exit egl 10 || fail "weston-simple-egl still runs after SIGTERM"
wait_for 10 has_lines "$total" 2 || fail "the app's process logged no totals when it ended (see gpupipe-proxy.log below)"
