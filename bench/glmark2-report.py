#!/usr/bin/env python3
"""The tables of bench/compare-glmark2 (not meant to be run by hand).

    glmark2-report.py [--markdown] RUNS.tsv...

Each RUNS.tsv line: link kind, native|gpu0, test, round, fps, the file of the stats lines
for that run: gpupipe-host --stats's ("stats last second (...): ... fps; per frame: ...") and
gpupipe-proxy --stats's ("stats last second (...): ... frames; syncs: ..."), and for a native
run the file of its app's CPU samples ("SECONDS TICKS" lines, a quarter second apart). Per test: the
mean fps of its rounds on each side, their ratio and, from the gpu-0 runs' per-second lines
after the one that shows the first frame (glmark2 sets a scene up before it, however many
seconds that takes), the round trips per frame (the host's GL replies per frame, plus the
wl_display.syncs the app waited for per frame, which only the proxy knows), the host's
GL writes and GL bytes per frame, and the CPU time the app's process took per frame (what
a frame costs the AppVM's CPUs through gpu-0, as the proxy reads it from /proc), beside the
same for the native runs, from their samples after the first second (the app renders with its
own llvmpipe then: what a frame costs the AppVM without gpupipe). Scenes get
the geometric mean and the worst
ratio; the frame tests (named "trivial ...", "full-window ...", "round trip ...") the
microseconds gpu-0 adds to a frame.
"""

import csv
import math
import os
import re
import statistics
import sys
from collections import defaultdict

SECOND = re.compile(
    r"stats last second \(([0-9.]+) s\): ([0-9.]+) fps; per (frame|second): GL ([0-9.]+) (B|KiB|MiB) in, "
    r"([0-9.]+) writes, .*?, ([0-9.]+) commands, ([0-9.]+) round trips;")
APP_SECOND = re.compile(
    r"stats last second \([0-9.]+ s\): ([0-9]+) frames; syncs: ([0-9]+) waited for, ")
APP_CPU = re.compile(r"; app process [0-9]+: CPU ([0-9]+) ms")
UNIT = {"B": 1, "KiB": 1024, "MiB": 1024 * 1024}
FRAME_TESTS = ("trivial", "full-window", "round trip")


def after_first_frame(rows):
    """The seconds with frames after the one that showed the first frame (row[0]: its
    frames): the scene's own; that second alone where no later one has frames (a short
    run); all but the first where no second showed a frame (--frame-end readpixels)."""
    shown = [i for i, r in enumerate(rows) if r[0]]
    if not shown:
        return rows[1:] or rows
    return [r for r in rows[shown[0] + 1:] if r[0]] or [rows[shown[0]]]


def steady(path, fps):
    """(round trips, writes, GL bytes, the app's CPU ms) per frame over a run's steady
    seconds: the host's GL replies per frame, plus the syncs the app waited for per frame
    (gpupipe-proxy answers most of an app's syncs itself; the host relays every one, so only
    the proxy knows which were waited for); the CPU time the app's process took, as
    gpupipe-proxy read it (nan where it could not). A run whose frames the host never saw
    (glmark2's --frame-end readpixels swaps no buffer) counts the app's frames (`fps`); None
    without any."""
    host, app = [], []
    with open(path) as f:
        for line in f:
            m = SECOND.search(line)
            if m:
                seconds, shown = float(m.group(1)), float(m.group(2))
                # Per frame, or per second while the host saw no frame: as counts.
                per = shown * seconds if m.group(3) == "frame" else seconds
                gl = float(m.group(4)) * UNIT[m.group(5)]
                host.append((shown * seconds, seconds, per * float(m.group(8)),
                             per * float(m.group(6)), per * gl))
                continue
            m = APP_SECOND.search(line)
            if m:
                cpu = APP_CPU.search(line)
                app.append((int(m.group(1)), int(m.group(2)),
                            float(cpu.group(1)) if cpu else float("nan")))
    # Each side's seconds are its own (two processes' timers): each is cut after its own
    # first frame. A run that never swaps counts all but the first, with the app's fps.
    host, app = after_first_frame(host), after_first_frame(app)
    frames = sum(r[0] for r in host) or fps * sum(r[1] for r in host)
    if not frames:
        return None
    shown, waited = sum(a[0] for a in app), sum(a[1] for a in app)
    waits = waited / (shown or frames)
    cpu = sum(a[2] for a in app) / (shown or frames) if app else float("nan")
    replies, writes, gl = (sum(r[i] for r in host) / frames for i in (2, 3, 4))
    return replies + waits, writes, gl, cpu


def native_cpu(path, fps):
    """The CPU ms a native run's app took per frame: its CPU time over the samples after its
    first second (glmark2 sets the scene up in it), over the frames its fps made meanwhile;
    nan without two such samples."""
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    with open(path) as f:
        samples = [(float(t), int(c)) for t, c in (line.split() for line in f if line.strip())]
    if not samples or not fps:
        return float("nan")
    kept = [s for s in samples if s[0] >= samples[0][0] + 1]
    if len(kept) < 2 or kept[-1][0] <= kept[0][0]:
        return float("nan")
    (t0, c0), (t1, c1) = kept[0], kept[-1]
    return (c1 - c0) * tick_ms / ((t1 - t0) * fps)


def load(paths):
    runs = defaultdict(lambda: defaultdict(
        lambda: {"native": [], "gpu0": [], "stats": [], "native_cpu": []}))
    order = defaultdict(list)
    for path in paths:
        with open(path) as f:
            for link, where, test, _round, fps, stats, cpu in csv.reader(f, delimiter="\t"):
                t = runs[link][test]
                if test not in order[link]:
                    order[link].append(test)
                t[where].append(float(fps))
                if where == "gpu0":
                    s = steady(stats, float(fps))
                    if s:
                        t["stats"].append(s)
                elif cpu:
                    t["native_cpu"].append(native_cpu(cpu, float(fps)))
    return runs, order


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def table(link, tests, order, md):
    rows, ratios, frame_rows = [], [], []
    for test in order:
        t = tests[test]
        n, g = mean(t["native"]), mean(t["gpu0"])
        ratio = g / n if n else float("nan")
        st = [mean([s[i] for s in t["stats"]]) for i in range(4)]
        if test.startswith(FRAME_TESTS):
            added = (1e6 / g - 1e6 / n) if g and n else float("nan")
            frame_rows.append((test, n, g, ratio, added, st[0]))
        else:
            ratios.append(ratio)
            rows.append((test, n, g, ratio, st[0], st[1], st[2] / 1024, mean(t["native_cpu"]),
                         st[3]))
    head = ("scene", "native fps", "gpu-0 fps", "ratio", "round trips/frame", "GL writes/frame",
            "GL KiB/frame", "app CPU ms/frame native", "app CPU ms/frame gpu-0")
    fmt = ("{}", "{:.0f}", "{:.0f}", "{:.2f}", "{:.2f}", "{:.1f}", "{:.1f}", "{:.2f}", "{:.2f}")
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
