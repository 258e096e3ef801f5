/*
 * An app's figures as log lines (stats.h). A line gives, for the time in brackets, counts
 * and bytes over that time (not rates): frames; the syncs the app waited for and those
 * answered here; the link's bytes to the GPU domain and back by kind; the CPU time the
 * app's process took. doc/gpupipe-proxy.1.scd
 * describes each figure.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <wayland-server-core.h>

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "client.h"
#include "stats.h"

/* The user and system time of process `pid` (all its threads), in clock ticks: fields 14
 * and 15 of /proc/PID/stat, counted after the command name's closing parenthesis (the
 * name may hold spaces and parentheses). 0 where it cannot be read. */
static uint64_t cpu_ticks(int pid)
{
	char path[32], text[1024];
	if (pid <= 0)
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	size_t n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = 0;
	const char *p = strrchr(text, ')');
	unsigned long long utime, stime;
	/* After ")": state (field 3), then fields 4 to 13, then utime and stime. */
	if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
	                 &stime) != 2)
		return 0;
	return (uint64_t)utime + (uint64_t)stime;
}

static void sample(const struct px_client *client, struct px_stats_sample *out)
{
	const struct px_stats *st = &client->stats;
	*out = (struct px_stats_sample){
	        .ns = gp_now_ns(),
	        .link = st->link,
	        .frames = st->frames,
	        .syncs_relayed = st->syncs_relayed,
	        .syncs_answered = st->syncs_answered,
	        .cpu_ticks = cpu_ticks(st->app_pid),
	};
	/* An app that has gone took what it took until the last look. */
	if (out->cpu_ticks < st->last.cpu_ticks)
		out->cpu_ticks = st->last.cpu_ticks;
}

/* Asked for: --stats or SIGUSR1, written at any log level (log.h). */
static void log_line(const struct px_stats *st, bool asked, const char *what,
                     const struct px_stats_sample *from, const struct px_stats_sample *to)
{
	struct wire_frame_counts d;
	wire_frame_counts_since(&d, &from->link, &to->link);
	char a[32], b[32], c[32], e[32], f[32], cpu[64] = "";
	if (st->app_pid > 0 && st->tick_hz > 0 && to->cpu_ticks >= from->cpu_ticks)
		snprintf(cpu, sizeof(cpu), "; app process %d: CPU %.0f ms", st->app_pid,
		         (double)(to->cpu_ticks - from->cpu_ticks) * 1000.0 / (double)st->tick_hz);
	gp_log_figures(
	        asked,
	        "stats %s (%.1f s): %llu frames; syncs: %llu waited for, %llu answered here; to "
	        "the link: Wayland %s, GL %s, shm %s; from the link: Wayland %s, GL %s%s",
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
	                     (double)wire_frame_bytes(d.bytes_in, WIRE_GL_OPEN, WIRE_GL_SHARED)),
	        cpu);
}

static int on_tick(void *data)
{
	struct px_client *client = data;
	struct px_stats_sample now;
	sample(client, &now);
	log_line(&client->stats, true, "last second", &client->stats.last, &now);
	client->stats.last = now;
	wl_event_source_timer_update(client->stats.tick, 1000);
	return 0;
}

static void log_totals(struct px_client *client, bool asked)
{
	struct px_stats_sample now;
	sample(client, &now);
	log_line(&client->stats, asked, "since the app connected", &client->stats.start, &now);
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
	/* The app's process, as the kernel saw it connect (in this pid namespace; 0 where
	 * it is in none this one sees). */
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (getsockopt(client->app.fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0)
		st->app_pid = cred.pid;
	st->tick_hz = sysconf(_SC_CLK_TCK);
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
