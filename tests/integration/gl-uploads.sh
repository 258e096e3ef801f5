#!/bin/bash
# Texture uploads of every size, read back byte by byte (gl-es3-app --uploads,
# tests/gl/gl-es3-uploads.c): below 64 KiB in the GL stream, from 64 KiB to 16 MiB in the
# stream's shared memory (the link is a unix socket: gl-stream.h, "Shared memory"), above in
# the stream again; the app overwriting its pixels right after each call, and 160 MiB of
# uploads going round the shared memory ten times. Through gpu-0, gpupipe-host --stats must
# count the bytes that came through shared memory when the link ends: at least the loop's
# 160 MiB. GP_GL_MODE=native (native-gl-uploads.sh): the same checks rendered by Mesa.
# GP_UPLOADS_NO_FD_PASSING=1 (gl-uploads-no-fd-passing.sh): gpupipe-proxy --no-fd-passing,
# every byte in the stream as between VMs, and none through shared memory.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=$(gl_es3_app_bin) || exit
log=$GP_TMP/gpupipe-host.log
proxy_args=()
[[ -z ${GP_UPLOADS_NO_FD_PASSING:-} ]] || proxy_args=(-- --no-fd-passing)
gl_setup --stats "${proxy_args[@]}"
gl_app uploads "$bin" --es 3.0 --uploads
wait_exit uploads 120 || fail "gl-es3-app --uploads did not finish"
((GP_EXIT_STATUS == 0)) ||
	fail "gl-es3-app --uploads exited with status $GP_EXIT_STATUS: $(grep -E '^(FAIL|gl-es3-app:)' "$GP_TMP/uploads.log" | head -3)"
for check in upload-32x32 upload-256x256 upload-1024x1024 upload-2048x2048 upload-2048x2100 \
	sub-upload-row-length-700 sub-upload-row-length-1100 upload-loop buffer-data \
	client-array-draw; do
	log_has uploads "^PASS $check\$" || fail "gl-es3-app printed no PASS $check"
done
[[ $GP_GL_MODE == gpu0 ]] || exit 0
totals() { grep -E 'stats since the link began .*GL shared memory [0-9.]+ [KMG]?i?B in' "$log" | tail -1; }
wait_for 10 totals || fail "the link logged no totals with the GL shared memory figure when it ended"
line=$(totals)
note "$line"
# Per frame (per second where no frame was shown) over the link's life: times its frames
# (fps times seconds), or its seconds, gives the bytes.
read -r seconds fps per value unit < <(sed -nE 's/.*since the link began \(([0-9.]+) s\): ([0-9.]+) fps; per (frame|second):.*GL shared memory ([0-9.]+) ([KMG]?i?B) in.*/\1 \2 \3 \4 \5/p' <<<"$line")
mib=$(awk -v s="$seconds" -v fps="$fps" -v per="$per" -v v="$value" -v u="$unit" 'BEGIN {
	f = u == "GiB" ? 1024 : u == "MiB" ? 1 : u == "KiB" ? 1 / 1024 : 1 / 1048576
	n = per == "frame" ? int(fps * s + 0.5) : s
	printf "%d", n * v * f }')
if [[ -n ${GP_UPLOADS_NO_FD_PASSING:-} ]]; then
	((mib == 0)) || fail "$mib MiB came through shared memory with --no-fd-passing: $line"
else
	((mib >= 160)) || fail "only $mib MiB of uploads came through shared memory, want at least 160: $line"
fi
