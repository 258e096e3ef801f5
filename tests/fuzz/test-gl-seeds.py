#!/usr/bin/env python3
"""Every GL seed (tests/fuzz/corpus/gl/) speaks the GL stream version and the GL codec
of this tree.

A seed whose GL_OP_INIT names another version or codec is answered with no API, and its
GL_OP_CREATE_CONTEXT ends the link: the fuzzer would start from inputs that never
reach a context (it happened: version 4 left the seeds of version 3 behind). The codec
changes with every line of the annotation tables (gen-gles.py, codec_id). When either
changes, record them again (README, "Fuzzing").

    test-gl-seeds.py [CORPUS_DIR [GL_STREAM_H [GLES_CODEC_H]]]

Without GLES_CODEC_H (the generated gles-codec.h, which meson passes) the codec is not
checked.
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


def codec_id(header):
    with open(header) as f:
        m = re.search(r"#define GLES_CODEC_ID UINT64_C\((0x[0-9a-f]+)\)", f.read())
    if not m:
        sys.exit("no GLES_CODEC_ID in " + header)
    return int(m.group(1), 16)


def init_versions(data):
    """(version, codec) of every GL_OP_INIT of every channel, from the seed's frames; the
    codec None where the command is too short to hold one."""
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
                codec = struct.unpack_from("<Q", buf, 16)[0] if cmd_size >= 24 else None
                versions.append((struct.unpack_from("<I", buf, 8)[0], codec))
            buf = buf[cmd_size:]
        streams[channel] = buf
    return versions


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "corpus", "gl")
    header = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        HERE, "..", "..", "protocols", "include", "gpupipe", "gl-stream.h")
    want = stream_version(header)
    codec = codec_id(sys.argv[3]) if len(sys.argv) > 3 else None
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
        elif any(v != want for v, _ in got):
            print(f"FAIL {name}: GL_OP_INIT of stream version {sorted(set(v for v, _ in got))}, "
                  f"this tree speaks {want}: record the GL seeds again (README, Fuzzing)")
            bad += 1
        elif codec is not None and any(c != codec for _, c in got):
            print(f"FAIL {name}: GL_OP_INIT of another GL codec than this tree's "
                  f"{codec:016x} (an annotation changed): record the GL seeds again "
                  f"(README, Fuzzing)")
            bad += 1
        else:
            print(f"PASS {name}: stream version {want}" +
                  (f", codec {codec:016x}" if codec is not None else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
