#!/bin/bash
# Every OpenGL ES extension the host's driver offers is offered through gpu-0, unless
# proxy/egl/README.md ("Extensions not offered") says why not; and none is offered through
# gpu-0 that the driver lacks. For ES 1.1, 2.0 and 3.2 contexts, gl-es-extensions
# (tests/gl/gl-es-extensions.c) lists a context's extensions natively (Mesa in the app, on
# weston) and through gpu-0 (the host's Mesa, the same driver here), and the lists are
# compared. The README's list is checked both ways: a listed extension that gpu-0 offers is a
# stale line, and so fails too.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

bin=${GPUPIPE_GL_ES_EXTENSIONS:-}
[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es-extensions) ||
	skip "gl-es-extensions is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
readme=$(cd "$GP_LIB/../.." && pwd)/proxy/egl/README.md
[[ -r $readme ]] || fail "no $readme"

# The names the README's "Extensions not offered" section gives reasons for.
declare -A documented=()
while read -r name; do
	documented[$name]=1
done < <(awk '/^#/{inside = ($0 == "## Extensions not offered")} inside' "$readme" |
	grep -oE '`GL_[A-Za-z0-9_]+`' | tr -d '`' | sort -u)
((${#documented[@]} > 0)) || fail "$readme has no \"## Extensions not offered\" section naming any"

# list MODE MAJOR MINOR: the extensions of that context, one per line, sorted.
list() {
	local name="$1-es$2$3"
	if [[ $1 == native ]]; then
		start_native_app "$name" "$bin" "$2" "$3"
	else
		gl_app "$name" "$bin" "$2" "$3"
	fi
	wait_exit "$name" 30 || fail "gl-es-extensions ($name) still runs after 30 s"
	((GP_EXIT_STATUS == 0)) && log_has "$name" '^done$' ||
		fail "gl-es-extensions ($name) exited with status $GP_EXIT_STATUS: $(grep -v '^ext \|^info: ' "$GP_TMP/$name.log" | tail -3)"
	sed -n 's/^ext //p' "$GP_TMP/$name.log" | sort -u
}

gl_setup
failures=0
offered_anywhere=()
for version in "1 1" "2 0" "3 2"; do
	read -r major minor <<<"$version"
	native=$(list native "$major" "$minor")
	gpu0=$(list gpu0 "$major" "$minor")
	[[ -n $native ]] || fail "the native OpenGL ES $major.$minor context offers no extension"
	mapfile -t missing < <(comm -23 <(echo "$native") <(echo "$gpu0"))
	mapfile -t extra < <(comm -13 <(echo "$native") <(echo "$gpu0"))
	mapfile -t -O "${#offered_anywhere[@]}" offered_anywhere <<<"$gpu0"
	undocumented=()
	for name in "${missing[@]}"; do
		[[ -n ${documented[$name]:-} ]] || undocumented+=("$name")
	done
	if ((${#undocumented[@]})); then
		echo "OpenGL ES $major.$minor: the driver offers these, gpu-0 does not, and $readme does not say why: ${undocumented[*]}" >&2
		failures=$((failures + 1))
	fi
	if ((${#extra[@]})); then
		echo "OpenGL ES $major.$minor: gpu-0 offers these, the driver does not: ${extra[*]}" >&2
		failures=$((failures + 1))
	fi
	note "OpenGL ES $major.$minor: the driver offers $(wc -l <<<"$native"), gpu-0 $(wc -l <<<"$gpu0"); not offered, each with its reason: ${#missing[@]}"
done
stale=()
for name in "${!documented[@]}"; do
	printf '%s\n' "${offered_anywhere[@]}" | grep -qxF "$name" && stale+=("$name")
done
if ((${#stale[@]})); then
	echo "$readme says these are not offered, but gpu-0 offers them: ${stale[*]}" >&2
	failures=$((failures + 1))
fi
((failures == 0)) || fail "$failures mismatch(es) between the driver's extensions, gpu-0's and the README"
