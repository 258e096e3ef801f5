#!/bin/bash
# shader-cache-watched.sh exec|unix flooded|removed: a link's shader cache is watched from
# outside its sandbox. Mesa holds the cache's files open for writing in the link process,
# and a compromised one could write them without end.
#   flooded: GPUPIPE_TEST_CACHE_FLOOD (a hook of test builds) makes a file of the cache 600
#     MiB long once the link is contained, past the 512 MiB a cache may reach while links use
#     it. The link is ended within moments and the cache removed.
#   removed: the cache is removed while the link runs (as another link of the peer starting
#     afresh, a new boot of it or the qrexec service's pruning would): what the link holds
#     open could no longer be measured, so it is ended.
# Either way a log line says so, another peer's cache is untouched and the host goes on:
# over exec: the proxy serves the next app (its gpupipe-host --stdio watches its own link);
# over unix the listening gpupipe-host serves the next link.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] ||
	skip "gpupipe-host was built without -Dtest_hooks=true (tools/test builds with it)"
link=${1:?usage: $0 exec|unix flooded|removed}
how=${2:?usage: $0 exec|unix flooded|removed}
export GP_LINK=$link

cache=$GP_TMP/shader-cache
other=$cache/uid-4242
mkdir -m 700 "$cache" "$other"
echo entry >"$other/foz_cache.foz"
case $link in
exec)
	boot=$(cat /proc/sys/kernel/random/boot_id)
	host_args=(--shader-cache "$cache" --peer-boot "$boot")
	dir=$cache/boot-$boot
	log=gpupipe-proxy # a --stdio host logs on the proxy's stderr
	;;
unix)
	host_args=(--shader-cache "$cache")
	dir=$cache/uid-$(id -u) # the proxy, this test's user, is the link's peer
	log=gpupipe-host
	;;
*) fail "usage: $0 exec|unix flooded|removed" ;;
esac
case $how in
flooded)
	export GPUPIPE_TEST_CACHE_FLOOD=600
	said='shader cache in .* grew to 60[0-9] MiB, past 512 MiB'
	;;
removed) said='shader cache in .* was removed or replaced while' ;;
*) fail "usage: $0 exec|unix flooded|removed" ;;
esac

start_weston
start_gpupipe "${host_args[@]}"
start_app first weston-simple-shm
if [[ $how == removed ]]; then
	shot=$GP_TMP/shot.png
	shot_until 20 "$shot" has_colour "$shot" ffffff 1000 ||
		fail "over $link: weston-simple-shm's window never appeared"
	rm -rf "$dir"
fi
wait_for 30 grep -q "$said" "$GP_TMP/$log.log" ||
	fail "over $link: no log line says the $how cache ended its link: $(tail -5 "$GP_TMP/$log.log")"
[[ ! -e $dir ]] || fail "over $link: the $how cache $dir is still there: $(ls -la "$dir")"
[[ $(cat "$other/foz_cache.foz") == entry ]] || fail "over $link: another peer's cache was touched"
wait_exit first 20 || fail "over $link: weston-simple-shm still runs on the link that was ended"

# The host goes on: the next app gets a link (flooded: it floods too, and is ended the same
# way; removed: its cache is made afresh and it shows).
case $link in
exec) kill -0 "$GP_PROXY_PID" || fail "gpupipe-proxy ended with the $how link" ;;
unix)
	kill -0 "$GP_HOST_PID" || fail "the listening gpupipe-host ended with the $how link"
	grep -q "its 1 link (peer [^)]*) is ended" "$GP_TMP/gpupipe-host.log" ||
		fail "the listener's line does not say it ended the one link: $(grep 'shader cache in' "$GP_TMP/gpupipe-host.log")"
	;;
esac
start_app next weston-simple-shm
if [[ $how == flooded ]]; then
	ends() { (($(grep -c "$said" "$GP_TMP/$log.log") >= 2)); }
	wait_for 30 ends || fail "over $link: the next app's link was not served and watched"
	wait_exit next 20 || fail "over $link: the next app still runs on its ended link"
else
	shot=$GP_TMP/next.png
	shot_until 20 "$shot" has_colour "$shot" ffffff 1000 ||
		fail "over $link: the next app's window never appeared"
	[[ -d $dir ]] || fail "over $link: the next link has no cache at $dir"
fi
note "over $link: $(grep -m1 'shader cache in' "$GP_TMP/$log.log")"
