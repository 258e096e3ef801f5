#!/usr/bin/env python3
"""Byte-counting relay between the two halves of a Wayland forwarder.

    relay.py LISTEN_PATH TARGET_PATH TOTALS_FILE

Listens on the unix stream socket LISTEN_PATH; for every connection it accepts it
opens one connection to TARGET_PATH and copies bytes both ways unchanged, counting
them.  It never passes file descriptors (neither system under test may rely on them
on a link that has to cross a VM boundary).  Half-closes are forwarded, so a half
that ends its side of the link sees the usual EOF.

TOTALS_FILE is rewritten (atomically) after every connection ends and once more on
SIGTERM/SIGINT, as one line of JSON:

    {"up": BYTES, "down": BYTES, "connections": N, "open": N}

"up" is LISTEN side -> TARGET side (app half -> host half); "down" is the reverse.
The relay prints "ready" on stdout once it listens, so a caller can wait for it.
"""

import json
import os
import signal
import socket
import sys
import threading

CHUNK = 1 << 18  # big reads: the relay must not be what limits throughput


class Totals:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()
        self.up = 0
        self.down = 0
        self.connections = 0
        self.open = 0

    def add(self, direction, n):
        with self.lock:
            if direction == "up":
                self.up += n
            else:
                self.down += n

    def write(self):
        with self.lock:
            data = {"up": self.up, "down": self.down,
                    "connections": self.connections, "open": self.open}
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            f.write(json.dumps(data) + "\n")
        os.replace(tmp, self.path)


def pump(src, dst, direction, totals, done):
    try:
        while True:
            data = src.recv(CHUNK)
            if not data:
                break
            dst.sendall(data)
            totals.add(direction, len(data))
    except OSError:
        pass
    # Forward the EOF (or the error) as a half-close; the other pump ends the pair.
    try:
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    done.release()


def serve(conn, target, totals):
    try:
        peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        peer.connect(target)
    except OSError as e:
        print(f"relay: cannot connect to {target}: {e}", file=sys.stderr)
        conn.close()
        return
    with totals.lock:
        totals.connections += 1
        totals.open += 1
    done = threading.Semaphore(0)
    threads = [
        threading.Thread(target=pump, args=(conn, peer, "up", totals, done), daemon=True),
        threading.Thread(target=pump, args=(peer, conn, "down", totals, done), daemon=True),
    ]
    for t in threads:
        t.start()
    done.acquire()
    done.acquire()
    conn.close()
    peer.close()
    with totals.lock:
        totals.open -= 1
    totals.write()


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    listen_path, target, totals_path = sys.argv[1:]
    totals = Totals(totals_path)
    totals.write()

    def stop(signum, frame):
        totals.write()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(listen_path)
    srv.listen(16)
    print("ready", flush=True)
    while True:
        conn, _ = srv.accept()
        threading.Thread(target=serve, args=(conn, target, totals), daemon=True).start()


if __name__ == "__main__":
    sys.exit(main())
