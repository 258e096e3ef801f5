#!/usr/bin/env python3
"""Relay between gpupipe-proxy and gpupipe-host that records what the proxy sends.

    record-relay.py LISTEN_PATH HOST_PATH OUTDIR

Listens on the unix socket LISTEN_PATH (give it to the proxy: --connect
unix:LISTEN_PATH); for each link the proxy opens it connects to gpupipe-host at
HOST_PATH and copies bytes both ways unchanged, and writes the proxy-to-host
bytes, exactly as they went, to OUTDIR/link-N.up (N counts links from 1). The
host-to-proxy bytes go to OUTDIR/link-N.down, for reading along. No fds are
passed (links never carry any). Prints "ready" once it listens; on SIGTERM it
closes every file and exits.

tests/fuzz/corpus-split.py turns the .up files into seed inputs for the fuzz
harnesses; tests/fuzz/record-corpus.sh drives all of it.
"""

import os
import signal
import socket
import sys
import threading

CHUNK = 1 << 16


def pump(src, dst, out, lock, done):
    try:
        while True:
            data = src.recv(CHUNK)
            if not data:
                break
            with lock:
                out.write(data)
            dst.sendall(data)
    except OSError:
        pass
    try:
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    done.release()


def serve(conn, host_path, outdir, n):
    host = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        host.connect(host_path)
    except OSError as e:
        print(f"record-relay: cannot reach {host_path}: {e}", file=sys.stderr)
        conn.close()
        return
    lock = threading.Lock()
    done = threading.Semaphore(0)
    # Unbuffered: a relay killed with the rest keeps every byte it relayed.
    with open(os.path.join(outdir, f"link-{n}.up"), "wb", buffering=0) as up, \
            open(os.path.join(outdir, f"link-{n}.down"), "wb", buffering=0) as down:
        for args in ((conn, host, up), (host, conn, down)):
            threading.Thread(target=pump, args=args + (lock, done), daemon=True).start()
        done.acquire()
        done.acquire()
    conn.close()
    host.close()


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    listen_path, host_path, outdir = sys.argv[1:]
    os.makedirs(outdir, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(listen_path)
    srv.listen(16)
    print("ready", flush=True)
    n = 0
    while True:
        conn, _ = srv.accept()
        n += 1
        threading.Thread(target=serve, args=(conn, host_path, outdir, n), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
