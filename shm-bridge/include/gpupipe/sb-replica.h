/*
 * Host side of a replicated wl_shm pool (the receiving end of
 * WIRE_SHM_CREATE and WIRE_SHM_COPY).
 *
 * The host gives the replica's fd to the real compositor in place of the
 * app's pool fd, and writes into it the bytes the proxy sends. The frames
 * come from the untrusted side: sb_replica_apply is the check that keeps
 * them inside the region.
 */
#ifndef GPUPIPE_SB_REPLICA_H
#define GPUPIPE_SB_REPLICA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct wire_shm_copy; /* <gpupipe/wire.h> */
struct sb_replica;

/*
 * Creates a zero-filled replica of `size` bytes (> 0): a close-on-exec memfd
 * mapped read-write and shared, so the compositor sees what apply writes.
 * The memfd is sealed against shrinking (F_SEAL_SHRINK), so no holder of the
 * fd can truncate it under the host's mapping.
 * Returns NULL on failure with a static reason in *err (err may be NULL).
 * The caller enforces the per-link total (WIRE_MAX_SHM_TOTAL).
 */
struct sb_replica *sb_replica_create(uint32_t size, const char **err);

/*
 * Grows the replica to new_size bytes (wl_shm_pool.resize); the content is
 * kept and the new tail is zero. new_size == current size does nothing;
 * new_size < current size is an error (pools never shrink). The mapping may
 * move: pointers into it are not kept by this API, and the fd stays the same.
 * Returns false with a static reason in *err (err may be NULL); the replica
 * is then still usable at its old size.
 */
bool sb_replica_grow(struct sb_replica *r, uint32_t new_size, const char **err);

/*
 * Applies one WIRE_SHM_COPY: row i of `data` (row_bytes bytes each, packed)
 * goes to offset + i * stride. `copy` and `data` are read once (the header
 * is copied before it is checked). Checked first, in 64-bit arithmetic,
 * exactly the rules of wire.h:
 *   rows > 0; row_bytes > 0; row_bytes <= stride when rows > 1;
 *   offset + (rows - 1) * stride + row_bytes <= size;
 *   data_len == rows * row_bytes.
 * copy->handle is not looked at: the caller maps handles to replicas.
 * On any violation nothing is written and false is returned with *err
 * naming the rule and the values (err may be NULL). The text lives in the
 * replica and stays valid until the next call on it or its destruction.
 */
bool sb_replica_apply(struct sb_replica *r, const struct wire_shm_copy *copy, const uint8_t *data,
                      size_t data_len, const char **err);

/* The memfd, borrowed: the replica keeps owning it (dup it to keep it). */
int sb_replica_fd(const struct sb_replica *r);

/* Current size in bytes. */
uint32_t sb_replica_size(const struct sb_replica *r);

/* Unmaps and closes. NULL is fine. A compositor that still has the fd keeps
 * its own mapping alive, as with any wl_shm pool. */
void sb_replica_destroy(struct sb_replica *r);

#endif
