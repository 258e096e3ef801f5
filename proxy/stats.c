/*
 * An app's figures as log lines (stats.h). A line gives, for the time in brackets, counts
 * and bytes over that time (not rates): frames; the syncs the app waited for and those
 * answered here; the link's bytes to the GPU domain and back by kind. doc/gpupipe-proxy.1.scd
 * describes each figure.
 */
#include <signal.h>
#include <time.h>
#include <wayland-server-core.h>

#include <gpupipe/log.h>

#include "client.h"
#include "stats.h"

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void sample(const struct px_client *client, struct px_stats_sample *out)
{
	const struct px_stats *st = &client->stats;
	*out = (struct px_stats_sample){
	        .ns = now_ns(),
	        .link = st->link,
	        .frames = st->frames,
	        .syncs_relayed = st->syncs_relayed,
	        .syncs_answered = st->syncs_answered,
	};
}

/* Asked for: --stats or SIGUSR1, written at any log level (log.h). */
static void log_line(bool asked, const char *what, const struct px_stats_sample *from,
                     const struct px_stats_sample *to)
{
	struct wire_frame_counts d;
	wire_frame_counts_since(&d, &from->link, &to->link);
	char a[32], b[32], c[32], e[32], f[32];
	gp_log_figures(
	        asked,
	        "stats %s (%.1f s): %llu frames; syncs: %llu waited for, %llu answered here; to "
	        "the link: Wayland %s, GL %s, shm %s; from the link: Wayland %s, GL %s",
	        what, (double)(to->ns - from->ns) / 1e9,
	        (unsigned long long)(to->frames - from->frames),
	        (unsigned long long)(to->syncs_relayed - from->syncs_relayed),
	        (unsigned long long)(to->syncs_answered - from->syncs_answered),
	        gp_size_text(a, sizeof(a), (double)d.bytes_out[WIRE_WAYLAND]),
	        gp_size_text(b, sizeof(b),
	                     (double)wire_frame_bytes(d.bytes_out, WIRE_GL_OPEN, WIRE_GL_SHARED)),
	        gp_size_text(c, sizeof(c),
	                     (double)wire_frame_bytes(d.bytes_out, WIRE_SHM_CREATE, WIRE_SHM_COPY)),
	        gp_size_text(e, sizeof(e), (double)d.bytes_in[WIRE_WAYLAND]),
	        gp_size_text(f, sizeof(f),
	                     (double)wire_frame_bytes(d.bytes_in, WIRE_GL_OPEN, WIRE_GL_SHARED)));
}

static int on_tick(void *data)
{
	struct px_client *client = data;
	struct px_stats_sample now;
	sample(client, &now);
	log_line(true, "last second", &client->stats.last, &now);
	client->stats.last = now;
	wl_event_source_timer_update(client->stats.tick, 1000);
	return 0;
}

static void log_totals(struct px_client *client, bool asked)
{
	struct px_stats_sample now;
	sample(client, &now);
	log_line(asked, "since the app connected", &client->stats.start, &now);
}

static int on_signal(int sig, void *data)
{
	(void)sig;
	log_totals(data, true);
	return 0;
}

bool px_stats_init(struct px_client *client, bool every_second)
{
	struct px_stats *st = &client->stats;
	client->link.counts = &st->link;
	sample(client, &st->start);
	st->last = st->start;
	st->signal = wl_event_loop_add_signal(client->loop, SIGUSR1, on_signal, client);
	if (!st->signal)
		return false;
	if (!every_second)
		return true;
	st->tick = wl_event_loop_add_timer(client->loop, on_tick, client);
	return st->tick && wl_event_source_timer_update(st->tick, 1000) >= 0;
}

void px_stats_log_totals(struct px_client *client)
{
	log_totals(client, client->stats.tick != NULL);
}

void px_stats_finish(struct px_client *client)
{
	struct px_stats *st = &client->stats;
	if (st->tick)
		wl_event_source_remove(st->tick);
	if (st->signal)
		wl_event_source_remove(st->signal);
	st->tick = st->signal = NULL;
	client->link.counts = NULL;
}
