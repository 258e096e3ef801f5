#!/usr/bin/env python3
"""fuzz-run.py blames the right side of a crash report: reports shaped as ASan,
LeakSanitizer, UBSan and libFuzzer print them, each with the verdict expected."""

import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("fuzz_run", os.path.join(here, "fuzz-run.py"))
fuzz_run = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz_run)

DRI = "/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so"
BIN = "/work/build-fuzz/tests/fuzz/fuzz-gl"


def frame(n, func=None, where=None, module=None):
    text = f"    #{n} 0x7f0000001{n:03x}"
    if func:
        text += f" in {func}"
    if where:
        text += f" {where}"
    if module:
        text += f" ({module}+0x{n:x}) (BuildId: 00)"
    return text


CASES = [
    ("the driver's use-after-free, on its own memory", "driver", """
==1==ERROR: AddressSanitizer: heap-use-after-free on address 0x6 at pc 0x1 bp 0x2 sp 0x3
READ of size 8 at 0x6 thread T0
""" + "\n".join([frame(0, "__interceptor_strcmp", "compiler-rt/lib/sanitizer_common/x.inc:1"),
                 frame(1, module=DRI), frame(2, module=DRI),
                 frame(3, "gles_decode", "../protocols/gles/gles-decode.c:10:2"),
                 frame(4, "LLVMFuzzerTestOneInput", "../tests/fuzz/fuzz-gl.c:200:3")]) + """

0x6 is located 0 bytes inside of 32-byte region
freed by thread T0 here:
""" + "\n".join([frame(0, "__interceptor_free", "compiler-rt/lib/asan/asan_malloc_linux.cpp:52:3"),
                 frame(1, module=DRI)]) + """

previously allocated by thread T0 here:
""" + "\n".join([frame(0, "__interceptor_malloc", "compiler-rt/lib/asan/asan_malloc_linux.cpp:69:3"),
                 frame(1, module=DRI)]) + """

SUMMARY: AddressSanitizer: heap-use-after-free (swrast_dri.so+0x1)
"""),
    ("the driver reading past memory gpupipe handed it", "gpupipe", """
==1==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x6 at pc 0x1 bp 0x2 sp 0x3
READ of size 64 at 0x6 thread T0
""" + "\n".join([frame(0, "__asan_memcpy", "compiler-rt/lib/asan/asan_interceptors_memintrinsics.cpp:22:3"),
                 frame(1, module=DRI),
                 frame(2, "gl_exec_glBufferData", "protocols/gles/gles-decode.c:99:5")]) + """

0x6 is located 0 bytes to the right of 60-byte region
allocated by thread T0 here:
""" + "\n".join([frame(0, "malloc", "compiler-rt/lib/asan/asan_malloc_linux.cpp:69:3"),
                 frame(1, "LLVMFuzzerTestOneInput", "../tests/fuzz/fuzz-gl.c:210:18")]) + """

SUMMARY: AddressSanitizer: heap-buffer-overflow (swrast_dri.so+0x1)
"""),
    ("a SEGV in gpupipe's code", "gpupipe", """
==1==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000010
""" + "\n".join([frame(0, "draw_check", "../gpuhost/gl/draw.c:77:9"),
                 frame(1, "gles_decode", "protocols/gles/gles-decode.c:10:2")]) + """
SUMMARY: AddressSanitizer: SEGV ../gpuhost/gl/draw.c:77:9 in draw_check
"""),
    ("undefined behaviour (only gpupipe is instrumented)", "gpupipe", """
../protocols/wl-objects.c:15:2: runtime error: applying zero offset to null pointer
SUMMARY: UndefinedBehaviorSanitizer: undefined-behavior ../protocols/wl-objects.c:15:2 in
"""),
    ("a leak allocated by the driver alone", "driver", """
==1==ERROR: LeakSanitizer: detected memory leaks

Direct leak of 64 byte(s) in 1 object(s) allocated from:
""" + "\n".join([frame(0, "__interceptor_calloc", "compiler-rt/lib/asan/asan_malloc_linux.cpp:77:3"),
                 frame(1, module=DRI), frame(2, module="/usr/lib/x86_64-linux-gnu/libLLVM-15.so.1")]) + """

SUMMARY: AddressSanitizer: 64 byte(s) leaked in 1 allocation(s).
"""),
    ("a leak of gpupipe's among the driver's", "gpupipe", """
==1==ERROR: LeakSanitizer: detected memory leaks

Direct leak of 64 byte(s) in 1 object(s) allocated from:
""" + "\n".join([frame(0, "__interceptor_calloc", "compiler-rt/lib/asan/asan_malloc_linux.cpp:77:3"),
                 frame(1, module=DRI)]) + """

Direct leak of 88 byte(s) in 1 object(s) allocated from:
""" + "\n".join([frame(0, "__interceptor_calloc", "compiler-rt/lib/asan/asan_malloc_linux.cpp:77:3"),
                 frame(1, module="/lib/x86_64-linux-gnu/libwayland-server.so.0"),
                 frame(2, "gh_session_init", "../gpuhost/session.c:190:3")]) + """

SUMMARY: AddressSanitizer: 152 byte(s) leaked in 2 allocation(s).
"""),
    ("a slow input, interrupted inside the driver", "resource", """
==1== ERROR: libFuzzer: timeout after 30 seconds
""" + "\n".join([frame(0, "__sanitizer_print_stack_trace", "compiler-rt/lib/asan/asan_stack.cpp:87:3"),
                 frame(1, "fuzzer::PrintStackTrace()", "compiler-rt/lib/fuzzer/FuzzerUtil.cpp:210:5"),
                 frame(2, "fuzzer::Fuzzer::AlarmCallback()", "compiler-rt/lib/fuzzer/FuzzerLoop.cpp:301:5"),
                 frame(3, module="/lib/x86_64-linux-gnu/libc.so.6"),
                 frame(4, module=DRI),
                 frame(5, "gl_exec_glDrawArrays", "protocols/gles/gles-decode.c:50:1")]) + """
SUMMARY: libFuzzer: timeout
"""),
    ("a slow input, interrupted in code llvmpipe compiled (no module)", "resource", """
==1== ERROR: libFuzzer: timeout after 35 seconds
""" + "\n".join([frame(0, "__sanitizer_print_stack_trace", "compiler-rt/lib/asan/asan_stack.cpp:87:3"),
                 frame(1, "fuzzer::PrintStackTrace()", "compiler-rt/lib/fuzzer/FuzzerUtil.cpp:210:5"),
                 frame(2, "fuzzer::Fuzzer::AlarmCallback()", "compiler-rt/lib/fuzzer/FuzzerLoop.cpp:301:5"),
                 frame(3, module="/lib/x86_64-linux-gnu/libc.so.6"),
                 "    #4 0x7f2d89db6000  (<unknown module>)"]) + """

SUMMARY: libFuzzer: timeout
"""),
    ("a slow input, interrupted in gpupipe's code", "gpupipe", """
==1== ERROR: libFuzzer: timeout after 30 seconds
""" + "\n".join([frame(0, "__sanitizer_print_stack_trace", "compiler-rt/lib/asan/asan_stack.cpp:87:3"),
                 frame(1, "fuzzer::Fuzzer::AlarmCallback()", "compiler-rt/lib/fuzzer/FuzzerLoop.cpp:301:5"),
                 frame(2, module="/lib/x86_64-linux-gnu/libc.so.6"),
                 frame(3, "pump", "../tests/fuzz/fuzz-session.c:150:3")]) + """
SUMMARY: libFuzzer: timeout
"""),
    ("the whole process over its memory limit", "resource", """
==1== ERROR: libFuzzer: out-of-memory (used: 6200Mb; exceeds: 6144Mb)
SUMMARY: libFuzzer: out-of-memory
"""),
    ("a crash inside libwayland (which only sees what gpupipe sends)", "gpupipe", """
==1==ERROR: AddressSanitizer: SEGV on unknown address 0x000000000008
""" + "\n".join([frame(0, module="/lib/x86_64-linux-gnu/libwayland-server.so.0"),
                 frame(1, "standin_dispatch", "../tests/fuzz/standin.c:600:3")]) + """
SUMMARY: AddressSanitizer: SEGV (libwayland-server.so.0+0x8)
"""),
    ("the harness's own oracle (abort)", "gpupipe", """
fuzz-session: the host sent a frame after WIRE_CLOSE
==1== ERROR: libFuzzer: deadly signal
""" + "\n".join([frame(0, "__sanitizer_print_stack_trace", "compiler-rt/lib/asan/asan_stack.cpp:87:3"),
                 frame(1, "fuzzer::Fuzzer::CrashCallback()", "compiler-rt/lib/fuzzer/FuzzerLoop.cpp:235:3"),
                 frame(2, module="/lib/x86_64-linux-gnu/libc.so.6"),
                 frame(3, "abort", module="/lib/x86_64-linux-gnu/libc.so.6"),
                 frame(4, "die", "../tests/fuzz/fuzz-session.c:60:2")]) + """
SUMMARY: libFuzzer: deadly signal
"""),
]


def main():
    failed = 0
    for what, want, report in CASES:
        got = fuzz_run.classify(report)
        ok = got is not None and got[0] == want
        print(f"{'ok' if ok else 'FAIL'}: {what}: {got[0] if got else None} ({got[2] if got else ''})"
              f"{'' if ok else f', expected {want}'}")
        failed += not ok
    if fuzz_run.classify("INFO: Done 1000 runs in 60 second(s)\n") is not None:
        print("FAIL: a clean run was taken for a crash")
        failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
