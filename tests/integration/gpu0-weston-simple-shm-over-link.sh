#!/bin/bash
# gpu0-weston-simple-shm-over-link.sh tcp|exec: weston-simple-shm through gpu-0 on headless
# weston, over a link transport other than a unix socket: tcp:127.0.0.1:PORT (a listening
# gpupipe-host), or exec:'gpupipe-host --stdio' (the proxy runs one host per app, as a
# qrexec call does). Either way its 250x250 white frame and its pattern appear.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

link=${1:?usage: $0 tcp|exec}
export GP_LINK=$link
start_weston
start_gpupipe
start_app shm weston-simple-shm
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" ffffff 1000 ||
	fail "over $link: weston-simple-shm's white frame never appeared"
box=$(probe "$shot" bbox ffffff)
read -r x y w h <<<"$box"
[[ $w == 250 && $h == 250 ]] || fail "over $link: white frame is ${w}x$h at $x,$y, expected 250x250"
colours=$(probe "$shot" distinct --rect "$((x + 20)),$((y + 20)),210,210")
((colours >= 50)) || fail "over $link: the pattern has $colours colours, expected at least 50"

# The link really went the way asked.
case $link in
tcp)
	if ! grep -q "listening on $GP_LINK_ADDR" "$GP_TMP/gpupipe-host.log" ||
		(($(children_of "$GP_HOST_PID" | wc -l) != 1)); then
		fail "the host listening on $GP_LINK_ADDR is not serving the link"
	fi
	;;
exec)
	# gpupipe-host --stdio runs under the proxy's process for the app.
	stdio_host=
	for app_proc in $(children_of "$GP_PROXY_PID"); do
		for p in $(children_of "$app_proc"); do
			[[ $(tr '\0' ' ' <"/proc/$p/cmdline") == *gpupipe-host\ --stdio* ]] && stdio_host=$p
		done
	done
	[[ -n $stdio_host ]] || fail "no gpupipe-host --stdio runs under gpupipe-proxy"
	;;
esac
note "over $GP_LINK_ADDR: window at $x,$y with $colours colours"
