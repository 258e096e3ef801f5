#!/bin/bash
# The piglit GLES 2 subset (tests/gl/piglit-gles2.list, which says how it was chosen) through
# gpu-0: each test runs natively first (Mesa in the app), then on gpu-0 with gpupipe's EGL
# vendor only; every test that passes natively must pass on gpu-0. A test that does not pass
# natively is reported and not run on gpu-0 (the list is kept valid by native-gl-piglit-gles2,
# which fails on it). GP_GL_MODE=native runs only the native half and requires every test
# to pass.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

piglit_dir=${GPUPIPE_PIGLIT_DIR:-/usr/lib/x86_64-linux-gnu/piglit}
[[ -x $piglit_dir/bin/shader_runner_gles2 ]] ||
	skip "piglit is not installed in $piglit_dir (tools/install-deps installs it)"
list=$GP_GL_DIR/piglit-gles2.list
mapfile -t tests < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$list")
((${#tests[@]} > 0)) || fail "no tests in $list"

gl_setup
json=
if [[ $GP_GL_MODE == gpu0 ]]; then
	json=$(gl_vendor_json) ||
		skip "gpupipe's EGL vendor is not built (proxy/egl/gpupipe-egl-vendor.json)"
fi

# Outputs go into a folder of their own: the harness prints every top-level log on failure.
mkdir "$GP_TMP/piglit"

# run_piglit WHERE INDEX: runs test INDEX natively or on gpu-0, in the foreground (each test
# ends by itself; timeout bounds a hang), output in piglit/WHERE-INDEX.log; prints its result
# (pass, fail, skip, crash, ... or "timeout", "none" when it reported nothing).
run_piglit() {
	local where=$1 i=$2 log status=0 result
	log=$GP_TMP/piglit/$where-$i.log
	local -a env=(env PIGLIT_PLATFORM=wayland)
	if [[ $where == native ]]; then
		env+=(XDG_RUNTIME_DIR="$GP_TMP" WAYLAND_DISPLAY="$GP_DISPLAY")
	else
		env+=(XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0
			__EGL_VENDOR_LIBRARY_FILENAMES="$json")
	fi
	local -a cmd
	read -ra cmd <<<"${tests[i]}"
	(cd "$piglit_dir" && timeout $((30 * ${GPUPIPE_TIMEOUT_SCALE:-1})) \
		"${env[@]}" "bin/${cmd[0]}" "${cmd[@]:1}") >"$log" 2>&1 || status=$?
	result=$(sed -n 's/.*PIGLIT: {"result": "\([a-z]*\)".*/\1/p' "$log" | tail -1)
	if ((status == 124)); then
		result=timeout
	elif [[ -z $result ]]; then
		result=none
	elif [[ $result == pass ]] && ((status != 0)); then
		result="pass-but-exit-$status"
	fi
	echo "$result"
}

native_pass=()
native_bad=0
for i in "${!tests[@]}"; do
	r=$(run_piglit native "$i")
	if [[ $r == pass ]]; then
		native_pass+=("$i")
	else
		note "natively $r: ${tests[i]}"
		tail -n 8 "$GP_TMP/piglit/native-$i.log" | sed 's/^/    /' >&2
		native_bad=$((native_bad + 1))
	fi
done
note "natively: ${#native_pass[@]} of ${#tests[@]} pass"
if [[ $GP_GL_MODE == native ]]; then
	((native_bad == 0)) || fail "$native_bad of ${#tests[@]} listed tests do not pass natively" \
		"(the list is out of date for this machine)"
	exit 0
fi
((${#native_pass[@]} > 0)) || fail "no listed test passes natively: nothing to compare"

bad=()
for i in "${native_pass[@]}"; do
	r=$(run_piglit gpu0 "$i")
	if [[ $r != pass ]]; then
		bad+=("$i")
		printf '%s: %s\n' "$r" "${tests[i]}" >&2
		tail -n 8 "$GP_TMP/piglit/gpu0-$i.log" | sed 's/^/    /' >&2
	fi
done
if ((${#bad[@]})); then
	fail "${#bad[@]} of ${#native_pass[@]} tests that pass natively do not pass on gpu-0"
fi
note "on gpu-0: all ${#native_pass[@]} tests that pass natively pass"
