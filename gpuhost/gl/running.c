/*
 * A GL command that the driver holds for seconds says so. Without this the
 * link process is silent while its main thread waits in the driver: the app
 * waits for its frame, the user sees a window that stopped, and nothing
 * tells where the time goes. The link watchdog's thread calls
 * gh_gl_running_check once a second; it reads what the main thread marked
 * (running.h) and logs a command that has run GH_GL_SLOW_S seconds, again at
 * each fourfold, and its end. The main thread takes no lock and makes no
 * call for it.
 */
#include <stdio.h>

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "gl.h"
#include "running.h"
#include "stream.h"

_Atomic uint64_t gh_gl_running_stamp;
_Atomic uint32_t gh_gl_running_what;

/* What the checking thread saw; it alone touches these. */
static struct {
	uint64_t stamp;
	uint32_t what;
	double since; /* when it first saw that command running */
	double due;   /* seconds run at which it says so next */
	bool told;    /* it said so */
} seen;

static void describe(char *buf, size_t len, uint32_t what)
{
	snprintf(buf, len, "%s on GL stream %u", gh_gl_op_name(what & 0xffffu), what >> 16);
}

void gh_gl_running_check(void)
{
	/* The command first (acquire: its stamp is at least as new), then its
	 * stamp: a command that began between the two reads has a newer stamp,
	 * and counts as new. */
	uint32_t what = atomic_load_explicit(&gh_gl_running_what, memory_order_acquire);
	uint64_t stamp = atomic_load_explicit(&gh_gl_running_stamp, memory_order_relaxed);
	double now = (double)gp_now_ns() / 1e9;
	char name[96];
	if (what != 0 && stamp == seen.stamp && what == seen.what) {
		double ran = now - seen.since;
		if (ran >= seen.due) {
			describe(name, sizeof(name), what);
			gp_log(WARN,
			       "%s has run in the GL driver for over %d s; the app's frames wait "
			       "for it",
			       name, (int)ran);
			seen.told = true;
			seen.due *= 4;
		}
		return;
	}
	if (seen.told) {
		describe(name, sizeof(name), seen.what);
		/* It ended since the last check, a second ago. */
		gp_log(WARN, "%s returned from the GL driver after about %.0f s", name,
		       now - seen.since);
	}
	seen.stamp = stamp;
	seen.what = what;
	seen.since = now;
	seen.due = GH_GL_SLOW_S;
	seen.told = false;
}
