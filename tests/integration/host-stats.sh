#!/bin/bash
# gpupipe-host --stats: while weston-simple-egl animates through gpu-0, each second the link
# process logs its figures (frames per second, and per frame: GL bytes in over some writes,
# commands, round trips, Wayland bytes and syncs, bytes copied, swap time) and a line for the window
# surface showing frames; the numbers are the app's (frames per second above 0, GL bytes and
# commands per frame above 0). SIGUSR1 to gpupipe-host makes the link log its totals since it
# began (without --stats too: the signal is always taken), and so does the link when the app
# ends, each time with the commands that made the most round trips; gpupipe-host itself goes
# on.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd weston-simple-egl
log=$GP_TMP/gpupipe-host.log
num='[0-9]+(\.[0-9]+)?'
second="stats last second \\($num s\\): ($num) fps; per frame: GL $num (B|KiB|MiB) in, $num writes, $num (B|KiB|MiB) out, ($num) commands, $num round trips; Wayland $num (B|KiB|MiB) in, $num (B|KiB|MiB) out, ($num) syncs; shm $num (B|KiB|MiB) in; host copied $num (B|KiB|MiB); swap $num ms"

# lines REGEX: how many lines of the host's log match.
lines() { grep -Ec -- "$1" "$log" || true; }
has_lines() { (($(lines "$1") >= $2)); }

gl_setup --stats
gl_app egl weston-simple-egl
wait_for 30 has_lines "$second" 2 || fail "gpupipe-host --stats logged no line per second (see gpupipe-host.log below)"
line=$(grep -E -- "$second" "$log" | tail -1)
fps=$(sed -E "s/.*: ($num) fps;.*/\\1/" <<<"$line")
commands=$(sed -E "s/.* GL .* out, ($num) commands,.*/\\1/" <<<"$line")
awk -v f="$fps" -v c="$commands" 'BEGIN { exit !(f > 0 && c > 0) }' ||
	fail "the per-second line does not show the app's frames and commands: $line"
[[ $line =~ GL\ 0\ B\ in ]] && fail "the per-second line counts no GL bytes: $line"
# Frames wait for frame callbacks, never for a wl_display.sync: no sync per frame.
syncs=$(sed -E "s/.*Wayland .* out, ($num) syncs;.*/\\1/" <<<"$line")
awk -v r="$syncs" 'BEGIN { exit !(r < 0.05) }' ||
	fail "weston-simple-egl's frames make wl_display.syncs ($syncs per frame): $line"
wait_for 10 has_lines 'stats: surface [0-9]+ \(250x250\): [0-9.]+ fps, swap [0-9.]+ ms' 1 ||
	fail "no line for weston-simple-egl's 250x250 surface (see gpupipe-host.log below)"
note "$line"

total='stats since the link began \([0-9.]+ s\): [0-9.]+ fps; per frame: GL'
kill -USR1 "$GP_HOST_PID"
wait_for 10 has_lines "$total" 1 || fail "SIGUSR1 to gpupipe-host logged no totals (see gpupipe-host.log below)"
is_gone "$GP_HOST_PID" && fail "gpupipe-host exited on SIGUSR1"
kill -TERM "$(pid_of egl)"
wait_exit egl 10 || fail "weston-simple-egl still runs after SIGTERM"
wait_for 10 has_lines "$total" 2 || fail "the link logged no totals when it ended (see gpupipe-host.log below)"
note "$(grep -E -- "$total" "$log" | tail -1)"
# With the totals, the commands that waited for the host most: EGL's set-up among them.
wait_for 10 has_lines 'stats: round trips by command since the link began: .*GL_OP_INIT [0-9]+' 2 ||
	fail "the totals name no commands that made round trips (see gpupipe-host.log below)"
note "$(grep -E 'round trips by command' "$log" | tail -1)"
