#!/usr/bin/env python3
"""Read pixels out of a screenshot, for shell tests.

Python standard library only (zlib + struct), so that the tests need no image
package. Decodes what grim and weston-screenshooter write: non-interlaced PNG,
8 bits per channel, RGB (colour type 2) or RGBA (colour type 6); alpha is
ignored. Colours are written and read as RRGGBB hex.

Usage: png-probe.py FILE COMMAND [ARGS] [--rect X,Y,W,H] [--tol N]

  size                   print "W H"
  at X Y                 print the colour of pixel (X, Y)
  count RRGGBB           print how many pixels match the colour
  count-not RRGGBB       print how many pixels do not match the colour
  count-each RRGGBB...   print how many pixels match each colour, one number per
                         colour on one line (one pass over the image)
  bbox RRGGBB            print "X Y W H" of the pixels matching the colour;
                         exit 1 when there are none
  bbox-not RRGGBB        the same for the pixels that do not match
  distinct               print the number of distinct colours
  diff OTHER.png         print how many pixels differ from OTHER.png
                         (same size required; --tol applies per channel)

--rect limits every command to a rectangle (clipped to the image); --tol N
lets each channel differ by up to N (default 0). Exit status 2 means bad
usage or an unreadable file.
"""

import struct
import sys
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ProbeError(Exception):
    pass


def read_chunks(data):
    if data[:8] != PNG_SIGNATURE:
        raise ProbeError("not a PNG file")
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length:
            raise ProbeError("truncated chunk %r" % kind)
        yield kind, body
        pos += 12 + length
        if kind == b"IEND":
            return
    raise ProbeError("no IEND chunk")


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def unfilter(raw, width, height, bpp):
    """Undo the per-row PNG filters; returns one bytearray per row."""
    stride = width * bpp
    rows = []
    prev = bytearray(stride)
    pos = 0
    for _ in range(height):
        if pos + 1 + stride > len(raw):
            raise ProbeError("image data shorter than the header says")
        ftype = raw[pos]
        row = bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        if ftype == 0:
            pass
        elif ftype == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif ftype == 2:
            row = bytearray(_add_rows(row, prev))
        elif ftype == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                if i >= bpp:
                    row[i] = (row[i] + paeth(row[i - bpp], prev[i], prev[i - bpp])) & 0xFF
                else:
                    row[i] = (row[i] + prev[i]) & 0xFF
        else:
            raise ProbeError("unknown filter type %d" % ftype)
        rows.append(row)
        prev = row
    return rows


def _add_rows(row, prev):
    return bytes((a + b) & 0xFF for a, b in zip(row, prev))


class Image:
    def __init__(self, path):
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise ProbeError(str(e))
        header = None
        idat = []
        for kind, body in read_chunks(data):
            if kind == b"IHDR":
                header = struct.unpack(">IIBBBBB", body)
            elif kind == b"IDAT":
                idat.append(body)
        if header is None:
            raise ProbeError("no IHDR chunk")
        width, height, depth, ctype, _comp, _filt, interlace = header
        if depth != 8 or ctype not in (2, 6) or interlace != 0:
            raise ProbeError("unsupported PNG: depth %d, colour type %d, interlace %d"
                             % (depth, ctype, interlace))
        self.width, self.height = width, height
        self.bpp = 3 if ctype == 2 else 4
        try:
            raw = zlib.decompress(b"".join(idat))
        except zlib.error as e:
            raise ProbeError("bad image data: %s" % e)
        self.rows = unfilter(raw, width, height, self.bpp)

    def pixel(self, x, y):
        row = self.rows[y]
        i = x * self.bpp
        return row[i], row[i + 1], row[i + 2]

    def pixels(self, rect):
        x0, y0, x1, y1 = rect
        for y in range(y0, y1):
            row = self.rows[y]
            for x in range(x0, x1):
                i = x * self.bpp
                yield x, y, (row[i], row[i + 1], row[i + 2])


def parse_colour(text):
    text = text.lstrip("#")
    if len(text) != 6:
        raise ProbeError("colour must be RRGGBB, got %r" % text)
    try:
        v = int(text, 16)
    except ValueError:
        raise ProbeError("colour must be RRGGBB, got %r" % text)
    return (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF


def matcher(colour, tol):
    if tol == 0:
        return lambda p: p == colour
    r, g, b = colour
    return lambda p: abs(p[0] - r) <= tol and abs(p[1] - g) <= tol and abs(p[2] - b) <= tol


def clip_rect(img, rect):
    """Turns X,Y,W,H (or None: whole image) into clipped x0, y0, x1, y1."""
    if rect is None:
        return 0, 0, img.width, img.height
    x, y, w, h = rect
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(img.width, x + w), min(img.height, y + h)
    return x0, y0, max(x0, x1), max(y0, y1)


def bbox(img, rect, pred):
    xs = ys = None
    for x, y, p in img.pixels(rect):
        if pred(p):
            if xs is None:
                xs, ys = [x, x], [y, y]
            else:
                xs[0], xs[1] = min(xs[0], x), max(xs[1], x)
                ys[0], ys[1] = min(ys[0], y), max(ys[1], y)
    if xs is None:
        return None
    return xs[0], ys[0], xs[1] - xs[0] + 1, ys[1] - ys[0] + 1


def fmt(colour):
    return "%02x%02x%02x" % colour


def parse_args(argv):
    opts = {"rect": None, "tol": 0}
    args = []
    it = iter(argv)
    for a in it:
        if a in ("--rect", "--tol"):
            try:
                v = next(it)
            except StopIteration:
                raise ProbeError("%s needs a value" % a)
            if a == "--tol":
                opts["tol"] = int(v)
            else:
                parts = [int(n) for n in v.split(",")]
                if len(parts) != 4 or parts[2] < 0 or parts[3] < 0:
                    raise ProbeError("--rect wants X,Y,W,H")
                opts["rect"] = tuple(parts)
        else:
            args.append(a)
    return args, opts


def need(args, n, usage):
    if len(args) != n:
        raise ProbeError("usage: %s" % usage)


def run(argv):
    args, opts = parse_args(argv)
    if len(args) < 2:
        raise ProbeError("usage: png-probe.py FILE COMMAND [ARGS] (see --help)")
    img = Image(args[0])
    cmd, rest = args[1], args[2:]
    rect = clip_rect(img, opts["rect"])
    tol = opts["tol"]

    if cmd == "size":
        need(rest, 0, "size")
        print(img.width, img.height)
    elif cmd == "at":
        need(rest, 2, "at X Y")
        x, y = int(rest[0]), int(rest[1])
        if not (0 <= x < img.width and 0 <= y < img.height):
            raise ProbeError("(%d, %d) is outside the %dx%d image" % (x, y, img.width, img.height))
        print(fmt(img.pixel(x, y)))
    elif cmd in ("count", "count-not", "bbox", "bbox-not"):
        need(rest, 1, cmd + " RRGGBB")
        match = matcher(parse_colour(rest[0]), tol)
        pred = match if not cmd.endswith("-not") else (lambda p: not match(p))
        if cmd.startswith("count"):
            print(sum(1 for _x, _y, p in img.pixels(rect) if pred(p)))
        else:
            box = bbox(img, rect, pred)
            if box is None:
                return 1
            print(*box)
    elif cmd == "count-each":
        if not rest:
            raise ProbeError("usage: count-each RRGGBB...")
        matches = [matcher(parse_colour(c), tol) for c in rest]
        counts = [0] * len(matches)
        for _x, _y, p in img.pixels(rect):
            for i, match in enumerate(matches):
                if match(p):
                    counts[i] += 1
        print(*counts)
    elif cmd == "distinct":
        need(rest, 0, "distinct")
        print(len({p for _x, _y, p in img.pixels(rect)}))
    elif cmd == "diff":
        need(rest, 1, "diff OTHER.png")
        other = Image(rest[0])
        if (other.width, other.height) != (img.width, img.height):
            raise ProbeError("sizes differ: %dx%d vs %dx%d"
                             % (img.width, img.height, other.width, other.height))
        n = 0
        for x, y, p in img.pixels(rect):
            q = other.pixel(x, y)
            if any(abs(p[i] - q[i]) > tol for i in range(3)):
                n += 1
        print(n)
    else:
        raise ProbeError("unknown command %r" % cmd)
    return 0


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    try:
        return run(sys.argv[1:])
    except (ProbeError, ValueError) as e:
        print("png-probe: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
