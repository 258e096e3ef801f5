#!/bin/bash
# Records real links for the fuzz harnesses' seed corpora: each scenario starts a headless
# compositor, gpupipe-host and gpupipe-proxy (tests/lib/harness.sh), puts record-relay.py
# between the proxy and the host, runs real apps through gpu-0 until their windows are on
# screen and a few more frames went by, and keeps every link's proxy-to-host bytes.
#
#   tests/fuzz/record-corpus.sh OUTDIR [SCENARIO...]     (as root; default: every scenario)
#   tests/fuzz/corpus-split.py OUTDIR CORPUS             one seed per harness and link
#   tools/fuzz --merge                                    minimise into tests/fuzz/corpus/
#
# Writes OUTDIR/SCENARIO/link-N.up (and .down) and OUTDIR/SCENARIO/options: the session
# harness's options byte (bit 0 sway, bit 1 --allow-clipboard, bit 2 --label work).
# Uses the binaries of build-test/ or build/ (or GPUPIPE_HOST, GPUPIPE_PROXY, ...).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
scenarios=(simple-shm simple-damage subsurfaces es2gears simple-egl gl-patterns gl-threads gl-es3-app gl-es1-app
	gl-desktop-core gl-core-state gl-core-draw gl-es2-locations
	glmark2-build glmark2-build-client-arrays glmark2-texture glmark2-shading glmark2-bump glmark2-effect2d glmark2-pulsar
	glmark2-desktop glmark2-buffer glmark2-ideas glmark2-jellyfish glmark2-conditionals
	glmark2-function glmark2-loop glmark2-refract glmark2-shadow glmark2-clear
	foot foot-label clipboard)

if [[ ${1:-} == -h || ${1:-} == --help || $# -lt 1 ]]; then
	sed -n '2,13s/^# \{0,1\}//p' "$0"
	echo "scenarios: ${scenarios[*]}"
	exit 0
fi
out=$(mkdir -p "$1" && cd "$1" && pwd)
shift

# Each scenario in its own process, so each gets a fresh harness.
if (($# != 1)); then
	(($#)) || set -- "${scenarios[@]}"
	for s in "$@"; do
		echo "record-corpus: $s"
		"$0" "$out" "$s" || echo "record-corpus: $s failed (see above)"
	done
	exit 0
fi
scenario=$1
dest=$out/$scenario
rm -rf "$dest"
mkdir -p "$dest"

# shellcheck source=../lib/harness.sh
. "$here/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

options=0
# start_recorded COMPOSITOR [HOST ARGS...]: the compositor, gpupipe with the relay between
# proxy and host (the proxy's last --connect wins).
start_recorded() {
	local compositor=$1
	shift
	if [[ $compositor == sway ]]; then
		start_sway
		options=$((options | 1))
	else
		start_weston
	fi
	local relay=$GP_TMP/relay.sock
	start_gpupipe "$@" -- --connect "unix:$relay"
	spawn relay python3 "$here/record-relay.py" "$relay" "$GP_HOST_SOCKET" "$dest"
	wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qx ready "$GP_TMP/relay.log" ||
		fail "record-relay did not start"
	echo "$options" >"$dest/options"
}

recorded_bytes() { cat "$dest"/link-*.up 2>/dev/null | wc -c; }
# more_than BYTES: the links carried more than BYTES so far.
more_than() { (($(recorded_bytes) > $1)); }

# shown_then NAME [BYTES]: the app's window is on screen, then the links carry BYTES more
# (frames after the first), within 20 s.
shown_then() {
	local shot=$GP_TMP/shot.png
	shot_until 30 "$shot" shows_window "$shot" || fail "$1 never showed a window"
	local then
	then=$(recorded_bytes)
	wait_for 20 more_than $((then + ${2:-100000})) || note "$1: fewer bytes than hoped after the first frame"
}

case $scenario in
simple-shm | simple-damage | subsurfaces)
	start_recorded weston
	start_app app "weston-$scenario"
	shown_then "$scenario" 1000000
	;;
es2gears)
	start_recorded weston
	start_gl_app app es2gears_wayland
	shown_then es2gears 50000
	;;
simple-egl)
	start_recorded weston
	start_gl_app app weston-simple-egl
	shown_then simple-egl 50000
	;;
gl-patterns)
	start_recorded weston
	start_gl_app app "$(gl_patterns_bin)" --frames 4 --resize 320x288 --hold
	wait_log 60 app '^held$' || note "gl-patterns did not show its frames"
	;;
gl-es3-app)
	# OpenGL ES 3.2 contexts: instancing, uniform buffers, transform feedback, compute,
	# pixel buffers, geometry and tessellation shaders, texture buffers, KHR_debug.
	start_recorded weston
	start_gl_app app "$(gl_es3_app_bin)" --hold
	wait_log 60 app '^held$' || note "gl-es3-app did not show its frame"
	;;
gl-es1-app)
	start_recorded weston
	bin=${GPUPIPE_GL_ES1_APP:-}
	[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es1-app) || fail "gl-es1-app is not built"
	start_gl_app app "$bin"
	wait_log 60 app '^held$' || note "gl-es1-app did not show its frames"
	;;
gl-desktop-core)
	# Desktop OpenGL's core profile: a uniform block, instancing (gl-desktop-core.c).
	start_recorded weston
	bin=${GPUPIPE_GL_DESKTOP_APP:-}
	[[ -x $bin ]] || bin=$(find_built tests/gl/gl-desktop-app) || fail "gl-desktop-app is not built"
	start_gl_app app "$bin" --core-only
	wait_log 60 app '^held$' || note "gl-desktop-app --core-only did not show its frames"
	;;
gl-core-state | gl-core-draw | gl-es2-locations)
	# The desktop-only commands of core contexts, each group checked in the app; uniform
	# and attribute lookups (GL_OP_PROGRAM_NAMES).
	start_recorded weston
	var=GPUPIPE_${scenario//-/_}
	var=${var^^}
	bin=${!var:-}
	[[ -x $bin ]] || bin=$(find_built "tests/gl/$scenario") || fail "$scenario is not built"
	start_gl_app app "$bin"
	wait_exit app 60 || note "$scenario did not finish"
	;;
gl-threads)
	start_recorded weston
	start_gl_app app "$(gl_patterns_bin)" --threads --frames 5 --hold
	wait_log 120 app '^held$' || note "gl-patterns --threads did not finish"
	;;
glmark2-*)
	# One scene per link: each seed starts from its context, whatever it draws.
	scene=${scenario#glmark2-}
	case $scene in
	shading) scene=shading:shading=phong ;;
	bump) scene=bump:bump-render=normals ;;
	buffer) scene=buffer:update-method=map ;;
	# Client arrays of 504 KiB a draw. Its gl seed is cut before the second draw, which
	# would send GL_OP_CLIENT_ARRAY_AGAIN: the seed that has one is this one with two
	# AGAINs of its array's header appended by hand (session 13).
	build-client-arrays) scene=build:use-vbo=false ;;
	esac
	start_recorded weston
	start_gl_app app glmark2-es2-wayland -s 160x120 -b "$scene:duration=0.3"
	wait_log 120 app 'glmark2 Score' || note "glmark2 did not finish"
	;;
foot | foot-label)
	host_args=()
	[[ $scenario == foot-label ]] && host_args=(--label work) && options=$((options | 4))
	start_recorded sway "${host_args[@]}"
	start_app app foot -- sh -c 'printf "HELLO GPUPIPE\n"; exec cat'
	shown_then foot 200000
	sway_type "typed through wtype"
	sway_type -k Return
	then=$(recorded_bytes)
	wait_for 10 more_than $((then + 50000)) || true
	;;
clipboard)
	# Both ways, as tests/integration/gpu0-sway-clipboard-allowed-both-ways.sh: each
	# wl-paste and wl-copy through gpu-0 is a link of its own.
	options=2
	start_recorded sway --allow-clipboard
	native=(env XDG_RUNTIME_DIR="$GP_SWAY_DIR" WAYLAND_DISPLAY="$GP_SWAY_DISPLAY")
	on_gpu0=(env XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0)
	pasted() { [[ $("${@:2}" timeout 5 wl-paste -n 2>/dev/null) == "$1" ]]; }
	spawn native-copy "${native[@]}" wl-copy --foreground "copied on the host"
	wait_for 20 pasted "copied on the host" "${on_gpu0[@]}" || note "no paste through gpu-0"
	start_app copy wl-copy --foreground "copied in the app"
	wait_for 20 pasted "copied in the app" "${native[@]}" || note "no copy through gpu-0"
	;;
*) fail "unknown scenario $scenario (see --help)" ;;
esac
echo "$options" >"$dest/options"
note "$scenario: $(recorded_bytes) bytes in $(ls "$dest"/link-*.up | wc -l) links"
