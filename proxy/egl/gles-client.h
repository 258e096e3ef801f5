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
/* glReadPixels or glReadnPixels (buf_size non-NULL) with a pixel pack buffer
 * bound: the pixels' offset in it travels, and nothing waits (gles3.c). */
void ge_read_pixels_to_pack(struct gl_enc *e, uint32_t op, int32_t x, int32_t y, int32_t width,
                            int32_t height, uint32_t format, uint32_t type, const int32_t *buf_size,
                            const void *offset);

#endif
