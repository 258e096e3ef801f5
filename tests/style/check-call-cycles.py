#!/usr/bin/env python3
"""Which files of a static library call each other in a circle (the review that split the
host's executor found 41 of its files in one). For each archive given, the file-level call
graph from `nm` (file A calls file B where A uses a symbol B defines) and its strongly
connected components; every component of more than one file is printed, with what each
file takes from the next, and fails the check.

    check-call-cycles.py LIBRARY.a...

Exits 0 when no library has a circle, 1 otherwise, 77 without nm."""

import shutil
import subprocess
import sys
from collections import defaultdict


def members(archive):
    """{object: (defined symbols, used symbols)} of the archive, from `nm -A`."""
    out = subprocess.run(["nm", "-A", archive], capture_output=True, text=True, check=True).stdout
    files = defaultdict(lambda: (set(), set()))
    for line in out.splitlines():
        # ARCHIVE:MEMBER.o:VALUE TYPE NAME (VALUE blank for an undefined symbol).
        where, dot_o, rest = line.partition(".o:")
        if not dot_o:
            continue
        obj = where.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        parts = rest.split()
        if len(parts) == 3 and parts[1] in "TDBRC":
            files[obj][0].add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            files[obj][1].add(parts[1])
    return files


def circles(files):
    """The strongly connected components of more than one file (Tarjan's, iterative)."""
    owner = {s: f for f, (defs, _) in files.items() for s in defs}
    calls = {f: sorted({owner[s] for s in uses if s in owner and owner[s] != f})
             for f, (_, uses) in files.items()}
    index, low, stack, on, found, n = {}, {}, [], set(), [], 0
    for root in sorted(calls):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = n
                n += 1
                stack.append(v)
                on.add(v)
            for j in range(i, len(calls[v])):
                w = calls[v][j]
                if w not in index:
                    work.append((v, j + 1))
                    work.append((w, 0))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                if low[v] == index[v]:
                    comp = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp.append(w)
                        if w == v:
                            break
                    if len(comp) > 1:
                        found.append(sorted(comp))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[v])
    return found, owner


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if not shutil.which("nm"):
        print("SKIP: nm (binutils) is not installed")
        return 77
    bad = 0
    for archive in sys.argv[1:]:
        files = members(archive)
        found, owner = circles(files)
        name = archive.rsplit("/", 1)[-1]
        if not found:
            print(f"{name}: {len(files)} files, no circle of calls")
        for comp in found:
            bad += 1
            print(f"FAIL {name}: {len(comp)} files call each other in a circle: {' '.join(comp)}")
            for f in comp:
                for g in comp:
                    took = sorted(s for s in files[f][1] if owner.get(s) == g and g != f)
                    if took:
                        print(f"  {f} -> {g}: {' '.join(took[:6])}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
