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

#include <gpupipe/clock.h>
#include <gpupipe/log.h>

#include "gl/gl.h"
#include "session.h"
#include "stats.h"

static void sample(struct gh_session *s, struct gh_stats_sample *out)
{
	*out = (struct gh_stats_sample){
	        .ns = gp_now_ns(), .link = s->stats.link, .syncs = s->stats.syncs};
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

/* "12.3 KiB": bytes divided by `per`. */
static const char *size_text(char *buf, size_t len, uint64_t bytes, double per)
{
	return gp_size_text(buf, len, (double)bytes / per);
}

struct line {
	double seconds;
	bool asked;
};

static void surface_line(void *data, uint32_t handle, uint32_t width, uint32_t height,
                         uint64_t frames, uint64_t swap_ns)
{
	const struct line *l = data;
	double seconds = l->seconds;
	gp_log_figures(l->asked,
	               "stats: surface %" PRIu32 " (%" PRIu32 "x%" PRIu32
	               "): %.1f fps, swap %.2f ms",
	               handle, width, height, (double)frames / seconds,
	               (double)swap_ns / 1e6 / (double)frames);
}

/* One line of what happened between `from` and `to`. */
static void log_line(struct gh_session *s, bool asked, const char *what,
                     const struct gh_stats_sample *from, const struct gh_stats_sample *to)
{
	struct line l = {.seconds = (double)(to->ns - from->ns) / 1e9, .asked = asked};
	double seconds = l.seconds;
	if (seconds <= 0)
		return;
	struct wire_frame_counts d;
	wire_frame_counts_since(&d, &from->link, &to->link);
	uint64_t frames = to->frames - from->frames;
	double per = frames ? (double)frames : seconds;
	char a[32], b[32], c[32], e[32], f[32], g[32], h[32];
	gp_log_figures(
	        asked,
	        "stats %s (%.1f s): %.1f fps; per %s: GL %s in, %.1f writes, %s out, %.0f "
	        "commands, "
	        "%.2f round trips; Wayland %s in, %s out, %.2f syncs; shm %s in; host copied "
	        "%s; swap %.2f ms; GL shared memory %s in",
	        what, seconds, (double)frames / seconds, frames ? "frame" : "second",
	        size_text(a, sizeof(a), wire_frame_bytes(d.bytes_in, WIRE_GL_OPEN, WIRE_GL_SHARED),
	                  per),
	        (double)d.frames_in[WIRE_GL] / per,
	        size_text(b, sizeof(b), wire_frame_bytes(d.bytes_out, WIRE_GL_OPEN, WIRE_GL_SHARED),
	                  per),
	        (double)(to->commands - from->commands) / per,
	        (double)(to->replies - from->replies) / per,
	        size_text(c, sizeof(c), d.bytes_in[WIRE_WAYLAND], per),
	        size_text(e, sizeof(e), d.bytes_out[WIRE_WAYLAND], per),
	        (double)(to->syncs - from->syncs) / per,
	        size_text(f, sizeof(f),
	                  wire_frame_bytes(d.bytes_in, WIRE_SHM_CREATE, WIRE_SHM_COPY), per),
	        size_text(g, sizeof(g), to->copied - from->copied, per),
	        frames ? (double)(to->swap_ns - from->swap_ns) / 1e6 / (double)frames : 0.0,
	        size_text(h, sizeof(h), to->shared - from->shared, per));
	if (s->gl)
		gh_gl_surface_counts(s->gl, surface_line, &l);
}

static int on_tick(void *data)
{
	struct gh_session *s = data;
	struct gh_stats_sample now;
	sample(s, &now);
	log_line(s, true, "last second", &s->stats.last, &now);
	s->stats.last = now;
	wl_event_source_timer_update(s->stats.tick, 1000);
	return 0;
}

static void log_totals(struct gh_session *s, bool asked)
{
	struct gh_stats_sample now;
	sample(s, &now);
	log_line(s, asked, "since the link began", &s->stats.start, &now);
	char text[512];
	if (s->gl)
		gh_gl_round_trips_by_command(s->gl, text, sizeof(text), 8);
	if (s->gl && text[0])
		gp_log_figures(asked, "stats: round trips by command since the link began: %s",
		               text);
}

static int on_signal(int sig, void *data)
{
	(void)sig;
	log_totals(data, true);
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
	log_totals(s, s->stats.tick != NULL);
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
