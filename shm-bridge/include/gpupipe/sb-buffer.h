/*
 * Proxy side damage tracking for wl_shm buffers, and the WIRE_SHM_COPY
 * frames that bring a buffer's replica up to date.
 *
 * What the proxy relies on: a client's contract with the compositor is that
 * a newly committed buffer equals the previous frame everywhere outside the
 * damage of that commit. So the proxy adds each commit's damage (in buffer
 * coordinates) to *every* sb_buffer ever attached to that surface, then
 * flushes the committed buffer. A buffer's pending region is then the union
 * of all damage since that buffer was last sent, outside of which the app's
 * buffer still holds what the replica holds; after the flush the buffer's
 * bytes in the replica equal the app's buffer.
 *
 * The first flush of a buffer covers it whole, whatever the damage.
 *
 * Inside that region, flush sends only the bytes that differ from the
 * source's shadow of the replica (see sb-source.h). Damage is where to look;
 * the shadow says what to send. So apps that damage more than they change
 * cost CPU, not link bytes: foot scrolls by making a new buffer at a
 * shifted offset of the same pool and damaging all of it, and only the new
 * lines differ from what the replica already holds there.
 */
#ifndef GPUPIPE_SB_BUFFER_H
#define GPUPIPE_SB_BUFFER_H

#include <stdbool.h>
#include <stdint.h>

#include <pixman.h>

struct sb_source;

/* A wl_shm buffer's place in its pool, as given to wl_shm_pool.create_buffer. */
struct sb_buffer_geometry {
	uint32_t offset; /* bytes from the start of the pool to pixel (0, 0) */
	uint32_t width;  /* pixels */
	uint32_t height; /* pixels (rows) */
	uint32_t stride; /* bytes between row starts */
	uint32_t format; /* enum wl_shm_format code */
};

/*
 * Bytes per pixel of a wl_shm format: 0 (argb8888), 1 (xrgb8888) and the
 * single-plane DRM fourcc codes of 8, 16, 24, 32 and 64 bits per pixel.
 * 0 for anything else (YUV, multi-plane, unknown): flush then copies whole
 * rows of `stride` bytes.
 */
uint32_t sb_shm_format_bpp(uint32_t wl_shm_format);

/*
 * Checks that a buffer lies inside a pool of pool_size bytes, in 64-bit
 * arithmetic: width, height > 0 and <= INT32_MAX (pixman coordinates);
 * stride > 0; width * bpp <= stride for known formats; and
 * offset + (height - 1) * stride + row <= pool_size, where row is
 * width * bpp, or stride for formats of unknown bpp.
 * Returns false with a static reason in *err (err may be NULL). Pools only
 * grow, so a buffer valid at create_buffer stays valid.
 */
bool sb_buffer_geometry_check(const struct sb_buffer_geometry *g, uint64_t pool_size,
                              const char **err);

struct sb_buffer {
	struct sb_buffer_geometry geom;
	/* Damage since the last flush, buffer coordinates, clipped to the buffer. */
	pixman_region32_t pending;
	/* A flush has succeeded once: until then the whole buffer is sent. */
	bool sent;
};

/* Starts tracking a buffer: nothing pending, never sent. */
void sb_buffer_init(struct sb_buffer *b, const struct sb_buffer_geometry *g);
void sb_buffer_finish(struct sb_buffer *b);

/*
 * Adds damage (pixels, buffer coordinates: the caller converts surface
 * damage with the surface's scale and transform) to the pending region,
 * clipped to the buffer.
 */
void sb_buffer_add_damage(struct sb_buffer *b, const pixman_region32_t *damage_in_buffer_coords);

/*
 * Where flush writes a frame: returns space for a whole frame payload of
 * payload_size bytes (<= WIRE_MAX_PAYLOAD) of the given wire type in the
 * link's output queue, the header being the allocator's job; or NULL if the
 * link cannot take it.
 */
typedef uint8_t *(*sb_frame_alloc_fn)(void *ctx, uint16_t type, uint32_t payload_size);

/*
 * Brings the replica (handle `handle`) up to date with src for the pending
 * damage (the whole buffer if it was never sent), then clears pending and
 * marks the buffer sent. Each payload is a wire_shm_copy followed by its
 * packed rows and never exceeds WIRE_MAX_PAYLOAD.
 *
 * How the damage becomes frames:
 * - each rectangle of the region is a run of rows of width * bpp bytes;
 *   formats of unknown bpp cover whole rows (stride bytes);
 * - each row is compared with the shadow: bytes equal to it are not sent,
 *   except equal stretches of less than 64 bytes inside a run of
 *   differences (a frame header costs 28 bytes);
 * - a row whose runs cover less than half of the bytes from its first
 *   difference to its last sends each run as a one-row frame; other
 *   consecutive rows go together as one 2D copy, spanning all their
 *   differences, as long as at least half of its bytes are run bytes;
 * - a 2D copy of whole rows (row bytes == stride) is sent as one contiguous
 *   span; copies are split by rows to fit WIRE_MAX_PAYLOAD, and a single row
 *   longer than that into pieces of rows = 1.
 * Every byte sent is copied into the shadow from the frame itself. Equal
 * bytes sent change nothing in the replica.
 *
 * The caller checks sb_source_check(src) first: this reads src's mapping.
 *
 * Adds the pixel bytes sent (not the frame headers) to *bytes_sent
 * (bytes_sent may be NULL).
 * Returns false, leaving pending and sent as they were, if the buffer does
 * not lie inside the source mapping (see sb_buffer_geometry_check, called
 * here with sb_source_size: the proxy then reports the app's error) or if
 * alloc returns NULL (frames already emitted stay emitted, and in the
 * shadow; they are valid, and a later flush only finds less to send).
 */
bool sb_buffer_flush(struct sb_buffer *b, struct sb_source *src, uint32_t handle,
                     sb_frame_alloc_fn alloc, void *ctx, uint64_t *bytes_sent);

#endif
