#!/bin/bash
# With gpupipe-host --allow-clipboard, the clipboard crosses both ways on headless sway:
# text copied natively (wl-copy) is what wl-paste through gpu-0 gets, and text copied
# through gpu-0 is what a native wl-paste gets.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd wl-copy wl-paste
start_sway
start_gpupipe --allow-clipboard
native=(env XDG_RUNTIME_DIR="$GP_SWAY_DIR" WAYLAND_DISPLAY="$GP_SWAY_DISPLAY")
on_gpu0=(env XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0)
native_paste_is() { [[ $("${native[@]}" timeout 5 wl-paste -n 2>/dev/null) == "$1" ]]; }
gpu0_paste_is() { [[ $("${on_gpu0[@]}" timeout 5 wl-paste -n 2>>"$GP_TMP/gpu0-paste.log") == "$1" ]]; }

spawn native-copy "${native[@]}" wl-copy --foreground "copied on the host"
wait_for 10 native_paste_is "copied on the host" || fail "natively, wl-paste never got what wl-copy copied"
wait_for 20 gpu0_paste_is "copied on the host" ||
	fail "wl-paste through gpu-0 got '$("${on_gpu0[@]}" timeout 5 wl-paste -n 2>&1 || true)', expected the host's text"

start_app app-copy wl-copy --foreground "copied in the app"
wait_for 20 native_paste_is "copied in the app" ||
	fail "sway's selection is '$("${native[@]}" timeout 5 wl-paste -n 2>&1 || true)', expected the app's text"
# And back through gpu-0, from the host's selection that the app now owns.
wait_for 20 gpu0_paste_is "copied in the app" || fail "wl-paste through gpu-0 does not get the app's own text back"
