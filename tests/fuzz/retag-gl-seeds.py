#!/usr/bin/env python3
"""Rewrites the GL stream version and the GL codec in every GL_OP_INIT of the GL seeds.

    retag-gl-seeds.py CORPUS_DIR GL_STREAM_H GLES_CODEC_H

For a change that gives the stream a new version or the codec a new id but leaves every
command the seeds hold as it was on the wire (a new EGL-level op, a command made special
or hooked on one side): the seeds then reach a context again, as test-gl-seeds.py checks,
without recording them again. Where a recorded command's wire changed, record them again
instead (README, "Fuzzing"): a retagged seed would feed the host commands of another wire.
A seed's commands may be split across link frames; each byte is rewritten where it lies.
A seed is named by the SHA-1 of its bytes, as libFuzzer names its inputs.
"""

import hashlib
import os
import re
import struct
import sys

WIRE_GL = 11
GL_OP_INIT = 1


def define(header, pattern):
    with open(header) as f:
        m = re.search(pattern, f.read())
    if not m:
        sys.exit("no match for %s in %s" % (pattern, header))
    return int(m.group(1), 0)


def retag(data, version, codec):
    """The seed with its GL_OP_INITs rewritten, and how many there were."""
    out = bytearray(data)
    streams = {}  # channel -> (stream bytes, the file offset of each)
    at, n = 0, 0
    while at + 8 <= len(data):
        size, kind, channel = struct.unpack_from("<IHH", data, at)
        at += 8
        if kind == WIRE_GL:
            buf, where = streams.get(channel, (bytearray(), []))
            buf += data[at:at + size]
            where += range(at, min(at + size, len(data)))
            while len(buf) >= 8:
                cmd_size, op = struct.unpack_from("<II", buf, 0)
                if cmd_size < 8 or len(buf) < cmd_size:
                    break
                if op == GL_OP_INIT and cmd_size >= 24:
                    field = struct.pack("<I", version) + buf[12:16] + struct.pack("<Q", codec)
                    for i, b in enumerate(field):
                        out[where[8 + i]] = b
                    n += 1
                del buf[:cmd_size]
                del where[:cmd_size]
            streams[channel] = (buf, where)
        at += size
    return bytes(out), n


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    corpus, stream_h, codec_h = sys.argv[1:]
    version = define(stream_h, r"#define GL_STREAM_VERSION (\d+)u")
    codec = define(codec_h, r"#define GLES_CODEC_ID UINT64_C\((0x[0-9a-f]+)\)")
    for name in sorted(os.listdir(corpus)):
        path = os.path.join(corpus, name)
        with open(path, "rb") as f:
            data, n = retag(f.read(), version, codec)
        if not n:
            sys.exit("%s holds no GL_OP_INIT: not a GL seed, left as it was" % name)
        new = hashlib.sha1(data).hexdigest()
        with open(os.path.join(corpus, new), "wb") as f:
            f.write(data)
        if new != name:
            os.remove(path)
        print("%s -> %s: %d GL_OP_INIT rewritten" % (name, new, n))


if __name__ == "__main__":
    main()
