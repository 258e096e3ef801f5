#!/bin/bash
# The other side of gl-link-process-is-sandboxed.sh, which would pass vacuously if its checks
# could not see a missing sandbox: gpupipe-host --no-sandbox says loudly that links are not
# contained, and the link process serving es2gears_wayland then has no seccomp filter, keeps
# root's capabilities, and its probe opens /etc/passwd, creates a socket, forks and execs.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd es2gears_wayland
[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] || skip "gpupipe-host was built without -Dtest_hooks=true (tools/test builds with it)"
((EUID == 0)) || skip "run as root: the check is that the link process keeps root's privileges"
export GPUPIPE_TEST_SANDBOX_PROBE=$GP_TMP/probe
mkdir -m 777 "$GPUPIPE_TEST_SANDBOX_PROBE"
gl_setup --no-sandbox
log=$GP_TMP/gpupipe-host.log
grep -q -- "--no-sandbox: link processes run UNCONFINED" "$log" || fail "gpupipe-host did not warn about --no-sandbox"

gl_app gears es2gears_wayland
one_link() { (($(children_of "$GP_HOST_PID" | wc -l) == 1)); }
wait_for 10 one_link || fail "gpupipe-host has $(children_of "$GP_HOST_PID" | wc -l) link processes, expected 1"
link=$(children_of "$GP_HOST_PID")
shot=$GP_TMP/shot.png
shot_until 30 "$shot" gears_shown "$shot" || fail "es2gears' gears never appeared"
status=$(cat "/proc/$link/status")
field() { awk -v f="$1:" '$1 == f { print $2 }' <<<"$status"; }
[[ $(field Seccomp) == 0 && $(field Uid) == 0 && $(field CapEff) != 0000000000000000 ]] ||
	fail "link process $link looks contained without a sandbox: Seccomp $(field Seccomp), Uid $(field Uid), CapEff $(field CapEff)"
grep -F "[$link]" "$log" | grep -q "this link is NOT sandboxed" || fail "link process $link did not warn that it is not sandboxed"
for what in "open /etc/passwd for reading" "create a file in the probe directory" \
	"create a unix socket" "exec /bin/true" "fork"; do
	line=$(grep -F "[$link]" "$log" | grep -F "sandbox probe: $what: ") ||
		fail "the probe in link process $link did not report \"$what\""
	[[ $line == *": ALLOWED" ]] || fail "without a sandbox, link process $link: $line"
done
note "with --no-sandbox, link process $link: Seccomp $(field Seccomp), Uid $(field Uid), CapEff $(field CapEff)"
