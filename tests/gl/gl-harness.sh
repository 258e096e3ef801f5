# shellcheck shell=bash
# Helpers for the GL integration tests (tests/integration/gl-*.sh and native-gl-*.sh), sourced
# after tests/lib/harness.sh. A GL test runs in one of two modes, chosen by the script that
# sources it:
#
#   GP_GL_MODE=gpu0    (default) apps run on gpu-0 with gpupipe's EGL vendor only
#                      (start_gl_app): every frame is rendered by gpupipe-host
#   GP_GL_MODE=native  apps run directly on the host compositor, rendered by Mesa in the app:
#                      the baseline that proves the check itself works (native-gl-*.sh set
#                      the mode and source the gl-*.sh script of the same behaviour)
#
# Environment: GPUPIPE_GL_PATTERNS and GPUPIPE_GL_ES3_APP (the gl-patterns and gl-es3-app
# binaries; meson passes them, a test run by hand finds them in build-test/ or build/),
# GPUPIPE_EGL_VENDOR (see harness.sh).

GP_GL_MODE=${GP_GL_MODE:-gpu0}
GP_GL_DIR=$(cd "$GP_LIB/../gl" && pwd)

# shellcheck disable=SC2034 # GP_GL_WHERE is for the scripts that source this
case $GP_GL_MODE in
gpu0) GP_GL_WHERE="through gpu-0" ;;
native) GP_GL_WHERE="natively" ;;
*) fail "GP_GL_MODE=$GP_GL_MODE: expected gpu0 or native" ;;
esac

# weston's GL renderer: its pixman renderer copies the X byte of XRGB8888 buffers into the
# output, where weston-screenshooter reads it as alpha (es2gears, whose X byte llvmpipe
# leaves 0, comes out black). Also what DESIGN.md's native references were measured on.
GP_WESTON_RENDERER=${GP_WESTON_RENDERER:-gl}

# gl_setup [HOST ARGS...]: headless weston, and gpupipe in front of it in gpu0 mode.
gl_setup() {
	start_weston
	if [[ $GP_GL_MODE == gpu0 ]]; then
		start_gpupipe "$@"
	fi
}

# Mesa's glvnd vendor file, as Debian installs it.
GP_MESA_VENDOR_JSON=${GP_MESA_VENDOR_JSON:-/usr/share/glvnd/egl_vendor.d/50_mesa.json}

# start_gl_app_beside_mesa NAME CMD [ARGS...]: like start_gl_app, with Mesa's vendor after
# gpupipe's (__EGL_VENDOR_LIBRARY_FILENAMES="gpupipe's:Mesa's"), as `meson install` leaves
# them: what gpupipe streams goes to it, what it does not falls back to Mesa in the app.
start_gl_app_beside_mesa() {
	local json
	json=$(gl_vendor_json) ||
		skip "gpupipe's EGL vendor is not built (proxy/egl/gpupipe-egl-vendor.json)"
	[[ -f $GP_MESA_VENDOR_JSON ]] || skip "no Mesa EGL vendor file at $GP_MESA_VENDOR_JSON"
	local name=$1
	shift
	start_app "$name" env __EGL_VENDOR_LIBRARY_FILENAMES="$json:$GP_MESA_VENDOR_JSON" "$@"
}

# gl_app NAME CMD [ARGS...]: starts a GL app the mode's way (start_gl_app, or
# start_gl_app_beside_mesa with GP_GL_VENDORS=both, or start_native_app); its pid is in
# GP_LAST_PID, its output in $GP_TMP/NAME.log.
gl_app() {
	if [[ $GP_GL_MODE == gpu0 && ${GP_GL_VENDORS:-} == both ]]; then
		start_gl_app_beside_mesa "$@"
	elif [[ $GP_GL_MODE == gpu0 ]]; then
		start_gl_app "$@"
	else
		start_native_app "$@"
	fi
}

# gl_patterns_bin: the gl-patterns binary.
gl_patterns_bin() {
	local bin=${GPUPIPE_GL_PATTERNS:-}
	[[ -x $bin ]] || bin=$(find_built tests/gl/gl-patterns) ||
		skip "gl-patterns is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
	echo "$bin"
}

# gl_es3_app_bin: the gl-es3-app binary (the ES 3.x client, tests/gl/gl-es3-app.h).
gl_es3_app_bin() {
	local bin=${GPUPIPE_GL_ES3_APP:-}
	[[ -x $bin ]] || bin=$(find_built tests/gl/gl-es3-app) ||
		skip "gl-es3-app is not built (it needs libegl-dev, libgles-dev, libwayland-dev)"
	echo "$bin"
}

# gl_patterns NAME [GL-PATTERNS ARGS...]: starts gl-patterns as a GL app.
gl_patterns() {
	local name=$1 bin
	shift
	bin=$(gl_patterns_bin) || exit
	gl_app "$name" "$bin" "$@"
}

# log_has NAME REGEX: NAME.log has a line matching the extended regular expression.
log_has() { grep -Eq -- "$2" "$GP_TMP/$1.log"; }

# wait_log TIMEOUT_S NAME REGEX: waits for a line matching REGEX in NAME.log; fails the test
# at once, with the process's exit status, if the process NAME exits first.
wait_log() {
	local timeout=$1 name=$2 regex=$3 pid
	pid=$(pid_of "$name") || fail "wait_log: no process called $name"
	log_or_gone() { log_has "$name" "$regex" || is_gone "$pid"; }
	wait_for "$timeout" log_or_gone || return 1
	log_has "$name" "$regex" && return 0
	local status=0
	wait "$pid" 2>/dev/null || status=$?
	if ((status > 128)); then
		fail "$name died of signal $((status - 128)) ($(kill -l $((status - 128)))) (see $name.log below)"
	fi
	fail "$name exited with status $status before printing /$regex/ (see $name.log below)"
}

# wait_exit NAME TIMEOUT_S: waits up to TIMEOUT_S for process NAME to exit and leaves its
# exit status in GP_EXIT_STATUS; returns 1 if it still runs then. (Not in a subshell: only
# this shell can collect the status of its children.)
wait_exit() {
	local pid
	pid=$(pid_of "$1") || fail "wait_exit: no process called $1"
	wait_for "$2" is_gone "$pid" || return 1
	GP_EXIT_STATUS=0
	wait "$pid" 2>/dev/null || GP_EXIT_STATUS=$?
}

# expect_clean_exit NAME TIMEOUT_S WHAT: process NAME exits with status 0 within TIMEOUT_S.
expect_clean_exit() {
	wait_exit "$1" "$2" ||
		fail "$3: $1 still runs after $2 s; where its threads wait: $(threads_waiting "$(pid_of "$1")")$(backtraces "$1")"
	((GP_EXIT_STATUS == 0)) || fail "$3: $1 exited with status $GP_EXIT_STATUS (see $1.log below)"
}

# threads_waiting PID: each thread of PID as "name:kernel wait:syscall number", for a
# process that should have ended (a rare hang is then told by the log it leaves).
threads_waiting() {
	local t out=()
	for t in /proc/"$1"/task/*; do
		out+=("$(cat "$t/comm" 2>/dev/null):$(cat "$t/wchan" 2>/dev/null):$(cut -d' ' -f1 "$t/syscall" 2>/dev/null)")
	done
	echo "${out[*]}"
}

# backtraces NAME: where each thread of process NAME is, as gdb tells it (innermost 8
# frames), into NAME-backtrace.log; and of gpupipe-host's link processes (not the
# listener), which draw the app's frames, into links-backtrace.log (innermost 24 frames:
# down to the GL command the link runs, below the driver's frames), each thread with the
# CPU time it took over one second (a thread that spins, as against one that waits). Both
# are kept with the test's logs. Says so; nothing without gdb.
backtraces() {
	command -v gdb >/dev/null || return 0
	stacks "$(pid_of "$1")" 8 >"$GP_TMP/$1-backtrace.log"
	local pid
	for pid in $(marked_processes); do
		if [[ $pid != "${GP_HOST_PID:-}" && $(cat "/proc/$pid/comm" 2>/dev/null) == gpupipe-host ]]; then
			threads_cpu "$pid"
			stacks "$pid" 24
		fi
	done >"$GP_TMP/links-backtrace.log"
	[[ -s $GP_TMP/links-backtrace.log ]] || rm -f "$GP_TMP/links-backtrace.log"
	echo "; backtraces in $1-backtrace.log"
}

# stacks PID FRAMES: a heading, then each thread's innermost FRAMES frames as gdb tells them.
stacks() {
	echo "== $(describe_pid "$1")"
	timeout 60 gdb -p "$1" -batch -ex "thread apply all bt $2" 2>&1 |
		grep -E '^(Thread|#)' || true
}

# threads_cpu PID: each thread of PID as "cpu: TID NAME N ms in 1 s" (user and system time).
threads_cpu() {
	local t before=() tids=() hz
	hz=$(getconf CLK_TCK)
	for t in /proc/"$1"/task/*; do
		tids+=("${t##*/}")
		before+=("$(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null)")
	done
	sleep 1 # the interval measured, not a wait for an event
	local i after
	for i in "${!tids[@]}"; do
		t=/proc/$1/task/${tids[$i]}
		after=$(awk '{ print $14 + $15 }' "$t/stat" 2>/dev/null) || continue
		echo "cpu: ${tids[$i]} $(cat "$t/comm" 2>/dev/null) $(((after - ${before[$i]:-0}) * 1000 / hz)) ms in 1 s"
	done
}

# no_fail_lines NAME: NAME.log (gl-patterns output) has no FAIL line; prints them if it has.
no_fail_lines() {
	if grep -q '^FAIL' "$GP_TMP/$1.log"; then
		grep '^FAIL' "$GP_TMP/$1.log" | head -20 >&2
		return 1
	fi
}

# shot_matches_probes SHOT NAME: the screenshot shows gl-patterns' last frame (see
# gl-shot-check.py): its window alone on screen, every probe at its place.
shot_matches_probes() {
	python3 "$GP_GL_DIR/gl-shot-check.py" "$1" "$GP_TMP/$2.log" "$GP_BG" >"$GP_TMP/shot-check.txt"
}

# mesa_maps PID: the lines of /proc/PID/maps naming Mesa's EGL or GL drivers (llvmpipe and
# its kin), one per library; empty when the process has none of them loaded.
mesa_maps() {
	grep -oE '/[^ ]*(libEGL_mesa|libglapi|swrast_dri|kms_swrast_dri|_dri\.so|libgallium|libLLVM|libvulkan_lvp)[^ ]*' \
		"/proc/$1/maps" | sort -u || true
}

# mesa_renderer_maps PID: like mesa_maps, the renderers only (swrast/llvmpipe and kin, not
# libEGL_mesa or libglapi, which glvnd maps in every app that has Mesa's vendor file).
mesa_renderer_maps() {
	grep -oE '/[^ ]*(swrast_dri|kms_swrast_dri|_dri\.so|libgallium|libLLVM|libvulkan_lvp)[^ ]*' \
		"/proc/$1/maps" | sort -u || true
}

# gl_vendor_line NAME: the EGL vendor that gl-patterns' log reports.
gl_vendor_line() { sed -n 's/^info: EGL_VENDOR //p' "$GP_TMP/$1.log" | head -1; }

# gl_expect_renderer NAME: in gpu0 mode, gl-patterns was served by gpupipe's vendor (its
# GL_VERSION names gpupipe); natively, by something else.
gl_expect_renderer() {
	local version
	version=$(sed -n 's/^info: GL_VERSION //p' "$GP_TMP/$1.log" | head -1)
	[[ -n $version ]] || fail "$1 printed no GL_VERSION"
	if [[ $GP_GL_MODE == gpu0 && $version != *gpupipe* ]]; then
		fail "$1 runs on gpu-0 but its GL_VERSION is \"$version\", not gpupipe's"
	fi
	if [[ $GP_GL_MODE == native && $version == *gpupipe* ]]; then
		fail "$1 runs natively but its GL_VERSION is gpupipe's: \"$version\""
	fi
	note "$1: EGL vendor \"$(gl_vendor_line "$1")\", GL_VERSION \"$version\""
}

# es2gears_wayland's window: 300x300, black background (nothing else on screen is pure
# black), red, green and blue gears (colours after lighting, hence the tolerance).
# gears_box SHOT prints "X Y W H" of the black background; gears_shown SHOT checks the
# window and its gears (gears_drawn SHOT [RECT]: only the gears' colours, where another
# window shows black too); gears_gone SHOT checks that no black is left.
gears_box() { probe "$1" bbox 000000; }
gears_drawn() {
	local rect=${2:-0,0,$GP_WIDTH,$GP_HEIGHT}
	has_colour "$1" c11800 500 --tol 40 --rect "$rect" &&
		has_colour "$1" 00c130 200 --tol 40 --rect "$rect" &&
		has_colour "$1" 3030f2 200 --tol 40 --rect "$rect"
}
gears_shown() {
	local box gx gy
	box=$(gears_box "$1") || return 1
	[[ $box == *" 300 300" ]] || return 1
	read -r gx gy _ _ <<<"$box"
	gears_drawn "$1" "$gx,$gy,300,300"
}
gears_gone() { (($(probe "$1" count 000000) < 100)); }

# weston-simple-egl's window: 250x250, a translucent background (weston's background
# darkened by half) around a turning triangle of many colours. triangle_box SHOT prints
# "X Y W H" of that background.
triangle_box() { probe "$1" bbox 101820 --tol 2; }
triangle_shown() { [[ $(triangle_box "$1") == *" 250 250" ]]; }

# gtk4_demo NAME [ENV=VALUE...] -- DEMO ARGS...: starts gtk4-demo as a GL app with what GTK 4
# needs headless: GDK_BACKEND=wayland, GTK_A11Y=none (no accessibility bus, no D-Bus),
# GSETTINGS_BACKEND=memory (no dconf), a private HOME and caches. ENV=VALUE pairs come first.
gtk4_demo() {
	local name=$1
	shift
	local -a envs=()
	while (($#)) && [[ $1 != -- ]]; do
		envs+=("$1")
		shift
	done
	(($#)) && shift
	need_cmd gtk4-demo
	mkdir -p "$GP_TMP/home-$name"
	gl_app "$name" env HOME="$GP_TMP/home-$name" XDG_CACHE_HOME="$GP_TMP/home-$name/cache" \
		XDG_DATA_HOME="$GP_TMP/home-$name/data" GDK_BACKEND=wayland GTK_A11Y=none \
		GSETTINGS_BACKEND=memory "${envs[@]}" gtk4-demo "$@"
}

# gtk_has_no_egl NAME: GTK said it found no EGL config it could use (NAME.log).
gtk_has_no_egl() { log_has "$1" 'No EGL configuration'; }

# gl_checks_run NAME BIN [ARGS...]: runs a checks app (tests/gl/gl-checks.h: PASS, FAIL and
# SKIP lines, "done" at the end) the mode's way (NAME native: on weston) to its exit, and
# fails on a FAIL line or an early exit. Exit status 77 means the driver gives no such
# context: natively the test skips, through gpu-0 it fails.
gl_checks_run() {
	local name=$1 bin=$2 what
	shift 2
	what="${bin##*/}${*:+ $*}"
	if [[ $name == native ]]; then
		start_native_app "$name" "$bin" "$@"
	else
		gl_app "$name" "$bin" "$@"
	fi
	wait_exit "$name" 30 || fail "$what ($name) still runs after 30 s"
	local status=$GP_EXIT_STATUS setup
	if ((status == 77)); then
		setup=$(grep '^SKIP setup' "$GP_TMP/$name.log" || true)
		[[ $name == native ]] && skip "Mesa here gives $what no such context: $setup"
		fail "$what got no such context through gpu-0: $setup"
	fi
	log_has "$name" '^done$' || fail "$what ($name) exited with status $status before it was done"
	no_fail_lines "$name" || fail "$what ($name) failed checks"
}

# gl_checks_compare: every check that passed in the native run (native.log) passed through
# gpu-0 (gpu0.log), and where the native run printed "data CHECK <hex>" (the bytes it read
# back), gpu-0 printed the same line.
gl_checks_compare() {
	local check want
	while read -r check; do
		log_has gpu0 "^PASS $check\$" ||
			fail "$check passes natively, not through gpu-0: $(grep -E "^(SKIP|FAIL) $check" "$GP_TMP/gpu0.log")"
		want=$(grep "^data $check " "$GP_TMP/native.log" || true)
		[[ -z $want ]] || grep -qxF "$want" "$GP_TMP/gpu0.log" ||
			fail "$check reads back other bytes through gpu-0: $(grep "^data $check " "$GP_TMP/gpu0.log")"
	done < <(sed -n 's/^PASS //p' "$GP_TMP/native.log")
	note "through gpu-0: $(grep -c '^PASS' "$GP_TMP/gpu0.log") checks pass, as natively"
}

# gl_check_app BIN NAME [ARGS...]: the twin of a check app (PASS/FAIL/SKIP lines, gl-checks.c)
# in one: BIN (its GPUPIPE_* variable's value, else the built tests/gl/NAME), run natively,
# and in gpu0 mode through gpu-0 too, every check passing natively passing there
# (gl_checks_compare); the renderer each side must have; skips when NAME is not built.
gl_check_app() {
	local bin=$1 name=$2
	shift 2
	[[ -x $bin ]] || bin=$(find_built "tests/gl/$name") ||
		skip "$name is not built (it needs libegl-dev, libgles-dev, libglvnd-dev, libwayland-dev)"
	gl_setup
	gl_checks_run native "$bin" "$@"
	if [[ $GP_GL_MODE == gpu0 ]]; then
		gl_checks_run gpu0 "$bin" "$@"
		gl_expect_renderer gpu0
		gl_checks_compare
	else
		gl_expect_renderer native
		note "natively: $(grep -c '^PASS' "$GP_TMP/native.log") checks pass"
	fi
}

# gl_compat_app NAME VERSION_SED MIN_COLOURS CMD [ARGS...]: a desktop OpenGL app asking a
# compatibility-profile context, on the compositor started already (gpupipe too through
# gpu-0), with gpupipe's EGL vendor and Mesa's after it, as `meson install` leaves them.
# Checks: the GL version the app prints (VERSION_SED, a sed expression printing it) is a
# compatibility profile; the screenshot shows at least MIN_COLOURS colours and changes from
# one screenshot to the next (the app animates). Who rendered: natively, Mesa in the app;
# through gpu-0 the link process (gpupipe's GL_VERSION, no Mesa renderer mapped in the app,
# no fallback line), or, with GP_GL_EXPECT=fallback (a host started with --gl-apis leaving
# compat out), Mesa in the app after libEGL_gpupipe's one fallback line. Then SIGTERM ends
# the app cleanly.
gl_compat_app() {
	local name=$1 version_sed=$2 min_colours=$3 version app shot later line lines maps
	shift 3
	# shellcheck disable=SC2034 # read by gl_app
	GP_GL_VENDORS=both
	gl_app "$name" "$@"
	app=$GP_LAST_PID
	has_version() { [[ -n $(sed -n "$version_sed" "$GP_TMP/$name.log") ]]; }
	wait_for 30 has_version ||
		fail "$name printed no GL version $GP_GL_WHERE"
	version=$(sed -n "$version_sed" "$GP_TMP/$name.log" | head -1)
	[[ $version == *Compatibility\ Profile* ]] ||
		fail "$name got \"$version\" $GP_GL_WHERE, not a compatibility profile"
	shot=$GP_TMP/shot.png
	later=$GP_TMP/later.png
	colourful() { (($(probe "$1" distinct) >= min_colours)); }
	changed() { (($(probe "$1" diff "$shot") >= 1000)); }
	shot_until 30 "$shot" colourful "$shot" ||
		fail "$name never showed its frame $GP_GL_WHERE ($(probe "$shot" distinct) colours on screen)"
	shot_until 30 "$later" changed "$later" || fail "$name's frames do not move $GP_GL_WHERE"
	note "$name $GP_GL_WHERE: \"$version\", $(probe "$shot" distinct) colours on screen, $(probe "$later" diff "$shot") pixels changed between two screenshots"
	maps=$(mesa_renderer_maps "$app")
	line='libEGL_gpupipe.* warn: .*falls back to the EGL vendor .*libEGL_mesa.*not accelerated'
	lines=$(grep -Ec "$line" "$GP_TMP/$name.log" || true)
	if [[ $GP_GL_MODE == gpu0 && ${GP_GL_EXPECT:-streamed} == streamed ]]; then
		[[ $version == *gpupipe* ]] || fail "$name got \"$version\" through gpu-0, not gpupipe's"
		[[ -z $maps ]] || fail "$name maps a Mesa renderer through gpu-0 ($maps): it rendered by itself"
		((lines == 0)) || fail "$name's display fell back to Mesa (see $name.log below)"
		note "$name's frames were drawn by the link process"
	else
		[[ -n $maps ]] || fail "$name maps no Mesa renderer $GP_GL_WHERE: who rendered?"
		if [[ $GP_GL_MODE == gpu0 ]]; then
			((lines == 1)) || fail "libEGL_gpupipe logged $lines fallback lines, expected one (see $name.log below)"
			note "$(grep -E "$line" "$GP_TMP/$name.log")"
		fi
	fi
	kill -TERM "$app"
	expect_clean_exit "$name" 10 "$name after SIGTERM"
}
