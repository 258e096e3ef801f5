#!/bin/bash
# gpupipe-host --shader-cache DIR: gl-patterns through gpu-0 twice, one link after the other.
# (A relative DIR is refused at start-up.)
# The first link process writes Mesa's shader cache into DIR/uid-N, N the uid of its peer
# (gpupipe-proxy), with the files opened before its sandbox; the second finds the shaders there
# and adds next to nothing: with Mesa 22.3 two small entries (about 2 KiB each, 2 of the first
# link's 20) come out new in every link, their keys differing per process, so the check is that
# it adds under a quarter of what the first one cached. Both link processes end normally (no
# SIGSYS from the sandbox), both frames show right, and nothing of the cache appears outside
# DIR/uid-N. A cache past 256 MiB is removed as the next link starts, which starts it afresh.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

# A relative directory is refused at start-up, with the reason.
rc=0
timeout 20 "$(gpupipe_bin host)" --shader-cache relative/dir --stdio </dev/null \
	>"$GP_TMP/start.log" 2>&1 || rc=$?
((rc == 2)) && grep -q 'shader-cache takes an absolute path, not relative/dir' "$GP_TMP/start.log" ||
	fail "--shader-cache relative/dir exited $rc: $(cat "$GP_TMP/start.log")"
# --peer-boot: only a boot id, and only for a --stdio link with a cache.
# refused WANT ARGS...: gpupipe-host ARGS exits 2 saying WANT.
refused() {
	local want=$1 rc=0
	shift
	timeout 20 "$(gpupipe_bin host)" "$@" </dev/null >"$GP_TMP/start.log" 2>&1 || rc=$?
	((rc == 2)) && grep -q -- "$want" "$GP_TMP/start.log" ||
		fail "gpupipe-host $* exited $rc: $(cat "$GP_TMP/start.log")"
}
boot=0123abcd-4567-89ab-cdef-0123456789ab
refused "peer-boot takes a boot id .*, not '../x'" --stdio --shader-cache /tmp --peer-boot ../x
refused "peer-boot takes a boot id" --stdio --shader-cache /tmp --peer-boot "${boot^^}"
refused 'peer-boot goes with --stdio and --shader-cache' --shader-cache /tmp --peer-boot "$boot"
refused 'peer-boot goes with --stdio and --shader-cache' --stdio --peer-boot "$boot"

cache=$GP_TMP/shader-cache
gl_setup --shader-cache "$cache"

links_ended() { (($(grep -c 'link process [0-9]* exited' "$GP_TMP/gpupipe-host.log") >= $1)); }

# run NAME N: gl-patterns on screen and right, then ended, and its link process the Nth to end.
run() {
	gl_patterns "$1" --frames 2 --hold
	wait_log 60 "$1" '^held$' || fail "gl-patterns ($1) never showed its frames"
	no_fail_lines "$1" || fail "gl-patterns' own checks failed ($1)"
	local shot=$GP_TMP/$1.png
	if ! shot_until 20 "$shot" shot_matches_probes "$shot" "$1"; then
		cat "$GP_TMP/shot-check.txt" >&2
		fail "the screenshot does not show what gl-patterns ($1) read back"
	fi
	kill -TERM "$(pid_of "$1")"
	expect_clean_exit "$1" 10 "gl-patterns ($1) after SIGTERM"
	wait_for 20 links_ended "$2" || fail "the link process of $1 never ended"
	if grep -q 'exited (-1): killed by signal' "$GP_TMP/gpupipe-host.log"; then
		grep 'exited' "$GP_TMP/gpupipe-host.log" >&2
		fail "a link process with a shader cache was killed (by its sandbox?)"
	fi
}

run patterns1 1
uid=$(stat -c %u "/proc/$GP_PROXY_PID") # the proxy is the link's peer
dir=$cache/uid-$uid
foz=$(find "$dir" -name foz_cache.foz 2>/dev/null | head -1)
[[ -n $foz ]] || { find "$cache" >&2; fail "no Mesa cache file under $dir after the first link"; }
[[ -z $(find "$cache" -mindepth 1 -maxdepth 1 ! -name "uid-$uid") ]] ||
	fail "the cache has entries outside $dir: $(ls "$cache")"
[[ $(stat -c %a "$dir") == 700 ]] || fail "$dir is mode $(stat -c %a "$dir"), not 700"
first=$(stat -c %s "$foz")
((first > 0)) || fail "the first link cached nothing ($foz is empty)"

run patterns2 2
second=$(stat -c %s "$foz")
(((second - first) * 4 < first)) ||
	fail "the second link added $((second - first)) bytes to $first: it did not find the first link's shaders"
# A cache past 256 MiB (here a sparse file's size) is removed as the next link starts, and
# that link starts it afresh.
truncate -s 300M "$dir/mesa_shader_cache_sf/filler"
run patterns3 3
[[ ! -e $dir/mesa_shader_cache_sf/filler ]] || fail "a cache past 256 MiB was kept"
grep -q 'passed 256 MiB: it starts afresh' "$GP_TMP/gpupipe-host.log" ||
	fail "no log line for the cache started afresh"
third=$(stat -c %s "$foz" 2>/dev/null || echo 0)
((third > 0 && third <= second)) || fail "the cache started afresh holds $third bytes (it held $second)"
note "one link cached $first bytes of shaders in $dir; the next one added $((second - first)); one past 256 MiB started afresh"
