#!/bin/bash
# gpupipe-host --stdio logs why it cannot serve its stdin and stdout (a regular file, a
# directory, /dev/null, a closed fd, a pipe the wrong way round) and exits 1, with a working
# compositor, so the fds are the only thing wrong; with pipes it serves a link.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
host=$(gpupipe_bin host)
run=(env XDG_RUNTIME_DIR="$GP_TMP" WAYLAND_DISPLAY="$GP_DISPLAY" timeout 20 "$host" --stdio)
must="--stdio needs stdin and stdout to be a socket or a pipe (as qrexec and gpupipe-proxy's exec: give them)"
file=$GP_TMP/regular
printf 'not a link\n' >"$file"
cp "$file" "$GP_TMP/regular.orig"

# refused MESSAGE: the gpupipe-host just run (status in rc) exited 1 and logged MESSAGE.
refused() {
	((rc == 1)) || fail "gpupipe-host --stdio exited $rc, expected 1 ($1)"
	grep -qF -- "error: $1; $must" "$GP_TMP/stdio.log" ||
		fail "gpupipe-host --stdio did not log '$1': $(cat "$GP_TMP/stdio.log")"
}

rc=0
# Appending: the shell's own redirection leaves the file's bytes as they are.
: | "${run[@]}" >>"$file" 2>"$GP_TMP/stdio.log" || rc=$?
refused "stdout is a regular file, which cannot be waited on"
cmp "$file" "$GP_TMP/regular.orig" || fail "gpupipe-host wrote into the regular file"

rc=0
"${run[@]}" <"$file" 2>"$GP_TMP/stdio.log" | cat >/dev/null || rc=$?
refused "stdin is a regular file, which cannot be waited on"

rc=0
"${run[@]}" <"$GP_TMP" 2>"$GP_TMP/stdio.log" | cat >/dev/null || rc=$?
refused "stdin is a directory, which cannot be waited on"

rc=0
"${run[@]}" </dev/null 2>"$GP_TMP/stdio.log" | cat >/dev/null || rc=$?
refused "stdin is a character device, which cannot be waited on"

rc=0
: | "${run[@]}" 2>"$GP_TMP/stdio.log" >&- || rc=$?
refused "stdout is not open (Bad file descriptor)"

# A pipe's read end as stdout: pollable, but not writable.
rc=0
python3 -c '
import os, subprocess, sys
r, w = os.pipe()
sys.exit(subprocess.run(sys.argv[1:], stdin=r, stdout=r).returncode)' "${run[@]}" \
	2>"$GP_TMP/stdio.log" || rc=$?
refused "stdout is not open for writing"

# Pipes both ways: served. Ending stdin ends the link, the process exits 0.
rc=0
: | "${run[@]}" 2>"$GP_TMP/stdio.log" | cat >/dev/null || rc=$?
((rc == 0)) || fail "gpupipe-host --stdio on pipes exited $rc: $(cat "$GP_TMP/stdio.log")"
note "every unusable stdin/stdout was refused with a log line"
