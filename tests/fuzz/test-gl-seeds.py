#!/usr/bin/env python3
"""Every GL seed (tests/fuzz/corpus/gl/) speaks the GL stream version of this tree.

A seed whose GL_OP_INIT names another version is answered with no API, and its
GL_OP_CREATE_CONTEXT ends the link: the fuzzer would start from inputs that never
reach a context (it happened: version 4 left the seeds of version 3 behind). When
GL_STREAM_VERSION changes, record them again (README, "Fuzzing").

    test-gl-seeds.py [CORPUS_DIR [GL_STREAM_H]]
"""

import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WIRE_GL = 11
GL_OP_INIT = 1


def stream_version(header):
    with open(header) as f:
        m = re.search(r"#define GL_STREAM_VERSION (\d+)u", f.read())
    if not m:
        sys.exit("no GL_STREAM_VERSION in " + header)
    return int(m.group(1))


def init_versions(data):
    """The version of every GL_OP_INIT of every channel, from the seed's frames."""
    streams, versions = {}, []
    at = 0
    while at + 8 <= len(data):
        size, kind, channel = struct.unpack_from("<IHH", data, at)
        at += 8
        payload = data[at:at + size]
        at += size
        if kind != WIRE_GL:
            continue
        buf = streams.get(channel, b"") + payload
        while len(buf) >= 8:
            cmd_size, op = struct.unpack_from("<II", buf, 0)
            if cmd_size < 8 or len(buf) < cmd_size:
                break
            if op == GL_OP_INIT and cmd_size >= 12:
                versions.append(struct.unpack_from("<I", buf, 8)[0])
            buf = buf[cmd_size:]
        streams[channel] = buf
    return versions


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus", "gl")
    header = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        HERE, "..", "..", "protocols", "include", "gpupipe", "gl-stream.h")
    want = stream_version(header)
    seeds = sorted(os.listdir(corpus))
    if not seeds:
        sys.exit("no seeds in " + corpus)
    bad = 0
    for name in seeds:
        with open(os.path.join(corpus, name), "rb") as f:
            got = init_versions(f.read())
        if not got:
            print(f"FAIL {name}: no GL_OP_INIT")
            bad += 1
        elif any(v != want for v in got):
            print(f"FAIL {name}: GL_OP_INIT of stream version {sorted(set(got))}, "
                  f"this tree speaks {want}: record the GL seeds again (README, Fuzzing)")
            bad += 1
        else:
            print(f"PASS {name}: stream version {want}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
