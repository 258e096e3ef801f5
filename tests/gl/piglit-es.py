#!/usr/bin/env python3
"""Runs piglit ES tests natively and on gpu-0, concurrently, and reports on them.

The Wayland side (headless weston, gpupipe-proxy and gpupipe-host) is started by
tests/gl/piglit-es-run, which calls this with the environment of each side; run that
script, not this one, unless you only report on saved results (`report`).

    piglit-es.py run    --list FILE --logs DIR --results FILE [--where ...] [SIDE OPTIONS] [REPORT OPTIONS]
    piglit-es.py report --list FILE --results FILE [REPORT OPTIONS]

Results follow piglit's framework (framework/test/base.py, results.py): the test's
'PIGLIT: {...}' lines give its result and subtests; with subtests the result is the worst
of them; a signal is 'crash'; a non-zero exit turns 'pass' into 'warn', anything else into
'fail'; past the time limit 'timeout'; no result line at all 'none'.
"""

import argparse
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

WHERES = ("native", "gpu0")
# piglit's order of severity (framework/status.py): max() of subtests is the test's result.
SEVERITY = {"notrun": 0, "skip": 0, "pass": 1, "warn": 10, "dmesg-warn": 20, "fail": 30,
            "dmesg-fail": 40, "timeout": 50, "crash": 60, "incomplete": 100}
CAUSE = "# cause:"
TO_EXPLAIN = "TO EXPLAIN"  # the cause --update-exceptions gives new exceptions; --check refuses it
CONTEXT_REFUSED = re.compile(r"Failed to create waffle_\w+ for ")


# --- lists --------------------------------------------------------------------------------

class Test:
    def __init__(self, command, name, line):
        self.command = command  # the list's line without its comment: the test's identity
        self.name = name or command  # piglit's name, from the comment
        self.line = line  # the whole line, as the exceptions file repeats it
        self.argv = command.split()

    @property
    def es(self):
        """The API the figures file it under: the ES version of an _gles2/_gles3 program,
        else desktop OpenGL (piglit-gl.list: shader_runner's tests are core profile ones,
        a program picks its own context)."""
        if self.argv[0].endswith("_gles3"):
            return "ES 3"
        if self.argv[0].endswith("_gles2"):
            return "ES 2"
        return "GL"

    @property
    def area(self):
        """piglit's group under spec@ (ext_frag_depth, glsl-es-3.00, ...)."""
        parts = self.name.split("@")
        return parts[1] if len(parts) > 2 and parts[0] == "spec" else "other"


def split_line(raw):
    """(command, comment) of a list line; command is '' for blank and comment lines."""
    command, _, comment = raw.partition("#")
    return " ".join(command.split()), comment.strip()


def read_list(path):
    tests = []
    with open(path) as f:
        for raw in f:
            command, comment = split_line(raw)
            if command:
                tests.append(Test(command, comment, raw.rstrip("\n")))
    seen = set()
    for t in tests:
        if t.command in seen:
            sys.exit("piglit-es: %s lists %r twice" % (path, t.command))
        seen.add(t.command)
    return tests


def read_exceptions(path, tests):
    """{command: cause} from the exceptions file, and the problems found in it: every entry
    needs a cause ('# cause: ...' line above its group) and must be a test of the list."""
    known = {t.command for t in tests}
    exceptions, problems, cause = {}, [], None
    if not path or not os.path.exists(path):
        return exceptions, problems
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            stripped = raw.strip()
            if stripped.startswith(CAUSE):
                cause = stripped[len(CAUSE):].strip() or None
                continue
            command, _ = split_line(raw)
            if not command:
                continue
            where = "%s:%d" % (os.path.basename(path), n)
            if cause is None:
                problems.append("%s: %s has no '%s' line above it" % (where, command, CAUSE))
            elif command not in known:
                problems.append("%s: %s is not a test of the list" % (where, command))
            elif command in exceptions:
                problems.append("%s: %s is listed twice" % (where, command))
            else:
                exceptions[command] = cause
    return exceptions, problems


# --- running ------------------------------------------------------------------------------

def piglit_result(output, returncode, timed_out):
    """(result, reason): piglit's result of one run, and its last words when not 'pass'."""
    if timed_out:
        return "timeout", ""
    result, subtests = None, {}
    others = []
    for line in output.splitlines():
        if not line.startswith("PIGLIT:"):
            if line.strip():
                others.append(line.strip())
            continue
        try:
            report = json.loads(line[len("PIGLIT:"):])
        except ValueError:
            continue
        if "result" in report:
            result = report["result"]
        for name, status in report.get("subtest", {}).items():
            subtests[name] = status
        for name in report.get("enumerate subtests", []):
            subtests.setdefault(name, "notrun")
    if returncode < 0:
        result = "crash"
    elif subtests:
        result = max(subtests.values(), key=lambda s: SEVERITY.get(s, 30))
    if result is None:
        result = "none"
    elif result == "notrun":
        result = "skip"  # piglit's work-around for tests that skip before their subtests
    elif returncode > 0 and result != "crash":
        result = "warn" if result == "pass" else "fail"
    reason = ""
    if result != "pass" and others:
        # A test that got no context says which it asked for before its last words.
        asked = [l for l in others if CONTEXT_REFUSED.search(l)]
        reason = asked[0] if asked else others[-1]
    return result, reason[:160]


def run_one(args, test, where, index):
    env = dict(os.environ)
    env["PIGLIT_PLATFORM"] = "wayland"
    env["vblank_mode"] = "0"  # as piglit's profiles set it
    env["PIGLIT_SOURCE_DIR"] = args.piglit  # as piglit's framework sets it: data files
    if where == "native":
        env.update(XDG_RUNTIME_DIR=args.native_runtime, WAYLAND_DISPLAY=args.native_display)
    else:
        env.update(XDG_RUNTIME_DIR=args.gpu0_runtime, WAYLAND_DISPLAY=args.gpu0_display,
                   __EGL_VENDOR_LIBRARY_FILENAMES=args.vendor_json)
    argv = [os.path.join(args.piglit, "bin", test.argv[0])] + test.argv[1:]
    log = os.path.join(args.logs, "%s-%03d.log" % (where, index))
    start = time.monotonic()
    timed_out = False
    # A test may print bytes that are not UTF-8 (a corrupt texel dumped as text): read back
    # with a replacement character, never a crash of the whole run.
    with open(log, "w+", errors="replace") as out:
        out.write("# %s\n" % test.command)
        out.flush()
        # A session of its own, so that a timeout kills whatever the test started too.
        proc = subprocess.Popen(argv, cwd=args.piglit, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            proc.wait(timeout=args.timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.seek(0)
        output = out.read()
    result, reason = piglit_result(output, proc.returncode, timed_out)
    return {"result": result, "reason": reason, "seconds": round(time.monotonic() - start, 2),
            "log": log}


def run_all(args, tests):
    wheres = WHERES if args.where == "both" else (args.where,)
    results = {t.command: {} for t in tests}
    jobs = [(t, w, i) for i, t in enumerate(tests) for w in wheres]
    done = [0]
    lock = threading.Lock()

    def job(t, w, i):
        r = run_one(args, t, w, i)
        with lock:
            results[t.command][w] = r
            done[0] += 1
            if args.progress:
                print("[%d/%d] %-7s %-5s %5.1fs %s" % (done[0], len(jobs), r["result"], w,
                                                      r["seconds"], t.command), file=sys.stderr)

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for f in [pool.submit(job, *j) for j in jobs]:
            f.result()
    return {"wall_seconds": round(time.monotonic() - start, 1), "jobs": args.jobs,
            "timeout": args.timeout, "wheres": list(wheres), "tests": results}


# --- reporting ----------------------------------------------------------------------------

def result_of(saved, test, where):
    return saved["tests"].get(test.command, {}).get(where, {}).get("result", "-")


def counts(saved, tests, where):
    c = {"pass": 0, "fail": 0, "skip": 0}
    for t in tests:
        r = result_of(saved, t, where)
        if r in ("pass", "skip"):
            c[r] += 1
        elif r != "-":
            c["fail"] += 1  # fail, warn, crash, timeout, none
    return c


def print_table(saved, tests, out):
    print("%-8s %-8s test" % ("native", "gpu-0"), file=out)
    for t in tests:
        print("%-8s %-8s %s" % (result_of(saved, t, "native"), result_of(saved, t, "gpu0"),
                                t.command), file=out)


def totals_line(saved, tests):
    parts = []
    for where, label in (("native", "native"), ("gpu0", "gpu-0")):
        if where in saved["wheres"]:
            c = counts(saved, tests, where)
            parts.append("%s: %d pass, %d fail, %d skip" % (label, c["pass"], c["fail"], c["skip"]))
    lost = lost_tests(saved, tests)
    if len(saved["wheres"]) == 2:
        parts.append("passing natively but not on gpu-0: %d" % len(lost))
    return "; ".join(parts)


def lost_tests(saved, tests):
    if len(saved["wheres"]) < 2:
        return []
    return [t for t in tests
            if result_of(saved, t, "native") == "pass" and result_of(saved, t, "gpu0") != "pass"]


def gpu0_hint(saved, t):
    r = saved["tests"][t.command]["gpu0"]
    return "%s on gpu-0%s" % (r["result"], ": " + r["reason"] if r["reason"] else "")


def exceptions_diff(saved, tests, exceptions):
    """(to add, to remove): lost tests that are not exceptions, exceptions no longer lost."""
    lost = lost_tests(saved, tests)
    add = [t for t in lost if t.command not in exceptions]
    lost_set = {t.command for t in lost}
    remove = [t for t in tests if t.command in exceptions and t.command not in lost_set
              and result_of(saved, t, "gpu0") == "pass"]
    return add, remove


def print_exceptions_diff(saved, tests, exceptions, out):
    add, remove = exceptions_diff(saved, tests, exceptions)
    if not add and not remove:
        print("exceptions: nothing to add or remove", file=out)
        return
    if add:
        # Grouped by what gpu-0 said, as the file groups them by cause.
        print("exceptions to ADD (pass natively, not on gpu-0), grouped by what gpu-0 said:",
              file=out)
        groups = {}
        for t in add:
            groups.setdefault(gpu0_hint(saved, t), []).append(t)
        for hint, group in sorted(groups.items()):
            print("%s %s" % (CAUSE, hint), file=out)
            for t in group:
                print(t.line, file=out)
    if remove:
        print("exceptions to REMOVE (pass on gpu-0 now):", file=out)
        for t in remove:
            print(t.line, file=out)


def update_exceptions(path, saved, tests, exceptions, out):
    """Rewrites the exceptions file: drops the tests that pass on gpu-0 now (and the causes
    left without tests), appends the lost tests it lacks under a cause to be written, one
    group per thing gpu-0 said."""
    add, remove = exceptions_diff(saved, tests, exceptions)
    gone = {t.command for t in remove}
    with open(path) as f:
        lines = f.read().splitlines()
    header, groups = [], []  # groups: [comment lines, test lines]
    for line in lines:
        command, _ = split_line(line)
        if line.strip().startswith(CAUSE):
            groups.append([[line], []])
        elif not groups:
            header.append(line)
        elif command:
            if command not in gone:
                groups[-1][1].append(line)
        elif line.strip():
            groups[-1][0 if not groups[-1][1] else 1].append(line)
    new = {}
    for t in add:
        new.setdefault(gpu0_hint(saved, t), []).append(t.line)
    for hint, group in sorted(new.items()):
        groups.append([["%s %s (%s)" % (CAUSE, TO_EXPLAIN, hint)], group])
    while header and not header[-1].strip():
        header.pop()
    text = header[:]
    for comments, entries in groups:
        if any(split_line(e)[0] for e in entries):
            text += [""] + comments + entries
    with open(path, "w") as f:
        f.write("\n".join(text) + "\n")
    print("%s: %d exceptions removed, %d added (write their causes)" % (path, len(remove), len(add)),
          file=out)


def figures(saved, tests, markdown, out):
    rows = []
    for es in ("ES 2", "ES 3", "GL"):
        group = [t for t in tests if t.es == es]
        if not group:
            continue
        for area in sorted({t.area for t in group}):
            rows.append((es, area, [t for t in group if t.area == area]))
        rows.append((es, "all", group))
    rows.append(("all", "all", tests))
    header = ("API", "piglit group", "tests", "native pass", "gpu-0 pass", "lost on gpu-0")
    lines = []
    for es, area, group in rows:
        lost = len(lost_tests(saved, group))
        n = counts(saved, group, "native")["pass"]
        g = counts(saved, group, "gpu0")["pass"]
        cells = (es, area, str(len(group)), str(n), str(g), str(lost))
        if area == "all" and markdown:
            cells = tuple("**%s**" % c for c in cells)
        lines.append(cells)
    if markdown:
        print("| " + " | ".join(header) + " |", file=out)
        print("| " + " | ".join("---" for _ in header) + " |", file=out)
        for cells in lines:
            print("| " + " | ".join(cells) + " |", file=out)
    else:
        fmt = "%-5s %-42s %6s %12s %11s %14s"
        print(fmt % header, file=out)
        for cells in lines:
            print(fmt % cells, file=out)


def check(saved, tests, exceptions, problems, out):
    """The integration test's verdict: True when it passes."""
    ok = True
    for p in problems:
        print("FAIL: exceptions file: %s" % p, file=out)
        ok = False
    for command, cause in exceptions.items():
        if cause.startswith(TO_EXPLAIN):
            print("FAIL: exceptions file: write the cause of %s (%s)" % (command, cause),
                  file=out)
            ok = False
    native = counts(saved, tests, "native")["pass"]
    if native == 0:
        print("FAIL: no test passes natively: nothing to compare", file=out)
        ok = False
    add, remove = exceptions_diff(saved, tests, exceptions)
    for t in add:
        r = saved["tests"][t.command]["gpu0"]
        print("FAIL: passes natively, %s: %s" % (gpu0_hint(saved, t), t.command), file=out)
        try:
            with open(r["log"]) as f:
                tail = f.read().splitlines()[-6:]
            for line in tail:
                print("    " + line, file=out)
        except OSError:
            pass
    if add:
        ok = False
    for t in remove:
        print("FAIL: an exception passes on gpu-0 now: %s" % t.command, file=out)
    if remove:
        print("FAIL: %d exceptions pass on gpu-0: remove them from the exceptions file "
              "(tests/gl/piglit-es-run --exceptions-diff prints the lines)" % len(remove),
              file=out)
        ok = False
    for t in lost_tests(saved, tests):
        if t.command in exceptions and result_of(saved, t, "gpu0") != "skip":
            # Its cause may have moved on (an ES 3 context now, a failing test in it).
            print("note: an exception is %s: %s" % (gpu0_hint(saved, t), t.command), file=out)
    for t in tests:
        if t.command in exceptions and result_of(saved, t, "native") != "pass":
            print("note: exception does not pass natively here, so it is not compared: %s"
                  % t.command, file=out)
    return ok


def check_native(saved, tests, out):
    """The native baseline's verdict for a list chosen to pass natively: every test passes."""
    bad = [t for t in tests if result_of(saved, t, "native") != "pass"]
    for t in bad:
        r = saved["tests"][t.command]["native"]
        print("FAIL: natively %s%s: %s" % (r["result"], ": " + r["reason"] if r["reason"] else "",
                                           t.command), file=out)
    if bad:
        print("FAIL: %d of %d listed tests do not pass natively (the list is out of date for "
              "this machine)" % (len(bad), len(tests)), file=out)
    return not bad


def report(args, everything, tests, saved):
    out = sys.stdout
    exceptions, problems = read_exceptions(args.exceptions, everything)
    if args.table:
        print_table(saved, tests, out)
    if args.figures:
        figures(saved, tests, args.markdown, out)
    print("%d tests, %d at a time, %.0f s: %s" % (len(tests), saved["jobs"],
                                                 saved["wall_seconds"], totals_line(saved, tests)),
          file=out)
    if args.exceptions_diff and len(saved["wheres"]) == 2:
        print_exceptions_diff(saved, tests, exceptions, out)
    if args.update_exceptions:
        if len(saved["wheres"]) < 2 or len(tests) != len(everything) or problems:
            sys.exit("piglit-es: --update-exceptions needs both sides, the whole list and an "
                     "exceptions file without problems")
        update_exceptions(args.exceptions, saved, tests, exceptions, out)
        return 0
    if args.check and saved["wheres"] == ["native"]:
        return 0 if check_native(saved, tests, out) else 1
    if args.check:
        if len(saved["wheres"]) < 2:
            sys.exit("piglit-es: --check needs both sides, or the native side alone")
        if not check(saved, tests, exceptions, problems, out):
            return 1
        print("every test that passes natively passes on gpu-0, except %d listed exceptions"
              % sum(1 for t in lost_tests(saved, tests) if t.command in exceptions), file=out)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("run", "report"))
    ap.add_argument("--list", required=True)
    ap.add_argument("--results", required=True, help="results JSON: written by run")
    ap.add_argument("--filter", help="only tests whose line matches this regular expression")
    g = ap.add_argument_group("run")
    g.add_argument("--where", choices=("both",) + WHERES, default="both")
    g.add_argument("--jobs", type=int, default=os.cpu_count())
    g.add_argument("--timeout", type=float, default=60)
    g.add_argument("--piglit", default="/usr/lib/x86_64-linux-gnu/piglit")
    g.add_argument("--logs")
    g.add_argument("--native-runtime")
    g.add_argument("--native-display")
    g.add_argument("--gpu0-runtime")
    g.add_argument("--gpu0-display", default="gpu-0")
    g.add_argument("--vendor-json")
    g.add_argument("--progress", action="store_true", help="a line per finished run, on stderr")
    g = ap.add_argument_group("report")
    g.add_argument("--exceptions")
    g.add_argument("--table", action="store_true", help="each test's result on both sides")
    g.add_argument("--figures", action="store_true", help="pass counts per piglit group")
    g.add_argument("--markdown", action="store_true")
    g.add_argument("--exceptions-diff", action="store_true")
    g.add_argument("--update-exceptions", action="store_true",
                   help="rewrite the exceptions file: what passes on gpu-0 out, what is lost in")
    g.add_argument("--check", action="store_true",
                   help="exit 1 unless every test passing natively passes on gpu-0 or is a "
                        "listed exception, and no exception passes on gpu-0; with --where "
                        "native, unless every test passes natively")
    args = ap.parse_args()

    everything = read_list(args.list)
    tests = everything
    if args.filter:
        tests = [t for t in tests if re.search(args.filter, t.line)]
    if not tests:
        sys.exit("piglit-es: no tests to run")
    if args.mode == "run":
        saved = run_all(args, tests)
        with open(args.results, "w") as f:
            json.dump(saved, f, indent=1)
    else:
        with open(args.results) as f:
            saved = json.load(f)
        tests = [t for t in tests if t.command in saved["tests"]]
    return report(args, everything, tests, saved)


if __name__ == "__main__":
    sys.exit(main())
