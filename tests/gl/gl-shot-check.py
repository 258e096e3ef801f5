#!/usr/bin/env python3
"""Check gl-patterns' probes in a screenshot of the host compositor.

Usage: gl-shot-check.py SHOT.png APP.log BACKGROUND [--tol N]

APP.log is gl-patterns' output. The last block of probe lines (after the
last "checks WxH" line without a thread prefix) names pixels in window
coordinates and the colour each must have. The window is found as the
bounding box of every pixel that differs from BACKGROUND (RRGGBB): it must
be exactly W x H, so nothing else may be on screen. Each probe is then read
at the window's origin plus its coordinates; --tol N adds to each probe's
own tolerance (default 0: the frame must reach the screen unchanged).

Prints one line per mismatch and a summary; exit status 0 when every probe
matches, 1 when one does not, 2 on bad input.
"""

import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "png_probe", os.path.join(HERE, "..", "lib", "png-probe.py"))
png_probe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(png_probe)

CHECKS = re.compile(r"^checks (\d+)x(\d+)$")
PROBE = re.compile(r"^(PASS|FAIL) (\S+) (\d+) (\d+) ([0-9a-f]{6})(?:$|:)")


def last_block(log_path):
    """(width, height, [(check, x, y, rgb)]) of the last unprefixed block."""
    size, probes = None, []
    with open(log_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = CHECKS.match(line)
            if m:
                size, probes = (int(m.group(1)), int(m.group(2))), []
                continue
            m = PROBE.match(line)
            if m and size and "/" not in m.group(2):
                probes.append((m.group(2), int(m.group(3)), int(m.group(4)),
                               png_probe.parse_colour(m.group(5))))
    return size, probes


def main(argv):
    if len(argv) < 3 or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    args, opts = png_probe.parse_args(argv)
    shot, log, bg = args[0], args[1], png_probe.parse_colour(args[2])
    size, probes = last_block(log)
    if not size or not probes:
        print("gl-shot-check: no probe lines in %s" % log)
        return 2
    img = png_probe.Image(shot)
    box = png_probe.bbox(img, (0, 0, img.width, img.height), lambda p: p != bg)
    if box is None:
        print("gl-shot-check: nothing but the background on screen")
        return 1
    x0, y0, w, h = box
    if (w, h) != size:
        print("gl-shot-check: the window (everything not background) is %dx%d at %d,%d; "
              "the app drew %dx%d" % (w, h, x0, y0, size[0], size[1]))
        return 1
    bad = 0
    for check, x, y, rgb in probes:
        got = img.pixel(x0 + x, y0 + y)
        if not png_probe.matcher(rgb, opts["tol"])(got):
            bad += 1
            print("mismatch %s at window %d,%d (screen %d,%d): %s on screen, %s drawn"
                  % (check, x, y, x0 + x, y0 + y, png_probe.fmt(got), png_probe.fmt(rgb)))
    print("%d of %d probes match on screen (window %dx%d at %d,%d)"
          % (len(probes) - bad, len(probes), w, h, x0, y0))
    return 1 if bad else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (png_probe.ProbeError, OSError, ValueError) as e:
        print("gl-shot-check: %s" % e)
        sys.exit(2)
