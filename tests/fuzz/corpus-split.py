#!/usr/bin/env python3
"""Turns recorded links into seed inputs for the three fuzz harnesses.

    corpus-split.py RECORDINGS OUT

RECORDINGS is what tests/fuzz/record-corpus.sh wrote (SCENARIO/link-N.up, the
proxy-to-host bytes of a link, and SCENARIO/options). For each link it writes

    OUT/session/SCENARIO-N   the options byte, then the link's frames, with every
                             shm copy cut to the start of its first row (the host
                             checks the same fields; the pixels do not matter), at
                             most 4 copies in a row, and the link
                             cut before gpupipe_v1 is bound (the session harness
                             runs without GL: the host would refuse the bind)
    OUT/gl/SCENARIO-N        the link's GL frames (open, data, close) up to its
                             4th swap, with a FUZZ_GL_MEMORY frame wherever
                             gpupipe_memory_v1 made a wl_buffer and
                             FUZZ_GL_BUFFER_GONE where one was destroyed (see
                             fuzz-gl.c)
    OUT/shm/SCENARIO-N       shm-create and shm-copy frames (copies cut to a few
                             short rows) and FUZZ_SHM_GROW for each wl_shm_pool.resize

each cut at a frame boundary to stay small. Minimise the result with
`tools/fuzz --merge OUT` before committing it.
"""

import os
import struct
import sys

WIRE_HELLO, WIRE_WAYLAND, WIRE_SHM_CREATE, WIRE_SHM_COPY = 1, 3, 4, 5
WIRE_GL_OPEN, WIRE_GL, WIRE_GL_CLOSE = 10, 11, 12
FUZZ_GL_MEMORY, FUZZ_GL_BUFFER_GONE, FUZZ_SHM_GROW = 0x100, 0x101, 0x102
GPUPIPE_GLOBAL_NAME = 0xFFFFFE00

SESSION_MAX = 96 << 10
GL_MAX = 256 << 10
GL_SWAPS = 4  # frames kept of each GL seed: set-up and a few frames say it all
GL_OP_SWAP = 8
SHM_MAX = 32 << 10
SHM_ROWS = 4
COPIES_KEPT = 4


def frames(data):
    at = 0
    while len(data) - at >= 8:
        size, ftype, channel = struct.unpack_from("<IHH", data, at)
        if size > len(data) - at - 8:
            return
        yield ftype, channel, data[at + 8:at + 8 + size]
        at += 8 + size


def frame(ftype, payload, channel=0):
    return struct.pack("<IHH", len(payload), ftype, channel) + payload


def messages(payload):
    at = 0
    while len(payload) - at >= 8:
        obj, word = struct.unpack_from("<II", payload, at)
        size, opcode = word >> 16, word & 0xFFFF
        if size < 8 or size > len(payload) - at:
            return
        yield obj, opcode, payload[at + 8:at + size]
        at += size


def string_at(body, at):
    (n,) = struct.unpack_from("<I", body, at)
    text = body[at + 4:at + 4 + n].rstrip(b"\0").decode(errors="replace") if n else None
    return text, at + 4 + ((n + 3) & ~3)


class Swaps:
    """Counts GL_OP_SWAP commands in the GL streams, reassembled per channel."""

    def __init__(self):
        self.pending = {}
        self.count = 0

    def feed(self, channel, payload):
        buf = self.pending.get(channel, b"") + payload
        at = 0
        while len(buf) - at >= 8:
            size, op = struct.unpack_from("<II", buf, at)
            if size < 8 or size > len(buf) - at:
                break
            self.count += op == GL_OP_SWAP
            at += size
        self.pending[channel] = buf[at:]


class Link:
    """What the splitter tracks of a link's objects."""

    def __init__(self):
        self.iface = {1: "wl_display"}
        self.pool_handle = {}  # wl_shm_pool id -> shm handle
        self.memory = {}  # gpupipe_memory_v1 id -> (w, h, format)
        self.gl_buffers = set()
        self.bound_gpupipe = False

    def request(self, obj, opcode, body):
        """Extra frames for the gl and shm seeds that this request stands for."""
        iface, out = self.iface.get(obj), []
        u = lambda i: struct.unpack_from("<I", body, 4 * i)[0]
        if iface == "wl_display" and opcode == 1:
            self.iface[u(0)] = "wl_registry"
        elif iface == "wl_registry" and opcode == 0:
            name = u(0)
            interface, at = string_at(body, 4)
            _version, new_id = struct.unpack_from("<II", body, at)
            self.iface[new_id] = interface
            if name == GPUPIPE_GLOBAL_NAME:
                self.bound_gpupipe = True
        elif iface == "wl_shm" and opcode == 0:
            self.iface[u(0)] = "wl_shm_pool"
            self.pool_handle[u(0)] = u(1)
        elif iface == "wl_shm_pool" and opcode == 2:
            handle = self.pool_handle.get(obj)
            if handle:
                out.append(("shm", frame(FUZZ_SHM_GROW, struct.pack("<Ii", handle, u(0)))))
        elif iface == "wl_shm_pool" and opcode == 1:
            self.iface.pop(obj, None)
        elif iface == "gpupipe_v1" and opcode == 2:
            self.iface[u(0)] = "gpupipe_memory_v1"
            self.memory[u(0)] = (u(1), u(2), u(3))
        elif iface == "gpupipe_memory_v1" and opcode == 1 and obj in self.memory:
            w, h, fmt = self.memory[obj]
            self.gl_buffers.add(u(0))
            self.iface[u(0)] = "wl_buffer"
            out.append(("gl", frame(FUZZ_GL_MEMORY, struct.pack("<IIII", u(0), w, h, fmt))))
        elif iface == "gpupipe_memory_v1" and opcode == 0:
            self.iface.pop(obj, None)
        elif iface == "wl_buffer" and opcode == 0 and obj in self.gl_buffers:
            self.gl_buffers.discard(obj)
            self.iface.pop(obj, None)
            out.append(("gl", frame(FUZZ_GL_BUFFER_GONE, struct.pack("<I", obj))))
        return out


def cut_copy(payload, rows, row_max=256):
    """The first rows of a copy, each cut to its first row_max bytes: still a valid copy."""
    handle, offset, stride, row_bytes, n = struct.unpack_from("<IIIII", payload)
    rows, cut = min(rows, n), min(row_bytes, row_max)
    data = b"".join(payload[20 + r * row_bytes:20 + r * row_bytes + cut] for r in range(rows))
    return struct.pack("<IIIII", handle, offset, stride, cut, rows) + data


def split(data, options):
    link = Link()
    session, gl, shm = [bytes([options])], [], []
    session_open = True
    copies = 0
    swaps = Swaps()
    for ftype, channel, payload in frames(data):
        extra = []
        if ftype == WIRE_WAYLAND:
            for obj, opcode, body in messages(payload):
                try:
                    extra += link.request(obj, opcode, body)
                except struct.error:
                    pass
        if link.bound_gpupipe:
            session_open = False
        # Diffed copies come by the thousand: a few between two Wayland
        # frames exercise the same checks.
        copies = copies + 1 if ftype == WIRE_SHM_COPY else 0
        if session_open and copies <= COPIES_KEPT:
            copy = cut_copy(payload, 1) if ftype == WIRE_SHM_COPY and len(payload) >= 20 else payload
            session.append(frame(ftype, copy, channel))
        if ftype in (WIRE_GL_OPEN, WIRE_GL, WIRE_GL_CLOSE) and swaps.count < GL_SWAPS:
            gl.append(frame(ftype, payload, channel))
            if ftype == WIRE_GL:
                swaps.feed(channel, payload)
        if ftype == WIRE_SHM_CREATE:
            shm.append(frame(ftype, payload))
        if ftype == WIRE_SHM_COPY and len(payload) >= 20 and copies <= COPIES_KEPT:
            shm.append(frame(ftype, cut_copy(payload, SHM_ROWS)))
        for which, f in extra:
            if which == "shm":
                shm.append(f)
            elif swaps.count < GL_SWAPS:
                gl.append(f)
    return {"session": cap(session, SESSION_MAX), "gl": cap(gl, GL_MAX), "shm": cap(shm, SHM_MAX)}


def cap(parts, limit):
    out, size = [], 0
    for p in parts:
        if size + len(p) > limit and out:
            break
        out.append(p)
        size += len(p)
    return b"".join(out)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rec, out = sys.argv[1:]
    for h in ("session", "gl", "shm"):
        os.makedirs(os.path.join(out, h), exist_ok=True)
    for scenario in sorted(os.listdir(rec)):
        d = os.path.join(rec, scenario)
        try:
            options = int(open(os.path.join(d, "options")).read().strip())
        except (OSError, ValueError):
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".up"):
                continue
            n = name[len("link-"):-len(".up")]
            with open(os.path.join(d, name), "rb") as f:
                seeds = split(f.read(), options)
            for h, seed in seeds.items():
                if len(seed) > (1 if h == "session" else 0):
                    with open(os.path.join(out, h, f"{scenario}-{n}"), "wb") as f:
                        f.write(seed)
                    print(f"{h}/{scenario}-{n}: {len(seed)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
