/*
 * A buffered, non-blocking byte stream on a wl_event_loop: the app's
 * Wayland socket, the host compositor's socket, or the link. Input is
 * appended to `in` as it arrives (with SCM_RIGHTS fds queued beside it on
 * unix sockets); output is queued and written when the fd is writable, so
 * that a slow peer never blocks the other side of a relay.
 */
#ifndef GPUPIPE_CONN_H
#define GPUPIPE_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <wayland-server-core.h>

/* libwayland sends at most 28 fds per sendmsg; so do we. */
#define WIRE_CONN_MAX_FDS_OUT 28
/* Received fds not yet claimed by a message; more is a protocol error. */
#define WIRE_CONN_MAX_FDS_IN 256

struct wire_conn;
struct wire_frame_counts;

/* Called with the event mask when the fd has input (READABLE), hung up or
 * failed (HANGUP, ERROR), or drained queued output (WRITABLE). The handler
 * reads with wire_conn_read. */
typedef void (*wire_conn_handler)(struct wire_conn *conn, uint32_t mask, void *data);

struct wire_conn {
	int fd;                             /* read side */
	int out_fd;                         /* write side: fd, or stdout for a --stdio link */
	struct wl_event_source *out_source; /* only when out_fd != fd */
	bool fd_passing;                    /* a unix socket whose SCM_RIGHTS we read and write */
	struct wl_event_source *source;
	wire_conn_handler handler;
	void *data;

	struct wl_array in; /* received bytes; consumed from in_start */
	size_t in_start;
	int in_fds[WIRE_CONN_MAX_FDS_IN];
	unsigned n_in_fds;

	struct wl_array out; /* bytes to send; sent up to out_start */
	size_t out_start;
	struct wl_array out_fds; /* int fds owned until sent */
	/* An offset in `out` its owner tracks (an open frame), kept valid
	 * across compaction; SIZE_MAX when unset or already sent. */
	size_t out_mark;
	size_t out_mark_before; /* out_mark when the last frame began (link.c) */

	bool reading; /* false while paused for backpressure */
	bool write_waiting;
	uint64_t bytes_in, bytes_out;
	/* Link frames counted by type (link.h), where the owner asks: NULL
	 * on Wayland sockets and uncounted links. */
	struct wire_frame_counts *counts;
};

/* Takes ownership of fd (made non-blocking and close-on-exec). */
bool wire_conn_init(struct wire_conn *conn, int fd, bool fd_passing, struct wl_event_loop *loop,
                    wire_conn_handler handler, void *data);
/* A stream made of two fds (stdin and stdout of a qrexec service); no fd
 * passing. Takes ownership of both. */
bool wire_conn_init_pair(struct wire_conn *conn, int in_fd, int out_fd, struct wl_event_loop *loop,
                         wire_conn_handler handler, void *data);
/* Closes the fd and every queued fd; safe on a zeroed or finished conn. */
void wire_conn_finish(struct wire_conn *conn);

/* Reads what is available. Returns bytes read, 0 at end of stream, -1 on
 * error (errno set); EAGAIN is returned as -1 with errno EAGAIN. */
ssize_t wire_conn_read(struct wire_conn *conn);
/* The same into `buf` (up to len bytes) instead of the input buffer: for a
 * relay that reads straight into what it writes on. fds are kept as with
 * wire_conn_read. */
ssize_t wire_conn_read_to(struct wire_conn *conn, void *buf, size_t len);

static inline const uint8_t *wire_conn_in_data(const struct wire_conn *conn, size_t *len)
{
	*len = conn->in.size - conn->in_start;
	return (const uint8_t *)conn->in.data + conn->in_start;
}
void wire_conn_consume(struct wire_conn *conn, size_t n);
/* Oldest received fd, now owned by the caller; -1 if none is queued. */
int wire_conn_take_fd(struct wire_conn *conn);

/* Appends size bytes to the output queue and returns them for the caller
 * to fill (valid until the next call on conn), or NULL on allocation
 * failure. */
uint8_t *wire_conn_reserve(struct wire_conn *conn, size_t size);
/* Drops the last `size` reserved bytes that were not used. */
void wire_conn_unreserve(struct wire_conn *conn, size_t size);
/* Queues fd (ownership passes) to go out with the bytes queued so far. */
bool wire_conn_queue_fd(struct wire_conn *conn, int fd);
/* Bytes queued and not yet written. */
/* Whether fds received are waiting for wire_conn_take_fd. */
static inline bool wire_conn_fds_pending(const struct wire_conn *conn)
{
	return conn->n_in_fds > 0;
}

static inline size_t wire_conn_pending(const struct wire_conn *conn)
{
	return conn->out.size - conn->out_start;
}
/* Writes as much as the fd takes; waits for writability for the rest.
 * Returns false on a write error (the peer is gone). */
bool wire_conn_flush(struct wire_conn *conn);

/* Stops or resumes reading (backpressure while a peer's queue is full). */
void wire_conn_set_reading(struct wire_conn *conn, bool reading);

#endif
