/*
 * GL streams: the app's EGL library opens one unix socket per stream
 * (gpupipe_v1.open_stream) and the proxy relays its bytes on the link as
 * GL channel frames, and the host's replies back. The proxy does not parse
 * the stream: gpupipe-host checks every command.
 *
 * Ordering: a frame's swap is written to a GL stream before the commit
 * that shows it is written to the Wayland socket, so the proxy relays
 * whatever its GL streams hold before it forwards Wayland messages it read
 * (px_gl_streams_drain, called by the request path).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "client.h"
#include "gl-streams.h"
#include "policy.h"

/* Bytes read from one stream per drain before yielding to the loop: more
 * than any socket buffer holds, so a drain always takes everything written
 * before the Wayland messages that triggered it. */
#define DRAIN_LIMIT (16u << 20)
/* Bytes read at a time: more than a unix socket buffers by default
 * (net.core.wmem_max, 208 KiB), so one read takes all it holds. */
#define RELAY_CHUNK (256u << 10)

struct px_gl_stream {
	struct px_client *client;
	uint16_t channel;
	bool shared;             /* its shared memory went to the host */
	struct wire_conn conn;   /* the app's end of the socket pair */
	struct wl_list link;     /* px_client.gl_streams */
	struct wl_listener room; /* px_client.link_room: read again */
};

static struct px_gl_stream *find(struct px_client *client, uint16_t channel)
{
	struct px_gl_stream *st;
	wl_list_for_each(st, &client->gl_streams, link)
	{
		if (st->channel == channel)
			return st;
	}
	return NULL;
}

static void stream_destroy(struct px_gl_stream *st)
{
	wl_list_remove(&st->link);
	wl_list_remove(&st->room.link);
	wire_conn_finish(&st->conn);
	free(st);
}

/* The stream's shared memory (gl-stream.h, "Shared memory"), received
 * with the bytes just read, goes to the host before them. The library
 * sends one per stream, and only where the host offered it, which it does
 * only on a link that passes fds. */
static bool pass_shared(struct px_gl_stream *st)
{
	struct px_client *client = st->client;
	int fd;
	while ((fd = wire_conn_take_fd(&st->conn)) >= 0) {
		if (st->shared || !(client->host_features & WIRE_FEATURE_FD_PASSING)) {
			close(fd);
			px_client_close(client, true,
			                st->shared
			                        ? "the app sent GL stream %u a second shared memory"
			                        : "the app sent GL stream %u an fd, which this "
			                          "link cannot carry",
			                st->channel);
			return false;
		}
		if (!wire_frame_begin(&client->link, WIRE_GL_SHARED, st->channel, 0) ||
		    !wire_conn_queue_fd(&client->link, fd)) {
			px_client_close(client, true, "out of memory passing shared memory");
			return false;
		}
		st->shared = true;
	}
	return true;
}

/* The app closed its end (its EGL display or context went away, or the
 * app died): the host forgets the channel. */
static void stream_closed(struct px_gl_stream *st)
{
	struct px_client *client = st->client;
	gp_log(DEBUG, "GL stream %u closed by the app", st->channel);
	if (wire_frame_begin(&client->link, WIRE_GL_CLOSE, st->channel, 0) == NULL)
		px_client_close(client, true, "out of memory closing a GL stream");
	stream_destroy(st);
}

/* Reads what the stream holds straight into a WIRE_GL frame of the link's
 * output: the bytes are copied once in the proxy, by the kernel. Returns
 * what recvmsg returned. The shared memory's fd comes with the first bytes
 * after it was made and must go before them: that once, the bytes step
 * aside for it. */
static ssize_t relay_some(struct px_gl_stream *st)
{
	struct wire_conn *link = &st->client->link;
	uint8_t *out = wire_frame_begin(link, WIRE_GL, st->channel, RELAY_CHUNK);
	if (!out) {
		px_client_close(st->client, true, "out of memory relaying a GL stream");
		errno = ENOMEM;
		return -1;
	}
	ssize_t n = wire_conn_read_to(&st->conn, out, RELAY_CHUNK);
	if (n <= 0 || !wire_conn_fds_pending(&st->conn)) {
		wire_frame_shorten(link, out, n > 0 ? (uint32_t)n : 0);
		return n;
	}
	uint8_t *bytes = malloc((size_t)n);
	if (bytes)
		memcpy(bytes, out, (size_t)n);
	wire_frame_shorten(link, out, 0);
	if (!bytes) {
		px_client_close(st->client, true, "out of memory relaying a GL stream");
		errno = ENOMEM;
		return -1;
	}
	if (pass_shared(st) && (out = wire_frame_begin(link, WIRE_GL, st->channel, (uint32_t)n)))
		memcpy(out, bytes, (size_t)n);
	else if (!st->client->done)
		px_client_close(st->client, true, "out of memory relaying a GL stream");
	free(bytes);
	if (st->client->done) {
		errno = EPIPE;
		return -1;
	}
	return n;
}

/* Reads and relays until the socket is empty (or DRAIN_LIMIT), or, unless
 * `all`, until the link holds PX_BACKPRESSURE_BYTES: then the stream waits
 * (client->link_room wakes it), and so does the app writing to it. Returns false
 * when the stream is gone (closed and destroyed) or the client closed. */
static bool stream_drain(struct px_gl_stream *st, bool all)
{
	struct px_client *client = st->client;
	for (size_t total = 0; total < DRAIN_LIMIT;) {
		if (!all && wire_conn_pending(&client->link) > PX_BACKPRESSURE_BYTES) {
			wire_conn_set_reading(&st->conn, false);
			break;
		}
		ssize_t n = relay_some(st);
		if (n < 0 && errno == EAGAIN)
			break;
		if (client->done)
			return false;
		if (n <= 0) {
			stream_closed(st);
			return false;
		}
		total += (size_t)n;
	}
	return true;
}

static void on_stream(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct px_gl_stream *st = data;
	struct px_client *client = st->client;
	if (client->done)
		return;
	if (mask & WL_EVENT_READABLE) {
		if (!stream_drain(st, false))
			goto flush;
	} else if (mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) {
		/* A stream waiting for the link is not polled for input: what
		 * the app wrote before closing is still to be relayed. */
		if (stream_drain(st, true))
			stream_closed(st);
	}
flush:
	if (!client->done && !wire_conn_flush(&client->link))
		px_client_close(client, true, "link write failed: %s", strerror(errno));
	else if (!client->done)
		px_client_link_flushed(client);
}

/* The link's queue has room again: the stream, which stopped reading while it was full,
 * reads again. */
static void room_again(struct wl_listener *listener, void *data)
{
	struct px_gl_stream *st = wl_container_of(listener, st, room);
	wire_conn_set_reading(&st->conn, true);
}

/* gpupipe_v1.open_stream: takes fd, announces a channel to the host.
 * False after closing the client. */
static bool stream_open(struct px_client *client, int fd)
{
	if (!client->hello_received) {
		close(fd);
		px_client_close(client, true, "app opened a GL stream before the link was up");
		return false;
	}
	uint16_t channel = 0;
	for (uint32_t c = 1; c <= WIRE_MAX_GL_CHANNEL && !channel; c++) {
		if (!find(client, (uint16_t)c))
			channel = (uint16_t)c;
	}
	if (!channel) {
		close(fd);
		px_client_close(client, true, "app opened more than %u GL streams",
		                WIRE_MAX_GL_CHANNEL);
		return false;
	}
	struct px_gl_stream *st = calloc(1, sizeof(*st));
	if (!st || !wire_conn_init(&st->conn, fd, true, client->loop, on_stream, st)) {
		if (st)
			wire_conn_finish(&st->conn);
		else
			close(fd);
		free(st);
		px_client_close(client, true, "out of memory opening a GL stream");
		return false;
	}
	st->client = client;
	st->channel = channel;
	wl_list_insert(&client->gl_streams, &st->link);
	st->room.notify = room_again;
	wl_signal_add(&client->link_room, &st->room);
	if (!wire_frame_begin(&client->link, WIRE_GL_OPEN, channel, 0)) {
		px_client_close(client, true, "out of memory opening a GL stream");
		return false;
	}
	gp_log(DEBUG, "GL stream %u opened", channel);
	return true;
}

enum px_fd_verdict px_gpupipe_take_fd(struct px_client *client, struct wire_msg *msg, int fd)
{
	if (msg->opcode != WIRE_GPUPIPE_V1_REQ_OPEN_STREAM)
		return PX_FD_NOT_MINE;
	return stream_open(client, fd) ? PX_FD_CONSUMED : PX_FD_FAILED;
}

bool px_gl_streams_drain(struct px_client *client)
{
	struct px_gl_stream *st, *tmp;
	wl_list_for_each_safe(st, tmp, &client->gl_streams, link)
	{
		stream_drain(st, true);
		if (client->done)
			return false;
	}
	return true;
}

bool px_gl_stream_reply(struct px_client *client, uint16_t channel, const uint8_t *p, uint32_t len)
{
	struct px_gl_stream *st = find(client, channel);
	if (!st) {
		/* The app closed the stream while a reply was on its way. */
		gp_log(DEBUG, "dropping %u reply bytes for closed GL stream %u", len, channel);
		return true;
	}
	uint8_t *out = wire_conn_reserve(&st->conn, len);
	if (!out) {
		px_client_close(client, true, "out of memory relaying GL replies");
		return false;
	}
	memcpy(out, p, len);
	if (!wire_conn_flush(&st->conn))
		stream_closed(st);
	return true;
}

void px_gl_streams_finish(struct px_client *client)
{
	struct px_gl_stream *st, *tmp;
	wl_list_for_each_safe(st, tmp, &client->gl_streams, link)
	{
		stream_destroy(st);
	}
}
