#!/bin/bash
# The systemd user units (dist/systemd, as the build configured them) start the programs
# as written: their command lines, as systemd 252 makes them from their Environment= and a
# drop-in's (tests/lib/unit-command.py), are the argv expected word for word, and the
# programs take them. gpupipe-host.service: its options split into words (quotes kept
# together), none at all when they are empty; with the options a drop-in gives, the host
# goes past its options to look for its compositor. gpupipe-proxy.service: its default
# exec: address is one argument, and the proxy serves gpu-0 with it. Needs neither root nor
# a compositor; install-takes-effect runs the installed units' command lines with apps.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

units=${GPUPIPE_UNIT_DIR:-}
[[ -f $units/gpupipe-host.service && -f $units/gpupipe-proxy.service ]] ||
	fail "GPUPIPE_UNIT_DIR=$units holds no configured units (meson sets it)"
host=$(gpupipe_bin host)
proxy=$(gpupipe_bin proxy)
bindir=$(sed -n 's|^ExecStart=\(.*\)/gpupipe-host .*|\1|p' "$units/gpupipe-host.service")
[[ -n $bindir ]] || fail "gpupipe-host.service has no ExecStart= of gpupipe-host"
run=$GP_TMP/run
mkdir -m 700 "$run"

# The host unit, with the options a drop-in gives (`systemctl --user edit`, as the unit's
# comment shows them) and without any. Each argv runs with no compositor to find: status 1
# and the compositor's line say the options were taken, status 2 that they were not.
n=0
for options in '' '--label work --allow-clipboard' "--label 'two words' --max-links 8"; do
	unit_command argv "$units/gpupipe-host.service" "$run" "GPUPIPE_OPTIONS=$options"
	eval "words=($options)" # the shell splits them as systemd does: quotes kept together
	same_argv "gpupipe-host.service with GPUPIPE_OPTIONS=$options" argv \
		"$bindir/gpupipe-host" --listen "unix:$run/gpupipe-host.sock" "${words[@]}"
	log=$GP_TMP/host-$((++n)).log
	status=0
	env XDG_RUNTIME_DIR="$run" WAYLAND_DISPLAY=no-compositor-here "$host" "${argv[@]:1}" \
		>"$log" 2>&1 || status=$?
	((status == 1)) && grep -q 'compositor' "$log" ||
		fail "gpupipe-host with the unit's argv for GPUPIPE_OPTIONS=$options exited $status, not at its compositor: $(cat "$log")"
done

# The proxy unit as installed, and with another address from a drop-in.
unit_command argv "$units/gpupipe-proxy.service" "$run"
# shellcheck disable=SC2016 # the unit's literal text, which the proxy's sh -c expands
same_argv gpupipe-proxy.service argv "$bindir/gpupipe-proxy" --connect \
	'exec:qrexec-client-vm @default gpupipe.Link+$(cat /proc/sys/kernel/random/boot_id)'
spawn gpupipe-proxy env XDG_RUNTIME_DIR="$run" "$proxy" "${argv[@]:1}"
wait_for 10 ready_or_dead "$GP_LAST_PID" grep -q "serving $run/gpu-0" "$GP_TMP/gpupipe-proxy.log" ||
	fail "gpupipe-proxy with the unit's argv did not serve gpu-0: $(cat "$GP_TMP/gpupipe-proxy.log")"
kill -TERM "$GP_LAST_PID"
wait_for 10 is_gone "$GP_LAST_PID" || fail "gpupipe-proxy still runs after SIGTERM"
unit_command argv "$units/gpupipe-proxy.service" "$run" GPUPIPE_CONNECT=tcp:10.137.0.5:7070
same_argv "gpupipe-proxy.service with GPUPIPE_CONNECT=tcp:10.137.0.5:7070" argv \
	"$bindir/gpupipe-proxy" --connect tcp:10.137.0.5:7070
