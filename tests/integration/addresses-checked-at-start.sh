#!/bin/bash
# gpupipe-proxy --connect and gpupipe-host --listen check their address at start-up: a bad
# one (unknown kind, empty path, no port, a port out of range, a host that does not resolve,
# a vsock CID that is not a number, an empty command, exec: to listen on) ends the program
# with status 2 and a message naming the bad part and the valid forms, before any socket is
# made. Good addresses start.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

host=$(gpupipe_bin host)
proxy=$(gpupipe_bin proxy)
dir=$GP_TMP/run
mkdir -m 700 "$dir"
connect_forms="addresses are unix:PATH, tcp:HOST:PORT, vsock:CID:PORT or exec:COMMAND"
listen_forms="addresses are unix:PATH, tcp:HOST:PORT or vsock:CID:PORT"

# rejects OPTION ADDR DETAIL: the program for OPTION exits 2 saying exactly why.
rejects() {
	local option=$1 addr=$2 detail=$3 rc=0 prog forms
	if [[ $option == --connect ]]; then
		prog=gpupipe-proxy forms=$connect_forms
		env XDG_RUNTIME_DIR="$dir" timeout 20 "$proxy" --connect "$addr" \
			>"$GP_TMP/start.log" 2>&1 || rc=$?
	else
		prog=gpupipe-host forms=$listen_forms
		env XDG_RUNTIME_DIR="$dir" timeout 20 "$host" --listen "$addr" \
			>"$GP_TMP/start.log" 2>&1 || rc=$?
	fi
	((rc == 2)) || fail "$prog $option '$addr' exited $rc, expected 2: $(cat "$GP_TMP/start.log")"
	local want="$prog: $option: bad address '$addr': $detail; $forms"
	[[ $(cat "$GP_TMP/start.log") == "$want" ]] ||
		fail "$prog $option '$addr' said '$(cat "$GP_TMP/start.log")', expected '$want'"
	[[ -z $(ls -A "$dir") ]] || fail "$prog $option '$addr' left files: $(ls -A "$dir")"
}

for option in --connect --listen; do
	rejects "$option" foo "unknown kind 'foo'"
	rejects "$option" udp:1.2.3.4:5 "unknown kind 'udp'"
	rejects "$option" unix: "the path after 'unix:' is empty"
	rejects "$option" "unix:/$(printf 'x%.0s' {1..108})" "the path is 109 bytes, a unix socket takes 107"
	rejects "$option" tcp:nohost "'nohost' is not HOST:PORT (no port)"
	rejects "$option" tcp::7070 "the host before ':PORT' is empty"
	rejects "$option" tcp:localhost:99999 "port '99999' is not a number from 1 to 65535"
	rejects "$option" tcp:localhost:0 "port '0' is not a number from 1 to 65535"
	rejects "$option" tcp:localhost:http "port 'http' is not a number from 1 to 65535"
	rejects "$option" tcp:localhost: "port '' is not a number from 1 to 65535"
	rejects "$option" tcp:nohost.invalid:7070 "cannot resolve host 'nohost.invalid': Name or service not known"
	rejects "$option" vsock:x:1 "CID 'x' is not a number from 0 to 4294967295"
	rejects "$option" vsock:2 "'2' is not CID:PORT (no port)"
done
rejects --connect exec: "the command after 'exec:' is empty"
rejects --listen exec:true "exec: is only for connecting (gpupipe-proxy --connect); gpupipe-host --stdio is its other end"

# Good addresses: the proxy starts (nothing needs to listen there yet) and serves gpu-0.
for addr in tcp:localhost:7070 "tcp:[::1]:7070" tcp:127.0.0.1:65535 "exec:true" "unix:$dir/host.sock"; do
	spawn proxy env XDG_RUNTIME_DIR="$dir" "$proxy" --connect "$addr"
	wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qF "serving $dir/gpu-0, links to $addr" \
		"$GP_TMP/proxy.log" || fail "gpupipe-proxy did not start with --connect $addr"
	kill -TERM "$GP_LAST_PID"
	wait_for 10 is_gone "$GP_LAST_PID" || fail "gpupipe-proxy did not stop"
done
note "every bad address was refused at start-up with its reason; good ones started"
