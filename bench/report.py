#!/usr/bin/env python3
"""Helpers for bench/compare-waypipe (not meant to be run by hand).

    report.py frames APP_LOG          -> "FRAMES SPAN_S" from a WAYLAND_DEBUG=client log
    report.py table RUNS_CSV          -> the per-workload tables, medians over rounds
    report.py markdown RUNS_CSV       -> the same as markdown tables (for README.md)

frames: counts the wl_surface.commit requests the app sent ("-> wl_surface@N.commit(")
and the time between the first and the last of them, from libwayland's own debug
timestamps (milliseconds, printed modulo 2^32, so differences are taken modulo 2^32).
"""

import csv
import re
import statistics
import sys

COMMIT = re.compile(rb"^\[\s*(\d+)\.(\d+)\]\s+->\s+wl_surface@\d+\.commit\(")
WRAP_MS = 1 << 32


def frames(path):
    count = 0
    first = last = None
    with open(path, "rb") as f:
        for line in f:
            m = COMMIT.match(line)
            if not m:
                continue
            t = int(m.group(1)) + int(m.group(2)) / 1000.0
            count += 1
            if first is None:
                first = t
            last = t
    span = 0.0 if first is None else ((last - first) % WRAP_MS) / 1000.0
    print(f"{count} {span:.3f}")


# (header, function of a run row -> value, format)
def per_frame(key, scale):
    return lambda r: float(r[key]) * scale / int(r["frames"]) if int(r["frames"]) else float("nan")


COLUMNS = [
    ("frames", lambda r: int(r["frames"]), "{:.0f}"),
    ("fps", lambda r: (int(r["frames"]) - 1) / float(r["span_s"])
     if float(r["span_s"]) > 0 else float("nan"), "{:.1f}"),
    ("wall s", lambda r: float(r["span_s"]), "{:.2f}"),
    ("up KiB/fr", per_frame("up_bytes", 1 / 1024), "{:.1f}"),
    ("down KiB/fr", per_frame("down_bytes", 1 / 1024), "{:.2f}"),
    ("app-side CPU s", lambda r: float(r["appside_cpu_s"]), "{:.3f}"),
    ("host-side CPU s", lambda r: float(r["hostside_cpu_s"]), "{:.3f}"),
    ("app-side ms/fr", per_frame("appside_cpu_s", 1000), "{:.3f}"),
    ("host-side ms/fr", per_frame("hostside_cpu_s", 1000), "{:.3f}"),
]


def fmt(spec, v):
    return "n/a" if v != v else spec.format(v)


def table(path, markdown=False):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    workloads = list(dict.fromkeys(r["workload"] for r in rows))
    for w in workloads:
        wrows = [r for r in rows if r["workload"] == w]
        systems = list(dict.fromkeys(r["system"] for r in wrows))
        rounds = len({r["round"] for r in wrows})
        med = {}
        valid = {}
        for s in systems:
            # failed runs (valid=0) are listed in the notes but never enter a median
            srows = [r for r in wrows if r["system"] == s and r["valid"] == "1"]
            valid[s] = len(srows)
            med[s] = [statistics.median(c[1](r) for r in srows) if srows else float("nan")
                      for c in COLUMNS]
        lines = [[f"{s} ({valid[s]})"] + [fmt(c[2], v) for c, v in zip(COLUMNS, med[s])]
                 for s in systems]
        if "gpupipe" in med and "waypipe" in med:
            ratios = [g / w if w else float("nan")
                      for g, w in zip(med["gpupipe"], med["waypipe"])]
            lines.append(["gpupipe/waypipe"] + [fmt("{:.2f}", v) for v in ratios])
        title = (f"{w} (host compositor: {wrows[0]['compositor']}; {rounds} "
                 f"round{'s' if rounds != 1 else ''}; median of the valid runs, "
                 f"counted in brackets)")
        head = ["system"] + [c[0] for c in COLUMNS]
        if markdown:
            print(f"\n**{title}**\n")
            print("| " + " | ".join(head) + " |")
            print("|---" + "|---:" * len(COLUMNS) + "|")
            for line in lines:
                print("| " + " | ".join(line) + " |")
        else:
            widths = [max(len(x[i]) for x in [head] + lines) for i in range(len(head))]
            print(f"\n== {title} ==")
            for line in [head] + lines:
                print(f"{line[0]:<{widths[0]}}" +
                      "".join(f"  {x:>{wd}}" for x, wd in zip(line[1:], widths[1:])))
        for r in wrows:
            if r["note"]:
                state = "" if r["valid"] == "1" else "FAILED, not counted: "
                print(f"  note: {r['system']} round {r['round']}: {state}{r['note']}")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("frames", "table", "markdown"):
        print(__doc__, file=sys.stderr)
        return 2
    if sys.argv[1] == "frames":
        frames(sys.argv[2])
    else:
        table(sys.argv[2], markdown=sys.argv[1] == "markdown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
