/* Between the hand-written GLES entry points (gles-*.c). */
#ifndef GE_GLES_CLIENT_H
#define GE_GLES_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

struct gl_enc;

/* The bound buffer's bytes [offset, offset + length) (GL_OP_BUFFER_READ,
 * in pieces that fit a reply); false when the link is lost or the reply
 * is short. */
bool ge_buffer_read(struct gl_enc *e, uint32_t target, uint64_t offset, uint64_t length, void *out);

#endif
