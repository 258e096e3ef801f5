/*
 * An app's process: its set-up (the link to gpupipe-host and its hello), the event loop
 * that reads the app and the link and dispatches what they send (requests.c, events.c),
 * and the end, which gives the app a moment to read why.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "client.h"
#include "gl-streams.h"
#include "policy.h"

static void link_flushed(void *data)
{
	px_client_link_flushed(data);
}

static void on_app(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct px_client *client = data;
	if (client->done)
		return;
	if (mask & WL_EVENT_WRITABLE)
		px_client_app_flushed(client);
	if (mask & WL_EVENT_READABLE) {
		ssize_t n = wire_conn_read(conn);
		if (n == 0) {
			px_client_close(client, false, "app disconnected");
			return;
		}
		if (n < 0 && errno != EAGAIN) {
			px_client_close(client, errno != ECONNRESET, "app socket: %s",
			                strerror(errno));
			return;
		}
		px_requests_process(client);
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		px_client_close(client, false, "app disconnected");
	}
}

static void on_link(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct px_client *client = data;
	if (client->done)
		return;
	if (mask & WL_EVENT_WRITABLE)
		px_client_link_flushed(client);
	if (mask & WL_EVENT_READABLE) {
		ssize_t n = wire_conn_read(conn);
		if (n == 0) {
			px_client_close(client, true, "gpupipe-host closed the link");
			return;
		}
		if (n < 0 && errno != EAGAIN) {
			px_client_close(client, true, "link: %s", strerror(errno));
			return;
		}
		px_events_process(client);
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		px_client_close(client, true, "gpupipe-host closed the link");
	}
}

/* SIGHUP: gpupipe-proxy's main process died (main.c sets it as this
 * process's parent-death signal). The app cannot be served on: no new app
 * could reach the proxy's socket either, and a restarted proxy must be
 * the only one on it. So the app is told why, and its connection ends. */
static int on_parent_gone(int sig, void *data)
{
	px_client_close(data, true,
	                "gpupipe-proxy's main process is gone; this app's connection ends");
	return 0;
}

/* Closing right after the error would lose it if the app has not written
 * yet: its first flush would fail with EPIPE and libwayland would never
 * read the error. So stop writing, and drain until the app hangs up (it
 * does once it has read the error), for at most a second. */
static void linger(struct px_client *client)
{
	int fd = client->app.fd;
	shutdown(fd, SHUT_WR);
	char scratch[4096];
	for (int tries = 0; tries < 10; tries++) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		if (poll(&pfd, 1, 100) < 0 && errno != EINTR)
			return;
		ssize_t n = read(fd, scratch, sizeof(scratch));
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
			return;
	}
}

static void client_finish(struct px_client *client)
{
	if (client->stats.signal)
		px_stats_log_totals(client);
	px_stats_finish(client);
	wire_conn_flush(&client->link);
	wire_conn_flush(&client->app);
	if (client->app_told && client->app.fd >= 0 && !wire_conn_pending(&client->app))
		linger(client);
	wire_object_map_finish(&client->objects, px_object_destroy);
	wire_conn_finish(&client->app);
	wire_conn_finish(&client->link);
	struct px_handle_fd *h;
	wl_array_for_each(h, &client->blobs)
	{
		close(h->fd);
	}
	wl_array_release(&client->blobs);
	wire_pipes_finish(&client->pipes);
	px_gl_streams_finish(client);
	if (client->parent_gone)
		wl_event_source_remove(client->parent_gone);
	if (client->link_child > 0) {
		kill(client->link_child, SIGTERM);
		waitpid(client->link_child, NULL, 0);
	}
}

static bool client_init(struct px_client *client, int app_fd, const struct px_options *options)
{
	const char *err;
	struct wire_addr_error aerr;
	client->link_child = -1;
	client->next_handle = 1;
	wl_array_init(&client->blobs);
	wl_list_init(&client->gl_streams);
	wl_signal_init(&client->link_room);
	wl_list_init(&client->pipes.dests);
	wl_list_init(&client->pipes.sources);
	wl_array_init(&client->pipes.peer_handles);
	wire_object_map_init(&client->objects);
	if (!wire_object_insert(&client->objects, 1, &wire_iface_wl_display, 1, &err))
		return false;
	client->loop = wl_event_loop_create();
	if (!client->loop)
		return false;
	client->parent_gone =
	        wl_event_loop_add_signal(client->loop, SIGHUP, on_parent_gone, client);
	if (!client->parent_gone)
		return false;
	if (!wire_conn_init(&client->app, app_fd, true, client->loop, on_app, client))
		return false;
	int link_fd = wire_addr_connect(options->connect_addr, &client->link_child, &aerr);
	if (link_fd < 0) {
		px_client_close(client, true, "cannot reach gpupipe-host: %s", aerr.text);
		return false;
	}
	if (!wire_conn_init(&client->link, link_fd, false, client->loop, on_link, client) ||
	    !px_stats_init(client, options->stats))
		return false;
	wire_pipes_init(&client->pipes, client->loop, &client->link);
	client->pipes.link_bound = PX_BACKPRESSURE_BYTES;
	client->pipes.link_flushed = link_flushed;
	client->pipes.link_flushed_data = client;
	/* Ask for the clipboard; the host grants it only with --allow-clipboard.
	 * And for fds where the link is a unix socket to gpupipe-host itself
	 * (an exec: command's socket pair reaches a command that passes none):
	 * the GL streams' shared memory. */
	struct wire_addr addr;
	uint64_t ask = WIRE_FEATURE_CLIPBOARD;
	if (!options->no_fd_passing &&
	    wire_addr_parse(options->connect_addr, false, &addr, &aerr) &&
	    addr.kind == WIRE_ADDR_UNIX)
		ask |= WIRE_FEATURE_FD_PASSING;
	if (!wire_send_hello(&client->link, ask))
		return false;
	if (!wire_conn_flush(&client->link)) {
		/* A host that refuses the link (--max-links) may close it before
		 * our hello is out: its CLOSE says why, and the app must hear it. */
		int write_errno = errno;
		if (wire_conn_read(&client->link) > 0)
			px_events_process(client);
		px_client_close(client, true, "cannot reach gpupipe-host: %s",
		                strerror(write_errno));
	}
	return true;
}

int px_client_run(int app_fd, const struct px_options *options)
{
	struct px_client client = {0};
	client.app.fd = client.link.fd = -1;
	if (client_init(&client, app_fd, options)) {
		while (!client.done) {
			if (wl_event_loop_dispatch(client.loop, -1) < 0 && errno != EINTR)
				break;
		}
	} else {
		client.exit_status = 1;
	}
	int status = client.exit_status;
	client_finish(&client);
	if (client.loop)
		wl_event_loop_destroy(client.loop);
	return status;
}
