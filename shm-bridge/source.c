/* Proxy side read-only view of an app's wl_shm pool, and the shadow of its
 * replica. */
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gpupipe/sb-source.h>

#include "source.h"
#include "util.h"

/* Address space only: see struct sb_source. */
static void *shadow_map(uint32_t size)
{
	return mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
	            -1, 0);
}

struct sb_source *sb_source_create(int fd, uint32_t size, const char **err)
{
	struct sb_source *s = NULL;
	void *data;

	if (size == 0) {
		fail(err, "shm pool size is 0");
		goto err_close;
	}
	s = calloc(1, sizeof(*s));
	if (!s) {
		fail(err, "out of memory");
		goto err_close;
	}
	data = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
	if (data == MAP_FAILED) {
		fail(err, "cannot map the shm pool fd");
		goto err_free;
	}
	s->shadow = shadow_map(size);
	if (s->shadow == MAP_FAILED) {
		fail(err, "cannot map the shadow of the shm pool");
		goto err_unmap;
	}
	s->fd = fd;
	s->data = data;
	s->size = size;
	s->shadow_size = size;
	return s;

err_unmap:
	munmap(data, size);
err_free:
	free(s);
err_close:
	close(fd);
	return NULL;
}

bool sb_source_resize(struct sb_source *s, uint32_t new_size, const char **err)
{
	if (new_size < s->size)
		return fail(err, "shm pool cannot shrink");
	if (new_size == s->size)
		return true;
	/* The shadow first: if the pool's remap then fails, a shadow larger
	 * than the pool is harmless (its tail is zero, as the replica's). */
	if (new_size > s->shadow_size) {
		void *shadow = mremap(s->shadow, s->shadow_size, new_size, MREMAP_MAYMOVE);
		if (shadow == MAP_FAILED)
			return fail(err, "cannot grow the shadow of the shm pool");
		s->shadow = shadow;
		s->shadow_size = new_size;
	}
	void *data = mremap((void *)s->data, s->size, new_size, MREMAP_MAYMOVE);
	if (data == MAP_FAILED)
		return fail(err, "cannot remap the resized shm pool");
	s->data = data;
	s->size = new_size;
	return true;
}

bool sb_source_check(const struct sb_source *s)
{
	struct stat st;

	if (fstat(s->fd, &st) < 0)
		return false;
	if (!S_ISREG(st.st_mode))
		return true;
	return st.st_size >= 0 && (uint64_t)st.st_size >= s->size;
}

const uint8_t *sb_source_data(const struct sb_source *s)
{
	return s->data;
}

uint32_t sb_source_size(const struct sb_source *s)
{
	return s->size;
}

const uint8_t *sb_source_shadow(const struct sb_source *s)
{
	return s->shadow;
}

void sb_source_destroy(struct sb_source *s)
{
	if (!s)
		return;
	munmap((void *)s->data, s->size);
	munmap(s->shadow, s->shadow_size);
	close(s->fd);
	free(s);
}
