#!/bin/bash
# glmark2-es2-wayland's default benchmark (every scene, each shortened to 0.3 s so that CI
# stays quick) completes through gpu-0 with no scene failing that runs natively in the same
# test run (native first, then gpu-0, on one headless weston). Notes both scores and their
# ratio. GP_GL_MODE=native runs only the native half: glmark2 exits 0, every scene reports a
# frame rate, and a score is printed.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd glmark2-es2-wayland
gl_setup
duration=${GPUPIPE_GLMARK2_DURATION:-0.3}

# scenes NAME: "[scene] options<TAB>FPS" for every scene of NAME.log that reported a frame
# rate. (Options hold colons, so the key ends at the last ": FPS: ".) A scene that failed
# prints something else and is absent.
scenes() {
	sed -n 's/^\(\[[^]]*\] .*\): FPS: \([0-9]*\) .*/\1\t\2/p' "$GP_TMP/$1.log"
}
# scene_lines NAME: how many scene lines ("[scene] ...") NAME.log has, reported or not.
scene_lines() { grep -c '^\[' "$GP_TMP/$1.log" || true; }
score() { sed -n 's/.*glmark2 Score: \([0-9]*\).*/\1/p' "$GP_TMP/$1.log"; }

start_native_app native glmark2-es2-wayland -b ":duration=$duration"
wait_exit native 300 || fail "glmark2 did not finish natively within 300 s"
((GP_EXIT_STATUS == 0)) || fail "glmark2 exited with $GP_EXIT_STATUS natively"
scenes native >"$GP_TMP/native.txt"
total=$(scene_lines native)
ran=$(awk -F'\t' '$2 > 0' "$GP_TMP/native.txt" | wc -l)
native_score=$(score native)
note "natively: $ran of $total scenes ran, score ${native_score:-none}"
((total > 0)) || fail "glmark2 reported no scene natively"
if [[ $GP_GL_MODE == native ]]; then
	((ran == total)) || fail "$((total - ran)) scenes did not run natively"
	[[ -n $native_score ]] || fail "glmark2 printed no score natively"
	exit 0
fi

gl_app gpu0 glmark2-es2-wayland -b ":duration=$duration"
wait_exit gpu0 900 || fail "glmark2 did not finish on gpu-0 within 900 s"
grep -q 'GL_VERSION:.*gpupipe' "$GP_TMP/gpu0.log" ||
	fail "glmark2 on gpu-0 was not served by gpupipe: $(grep GL_VERSION "$GP_TMP/gpu0.log")"
scenes gpu0 >"$GP_TMP/gpu0.txt"
failed=()
while IFS=$'\t' read -r scene fps; do
	((fps > 0)) || continue
	got=$(awk -F'\t' -v s="$scene" '$1 == s { print $2 }' "$GP_TMP/gpu0.txt")
	((${got:-0} > 0)) || failed+=("$scene")
done <"$GP_TMP/native.txt"
if ((${#failed[@]})); then
	printf '  %s\n' "${failed[@]}" >&2
	fail "${#failed[@]} scenes that run natively fail on gpu-0 (glmark2 exited $GP_EXIT_STATUS)"
fi
((GP_EXIT_STATUS == 0)) || fail "glmark2 exited with $GP_EXIT_STATUS on gpu-0"
gpu0_score=$(score gpu0)
[[ -n $gpu0_score ]] || fail "glmark2 printed no score on gpu-0"
note "on gpu-0: every scene ran; score $gpu0_score, natively $native_score" \
	"(ratio $(awk -v a="$gpu0_score" -v b="$native_score" 'BEGIN { printf "%.2f", b ? a / b : 0 }'))"
