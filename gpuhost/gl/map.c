#include <stdlib.h>

#include "map.h"

static uint32_t slot_of(uint32_t key, uint32_t mask)
{
	/* Knuth's multiplicative hash: app names are dense small integers. */
	return (key * 2654435761u) & mask;
}

void gh_gl_map_init(struct gh_gl_map *m, uint32_t max)
{
	*m = (struct gh_gl_map){.max = max};
}

void gh_gl_map_finish(struct gh_gl_map *m)
{
	free(m->keys);
	free(m->vals);
	*m = (struct gh_gl_map){.max = m->max};
}

static bool grow(struct gh_gl_map *m)
{
	uint32_t slots = m->mask ? (m->mask + 1) * 2 : 16;
	if (slots == 0)
		return false;
	uint32_t *keys = calloc(slots, sizeof(*keys));
	uintptr_t *vals = calloc(slots, sizeof(*vals));
	if (!keys || !vals) {
		free(keys);
		free(vals);
		return false;
	}
	uint32_t mask = slots - 1;
	for (uint32_t i = 0; m->mask && i <= m->mask; i++) {
		if (!m->keys[i])
			continue;
		uint32_t j = slot_of(m->keys[i], mask);
		while (keys[j])
			j = (j + 1) & mask;
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->mask = mask;
	return true;
}

static bool find(const struct gh_gl_map *m, uint32_t key, uint32_t *slot)
{
	if (!m->mask || !key)
		return false;
	for (uint32_t i = slot_of(key, m->mask);; i = (i + 1) & m->mask) {
		if (m->keys[i] == key) {
			*slot = i;
			return true;
		}
		if (!m->keys[i])
			return false;
	}
}

bool gh_gl_map_put(struct gh_gl_map *m, uint32_t key, uintptr_t val)
{
	uint32_t i;
	if (!key)
		return false;
	if (find(m, key, &i)) {
		m->vals[i] = val;
		return true;
	}
	if (m->count >= m->max)
		return false;
	/* Keep the load under 1/2 so that probes stay short. */
	if ((uint64_t)(m->count + 1) * 2 > (uint64_t)m->mask + 1 || !m->mask) {
		if (!grow(m))
			return false;
	}
	for (i = slot_of(key, m->mask); m->keys[i]; i = (i + 1) & m->mask)
		;
	m->keys[i] = key;
	m->vals[i] = val;
	m->count++;
	return true;
}

bool gh_gl_map_get(const struct gh_gl_map *m, uint32_t key, uintptr_t *val)
{
	uint32_t i;
	if (!find(m, key, &i))
		return false;
	*val = m->vals[i];
	return true;
}

bool gh_gl_map_remove(struct gh_gl_map *m, uint32_t key, uintptr_t *val)
{
	uint32_t i;
	if (!find(m, key, &i))
		return false;
	if (val)
		*val = m->vals[i];
	/* Backward shift: move later entries of the probe run into the hole
	 * when their home slot does not lie between the hole and them. */
	uint32_t hole = i;
	for (uint32_t j = (i + 1) & m->mask; m->keys[j]; j = (j + 1) & m->mask) {
		uint32_t home = slot_of(m->keys[j], m->mask);
		bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
		if (stays)
			continue;
		m->keys[hole] = m->keys[j];
		m->vals[hole] = m->vals[j];
		hole = j;
	}
	m->keys[hole] = 0;
	m->vals[hole] = 0;
	m->count--;
	return true;
}

void gh_gl_map_for_each(const struct gh_gl_map *m,
                        void (*fn)(uint32_t key, uintptr_t val, void *data), void *data)
{
	for (uint32_t i = 0; m->mask && i <= m->mask; i++) {
		if (m->keys[i])
			fn(m->keys[i], m->vals[i], data);
	}
}
