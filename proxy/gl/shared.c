/*
 * A stream's shared memory (gl-stream.h, "Shared memory"): where the link
 * passes fds, the pixels of a big upload go into a memfd that gpupipe-host
 * maps, and the command carries only where they lie. Through the sockets
 * they would cost a wakeup of this thread, gpupipe-proxy and gpupipe-host
 * per socket buffer (about 200 KiB) and four more copies (doc/performance.md).
 *
 * The memory is a ring: bytes are placed at increasing positions, and the
 * host says in the header how far its driver has read them. When the ring
 * holds no room, GL_OP_PING waits until the host has run every command
 * sent, after which all of it is free.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "shared.h"
#include "stream.h"

/* Smaller uploads go in the stream: a socket buffer takes them at once. */
#define MIN_BLOB (64u << 10)
/* Data bytes of the ring, and the largest upload it takes: room for a few
 * uploads in flight, and small enough to stay in a CPU's last-level cache,
 * where the driver's copy on the host finds them (4 MiB uploads on the
 * 2-core VM, bench/compare-upload: 0.44 of memcpy with 16 MiB, 0.33 with
 * 32 MiB). Bigger uploads go in the stream. */
#define RING_DATA (16u << 20)
static_assert(RING_DATA <= GL_SHARED_MAX_BLOB, "a blob the ring takes, the host takes");

/* Placed bytes whose commands may still wait in the stream buffer, past
 * which they are sent: the host copies one upload out while this thread
 * places the next, instead of all at the next sync point. */
#define SEND_AFTER (RING_DATA / 8)

struct ge_shared {
	uint8_t *map;
	uint64_t head;     /* position of the next byte placed */
	uint64_t last_end; /* end of the last blob placed */
	uint64_t unsent;   /* bytes placed since the stream was last written */
	int fd;            /* to send with the stream's next bytes; -1 once sent */
};

static bool enabled(void)
{
	static int on = -1;
	if (on < 0) {
		const char *env = getenv("GPUPIPE_SHARED_MEMORY");
		on = !env || strcmp(env, "0") != 0;
	}
	return on;
}

static struct ge_shared *create(void)
{
	struct ge_shared *sh = calloc(1, sizeof(*sh));
	if (!sh)
		return NULL;
	size_t size = GL_SHARED_HEADER + (size_t)RING_DATA;
	sh->fd = memfd_create("gpupipe-gl-shared", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (sh->fd < 0 || ftruncate(sh->fd, (off_t)size) < 0 ||
	    fcntl(sh->fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) < 0)
		goto err;
	sh->map = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, sh->fd, 0);
	if (sh->map == MAP_FAILED)
		goto err;
	return sh;
err:
	gp_log(WARN, "no shared memory for uploads (%s): they go through the stream",
	       strerror(errno));
	if (sh->fd >= 0)
		close(sh->fd);
	free(sh);
	return NULL;
}

void ge_shared_free(struct ge_shared *sh)
{
	if (!sh)
		return;
	if (sh->fd >= 0)
		close(sh->fd);
	munmap(sh->map, GL_SHARED_HEADER + (size_t)RING_DATA);
	free(sh);
}

int ge_shared_take_fd(struct ge_shared *sh)
{
	if (!sh || sh->fd < 0)
		return -1;
	int fd = sh->fd;
	sh->fd = -1;
	return fd;
}

void ge_shared_keep_fd(struct ge_shared *sh, int fd)
{
	sh->fd = fd;
}

static uint64_t consumed(const struct ge_shared *sh)
{
	const struct gl_shared_header *h = (const struct gl_shared_header *)sh->map;
	return __atomic_load_n(&h->consumed, __ATOMIC_ACQUIRE);
}

/* Whether n bytes fit at sh->head, with the ring holding what the host has
 * not read yet (nothing, once it read the last blob: the bytes skipped to
 * the ring's start are free then too). */
static bool room(const struct ge_shared *sh, uint32_t n)
{
	uint64_t done = consumed(sh);
	uint64_t used = done >= sh->last_end ? 0 : sh->head - done;
	return used <= RING_DATA && n <= RING_DATA - used;
}

/* Every command sent has run on the host once GL_OP_PING is answered. */
static bool ping(struct gl_enc *e)
{
	/* Blobs already placed for the command being built stay counted. */
	unsigned placed = e->shared_in_command;
	if (!gl_enc_begin(e, GL_OP_PING, 0))
		return false;
	gl_enc_end(e);
	e->shared_in_command = placed;
	uint32_t size;
	return gl_enc_reply(e, GL_OP_PING, &size) != NULL;
}

uint8_t *ge_shared_reserve(struct gl_enc *e, uint32_t n, uint64_t *pos)
{
	/* Never inside a command: a wait for room sends one of its own. */
	assert(e->open == 0);
	if (n < MIN_BLOB || n > RING_DATA || e->shared_in_command == GL_SHARED_MAX_BLOBS ||
	    e->shared_refused || !(e->link->host->features & GL_HOST_SHARED_MEMORY) || !enabled())
		return NULL;
	if (!e->shared && !(e->shared = create())) {
		e->shared_refused = true;
		return NULL;
	}
	struct ge_shared *sh = e->shared;
	if (sh->unsent >= SEND_AFTER) {
		sh->unsent = 0;
		if (!ge_stream_flush(e))
			return NULL;
	}
	/* A blob never wraps: skip to the ring's start. */
	uint64_t off = sh->head % RING_DATA;
	if (off + n > RING_DATA)
		sh->head += RING_DATA - off;
	if (!room(sh, n) && (!ping(e) || !room(sh, n)))
		return NULL;
	uint8_t *at = sh->map + GL_SHARED_HEADER + sh->head % RING_DATA;
	*pos = sh->head;
	e->shared_in_command++;
	sh->head += n;
	sh->last_end = sh->head;
	sh->unsent += n;
	return at;
}

bool gl_enc_shared_put(struct gl_enc *e, const void *data, uint32_t n, uint64_t *pos)
{
	uint8_t *at = ge_shared_reserve(e, n, pos);
	if (at)
		memcpy(at, data, n);
	return at != NULL;
}

/* Replies never name shared memory: the library's readers have no stream
 * to resolve it (gl_reader.shared is NULL), and this is never called. */
const void *gl_exec_shared_blob(struct gl_exec *x, uint32_t n, uint64_t pos, bool in_place)
{
	return NULL;
}
