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

/* Element i of every enabled client array (GL_OP_CLIENT_ARRAY, at vertex i:
 * glArrayElement's, divisors ignored as GL's glArrayElement does); false
 * after an error (gles-draw.c). */
bool ge_send_element_arrays(struct gl_enc *e, uint32_t i);
/* An enabled array in client memory, of either set (gles-draw.c). */
struct ge_gl_state;
bool ge_has_client_arrays(struct ge_gl_state *gl);
/* Sends the client arrays the next draw reads: vertices [first, first + count) of the
 * per-vertex ones, ceil(instances / divisor) elements from `base` (the base instance) of
 * the instanced ones; false after an error (gles-draw.c). */
bool ge_send_arrays(struct gl_enc *e, uint64_t first, uint64_t count, uint64_t instances,
                    uint64_t base);
/* The smallest and largest of `count` indices of `type` (isz bytes each) at `offset` of the
 * element buffer, leaving out `skip` (ge_index_range): read from the host, a round trip
 * (gles-draw.c). */
bool ge_buffer_index_range(struct gl_enc *e, uint32_t type, uint64_t offset, uint32_t count,
                           uint32_t isz, uint64_t skip, uint32_t *min, uint32_t *max);

/* ---- gles-array-again.c: client arrays not sent again while unchanged ---- */
struct gl_client_array;
/* Whether the vertices h names of the app's array at `pointer` (elem bytes each, every
 * `stride` bytes, 0: packed) are, byte for byte, the ones `slot` (GE_ARRAY_SLOTS) last sent
 * with header h: then GL_OP_CLIENT_ARRAY_AGAIN carries the header alone. */
bool ge_array_again(struct ge_gl_state *gl, uint32_t slot, const struct gl_client_array *h,
                    const void *pointer, uint32_t elem, uint32_t stride);
/* After GL_OP_CLIENT_ARRAY of `slot` with header h: its n packed bytes kept (or the slot
 * forgotten, where they are too few, past the context's bound, or the array has been
 * changing at every draw and rests). */
void ge_array_sent(struct ge_gl_state *gl, uint32_t slot, const struct gl_client_array *h,
                   const uint8_t *packed, uint32_t n);
void ge_array_copies_free(struct ge_gl_state *gl);

/* ---- gles-locations.c: uniform and attribute locations kept from the host ---- */
struct ge_share;
/* Forgets what is kept of `program` (it is linked again or deleted); share group locked. */
void ge_program_names_drop(struct ge_share *s, uint32_t program);
/* The share group goes. */
void ge_program_names_free(struct ge_share *s);

/* ---- gles-attach.c: shaders attached to programs ---- */
/* The program's name went: its shaders are detached, the flagged ones deleted; share group
 * locked. */
void ge_attach_program_gone(struct ge_share *s, uint32_t program);
/* The share group goes. */
void ge_attach_free(struct ge_share *s);

/* ---- gles-readback.c: readbacks into the app's memory ---- */
/* Where a glRead{,n}Pixels reply goes (buf_size: INT64_MAX for
 * glReadPixels): `pixels` itself when GL writes every byte of it or the
 * call is an error, else a buffer of ours; NULL (GL_OUT_OF_MEMORY raised)
 * when there is none. */
void *ge_readback_begin(struct gl_enc *e, int32_t width, int32_t height, uint32_t format,
                        uint32_t type, int64_t buf_size, void *pixels);
/* After the reply landed in `into`: its pixels copied to `pixels`. */
void ge_readback_end(struct gl_enc *e, int32_t width, int32_t height, uint32_t format,
                     uint32_t type, void *into, void *pixels);

/* ---- gles-persist.c: mappings of GL_EXT_buffer_storage stores ---- */
struct ge_buffer;
/* Before command `op` is queued: sends the app's writes to coherent
 * persistent mappings when op may make the GPU read buffer memory, to
 * every persistent mapping at glMemoryBarrier. */
void ge_persist_before(struct gl_enc *e, uint32_t op);
/* Maps [offset, offset + length) of the immutable store `name`, bound to
 * target, on the host too; share group locked. GL_NO_ERROR and b's
 * mapping set, or the error. */
uint32_t ge_persist_map(struct gl_enc *e, uint32_t name, uint32_t target, struct ge_buffer *b,
                        int64_t offset, int64_t length, uint32_t access);
/* Sends the app's writes to [offset, offset + length) of b's mapping
 * (relative to the mapping); share group locked. */
bool ge_persist_flush_range(struct gl_enc *e, uint32_t name, struct ge_buffer *b, int64_t offset,
                            int64_t length);
/* Sends the last writes, then ends the host's mapping; share group locked,
 * b's mapping freed. */
void ge_persist_unmap(struct gl_enc *e, uint32_t name, struct ge_buffer *b);
/* The GPU's writes into the app's persistent mappings (glFinish, a fence
 * wait that signalled): the app's own writes go first. */
void ge_persist_pull_all(struct gl_enc *e);

/* ---- gl-teximage.c: desktop texture readbacks ---- */
/* glGetTexImage of `target` (a bound texture's), into at most buf_size
 * bytes (INT64_MAX: unbounded; over it GL_INVALID_OPERATION, nothing
 * written); a pack buffer's offset when one is bound. */
void ge_get_tex_image(struct gl_enc *e, uint32_t target, int32_t level, uint32_t format,
                      uint32_t type, int64_t buf_size, void *pixels);
void ge_get_compressed_tex_image(struct gl_enc *e, uint32_t target, int32_t level, int64_t buf_size,
                                 void *img);

#endif
