/*
 * A GL stream's shared memory for uploads (shared.c; gl-stream.h, "Shared
 * memory"). gl_enc_shared_put (gl-codec.h) places the bytes; the stream
 * sends the memfd once, with its next write.
 */
#ifndef GE_SHARED_H
#define GE_SHARED_H

struct ge_shared;

void ge_shared_free(struct ge_shared *sh);
/* The memfd, once: the caller sends it with the stream's next bytes and
 * closes it. -1 when there is none to send. */
int ge_shared_take_fd(struct ge_shared *sh);
/* Gives it back when the write did not go out. */
void ge_shared_keep_fd(struct ge_shared *sh, int fd);

#endif
