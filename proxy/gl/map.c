#include <stdlib.h>

#include "map.h"

static uint32_t slot_of(const struct ge_map *m, uint32_t key)
{
	uint32_t h = key * 0x9e3779b1u;
	return (h ^ (h >> 15)) & (m->cap - 1);
}

void *ge_map_get(const struct ge_map *m, uint32_t key)
{
	if (!m->cap || !key)
		return NULL;
	for (uint32_t i = slot_of(m, key);; i = (i + 1) & (m->cap - 1)) {
		if (m->keys[i] == key)
			return m->vals[i];
		if (!m->keys[i])
			return NULL;
	}
}

static bool grow(struct ge_map *m)
{
	uint32_t cap = m->cap ? m->cap * 2 : 16;
	if (!cap)
		return false;
	struct ge_map n = {calloc(cap, sizeof(uint32_t)), calloc(cap, sizeof(void *)), cap, 0};
	if (!n.keys || !n.vals) {
		free(n.keys);
		free(n.vals);
		return false;
	}
	for (uint32_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			ge_map_put(&n, m->keys[i], m->vals[i]);
	ge_map_finish(m);
	*m = n;
	return true;
}

bool ge_map_put(struct ge_map *m, uint32_t key, void *val)
{
	if (!key || !val)
		return false;
	uint32_t i;
	if (m->cap) {
		for (i = slot_of(m, key); m->keys[i]; i = (i + 1) & (m->cap - 1))
			if (m->keys[i] == key) {
				m->vals[i] = val;
				return true;
			}
	}
	/* A new key: keep the load under 3/4. */
	if ((m->count + 1) * 4 > m->cap * 3 && !grow(m))
		return false;
	for (i = slot_of(m, key); m->keys[i]; i = (i + 1) & (m->cap - 1))
		;
	m->count++;
	m->keys[i] = key;
	m->vals[i] = val;
	return true;
}

void *ge_map_remove(struct ge_map *m, uint32_t key)
{
	if (!m->cap || !key)
		return NULL;
	uint32_t mask = m->cap - 1, i = slot_of(m, key);
	while (m->keys[i] != key) {
		if (!m->keys[i])
			return NULL;
		i = (i + 1) & mask;
	}
	void *val = m->vals[i];
	m->count--;
	/* Backward shift: move later entries of the run into the hole when
	 * their home slot is not between the hole and them. */
	for (uint32_t j = (i + 1) & mask; m->keys[j]; j = (j + 1) & mask) {
		uint32_t home = slot_of(m, m->keys[j]);
		if (((j - home) & mask) >= ((j - i) & mask)) {
			m->keys[i] = m->keys[j];
			m->vals[i] = m->vals[j];
			i = j;
		}
	}
	m->keys[i] = 0;
	m->vals[i] = NULL;
	return val;
}

void ge_map_for_each(const struct ge_map *m, void (*fn)(uint32_t key, void *val, void *data),
                     void *data)
{
	for (uint32_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			fn(m->keys[i], m->vals[i], data);
}

void ge_map_finish(struct ge_map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->cap = m->count = 0;
}
