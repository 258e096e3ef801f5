#!/bin/bash
# libEGL_gpupipe declines a real compositor's display (no gpupipe_v1 global) without an
# error, and with Mesa's vendor after ours, Mesa serves it: apps outside gpu-0 are untouched.
. "$(dirname "$0")/../lib/harness.sh"
: "${GPUPIPE_EGL_VENDOR:?meson sets it: gpupipe-egl-vendor.json of the build tree}"
: "${GPUPIPE_EGL_DECLINE:?meson sets it: the egl-decline program}"
mesa=/usr/share/glvnd/egl_vendor.d/50_mesa.json
[[ -f $mesa ]] || skip "Mesa's glvnd vendor file $mesa is not installed"

start_weston
WAYLAND_DISPLAY=$GP_DISPLAY __EGL_VENDOR_LIBRARY_FILENAMES=$GPUPIPE_EGL_VENDOR \
	"$GPUPIPE_EGL_DECLINE" alone || fail "our vendor alone did not decline weston's display"
WAYLAND_DISPLAY=$GP_DISPLAY __EGL_VENDOR_LIBRARY_FILENAMES=$GPUPIPE_EGL_VENDOR:$mesa \
	"$GPUPIPE_EGL_DECLINE" with-mesa || fail "Mesa did not get weston's display after ours"
