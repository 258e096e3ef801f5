#!/bin/bash
# Without --allow-clipboard, the clipboard does not cross gpupipe in either direction, on
# headless sway: text copied natively (wl-copy) is not what wl-paste through gpu-0 gets,
# text copied through gpu-0 never becomes sway's selection, and wl-paste through gpu-0
# learns there is no selection (as the protocol says, a selection event before keyboard
# focus) instead of waiting for one.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

need_cmd wl-copy wl-paste
start_sway
start_gpupipe
native=(env XDG_RUNTIME_DIR="$GP_SWAY_DIR" WAYLAND_DISPLAY="$GP_SWAY_DISPLAY")
on_gpu0=(env XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0)
native_paste_is() { [[ $("${native[@]}" timeout 5 wl-paste -n 2>/dev/null) == "$1" ]]; }

spawn native-copy "${native[@]}" wl-copy --foreground host-secret
wait_for 10 native_paste_is host-secret || fail "natively, wl-paste never got what wl-copy copied"

# Host to app. WAYLAND_DEBUG shows that wl-paste had the keyboard focus, so a selection
# would have reached it there if it leaked.
rc=0
"${on_gpu0[@]}" WAYLAND_DEBUG=client timeout 10 wl-paste -n >"$GP_TMP/pasted" \
	2>"$GP_TMP/paste.log" || rc=$?
[[ $(<"$GP_TMP/pasted") != *host-secret* ]] || fail "wl-paste through gpu-0 got the host's clipboard"
grep -q 'wl_keyboard@[0-9]*\.enter(' "$GP_TMP/paste.log" ||
	fail "wl-paste through gpu-0 never had the keyboard focus, so this checked nothing"

# App to host: once wl-copy has asked for the selection, sway's stays the host's.
start_app app-copy env WAYLAND_DEBUG=client wl-copy --foreground app-secret
wait_for 10 grep -q 'wl_data_device@[0-9]*\.set_selection(' "$GP_TMP/app-copy.log" ||
	fail "wl-copy through gpu-0 never set the selection, so this checked nothing"
native_paste_is host-secret ||
	fail "the app's copy crossed: sway's selection is now" \
		"'$("${native[@]}" timeout 5 wl-paste -n 2>&1 || true)'"

# A compositor sends wl_data_device.selection (with no offer when there is no selection)
# before keyboard focus; an app that waits for it must not wait forever.
((rc != 124)) ||
	fail "wl-paste through gpu-0 waited 10 s for a wl_data_device.selection event that never came"
if ((rc != 1)) || ! grep -q 'No selection' "$GP_TMP/paste.log"; then
	fail "wl-paste through gpu-0 exited with $rc, expected 1 and 'No selection'"
fi
