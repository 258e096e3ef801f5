/*
 * What one link costs, as figures a user can read (gpupipe-host --stats,
 * SIGUSR1, and a line when the link ends): frames per second and, per
 * frame, the bytes of each kind that crossed the link each way, the GL
 * stream's writes, commands and synchronous round trips, the bytes the
 * host copied, and the time a swap took. The counters only count: they
 * are read by the lines, never by a decision.
 */
#ifndef GH_STATS_H
#define GH_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/link.h>

struct gh_session;

/* A link's totals at one moment. */
struct gh_stats_sample {
	uint64_t ns; /* CLOCK_MONOTONIC */
	struct wire_frame_counts link;
	uint64_t frames;   /* GL_OP_SWAP run, all surfaces */
	uint64_t commands; /* GL commands run */
	uint64_t replies;  /* replies sent: each one a round trip the app waited for */
	uint64_t copied;   /* bytes the host's CPU copied: frames, shared blobs */
	uint64_t swap_ns;  /* time in GL_OP_SWAP */
	uint64_t syncs;    /* wl_display.syncs relayed (proxy/stats.h: those waited for) */
	uint64_t shared;   /* upload bytes read from shared memory */
};

struct gh_stats {
	struct wire_frame_counts link; /* the session's link counts into it */
	uint64_t syncs;                /* wl_display.sync requests relayed */
	struct gh_stats_sample start, last;
	struct wl_event_source *tick;   /* --stats: a line every second */
	struct wl_event_source *signal; /* SIGUSR1: a line of the totals now */
};

/* Counts the session's link and, with `every_second`, logs a line of the
 * last second's figures each second; SIGUSR1 logs the totals. */
bool gh_stats_init(struct gh_session *s, bool every_second);
/* The line of the totals since the link began (when it ends). */
void gh_stats_log_totals(struct gh_session *s);
void gh_stats_finish(struct gh_session *s);

#endif
