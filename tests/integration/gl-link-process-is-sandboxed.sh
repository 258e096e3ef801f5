#!/bin/bash
# A link process is contained while it serves a GL app: es2gears_wayland renders through gpu-0
# while the test reads /proc/PID/status of the link process serving it (seccomp filter mode 2,
# NoNewPrivs 1, no effective, permitted or bounding capability, no uid or gid 0, not dumpable
# by anyone) and /proc/PID/limits (no core files, 16 GiB of address space), and the test hook inside that process (GPUPIPE_TEST_SANDBOX_PROBE=DIR, built with
# -Dtest_hooks=true) logs that opening and creating files, sockets of each kind, exec, fork and
# becoming root again were all refused. gl-link-process-with-no-sandbox.sh shows the same
# checks failing on a host started with --no-sandbox. Nothing (Mesa's shader cache) is written
# into the home or cache directory of the user running gpupipe-host.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd es2gears_wayland
[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] || skip "gpupipe-host was built without -Dtest_hooks=true (tools/test builds with it)"
start_weston
# Mesa's shader cache would go to $XDG_CACHE_HOME or $HOME/.cache: for gpupipe-host (not weston,
# whose own Mesa caches), both point into $GP_TMP.
export HOME=$GP_TMP/home XDG_CACHE_HOME=$GP_TMP/cache
mkdir -p "$HOME" "$XDG_CACHE_HOME"
export GPUPIPE_TEST_SANDBOX_PROBE=$GP_TMP/probe
mkdir -m 777 "$GPUPIPE_TEST_SANDBOX_PROBE"
start_gpupipe
grep -q "sandbox probe" "$GP_TMP/gpupipe-host.log" && fail "the probe ran outside a link"

gl_app gears es2gears_wayland
one_link() { (($(children_of "$GP_HOST_PID" | wc -l) == 1)); }
wait_for 10 one_link || fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 1"
link=$(children_of "$GP_HOST_PID")
shot=$GP_TMP/shot.png
shot_until 30 "$shot" gears_shown "$shot" || fail "es2gears' gears never appeared"

# Read while the gears turn: the process that renders them is the contained one.
status=$(cat "/proc/$link/status") || fail "cannot read /proc/$link/status"
field() { awk -v f="$1:" '$1 == f { $1 = ""; sub(/^ /, ""); print }' <<<"$status"; }
note "link process $link: Uid $(field Uid), Seccomp $(field Seccomp), NoNewPrivs $(field NoNewPrivs), CapEff $(field CapEff)"
[[ $(field Seccomp) == 2 ]] || fail "link process $link: Seccomp is '$(field Seccomp)', not 2 (filter)"
[[ $(field NoNewPrivs) == 1 ]] || fail "link process $link: NoNewPrivs is '$(field NoNewPrivs)'"
for caps in CapEff CapPrm CapInh CapBnd CapAmb; do
	[[ $(field $caps) == 0000000000000000 ]] || fail "link process $link: $caps is $(field $caps)"
done
for id in $(field Uid) $(field Gid); do
	((id != 0)) || fail "link process $link runs with uid or gid 0: Uid $(field Uid), Gid $(field Gid)"
done
limits=$(cat "/proc/$link/limits")
limit() { awk -v l="$1" 'index($0, l) == 1 { print substr($0, 27) }' <<<"$limits" | awk '{ print $1, $2 }'; }
[[ $(limit "Max core file size") == "0 0" ]] || fail "link process $link may write core files: $(limit "Max core file size")"
[[ $(limit "Max address space") == "$((16 << 30)) $((16 << 30))" ]] ||
	fail "link process $link: address space limit $(limit "Max address space"), expected 16 GiB (--sandbox-memory's default)"
owner=$(stat -c %U "/proc/$link/mem")
[[ $owner == root ]] || fail "/proc/$link/mem belongs to $owner: the link process is dumpable"

# Every attempt of the probe, refused; each is one line, in this order.
expected=("open /etc/passwd for reading" "create a file in the probe directory"
	"open / as a directory" "create a unix socket" "create a TCP socket" "create a UDP socket"
	"fcntl(F_SETOWN) to the listening gpupipe-host" "exec /bin/true" "fork" "become root again")
log=$GP_TMP/gpupipe-host.log
for what in "${expected[@]}"; do
	line=$(grep -F "[$link]" "$log" | grep -F "sandbox probe: $what: ") ||
		fail "the probe in link process $link did not report \"$what\""
	[[ $line == *": refused ("* ]] || fail "link process $link: $line"
done
[[ -z $(ls -A "$GPUPIPE_TEST_SANDBOX_PROBE") ]] || fail "the probe created $(ls "$GPUPIPE_TEST_SANDBOX_PROBE")"
shot_until 10 "$shot" gears_shown "$shot" || fail "es2gears stopped rendering after the probe"
written=$(find "$HOME" "$XDG_CACHE_HOME" -mindepth 1 | head -5)
[[ -z $written ]] || fail "something wrote into the host's home or cache: $written"
note "all ${#expected[@]} probes refused in link process $link while es2gears rendered"
