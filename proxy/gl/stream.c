#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <GLES2/gl2.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/log.h>

#include "debug.h"
#include "shared.h"
#include "state.h"
#include "stream.h"

/* Commands collect here until a sync point; a command bigger than this
 * gets a buffer of its own size for the time it takes to write it. */
#define STREAM_BUFFER (256u << 10)

static int timeout_ms(void)
{
	static int ms;
	if (!ms) {
		const char *env = getenv("GPUPIPE_GL_TIMEOUT_MS");
		long v = env ? strtol(env, NULL, 10) : 0;
		ms = v > 0 && v < 3600000 ? (int)v : 60000;
	}
	return ms;
}

void ge_stream_lose(struct gl_enc *e, const char *why)
{
	if (e->lost)
		return;
	e->lost = true;
	if (!atomic_exchange(&e->link->lost, true))
		gp_log(WARN, "GL stream lost (%s): GL calls do nothing from now on", why);
}

bool ge_stream_lost(struct gl_enc *e)
{
	if (!e->lost && atomic_load_explicit(&e->link->lost, memory_order_relaxed))
		e->lost = true;
	return e->lost;
}

struct gl_enc *ge_stream_new(struct ge_link *link, struct ge_gl_state *gl, int fd)
{
	struct gl_enc *e = calloc(1, sizeof(*e));
	if (!e || !(e->buf = malloc(STREAM_BUFFER)) || !(e->reply = malloc(64))) {
		if (e) {
			free(e->buf);
			free(e->reply);
		}
		free(e);
		close(fd);
		return NULL;
	}
	e->cap = STREAM_BUFFER;
	e->reply_cap = 64;
	e->fd = fd;
	e->link = link;
	e->gl = gl;
	pthread_mutex_init(&e->post_lock, NULL);
	wl_array_init(&e->posted);
	return e;
}

void ge_stream_close(struct gl_enc *e)
{
	if (!e)
		return;
	ge_stream_flush(e);
	close(e->fd);
	ge_shared_free(e->shared);
	pthread_mutex_destroy(&e->post_lock);
	wl_array_release(&e->posted);
	free(e->buf);
	free(e->reply);
	free(e);
}

static bool wait_fd(struct gl_enc *e, short events)
{
	struct pollfd p = {.fd = e->fd, .events = events};
	for (;;) {
		int r = poll(&p, 1, timeout_ms());
		if (r > 0)
			return true;
		if (r == 0) {
			ge_stream_lose(e, "no progress within GPUPIPE_GL_TIMEOUT_MS");
			return false;
		}
		if (errno != EINTR) {
			ge_stream_lose(e, strerror(errno));
			return false;
		}
	}
}

/* The first bytes written after the shared memory was made carry its fd
 * (gl-stream.h): gpupipe-proxy passes it on before them. */
static ssize_t send_some(struct gl_enc *e, struct iovec *iov, int n_iov)
{
	struct msghdr msg = {.msg_iov = iov, .msg_iovlen = (size_t)n_iov};
	int fd = ge_shared_take_fd(e->shared);
	char control[CMSG_SPACE(sizeof(int))] = {0};
	if (fd >= 0) {
		msg.msg_control = control;
		msg.msg_controllen = sizeof(control);
		struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	ssize_t w = sendmsg(e->fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (fd >= 0 && w <= 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
		/* Not sent: again with the next try. */
		ge_shared_keep_fd(e->shared, fd);
		return w;
	}
	if (fd >= 0)
		close(fd);
	return w;
}

/* Writes the pieces in order, whatever the socket takes at a time. */
static bool write_iov(struct gl_enc *e, struct iovec *iov, int n_iov)
{
	while (n_iov > 0) {
		if (iov->iov_len == 0) {
			iov++;
			n_iov--;
			continue;
		}
		ssize_t w = send_some(e, iov, n_iov);
		if (w > 0) {
			size_t done = (size_t)w;
			while (n_iov > 0 && done >= iov->iov_len) {
				done -= iov->iov_len;
				iov++;
				n_iov--;
			}
			if (n_iov > 0) {
				iov->iov_base = (uint8_t *)iov->iov_base + done;
				iov->iov_len -= done;
			}
		} else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!wait_fd(e, POLLOUT))
				return false;
		} else if (w < 0 && errno == EINTR) {
			continue;
		} else {
			ge_stream_lose(e, w < 0 ? strerror(errno) : "short write");
			return false;
		}
	}
	return true;
}

static bool write_all(struct gl_enc *e, const uint8_t *p, size_t n)
{
	struct iovec iov = {.iov_base = (void *)p, .iov_len = n};
	return write_iov(e, &iov, 1);
}

static bool read_all(struct gl_enc *e, uint8_t *p, size_t n)
{
	while (n) {
		ssize_t r = recv(e->fd, p, n, MSG_DONTWAIT);
		if (r > 0) {
			p += r;
			n -= (size_t)r;
		} else if (r == 0) {
			ge_stream_lose(e, "the proxy closed the stream");
			return false;
		} else if (errno == EAGAIN || errno == EWOULDBLOCK) {
			if (!wait_fd(e, POLLIN))
				return false;
		} else if (errno != EINTR) {
			ge_stream_lose(e, strerror(errno));
			return false;
		}
	}
	return true;
}

static bool reserve(struct gl_enc *e, uint64_t need)
{
	if (need <= e->cap)
		return true;
	if (need > GL_MAX_COMMAND * 2ull)
		return false;
	uint8_t *b = realloc(e->buf, need);
	if (!b)
		return false;
	e->buf = b;
	e->cap = (uint32_t)need;
	return true;
}

/* Appends what other threads posted; at a command boundary. */
static void take_posted(struct gl_enc *e)
{
	if (!__atomic_load_n(&e->has_posted, __ATOMIC_ACQUIRE))
		return;
	pthread_mutex_lock(&e->post_lock);
	if (reserve(e, (uint64_t)e->len + e->posted.size)) {
		memcpy(e->buf + e->len, e->posted.data, e->posted.size);
		e->len += (uint32_t)e->posted.size;
	}
	e->posted.size = 0;
	__atomic_store_n(&e->has_posted, false, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&e->post_lock);
}

bool ge_stream_flush(struct gl_enc *e)
{
	if (ge_stream_lost(e))
		return false;
	take_posted(e);
	bool ok = write_all(e, e->buf, e->len);
	e->len = 0;
	if (e->cap > STREAM_BUFFER) {
		/* Give back what one big upload needed. */
		uint8_t *b = realloc(e->buf, STREAM_BUFFER);
		if (b) {
			e->buf = b;
			e->cap = STREAM_BUFFER;
		}
	}
	return ok;
}

void ge_stream_post(struct gl_enc *e, const void *cmd, uint32_t size)
{
	pthread_mutex_lock(&e->post_lock);
	void *p = wl_array_add(&e->posted, size);
	if (p) {
		memcpy(p, cmd, size);
		__atomic_store_n(&e->has_posted, true, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&e->post_lock);
}

uint8_t *ge_put_blob(uint8_t *p, const void *data, uint32_t n)
{
	p = ge_put_u32(p, n);
	if (n)
		memcpy(p, data, n);
	uint32_t pad = ((n + 3u) & ~3u) - n;
	memset(p + n, 0, pad);
	return p + n + pad;
}

uint8_t *ge_stream_op_begin(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size,
                            uint32_t extra)
{
	uint8_t *p = gl_enc_begin(e, op, size + extra);
	if (!p)
		return NULL;
	memcpy(p, fixed, size);
	return p + size;
}

bool ge_stream_op(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size)
{
	if (!ge_stream_op_begin(e, op, fixed, size, 0))
		return false;
	gl_enc_end(e);
	return true;
}

bool ge_stream_op_blob(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size,
                       const void *data, uint32_t n)
{
	uint8_t *p = ge_stream_op_begin(e, op, fixed, size, ge_blob_size(n));
	if (!p)
		return false;
	ge_put_blob(p, data, n);
	gl_enc_end(e);
	return true;
}

bool ge_stream_reply_fixed(struct gl_enc *e, uint32_t op, void *out, uint32_t size,
                           const char *malformed)
{
	uint32_t got;
	const uint8_t *reply = gl_enc_reply(e, op, &got);
	if (!reply)
		return false;
	if (got != size) {
		ge_stream_lose(e, malformed);
		return false;
	}
	memcpy(out, reply, size);
	return true;
}

/* ---- the runtime the generated encoders call (gl-codec.h) ---- */

/* A command of `payload` bytes of which `direct` will be written from the
 * app's memory (gl_enc_write_direct), the rest from the stream buffer. */
static uint8_t *begin(struct gl_enc *e, uint32_t op, uint32_t payload, uint32_t direct)
{
	if (ge_stream_lost(e))
		return NULL;
	struct ge_gl_state *gl = e->gl;
	if (gl && gl->begin_end && !gl_begin_end_allows(op) &&
	    !ge_list_compiles_in_primitive(gl, op)) {
		/* GL's answer between glBegin and glEnd, whatever entry point
		 * sent it: the host would end the link. */
		gl_enc_error(e, GL_INVALID_OPERATION);
		return NULL;
	}
	uint64_t size = 8ull + payload;
	if (size > GL_MAX_COMMAND || payload % 4) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return NULL;
	}
	uint32_t buffered = (uint32_t)size - direct;
	if (e->len + buffered > e->cap) {
		if (!ge_stream_flush(e))
			return NULL;
		if (!reserve(e, buffered)) {
			gl_enc_error(e, GL_OUT_OF_MEMORY);
			return NULL;
		}
	}
	/* What the list being made holds, as the host will see it
	 * (gles-list-prims.h). */
	if (gl && gl->list_mode)
		gles_list_prims_command(&gl->list_prims, op);
	struct gl_cmd h = {.size = (uint32_t)size, .op = op};
	uint8_t *p = e->buf + e->len;
	memcpy(p, &h, sizeof(h));
	e->open = buffered;
	return p + sizeof(h);
}

uint8_t *gl_enc_begin(struct gl_enc *e, uint32_t op, uint32_t payload)
{
	return begin(e, op, payload, 0);
}

uint8_t *gl_enc_begin_direct(struct gl_enc *e, uint32_t op, uint32_t payload, uint32_t direct)
{
	/* What is queued goes first, so that the command's pieces are the
	 * last bytes of the buffer and nothing (posted commands) lands
	 * between them. */
	if (direct && !ge_stream_flush(e))
		return NULL;
	return begin(e, op, payload, direct);
}

uint8_t *gl_enc_write_direct(struct gl_enc *e, uint8_t *p, const void *data, uint32_t n)
{
	p = ge_put_u32(p, n);
	e->direct.data = data;
	e->direct.n = n;
	e->direct.at = (uint32_t)(p - e->buf);
	uint32_t pad = ((n + 3u) & ~3u) - n;
	memset(p, 0, pad);
	return p + pad;
}

void gl_enc_end(struct gl_enc *e)
{
	e->len += e->open;
	e->open = 0;
	e->shared_in_command = 0;
	if (!e->direct.data)
		return;
	/* The blob between the bytes before it and those after (its padding
	 * first), straight from the app's memory: it is read before the GL
	 * call returns, as GL requires. */
	struct iovec iov[3] = {
	        {.iov_base = e->buf, .iov_len = e->direct.at},
	        {.iov_base = (void *)e->direct.data, .iov_len = e->direct.n},
	        {.iov_base = e->buf + e->direct.at, .iov_len = e->len - e->direct.at},
	};
	e->direct.data = NULL;
	e->len = 0;
	write_iov(e, iov, 3);
}

/* Reads the reply to `op` (already sent) into *buf (grown as needed). */
static const uint8_t *read_reply(struct gl_enc *e, uint32_t op, uint8_t **buf, uint32_t *cap,
                                 uint32_t *size)
{
	struct gl_cmd h;
	if (!read_all(e, (uint8_t *)&h, sizeof(h)))
		return NULL;
	if (h.size < 8 || h.size % 4 || h.size > GL_MAX_COMMAND || h.op != op) {
		ge_stream_lose(e, "malformed reply");
		return NULL;
	}
	uint32_t n = h.size - 8;
	if (n > *cap) {
		uint8_t *r = realloc(*buf, n);
		if (!r) {
			ge_stream_lose(e, "out of memory for a reply");
			return NULL;
		}
		*buf = r;
		*cap = n;
	}
	if (!read_all(e, *buf, n))
		return NULL;
	*size = n;
	return *buf;
}

const uint8_t *gl_enc_reply(struct gl_enc *e, uint32_t op, uint32_t *size)
{
	/* With a debug callback, the host's messages ride along: the fetch
	 * goes behind the command in the same write, its reply comes back
	 * behind the command's. */
	bool fetch = ge_debug_rides_along(e, op) && ge_debug_fetch_queue(e);
	if (!ge_stream_flush(e))
		return NULL;
	const uint8_t *r = read_reply(e, op, &e->reply, &e->reply_cap, size);
	if (r && fetch)
		ge_debug_fetch_reply(e);
	return ge_stream_lost(e) ? NULL : r;
}

/* The debug fetch's reply (debug.c): into the debug state's buffer, so
 * the command's reply stays where gl_enc_reply returned it. */
const uint8_t *ge_stream_read_reply(struct gl_enc *e, uint32_t op, uint8_t **buf, uint32_t *cap,
                                    uint32_t *size)
{
	return read_reply(e, op, buf, cap, size);
}

void gl_enc_flush(struct gl_enc *e)
{
	ge_stream_flush(e);
}
