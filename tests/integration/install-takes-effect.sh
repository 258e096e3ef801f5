#!/bin/bash
# `meson install` as a packager runs it (--destdir) puts every file where the README says
# (the EGL vendor file in a directory libglvnd reads whatever the prefix, the man pages, the
# systemd user units, the qrexec service and the example dom0 policy), and the installed
# files take effect: with the destdir laid over / in a private mount namespace (overlayfs,
# nothing outside this test sees it), the installed gpupipe-host and gpupipe-proxy serve
# gpu-0, an app there gets gpupipe's vendor with no __EGL_VENDOR_LIBRARY_* variable (glvnd
# found 10_gpupipe.json on its own, before Mesa's 50_mesa.json) and has no Mesa renderer
# mapped, the same app on the compositor's own display still gets Mesa, the units pass
# `systemd-analyze verify`, their command lines (as systemd expands their variables) start
# the programs, the qrexec service keeps the calling qube's shader cache for its boot, and
# the man pages render without a warning.
# Skips when it cannot make a mount namespace with overlayfs (not root, or a container
# without them).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

build=${GPUPIPE_BUILD_ROOT:-}
[[ -f $build/meson-info/intro-buildoptions.json ]] ||
	fail "GPUPIPE_BUILD_ROOT=$build is not a meson build directory (meson sets it)"

if [[ -z ${GP_INSTALL_NS:-} ]]; then
	((EUID == 0)) || skip "laying the install over / needs root (a private mount namespace)"
	need_cmd unshare
	unshare --mount --propagation private true 2>/dev/null ||
		skip "unshare --mount is refused here (no mount namespaces)"
	# The same test again inside a namespace of its own: its mounts die with it. The exec
	# runs no EXIT trap, so this shell's scratch directory goes first.
	trap - EXIT
	rm -rf "$GP_TMP"
	GP_INSTALL_NS=1 exec unshare --mount --propagation private "$0"
fi

# The directories the build was configured with, the documented defaults filled in.
dirs=$(python3 - "$build/meson-info/intro-buildoptions.json" <<'PY'
import json, os, sys
opts = {o['name']: o['value'] for o in json.load(open(sys.argv[1]))}
prefix = opts['prefix']
def under(d):
    return os.path.join(prefix, d)
print(under(opts['bindir']))
print(under(opts['libdir']))
print(under(opts['mandir']))
print(opts['egl_vendor_dir'] or '/usr/share/glvnd/egl_vendor.d')
print(opts['systemd_user_unit_dir'] or under('lib/systemd/user'))
print(opts['qrexec_service_dir'] or under(os.path.join(opts['sysconfdir'], 'qubes-rpc')))
print(under(os.path.join(opts['datadir'], 'doc/gpupipe')))
print(prefix)
PY
) || fail "cannot read the build's options"
{
	read -r bindir
	read -r libdir
	read -r mandir
	read -r vendordir
	read -r unitdir
	read -r qrexecdir
	read -r docdir
	read -r prefix
} <<<"$dirs"
dest=$GP_TMP/dest
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$GP_TMP/install.log" 2>&1 ||
	fail "meson install --destdir failed: $(tail -3 "$GP_TMP/install.log")"

expect_file() {
	[[ -f $dest$1 ]] || fail "meson install did not install $1 (installed: $(cd "$dest" && find . -type f | tr '\n' ' '))"
}
for f in "$bindir/gpupipe-host" "$bindir/gpupipe-proxy" "$libdir/libEGL_gpupipe.so.0" \
	"$vendordir/10_gpupipe.json" "$unitdir/gpupipe-proxy.service" \
	"$unitdir/gpupipe-host.service" "$qrexecdir/gpupipe.Link" \
	"$docdir/qubes/30-gpupipe.policy"; do
	expect_file "$f"
done
[[ -x $dest$qrexecdir/gpupipe.Link ]] || fail "the qrexec service $qrexecdir/gpupipe.Link is not executable"
grep -q "^exec $bindir/gpupipe-host --stdio " "$dest$qrexecdir/gpupipe.Link" ||
	fail "the qrexec service does not run the installed $bindir/gpupipe-host --stdio"
library=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["ICD"]["library_path"])' \
	"$dest$vendordir/10_gpupipe.json")
[[ $library == "$libdir/libEGL_gpupipe.so.0" ]] ||
	fail "10_gpupipe.json names $library, not the installed $libdir/libEGL_gpupipe.so.0"
case $vendordir in
/etc/glvnd/egl_vendor.d | /usr/share/glvnd/egl_vendor.d) ;;
*) note "egl_vendor_dir is $vendordir: glvnd reads it only if that is its datadir" ;;
esac

man_pages=(man1/gpupipe-host.1 man1/gpupipe-proxy.1 man7/gpupipe.7)
if [[ -f $dest$mandir/man1/gpupipe-host.1 ]]; then
	for page in "${man_pages[@]}"; do
		expect_file "$mandir/$page"
		warnings=$(MANWIDTH=80 man --warnings -l "$dest$mandir/$page" 2>&1 >/dev/null)
		[[ -z $warnings ]] || fail "man $page renders with warnings: $warnings"
	done
else
	note "no man pages installed (the build has no scdoc): not checked"
fi

# Lay the install over /: from here on this namespace sees the installed files in place.
for d in "$prefix" "$vendordir"; do
	mkdir -p "$d" 2>/dev/null || true
	mount -t overlay overlay -o "lowerdir=$dest$d:$d" "$d" 2>"$GP_TMP/mount.log" ||
		skip "overlayfs over $d is refused here: $(cat "$GP_TMP/mount.log")"
done

mkdir -m 700 "$GP_TMP/user-runtime"
for unit in gpupipe-proxy.service gpupipe-host.service; do
	XDG_RUNTIME_DIR=$GP_TMP/user-runtime systemd-analyze verify --user "$unitdir/$unit" \
		>"$GP_TMP/verify.log" 2>&1 || fail "systemd-analyze verify $unit: $(cat "$GP_TMP/verify.log")"
done

# The units' command lines as systemd makes them from their Environment= (unit_command,
# harness.sh; systemd-units-start-as-written checks them without root).
host_cmd=() proxy_cmd=()

start_weston
GP_HOST_DIR=$GP_TMP/host GP_APP_DIR=$GP_TMP/app
mkdir -m 700 "$GP_HOST_DIR" "$GP_APP_DIR"
# The host unit, with the options a user adds (`systemctl --user edit`) and without any.
n=0
for options in '--label work --allow-clipboard' ''; do
	name=unit-host-$((++n))
	unit_command host_cmd "$unitdir/gpupipe-host.service" "$GP_HOST_DIR" "GPUPIPE_OPTIONS=$options"
	# shellcheck disable=SC2086 # the options are words, as systemd splits them
	same_argv gpupipe-host.service host_cmd "$bindir/gpupipe-host" --listen \
		"unix:$GP_HOST_DIR/gpupipe-host.sock" $options
	spawn "$name" env XDG_RUNTIME_DIR="$GP_HOST_DIR" WAYLAND_DISPLAY="$GP_DISPLAY" "${host_cmd[@]}"
	pid=$GP_LAST_PID
	wait_for 10 ready_or_dead "$pid" test -S "$GP_HOST_DIR/gpupipe-host.sock" ||
		fail "gpupipe-host.service with GPUPIPE_OPTIONS='$options' did not listen: $(cat "$GP_TMP/$name.log")"
	kill -TERM "$pid"
	expect_clean_exit "$name" 10 "gpupipe-host.service after SIGTERM"
done

# The proxy unit as installed, its default address run by sh -c as it is in the AppVM: a
# stand-in for qrexec-client-vm (no qrexec here) runs the installed qrexec service as
# qrexec would, with the calling qube's name and the argument of the call.
unit_command proxy_cmd "$unitdir/gpupipe-proxy.service" "$GP_APP_DIR"
# shellcheck disable=SC2016 # the unit's literal text, which sh -c expands
same_argv gpupipe-proxy.service proxy_cmd "$bindir/gpupipe-proxy" --connect \
	'exec:qrexec-client-vm @default gpupipe.Link+$(cat /proc/sys/kernel/random/boot_id)'
cache_home=$GP_TMP/cache
shaders=$cache_home/gpupipe/shaders
mkdir -p "$GP_TMP/qrexec" "$shaders/stale/boot-old" "$shaders/fresh/boot-new"
cat >"$GP_TMP/qrexec/qrexec-client-vm" <<QREXEC
#!/bin/sh
# qrexec-client-vm TARGET SERVICE+ARGUMENT, as the installed unit calls it.
[ "\$1" = @default ] || { echo "qrexec stand-in: target \$1, not @default" >&2; exit 126; }
case \$2 in gpupipe.Link+*) ;; *) echo "qrexec stand-in: service \$2" >&2; exit 126 ;; esac
exec env QREXEC_REMOTE_DOMAIN=installed QREXEC_SERVICE_ARGUMENT="\${2#gpupipe.Link+}" \\
	XDG_RUNTIME_DIR=$(printf '%q' "$GP_HOST_DIR") WAYLAND_DISPLAY=$(printf '%q' "$GP_DISPLAY") \\
	XDG_CACHE_HOME=$(printf '%q' "$cache_home") $(printf '%q' "$qrexecdir/gpupipe.Link")
QREXEC
chmod +x "$GP_TMP/qrexec/qrexec-client-vm"
# Caches: one in which nothing changed for 40 days (the service removes it), one with a
# file changed now (kept).
touch "$shaders/fresh/boot-new/foz_cache.foz"
touch -d '40 days ago' "$shaders/stale/boot-old" "$shaders/stale" "$shaders/fresh/boot-new" \
	"$shaders/fresh"
boot=$(cat /proc/sys/kernel/random/boot_id)
# An app with glvnd's own configuration (no vendor variable).
unset __EGL_VENDOR_LIBRARY_FILENAMES __EGL_VENDOR_LIBRARY_DIRS
spawn gpupipe-proxy env XDG_RUNTIME_DIR="$GP_APP_DIR" PATH="$GP_TMP/qrexec:$PATH" "${proxy_cmd[@]}"
GP_PROXY_PID=$GP_LAST_PID
wait_for 10 ready_or_dead "$GP_PROXY_PID" grep -q "serving $GP_APP_DIR/gpu-0" \
	"$GP_TMP/gpupipe-proxy.log" ||
	fail "gpupipe-proxy.service did not serve gpu-0: $(cat "$GP_TMP/gpupipe-proxy.log")"
bin=$(gl_patterns_bin) || exit
start_app patterns "$bin" --frames 3 --hold
wait_log 60 patterns '^held$' || fail "gl-patterns never showed its third frame on gpu-0"
no_fail_lines patterns || fail "gl-patterns' own checks failed on gpu-0 with the installed vendor"
log_has patterns '^info: GL_VERSION .*gpupipe' ||
	fail "gl-patterns on gpu-0 did not get gpupipe's vendor from the installed 10_gpupipe.json"
# glvnd loads every installed vendor's library (libEGL_mesa, and libglapi with it) when
# the app first calls EGL; Mesa's renderer (llvmpipe's *_dri.so, libgallium, LLVM) is
# loaded only for a display Mesa serves.
maps=$(mesa_maps "$(pid_of patterns)" | grep -vE '/(libEGL_mesa|libglapi)[^/]*$' || true)
[[ -z $maps ]] || fail "gl-patterns on gpu-0 has a Mesa renderer mapped: $maps"
kill -TERM "$(pid_of patterns)"
expect_clean_exit patterns 10 "gl-patterns on gpu-0 after SIGTERM"
# The service kept Mesa's cache for this boot of the qube (the default address sent it),
# removed the cache unchanged for 40 days and kept the other.
foz=$(find "$shaders/installed/boot-$boot" -name foz_cache.foz -size +0 2>/dev/null)
[[ -n $foz ]] || fail "the qrexec service kept no shader cache for the caller's boot: $(find "$cache_home" 2>&1)"
[[ $(ls "$shaders/installed") == "boot-$boot" ]] ||
	fail "the caller's cache holds more than its boot: $(ls "$shaders/installed")"
[[ ! -e $shaders/stale && -e $shaders/fresh/boot-new/foz_cache.foz ]] ||
	fail "the service's pruning: expected stale/ gone and fresh/ kept, found: $(ls "$shaders")"

start_native_app native "$bin" --frames 1
wait_exit native 60 || fail "gl-patterns on the compositor's own display did not finish"
log_has native '^info: GL_VERSION ' || fail "gl-patterns on the compositor's display printed no GL_VERSION"
! log_has native '^info: GL_VERSION .*gpupipe' ||
	fail "gl-patterns on the compositor's own display got gpupipe's vendor (it must decline)"
note "installed under $prefix, vendor file in $vendordir; gpu-0 app: $(sed -n 's/^info: GL_VERSION //p' "$GP_TMP/patterns.log" | head -1)"
