/* The tests' pool and link (see sb-pool.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sb-pool.h"
#include "sb-test.h"

uint8_t *link_alloc(void *ctx, uint16_t type, uint32_t size)
{
	struct link *l = ctx;

	if (size > WIRE_MAX_PAYLOAD)
		l->oversized = true;
	if (l->count == l->fail_at)
		return NULL;
	if (l->count == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct frame *frames = realloc(l->frames, cap * sizeof(*frames));
		if (!frames)
			return NULL;
		l->frames = frames;
		l->cap = cap;
	}
	uint8_t *payload = malloc(size);
	if (!payload)
		return NULL;
	l->frames[l->count++] = (struct frame){.type = type, .size = size, .payload = payload};
	return payload;
}

void link_clear(struct link *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->frames[i].payload);
	l->count = 0;
	l->oversized = false;
	l->fail_at = SIZE_MAX;
}

static void link_finish(struct link *l)
{
	link_clear(l);
	free(l->frames);
}

struct wire_shm_copy frame_copy(const struct frame *f)
{
	struct wire_shm_copy c;
	memcpy(&c, f->payload, sizeof(c));
	return c;
}

bool pool_init(struct pool *p, uint32_t size)
{
	*p = (struct pool){.size = size, .fd = -1, .link = {.fail_at = SIZE_MAX}};
	p->fd = memfd_create("app-pool", MFD_CLOEXEC);
	CHECK(p->fd >= 0 && ftruncate(p->fd, size) == 0);
	p->app = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, p->fd, 0);
	CHECK(p->app != MAP_FAILED);
	int fd = dup(p->fd);
	CHECK(fd >= 0);
	const char *err = NULL;
	p->src = sb_source_create(fd, size, &err);
	CHECKF(p->src, "%s", err);
	p->replica = sb_replica_create(size, &err);
	CHECKF(p->replica, "%s", err);
	p->host = mmap(NULL, size, PROT_READ, MAP_SHARED, sb_replica_fd(p->replica), 0);
	CHECK(p->host != MAP_FAILED);
	return true;
}

void pool_finish(struct pool *p)
{
	link_finish(&p->link);
	munmap((void *)p->host, p->size);
	sb_replica_destroy(p->replica);
	sb_source_destroy(p->src);
	munmap(p->app, p->size);
	close(p->fd);
}

bool pool_grow(struct pool *p, uint32_t size)
{
	const char *err = NULL;
	CHECK(ftruncate(p->fd, size) == 0);
	CHECKF(sb_source_resize(p->src, size, &err), "%s", err);
	CHECKF(sb_replica_grow(p->replica, size, &err), "%s", err);
	munmap(p->app, p->size);
	munmap((void *)p->host, p->size);
	p->size = size;
	p->app = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, p->fd, 0);
	CHECK(p->app != MAP_FAILED);
	p->host = mmap(NULL, size, PROT_READ, MAP_SHARED, sb_replica_fd(p->replica), 0);
	CHECK(p->host != MAP_FAILED);
	return true;
}

void pool_fill(struct pool *p, uint32_t seed)
{
	for (uint32_t i = 0; i < p->size; i++)
		p->app[i] += (uint8_t)(1 + ((i * 2654435761u + seed * 40503u) >> 13) % 255);
}

void pool_change_rect(struct pool *p, const struct sb_buffer_geometry *g, uint32_t x, uint32_t y,
                      uint32_t w, uint32_t h, uint8_t delta)
{
	for (uint32_t r = y; r < y + h; r++) {
		uint8_t *row = p->app + g->offset + (size_t)r * g->stride + (size_t)x * 4;
		for (uint32_t i = 0; i < w * 4; i++)
			row[i] += delta;
	}
}

bool flush_and_apply(struct pool *p, struct sb_buffer *b, uint64_t *bytes)
{
	link_clear(&p->link);
	*bytes = 0;
	CHECK(sb_buffer_flush(b, p->src, HANDLE, link_alloc, &p->link, bytes));
	CHECK(!p->link.oversized);
	uint64_t payload = 0;
	for (size_t i = 0; i < p->link.count; i++) {
		const struct frame *f = &p->link.frames[i];
		CHECK(f->type == WIRE_SHM_COPY);
		CHECK(f->size >= sizeof(struct wire_shm_copy) && f->size <= WIRE_MAX_PAYLOAD);
		struct wire_shm_copy c = frame_copy(f);
		CHECK(c.handle == HANDLE);
		const char *err = NULL;
		CHECKF(sb_replica_apply(p->replica, &c, f->payload + sizeof(c), f->size - sizeof(c),
		                        &err),
		       "frame %zu: %s", i, err);
		payload += f->size - sizeof(c);
	}
	CHECKF(payload == *bytes, "frames carry %llu bytes, flush says %llu",
	       (unsigned long long)payload, (unsigned long long)*bytes);
	CHECK(b->sent);
	CHECK(!pixman_region32_not_empty(&b->pending));
	return true;
}

bool buffer_matches(const struct pool *p, const struct sb_buffer_geometry *g)
{
	uint32_t bpp = sb_shm_format_bpp(g->format);
	uint32_t row = bpp ? g->width * bpp : g->stride;

	for (uint32_t y = 0; y < g->height; y++) {
		size_t at = g->offset + (size_t)y * g->stride;
		CHECKF(memcmp(p->app + at, p->host + at, row) == 0, "row %u differs", y);
	}
	return true;
}

bool shadow_matches(const struct pool *p)
{
	CHECK(memcmp(sb_source_shadow(p->src), p->host, p->size) == 0);
	return true;
}

void damage_rect(struct sb_buffer *b, int x, int y, int w, int h)
{
	pixman_region32_t r;
	pixman_region32_init_rect(&r, x, y, (unsigned)w, (unsigned)h);
	sb_buffer_add_damage(b, &r);
	pixman_region32_fini(&r);
}

uint32_t next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}
