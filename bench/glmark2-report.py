#!/usr/bin/env python3
"""The tables of bench/compare-glmark2 (not meant to be run by hand).

    glmark2-report.py [--markdown] RUNS.tsv...

Each RUNS.tsv line: link kind, native|gpu0, test, round, fps, the file of the host's stats
lines for that run (gpupipe-host --stats: "stats last second (...)" lines and the link's
"stats since the link began" line). Per test: the mean fps of its rounds on each side, their
ratio, and from the gpu-0 runs' per-second lines but each run's first (set-up), the frame-
weighted mean of round trips, GL writes and GL bytes per frame. Scenes get the geometric
mean and the worst ratio; the frame tests (named "trivial ...", "full-window ...",
"round trip ...") the microseconds gpu-0 adds to a frame.
"""

import csv
import math
import re
import statistics
import sys
from collections import defaultdict

SECOND = re.compile(
    r"stats last second \(([0-9.]+) s\): ([0-9.]+) fps; per frame: GL ([0-9.]+) (B|KiB|MiB) in, "
    r"([0-9.]+) writes, .*?, ([0-9.]+) commands, ([0-9.]+) round trips; "
    r"Wayland .*?, ([0-9.]+) round trips")
UNIT = {"B": 1, "KiB": 1024, "MiB": 1024 * 1024}
FRAME_TESTS = ("trivial", "full-window", "round trip")


SYNCS = re.compile(r"wl_display\.sync: ([0-9]+) answered by the compositor, ([0-9]+) answered here")


def steady(path):
    """(round trips, writes, GL bytes) per frame over a run's seconds but its first; the
    round trips are the GL stream's replies and the Wayland syncs the app waited for
    together: the host counts every sync it gets, and gpupipe-proxy answers some itself
    while still sending them on (its count at the app's end gives the share waited for)."""
    rows = []
    waited = 1.0
    with open(path) as f:
        for line in f:
            s = SYNCS.search(line)
            if s:
                total = int(s.group(1)) + int(s.group(2))
                waited = int(s.group(1)) / total if total else 1.0
    with open(path) as f:
        for line in f:
            m = SECOND.search(line)
            if m:
                seconds, fps = float(m.group(1)), float(m.group(2))
                gl = float(m.group(3)) * UNIT[m.group(4)]
                trips = float(m.group(7)) + float(m.group(8)) * waited
                rows.append((fps * seconds, trips, float(m.group(5)), gl))
    rows = rows[1:] if len(rows) > 1 else rows
    frames = sum(r[0] for r in rows)
    if not frames:
        return None
    return tuple(sum(r[0] * r[i] for r in rows) / frames for i in (1, 2, 3))


def load(paths):
    runs = defaultdict(lambda: defaultdict(lambda: {"native": [], "gpu0": [], "stats": []}))
    order = defaultdict(list)
    for path in paths:
        with open(path) as f:
            for link, where, test, _round, fps, stats in csv.reader(f, delimiter="\t"):
                t = runs[link][test]
                if test not in order[link]:
                    order[link].append(test)
                t[where].append(float(fps))
                if where == "gpu0":
                    s = steady(stats)
                    if s:
                        t["stats"].append(s)
    return runs, order


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def table(link, tests, order, md):
    rows, ratios, frame_rows = [], [], []
    for test in order:
        t = tests[test]
        n, g = mean(t["native"]), mean(t["gpu0"])
        ratio = g / n if n else float("nan")
        st = [mean([s[i] for s in t["stats"]]) for i in range(3)]
        if test.startswith(FRAME_TESTS):
            added = (1e6 / g - 1e6 / n) if g and n else float("nan")
            frame_rows.append((test, n, g, ratio, added, st[0]))
        else:
            ratios.append(ratio)
            rows.append((test, n, g, ratio, st[0], st[1], st[2] / 1024))
    head = ("scene", "native fps", "gpu-0 fps", "ratio", "round trips/frame", "GL writes/frame",
            "GL KiB/frame")
    fmt = ("{}", "{:.0f}", "{:.0f}", "{:.2f}", "{:.2f}", "{:.1f}", "{:.1f}")
    print(f"link {link}:")
    emit(head, [[f.format(v) for f, v in zip(fmt, r)] for r in rows], md)
    if ratios:
        geo = math.exp(statistics.fmean(math.log(r) for r in ratios))
        worst = min(zip(ratios, rows))
        print(f"geometric mean gpu-0/native {geo:.2f}, worst {worst[0]:.2f} ({worst[1][0]})")
    if frame_rows:
        print()
        head = ("frames", "native fps", "gpu-0 fps", "ratio", "µs added per frame",
                "round trips/frame")
        fmt = ("{}", "{:.0f}", "{:.0f}", "{:.2f}", "{:.0f}", "{:.2f}")
        emit(head, [[f.format(v) for f, v in zip(fmt, r)] for r in frame_rows], md)
    print()


def emit(head, rows, md):
    if md:
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(" --- " for _ in head) + "|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(head)]
    print("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))


def main(argv):
    md = "--markdown" in argv
    paths = [a for a in argv if a != "--markdown"]
    if not paths:
        sys.exit(__doc__)
    runs, order = load(paths)
    for link in runs:
        table(link, runs[link], order[link], md)


if __name__ == "__main__":
    main(sys.argv[1:])
