#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/pipes.h>

struct wire_pipe_dest {
	struct wl_list link;
	struct wire_pipes *pipes;
	uint32_t handle;
	struct wire_conn conn; /* write-only: queued data for the fd */
	bool closing;          /* PIPE_CLOSE came: close once drained */
};

struct wire_pipe_source {
	struct wl_list link;
	struct wire_pipes *pipes;
	uint32_t handle; /* the peer's handle */
	struct wire_conn conn;
};

void wire_pipes_init(struct wire_pipes *pipes, struct wl_event_loop *loop, struct wire_conn *link)
{
	memset(pipes, 0, sizeof(*pipes));
	pipes->loop = loop;
	pipes->link = link;
	pipes->next_handle = 1;
	wl_list_init(&pipes->dests);
	wl_list_init(&pipes->sources);
	wl_array_init(&pipes->peer_handles);
}

static void dest_destroy(struct wire_pipe_dest *d)
{
	wl_list_remove(&d->link);
	wire_conn_finish(&d->conn);
	free(d);
}

static void source_destroy(struct wire_pipe_source *src)
{
	wl_list_remove(&src->link);
	wire_conn_finish(&src->conn);
	free(src);
}

void wire_pipes_finish(struct wire_pipes *pipes)
{
	struct wire_pipe_dest *d, *dt;
	wl_list_for_each_safe(d, dt, &pipes->dests, link) dest_destroy(d);
	struct wire_pipe_source *s, *st;
	wl_list_for_each_safe(s, st, &pipes->sources, link) source_destroy(s);
	wl_array_release(&pipes->peer_handles);
}

static void on_dest(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct wire_pipe_dest *d = data;
	/* The reader went away (HANGUP/ERROR) or all was written after the
	 * close: the transfer is over. */
	if ((mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR)) ||
	    (d->closing && wire_conn_pending(&d->conn) == 0))
		dest_destroy(d);
}

uint32_t wire_pipes_announce(struct wire_pipes *pipes, int fd)
{
	if (wl_list_length(&pipes->dests) >= WIRE_MAX_PIPES) {
		close(fd);
		snprintf(pipes->error, sizeof(pipes->error), "too many open transfers");
		return 0;
	}
	struct wire_pipe_dest *d = calloc(1, sizeof(*d));
	if (!d || !wire_conn_init(&d->conn, fd, false, pipes->loop, on_dest, d)) {
		if (!d)
			close(fd);
		free(d);
		snprintf(pipes->error, sizeof(pipes->error), "out of memory");
		return 0;
	}
	/* Only errors and writability matter for a write end. */
	wire_conn_set_reading(&d->conn, false);
	d->pipes = pipes;
	d->handle = pipes->next_handle++;
	wl_list_insert(&pipes->dests, &d->link);
	struct wire_pipe msg = {.handle = d->handle};
	uint8_t *p = wire_frame_begin(pipes->link, WIRE_PIPE, 0, sizeof(msg));
	if (p)
		memcpy(p, &msg, sizeof(msg));
	return d->handle;
}

static void send_close(struct wire_pipes *pipes, uint32_t handle)
{
	struct wire_pipe msg = {.handle = handle};
	uint8_t *p = wire_frame_begin(pipes->link, WIRE_PIPE_CLOSE, 0, sizeof(msg));
	if (p)
		memcpy(p, &msg, sizeof(msg));
}

static void on_source(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct wire_pipe_source *src = data;
	struct wire_pipes *pipes = src->pipes;
	bool hangup = mask & (WL_EVENT_HANGUP | WL_EVENT_ERROR);
	if (!hangup && pipes->link_bound && wire_conn_pending(pipes->link) > pipes->link_bound) {
		wire_conn_set_reading(conn, false);
		return;
	}
	/* After a hangup, what the writer left in the pipe (a pipe's worth at
	 * most) is still read, one read an event, whatever the link holds:
	 * epoll reports a hangup even to a source that waits. */
	ssize_t n = (mask & WL_EVENT_READABLE) || hangup ? wire_conn_read(conn) : 0;
	if (n < 0 && errno == EAGAIN)
		return;
	size_t len;
	const uint8_t *bytes = wire_conn_in_data(conn, &len);
	while (len > 0) {
		uint32_t chunk = len > 65536 ? 65536 : (uint32_t)len;
		struct wire_pipe msg = {.handle = src->handle};
		uint8_t *p = wire_frame_begin(pipes->link, WIRE_PIPE_DATA, 0, sizeof(msg) + chunk);
		if (!p)
			break;
		memcpy(p, &msg, sizeof(msg));
		memcpy(p + sizeof(msg), bytes, chunk);
		bytes += chunk;
		len -= chunk;
		wire_conn_consume(conn, chunk);
	}
	if (n <= 0) {
		send_close(pipes, src->handle);
		source_destroy(src);
	}
	if (wire_conn_flush(pipes->link) && pipes->link_flushed)
		pipes->link_flushed(pipes->link_flushed_data);
}

void wire_pipes_resume(struct wire_pipes *pipes)
{
	struct wire_pipe_source *src;
	wl_list_for_each(src, &pipes->sources, link)
	{
		wire_conn_set_reading(&src->conn, true);
	}
}

static bool take_peer_handle(struct wire_pipes *pipes, uint32_t handle)
{
	uint32_t *h;
	if (!pipes->peer_handles.size)
		return false; /* and no NULL + 0 (see wl-objects.c) */
	wl_array_for_each(h, &pipes->peer_handles)
	{
		if (*h == handle) {
			uint32_t *last = (uint32_t *)((char *)pipes->peer_handles.data +
			                              pipes->peer_handles.size) -
			                 1;
			*h = *last;
			pipes->peer_handles.size -= sizeof(uint32_t);
			return true;
		}
	}
	return false;
}

int wire_pipes_accept(struct wire_pipes *pipes, uint32_t handle)
{
	if (!take_peer_handle(pipes, handle)) {
		snprintf(pipes->error, sizeof(pipes->error),
		         "fd handle %u is not an announced pipe", handle);
		return -1;
	}
	int fds[2];
	struct wire_pipe_source *src = calloc(1, sizeof(*src));
	if (!src || pipe2(fds, O_CLOEXEC) < 0) {
		free(src);
		snprintf(pipes->error, sizeof(pipes->error), "cannot make a pipe: %s",
		         strerror(errno));
		return -1;
	}
	if (!wire_conn_init(&src->conn, fds[0], false, pipes->loop, on_source, src)) {
		free(src);
		close(fds[1]);
		snprintf(pipes->error, sizeof(pipes->error), "out of memory");
		return -1;
	}
	src->pipes = pipes;
	src->handle = handle;
	wl_list_insert(&pipes->sources, &src->link);
	return fds[1];
}

static struct wire_pipe_dest *find_dest(struct wire_pipes *pipes, uint32_t handle)
{
	struct wire_pipe_dest *d;
	wl_list_for_each(d, &pipes->dests, link)
	{
		if (d->handle == handle)
			return d;
	}
	return NULL;
}

static bool on_announce(struct wire_pipes *pipes, uint32_t handle)
{
	uint32_t *h;
	if (pipes->peer_handles.size) { /* no NULL + 0 (see wl-objects.c) */
		wl_array_for_each(h, &pipes->peer_handles)
		{
			if (*h == handle)
				goto bad;
		}
	}
	if (handle == 0 || pipes->peer_handles.size / sizeof(uint32_t) >= WIRE_MAX_PIPES)
		goto bad;
	h = wl_array_add(&pipes->peer_handles, sizeof(*h));
	if (!h)
		goto bad;
	*h = handle;
	return true;
bad:
	snprintf(pipes->error, sizeof(pipes->error),
	         "pipe handle %u is 0, in use, or past the limit of %d", handle, WIRE_MAX_PIPES);
	return false;
}

bool wire_pipes_frame(struct wire_pipes *pipes, uint16_t type, const uint8_t *payload,
                      uint32_t size)
{
	struct wire_pipe msg;
	if (size < sizeof(msg) || (type != WIRE_PIPE_DATA && size != sizeof(msg))) {
		snprintf(pipes->error, sizeof(pipes->error), "%s frame of %u bytes",
		         wire_type_name(type), size);
		return false;
	}
	memcpy(&msg, payload, sizeof(msg));
	if (type == WIRE_PIPE)
		return on_announce(pipes, msg.handle);
	struct wire_pipe_dest *d = find_dest(pipes, msg.handle);
	if (!d) {
		/* The destination may have hung up already; data for a
		 * handle we never announced is the peer's error. */
		if (msg.handle != 0 && msg.handle < pipes->next_handle)
			return true;
		snprintf(pipes->error, sizeof(pipes->error), "%s for unknown pipe handle %u",
		         wire_type_name(type), msg.handle);
		return false;
	}
	if (type == WIRE_PIPE_CLOSE) {
		d->closing = true;
		if (wire_conn_pending(&d->conn) == 0)
			dest_destroy(d);
		return true;
	}
	uint32_t len = size - sizeof(msg);
	if (wire_conn_pending(&d->conn) + len > WIRE_MAX_PIPE_QUEUE) {
		gp_log(WARN, "cutting a transfer: its reader is not keeping up");
		dest_destroy(d);
		return true;
	}
	uint8_t *out = wire_conn_reserve(&d->conn, len);
	if (out) {
		memcpy(out, payload + sizeof(msg), len);
		wire_conn_flush(&d->conn);
	}
	return true;
}
