#!/bin/bash
# gpupipe-host --gl-apis checks its list at start-up: a name that is not es1, core or compat,
# an empty item or an empty list ends it with status 2 and a message naming the bad part and
# the valid names, before any socket is made. (What each list offers is checked by the
# fallback tests: gl-desktop-fallback.sh and sdl2-testgl2-fallback.sh run a host with
# --gl-apis es1,core.)
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

host=$(gpupipe_bin host)
dir=$GP_TMP/run
mkdir -m 700 "$dir"

# rejects LIST BAD: gpupipe-host --gl-apis LIST exits 2 naming BAD.
rejects() {
	local list=$1 bad=$2 rc=0
	env XDG_RUNTIME_DIR="$dir" timeout 20 "$host" --gl-apis "$list" >"$GP_TMP/start.log" 2>&1 || rc=$?
	((rc == 2)) || fail "gpupipe-host --gl-apis '$list' exited $rc, expected 2: $(cat "$GP_TMP/start.log")"
	local want="gpupipe-host: --gl-apis takes es1, core and compat, comma-separated, or none; not \"$bad\""
	[[ $(cat "$GP_TMP/start.log") == "$want" ]] ||
		fail "gpupipe-host --gl-apis '$list' said '$(cat "$GP_TMP/start.log")', expected '$want'"
	[[ -z $(ls -A "$dir") ]] || fail "gpupipe-host --gl-apis '$list' left files: $(ls -A "$dir")"
}

rejects gles1 gles1
rejects core,compatibility compatibility
rejects "es1,,core" ""
rejects "" ""
rejects "core," ""
rejects "none,core" "none"
note "bad --gl-apis lists end gpupipe-host with status 2 and say why"
