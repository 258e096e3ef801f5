/*
 * Read-only files passed by value (WIRE_BLOB): keymaps, and any fd whose
 * content is all that matters to the receiver.
 */
#ifndef GPUPIPE_SB_FD_H
#define GPUPIPE_SB_FD_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Makes a memfd (close-on-exec) holding `len` bytes of `data` and seals it
 * with F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL, so every
 * holder, the app included, sees the same bytes forever: writable shared
 * mappings and writes fail; MAP_PRIVATE mappings (what wl_keyboard.keymap
 * requires of clients from version 7) work. `name` shows in /proc only.
 * Returns the fd, or -1 with errno set.
 */
int sb_memfd_from_bytes(const char *name, const void *data, size_t len);

/*
 * Reads exactly `size` bytes from the start of fd into a new malloc'd
 * buffer (*data_out, freed by the caller; non-NULL even when size is 0).
 * Keymap fds are often sealed memfds opened read-only that must be mapped
 * MAP_PRIVATE: a regular file at least `size` long is mapped PROT_READ,
 * MAP_PRIVATE; otherwise, or if mmap fails, it is read with pread, so a
 * file found shorter than `size` is an error, not a SIGBUS (a file that
 * shrinks during the copy still can be: use it on trusted fds).
 * size > max is an error. The fd is not closed nor its offset moved.
 * Returns false with a static reason in *err (err may be NULL).
 */
bool sb_read_fd(int fd, size_t size, size_t max, void **data_out, const char **err);

#endif
