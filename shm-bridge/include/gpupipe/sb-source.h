/*
 * Proxy side view of the app's wl_shm pool: a read-only shared mapping of
 * the fd the app passed in wl_shm.create_pool, from which sb_buffer_flush
 * copies.
 *
 * The app owns the file and may truncate it at any time; reading a mapped
 * page past the end of the file raises SIGBUS. sb_source_check narrows that
 * window (call it before each flush) but cannot close it: an app that
 * truncates between the check and the copy crashes the proxy, which serves
 * only apps of the same VM. Memory read from the mapping goes into a link
 * frame once and is never parsed.
 *
 * It also keeps a shadow of the host's replica of the pool: what the
 * replica holds, byte for byte, as far as the WIRE_SHM_COPY frames that
 * sb_buffer_flush emitted for this source made it. Flush compares the
 * app's bytes with it and sends only those that differ. The shadow is true
 * only while every copy to the replica comes from flushes of this one
 * source and every emitted frame reaches it in order; a link that loses a
 * frame is closed anyway. It is sparse: memory is used where copies landed,
 * as in the replica.
 */
#ifndef GPUPIPE_SB_SOURCE_H
#define GPUPIPE_SB_SOURCE_H

#include <stdbool.h>
#include <stdint.h>

struct sb_source;

/*
 * Maps `size` bytes (> 0) of `fd` PROT_READ, MAP_SHARED, and a zero shadow
 * of the same size (the replica starts zero). Takes ownership of
 * fd: it is closed by sb_source_destroy, and on failure before returning.
 * The file's length is not checked here (libwayland-server does not either;
 * see sb_source_check). Returns NULL with a static reason in *err (err may
 * be NULL); the proxy reports it to the app as wl_shm.error.invalid_fd.
 */
struct sb_source *sb_source_create(int fd, uint32_t size, const char **err);

/*
 * Remaps to new_size bytes (wl_shm_pool.resize), and grows the shadow,
 * keeping its content, with a zero tail as the grown replica's. Equal size
 * does nothing; smaller is an error (the protocol forbids shrinking). The
 * mappings may move: pointers from sb_source_data and sb_source_shadow
 * are invalid afterwards. On failure the old pool mapping stays (the shadow
 * may have grown, which is harmless), with a static reason in *err (err may
 * be NULL).
 */
bool sb_source_resize(struct sb_source *s, uint32_t new_size, const char **err);

/*
 * fstat()s the fd: false if the file is now shorter than the mapping (or
 * fstat fails), in which case copying from it could SIGBUS. Files that are
 * not regular files (st_size means nothing there) pass.
 */
bool sb_source_check(const struct sb_source *s);

/* The mapping (size bytes), valid until the next resize or destroy. */
const uint8_t *sb_source_data(const struct sb_source *s);
uint32_t sb_source_size(const struct sb_source *s);

/* The shadow (at least size bytes), what the replica holds; read-only, for
 * checks. Valid until the next resize or destroy. */
const uint8_t *sb_source_shadow(const struct sb_source *s);

/* Unmaps both and closes the fd. NULL is fine. */
void sb_source_destroy(struct sb_source *s);

#endif
