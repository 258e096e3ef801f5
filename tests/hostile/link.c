/*
 * A raw link to gpupipe-host. Frames and Wayland messages are put together
 * byte by byte here, not with the library's encoders, so that a case can
 * break exactly the field it means to break; only wire.h's structs and the
 * generated opcodes are shared with the code under test.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "hostile.h"

void hl_buf_reset(struct hl_buf *b)
{
	b->len = 0;
}

void hl_buf_finish(struct hl_buf *b)
{
	free(b->data);
	*b = (struct hl_buf){0};
}

void hl_put(struct hl_buf *b, const void *p, size_t n)
{
	if (b->cap - b->len < n) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap - b->len < n)
			cap *= 2;
		uint8_t *data = realloc(b->data, cap);
		if (!data) {
			fprintf(stderr, "out of memory\n");
			abort();
		}
		b->data = data;
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
}

void hl_put_u32(struct hl_buf *b, uint32_t v)
{
	hl_put(b, &v, sizeof(v));
}

void hl_put_string(struct hl_buf *b, const char *s)
{
	static const uint8_t zeros[4];
	uint32_t len = (uint32_t)strlen(s) + 1;
	hl_put_u32(b, len);
	hl_put(b, s, len);
	hl_put(b, zeros, (4 - len % 4) % 4);
}

size_t hl_frame_begin(struct hl_buf *b, uint16_t type, uint16_t channel)
{
	size_t at = b->len;
	struct wire_header hdr = {.size = 0, .type = type, .channel = channel};
	hl_put(b, &hdr, sizeof(hdr));
	return at;
}

void hl_frame_end(struct hl_buf *b, size_t at)
{
	uint32_t size = (uint32_t)(b->len - at - sizeof(struct wire_header));
	memcpy(b->data + at, &size, sizeof(size));
}

void hl_put_frame(struct hl_buf *b, uint16_t type, uint16_t channel, const void *payload,
                  uint32_t size)
{
	struct wire_header hdr = {.size = size, .type = type, .channel = channel};
	hl_put(b, &hdr, sizeof(hdr));
	hl_put(b, payload, size);
}

size_t hl_msg_begin(struct hl_buf *b, uint32_t object, uint16_t opcode)
{
	size_t at = b->len;
	hl_put_u32(b, object);
	hl_put_u32(b, opcode);
	return at;
}

void hl_msg_end(struct hl_buf *b, size_t at)
{
	uint32_t word;
	memcpy(&word, b->data + at + 4, sizeof(word));
	word = (uint32_t)(b->len - at) << 16 | (word & 0xffff);
	memcpy(b->data + at + 4, &word, sizeof(word));
}

/* Sends a hello asking for `ask` and checks the host's answer; *granted gets
 * the features it enabled. */
static bool say_hello(struct hl_link *l, uint64_t ask, uint64_t *granted)
{
	struct wire_hello h = {.magic = WIRE_MAGIC, .version = WIRE_VERSION, .features = ask};
	hl_put_frame(&l->out, WIRE_HELLO, 0, &h, sizeof(h));
	CHECK(hl_link_flush(l));
	struct hl_frame f;
	int r = hl_link_read_frame(l, &f, hl_now_ms() + HL_WAIT_MS);
	CHECKF(r == 1, "no answer to hello (%s)", r == 0 ? "the link ended" : "timeout or error");
	if (f.hdr.type == WIRE_CLOSE)
		fprintf(stderr, "host closed: %.*s\n", (int)f.hdr.size, (const char *)f.payload);
	CHECKF(f.hdr.type == WIRE_HELLO && f.hdr.size == sizeof(h), "first frame: type %u size %u",
	       f.hdr.type, f.hdr.size);
	memcpy(&h, f.payload, sizeof(h));
	CHECK(h.magic == WIRE_MAGIC && h.version == WIRE_VERSION);
	/* The host may not grant anything we did not ask for. */
	CHECKF((h.features & ~ask) == 0, "features 0x%llx granted unasked",
	       (unsigned long long)(h.features & ~ask));
	*granted = h.features;
	return true;
}

static bool connect_link(struct hl_env *e, struct hl_link *l)
{
	memset(l, 0, sizeof(*l));
	l->index = e->n_links++;
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", e->host_sock);
	l->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CHECKF(l->fd >= 0 && connect(l->fd, (struct sockaddr *)&sun, sizeof(sun)) == 0,
	       "cannot connect to %s: %s", e->host_sock, strerror(errno));
	return true;
}

bool hl_link_open(struct hl_env *e, struct hl_link *l, bool hello)
{
	CHECK(connect_link(e, l));
	uint64_t granted;
	return !hello || say_hello(l, 0, &granted);
}

bool hl_link_open_features(struct hl_env *e, struct hl_link *l, uint64_t ask, uint64_t *granted)
{
	uint64_t probe = ask & (HL_NO_FD_PROBE | HL_FD_PROBE_WITHOUT_FD);
	if (!connect_link(e, l) || !say_hello(l, ask & ~probe, granted))
		return false;
	if (!(*granted & WIRE_FEATURE_FD_PASSING) || (probe & HL_NO_FD_PROBE))
		return true;
	if (probe & HL_FD_PROBE_WITHOUT_FD) {
		size_t at = hl_frame_begin(&l->out, WIRE_FD_PROBE, 0);
		hl_frame_end(&l->out, at);
		return hl_link_flush(l);
	}
	/* As gpupipe-proxy does: the probe, with an fd, so that the host
	 * offers GL streams shared memory. */
	int fd = memfd_create("hostile-fd-probe", MFD_CLOEXEC);
	if (fd < 0) {
		perror("memfd_create");
		return false;
	}
	size_t at = hl_frame_begin(&l->out, WIRE_FD_PROBE, 0);
	hl_frame_end(&l->out, at);
	bool sent = hl_link_flush_fd(l, fd);
	close(fd);
	return sent;
}

void hl_link_close(struct hl_link *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
	free(l->in);
	l->in = NULL;
	l->in_len = l->in_cap = l->in_start = 0;
	hl_buf_finish(&l->out);
}

bool hl_link_flush(struct hl_link *l)
{
	size_t done = 0;
	bool ok = true;
	while (done < l->out.len) {
		ssize_t n = send(l->fd, l->out.data + done, l->out.len - done, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "# send: %s (after %zu of %zu bytes)\n", strerror(errno),
			        done, l->out.len);
			ok = false;
			break;
		}
		done += (size_t)n;
	}
	hl_buf_reset(&l->out);
	return ok;
}

bool hl_link_flush_fd(struct hl_link *l, int fd)
{
	char control[CMSG_SPACE(sizeof(int))] = {0};
	struct iovec iov = {.iov_base = l->out.data, .iov_len = l->out.len};
	struct msghdr msg = {.msg_iov = &iov,
	                     .msg_iovlen = 1,
	                     .msg_control = control,
	                     .msg_controllen = sizeof(control)};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	ssize_t n;
	do {
		n = sendmsg(l->fd, &msg, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	if (n < 0) {
		fprintf(stderr, "# sendmsg with an fd: %s\n", strerror(errno));
		hl_buf_reset(&l->out);
		return false;
	}
	/* The fd went with the first byte; the rest is plain bytes. */
	memmove(l->out.data, l->out.data + n, l->out.len - (size_t)n);
	l->out.len -= (size_t)n;
	return hl_link_flush(l);
}

/* Reads what is there into l->in; 1 on data, 0 at end, -1 timeout/error. */
static int fill(struct hl_link *l, int64_t deadline)
{
	int64_t left = deadline - hl_now_ms();
	struct pollfd pfd = {.fd = l->fd, .events = POLLIN};
	if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
		return -1;
	if (l->in_start > 0) {
		memmove(l->in, l->in + l->in_start, l->in_len - l->in_start);
		l->in_len -= l->in_start;
		l->in_start = 0;
	}
	if (l->in_cap - l->in_len < 65536) {
		size_t cap = l->in_cap ? l->in_cap * 2 : 131072;
		uint8_t *in = realloc(l->in, cap);
		if (!in)
			return -1;
		l->in = in;
		l->in_cap = cap;
	}
	ssize_t n = recv(l->fd, l->in + l->in_len, l->in_cap - l->in_len, 0);
	if (n < 0 && errno == ECONNRESET)
		return 0; /* unix sockets reset when the peer closes with our bytes unread */
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : -1;
	l->in_len += (size_t)n;
	return n > 0;
}

int hl_link_read_frame(struct hl_link *l, struct hl_frame *f, int64_t deadline)
{
	for (;;) {
		size_t have = l->in_len - l->in_start;
		if (have >= sizeof(f->hdr)) {
			memcpy(&f->hdr, l->in + l->in_start, sizeof(f->hdr));
			if (f->hdr.size > WIRE_MAX_PAYLOAD) {
				fprintf(stderr, "host sent a frame of %u bytes\n", f->hdr.size);
				return -1;
			}
			if (have - sizeof(f->hdr) >= f->hdr.size) {
				f->payload = l->in + l->in_start + sizeof(f->hdr);
				l->in_start += sizeof(f->hdr) + f->hdr.size;
				return 1;
			}
		}
		int r = fill(l, deadline);
		if (r <= 0) {
			if (r == 0 && have)
				fprintf(stderr, "host ended the link inside a frame\n");
			return r;
		}
	}
}

const struct hl_global *hl_global_find(const struct hl_globals *g, const char *interface)
{
	for (unsigned i = 0; i < g->n; i++) {
		if (strcmp(g->g[i].interface, interface) == 0)
			return &g->g[i];
	}
	return NULL;
}

void hl_queue_sync(struct hl_link *l, uint32_t callback)
{
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	size_t msg = hl_msg_begin(&l->out, 1, WIRE_WL_DISPLAY_REQ_SYNC);
	hl_put_u32(&l->out, callback);
	hl_msg_end(&l->out, msg);
	hl_frame_end(&l->out, frame);
}

static uint32_t get_u32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

/* wl_registry.global: name, string interface, version. */
static void add_global(struct hl_globals *g, const uint8_t *args, uint32_t len)
{
	if (len < 12 || g->n >= sizeof(g->g) / sizeof(g->g[0]))
		return;
	uint32_t slen = get_u32(args + 4);
	uint32_t padded = (slen + 3) & ~3u;
	if (slen == 0 || slen > 63 || 8 + padded + 4 > len)
		return;
	struct hl_global *gl = &g->g[g->n++];
	gl->name = get_u32(args);
	memcpy(gl->interface, args + 8, slen);
	gl->interface[slen - 1] = '\0';
	gl->version = get_u32(args + 8 + padded);
}

/* Looks at the events of one WIRE_WAYLAND frame: 1 when the callback is
 * done, 0 to read on, -1 on a wl_display.error or a malformed event. */
static int scan_events(const struct hl_frame *f, uint32_t callback, uint32_t registry,
                       struct hl_globals *g)
{
	int done = 0;
	for (uint32_t pos = 0; pos < f->hdr.size;) {
		if (f->hdr.size - pos < 8)
			return -1;
		uint32_t id = get_u32(f->payload + pos), word = get_u32(f->payload + pos + 4);
		uint32_t size = word >> 16, opcode = word & 0xffff;
		if (size < 8 || size % 4 || size > f->hdr.size - pos) {
			fprintf(stderr, "host sent a malformed event (size %u)\n", size);
			return -1;
		}
		const uint8_t *args = f->payload + pos + 8;
		if (id == 1 && opcode == WIRE_WL_DISPLAY_EVT_ERROR) {
			fprintf(stderr, "wl_display.error on object %u, code %u\n",
			        size >= 16 ? get_u32(args) : 0, size >= 16 ? get_u32(args + 4) : 0);
			return -1;
		}
		if (registry && id == registry && opcode == WIRE_WL_REGISTRY_EVT_GLOBAL && g)
			add_global(g, args, size - 8);
		if (id == callback && opcode == WIRE_WL_CALLBACK_EVT_DONE)
			done = 1;
		pos += size;
	}
	return done;
}

bool hl_wait_done(struct hl_link *l, uint32_t callback, uint32_t registry, struct hl_globals *g)
{
	int64_t deadline = hl_now_ms() + HL_WAIT_MS;
	for (;;) {
		struct hl_frame f;
		int r = hl_link_read_frame(l, &f, deadline);
		CHECKF(r == 1, "no wl_callback.done for %u (%s)", callback,
		       r == 0 ? "the link ended" : "timeout or error");
		CHECKF(f.hdr.type != WIRE_CLOSE, "host closed the link: %.*s", (int)f.hdr.size,
		       (const char *)f.payload);
		if (f.hdr.type != WIRE_WAYLAND)
			continue; /* a keymap blob, say */
		int s = scan_events(&f, callback, registry, g);
		CHECK(s >= 0);
		if (s == 1)
			return true;
	}
}

bool hl_registry_roundtrip(struct hl_link *l, struct hl_globals *g)
{
	memset(g, 0, sizeof(*g));
	size_t frame = hl_frame_begin(&l->out, WIRE_WAYLAND, 0);
	size_t msg = hl_msg_begin(&l->out, 1, WIRE_WL_DISPLAY_REQ_GET_REGISTRY);
	hl_put_u32(&l->out, 2);
	hl_msg_end(&l->out, msg);
	msg = hl_msg_begin(&l->out, 1, WIRE_WL_DISPLAY_REQ_SYNC);
	hl_put_u32(&l->out, 3);
	hl_msg_end(&l->out, msg);
	hl_frame_end(&l->out, frame);
	CHECK(hl_link_flush(l));
	CHECK(hl_wait_done(l, 3, 2, g));
	CHECKF(hl_global_find(g, "wl_compositor") && hl_global_find(g, "wl_shm"),
	       "wl_compositor and wl_shm not among %u globals", g->n);
	return true;
}

void hl_read_until_end(struct hl_link *l, struct hl_ending *end)
{
	memset(end, 0, sizeof(*end));
	int64_t deadline = hl_now_ms() + HL_WAIT_MS;
	for (;;) {
		struct hl_frame f;
		int r = hl_link_read_frame(l, &f, deadline);
		if (r <= 0) {
			end->ended = r == 0;
			return;
		}
		if (end->closed && !end->after_close) {
			end->after_close = true;
			end->after_type = f.hdr.type;
		}
		if (f.hdr.type == WIRE_HELLO)
			end->hellos++;
		if (f.hdr.type == WIRE_CLOSE && !end->closed) {
			end->closed = true;
			uint32_t n = f.hdr.size < WIRE_MAX_REASON ? f.hdr.size : WIRE_MAX_REASON;
			memcpy(end->reason, f.payload, n);
			end->reason[n] = '\0';
			end->long_reason = f.hdr.size > WIRE_MAX_REASON;
		}
	}
}

/* Whole Wayland messages at the start of buf, in bytes. */
static size_t whole_messages(const uint8_t *buf, size_t len)
{
	size_t pos = 0;
	while (len - pos >= 8) {
		uint32_t size = get_u32(buf + pos + 4) >> 16;
		if (size < 8 || size > len - pos)
			break;
		pos += size;
	}
	return pos;
}

bool hl_compositor_globals(struct hl_env *e, struct hl_globals *g)
{
	memset(g, 0, sizeof(*g));
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", e->weston_sock);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CHECKF(fd >= 0 && connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == 0,
	       "cannot connect to weston: %s", strerror(errno));
	struct hl_buf b = {0};
	size_t msg = hl_msg_begin(&b, 1, WIRE_WL_DISPLAY_REQ_GET_REGISTRY);
	hl_put_u32(&b, 2);
	hl_msg_end(&b, msg);
	msg = hl_msg_begin(&b, 1, WIRE_WL_DISPLAY_REQ_SYNC);
	hl_put_u32(&b, 3);
	hl_msg_end(&b, msg);
	bool sent = send(fd, b.data, b.len, MSG_NOSIGNAL) == (ssize_t)b.len;
	hl_buf_finish(&b);

	uint8_t buf[65536];
	size_t len = 0;
	int done = 0;
	for (int64_t end = hl_now_ms() + HL_WAIT_MS; sent && done == 0;) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int64_t left = end - hl_now_ms();
		ssize_t n = left > 0 && poll(&pfd, 1, (int)left) > 0
		                    ? recv(fd, buf + len, sizeof(buf) - len, 0)
		                    : -1;
		if (n <= 0)
			break;
		len += (size_t)n;
		size_t whole = whole_messages(buf, len);
		struct hl_frame f = {.hdr = {.size = (uint32_t)whole}, .payload = buf};
		done = scan_events(&f, 3, 2, g);
		memmove(buf, buf + whole, len - whole);
		len -= whole;
	}
	close(fd);
	CHECKF(done == 1, "no registry round trip with weston itself");
	return true;
}
