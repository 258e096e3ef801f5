#!/bin/bash
# One peer cannot fill --max-links: with the link over TCP, --max-links 4 and
# --max-links-per-peer 2, a peer at 127.0.0.2 holds its two links with a hello and nothing
# else; its third is refused and told why, while another peer (127.0.0.3) and a real app
# through gpu-0 (from 127.0.0.1) are still served.
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"

start_weston
GP_LINK=tcp start_gpupipe --max-links 4 --max-links-per-peer 2
port=${GP_LINK_ADDR##*:}
hog_out=$GP_TMP/hog.log

# The hog: two links from 127.0.0.2 that say hello and are served, a third that is refused,
# then one from 127.0.0.3; the two first stay open until the harness stops it.
cat >"$GP_TMP/hog.py" <<'PY'
import signal, socket, struct, sys
port = int(sys.argv[1])
HELLO, CLOSE, MAGIC, VERSION = 1, 2, 0x50475047, 1

def link(source):
    s = socket.socket()
    s.settimeout(20)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    s.sendall(struct.pack("<IHH", 16, HELLO, 0) + struct.pack("<IIQ", MAGIC, VERSION, 0))
    head = b""
    while len(head) < 8:
        chunk = s.recv(8 - len(head))
        if not chunk:
            return s, "eof", ""
        head += chunk
    size, ftype, _ = struct.unpack("<IHH", head)
    body = b""
    while len(body) < size:
        chunk = s.recv(size - len(body))
        if not chunk:
            break
        body += chunk
    return s, {HELLO: "hello", CLOSE: "close"}.get(ftype, str(ftype)), body.decode(errors="replace")

held = []
for i in range(2):
    s, kind, _ = link("127.0.0.2")
    print("hog", i, kind, flush=True)
    held.append(s)
s, kind, reason = link("127.0.0.2")
print("hog 2", kind, reason, flush=True)
s.close()
s, kind, _ = link("127.0.0.3")
print("other", kind, flush=True)
s.close()
print("holding", flush=True)
signal.pause()
PY
spawn hog python3 "$GP_TMP/hog.py" "$port"
hog=$GP_LAST_PID

wait_for 20 grep -q '^holding' "$hog_out" || fail "the hog did not finish: $(cat "$hog_out")"
grep -q '^hog 0 hello' "$hog_out" && grep -q '^hog 1 hello' "$hog_out" ||
	fail "the peer's first two links were not served: $(cat "$hog_out")"
grep -q '^hog 2 close gpupipe-host serves at most 2 links at once from one peer (tcp 127.0.0.2)' \
	"$hog_out" || fail "the peer's third link was not refused with a reason: $(cat "$hog_out")"
grep -q '^other hello' "$hog_out" || fail "another peer was kept out: $(cat "$hog_out")"
grep -q 'refusing a link: tcp 127.0.0.2 has 2 links open (--max-links-per-peer)' \
	"$GP_TMP/gpupipe-host.log" || fail "gpupipe-host did not log the refusal"

# A real app, while the hog holds its share.
start_app app weston-simple-shm
shot=$GP_TMP/shot.png
shot_until 20 "$shot" has_colour "$shot" ffffff 1000 ||
	fail "the app's window never appeared while another peer held its links"
is_running "$hog" || fail "the hog's links were dropped"
note "$(grep -c . "$hog_out") hog lines; the third link from 127.0.0.2 was refused, the app served"
