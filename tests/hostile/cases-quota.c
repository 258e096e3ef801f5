/*
 * Per-link quotas of gpupipe-host, pushed by hand-built GL streams (gl-link.h): the
 * reproducers of issue 7, each of which grew one link process by gigabytes or was
 * accepted without bound. Over the GL memory quota the app gets GL_OUT_OF_MEMORY and its
 * link goes on; over the names quota the link ends; an app that never reads its replies
 * only stalls itself. Each case checks the log line naming the quota (or the pause), that
 * the link's process stayed small, and that a fresh link is still served.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "gl-link.h"

#define GL_BUFFER_SIZE_ 0x8764

/* Peak RSS a link process may reach in these cases: llvmpipe and the
 * host's own tables, far under what the reproducers reached (2.7 GB,
 * 1.1 GB, 721 MB). */
#define MAX_LINK_RSS_MIB 400

/* glBufferData(target, size, NULL) on the bound buffer. */
static void buffer_data_null(struct hl_gl_link *g, uint64_t size)
{
	hl_gl_cmd_begin(g, GLES_OP_glBufferData);
	hl_put_u32(&g->cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(g, size);
	hl_put_u32(&g->cmds, GL_STATIC_DRAW);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

static bool buffer_size(struct hl_gl_link *g, uint32_t *size)
{
	hl_gl_cmd(g, GLES_OP_glGetBufferParameteriv, 3, GL_ARRAY_BUFFER, GL_BUFFER_SIZE_, 4u);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t n;
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glGetBufferParameteriv, &n);
	CHECKF(p && n == 8, "glGetBufferParameteriv reply of %u bytes", p ? n : 0);
	memcpy(size, p + 4, 4);
	return true;
}

static void gen_one(struct hl_gl_link *g, uint32_t op, uint32_t name)
{
	hl_gl_cmd_begin(g, op);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

/* The link process of g, and that its peak RSS stayed under the bound. */
static bool link_stayed_small(struct hl_env *e, struct hl_gl_link *g, long *peak_kib)
{
	pid_t pid = hl_link_pid(e, g->l.index);
	CHECK(pid > 0);
	*peak_kib = hl_peak_rss_kib(pid);
	CHECKF(*peak_kib > 0, "cannot read the peak RSS of link process %d", (int)pid);
	fprintf(stderr, "# link process %d: peak RSS %ld MiB\n", (int)pid, *peak_kib / 1024);
	CHECKF(*peak_kib < MAX_LINK_RSS_MIB * 1024L, "link process %d reached %ld MiB", (int)pid,
	       *peak_kib / 1024);
	return true;
}

/* The first reproducer, with the default quota (1 GiB): 4 x glBufferData(2^31,
 * NULL). None reaches the driver; glGetError says GL_OUT_OF_MEMORY once (GL keeps one
 * flag per error), the buffer keeps its size 0, a small store still works. */
static bool gl_buffer_data_past_the_default_gl_memory_quota_gives_out_of_memory(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_one(&g, GLES_OP_glGenBuffers, 5);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, 5u);
	for (int i = 0; i < 4; i++)
		buffer_data_null(&g, 1ull << 31);
	uint32_t err, size;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "glGetError is 0x%x, not GL_OUT_OF_MEMORY", err);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a second glGetError is 0x%x", err);
	CHECK(buffer_size(&g, &size));
	CHECKF(size == 0, "the refused buffer has %u bytes", size);
	buffer_data_null(&g, 4096);
	CHECK(hl_gl_get_error(&g, &err) && buffer_size(&g, &size));
	CHECKF(err == GL_NO_ERROR && size == 4096, "a 4096-byte store: error 0x%x, size %u", err,
	       size);
	char line[1200];
	CHECKF(hl_log_has(e, line, sizeof(line),
	                  "GL memory quota: glBufferData of 2147483648 bytes", "--quota-gl-memory",
	                  NULL),
	       "no log line names the GL memory quota");
	fprintf(stderr, "# log: %s\n", line);
	long peak;
	CHECK(link_stayed_small(e, &g, &peak));
	return hl_gl_close_served(e, &g);
}

/* glTexImage2D(level, size, NULL) on texture 7 (bound to GL_TEXTURE_2D), RGBA bytes. */
static void tex_image(struct hl_gl_link *g, uint32_t level, uint32_t size)
{
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, level, GL_RGBA, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* The second reproducer, 4 x glTexImage2D(8192 x 8192 RGBA, NULL) (256 MiB each), against
 * --quota-gl-memory 64M: each is refused; a 1024 x 1024 image (4 MiB) still fits, and
 * deleting the texture gives its bytes back for another. */
static bool gl_texture_images_past_the_gl_memory_quota_give_out_of_memory(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	gen_one(&g, GLES_OP_glGenTextures, 7);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7u);
	for (int i = 0; i < 4; i++)
		tex_image(&g, 0, 8192);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "glGetError is 0x%x, not GL_OUT_OF_MEMORY", err);
	for (int i = 0; i < 12; i++)
		tex_image(&g, 0, 1024); /* the same image, respecified: 4 MiB, not 48 */
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "a 1024x1024 image: glGetError 0x%x", err);
	/* With texture 7's, 15 images of 4 MiB fill 60 MiB; a 16th passes 64 MiB (the
	 * surface is charged too). */
	for (uint32_t t = 8; t < 23; t++) {
		gen_one(&g, GLES_OP_glGenTextures, t);
		hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, t);
		tex_image(&g, 0, 1024);
	}
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "16 x 4 MiB in a 64 MiB quota: glGetError 0x%x", err);
	hl_gl_cmd_begin(&g, GLES_OP_glDeleteTextures);
	hl_put_u32(&g.cmds, 1);
	uint32_t seven = 7;
	hl_gl_put_blob(&g, &seven, 4);
	hl_gl_cmd_end(&g);
	tex_image(&g, 0, 1024); /* texture 22, bound: refused before, fits now */
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "after glDeleteTextures: glGetError 0x%x", err);
	CHECKF(hl_log_has(e, NULL, 0, "GL memory quota: glTexImage2D of 268435456 bytes",
	                  "--quota-gl-memory", NULL),
	       "no log line names the GL memory quota");
	long peak;
	CHECK(link_stayed_small(e, &g, &peak));
	return hl_gl_close_served(e, &g);
}

/* The third reproducer, 10 x glGenBuffers(100000): the names are the app's own (no round
 * trip), so an error code would leave it using names the host lacks; the link ends before
 * the driver makes any, with the default quota (65536). */
static bool gl_gen_buffers_past_the_names_quota_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	uint32_t *names = malloc(100000 * sizeof(*names));
	CHECK(names);
	for (uint32_t round = 0; round < 10; round++) {
		for (uint32_t i = 0; i < 100000; i++)
			names[i] = 1 + round * 100000 + i;
		hl_gl_cmd_begin(&g, GLES_OP_glGenBuffers);
		hl_put_u32(&g.cmds, 100000);
		hl_gl_put_blob(&g, names, 100000 * sizeof(*names));
		hl_gl_cmd_end(&g);
		hl_gl_send(&g, CH, 0); /* the host may be gone: errors are expected */
	}
	free(names);
	free(g.rep);
	hl_buf_finish(&g.cmds);
	return hl_refused(e, &g.l,
	                  "glGenBuffers: 100000 new names would pass the GL names quota (the "
	                  "link holds 0 of 65536 names, --quota-gl-names)");
}

/* ---- replies never read ---- */

/* Megabytes of glGetError the flood sends (GPUPIPE_FLOOD_MIB, to measure at scale). */
static size_t flood_mib(void)
{
	const char *v = getenv("GPUPIPE_FLOOD_MIB");
	long n = v ? strtol(v, NULL, 10) : 0;
	return n > 0 && n < 4096 ? (size_t)n : 32;
}

/* The debug line of link process pid saying it paused the link. */
static bool paused(struct hl_env *e, pid_t pid)
{
	char needle[64];
	snprintf(needle, sizeof(needle), "[gpupipe-host[%d] ", (int)pid);
	return hl_log_has(e, NULL, 0, needle, "pausing the link: ", "--quota-queued", NULL);
}

/* Sends frames of glGetError until `total` bytes went, or the host stopped reading for
 * 2 s and logged that it paused the link (then *stalled). *sent: bytes of whole commands
 * sent. */
static bool flood(struct hl_env *e, pid_t pid, struct hl_gl_link *g, const uint8_t *frame,
                  size_t frame_len, size_t total, size_t *sent, bool *stalled)
{
	size_t in_frame = 0;
	*sent = 0;
	*stalled = false;
	while (*sent < total) {
		ssize_t n = send(g->l.fd, frame + in_frame, frame_len - in_frame,
		                 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			struct pollfd pfd = {.fd = g->l.fd, .events = POLLOUT};
			if (poll(&pfd, 1, 2000) == 0 && paused(e, pid)) {
				*stalled = true;
				break;
			}
			continue;
		}
		CHECKF(n >= 0, "send: %s", strerror(errno));
		in_frame += (size_t)n;
		if (in_frame == frame_len) {
			*sent += frame_len - sizeof(struct wire_header);
			in_frame = 0;
		}
	}
	/* The rest of a frame cut short goes with the draining (drain_replies). */
	if (in_frame) {
		hl_put(&g->l.out, frame + in_frame, frame_len - in_frame);
		*sent += frame_len - sizeof(struct wire_header);
	}
	return true;
}

/* Sends what is left in l.out and reads replies, both as the host lets us, until `bytes`
 * of replies came (each glGetError reply is 12 bytes). */
static bool drain_replies(struct hl_gl_link *g, uint64_t bytes)
{
	uint64_t got = 0;
	size_t out = 0;
	int64_t deadline = hl_now_ms() + 12 * HL_WAIT_MS;
	while (got < bytes) {
		if (out < g->l.out.len) {
			ssize_t n = send(g->l.fd, g->l.out.data + out, g->l.out.len - out,
			                 MSG_NOSIGNAL | MSG_DONTWAIT);
			CHECKF(n >= 0 || errno == EAGAIN || errno == EINTR, "send: %s",
			       strerror(errno));
			out += n > 0 ? (size_t)n : 0;
		}
		struct hl_frame f;
		bool sending = out < g->l.out.len;
		int r = hl_link_read_frame(&g->l, &f, sending ? hl_now_ms() + 20 : deadline);
		if (r == -1 && sending && hl_now_ms() < deadline)
			continue;
		CHECKF(r == 1, "%llu of %llu reply bytes came, then %s", (unsigned long long)got,
		       (unsigned long long)bytes, r == 0 ? "the link ended" : "nothing");
		CHECKF(f.hdr.type != WIRE_CLOSE, "host closed: %.*s", (int)f.hdr.size,
		       (const char *)f.payload);
		if (f.hdr.type == WIRE_GL && f.hdr.channel == CH)
			got += f.hdr.size;
	}
	CHECKF(got == bytes, "%llu reply bytes, expected %llu", (unsigned long long)got,
	       (unsigned long long)bytes);
	hl_buf_reset(&g->l.out);
	return true;
}

/* The fourth reproducer: glGetError streamed without reading a reply grew a link process
 * by 2.8 bytes per byte sent, without bound. Now the host stops reading (and running what
 * it has read) while its replies wait over --quota-queued (16 MiB), says so at debug
 * level, and stays small; once the app reads, every reply comes, in order. */
static bool gl_replies_never_read_stall_only_their_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err)); /* the stream is set up: the baseline */
	pid_t pid = hl_link_pid(e, g.l.index);
	CHECK(pid > 0);
	long before = hl_peak_rss_kib(pid);
	CHECK(before > 0);

	size_t cmds = (1u << 20) / sizeof(struct gl_cmd);
	struct hl_buf frame = {0};
	struct wire_header hdr = {
	        .size = (uint32_t)(cmds * sizeof(struct gl_cmd)), .type = WIRE_GL, .channel = CH};
	hl_put(&frame, &hdr, sizeof(hdr));
	struct gl_cmd get_error = {.size = sizeof(struct gl_cmd), .op = GLES_OP_glGetError};
	for (size_t i = 0; i < cmds; i++)
		hl_put(&frame, &get_error, sizeof(get_error));
	size_t total = flood_mib() << 20, sent;
	bool stalled;
	bool ok = flood(e, pid, &g, frame.data, frame.len, total, &sent, &stalled);
	hl_buf_finish(&frame);
	CHECK(ok);
	long after = hl_peak_rss_kib(pid);
	fprintf(stderr,
	        "# %zu MiB of glGetError sent (%s), replies unread: link process peak RSS %ld "
	        "MiB, %ld MiB over its %ld MiB before\n",
	        sent >> 20, stalled ? "then the host stopped reading" : "all of it", after / 1024,
	        (after - before) / 1024, before / 1024);
	CHECKF(stalled, "the host read all %zu MiB without pausing", total >> 20);
	CHECKF(after - before < 48 * 1024, "the link process grew by %ld MiB",
	       (after - before) / 1024);

	/* Read this time: every command is answered. */
	CHECK(drain_replies(&g, (uint64_t)sent / sizeof(struct gl_cmd) * 12));
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "glGetError after the flood: 0x%x", err);
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_quota_cases[] = {
        HL_CASE(gl_buffer_data_past_the_default_gl_memory_quota_gives_out_of_memory),
        HL_CASE_ARGS(gl_texture_images_past_the_gl_memory_quota_give_out_of_memory,
                     "--quota-gl-memory", "64M"),
        HL_CASE(gl_gen_buffers_past_the_names_quota_ends_the_link),
        HL_CASE_ARGS(gl_replies_never_read_stall_only_their_link, "-v"),
};
const size_t hl_quota_case_count = sizeof(hl_quota_cases) / sizeof(hl_quota_cases[0]);
