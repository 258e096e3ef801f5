#!/usr/bin/env python3
"""Generate the GLES codec of the GL stream.

Reads the Khronos registry (gl.xml) and the annotation tables (gles-annotations.txt for
OpenGL ES, gl-annotations.txt for desktop OpenGL, read as one; the format is described at
the top of the first) and writes:
  gles-codec.h   opcodes, size and check functions, every generated or hand-written
                 symbol's prototype, the host function table;
  gles-encode.c  the app side: gl_enc_<glName> encoders, gl_gles_lookup();
  gles-decode.c  the host side: bounds-checked decoders, gles_decode();
  gles-host.c    the host side: the host's GL function table, gles_host_load() and what
                 API versions and extensions it serves;
  gles-api.c     both sides: which API versions and extensions have which command.

Any disagreement between the registry and the table is an error (exit 1): an
unannotated pointer or object-name parameter, an annotation naming an unknown
command or parameter, a size expression naming something that is not a parameter.
"""

import argparse
import hashlib
import os
import sys

# The emitters live beside this script; the source tree stays free of __pycache__.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gles_api import gen_api_file  # noqa: E402
from gles_decode import gen_decode  # noqa: E402
from gles_encode import gen_encode  # noqa: E402
from gles_header import gen_header  # noqa: E402
from gles_host import gen_host  # noqa: E402
from gles_model import (GenError, apply_annotations, fail, read_annotations,  # noqa: E402
                        read_helpers, read_registry, resolve_same, validate)


def codec_id(cmds, exts, ext_apis, offered, lines):
    """64 bits that change whenever the wire of the codec may: the opcodes (command
    names in order, with gl.xml's prototypes), the extensions' order (the bits of
    GL_OP_CREATE_CONTEXT), the versions offered and every annotation line. Both sides
    send it in GL_OP_INIT: a library and a host of different builds never take each
    other's opcodes for their own."""
    h = hashlib.sha256()
    for c in cmds:
        h.update(('%s %s(%s)\n' % (c.ret, c.name, ', '.join(p.decl() for p in c.params)))
                 .encode())
    h.update(('exts %s\n' % ' '.join(exts)).encode())
    h.update(('ext apis %s\n' % sorted((e, sorted(a)) for e, a in ext_apis.items())).encode())
    h.update(('apis %s\n' % sorted(offered.items())).encode())
    for _, _, text in lines:
        h.update((' '.join(text.split()) + '\n').encode())
    return int.from_bytes(h.digest()[:8], 'little')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--registry', required=True, help='gl.xml')
    ap.add_argument('--annotations', required=True, nargs='+', help='the tables, in order')
    ap.add_argument('--sizes-header', required=True, help='gl-sizes.h (helper names)')
    ap.add_argument('--header', required=True)
    ap.add_argument('--encode', required=True)
    ap.add_argument('--decode', required=True)
    ap.add_argument('--host', required=True, help='gles-host.c')
    ap.add_argument('--api', required=True, help='gles-api.c')
    args = ap.parse_args()
    try:
        helpers = read_helpers(args.sizes_header)
        apis, exts, lines, pending, also, unlisted, parts, landing = read_annotations(
                args.annotations)
        cmds, ext_cmds, ext_apis, offered, held, lowest = read_registry(
                args.registry, apis, list(exts), pending, also, unlisted, parts)
        for e, has in exts.items():
            # One held back everywhere (a command pending) brings nothing yet.
            if has != bool(ext_cmds.get(e)) and not (held.get(e) and not ext_apis[e]):
                fail('%s: extension %s %s commands in gl.xml'
                     % (args.annotations, e, 'has no' if has else 'has'))
        apply_annotations(cmds, lines, helpers)
        resolve_same(cmds, ext_apis, lowest)
        validate(cmds)
        ext_names = list(exts)
        codec = codec_id(cmds, ext_names, ext_apis, offered, lines)
        files = {
            args.header: gen_header(cmds, ext_names, offered, codec),
            args.api: gen_api_file(cmds, ext_names, ext_apis, offered, apis, landing),
            args.encode: gen_encode(cmds, ext_names),
            args.decode: gen_decode(cmds),
            args.host: gen_host(cmds, ext_names, ext_cmds),
        }
    except GenError as e:
        print('gen-gles.py: error: %s' % e, file=sys.stderr)
        return 1
    for path, text in files.items():
        with open(path, 'w') as f:
            f.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
