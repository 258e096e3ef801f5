/*
 * A link's figures as log lines (stats.h). A line reads, for the time it
 * covers: frames per second, then per frame (per second while no frame
 * was shown) the link's bytes of each kind each way, the GL stream's
 * writes, commands and round trips, the bytes the host copied for frames
 * and the time a swap took; then one line per window surface that showed
 * frames. doc/gpupipe-host.1.scd describes each figure.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>

#include <gpupipe/log.h>

#include "gl/gl.h"
#include "session.h"
#include "stats.h"

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void sample(struct gh_session *s, struct gh_stats_sample *out)
{
	*out = (struct gh_stats_sample){
	        .ns = now_ns(), .link = s->stats.link, .syncs = s->stats.syncs};
	if (s->gl) {
		const struct gh_gl_counts *c = gh_gl_counts(s->gl);
		out->frames = c->frames;
		out->commands = c->commands;
		out->replies = c->replies;
		out->copied = c->copied;
		out->swap_ns = c->swap_ns;
		out->shared = c->shared;
	}
}

/* "12.3 KiB": bytes divided by `per`, in a unit that keeps it short. */
static const char *size_text(char *buf, size_t len, uint64_t bytes, double per)
{
	double v = (double)bytes / per;
	if (v < 1024)
		snprintf(buf, len, "%.0f B", v);
	else if (v < 1024 * 1024)
		snprintf(buf, len, "%.1f KiB", v / 1024);
	else
		snprintf(buf, len, "%.2f MiB", v / (1024 * 1024));
	return buf;
}

/* Bytes of the frame types first..last, from one of wire_frame_counts'
 * per-type arrays. */
static uint64_t bytes_of(const uint64_t *by_type, int first, int last)
{
	uint64_t n = 0;
	for (int t = first; t <= last; t++)
		n += by_type[t];
	return n;
}

static void surface_line(void *data, uint32_t handle, uint32_t width, uint32_t height,
                         uint64_t frames, uint64_t swap_ns)
{
	double seconds = *(const double *)data;
	gp_log(INFO, "stats: surface %" PRIu32 " (%" PRIu32 "x%" PRIu32 "): %.1f fps, swap %.2f ms",
	       handle, width, height, (double)frames / seconds,
	       (double)swap_ns / 1e6 / (double)frames);
}

/* One line of what happened between `from` and `to`. */
static void log_line(struct gh_session *s, const char *what, const struct gh_stats_sample *from,
                     const struct gh_stats_sample *to)
{
	double seconds = (double)(to->ns - from->ns) / 1e9;
	if (seconds <= 0)
		return;
	struct wire_frame_counts d;
	for (int t = 0; t < WIRE_TYPE_COUNT; t++) {
		d.frames_in[t] = to->link.frames_in[t] - from->link.frames_in[t];
		d.bytes_in[t] = to->link.bytes_in[t] - from->link.bytes_in[t];
		d.bytes_out[t] = to->link.bytes_out[t] - from->link.bytes_out[t];
	}
	uint64_t frames = to->frames - from->frames;
	double per = frames ? (double)frames : seconds;
	char a[32], b[32], c[32], e[32], f[32], g[32], h[32];
	gp_log(INFO,
	       "stats %s (%.1f s): %.1f fps; per %s: GL %s in, %.1f writes, %s out, %.0f commands, "
	       "%.2f round trips; Wayland %s in, %s out, %.2f round trips; shm %s in; host copied "
	       "%s; swap %.2f ms; GL shared memory %s in",
	       what, seconds, (double)frames / seconds, frames ? "frame" : "second",
	       size_text(a, sizeof(a), bytes_of(d.bytes_in, WIRE_GL_OPEN, WIRE_GL_CLOSE), per),
	       (double)d.frames_in[WIRE_GL] / per,
	       size_text(b, sizeof(b), bytes_of(d.bytes_out, WIRE_GL_OPEN, WIRE_GL_CLOSE), per),
	       (double)(to->commands - from->commands) / per,
	       (double)(to->replies - from->replies) / per,
	       size_text(c, sizeof(c), d.bytes_in[WIRE_WAYLAND], per),
	       size_text(e, sizeof(e), d.bytes_out[WIRE_WAYLAND], per),
	       (double)(to->syncs - from->syncs) / per,
	       size_text(f, sizeof(f), bytes_of(d.bytes_in, WIRE_SHM_CREATE, WIRE_SHM_COPY), per),
	       size_text(g, sizeof(g), to->copied - from->copied, per),
	       frames ? (double)(to->swap_ns - from->swap_ns) / 1e6 / (double)frames : 0.0,
	       size_text(h, sizeof(h), to->shared - from->shared, per));
	if (s->gl)
		gh_gl_surface_counts(s->gl, surface_line, &seconds);
}

static int on_tick(void *data)
{
	struct gh_session *s = data;
	struct gh_stats_sample now;
	sample(s, &now);
	log_line(s, "last second", &s->stats.last, &now);
	s->stats.last = now;
	wl_event_source_timer_update(s->stats.tick, 1000);
	return 0;
}

static int on_signal(int sig, void *data)
{
	(void)sig;
	gh_stats_log_totals(data);
	return 0;
}

bool gh_stats_init(struct gh_session *s, bool every_second)
{
	s->link.counts = &s->stats.link;
	sample(s, &s->stats.start);
	s->stats.last = s->stats.start;
	s->stats.signal = wl_event_loop_add_signal(s->loop, SIGUSR1, on_signal, s);
	if (!s->stats.signal)
		return false;
	if (!every_second)
		return true;
	s->stats.tick = wl_event_loop_add_timer(s->loop, on_tick, s);
	return s->stats.tick && wl_event_source_timer_update(s->stats.tick, 1000) >= 0;
}

void gh_stats_log_totals(struct gh_session *s)
{
	struct gh_stats_sample now;
	sample(s, &now);
	log_line(s, "since the link began", &s->stats.start, &now);
	char text[512];
	if (s->gl)
		gh_gl_round_trips_by_command(s->gl, text, sizeof(text), 8);
	if (s->gl && text[0])
		gp_log(INFO, "stats: round trips by command since the link began: %s", text);
}

void gh_stats_finish(struct gh_session *s)
{
	if (s->stats.tick)
		wl_event_source_remove(s->stats.tick);
	if (s->stats.signal)
		wl_event_source_remove(s->stats.signal);
	s->stats.tick = s->stats.signal = NULL;
	s->link.counts = NULL;
}
