/*
 * Clipboard transfers (protocols/pipes.c) wait for the link: a program writing 16 MiB into
 * a transfer's pipe while nobody reads the link gets no further than the link's bound
 * (wire_pipes.link_bound) plus a read, however long the loop runs; once the link is read
 * and its owner calls wire_pipes_resume, every byte arrives in order, then the close. And a
 * writer that closes its end while the transfer waits loses nothing of what it wrote.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/pipes.h>

#include "check.h"

#define HANDLE 7u

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static uint8_t byte_at(size_t i)
{
	return (uint8_t)(i * 7 + (i >> 12));
}

struct writer {
	int fd;
	size_t total;   /* bytes to write */
	size_t written; /* so far (atomic) */
	pthread_t thread;
};

static void *write_all(void *data)
{
	struct writer *w = data;
	uint8_t chunk[65536];
	while (w->written < w->total) {
		size_t n = w->total - w->written < sizeof(chunk) ? w->total - w->written
		                                                 : sizeof(chunk);
		for (size_t i = 0; i < n; i++)
			chunk[i] = byte_at(w->written + i);
		ssize_t k = write(w->fd, chunk, n);
		if (k <= 0)
			break;
		__atomic_add_fetch(&w->written, (size_t)k, __ATOMIC_RELEASE);
	}
	close(w->fd);
	return NULL;
}

struct side {
	size_t bound;
	struct wl_event_loop *loop;
	struct wire_conn link; /* the sending end, as the proxy or host holds it */
	struct wire_pipes pipes;
};

/* The link owner's part (proxy/client-run.c, gpuhost/session-run.c): room again, read again. */
static void on_link(struct wire_conn *conn, uint32_t mask, void *data)
{
	struct side *s = data;
	if ((mask & WL_EVENT_WRITABLE) && wire_conn_pending(conn) < s->bound / 2)
		wire_pipes_resume(&s->pipes);
}

static void flushed(void *data)
{
	on_link(&((struct side *)data)->link, WL_EVENT_WRITABLE, data);
}

/* The peer announces HANDLE; the side accepts it and gets a pipe to relay. */
static int open_transfer(struct side *s)
{
	struct wire_pipe msg = {.handle = HANDLE};
	CHECK(wire_pipes_frame(&s->pipes, WIRE_PIPE, (const uint8_t *)&msg, sizeof(msg)));
	int fd = wire_pipes_accept(&s->pipes, HANDLE);
	CHECK(fd >= 0);
	return fd;
}

/* Reads what the link carried, checking each byte; true once the close came. */
static bool read_link(int fd, struct wl_array *in, size_t *got)
{
	uint8_t buf[1 << 16];
	ssize_t n;
	bool closed = false;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		void *p = wl_array_add(in, (size_t)n);
		memcpy(p, buf, (size_t)n);
	}
	size_t at = 0;
	struct wire_header h;
	while (in->size - at >= sizeof(h)) {
		memcpy(&h, (uint8_t *)in->data + at, sizeof(h));
		if (in->size - at - sizeof(h) < h.size)
			break;
		const uint8_t *payload = (uint8_t *)in->data + at + sizeof(h);
		struct wire_pipe msg;
		CHECK(h.size >= sizeof(msg));
		memcpy(&msg, payload, sizeof(msg));
		CHECK(msg.handle == HANDLE);
		if (h.type == WIRE_PIPE_DATA) {
			CHECK(!closed);
			for (uint32_t i = sizeof(msg); i < h.size; i++) {
				if (payload[i] != byte_at(*got)) {
					CHECK(!"the bytes came in order");
					return true;
				}
				(*got)++;
			}
		} else {
			CHECK(h.type == WIRE_PIPE_CLOSE);
			closed = true;
		}
		at += sizeof(h) + h.size;
	}
	memmove(in->data, (uint8_t *)in->data + at, in->size - at);
	in->size -= at;
	return closed;
}

/* `total` bytes written into a transfer whose link nobody reads until the
 * loop stops moving; the transfer waits at `bound`. With `pipe_size`, the
 * pipe holds that much (F_SETPIPE_SZ), so that a writer can finish and
 * close while the transfer waits. */
static void transfer(size_t total, size_t bound, int pipe_size)
{
	int sv[2];
	CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
	struct side s = {.bound = bound, .loop = wl_event_loop_create()};
	CHECK(wire_conn_init(&s.link, sv[0], false, s.loop, on_link, &s));
	wire_pipes_init(&s.pipes, s.loop, &s.link);
	s.pipes.link_bound = bound;
	s.pipes.link_flushed = flushed;
	s.pipes.link_flushed_data = &s;
	fcntl(sv[1], F_SETFL, O_NONBLOCK);

	struct writer w = {.fd = open_transfer(&s), .total = total};
	if (pipe_size && fcntl(w.fd, F_SETPIPE_SZ, pipe_size) < pipe_size) {
		/* fs.pipe-max-size or pipe-user-pages-soft may refuse it. */
		printf("# skipped the writer that closes while waiting: F_SETPIPE_SZ %d: %s\n",
		       pipe_size, strerror(errno));
		close(w.fd);
		wire_pipes_finish(&s.pipes);
		wire_conn_finish(&s.link);
		wl_event_loop_destroy(s.loop);
		close(sv[1]);
		return;
	}
	CHECK(pthread_create(&w.thread, NULL, write_all, &w) == 0);
	/* A writer that fits in the pipe has written all before the loop is
	 * watched for stillness, however late its thread ran. */
	while (pipe_size && __atomic_load_n(&w.written, __ATOMIC_ACQUIRE) < total)
		wl_event_loop_dispatch(s.loop, 10);
	/* Nobody reads the link: the loop runs until nothing moved for 300 ms,
	 * neither the writer nor the link's queue. */
	size_t last_written = SIZE_MAX, last_queued = SIZE_MAX;
	for (double quiet_since = now(); now() - quiet_since < 0.3;) {
		wl_event_loop_dispatch(s.loop, 50);
		size_t written = __atomic_load_n(&w.written, __ATOMIC_ACQUIRE);
		size_t queued = wire_conn_pending(&s.link);
		if (written != last_written || queued != last_queued) {
			last_written = written;
			last_queued = queued;
			quiet_since = now();
		}
	}
	size_t queued = wire_conn_pending(&s.link);
	size_t written = __atomic_load_n(&w.written, __ATOMIC_ACQUIRE);
	printf("# link stalled: %zu bytes queued (bound %zu), the writer at %zu of %zu\n", queued,
	       bound, written, total);
	/* The bound, a read past it and its frame, and, once the writer closed,
	 * what its pipe held. */
	CHECK(queued <= bound + 65536 + 2 * sizeof(struct wire_header) + 8 + (size_t)pipe_size +
	                        (size_t)pipe_size / 65536 * 16);
	if (pipe_size)
		CHECK(written == total);
	else
		CHECK(written < total);

	struct wl_array in;
	wl_array_init(&in);
	size_t got = 0;
	bool closed = false;
	for (double start = now(); !closed && now() - start < 20;) {
		closed = read_link(sv[1], &in, &got);
		wl_event_loop_dispatch(s.loop, 10);
	}
	CHECK(closed);
	CHECK(got == total);
	/* Finished first: a writer still blocked then gets EPIPE, not a hang. */
	wire_pipes_finish(&s.pipes);
	pthread_join(w.thread, NULL);
	wl_array_release(&in);
	wire_conn_finish(&s.link);
	wl_event_loop_destroy(s.loop);
	close(sv[1]);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	/* 16 MiB against a 1 MiB bound: the writer waits, then all arrives. */
	transfer(16u << 20, 1u << 20, 0);
	/* 1 MiB against 256 KiB, into a 1 MiB pipe: the writer puts it all in
	 * and closes while the transfer waits; what the pipe held still comes. */
	transfer(1u << 20, 256u << 10, 1 << 20);
	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	return failures ? 1 : 0;
}
