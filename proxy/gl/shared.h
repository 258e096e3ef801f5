/*
 * A GL stream's shared memory for uploads (shared.c; gl-stream.h, "Shared
 * memory"). gl_enc_shared_put (gl-codec.h) places the bytes; the stream
 * sends the memfd once, with its next write.
 */
#ifndef GE_SHARED_H
#define GE_SHARED_H

#include <stdbool.h>
#include <stdint.h>

struct ge_shared;

struct gl_enc;

void ge_shared_free(struct ge_shared *sh);
/* Room for n bytes of a blob in the stream's shared memory, for the caller
 * to fill before it queues the command that names them (GL_BLOB_SHARED, at
 * *pos); NULL where it has none, or n is too small to gain by it. It may
 * send the stream and wait for room: never between gl_enc_begin and
 * gl_enc_end. */
uint8_t *ge_shared_reserve(struct gl_enc *e, uint32_t n, uint64_t *pos);
/* The memfd, once: the caller sends it with the stream's next bytes and
 * closes it. -1 when there is none to send. */
int ge_shared_take_fd(struct ge_shared *sh);
/* Gives it back when the write did not go out. */
void ge_shared_keep_fd(struct ge_shared *sh, int fd);

#endif
