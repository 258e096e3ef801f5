#!/bin/bash
# glmark2-es2-wayland --validate through gpu-0 reports Success for every scene that reports
# Success natively in the same test run on the same machine (native first, then gpu-0, one
# after the other on one headless weston). Through gpu-0 glmark2 is served by gpupipe's EGL
# vendor only (its GL_VERSION names gpupipe). GP_GL_MODE=native runs only the native half:
# glmark2 exits 0, every scene reports a validation result, at least one is Success and none
# is Failure.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

need_cmd glmark2-es2-wayland
gl_setup

# results NAME: "[scene] options<TAB>result" for every scene in NAME.log.
results() {
	sed -n 's/^\(\[[^]]*\] .*\): Validation: \([A-Za-z]*\)$/\1\t\2/p' "$GP_TMP/$1.log"
}

start_native_app native glmark2-es2-wayland --validate
wait_exit native 300 || fail "glmark2 --validate did not finish natively within 300 s"
((GP_EXIT_STATUS == 0)) || fail "glmark2 --validate exited with $GP_EXIT_STATUS natively"
results native >"$GP_TMP/native.txt"
scenes=$(wc -l <"$GP_TMP/native.txt")
native_ok=$(grep -c $'\tSuccess$' "$GP_TMP/native.txt" || true)
note "natively: $native_ok of $scenes scenes Success"
((scenes > 0)) || fail "glmark2 reported no scene natively"
if [[ $GP_GL_MODE == native ]]; then
	((native_ok > 0)) || fail "no scene validates natively"
	! grep $'\tFailure$' "$GP_TMP/native.txt" >&2 || fail "scenes above fail validation natively"
	exit 0
fi

gl_app gpu0 glmark2-es2-wayland --validate
wait_exit gpu0 600 || fail "glmark2 --validate did not finish on gpu-0 within 600 s"
grep -q 'GL_VERSION:.*gpupipe' "$GP_TMP/gpu0.log" ||
	fail "glmark2 on gpu-0 was not served by gpupipe: $(grep GL_VERSION "$GP_TMP/gpu0.log")"
results gpu0 >"$GP_TMP/gpu0.txt"
missing=()
while IFS=$'\t' read -r scene result; do
	[[ $result == Success ]] || continue
	got=$(awk -F'\t' -v s="$scene" '$1 == s { print $2 }' "$GP_TMP/gpu0.txt")
	[[ $got == Success ]] || missing+=("$scene: ${got:-no result}")
done <"$GP_TMP/native.txt"
gpu0_ok=$(grep -c $'\tSuccess$' "$GP_TMP/gpu0.txt" || true)
if ((${#missing[@]})); then
	printf '  %s\n' "${missing[@]}" >&2
	fail "${#missing[@]} scenes that validate natively do not on gpu-0 (glmark2 exited $GP_EXIT_STATUS)"
fi
((GP_EXIT_STATUS == 0)) || fail "glmark2 --validate exited with $GP_EXIT_STATUS on gpu-0"
note "on gpu-0: $gpu0_ok of $(wc -l <"$GP_TMP/gpu0.txt") scenes Success; natively $native_ok of $scenes"
