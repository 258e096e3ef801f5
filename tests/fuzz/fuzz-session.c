/*
 * libFuzzer harness: the bytes gpupipe-proxy sends on a link, into
 * gpupipe-host's real session code (gpuhost/session-run.c, session.c, requests.c,
 * events.c, registry.c, shm.c, clipboard.c, gpupipe.c and protocols/),
 * with a compositor stand-in (standin.c) on the other side.
 *
 * Input: one byte of options, then the link's proxy-to-host byte stream.
 *   bit 0  the compositor: 0 headless weston, 1 headless sway (standin.h)
 *   bit 1  --allow-clipboard
 *   bit 2  --label work
 * GL is off (gh_options.gl): the executor has its own harness, fuzz-gl.c,
 * which does not pay for an EGL display per input.
 *
 * One input is one session, in process: socketpairs for the link and the
 * compositor connection, gh_session_init, the stream written frame by
 * frame (cut where each frame's header says it ends), and after each the
 * session's event loop and the stand-in's run until both are idle, so
 * that the compositor's answers (delete_id, configure, ...) arrive before
 * the next frame, as they did when the stream was recorded. Then the proxy
 * hangs up and gh_session_finish frees everything.
 *
 * Oracles besides ASan and UBSan: everything the host writes on the link
 * must be well-formed frames with whole Wayland messages and nothing after
 * WIRE_CLOSE; the host must never stop reading its link for good; no fd
 * and (LeakSanitizer) no memory may outlive the session; and the
 * stand-in's own checks (standin.h).
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gpupipe/log.h>
#include <gpupipe/wire.h>

#include "session.h"
#include "standin.h"

/* Rounds of the two loops without an idle moment before we call it a
 * livelock: each round moves at least a read's worth of bytes, so a valid
 * stream needs far fewer. */
#define MAX_BUSY_ROUNDS 100000

struct run {
	struct gh_session s;
	bool live; /* gh_session_init succeeded */
	struct standin *compositor;
	int link;       /* our end: the proxy's */
	size_t out_len; /* bytes in `out` */
	bool closed;    /* a WIRE_CLOSE came */
};

/* What the host sent, reassembled into frames for checking; kept across
 * inputs (a fresh megabyte each time would cost an mmap under ASan). */
static uint8_t *out;
static size_t out_cap;

static void die(const char *what)
{
	fprintf(stderr, "fuzz-session: %s\n", what);
	abort();
}

static void check_wayland(const uint8_t *p, uint32_t len)
{
	while (len > 0) {
		uint32_t word;
		if (len < 8)
			die("the host sent a Wayland frame ending inside a message header");
		memcpy(&word, p + 4, 4);
		uint32_t size = word >> 16;
		if (size < 8 || size % 4 || size > len)
			die("the host sent a Wayland message whose size does not fit its frame");
		p += size;
		len -= size;
	}
}

static void check_frame(struct run *r, const struct wire_header *h, const uint8_t *payload)
{
	if (r->closed)
		die("the host sent a frame after WIRE_CLOSE");
	switch (h->type) {
	case WIRE_CLOSE:
		if (h->size > WIRE_MAX_REASON)
			die("the host sent a close reason over WIRE_MAX_REASON");
		r->closed = true;
		break;
	case WIRE_WAYLAND:
		check_wayland(payload, h->size);
		break;
	case WIRE_HELLO:
	case WIRE_BLOB:
	case WIRE_PIPE:
	case WIRE_PIPE_DATA:
	case WIRE_PIPE_CLOSE:
	case WIRE_GL:
		break;
	default:
		die("the host sent a frame type it never sends");
	}
}

/* Reads what the host wrote, checking each whole frame. */
static bool take_output(struct run *r)
{
	bool got = false;
	for (;;) {
		if (out_cap - r->out_len < 65536) {
			size_t cap = out_cap ? out_cap * 2 : 1 << 20;
			uint8_t *bigger = realloc(out, cap);
			if (!bigger)
				die("out of memory");
			out = bigger;
			out_cap = cap;
		}
		ssize_t n = recv(r->link, out + r->out_len, out_cap - r->out_len, 0);
		if (n <= 0)
			break;
		got = true;
		r->out_len += (size_t)n;
	}
	size_t at = 0;
	while (r->out_len - at >= sizeof(struct wire_header)) {
		struct wire_header h;
		memcpy(&h, out + at, sizeof(h));
		if (h.size > WIRE_MAX_PAYLOAD)
			die("the host sent a frame over WIRE_MAX_PAYLOAD");
		if (r->out_len - at - sizeof(h) < h.size)
			break;
		check_frame(r, &h, out + at + sizeof(h));
		at += sizeof(h) + h.size;
	}
	memmove(out, out + at, r->out_len - at);
	r->out_len -= at;
	return got;
}

/* Runs the session and the stand-in until neither has anything to do. */
static void pump(struct run *r)
{
	for (unsigned round = 0; !r->s.done; round++) {
		struct pollfd pfd = {.fd = wl_event_loop_get_fd(r->s.loop), .events = POLLIN};
		bool busy = poll(&pfd, 1, 0) > 0;
		if (busy)
			wl_event_loop_dispatch(r->s.loop, 0);
		busy |= standin_dispatch(r->compositor);
		busy |= take_output(r);
		if (!busy && !standin_idle(r->compositor))
			return;
		if (round == MAX_BUSY_ROUNDS)
			die("the session and the compositor never went idle");
	}
}

static void write_all(struct run *r, const uint8_t *p, size_t n)
{
	bool stalled = false;
	while (n > 0 && !r->s.done) {
		ssize_t w = send(r->link, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			stalled = false;
			continue;
		}
		if (w < 0 && errno != EAGAIN)
			return; /* the host closed its end */
		if (stalled)
			die("the host stopped reading its link while idle");
		pump(r);
		stalled = true;
	}
}

/* Frame by frame, as far as the headers say; the rest in one piece. */
static void feed(struct run *r, const uint8_t *p, size_t len)
{
	while (len > 0 && !r->s.done) {
		size_t n = len;
		uint32_t size;
		if (len >= sizeof(struct wire_header)) {
			memcpy(&size, p, 4);
			if (size <= len - sizeof(struct wire_header))
				n = sizeof(struct wire_header) + size;
		}
		write_all(r, p, n);
		pump(r);
		p += n;
		len -= n;
	}
}

/* Open fds: a session that leaves one behind (a pipe, a memfd, a socket)
 * would cost a link process serving for days. Counted around each input
 * only: between inputs libFuzzer starts its symbolizer, with pipes. */
static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	signal(SIGPIPE, SIG_IGN);
	gp_log_init("fuzz-session", 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int fds_before = open_fds();
	struct gh_options options = {
	        .gl = false,
	        .allow_clipboard = data[0] & 2,
	        .label = data[0] & 4 ? "work" : NULL,
	};
	int link[2], comp[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, link) < 0)
		die("socketpair");
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, comp) < 0)
		die("socketpair");
	struct run r = {.link = link[0]};
	r.compositor = standin_create(comp[0], data[0] & 1 ? STANDIN_SWAY : STANDIN_WESTON);
	if (!r.compositor)
		die("cannot create the compositor stand-in");
	r.live = gh_session_init(&r.s, link[1], link[1], comp[1], &options);
	if (r.live) {
		feed(&r, data + 1, size - 1);
		/* The proxy hangs up; the session ends and says nothing more. */
		shutdown(r.link, SHUT_WR);
		pump(&r);
	}
	gh_session_finish(&r.s);
	standin_destroy(r.compositor);
	take_output(&r);
	close(r.link);
	if (open_fds() > fds_before)
		die("a session left a file descriptor open");
	return 0;
}
