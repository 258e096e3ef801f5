/*
 * A hash map from nonzero u32 keys (app names, host names, EGL handles,
 * wl_buffer ids) to pointer-sized values, with a cap on its entries so
 * that a hostile app cannot grow the host's tables without bound.
 * Open addressing, linear probing, backward-shift deletion (no tombstones).
 */
#ifndef GH_GL_MAP_H
#define GH_GL_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct gh_gl_map {
	uint32_t *keys; /* 0: empty slot */
	uintptr_t *vals;
	uint32_t mask; /* slots - 1; slots is a power of two, or 0 before the first put */
	uint32_t count;
	uint32_t max; /* most entries allowed */
};

void gh_gl_map_init(struct gh_gl_map *m, uint32_t max);
void gh_gl_map_finish(struct gh_gl_map *m);

/* Adds or replaces. False (map unchanged) when key is 0, the map is full
 * (max entries) or memory runs out. */
bool gh_gl_map_put(struct gh_gl_map *m, uint32_t key, uintptr_t val);
/* True and *val when present. */
bool gh_gl_map_get(const struct gh_gl_map *m, uint32_t key, uintptr_t *val);
/* True (and *val, if val) when it was present. */
bool gh_gl_map_remove(struct gh_gl_map *m, uint32_t key, uintptr_t *val);

/* Calls fn for every entry; fn must not change the map. */
void gh_gl_map_for_each(const struct gh_gl_map *m,
                        void (*fn)(uint32_t key, uintptr_t val, void *data), void *data);

static inline void *gh_gl_map_get_ptr(const struct gh_gl_map *m, uint32_t key)
{
	uintptr_t v;
	return gh_gl_map_get(m, key, &v) ? (void *)v : NULL;
}

#endif
