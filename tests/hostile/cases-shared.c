/*
 * Hostile shared memory for uploads (gl-stream.h, "Shared memory"; wire.h,
 * WIRE_FEATURE_FD_PASSING and WIRE_GL_SHARED). On a link whose hello asked
 * for fd passing, a GL stream may be given one memfd, sealed against
 * shrinking, of GL_SHARED_HEADER + d bytes (d in GL_SHARED_MIN_DATA..
 * GL_SHARED_MAX_DATA), by a WIRE_GL_SHARED frame with the fd attached; its
 * uploads may then name pixels there (GL_BLOB_SHARED: n bytes at position
 * pos, data offset pos % d). Each refused case breaks one of those rules and
 * hands the link to hl_refused; gl_shared_upload_is_served does all of it
 * right, so that they fail for the reason they name.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "gl-link.h"
#include "gles-codec.h"

/* The texture and framebuffer names of the uploads, and the bytes of a
 * SIZE x SIZE RGBA image. */
#define TEX 30u
#define FBO 31u
#define IMAGE_BYTES (SIZE * SIZE * 4u)
/* Where the control places its image in the shared memory's data. */
#define POS 40000u

/* A memfd of `size` bytes (sparse) with `seals` added (0: none); -1 after
 * saying why. */
static int make_memfd(uint64_t size, unsigned seals)
{
	int fd = memfd_create("hostile-shared", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0) {
		perror("memfd_create");
		return -1;
	}
	if (ftruncate(fd, (off_t)size) < 0 || (seals && fcntl(fd, F_ADD_SEALS, seals) < 0)) {
		perror("sizing or sealing a memfd");
		close(fd);
		return -1;
	}
	return fd;
}

/* The memfd the library makes: GL_SHARED_HEADER + data bytes, sealed. */
static int shared_memfd(uint64_t data)
{
	return make_memfd(GL_SHARED_HEADER + data, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
}

/* Sends a WIRE_GL_SHARED frame on channel ch (after what is queued) with fd
 * attached, and closes our copy of fd. */
static bool send_shared(struct hl_gl_link *g, uint16_t ch, int fd)
{
	hl_gl_empty_frame(g, WIRE_GL_SHARED, ch);
	bool sent = hl_link_flush_fd(&g->l, fd);
	close(fd);
	return sent;
}

/* A GLES 2 context and pbuffer current on CH of a link whose hello asked for
 * fd passing: the host grants it and offers shared memory in GL_OP_INIT. */
static bool ready_shared(struct hl_env *e, struct hl_gl_link *g)
{
	CHECK(hl_gl_ready_features(e, g, WIRE_FEATURE_FD_PASSING));
	CHECKF(g->features == WIRE_FEATURE_FD_PASSING, "the host enabled features 0x%llx",
	       (unsigned long long)g->features);
	CHECKF(g->host_features & GL_HOST_SHARED_MEMORY,
	       "GL_OP_INIT does not offer shared memory (features 0x%x)", g->host_features);
	return true;
}

/* ready_shared, then a WIRE_GL_SHARED of a memfd of `data` data bytes. */
static bool ready_with_memory(struct hl_env *e, struct hl_gl_link *g, uint64_t data)
{
	CHECK(ready_shared(e, g));
	int fd = shared_memfd(data);
	CHECK(fd >= 0);
	return send_shared(g, CH, fd);
}

/* Texture TEX: SIZE x SIZE RGBA, no pixels, bound to GL_TEXTURE_2D. */
static void texture(struct hl_gl_link *g)
{
	uint32_t name = TEX;
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, TEX);
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	const uint32_t args[8] = {GL_TEXTURE_2D, 0, GL_RGBA, SIZE,
	                          SIZE,          0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (int i = 0; i < 8; i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* glTexSubImage2D of w x h RGBA texels at 0,0 of the bound texture, their n
 * bytes at position pos of the shared memory (GL_BLOB_SHARED). */
static void sub_image_shared(struct hl_gl_link *g, uint32_t w, uint32_t h, uint32_t n, uint64_t pos)
{
	hl_gl_cmd_begin(g, GLES_OP_glTexSubImage2D);
	const uint32_t args[8] = {GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE};
	for (int i = 0; i < 8; i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_put_u32(&g->cmds, GL_BLOB_SHARED);
	hl_put_u32(&g->cmds, n);
	hl_gl_put_u64(g, pos);
	hl_gl_cmd_end(g);
}

/* --- the link's feature --- */

/* Fd passing granted, a WIRE_GL_SHARED frame with no fd beside it. */
static bool gl_shared_frame_without_its_fd_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	hl_gl_empty_frame(&g, WIRE_GL_SHARED, CH);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gl-shared frame on channel 1 without its fd");
}

/* --no-shared-memory: the hello asking for fd passing is answered without
 * it, GL_OP_INIT offers no shared memory, and a memfd sent anyway (as the
 * library would send it) ends the link. */
static bool gl_shared_memory_sent_to_a_host_with_no_shared_memory_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_features(e, &g, WIRE_FEATURE_FD_PASSING));
	CHECKF(g.features == 0, "the host enabled features 0x%llx under --no-shared-memory",
	       (unsigned long long)g.features);
	CHECKF(!(g.host_features & GL_HOST_SHARED_MEMORY),
	       "GL_OP_INIT offers shared memory under --no-shared-memory");
	int fd = shared_memfd(GL_SHARED_MIN_DATA);
	CHECK(fd >= 0);
	send_shared(&g, CH, fd);
	return hl_refused(e, &g.l,
	                  "the link sent a file descriptor, but fd passing is not enabled");
}

/* A host that offers shared memory, a hello that did not ask for fd passing:
 * the same memfd ends the link. */
static bool gl_shared_memory_on_a_link_that_did_not_ask_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	CHECKF(!(g.host_features & GL_HOST_SHARED_MEMORY),
	       "GL_OP_INIT offers shared memory on a link without fd passing");
	int fd = shared_memfd(GL_SHARED_MIN_DATA);
	CHECK(fd >= 0);
	send_shared(&g, CH, fd);
	return hl_refused(e, &g.l,
	                  "the link sent a file descriptor, but fd passing is not enabled");
}

/* A probe that comes without its fd (a relay that drops fds): the link goes
 * on, and GL_OP_INIT offers no shared memory. */
static bool gl_fd_probe_without_its_fd_gives_no_shared_memory(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_features(e, &g, WIRE_FEATURE_FD_PASSING | HL_FD_PROBE_WITHOUT_FD));
	CHECKF(g.features == WIRE_FEATURE_FD_PASSING, "the host enabled features 0x%llx",
	       (unsigned long long)g.features);
	CHECKF(!(g.host_features & GL_HOST_SHARED_MEMORY),
	       "GL_OP_INIT offers shared memory though the probe's fd did not arrive");
	return hl_gl_close_served(e, &g);
}

/* A probe without an fd on link `g`: the host refuses it, saying `why`. */
static bool probe_refused(struct hl_env *e, struct hl_gl_link *g, const char *why)
{
	hl_gl_empty_frame(g, WIRE_FD_PROBE, 0);
	hl_link_flush(&g->l);
	return hl_refused(e, &g->l, why);
}

/* A second probe, after the one with its fd. */
static bool gl_fd_probe_twice_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	return probe_refused(e, &g, "fd-probe frame a second time");
}

/* A probe on a link whose hello did not ask for fd passing. */
static bool gl_fd_probe_without_fd_passing_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	return probe_refused(e, &g, "fd-probe frame without fd passing");
}

/* --- the fd --- */

static bool gl_shared_memory_that_is_a_pipe_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	int p[2];
	CHECK(pipe2(p, O_CLOEXEC) == 0);
	close(p[1]);
	send_shared(&g, CH, p[0]);
	return hl_refused(e, &g.l,
	                  "GL stream 1: shared memory: not a memfd sealed against shrinking");
}

/* A memfd of `size` bytes with `seals` as the stream's shared memory: the
 * host refuses it, saying `why`. */
static bool memfd_refused(struct hl_env *e, uint64_t size, unsigned seals, const char *why)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	int fd = make_memfd(size, seals);
	CHECK(fd >= 0);
	send_shared(&g, CH, fd);
	char reason[128];
	snprintf(reason, sizeof(reason), "GL stream 1: shared memory: %s", why);
	return hl_refused(e, &g.l, reason);
}

/* A memfd of a size in bounds, not sealed: the app could shrink it under the
 * host's mapping (SIGBUS). */
static bool gl_shared_memory_not_sealed_ends_the_link(struct hl_env *e)
{
	return memfd_refused(e, GL_SHARED_HEADER + GL_SHARED_MIN_DATA, 0,
	                     "not a memfd sealed against shrinking");
}

/* Sealed against growing, not shrinking: sealed, but not the seal that keeps
 * the host's pages. */
static bool gl_shared_memory_sealed_only_against_growing_ends_the_link(struct hl_env *e)
{
	return memfd_refused(e, GL_SHARED_HEADER + GL_SHARED_MIN_DATA, F_SEAL_GROW | F_SEAL_WRITE,
	                     "not a memfd sealed against shrinking");
}

/* The header alone (4096 bytes): no data bytes at all. */
static bool gl_shared_memory_too_small_ends_the_link(struct hl_env *e)
{
	return memfd_refused(e, GL_SHARED_HEADER, F_SEAL_SHRINK | F_SEAL_GROW,
	                     "size outside its bounds");
}

/* A page past GL_SHARED_MAX_DATA (sparse: it costs no memory). */
static bool gl_shared_memory_too_big_ends_the_link(struct hl_env *e)
{
	return memfd_refused(e, GL_SHARED_HEADER + (uint64_t)GL_SHARED_MAX_DATA + 4096,
	                     F_SEAL_SHRINK | F_SEAL_GROW, "size outside its bounds");
}

/* --- the stream --- */

/* Two valid memfds for the same stream: at most one per stream. */
static bool gl_second_shared_memory_for_a_stream_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MIN_DATA));
	int fd = shared_memfd(GL_SHARED_MIN_DATA);
	CHECK(fd >= 0);
	send_shared(&g, CH, fd);
	return hl_refused(e, &g.l,
	                  "GL stream 1: shared memory: the stream has shared memory already");
}

/* Memfds of GL_SHARED_MAX_DATA for channels 1 to 8, sparse (they cost no
 * memory): the link's streams may map 512 MiB together, headers counted, so
 * the eighth is refused. */
static bool gl_shared_memory_past_the_link_total_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	for (uint16_t ch = 2; ch <= 8; ch++)
		hl_gl_open(&g, ch);
	CHECK(hl_link_flush(&g.l));
	for (uint16_t ch = 1; ch <= 8; ch++) {
		int fd = make_memfd(GL_SHARED_HEADER + (uint64_t)GL_SHARED_MAX_DATA,
		                    F_SEAL_SHRINK | F_SEAL_GROW);
		CHECK(fd >= 0);
		CHECK(send_shared(&g, ch, fd));
	}
	return hl_refused(e, &g.l,
	                  "GL stream 8: shared memory: the link's streams would share more than "
	                  "512 MiB");
}

/* A valid memfd for channel 2, which was never opened (channel 1 is). */
static bool gl_shared_memory_for_a_channel_not_open_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	int fd = shared_memfd(GL_SHARED_MIN_DATA);
	CHECK(fd >= 0);
	send_shared(&g, 2, fd);
	return hl_refused(e, &g.l, "GL stream 2: shared memory: the stream is not open");
}

/* Fds beside Wayland frames, more than the open streams without shared
 * memory could ever take (one: CH): the link ends once the frames ran. */
static bool gl_fds_no_gl_shared_frame_takes_end_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	for (uint32_t i = 0; i < 2; i++) {
		int fd = shared_memfd(GL_SHARED_MIN_DATA);
		CHECK(fd >= 0);
		hl_queue_sync(&g.l, SYNC_ID + 1 + i);
		bool sent = hl_link_flush_fd(&g.l, fd);
		close(fd);
		CHECK(sent);
	}
	return hl_refused(e, &g.l, "the proxy sent 2 fds that no fd-probe or gl-shared frame took");
}

/* --- GL_BLOB_SHARED --- */

/* A link granted fd passing whose stream was never given shared memory: an
 * upload naming pixels there, the image's own size at position 0. */
static bool gl_shared_blob_on_a_stream_without_shared_memory_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_shared(e, &g));
	texture(&g);
	sub_image_shared(&g, SIZE, SIZE, IMAGE_BYTES, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glTexSubImage2D: a blob in shared memory the stream does "
	                  "not have");
}

/* 1 MiB of data; the image's 16 KiB at position d - 100: the blob would wrap
 * (or read past the mapping). */
static bool gl_shared_blob_running_past_the_memory_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MIN_DATA));
	texture(&g);
	sub_image_shared(&g, SIZE, SIZE, IMAGE_BYTES, GL_SHARED_MIN_DATA - 100);
	hl_gl_send(&g, CH, 0);
	char phrase[128];
	snprintf(phrase, sizeof(phrase),
	         "glTexSubImage2D: %u bytes at position %u run past the shared memory's %u",
	         IMAGE_BYTES, GL_SHARED_MIN_DATA - 100, GL_SHARED_MIN_DATA);
	return hl_refused(e, &g.l, phrase);
}

/* A position near 2^64 whose data offset (pos % d) leaves 50 bytes: the
 * check must not wrap either. */
static bool gl_shared_blob_at_a_position_near_2_64_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MIN_DATA));
	texture(&g);
	sub_image_shared(&g, SIZE, SIZE, IMAGE_BYTES, UINT64_MAX - 49);
	hl_gl_send(&g, CH, 0);
	char phrase[128];
	snprintf(phrase, sizeof(phrase),
	         "glTexSubImage2D: %u bytes at position %llu run past the shared memory's %u",
	         IMAGE_BYTES, (unsigned long long)(UINT64_MAX - 49), GL_SHARED_MIN_DATA);
	return hl_refused(e, &g.l, phrase);
}

/* A 0 x 0 sub-image of 0 bytes: its size agrees with its arguments, so only
 * the shared memory's check can refuse it (a blob there holds bytes). */
static bool gl_shared_blob_of_0_bytes_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MIN_DATA));
	texture(&g);
	sub_image_shared(&g, 0, 0, 0, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glTexSubImage2D: 0 bytes at position 0 run past the shared memory's");
}

/* A blob over GL_SHARED_MAX_BLOB in memory big enough to hold it (64 MiB,
 * sparse): the host refuses to copy or hand on that much at once. */
static bool gl_shared_blob_over_the_largest_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MAX_DATA));
	texture(&g);
	sub_image_shared(&g, SIZE, SIZE, GL_SHARED_MAX_BLOB + 4, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glTexSubImage2D: a blob of 16777220 bytes in shared memory, over "
	                  "16777216");
}

/* --- the control --- */

/* Byte i of the image the control places (seed 0 or 1: two images). */
static uint8_t pattern(uint32_t i, unsigned seed)
{
	return (uint8_t)(i * (seed ? 13u : 7u) + (seed ? 101u : 3u) + i / 251u);
}

/* Reads the whole SIZE x SIZE framebuffer back and compares it with the image
 * of `seed`. */
static bool read_back_matches(struct hl_gl_link *g, unsigned seed)
{
	hl_gl_cmd(g, GLES_OP_glReadPixels, 7, 0u, 0u, SIZE, SIZE, GL_RGBA, GL_UNSIGNED_BYTE,
	          IMAGE_BYTES);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size, n = 0;
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glReadPixels, &size);
	CHECKF(p && size == 4 + IMAGE_BYTES, "glReadPixels reply of %u bytes", p ? size : 0);
	memcpy(&n, p, 4);
	CHECKF(n == IMAGE_BYTES, "glReadPixels blob of %u bytes", n);
	for (uint32_t i = 0; i < IMAGE_BYTES; i++) {
		CHECKF(p[4 + i] == pattern(i, seed), "byte %u read back is 0x%02x, placed 0x%02x",
		       i, p[4 + i], pattern(i, seed));
	}
	return true;
}

static uint64_t consumed(const uint8_t *map)
{
	const struct gl_shared_header *h = (const struct gl_shared_header *)map;
	return __atomic_load_n(&h->consumed, __ATOMIC_ACQUIRE);
}

/* A link ready for shared memory and a memfd of `d` data bytes (*fd),
 * mapped here: the mapping, or NULL. */
static uint8_t *ready_mapped(struct hl_env *e, struct hl_gl_link *g, uint64_t d, int *fd)
{
	if (!ready_shared(e, g))
		return NULL;
	*fd = shared_memfd(d);
	if (*fd < 0)
		return NULL;
	uint8_t *map = mmap(NULL, GL_SHARED_HEADER + d, PROT_READ | PROT_WRITE, MAP_SHARED, *fd, 0);
	if (map == MAP_FAILED) {
		perror("mmap");
		close(*fd);
		return NULL;
	}
	return map;
}

/* Ends a case of ready_mapped: the mapping gone, then the link closed as
 * served when the case's checks held (`ok`), else dropped. */
static bool end_mapped(struct hl_env *e, struct hl_gl_link *g, uint8_t *map, uint64_t d, bool ok)
{
	munmap(map, GL_SHARED_HEADER + d);
	if (ok)
		return hl_gl_close_served(e, g);
	hl_link_close(&g->l);
	free(g->rep);
	hl_buf_finish(&g->cmds);
	return false;
}

/* 1 MiB of data (GL_SHARED_MIN_DATA, the smallest taken). A 64x64 texture
 * attached to a framebuffer; a glTexSubImage2D of the whole image from
 * position POS, read back through the framebuffer; the header says POS + n;
 * GL_OP_PING answers; then a second image at position d + 100 (the ring's
 * second lap) is read from data offset 100. */
static bool gl_shared_upload_is_served(struct hl_env *e)
{
	const uint64_t d = GL_SHARED_MIN_DATA;
	struct hl_gl_link g;
	int fd;
	uint8_t *map = ready_mapped(e, &g, d, &fd);
	CHECK(map);
	for (uint32_t i = 0; i < IMAGE_BYTES; i++) {
		map[GL_SHARED_HEADER + POS + i] = pattern(i, 0);
		map[GL_SHARED_HEADER + 100 + i] = pattern(i, 1);
	}
	bool ok = send_shared(&g, CH, fd);

	texture(&g);
	uint32_t fbo = FBO, status = 0;
	hl_gl_cmd_begin(&g, GLES_OP_glGenFramebuffers);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &fbo, sizeof(fbo));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindFramebuffer, 2, GL_FRAMEBUFFER, FBO);
	hl_gl_cmd(&g, GLES_OP_glFramebufferTexture2D, 5, GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0,
	          GL_TEXTURE_2D, TEX, 0u);
	hl_gl_cmd(&g, GLES_OP_glCheckFramebufferStatus, 1, GL_FRAMEBUFFER);
	ok = ok && hl_gl_send(&g, CH, 0) &&
	     hl_gl_reply_u32(&g, GLES_OP_glCheckFramebufferStatus, &status);
	if (ok && status != GL_FRAMEBUFFER_COMPLETE) {
		fprintf(stderr, "the texture's framebuffer is not complete: 0x%x\n", status);
		ok = false;
	}

	/* First lap: position POS. */
	sub_image_shared(&g, SIZE, SIZE, IMAGE_BYTES, POS);
	ok = ok && read_back_matches(&g, 0);
	if (ok && consumed(map) != POS + IMAGE_BYTES) {
		fprintf(stderr, "consumed is %llu after the first upload, not %u\n",
		        (unsigned long long)consumed(map), POS + IMAGE_BYTES);
		ok = false;
	}
	uint32_t size = 1;
	hl_gl_cmd(&g, GL_OP_PING, 0);
	ok = ok && hl_gl_send(&g, CH, 0) && hl_gl_reply(&g, GL_OP_PING, &size);
	if (ok && size != 0) {
		fprintf(stderr, "GL_OP_PING reply of %u bytes, expected none\n", size);
		ok = false;
	}

	/* Second lap: position d + 100 is data offset 100. */
	sub_image_shared(&g, SIZE, SIZE, IMAGE_BYTES, d + 100);
	ok = ok && read_back_matches(&g, 1);
	if (ok && consumed(map) != d + 100 + IMAGE_BYTES) {
		fprintf(stderr, "consumed is %llu after the second upload, not %llu\n",
		        (unsigned long long)consumed(map),
		        (unsigned long long)(d + 100 + IMAGE_BYTES));
		ok = false;
	}
	return end_mapped(e, &g, map, d, ok);
}

/* glBufferData whose data lies in shared memory (GL_BLOB_SHARED in place of
 * an `in` blob): the host copies it out, so what the app writes there once
 * the command ran (GL_OP_PING says when) is not in the store. */
#define BUF 32u
#define DATA_BYTES 4096u
static bool gl_shared_buffer_data_is_copied_out(struct hl_env *e)
{
	const uint64_t d = GL_SHARED_MIN_DATA;
	struct hl_gl_link g;
	int fd;
	uint8_t *map = ready_mapped(e, &g, d, &fd);
	CHECK(map);
	for (uint32_t i = 0; i < DATA_BYTES; i++)
		map[GL_SHARED_HEADER + POS + i] = pattern(i, 2);
	bool ok = send_shared(&g, CH, fd);
	uint32_t name = BUF;
	hl_gl_cmd_begin(&g, GLES_OP_glGenBuffers);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &name, sizeof(name));
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER, BUF);
	hl_gl_cmd_begin(&g, GLES_OP_glBufferData);
	hl_put_u32(&g.cmds, GL_ARRAY_BUFFER);
	hl_gl_put_u64(&g, DATA_BYTES);
	hl_put_u32(&g.cmds, GL_STATIC_DRAW);
	hl_put_u32(&g.cmds, GL_BLOB_SHARED);
	hl_put_u32(&g.cmds, DATA_BYTES);
	hl_gl_put_u64(&g, POS);
	hl_gl_cmd_end(&g);
	uint32_t size;
	hl_gl_cmd(&g, GL_OP_PING, 0);
	ok = ok && hl_gl_send(&g, CH, 0) && hl_gl_reply(&g, GL_OP_PING, &size);
	if (ok && consumed(map) != POS + DATA_BYTES) {
		fprintf(stderr, "consumed is %llu after glBufferData, not %u\n",
		        (unsigned long long)consumed(map), POS + DATA_BYTES);
		ok = false;
	}
	/* The app writes the bytes again: the store keeps what the command had. */
	memset(map + GL_SHARED_HEADER + POS, 0xee, DATA_BYTES);
	hl_gl_cmd(&g, GL_OP_BUFFER_READ, 3, GL_ARRAY_BUFFER, 0u, DATA_BYTES);
	ok = ok && hl_gl_send(&g, CH, 0);
	const uint8_t *p = ok ? hl_gl_reply(&g, GL_OP_BUFFER_READ, &size) : NULL;
	uint32_t got = 0;
	if (p && size >= 4)
		memcpy(&got, p, 4);
	if (ok && (!p || got != DATA_BYTES || size < 4 + DATA_BYTES)) {
		fprintf(stderr, "GL_OP_BUFFER_READ gave %u bytes, not %u\n", got, DATA_BYTES);
		ok = false;
	}
	for (uint32_t i = 0; ok && i < DATA_BYTES; i++) {
		if (p[4 + i] != pattern(i, 2)) {
			fprintf(stderr, "byte %u of the store is 0x%02x, not 0x%02x\n", i, p[4 + i],
			        pattern(i, 2));
			ok = false;
		}
	}
	return end_mapped(e, &g, map, d, ok);
}

/* A client array (GL_OP_CLIENT_ARRAY) whose blob runs past the shared
 * memory's end. */
static bool gl_shared_client_array_running_past_the_memory_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(ready_with_memory(e, &g, GL_SHARED_MIN_DATA));
	struct gl_client_array h = {.array = GL_ARRAY_ATTRIB,
	                            .index = 0,
	                            .size = 4,
	                            .type = GL_FLOAT,
	                            .mode = GL_CLIENT_ARRAY_FLOAT,
	                            .first = 0,
	                            .count = 1024};
	hl_gl_cmd_begin(&g, GL_OP_CLIENT_ARRAY);
	hl_put(&g.cmds, &h, sizeof(h));
	hl_put_u32(&g.cmds, GL_BLOB_SHARED);
	hl_put_u32(&g.cmds, 1024 * 16);
	hl_gl_put_u64(&g, GL_SHARED_MIN_DATA - 8);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_CLIENT_ARRAY: 16384 bytes at position 1048568 run past");
}

const struct hl_case hl_shared_cases[] = {
        HL_CASE(gl_shared_frame_without_its_fd_ends_the_link),
        HL_CASE_ARGS(gl_shared_memory_sent_to_a_host_with_no_shared_memory_ends_the_link,
                     "--no-shared-memory"),
        HL_CASE(gl_shared_memory_on_a_link_that_did_not_ask_ends_the_link),
        HL_CASE(gl_fd_probe_without_its_fd_gives_no_shared_memory),
        HL_CASE(gl_fd_probe_twice_ends_the_link),
        HL_CASE(gl_fd_probe_without_fd_passing_ends_the_link),
        HL_CASE(gl_shared_memory_that_is_a_pipe_ends_the_link),
        HL_CASE(gl_shared_memory_not_sealed_ends_the_link),
        HL_CASE(gl_shared_memory_sealed_only_against_growing_ends_the_link),
        HL_CASE(gl_shared_memory_too_small_ends_the_link),
        HL_CASE(gl_shared_memory_too_big_ends_the_link),
        HL_CASE(gl_second_shared_memory_for_a_stream_ends_the_link),
        HL_CASE(gl_shared_memory_past_the_link_total_ends_the_link),
        HL_CASE(gl_shared_memory_for_a_channel_not_open_ends_the_link),
        HL_CASE(gl_fds_no_gl_shared_frame_takes_end_the_link),
        HL_CASE(gl_shared_blob_on_a_stream_without_shared_memory_ends_the_link),
        HL_CASE(gl_shared_blob_running_past_the_memory_ends_the_link),
        HL_CASE(gl_shared_blob_at_a_position_near_2_64_ends_the_link),
        HL_CASE(gl_shared_blob_of_0_bytes_ends_the_link),
        HL_CASE(gl_shared_blob_over_the_largest_ends_the_link),
        HL_CASE(gl_shared_upload_is_served),
        HL_CASE(gl_shared_buffer_data_is_copied_out),
        HL_CASE(gl_shared_client_array_running_past_the_memory_ends_the_link),
};
const size_t hl_shared_case_count = sizeof(hl_shared_cases) / sizeof(hl_shared_cases[0]);
