/*
 * Replicas of the app's wl_shm pools: the proxy announces a region
 * (WIRE_SHM_CREATE), sends bytes into it (WIRE_SHM_COPY), and the app's
 * wl_shm.create_pool names it by handle; the compositor gets our memfd.
 *
 * A region lives while it is announced-but-unused, or while its wl_shm_pool
 * or any wl_buffer made from it exists (wl_shm keeps a pool's memory for
 * its buffers, and the proxy keeps copying into it for them).
 */
#ifndef GH_SHM_H
#define GH_SHM_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-util.h>

#include <gpupipe/wl-objects.h>

struct gh_session;

/* At most this many regions per link (each is a memfd and a mapping). */
#define GH_MAX_SHM_REGIONS 1024

struct gh_shm_region {
	struct wl_list link; /* gh_session.shm_regions */
	uint32_t handle;
	bool taken;    /* a wl_shm_pool was created from it */
	unsigned refs; /* pool + buffers, once taken */
	struct sb_replica *replica;
	struct gh_session *session; /* for the budget when it goes */
};

bool gh_shm_create(struct gh_session *s, const uint8_t *payload, uint32_t size);
bool gh_shm_copy(struct gh_session *s, const uint8_t *payload, uint32_t size);

/* wl_shm.create_pool: resolves the handle, checks the size, and returns a
 * dup of the replica's fd for the compositor (-1 after failing the link). */
int gh_shm_pool_fd(struct gh_session *s, uint32_t handle, int32_t size,
                   struct gh_shm_region **region);
/* wl_shm_pool.resize, checked against the link's budget. */
bool gh_shm_pool_resize(struct gh_session *s, struct gh_shm_region *region, int32_t size);

void gh_shm_region_ref(struct gh_shm_region *region);
void gh_shm_region_unref(struct gh_shm_region *region);
void gh_shm_finish(struct gh_session *s);

#endif
