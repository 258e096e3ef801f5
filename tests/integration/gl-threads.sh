#!/bin/bash
# gl-patterns --threads through gpu-0 (GP_GL_MODE=native: Mesa in the app): two threads draw
# every pattern into their own windows and a third into a pbuffer, each with its own context,
# all at once for 20 frames; every frame of every thread reads back right. Each thread clears
# to its own colour, so commands reaching the wrong context fail the probes; the screenshot
# shows both windows (black and dark red backgrounds). Through gpu-0 the pbuffer thread must
# run (natively Mesa's Wayland platform has no pbuffer configs and skips it).
# shellcheck source=../lib/harness.sh
. "$(dirname "$0")/../lib/harness.sh"
# shellcheck source=../gl/gl-harness.sh
. "$GP_LIB/../gl/gl-harness.sh"

gl_setup
frames=20
bin=$(gl_patterns_bin) || exit
# Natively, Mesa 22.3's llvmpipe crashes now and then (SIGSEGV in swrast_dri.so) with
# contexts drawing in several threads of one process when freed memory is perturbed, as
# meson's MALLOC_PERTURB_ does; gl-patterns itself is clean under AddressSanitizer. Through
# gpu-0 the app runs no Mesa and gpupipe-host runs a link's contexts in one thread.
perturb=()
[[ $GP_GL_MODE == native ]] && perturb=(-u MALLOC_PERTURB_)
gl_app threads env "${perturb[@]}" "$bin" --threads --frames "$frames" --hold
wait_log 180 threads '^held$' || fail "gl-patterns --threads never finished its frames"
no_fail_lines threads || fail "a thread's checks failed $GP_GL_WHERE"
for w in window1 window2; do
	log_has threads "^$w/window: 0 failures in $frames frames$" || fail "$w's thread did not finish"
done
if [[ $GP_GL_MODE == gpu0 ]]; then
	log_has threads "^pbuffer/pbuffer: 0 failures in $frames frames$" ||
		fail "the pbuffer thread did not run: $(grep pbuffer "$GP_TMP/threads.log" | head -3)"
fi
shot=$GP_TMP/shot.png
both_windows() { has_colour "$shot" 000000 2000 && has_colour "$shot" 400000 2000; }
shot_until 20 "$shot" both_windows ||
	fail "the screenshot does not show both windows' backgrounds (000000: $(probe "$shot" count 000000), 400000: $(probe "$shot" count 400000))"
kill -TERM "$(pid_of threads)"
expect_clean_exit threads 10 "gl-patterns --threads after SIGTERM"
