/*
 * What one app costs, as the AppVM sees it (gpupipe-proxy --stats, SIGUSR1, and a line when
 * the app's connection ends): its frames, which of its wl_display.syncs waited for the
 * GPU domain's compositor and which gpupipe-proxy answered at once (sync.c), and the bytes
 * of each kind that crossed its link each way, and the CPU time its process took (what it
 * costs the AppVM's CPUs: its own work and encoding its GL). gpupipe-host's --stats has the GPU
 * domain's side (frames, GL commands and round trips, copies, swap time); only this side knows
 * which syncs the app waited for. The counters only count: nothing decides on them.
 */
#ifndef PX_STATS_H
#define PX_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/link.h>

struct px_client;
struct wl_event_source;

/* An app's totals at one moment. */
struct px_stats_sample {
	uint64_t ns; /* CLOCK_MONOTONIC */
	struct wire_frame_counts link;
	uint64_t frames;         /* commits that bring a buffer, all surfaces */
	uint64_t syncs_relayed;  /* wl_display.syncs the app waited for */
	uint64_t syncs_answered; /* answered here at once */
	uint64_t cpu_ticks;      /* the app's process: user and system time (clock ticks) */
};

struct px_stats {
	struct wire_frame_counts link; /* the client's link counts into it */
	uint64_t frames;
	uint64_t syncs_relayed, syncs_answered;
	struct px_stats_sample start, last;
	int app_pid;                    /* the app's process (SO_PEERCRED), 0 where unknown */
	long tick_hz;                   /* clock ticks per second (sysconf) */
	struct wl_event_source *tick;   /* --stats: a line every second */
	struct wl_event_source *signal; /* SIGUSR1: a line of the totals now */
};

/* Counts the client's link and, with `every_second`, logs a line of the last second's
 * figures each second; SIGUSR1 logs the totals. False: out of memory. */
bool px_stats_init(struct px_client *client, bool every_second);
/* The line of the totals since the app connected (as its connection ends). */
void px_stats_log_totals(struct px_client *client);
void px_stats_finish(struct px_client *client);

#endif
