#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gpupipe/conn.h>

/* Read in chunks of this size; a relay of 64 KiB at a time keeps latency
 * low without a syscall per message. */
#define READ_CHUNK (64u * 1024)

static int dispatch(int fd, uint32_t mask, void *data)
{
	struct wire_conn *conn = data;
	/* WRITABLE is passed on after the flush so that a relay can resume
	 * reading the peer it paused while this queue was full. */
	if ((mask & WL_EVENT_WRITABLE) && !wire_conn_flush(conn))
		mask |= WL_EVENT_ERROR;
	conn->handler(conn, mask, conn->data);
	return 0;
}

static int dispatch_out(int fd, uint32_t mask, void *data)
{
	return dispatch(fd, mask & WL_EVENT_WRITABLE ? mask : mask | WL_EVENT_ERROR, data);
}

static bool set_flags(int fd)
{
	int flags = fcntl(fd, F_GETFL);
	return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) >= 0 &&
	       fcntl(fd, F_SETFD, FD_CLOEXEC) >= 0;
}

bool wire_conn_init_pair(struct wire_conn *conn, int in_fd, int out_fd, struct wl_event_loop *loop,
                         wire_conn_handler handler, void *data)
{
	if (!wire_conn_init(conn, in_fd, false, loop, handler, data))
		goto err;
	conn->out_fd = out_fd;
	if (!set_flags(out_fd))
		goto err;
	conn->out_source = wl_event_loop_add_fd(loop, out_fd, 0, dispatch_out, conn);
	if (!conn->out_source)
		goto err;
	return true;
err:
	close(out_fd);
	conn->out_fd = conn->fd;
	return false;
}

bool wire_conn_init(struct wire_conn *conn, int fd, bool fd_passing, struct wl_event_loop *loop,
                    wire_conn_handler handler, void *data)
{
	memset(conn, 0, sizeof(*conn));
	conn->fd = fd;
	conn->out_fd = fd;
	conn->fd_passing = fd_passing;
	conn->handler = handler;
	conn->data = data;
	conn->reading = true;
	conn->out_mark = SIZE_MAX;
	wl_array_init(&conn->in);
	wl_array_init(&conn->out);
	wl_array_init(&conn->out_fds);

	if (!set_flags(fd))
		goto err;
	conn->source = wl_event_loop_add_fd(loop, fd, WL_EVENT_READABLE, dispatch, conn);
	if (!conn->source)
		goto err;
	return true;
err:
	close(fd);
	conn->fd = -1;
	return false;
}

void wire_conn_finish(struct wire_conn *conn)
{
	if (conn->source)
		wl_event_source_remove(conn->source);
	if (conn->out_source)
		wl_event_source_remove(conn->out_source);
	conn->source = conn->out_source = NULL;
	if (conn->out_fd >= 0 && conn->out_fd != conn->fd)
		close(conn->out_fd);
	if (conn->fd >= 0)
		close(conn->fd);
	conn->fd = conn->out_fd = -1;
	for (unsigned i = 0; i < conn->n_in_fds; i++)
		close(conn->in_fds[i]);
	conn->n_in_fds = 0;
	int *fd;
	/* Not on an empty array: NULL + 0 is undefined (wl-objects.c). */
	if (conn->out_fds.size) {
		wl_array_for_each(fd, &conn->out_fds)
		{
			close(*fd);
		}
	}
	wl_array_release(&conn->in);
	wl_array_release(&conn->out);
	wl_array_release(&conn->out_fds);
	wl_array_init(&conn->in);
	wl_array_init(&conn->out);
	wl_array_init(&conn->out_fds);
}

/* Moves unconsumed bytes to the front once they are a minority; *mark (a
 * position the owner tracks, or SIZE_MAX) moves with them. */
static void compact(struct wl_array *array, size_t *start, size_t *mark)
{
	if (*start == 0)
		return;
	size_t left = array->size - *start;
	if (left == 0 || *start >= left) {
		memmove(array->data, (char *)array->data + *start, left);
		array->size = left;
		if (mark && *mark != SIZE_MAX)
			*mark = *mark >= *start ? *mark - *start : SIZE_MAX;
		*start = 0;
	}
}

static bool take_fds(struct wire_conn *conn, struct msghdr *msg)
{
	bool ok = true;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		int *fds = (int *)CMSG_DATA(c);
		for (size_t i = 0; i < n; i++) {
			/* Without fd passing, any fd is unwanted: keep none, and
			 * report it so the caller can close the stream. */
			if (!conn->fd_passing || conn->n_in_fds >= WIRE_CONN_MAX_FDS_IN) {
				close(fds[i]);
				ok = false;
				continue;
			}
			conn->in_fds[conn->n_in_fds++] = fds[i];
		}
	}
	return ok;
}

ssize_t wire_conn_read_to(struct wire_conn *conn, void *buf, size_t len)
{
	struct iovec iov = {.iov_base = buf, .iov_len = len};
	char control[CMSG_SPACE(sizeof(int) * WIRE_CONN_MAX_FDS_OUT)];
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	ssize_t n;
	/* Every socket gets recvmsg with room for fds, so that an fd sent
	 * where none is allowed is noticed, not silently leaked into us. */
	msg.msg_control = control;
	msg.msg_controllen = sizeof(control);
	do {
		n = recvmsg(conn->fd, &msg, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n < 0 && errno == ENOTSOCK) {
		do {
			n = read(conn->fd, buf, len);
		} while (n < 0 && errno == EINTR);
		msg.msg_controllen = 0;
	}
	if (n < 0)
		return -1;
	if (msg.msg_controllen && !take_fds(conn, &msg)) {
		errno = EBADMSG;
		return -1;
	}
	if (msg.msg_flags & MSG_CTRUNC) {
		errno = EBADMSG;
		return -1;
	}
	conn->bytes_in += (uint64_t)n;
	return n;
}

ssize_t wire_conn_read(struct wire_conn *conn)
{
	compact(&conn->in, &conn->in_start, NULL);
	char *space = wl_array_add(&conn->in, READ_CHUNK);
	if (!space) {
		errno = ENOMEM;
		return -1;
	}
	conn->in.size -= READ_CHUNK;
	ssize_t n = wire_conn_read_to(conn, space, READ_CHUNK);
	if (n > 0)
		conn->in.size += (size_t)n;
	return n;
}

void wire_conn_consume(struct wire_conn *conn, size_t n)
{
	conn->in_start += n;
}

int wire_conn_take_fd(struct wire_conn *conn)
{
	if (conn->n_in_fds == 0)
		return -1;
	int fd = conn->in_fds[0];
	conn->n_in_fds--;
	memmove(conn->in_fds, conn->in_fds + 1, conn->n_in_fds * sizeof(int));
	return fd;
}

uint8_t *wire_conn_reserve(struct wire_conn *conn, size_t size)
{
	compact(&conn->out, &conn->out_start, &conn->out_mark);
	return wl_array_add(&conn->out, size);
}

void wire_conn_unreserve(struct wire_conn *conn, size_t size)
{
	conn->out.size -= size;
}

bool wire_conn_queue_fd(struct wire_conn *conn, int fd)
{
	int *slot = wl_array_add(&conn->out_fds, sizeof(int));
	if (!slot) {
		close(fd);
		return false;
	}
	*slot = fd;
	return true;
}

/* Sends up to WIRE_CONN_MAX_FDS_OUT queued fds with the next bytes. */
static ssize_t send_some(struct wire_conn *conn)
{
	struct iovec iov = {
	        .iov_base = (char *)conn->out.data + conn->out_start,
	        .iov_len = conn->out.size - conn->out_start,
	};
	size_t n_fds = conn->out_fds.size / sizeof(int);
	if (n_fds > WIRE_CONN_MAX_FDS_OUT)
		n_fds = WIRE_CONN_MAX_FDS_OUT;
	if (n_fds == 0 && !conn->fd_passing)
		return write(conn->out_fd, iov.iov_base, iov.iov_len);

	char control[CMSG_SPACE(sizeof(int) * WIRE_CONN_MAX_FDS_OUT)];
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	if (n_fds) {
		msg.msg_control = control;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * n_fds);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * n_fds);
		memcpy(CMSG_DATA(c), conn->out_fds.data, sizeof(int) * n_fds);
	}
	ssize_t n = sendmsg(conn->fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n >= 0 && n_fds) {
		int *fds = conn->out_fds.data;
		for (size_t i = 0; i < n_fds; i++)
			close(fds[i]);
		size_t left = conn->out_fds.size - n_fds * sizeof(int);
		memmove(fds, fds + n_fds, left);
		conn->out_fds.size = left;
	}
	return n;
}

static void update_mask(struct wire_conn *conn)
{
	uint32_t mask = conn->reading ? WL_EVENT_READABLE : 0;
	uint32_t out = conn->write_waiting ? WL_EVENT_WRITABLE : 0;
	if (conn->out_source) {
		wl_event_source_fd_update(conn->out_source, out);
		out = 0;
	}
	if (conn->source)
		wl_event_source_fd_update(conn->source, mask | out);
}

bool wire_conn_flush(struct wire_conn *conn)
{
	while (conn->out_start < conn->out.size) {
		ssize_t n = send_some(conn);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			if (!conn->write_waiting) {
				conn->write_waiting = true;
				update_mask(conn);
			}
			return true;
		}
		if (n < 0)
			return false;
		conn->out_start += (size_t)n;
		conn->bytes_out += (uint64_t)n;
	}
	conn->out.size = 0;
	conn->out_start = 0;
	conn->out_mark = SIZE_MAX;
	if (conn->write_waiting) {
		conn->write_waiting = false;
		update_mask(conn);
	}
	return true;
}

void wire_conn_set_reading(struct wire_conn *conn, bool reading)
{
	if (conn->reading == reading)
		return;
	conn->reading = reading;
	update_mask(conn);
}
