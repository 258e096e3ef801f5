/*
 * libFuzzer harness: GL streams into gpupipe-host's real GL executor
 * (gpuhost/gl/ and the generated GLES decoder) on the host's EGL (llvmpipe
 * without a GPU), through a sink instead of a session, as
 * tests/gpuhost/gl-harness.c drives it.
 *
 * Input: link frames (wire.h headers), the GL part of a link:
 *   WIRE_GL_OPEN, WIRE_GL, WIRE_GL_CLOSE   as gpuhost/gpupipe.c hands them
 *                                          to gh_gl_stream_open/data/close
 *   FUZZ_GL_MEMORY {u32 wl_buffer id, u32 width, u32 height, u32 format}
 *       a frame buffer, as gpupipe_v1.create_memory and
 *       gpupipe_memory_v1.create_buffer make one (gh_gl_memory_create,
 *       gh_gl_memory_bind_buffer), with the checks gpupipe.c makes first
 *   FUZZ_GL_BUFFER_GONE {u32 wl_buffer id}
 *       that wl_buffer destroyed (gh_gl_buffer_destroyed)
 *   FUZZ_GL_SHARED {bytes}
 *       shared memory for the frame's channel, as WIRE_GL_SHARED brings it
 *       (gh_gl_stream_shared; gl-stream.h, "Shared memory"): a sealed memfd
 *       of GL_SHARED_MIN_DATA data bytes that begin with the frame's bytes
 * A frame whose size runs past the input takes the rest. Other types are
 * skipped. tests/fuzz/corpus-split.py makes such inputs from recorded links.
 *
 * The executor is made once per process (host EGL initialisation takes
 * tens of milliseconds) and gh_gl_reset after each input forgets every
 * stream, context, surface, sync, image and buffer binding the input made,
 * as a new link would start. The driver keeps its own caches; nothing the
 * app made outlives its input.
 *
 * Crashes inside the driver (Mesa) are not gpupipe's to fix, but must be
 * told apart from gpupipe's: tests/fuzz/crash-class.py reads the report
 * (see the README's "Fuzzing").
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/gl-stream.h>
#include <gpupipe/log.h>
#include <gpupipe/wire.h>

#include "gl.h"

#define FUZZ_GL_MEMORY 0x100
#define FUZZ_GL_BUFFER_GONE 0x101
#define FUZZ_GL_SHARED 0x103

/* As gpuhost/gpupipe.c: frame buffers one link may hold, formats. */
#define MAX_MEMORIES 256
#define SHM_FORMAT_ARGB8888 0u
#define SHM_FORMAT_XRGB8888 1u

struct fuzz_memory {
	uint32_t buffer_id;
	uint32_t width, height, format;
};

static struct {
	struct gh_gl *gl;
	bool failed; /* the executor ended the link */
	struct gh_gl_memory *memories[MAX_MEMORIES];
	uint32_t buffers[MAX_MEMORIES]; /* bound wl_buffer ids, 0: free */
	unsigned n_memories;
} fz;

static void sink_fail(void *data, const char *reason)
{
	gp_log(ERROR, "closing link: %s", reason); /* as the session would */
	fz.failed = true;
}

/* Replies must be whole: one command header whose size is the length. */
static bool sink_send(void *data, uint16_t channel, const uint8_t *bytes, uint32_t len)
{
	struct gl_cmd hdr;
	if (len < sizeof(hdr))
		abort();
	memcpy(&hdr, bytes, sizeof(hdr));
	if (hdr.size != len || hdr.size % 4) {
		fprintf(stderr, "fuzz-gl: a reply of %u bytes says %u\n", len, hdr.size);
		abort();
	}
	return true;
}

static const struct gh_gl_sink sink = {.fail = sink_fail, .send = sink_send};

static int find_buffer(uint32_t id)
{
	for (unsigned i = 0; i < fz.n_memories; i++) {
		if (fz.buffers[i] == id)
			return (int)i;
	}
	return -1;
}

static void memory(const uint8_t *p, uint32_t len)
{
	struct fuzz_memory m;
	if (len != sizeof(m) || fz.n_memories == MAX_MEMORIES)
		return;
	memcpy(&m, p, sizeof(m));
	/* gpupipe.c's create_memory checks; a wl_buffer id is live once. */
	if (m.width < 1 || m.height < 1 || m.width > GL_MAX_SURFACE_SIZE ||
	    m.height > GL_MAX_SURFACE_SIZE || m.buffer_id == 0 || find_buffer(m.buffer_id) >= 0 ||
	    (m.format != SHM_FORMAT_ARGB8888 && m.format != SHM_FORMAT_XRGB8888))
		return;
	struct gh_gl_memory_desc desc;
	struct gh_gl_memory *mem = gh_gl_memory_create(fz.gl, m.width, m.height, m.format, &desc);
	if (!mem)
		return;
	close(desc.fd); /* the compositor's copy */
	gh_gl_memory_bind_buffer(fz.gl, mem, m.buffer_id);
	fz.memories[fz.n_memories] = mem;
	fz.buffers[fz.n_memories++] = m.buffer_id;
}

static void buffer_gone(const uint8_t *p, uint32_t len)
{
	uint32_t id;
	if (len != sizeof(id))
		return;
	memcpy(&id, p, sizeof(id));
	int i = find_buffer(id);
	if (i < 0)
		return;
	gh_gl_buffer_destroyed(fz.gl, id);
	fz.buffers[i] = 0;
}

static void shared(const struct wire_header *h, const uint8_t *p)
{
	int fd = memfd_create("fuzz-gl-shared", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return;
	uint32_t n = h->size < GL_SHARED_MIN_DATA ? h->size : GL_SHARED_MIN_DATA;
	if (ftruncate(fd, GL_SHARED_HEADER + GL_SHARED_MIN_DATA) < 0 ||
	    pwrite(fd, p, n, GL_SHARED_HEADER) != (ssize_t)n ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) < 0) {
		close(fd);
		return;
	}
	if (!gh_gl_stream_shared(fz.gl, h->channel, fd))
		fz.failed = true;
}

static void frame(const struct wire_header *h, const uint8_t *p)
{
	switch (h->type) {
	case WIRE_GL_OPEN:
		if (!gh_gl_stream_open(fz.gl, h->channel))
			fz.failed = true;
		break;
	case WIRE_GL:
		if (!gh_gl_stream_data(fz.gl, h->channel, p, h->size, NULL))
			fz.failed = true;
		break;
	case WIRE_GL_CLOSE:
		if (!gh_gl_stream_close(fz.gl, h->channel))
			fz.failed = true;
		break;
	case FUZZ_GL_MEMORY:
		memory(p, h->size);
		break;
	case FUZZ_GL_BUFFER_GONE:
		buffer_gone(p, h->size);
		break;
	case FUZZ_GL_SHARED:
		shared(h, p);
		break;
	default:
		break;
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	gp_log_init("fuzz-gl", 0);
	/* The shm path, as without a GPU; llvmpipe rasterising in the calling
	 * thread (deterministic, and one core per fuzzer) and compiling
	 * shaders without LLVM's optimisation passes (twice the inputs per
	 * second: compiling dominates; what reaches the driver is the same);
	 * no shader cache written to disk. The environment overrides each. */
	setenv("GPUPIPE_RENDER_NODE", "none", 0);
	setenv("LP_NUM_THREADS", "0", 0);
	setenv("GALLIVM_PERF", "nopt", 0);
	setenv("MESA_SHADER_CACHE_DISABLE", "true", 0);
	fz.gl = gh_gl_create_with_sink(&sink, NULL, false, GH_GL_OFFER_ALL);
	if (!fz.gl) {
		fprintf(stderr, "SKIP: the host has no EGL that renders GLES 2\n");
		exit(77);
	}
	/* As a unix link whose fd probe came through. */
	gh_gl_offer_shared_memory(fz.gl, true);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fz.failed = false;
	for (size_t at = 0; size - at >= sizeof(struct wire_header) && !fz.failed;) {
		struct wire_header h;
		memcpy(&h, data + at, sizeof(h));
		at += sizeof(h);
		if (h.size > size - at)
			h.size = (uint32_t)(size - at);
		/* The payload in a buffer that ends where it ends, so that ASan
		 * sees a read past it, and as misaligned as it was in the
		 * stream (the executor runs aligned commands in place). */
		size_t skew = at % 4;
		uint8_t *buf = malloc(skew + h.size ? skew + h.size : 1);
		if (!buf)
			abort();
		memcpy(buf + skew, data + at, h.size);
		frame(&h, buf + skew);
		free(buf);
		at += h.size;
	}
	for (unsigned i = 0; i < fz.n_memories; i++)
		gh_gl_memory_unref(fz.memories[i]);
	fz.n_memories = 0;
	gh_gl_reset(fz.gl);
	return 0;
}
