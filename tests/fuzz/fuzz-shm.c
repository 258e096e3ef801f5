/*
 * libFuzzer harness: shm-bridge updates into host replicas
 * (shm-bridge/replica.c), the code that writes the link's shm copies into
 * the memory the compositor reads.
 *
 * Input: link frames (wire.h headers), the shm part of a link:
 *   WIRE_SHM_CREATE {u32 handle, u32 size}   a replica (sb_replica_create)
 *   WIRE_SHM_COPY   wire_shm_copy + rows     sb_replica_apply
 *   FUZZ_SHM_GROW   {u32 handle, u32 size}   wl_shm_pool.resize
 *                                            (sb_replica_grow)
 * A frame whose size runs past the input takes the rest; other types are
 * skipped. Sizes are clamped to MAX_REGION so that each input stays cheap
 * (real pools are sparse and far larger; the checks do not depend on it).
 *
 * The replica's memory is a shared mapping that ASan does not watch, so
 * the harness keeps a model of every region (a plain buffer) and checks
 * that sb_replica_apply accepts exactly the copies wire.h allows (its rule
 * computed here independently, in 128-bit arithmetic), that a grow keeps
 * the contents and zero-fills, and at the end of each input that every
 * replica holds exactly its model's bytes: a write outside a copy's rows
 * shows there.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/sb-replica.h>
#include <gpupipe/wire.h>

#define FUZZ_SHM_GROW 0x102
#define MAX_REGIONS 8
#define MAX_REGION (256u << 10)

struct region {
	uint32_t handle; /* 0: free slot */
	struct sb_replica *replica;
	uint8_t *model;
	uint32_t size;
};

static struct region regions[MAX_REGIONS];

static void die(const char *what, const struct wire_shm_copy *c)
{
	fprintf(stderr, "fuzz-shm: %s\n", what);
	if (c)
		fprintf(stderr, "fuzz-shm: copy offset %u stride %u row_bytes %u rows %u\n",
		        c->offset, c->stride, c->row_bytes, c->rows);
	abort();
}

static struct region *find(uint32_t handle)
{
	for (int i = 0; i < MAX_REGIONS; i++) {
		if (regions[i].handle && regions[i].handle == handle)
			return &regions[i];
	}
	return NULL;
}

static uint32_t clamp(uint32_t size)
{
	return size > MAX_REGION ? MAX_REGION : size;
}

static void create(const uint8_t *p, uint32_t len)
{
	struct wire_shm_create msg;
	if (len != sizeof(msg))
		return;
	memcpy(&msg, p, sizeof(msg));
	/* gpuhost/shm.c refuses these before a replica is made. */
	if (!msg.handle || msg.size == 0 || find(msg.handle))
		return;
	struct region *r = NULL;
	for (int i = 0; !r && i < MAX_REGIONS; i++) {
		if (!regions[i].handle)
			r = &regions[i];
	}
	if (!r)
		return;
	uint32_t size = clamp(msg.size);
	r->replica = sb_replica_create(size, NULL);
	r->model = calloc(1, size);
	if (!r->replica || !r->model)
		abort();
	r->handle = msg.handle;
	r->size = size;
}

/* wire.h's rule for WIRE_SHM_COPY, without the replica's code. */
static bool allowed(const struct region *r, const struct wire_shm_copy *c, size_t data_len)
{
	if (c->rows == 0 || c->row_bytes == 0)
		return false;
	if (c->rows > 1 && c->row_bytes > c->stride)
		return false;
	unsigned __int128 end = (unsigned __int128)c->offset +
	                        (unsigned __int128)(c->rows - 1) * c->stride + c->row_bytes;
	if (end > r->size)
		return false;
	return (unsigned __int128)data_len == (unsigned __int128)c->rows * c->row_bytes;
}

static void copy(const uint8_t *p, uint32_t len)
{
	struct wire_shm_copy c;
	if (len < sizeof(c))
		return;
	memcpy(&c, p, sizeof(c));
	struct region *r = find(c.handle);
	if (!r)
		return;
	const uint8_t *data = p + sizeof(c);
	size_t data_len = len - sizeof(c);
	bool want = allowed(r, &c, data_len);
	const char *err = NULL;
	bool got =
	        sb_replica_apply(r->replica, (const struct wire_shm_copy *)p, data, data_len, &err);
	if (got != want)
		die(want ? "sb_replica_apply refused a valid copy"
		         : "sb_replica_apply accepted an invalid copy",
		    &c);
	if (!got && !err)
		die("sb_replica_apply refused a copy without a reason", NULL);
	if (!got)
		return;
	for (uint32_t i = 0; i < c.rows; i++)
		memcpy(r->model + c.offset + (size_t)i * c.stride, data + (size_t)i * c.row_bytes,
		       c.row_bytes);
}

static void grow(const uint8_t *p, uint32_t len)
{
	uint32_t msg[2];
	if (len != sizeof(msg))
		return;
	memcpy(msg, p, sizeof(msg));
	struct region *r = find(msg[0]);
	if (!r)
		return;
	uint32_t size = clamp(msg[1]);
	bool got = sb_replica_grow(r->replica, size, NULL);
	if (got != (size >= r->size))
		die("sb_replica_grow answered wrong", NULL);
	if (sb_replica_size(r->replica) != (got ? size : r->size))
		die("sb_replica_grow left the wrong size", NULL);
	if (!got || size == r->size)
		return;
	uint8_t *model = realloc(r->model, size);
	if (!model)
		abort();
	memset(model + r->size, 0, size - r->size);
	r->model = model;
	r->size = size;
}

/* The replica's bytes, read through its fd as the compositor would. */
static void check_and_free(struct region *r)
{
	if (sb_replica_size(r->replica) != r->size)
		die("a replica changed size", NULL);
	void *map = mmap(NULL, r->size, PROT_READ, MAP_SHARED, sb_replica_fd(r->replica), 0);
	if (map == MAP_FAILED)
		die("cannot map a replica", NULL);
	if (memcmp(map, r->model, r->size) != 0)
		die("a replica differs from what its copies wrote", NULL);
	munmap(map, r->size);
	sb_replica_destroy(r->replica);
	free(r->model);
	*r = (struct region){0};
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (size_t at = 0; size - at >= sizeof(struct wire_header);) {
		struct wire_header h;
		memcpy(&h, data + at, sizeof(h));
		at += sizeof(h);
		if (h.size > size - at)
			h.size = (uint32_t)(size - at);
		/* A buffer of its own: ASan sees a read past the frame. */
		uint8_t *payload = malloc(h.size ? h.size : 1);
		if (!payload)
			abort();
		memcpy(payload, data + at, h.size);
		if (h.type == WIRE_SHM_CREATE)
			create(payload, h.size);
		else if (h.type == WIRE_SHM_COPY)
			copy(payload, h.size);
		else if (h.type == FUZZ_SHM_GROW)
			grow(payload, h.size);
		free(payload);
		at += h.size;
	}
	for (int i = 0; i < MAX_REGIONS; i++) {
		if (regions[i].handle)
			check_and_free(&regions[i]);
	}
	return 0;
}
