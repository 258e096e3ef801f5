#!/usr/bin/env python3
"""Runs one libFuzzer harness for a while and says what it found.

    fuzz-run.py --harness NAME --binary PATH --corpus DIR --work DIR --time SECONDS
                [--jobs N] [--ci] [-- LIBFUZZER ARGS...]
    fuzz-run.py --classify LOG        which side a crash report blames
    fuzz-run.py --skip REASON         prints SKIP: REASON, exits 77 (no clang)

The seed corpus DIR is only read. Under WORK (build-fuzz/fuzz-work for the
meson tests, fuzz-out/ for tools/fuzz):

    corpus/NAME/      inputs that reached new coverage (feed them back with
                      tools/fuzz --merge to grow the seed corpus)
    crashes/NAME/     reproducers: gpupipe-<kind>-<sha1> (gpupipe's bug: fix it,
                      add a hostile-suite case), driver-<kind>-<sha1> (the host
                      GL driver's: report it; the sandbox contains it),
                      resource-<kind>-<sha1> (memory or time beyond the run's
                      limits, inside the driver: a quota matter)
    logs/NAME-*.log   libFuzzer's whole output, one file per run

Every crash report is classified by where it happened: the first stack frame
that is not the sanitizer, libFuzzer or libc. A frame in the GL driver (Mesa,
LLVM, glvnd, libdrm, GBM, or code in no module: what llvmpipe compiled as it ran)
makes it the driver's, unless the report shows the
memory involved was gpupipe's (allocated or freed by a gpupipe frame: then
gpupipe handed the driver a bad pointer or length). Everything else is
gpupipe's: its own code, the harness, UBSan (only gpupipe is instrumented),
leaks allocated by gpupipe, and libwayland (which only sees what gpupipe
sends it). A driver crash does not end the run: libFuzzer starts again,
without that input, until the time is up.

Exit status: 0 when no gpupipe crash was found, 1 when one was (or libFuzzer
could not run), 77 when the harness skipped (no EGL for fuzz-gl).
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import time

# Modules of the host GL stack: what "the driver" means here.
DRIVER_MODULE = re.compile(
    r"(/dri/|libgallium|libLLVM|libEGL|libGLES|libGL\.|libGLX|libglapi|libgbm|libdrm|"
    r"libvulkan|libOpenGL|libxcb|libwayland-client)")
# Frames of the machinery around the code under test.
RUNTIME_FUNC = re.compile(
    r"^(__asan|__lsan|__ubsan|__sanitizer|__interceptor|__interception|fuzzer::|"
    r"__libc_|_start$|__restore_rt|malloc$|calloc$|realloc$|free$|posix_memalign|"
    r"aligned_alloc|memalign|operator new|operator delete|__cxa_|raise$|abort$|"
    r"StackTrace|__GI_|__memcpy|__memmove|__memset|__strlen|__strdup|strdup$|strndup$)")
RUNTIME_MODULE = re.compile(r"(libc\.so|libc-|libpthread|ld-linux|libstdc\+\+|libgcc_s|libm\.so)")
RUNTIME_FILE = re.compile(r"(compiler-rt|sanitizer_common|/asan/|/lsan/|/ubsan/|/fuzzer/)")

FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+\b(.*)$")
BUILD_ID = re.compile(r"\s*\(BuildId: [0-9a-f]+\)\s*$")
MODULE = re.compile(r"\s*\(([^()]*\+0x[0-9a-f]+)\)\s*$")
SOURCE = re.compile(r"^(.*?) ((?:/|\.\./|\w)[^ ]*:\d+(?::\d+)?)$")


def parse_frame(line):
    """(function, location) of a stack frame line, or None. The location is
    the source file when the frame has debug information, else the module."""
    m = FRAME.match(line)
    if not m:
        return None
    rest = BUILD_ID.sub("", m.group(2))
    loc = ""
    mm = MODULE.search(rest)
    if mm:
        loc, rest = mm.group(1), rest[:mm.start()]
    rest = rest.strip()
    func = rest[3:] if rest.startswith("in ") else rest
    sm = SOURCE.match(func)
    if sm:
        func, loc = sm.group(1), sm.group(2)
    return func.strip(), loc.strip()


def frame_kind(func, loc):
    if RUNTIME_FUNC.match(func) or RUNTIME_FILE.search(loc) or RUNTIME_MODULE.search(loc):
        return "runtime"
    if DRIVER_MODULE.search(loc):
        return "driver"
    # Code in no module is code the process made as it ran, and here only the GL driver
    # makes any: llvmpipe's LLVM-compiled shaders and rasterizer routines. A timeout there
    # (a draw of 800 million instances, found by the CI's minute in session 13) is the
    # driver's work, not gpupipe's.
    if not loc and func == "(<unknown module>)":
        return "driver"
    return "gpupipe"


def stacks(lines):
    """Splits a report into (title, [frames]) blocks: each stack with the line above it."""
    blocks, title, frames = [], "", []
    for line in lines:
        f = parse_frame(line)
        if f:
            frames.append(f)
            continue
        if frames:
            blocks.append((title, frames))
            frames = []
        if line.strip():
            title = line.strip()
    if frames:
        blocks.append((title, frames))
    return blocks


def first_owner(frames):
    for func, loc in frames:
        kind = frame_kind(func, loc)
        if kind != "runtime":
            return kind, func or loc
    return "runtime", ""


def classify(text):
    """(class, kind, where, summary) of the first report in text, or None.

    class: gpupipe, driver or resource."""
    lines = text.splitlines()
    start = None
    kind = None
    for i, line in enumerate(lines):
        if "ERROR: libFuzzer: timeout" in line:
            start, kind = i, "timeout"
        elif "ERROR: libFuzzer: out-of-memory (malloc" in line:
            start, kind = i, "oom-malloc"
        elif "ERROR: libFuzzer: out-of-memory" in line:
            start, kind = i, "oom-rss"
        elif "ERROR: LeakSanitizer" in line:
            start, kind = i, "leak"
        elif "ERROR: AddressSanitizer" in line:
            m = re.search(r"AddressSanitizer: ([\w-]+)", line)
            start, kind = i, m.group(1) if m else "asan"
        elif "runtime error:" in line or "ERROR: UndefinedBehaviorSanitizer" in line:
            start, kind = i, "ubsan"
        elif "ERROR: libFuzzer: deadly signal" in line:
            start, kind = i, "signal"
        elif "ERROR: libFuzzer:" in line:
            start, kind = i, "libfuzzer"
        if start is not None:
            break
    if start is None:
        return None
    report = lines[start:]
    summary = next((l.strip() for l in report if l.startswith("SUMMARY:")), lines[start].strip())
    blocks = stacks(report)
    if kind == "ubsan":
        return "gpupipe", kind, "gpupipe code (only gpupipe is instrumented)", summary
    if kind == "oom-rss":
        return "resource", kind, "the whole process (no single culprit)", summary
    if kind == "leak":
        owners = [first_owner(f) for t, f in blocks if "leak of" in t]
        if owners and all(o[0] == "driver" for o in owners):
            return "driver", kind, owners[0][1], summary
        bad = next((o for o in owners if o[0] != "driver"), ("gpupipe", "?"))
        return "gpupipe", kind, bad[1], summary
    if not blocks:
        return "gpupipe", kind, "no stack in the report", summary
    owner, where = first_owner(blocks[0][1])
    if owner != "driver":
        return "gpupipe", kind, where or "?", summary
    # The driver faulted: on memory gpupipe allocated or freed, it is ours.
    for title, frames in blocks[1:]:
        if re.search(r"(allocated by|freed by)", title):
            o, w = first_owner(frames)
            if o == "gpupipe":
                return "gpupipe", kind, f"{where}, on memory {title.split(' by')[0]} by {w}", summary
    if kind in ("timeout", "oom-malloc"):
        return "resource", kind, where, summary
    return "driver", kind, where, summary


# --- running libFuzzer ---------------------------------------------------------------------

FINAL_STAT = re.compile(r"^stat::(\w+):\s+(\d+)")
STATUS = re.compile(r"^#(\d+):?\s+(?:\w+\s+)?cov: (\d+) ft: (\d+)")
CRASH_FILE = re.compile(r"Test unit written to (\S+)")


def run_once(args, seconds, log_path):
    work_corpus = os.path.join(args.work, "corpus", args.harness)
    crashes = os.path.join(args.work, "crashes", args.harness)
    cmd = [args.binary,
           f"-max_total_time={seconds}",
           "-print_final_stats=1",
           "-error_exitcode=99",
           "-timeout_exitcode=98",
           f"-timeout={args.unit_timeout}",
           f"-rss_limit_mb={args.rss_limit_mb}",
           f"-artifact_prefix={crashes}/",
           # The harnesses' own log lines (every refused link) would drown
           # libFuzzer's; reports still come out (libFuzzer keeps a copy of
           # stderr for them).
           "-close_fd_mask=2"]
    if args.jobs > 1:
        cmd.append(f"-fork={args.jobs}")
    cmd += args.libfuzzer_args + [work_corpus, args.corpus]
    env = dict(os.environ)
    # A smaller quarantine for freed memory than ASan's 256 MB: the driver
    # allocates and frees so much per frame that fresh pages for every
    # allocation made fuzz-gl 2.5 times slower. Use-after-free of anything
    # freed within the last 32 MB is still caught.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:allocator_may_return_null=1:"
                   "quarantine_size_mb=32")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    with open(log_path, "w") as log:
        log.write("$ " + " ".join(cmd) + "\n")
        log.flush()
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    with open(log_path, errors="replace") as log:
        text = log.read()
    return proc.returncode, text


def figures(text):
    stats, status = {}, None
    for line in text.splitlines():
        m = FINAL_STAT.match(line)
        if m:
            stats[m.group(1)] = int(m.group(2))
            continue
        m = STATUS.match(line)
        if m:
            status = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if "number_of_executed_units" not in stats and status:
        stats["number_of_executed_units"] = status[0]
    if status:
        stats["cov"], stats["ft"] = status[1], status[2]
    return stats


def file_crash(args, text, verdict):
    """Renames libFuzzer's artifact after the verdict; returns its path (or None)."""
    m = None
    for m in CRASH_FILE.finditer(text):
        pass
    if not m or not os.path.exists(m.group(1)):
        return None
    src = m.group(1)
    with open(src, "rb") as f:
        digest = hashlib.sha1(f.read()).hexdigest()
    cls, kind = verdict[0], verdict[1]
    dst = os.path.join(os.path.dirname(src), f"{cls}-{kind}-{digest}")
    os.replace(src, dst)
    return dst


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--harness")
    p.add_argument("--binary")
    p.add_argument("--corpus")
    p.add_argument("--work")
    p.add_argument("--time", type=int, default=60)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--ci", action="store_true",
                   help="the meson test: quieter, and at most 5 driver restarts")
    p.add_argument("--unit-timeout", type=int, default=30)
    p.add_argument("--rss-limit-mb", type=int, default=0,
                   help="default: 6144 for gl (frame buffers, pbuffers), 2048 otherwise")
    p.add_argument("--skip")
    p.add_argument("--classify")
    p.add_argument("libfuzzer_args", nargs="*")
    args = p.parse_args()

    if args.skip:
        print(f"SKIP: {args.skip}")
        return 77
    if args.classify:
        with open(args.classify, errors="replace") as f:
            verdict = classify(f.read())
        print(verdict if verdict else "no crash report")
        return 0
    if not (args.harness and args.binary and args.corpus and args.work):
        p.error("--harness, --binary, --corpus and --work are needed")
    if not args.rss_limit_mb:
        args.rss_limit_mb = 6144 if args.harness == "gl" else 2048

    for d in ("corpus", "crashes", "logs"):
        os.makedirs(os.path.join(args.work, d, args.harness) if d != "logs"
                    else os.path.join(args.work, d), exist_ok=True)

    start = time.monotonic()
    deadline = start + args.time
    execs, cov, ft, runs = 0, 0, 0, 0
    found = []  # (verdict, path)
    status = 0
    while True:
        left = int(deadline - time.monotonic())
        if runs and left < 5:
            break
        runs += 1
        log_path = os.path.join(args.work, "logs",
                                f"{args.harness}-{time.strftime('%Y%m%d-%H%M%S')}-{runs}.log")
        rc, text = run_once(args, max(left, 1), log_path)
        if rc == 77 and "SKIP:" in text:
            print(next(l for l in text.splitlines() if "SKIP:" in l))
            return 77
        st = figures(text)
        execs += st.get("number_of_executed_units", 0)
        cov, ft = st.get("cov", cov), st.get("ft", ft)
        if rc == 0:
            break
        verdict = classify(text)
        if verdict is None:
            print(f"fuzz-run: libFuzzer exited {rc} without a report; see {log_path}")
            print("\n".join(text.splitlines()[-30:]))
            status = 1
            break
        path = file_crash(args, text, verdict)
        found.append((verdict, path))
        cls, kind, where, summary = verdict
        print(f"fuzz-run: {cls.upper()} {kind} in {where}")
        print(f"          {summary}")
        print(f"          reproducer: {path}  log: {log_path}")
        if cls == "gpupipe":
            status = 1
            # The whole report, for the test log.
            print("\n".join(text.splitlines()[-80:]))
            break
        if args.ci and len(found) >= 5:
            print("fuzz-run: 5 driver or resource crashes: stopping early")
            break

    elapsed = time.monotonic() - start
    rate = execs / elapsed if elapsed > 0 else 0
    driver = sum(1 for v, _ in found if v[0] != "gpupipe")
    print(f"fuzz-run: {args.harness}: {execs} executions in {elapsed:.0f} s ({rate:.0f}/s), "
          f"cov: {cov} ft: {ft}, runs: {runs}, driver/resource crashes: {driver}, "
          f"gpupipe crashes: {len(found) - driver}")
    new = os.path.join(args.work, "corpus", args.harness)
    print(f"fuzz-run: new inputs in {new} ({len(os.listdir(new))} files), "
          f"crashes in {os.path.join(args.work, 'crashes', args.harness)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
