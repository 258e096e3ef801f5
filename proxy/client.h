/*
 * One app client of gpupipe-proxy: its Wayland socket, its link to
 * gpupipe-host, and the app's objects as seen on the way through.
 * Each client runs in its own forked process (main.c), so this state is
 * never shared between apps.
 */
#ifndef PX_CLIENT_H
#define PX_CLIENT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <wayland-server-core.h>

#include <gpupipe/conn.h>
#include <gpupipe/pipes.h>
#include <gpupipe/wl-objects.h>

#include "stats.h"

struct px_options {
	const char *connect_addr;
	bool no_fd_passing; /* never ask for WIRE_FEATURE_FD_PASSING */
	bool stats;         /* --stats: a line of figures every second (stats.h) */
};

/* Above this many queued bytes toward one side, stop reading the other. */
#define PX_BACKPRESSURE_BYTES (16u << 20)

struct px_client {
	struct wl_event_loop *loop;
	struct wire_conn app;  /* the app's Wayland socket */
	struct wire_conn link; /* to gpupipe-host */
	pid_t link_child;      /* exec: command, or -1 */
	struct wire_object_map objects;
	uint64_t host_features; /* from the host's hello; 0 until it came */
	bool hello_received;
	uint32_t next_handle;    /* fd handles we announce */
	struct wl_array blobs;   /* struct px_handle_fd: host-announced fds */
	struct wire_pipes pipes; /* clipboard transfers */
	bool done;
	bool app_told; /* a wl_display.error is queued for the app */
	int exit_status;
	struct px_pool *pending_pool; /* made by create_pool, until its object is */
	struct wl_list gl_streams;    /* px_gl_stream.link */
	/* Emitted once the link's queue has room again (px_client_link_flushed): what
	 * stopped reading while it was full (each GL stream) listens. */
	struct wl_signal link_room;
	/* SIGHUP: the proxy's main process died (main.c). */
	struct wl_event_source *parent_gone;
	/* wl_display.sync (sync.c): relayed syncs whose done has not come back,
	 * whether a request since the last one may have events in response,
	 * and the serial of the last done. */
	uint32_t syncs_out;
	bool events_owed;
	uint32_t sync_serial;
	struct px_stats stats; /* what the app cost (stats.h) */
};

/* Host-announced fd waiting for the event that references it. */
struct px_handle_fd {
	uint32_t handle;
	int fd;
};

/* client-run.c: runs the client until the app or the link goes away. Takes app_fd. */
int px_client_run(int app_fd, const struct px_options *options);

/* ---- client.c: what every part may do to the client ---- */

/* Ends the client: logs reason (if any) at the given level, tells the app on an error, and
 * stops the loop. Never exits the process itself. */
void px_client_close(struct px_client *client, bool error, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* After the link's queue was written (some of it): what waited for room
 * there (the app's socket, clipboard transfers, and link_room's listeners: GL streams) is
 * read again once the queue is under half of PX_BACKPRESSURE_BYTES. Every flush of the link calls
 * it, as a flush that empties the queue ends the wait for WL_EVENT_WRITABLE. */
void px_client_link_flushed(struct px_client *client);
/* After the app's queue was written: the link, paused while the app read slowly, is read
 * again once that queue is under half of PX_BACKPRESSURE_BYTES. */
void px_client_app_flushed(struct px_client *client);

/* to-app.c: one event to the app (msg->size bytes); false when the client was closed. */
bool px_event_send(struct px_client *client, struct wire_msg *msg, struct wire_object *obj);

/* ---- the dispatchers, which client-run.c calls ---- */

/* requests.c: app -> link. */
void px_requests_process(struct px_client *client);
/* events.c: link -> app. */
void px_events_process(struct px_client *client);

#endif
