#!/bin/bash
# shader-cache-watched.sh exec|unix: a link's shader cache is watched from outside its
# sandbox. Mesa holds the cache's files open for writing in the link process, and a
# compromised one could write them without end; here GPUPIPE_TEST_CACHE_FLOOD (a hook of test
# builds) makes a file of the cache 600 MiB long once the link is contained, past the 512 MiB
# a cache may reach while links use it. The link is ended within moments, its cache removed,
# and a log line says so; another peer's cache is untouched and the host goes on: over exec:
# the gpupipe-host --stdio of that link (its watcher ends with it) and the proxy serving gpu-0
# for the next app; over unix the listening gpupipe-host, which serves the next link.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

[[ ${GPUPIPE_TEST_HOOKS:-} == true ]] ||
	skip "gpupipe-host was built without -Dtest_hooks=true (tools/test builds with it)"
link=${1:?usage: $0 exec|unix}
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
*) fail "usage: $0 exec|unix" ;;
esac

start_weston
export GPUPIPE_TEST_CACHE_FLOOD=600
start_gpupipe "${host_args[@]}"
start_app flooding weston-simple-shm
wait_for 30 grep -q 'shader cache in .* grew to 60[0-9] MiB, past 512 MiB' "$GP_TMP/$log.log" ||
	fail "over $link: no log line says the flooded cache ended its link: $(tail -5 "$GP_TMP/$log.log")"
[[ ! -e $dir ]] || fail "over $link: the flooded cache $dir is still there: $(ls -la "$dir")"
[[ $(cat "$other/foz_cache.foz") == entry ]] || fail "over $link: another peer's cache was touched"
wait_exit flooding 20 ||
	fail "over $link: weston-simple-shm still runs on the link that was ended"

# The host goes on: the next app gets a link (it floods too, and is ended the same way).
case $link in
exec) kill -0 "$GP_PROXY_PID" || fail "gpupipe-proxy ended with the flooded link" ;;
unix)
	kill -0 "$GP_HOST_PID" || fail "the listening gpupipe-host ended with the flooded link"
	grep -q 'its 1 link is ended, the cache removed' "$GP_TMP/gpupipe-host.log" ||
		fail "the listener's line does not say it ended the one link: $(grep 'grew to' "$GP_TMP/gpupipe-host.log")"
	;;
esac
ends() { (($(grep -c 'grew to 60[0-9] MiB' "$GP_TMP/$log.log") >= 2)); }
start_app next weston-simple-shm
wait_for 30 ends || fail "over $link: the next app's link was not served and watched"
wait_exit next 20 || fail "over $link: the next app still runs on its ended link"
note "over $link: $(grep -m1 'grew to' "$GP_TMP/$log.log")"
