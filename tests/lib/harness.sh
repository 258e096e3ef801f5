# shellcheck shell=bash
# Test harness for gpupipe's integration tests: source it, then start what the test needs.
#
#   . "$(dirname "$0")/../lib/harness.sh"
#   start_weston
#   start_gpupipe
#   start_app shm weston-simple-shm
#   shot_until 20 "$GP_TMP/shot.png" has_colour "$GP_TMP/shot.png" ffffff 1000 ||
#           fail "weston-simple-shm's white frame never appeared"
#
# Every test gets a private scratch directory, $GP_TMP, holding one runtime directory per
# party, as the real system has one per domain:
#   $GP_TMP/weston or $GP_TMP/sway   the host compositor (sway's belongs to an unprivileged user)
#   $GP_TMP/host                     gpupipe-host (trusted side), which listens on gpupipe-host.sock
#   $GP_TMP/app                      gpupipe-proxy and the apps (untrusted side), socket gpu-0
# so tests run in parallel and never touch the caller's session.
#
# On exit (pass, fail or signal) the harness stops every process it started, newest first,
# fails the test if any process it started (or any descendant: they all carry
# GPUPIPE_TEST_TMP=$GP_TMP in their environment) is still running, prints the tail of every
# log when the test failed, and removes $GP_TMP (kept with GPUPIPE_KEEP_TMP=1).
#
# Environment knobs: GPUPIPE_PROXY, GPUPIPE_HOST, GPUPIPE_HOLD_POINTER (built programs; meson
# passes them, and a test run by hand finds them in build-test/ or build/),
# GPUPIPE_LOG (the binaries' log level, default info), GPUPIPE_TIMEOUT_SCALE (multiplies every
# wait_for timeout, for slow machines), GPUPIPE_ARTIFACT_DIR (failed tests copy their logs and
# screenshots there), GP_WESTON_RENDERER (pixman or gl, default pixman), GPUPIPE_EGL_VENDOR
# (gpupipe's glvnd vendor JSON in the build tree, for start_gl_app).

set -euo pipefail

GP_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GP_TEST=$(basename "$0" .sh)

# Background colour of both host compositors: no app draws it, so any other pixel is a window.
GP_BG=203040
GP_WIDTH=${GP_WIDTH:-800}
GP_HEIGHT=${GP_HEIGHT:-600}
GP_SWAY_USER=${GP_SWAY_USER:-nobody}

# Nothing from the caller's session may leak into a test.
unset WAYLAND_DISPLAY WAYLAND_SOCKET DISPLAY SWAYSOCK I3SOCK XDG_RUNTIME_DIR
# Which EGL vendors glvnd loads is each process's own business (see start_gl_app).
unset __EGL_VENDOR_LIBRARY_FILENAMES __EGL_VENDOR_LIBRARY_DIRS
export GPUPIPE_LOG=${GPUPIPE_LOG:-info}

GP_TMP=$(mktemp -d "/tmp/gpupipe-$GP_TEST.XXXXXX")
# 711: the sway user must be able to reach its own runtime directory inside.
chmod 711 "$GP_TMP"
export GPUPIPE_TEST_TMP=$GP_TMP
export XDG_CONFIG_HOME=$GP_TMP/config
mkdir -p "$XDG_CONFIG_HOME"

GP_PIDS=()
GP_NAMES=()
GP_LAST_PID=
GP_COMPOSITOR=
GP_DISPLAY=

# --- messages and outcomes -------------------------------------------------------------------

note() { printf '# %s\n' "$*" >&2; }
fail() {
	printf 'FAIL: %s\n' "$*" >&2
	exit 1
}
# Exit code 77 tells meson the test was skipped; say why.
skip() {
	printf 'SKIP: %s\n' "$*" >&2
	exit 77
}
need_cmd() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 || skip "$c is not installed (tools/install-deps installs it)"
	done
}

# --- waiting ---------------------------------------------------------------------------------

# EPOCHREALTIME is seconds with 6 decimals; the decimal mark follows the locale.
now_us() { echo $((10#${EPOCHREALTIME//[!0-9]/})); }

# wait_for TIMEOUT_S CMD [ARGS...]: runs CMD every 50 ms until it succeeds (returns 0) or
# TIMEOUT_S seconds have passed (returns 1). Polling a condition with a deadline, never a
# sleep standing in for an event.
wait_for() {
	local timeout=$1
	shift
	local scale=${GPUPIPE_TIMEOUT_SCALE:-1}
	local deadline=$(($(now_us) + timeout * scale * 1000000))
	while true; do
		if "$@"; then
			return 0
		fi
		if (($(now_us) >= deadline)); then
			return 1
		fi
		sleep 0.05
	done
}

# --- processes -------------------------------------------------------------------------------

# is_running PID: true while the process exists and is not a zombie.
is_running() {
	local stat
	{ read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
	stat=${stat##*) }
	[[ ${stat:0:1} != Z ]]
}
is_gone() { ! is_running "$1"; }

# children_of PID: prints the pids whose parent is PID, one per line.
children_of() {
	local f stat rest
	for f in /proc/[0-9]*/stat; do
		{ read -r stat <"$f"; } 2>/dev/null || continue
		rest=${stat##*) }
		read -r _state ppid _ <<<"$rest"
		if [[ $ppid == "$1" ]]; then
			stat=${f#/proc/}
			echo "${stat%/stat}"
		fi
	done
}

# fd_count PID: how many file descriptors PID has open.
fd_count() {
	local fds=(/proc/"$1"/fd/*)
	echo "${#fds[@]}"
}

# spawn [--stdin FILE] NAME CMD [ARGS...]: starts CMD in the background with stdin from FILE
# (default /dev/null) and stdout and stderr in $GP_TMP/NAME.log, tracks it for cleanup, and
# leaves its pid in GP_LAST_PID. Use `env VAR=value CMD` to give it an environment (env
# execs, so the pid is CMD's). FILE is opened by the new process, so a FIFO does not block
# the test.
spawn() {
	local stdin=/dev/null
	if [[ $1 == --stdin ]]; then
		stdin=$2
		shift 2
	fi
	local name=$1
	shift
	"$@" <"$stdin" >"$GP_TMP/$name.log" 2>&1 &
	GP_LAST_PID=$!
	GP_PIDS+=("$GP_LAST_PID")
	GP_NAMES+=("$name")
}

# pid_of NAME: the pid spawn gave the process called NAME.
pid_of() {
	local i
	for i in "${!GP_NAMES[@]}"; do
		if [[ ${GP_NAMES[i]} == "$1" ]]; then
			echo "${GP_PIDS[i]}"
			return 0
		fi
	done
	return 1
}

# ready_or_dead PID CMD...: true when CMD succeeds; fails the test at once if PID died.
ready_or_dead() {
	local pid=$1
	shift
	"$@" && return 0
	is_running "$pid" || fail "process $pid exited while starting (see its log below)"
	return 1
}

# Processes still carrying this test's marker in their environment, except this shell.
marked_processes() {
	local d pid kv
	for d in /proc/[0-9]*; do
		pid=${d#/proc/}
		[[ $pid == "$$" ]] && continue
		while IFS= read -r -d '' kv; do
			if [[ $kv == "GPUPIPE_TEST_TMP=$GP_TMP" ]]; then
				echo "$pid"
				break
			fi
		done 2>/dev/null <"$d/environ" || true
	done
}
no_marked_processes() { [[ -z $(marked_processes) ]]; }

describe_pid() {
	local cmd
	cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || cmd='?'
	echo "$1 ($cmd)"
}

stop_all() {
	local i pid stuck=0
	for ((i = ${#GP_PIDS[@]} - 1; i >= 0; i--)); do
		kill -TERM "${GP_PIDS[i]}" 2>/dev/null || true
	done
	for i in "${!GP_PIDS[@]}"; do
		pid=${GP_PIDS[i]}
		if ! wait_for 5 is_gone "$pid"; then
			printf 'LEFTOVER: %s did not exit on SIGTERM: %s\n' "${GP_NAMES[i]}" \
				"$(describe_pid "$pid")" >&2
			kill -KILL "$pid" 2>/dev/null || true
			stuck=1
		fi
	done
	# Descendants (weston's helper clients, swaybg, gpupipe-host's per-link processes,
	# shells inside terminals) get a moment to notice that their parent or peer is gone.
	if ! wait_for 5 no_marked_processes; then
		for pid in $(marked_processes); do
			printf 'LEFTOVER: still running after the test: %s\n' "$(describe_pid "$pid")" >&2
			kill -KILL "$pid" 2>/dev/null || true
		done
		stuck=1
	fi
	wait 2>/dev/null || true
	return "$stuck"
}

dump_logs() {
	local f
	for f in "$GP_TMP"/*.log; do
		[[ -s $f ]] || continue
		printf '\n----- %s (last 40 lines) -----\n' "${f##*/}" >&2
		tail -n 40 "$f" >&2
	done
	if [[ -n ${GPUPIPE_ARTIFACT_DIR:-} ]]; then
		local dest=$GPUPIPE_ARTIFACT_DIR/$GP_TEST
		mkdir -p "$dest"
		cp "$GP_TMP"/*.log "$GP_TMP"/*.png "$dest"/ 2>/dev/null || true
		printf '\nlogs and screenshots copied to %s\n' "$dest" >&2
	fi
}

gp_cleanup() {
	local rc=$?
	set +e
	trap - EXIT INT TERM ERR
	if ! stop_all && ((rc == 0 || rc == 77)); then
		printf 'FAIL: processes were left running (see LEFTOVER above)\n' >&2
		rc=1
	fi
	if [[ -n ${GP_KEYBOARD_FD:-} ]]; then
		exec {GP_KEYBOARD_FD}>&-
	fi
	if ((rc != 0 && rc != 77)); then
		dump_logs
	fi
	if [[ ${GPUPIPE_KEEP_TMP:-0} == 1 ]]; then
		printf 'kept %s\n' "$GP_TMP" >&2
	else
		rm -rf "$GP_TMP"
	fi
	exit "$rc"
}
trap gp_cleanup EXIT
# A command failing under `set -e` would end the test without a word; say which one.
set -o errtrace
trap 'printf "FAIL: line %s of %s: %s exited with %s\n" "$LINENO" "${BASH_SOURCE[0]##*/}" "$BASH_COMMAND" "$?" >&2' ERR
trap 'exit 143' TERM
trap 'exit 130' INT

# --- screenshots and pixels ------------------------------------------------------------------

# probe FILE COMMAND [ARGS]: see tests/lib/png-probe.py --help.
probe() { python3 "$GP_LIB/png-probe.py" "$@"; }

# has_colour FILE RRGGBB MIN [--rect X,Y,W,H] [--tol N]: at least MIN pixels of the colour.
has_colour() {
	local file=$1 colour=$2 min=$3 n
	shift 3
	n=$(probe "$file" count "$colour" "$@") || return 1
	((n >= min))
}

# shows_window FILE: some pixel differs from the compositor's background.
shows_window() { probe "$1" bbox-not "$GP_BG" >/dev/null; }

screenshot() {
	case $GP_COMPOSITOR in
	weston) screenshot_weston "$1" ;;
	sway) screenshot_sway "$1" ;;
	*) fail "screenshot: no compositor started" ;;
	esac
}

# shot_until TIMEOUT_S OUT.png CMD [ARGS...]: screenshots the host compositor into OUT.png
# until CMD (which usually reads OUT.png) succeeds; returns 1 on timeout, with the last
# screenshot left in OUT.png for the failure message.
shot_until() {
	local timeout=$1 out=$2
	shift 2
	wait_for "$timeout" shot_and_check "$out" "$@"
}
shot_and_check() {
	local out=$1
	shift
	screenshot "$out" && "$@"
}

# --- weston ----------------------------------------------------------------------------------

# start_weston [WESTON ARGS...]: headless weston with a plain background and no panel,
# $GP_WIDTH x $GP_HEIGHT, screenshots enabled (--debug). Returns once its background is on
# screen, so screenshots taken later are meaningful.
start_weston() {
	need_cmd weston weston-screenshooter
	GP_WESTON_DIR=$GP_TMP/weston
	mkdir -m 700 "$GP_WESTON_DIR"
	cat >"$GP_WESTON_DIR/weston.ini" <<-EOF
		[core]
		idle-time=0
		[shell]
		background-image=
		background-color=0xff$GP_BG
		panel-position=none
		locking=false
		animation=none
		startup-animation=none
		close-animation=none
		focus-animation=none
	EOF
	local renderer=--use-pixman
	[[ ${GP_WESTON_RENDERER:-pixman} == gl ]] && renderer=--use-gl
	spawn weston env XDG_RUNTIME_DIR="$GP_WESTON_DIR" \
		weston --backend=headless-backend.so --socket=wayland-gp "$renderer" --debug \
		--config="$GP_WESTON_DIR/weston.ini" --width="$GP_WIDTH" --height="$GP_HEIGHT" \
		--idle-time=0 "$@"
	local pid=$GP_LAST_PID
	wait_for 15 ready_or_dead "$pid" test -S "$GP_WESTON_DIR/wayland-gp" ||
		fail "weston did not create its socket"
	GP_COMPOSITOR=weston
	GP_DISPLAY=$GP_WESTON_DIR/wayland-gp
	wait_for 15 ready_or_dead "$pid" weston_background_shown ||
		fail "weston's background never appeared"
}
weston_background_shown() {
	local f=$GP_TMP/weston-ready.png
	screenshot_weston "$f" && [[ $(probe "$f" at $((GP_WIDTH / 2)) $((GP_HEIGHT / 2))) == "$GP_BG" ]]
}

# screenshot_weston OUT.png: the whole output, via weston's screenshooter (which always
# writes a time-stamped file into its working directory, hence the private directory).
screenshot_weston() {
	local out=$1 d f
	d=$(mktemp -d "$GP_TMP/shot.XXXXXX")
	if ! (cd "$d" && XDG_RUNTIME_DIR=$GP_WESTON_DIR WAYLAND_DISPLAY=$GP_WESTON_DIR/wayland-gp \
		timeout 10 weston-screenshooter) >>"$GP_TMP/screenshooter.log" 2>&1; then
		rm -rf "$d"
		return 1
	fi
	for f in "$d"/*.png; do
		mv "$f" "$out"
	done
	rm -rf "$d"
	[[ -s $out ]]
}

# --- sway ------------------------------------------------------------------------------------

# start_sway [CONFIG LINES...]: headless sway, run as $GP_SWAY_USER because sway refuses to
# run as root. Its runtime directory belongs to that user; root still connects to its
# sockets for grim, swaymsg, wtype and the host side of gpupipe. Extra arguments are
# appended to the config, one line each. Exports SWAYSOCK for swaymsg.
start_sway() {
	need_cmd sway swaymsg grim
	GP_SWAY_DIR=$GP_TMP/sway
	mkdir -m 700 "$GP_SWAY_DIR"
	{
		echo "xwayland disable"
		echo "output * mode ${GP_WIDTH}x$GP_HEIGHT bg #$GP_BG solid_color"
		echo "default_border none"
		echo "default_floating_border none"
		echo "focus_follows_mouse no"
		printf '%s\n' "$@"
	} >"$GP_SWAY_DIR/config"
	local -a as_user=()
	if ((EUID == 0)); then
		chown -R "$GP_SWAY_USER:" "$GP_SWAY_DIR"
		as_user=(setpriv --reuid="$GP_SWAY_USER" --regid="$(id -g "$GP_SWAY_USER")" --clear-groups)
	fi
	spawn sway env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$GP_SWAY_DIR" \
		XDG_RUNTIME_DIR="$GP_SWAY_DIR" GPUPIPE_TEST_TMP="$GP_TMP" \
		WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
		"${as_user[@]}" sway -c "$GP_SWAY_DIR/config"
	local pid=$GP_LAST_PID
	wait_for 15 ready_or_dead "$pid" sway_sockets_exist || fail "sway did not create its sockets"
	GP_COMPOSITOR=sway
	wait_for 15 ready_or_dead "$pid" sway_background_shown ||
		fail "sway's background never appeared"
	hold_sway_input_devices
}

# Headless sway has no input devices, so its seat offers no pointer or keyboard and apps
# bind neither; a device that appears later loses its first events to the race with the
# app binding it. So one virtual pointer (hold-pointer) and one virtual keyboard (a wtype
# reading a FIFO that stays open) are plugged in for the whole test, before any app.
hold_sway_input_devices() {
	local env=(env XDG_RUNTIME_DIR="$GP_SWAY_DIR" WAYLAND_DISPLAY="$GP_SWAY_DISPLAY")
	local holder=${GPUPIPE_HOLD_POINTER:-}
	[[ -x $holder ]] || holder=$(find_built tests/lib/hold-pointer) ||
		fail "hold-pointer is not built (meson sets GPUPIPE_HOLD_POINTER)"
	spawn pointer-holder "${env[@]}" "$holder"
	wait_for 10 ready_or_dead "$GP_LAST_PID" grep -qx ready "$GP_TMP/pointer-holder.log" ||
		fail "hold-pointer did not get a virtual pointer"

	need_cmd wtype
	mkfifo "$GP_TMP/keyboard-holder.fifo"
	spawn --stdin "$GP_TMP/keyboard-holder.fifo" keyboard-holder "${env[@]}" wtype -
	# Opening the FIFO's write end waits for wtype's read end: both open at once. wtype
	# types what it read only at end of file, which never comes before cleanup.
	exec {GP_KEYBOARD_FD}>"$GP_TMP/keyboard-holder.fifo"
	wait_for 10 sway_seat_has 3 || fail "sway's seat never got a pointer and a keyboard"
}

# sway_seat_has CAPS: seat0's wl_seat capabilities include CAPS (1 pointer, 2 keyboard).
sway_seat_has() {
	local caps
	caps=$(swaymsg -t get_seats | python3 -c \
		'import json, sys; print([s for s in json.load(sys.stdin) if s["name"] == "seat0"][0]["capabilities"])') ||
		return 1
	(((caps & $1) == $1))
}

# find_built PATH: a built file from the usual build directories, for running a test by hand.
find_built() {
	local root d
	root=$(cd "$GP_LIB/../.." && pwd)
	for d in build-test build; do
		if [[ -x $root/$d/$1 ]]; then
			echo "$root/$d/$1"
			return 0
		fi
	done
	return 1
}
sway_sockets_exist() {
	local s
	for s in "$GP_SWAY_DIR"/wayland-[0-9]; do
		[[ -S $s ]] || return 1
		GP_SWAY_DISPLAY=$s
	done
	for s in "$GP_SWAY_DIR"/sway-ipc.*.sock; do
		[[ -S $s ]] || return 1
		export SWAYSOCK=$s
	done
	GP_DISPLAY=$GP_SWAY_DISPLAY
	swaymsg -t get_version >/dev/null 2>&1
}
sway_background_shown() {
	local f=$GP_TMP/sway-ready.png
	screenshot_sway "$f" && [[ $(probe "$f" at $((GP_WIDTH / 2)) $((GP_HEIGHT / 2))) == "$GP_BG" ]]
}

screenshot_sway() {
	XDG_RUNTIME_DIR=$GP_SWAY_DIR WAYLAND_DISPLAY=$GP_SWAY_DISPLAY timeout 10 grim "$1" \
		2>>"$GP_TMP/grim.log"
}

# sway_click X Y [BUTTON]: moves sway's cursor to (X, Y) in output coordinates and clicks.
sway_click() {
	local button=${3:-button1}
	swaymsg -q seat seat0 cursor set "$1" "$2"
	swaymsg -q seat seat0 cursor press "$button"
	swaymsg -q seat seat0 cursor release "$button"
}

# sway_type TEXT: types TEXT into the focused window (a virtual keyboard, via wtype).
sway_type() {
	XDG_RUNTIME_DIR=$GP_SWAY_DIR WAYLAND_DISPLAY=$GP_SWAY_DISPLAY wtype "$@"
}

# sway_tree: the layout tree as JSON.
sway_tree() { swaymsg -t get_tree; }

# --- gpupipe ---------------------------------------------------------------------------------

# start_gpupipe [HOST ARGS...] [-- PROXY ARGS...]: gpupipe-host serving the compositor started
# last, and gpupipe-proxy on $GP_TMP/app/gpu-0 linked to it over a unix socket, as a user runs
# them: wl_shm memory copied (the cross-VM path), GL streams with shared memory for big
# uploads (PROXY ARGS --no-fd-passing leaves them in the stream, as between VMs). Returns
# once both sockets exist.
#
# GP_LINK chooses the link's transport: unix (default), tcp (the host listens on a free
# port of 127.0.0.1), or exec (no listening host: the proxy runs `gpupipe-host --stdio`, with
# the host's environment and HOST ARGS, once per app). With exec, GP_HOST_PID stays empty.
start_gpupipe() {
	[[ -n $GP_DISPLAY ]] || fail "start_gpupipe: start a compositor first"
	local -a host_args=() proxy_args=()
	while (($#)) && [[ $1 != -- ]]; do
		host_args+=("$1")
		shift
	done
	(($#)) && shift
	proxy_args=("$@")
	local host=${GPUPIPE_HOST:-} proxy=${GPUPIPE_PROXY:-}
	[[ -x $host ]] || host=$(find_built gpuhost/gpupipe-host) ||
		fail "gpupipe-host is not built (meson sets GPUPIPE_HOST)"
	[[ -x $proxy ]] || proxy=$(find_built proxy/gpupipe-proxy) ||
		fail "gpupipe-proxy is not built (meson sets GPUPIPE_PROXY)"

	GP_HOST_DIR=$GP_TMP/host
	GP_APP_DIR=$GP_TMP/app
	mkdir -m 700 "$GP_HOST_DIR" "$GP_APP_DIR"
	local -a host_env=(env XDG_RUNTIME_DIR="$GP_HOST_DIR" WAYLAND_DISPLAY="$GP_DISPLAY")
	GP_HOST_PID=
	case ${GP_LINK:-unix} in
	unix)
		GP_HOST_SOCKET=$GP_HOST_DIR/gpupipe-host.sock
		start_host "${host_env[@]}" "$host" --listen "unix:$GP_HOST_SOCKET" "${host_args[@]}"
		wait_for 10 ready_or_dead "$GP_HOST_PID" test -S "$GP_HOST_SOCKET" ||
			fail "gpupipe-host did not create $GP_HOST_SOCKET"
		GP_LINK_ADDR=unix:$GP_HOST_SOCKET
		;;
	tcp)
		local port
		port=$(free_tcp_port) || fail "no free TCP port on 127.0.0.1"
		GP_LINK_ADDR=tcp:127.0.0.1:$port
		start_host "${host_env[@]}" "$host" --listen "$GP_LINK_ADDR" "${host_args[@]}"
		if logs_info; then
			wait_for 10 ready_or_dead "$GP_HOST_PID" grep -q "listening on $GP_LINK_ADDR" \
				"$GP_TMP/gpupipe-host.log" || fail "gpupipe-host is not listening on $GP_LINK_ADDR"
		else
			wait_for 10 ready_or_dead "$GP_HOST_PID" accepts "$GP_LINK_ADDR" ||
				fail "gpupipe-host is not listening on $GP_LINK_ADDR"
		fi
		;;
	exec)
		# The proxy hands the command to sh -c; every word is quoted for it.
		GP_LINK_ADDR=exec:$(printf '%q ' "${host_env[@]}" "$host" --stdio "${host_args[@]}")
		;;
	*) fail "GP_LINK=$GP_LINK: expected unix, tcp or exec" ;;
	esac

	spawn gpupipe-proxy env XDG_RUNTIME_DIR="$GP_APP_DIR" \
		"$proxy" --connect "$GP_LINK_ADDR" "${proxy_args[@]}"
	GP_PROXY_PID=$GP_LAST_PID
	wait_for 10 ready_or_dead "$GP_PROXY_PID" test -S "$GP_APP_DIR/gpu-0" ||
		fail "gpupipe-proxy did not create $GP_APP_DIR/gpu-0"
	# The socket exists from its bind(); apps may connect from its listen(), after which
	# the proxy logs "serving" (at info, the harness's default level): an app started
	# in between was refused on a loaded CI machine. Below info, a connection that is
	# accepted says it (and makes an app process that ends at once).
	if logs_info; then
		wait_for 10 ready_or_dead "$GP_PROXY_PID" \
			grep -q "serving $GP_APP_DIR/gpu-0" "$GP_TMP/gpupipe-proxy.log" ||
			fail "gpupipe-proxy never said it serves $GP_APP_DIR/gpu-0"
	else
		wait_for 10 ready_or_dead "$GP_PROXY_PID" accepts "unix:$GP_APP_DIR/gpu-0" ||
			fail "gpupipe-proxy does not accept apps on $GP_APP_DIR/gpu-0"
	fi
}

# logs_info: whether the binaries log at info (GPUPIPE_LOG), where start-up lines say
# when a socket listens.
logs_info() { [[ $GPUPIPE_LOG == info || $GPUPIPE_LOG == debug ]]; }

# accepts unix:PATH|tcp:HOST:PORT: whether a connection there is accepted now.
accepts() {
	python3 - "$1" <<'PY'
import socket, sys
kind, _, where = sys.argv[1].partition(":")
if kind == "unix":
    s, addr = socket.socket(socket.AF_UNIX), where
else:
    host, _, port = where.rpartition(":")
    s, addr = socket.socket(), (host, int(port))
try:
    s.connect(addr)
except OSError:
    sys.exit(1)
PY
}
start_host() {
	spawn gpupipe-host "$@"
	GP_HOST_PID=$GP_LAST_PID
}

# gpupipe_bin host|proxy: the built gpupipe-host or gpupipe-proxy, for tests that start them
# by hand (to check how they start, fail or end).
gpupipe_bin() {
	local bin path
	case $1 in
	host) bin=${GPUPIPE_HOST:-} path=gpuhost/gpupipe-host ;;
	proxy) bin=${GPUPIPE_PROXY:-} path=proxy/gpupipe-proxy ;;
	*) fail "gpupipe_bin: expected host or proxy, got '$1'" ;;
	esac
	[[ -x $bin ]] || bin=$(find_built "$path") || fail "gpupipe-$1 is not built (meson sets its path)"
	echo "$bin"
}

# free_tcp_port: a port of 127.0.0.1 that nothing listened on a moment ago.
free_tcp_port() {
	python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# start_app NAME CMD [ARGS...]: runs an app on gpu-0, the untrusted side; log in NAME.log.
start_app() {
	[[ -n ${GP_APP_DIR:-} ]] || fail "start_app: start_gpupipe first"
	local name=$1
	shift
	spawn "$name" env XDG_RUNTIME_DIR="$GP_APP_DIR" WAYLAND_DISPLAY=gpu-0 "$@"
}

# start_native_app NAME CMD [ARGS...]: runs an app directly on the host compositor, for
# checking the harness itself and for comparisons.
start_native_app() {
	[[ -n $GP_DISPLAY ]] || fail "start_native_app: start a compositor first"
	local name=$1
	shift
	spawn "$name" env XDG_RUNTIME_DIR="$GP_TMP" WAYLAND_DISPLAY="$GP_DISPLAY" "$@"
}

# gl_vendor_json: gpupipe's glvnd EGL vendor JSON, from $GPUPIPE_EGL_VENDOR or the build tree.
gl_vendor_json() {
	local json=${GPUPIPE_EGL_VENDOR:-} root d
	if [[ -z $json ]]; then
		root=$(cd "$GP_LIB/../.." && pwd)
		for d in build-test build; do
			json=$root/$d/proxy/egl/gpupipe-egl-vendor.json
			[[ -f $json ]] && break
		done
	fi
	[[ -f $json ]] && echo "$json"
}

# start_gl_app NAME CMD [ARGS...]: like start_app, for an app that renders with EGL: glvnd is
# given gpupipe's vendor and no other (__EGL_VENDOR_LIBRARY_FILENAMES names only its JSON),
# so Mesa cannot serve the app and all its rendering has to go through gpupipe. Only the app
# gets the variable: gpupipe-host renders with the machine's own EGL. Skips the test when
# the vendor is not built.
start_gl_app() {
	local json
	json=$(gl_vendor_json) ||
		skip "gpupipe's EGL vendor is not built (proxy/egl/gpupipe-egl-vendor.json)"
	local name=$1
	shift
	start_app "$name" env __EGL_VENDOR_LIBRARY_FILENAMES="$json" "$@"
}

# The command line of a systemd unit as systemd makes it from its Environment= (no systemd
# runs here to start one: tests/lib/unit-command.py follows systemd.service(5) and refuses
# what it does not know). A variable expanded the wrong way splits an address at its spaces
# or passes an empty argument, and the program refuses to start.
# unit_command ARRAY UNIT RUNTIME_DIR [NAME=VALUE...]: the unit's argv into ARRAY.
unit_command() {
	local -n into=$1
	shift
	python3 "$GP_LIB/unit-command.py" "$@" >"$GP_TMP/unit-command" ||
		fail "cannot read the command line of $1"
	# shellcheck disable=SC2034 # a nameref: the caller's array
	mapfile -d '' into <"$GP_TMP/unit-command"
}

# same_argv NAME ARRAY EXPECTED...: fails unless ARRAY holds exactly EXPECTED.
same_argv() {
	local name=$1 i
	local -n got=$2
	shift 2
	local ok=$((${#got[@]} == $#))
	for ((i = 0; ok && i < $#; i++)); do
		[[ ${got[i]} == "${*:i+1:1}" ]] || ok=0
	done
	((ok)) || fail "$name runs [$(printf '<%s>' "${got[@]}")], not [$(printf '<%s>' "$@")]"
}
