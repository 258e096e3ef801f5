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
 */
#ifndef GPUPIPE_SB_SOURCE_H
#define GPUPIPE_SB_SOURCE_H

#include <stdbool.h>
#include <stdint.h>

struct sb_source;

/*
 * Maps `size` bytes (> 0) of `fd` PROT_READ, MAP_SHARED. Takes ownership of
 * fd: it is closed by sb_source_destroy, and on failure before returning.
 * The file's length is not checked here (libwayland-server does not either;
 * see sb_source_check). Returns NULL with a static reason in *err (err may
 * be NULL); the proxy reports it to the app as wl_shm.error.invalid_fd.
 */
struct sb_source *sb_source_create(int fd, uint32_t size, const char **err);

/*
 * Remaps to new_size bytes (wl_shm_pool.resize). Equal size does nothing;
 * smaller is an error (the protocol forbids shrinking). The mapping may
 * move: pointers from sb_source_data are invalid afterwards. On failure the
 * old mapping stays, with a static reason in *err (err may be NULL).
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

/* Unmaps and closes the fd. NULL is fine. */
void sb_source_destroy(struct sb_source *s);

#endif
