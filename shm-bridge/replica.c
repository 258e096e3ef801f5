/* Host side replica of a wl_shm pool: a memfd written by checked copies. */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/sb-replica.h>
#include <gpupipe/wire.h>

#include "util.h"

struct sb_replica {
	int fd;
	uint8_t *data;
	uint32_t size;
	/* The last formatted sb_replica_apply error; *err points here. */
	char err_buf[224];
};

struct sb_replica *sb_replica_create(uint32_t size, const char **err)
{
	if (size == 0)
		return fail_null(err, "shm region size is 0");

	struct sb_replica *r = calloc(1, sizeof(*r));
	if (!r)
		return fail_null(err, "out of memory");

	r->fd = memfd_create("gpupipe-shm", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (r->fd < 0) {
		fail(err, "memfd_create failed");
		goto err_free;
	}
	if (ftruncate(r->fd, size) < 0) {
		fail(err, "cannot size the shm replica (ftruncate)");
		goto err_close;
	}
	/* The compositor gets this fd; a shrink would SIGBUS the host. */
	if (fcntl(r->fd, F_ADD_SEALS, F_SEAL_SHRINK) < 0) {
		fail(err, "cannot seal the shm replica");
		goto err_close;
	}
	r->data = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (r->data == MAP_FAILED) {
		fail(err, "cannot map the shm replica");
		goto err_close;
	}
	r->size = size;
	return r;

err_close:
	close(r->fd);
err_free:
	free(r);
	return NULL;
}

bool sb_replica_grow(struct sb_replica *r, uint32_t new_size, const char **err)
{
	if (new_size < r->size)
		return fail(err, "shm region cannot shrink");
	if (new_size == r->size)
		return true;
	if (ftruncate(r->fd, new_size) < 0)
		return fail(err, "cannot grow the shm replica (ftruncate)");
	void *data = mremap(r->data, r->size, new_size, MREMAP_MAYMOVE);
	if (data == MAP_FAILED) {
		/* The file is longer than the mapping now, which is harmless:
		 * the old mapping and size stay valid. */
		return fail(err, "cannot remap the grown shm replica");
	}
	r->data = data;
	r->size = new_size;
	return true;
}

/* The rules of wire.h for WIRE_SHM_COPY, each violation with its values. */
static bool copy_fits(struct sb_replica *r, const struct wire_shm_copy *c, size_t data_len,
                      const char **err)
{
	char *buf = r->err_buf;
	size_t len = sizeof(r->err_buf);

	if (c->rows == 0)
		return fail(err, "shm copy has zero rows");
	if (c->row_bytes == 0)
		return fail(err, "shm copy has zero row_bytes");
	if (c->rows > 1 && c->row_bytes > c->stride) {
		snprintf(buf, len,
		         "shm copy row_bytes %" PRIu32 " > stride %" PRIu32 " with %" PRIu32
		         " rows",
		         c->row_bytes, c->stride, c->rows);
		return fail(err, buf);
	}
	/* Cannot overflow: at most (2^32-1) + (2^32-1)^2 + (2^32-1) = 2^64-1. */
	uint64_t end = (uint64_t)c->offset + (uint64_t)(c->rows - 1) * c->stride + c->row_bytes;
	if (end > r->size) {
		snprintf(buf, len,
		         "shm copy ends past the region (offset %" PRIu32 " + (rows %" PRIu32
		         " - 1) * stride %" PRIu32 " + row_bytes %" PRIu32 " = %" PRIu64
		         " > size %" PRIu32 ")",
		         c->offset, c->rows, c->stride, c->row_bytes, end, r->size);
		return fail(err, buf);
	}
	uint64_t want = (uint64_t)c->rows * c->row_bytes;
	if ((uint64_t)data_len != want) {
		snprintf(buf, len,
		         "shm copy carries %zu bytes, rows %" PRIu32 " * row_bytes %" PRIu32
		         " = %" PRIu64 " expected",
		         data_len, c->rows, c->row_bytes, want);
		return fail(err, buf);
	}
	return true;
}

bool sb_replica_apply(struct sb_replica *r, const struct wire_shm_copy *copy, const uint8_t *data,
                      size_t data_len, const char **err)
{
	/* Check and use the same values, wherever the caller's header lives. */
	struct wire_shm_copy c;
	memcpy(&c, copy, sizeof(c));
	if (!copy_fits(r, &c, data_len, err))
		return false;

	uint8_t *dst = r->data + c.offset;
	if (c.rows == 1 || c.row_bytes == c.stride) {
		memcpy(dst, data, data_len);
		return true;
	}
	for (uint32_t i = 0; i < c.rows; i++)
		memcpy(dst + (size_t)i * c.stride, data + (size_t)i * c.row_bytes, c.row_bytes);
	return true;
}

int sb_replica_fd(const struct sb_replica *r)
{
	return r->fd;
}

uint32_t sb_replica_size(const struct sb_replica *r)
{
	return r->size;
}

void sb_replica_destroy(struct sb_replica *r)
{
	if (!r)
		return;
	munmap(r->data, r->size);
	close(r->fd);
	free(r);
}
