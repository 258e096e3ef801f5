/* A pool as the tests see it: the app's memory, the proxy's sb_source, the
 * host's sb_replica, and the link between them, which keeps every frame a
 * flush emits so that tests can look at them and apply them as the host
 * would. */
#ifndef SB_POOL_H
#define SB_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gpupipe/shm-bridge.h>
#include <gpupipe/wire.h>

#define HANDLE 7u
#define XRGB8888 1u
#define UNKNOWN_FORMAT 0x12345678u

/* The link: frames as the allocator handed them out. */
struct frame {
	uint16_t type;
	uint32_t size;
	uint8_t *payload;
};

struct link {
	struct frame *frames;
	size_t count, cap;
	size_t fail_at; /* the allocation that returns NULL; SIZE_MAX: none */
	bool oversized; /* a payload above WIRE_MAX_PAYLOAD was asked for */
};

/* An sb_frame_alloc_fn; ctx is a struct link. */
uint8_t *link_alloc(void *ctx, uint16_t type, uint32_t size);
/* Forgets the frames; fail_at back to none. */
void link_clear(struct link *l);

/* The copy header of a frame. */
struct wire_shm_copy frame_copy(const struct frame *f);

struct pool {
	uint32_t size;
	int fd;       /* the app's memfd (the source has its own) */
	uint8_t *app; /* the app's mapping, writable */
	struct sb_source *src;
	struct sb_replica *replica;
	const uint8_t *host; /* the replica as the compositor maps it */
	struct link link;
};

bool pool_init(struct pool *p, uint32_t size);
void pool_finish(struct pool *p);

/* wl_shm_pool.resize as the app, the proxy and the host do it. */
bool pool_grow(struct pool *p, uint32_t size);

/* Changes every byte of the app's pool, so that each differs from what it
 * held (and from the zero replica at first), to a pattern of the seed. */
void pool_fill(struct pool *p, uint32_t seed);

/* Changes every byte of the pixels (4 bytes each) of rectangle x, y, w, h of
 * buffer g in the app's pool, adding delta (not 0 mod 256) to each. */
void pool_change_rect(struct pool *p, const struct sb_buffer_geometry *g, uint32_t x, uint32_t y,
                      uint32_t w, uint32_t h, uint8_t delta);

/* Flushes b and applies every frame to the replica, as the host would; the
 * pixel bytes sent in *bytes. */
bool flush_and_apply(struct pool *p, struct sb_buffer *b, uint64_t *bytes);

/* Whether the buffer's pixels are the same in the app's pool and the replica. */
bool buffer_matches(const struct pool *p, const struct sb_buffer_geometry *g);

/* Whether the whole replica equals the source's shadow, byte for byte. */
bool shadow_matches(const struct pool *p);

void damage_rect(struct sb_buffer *b, int x, int y, int w, int h);

/* xorshift32: reproducible, good enough for rectangles. */
uint32_t next_random(uint32_t *state);

#endif
