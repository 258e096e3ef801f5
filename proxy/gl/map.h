/*
 * A hash map from nonzero u32 keys (GL names) to non-NULL pointers: open
 * addressing, linear probing, deletion by backward shift (no tombstones,
 * so lookups stay short however names come and go).
 */
#ifndef GE_MAP_H
#define GE_MAP_H

#include <stdbool.h>
#include <stdint.h>

struct ge_map {
	uint32_t *keys; /* 0: empty slot */
	void **vals;
	uint32_t cap; /* power of two, or 0 */
	uint32_t count;
};

void *ge_map_get(const struct ge_map *m, uint32_t key);
/* Inserts or replaces; false on allocation failure (a replacement never allocates). */
bool ge_map_put(struct ge_map *m, uint32_t key, void *val);
/* Returns the removed value, or NULL when the key was absent. */
void *ge_map_remove(struct ge_map *m, uint32_t key);
/* Calls fn for every entry (the map must not change meanwhile). */
void ge_map_for_each(const struct ge_map *m, void (*fn)(uint32_t key, void *val, void *data),
                     void *data);
void ge_map_finish(struct ge_map *m);

#endif
