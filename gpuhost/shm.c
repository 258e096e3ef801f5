#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/shm-bridge.h>
#include <gpupipe/wire.h>

#include "policy.h"
#include "relay.h"
#include "session.h"
#include "shm.h"

static struct gh_shm_region *find(struct gh_session *s, uint32_t handle)
{
	struct gh_shm_region *r;
	wl_list_for_each(r, &s->shm_regions, link)
	{
		if (r->handle == handle)
			return r;
	}
	return NULL;
}

static void region_destroy(struct gh_session *s, struct gh_shm_region *r)
{
	s->shm_total -= sb_replica_size(r->replica);
	sb_replica_destroy(r->replica);
	wl_list_remove(&r->link);
	free(r);
}

bool gh_shm_create(struct gh_session *s, const uint8_t *payload, uint32_t size)
{
	struct wire_shm_create msg;
	if (size != sizeof(msg)) {
		gh_session_fail(s, "shm-create frame of %u bytes, expected %zu", size, sizeof(msg));
		return false;
	}
	memcpy(&msg, payload, sizeof(msg));
	if (msg.handle == 0 || find(s, msg.handle)) {
		gh_session_fail(s, "shm-create with handle %u, which is 0 or in use", msg.handle);
		return false;
	}
	if (msg.size == 0 || s->shm_total + msg.size > WIRE_MAX_SHM_TOTAL) {
		gh_session_fail(s, "shm-create of %u bytes: outside 1..%llu bytes per link",
		                msg.size, (unsigned long long)(WIRE_MAX_SHM_TOTAL - s->shm_total));
		return false;
	}
	if ((unsigned)wl_list_length(&s->shm_regions) >= GH_MAX_SHM_REGIONS) {
		gh_session_fail(s, "more than %d shm regions on one link", GH_MAX_SHM_REGIONS);
		return false;
	}
	const char *err = "out of memory";
	struct gh_shm_region *r = calloc(1, sizeof(*r));
	if (!r || !(r->replica = sb_replica_create(msg.size, &err))) {
		free(r);
		gh_session_fail(s, "cannot make an shm replica of %u bytes: %s", msg.size, err);
		return false;
	}
	r->handle = msg.handle;
	r->session = s;
	s->shm_total += msg.size;
	wl_list_insert(&s->shm_regions, &r->link);
	return true;
}

bool gh_shm_copy(struct gh_session *s, const uint8_t *payload, uint32_t size)
{
	struct wire_shm_copy copy;
	if (size < sizeof(copy)) {
		gh_session_fail(s, "shm-copy frame of %u bytes is shorter than its header", size);
		return false;
	}
	memcpy(&copy, payload, sizeof(copy));
	struct gh_shm_region *r = find(s, copy.handle);
	if (!r) {
		gh_session_fail(s, "shm-copy to unknown handle %u", copy.handle);
		return false;
	}
	const char *err;
	if (!sb_replica_apply(r->replica, &copy, payload + sizeof(copy), size - sizeof(copy),
	                      &err)) {
		gh_session_fail(s, "bad shm-copy to handle %u: %s", copy.handle, err);
		return false;
	}
	return true;
}

int gh_shm_pool_fd(struct gh_session *s, uint32_t handle, int32_t size,
                   struct gh_shm_region **region)
{
	struct gh_shm_region *r = find(s, handle);
	if (!r || r->taken) {
		gh_session_fail(s, "wl_shm.create_pool with fd handle %u, which is %s", handle,
		                r ? "already used by another pool" : "not an announced shm region");
		return -1;
	}
	if (size <= 0 || (uint32_t)size > sb_replica_size(r->replica)) {
		gh_session_fail(s, "wl_shm.create_pool of %d bytes on a region of %u", size,
		                sb_replica_size(r->replica));
		return -1;
	}
	int fd = fcntl(sb_replica_fd(r->replica), F_DUPFD_CLOEXEC, 0);
	if (fd < 0) {
		gh_session_fail(s, "out of file descriptors");
		return -1;
	}
	r->taken = true;
	r->refs = 1;
	*region = r;
	return fd;
}

bool gh_shm_pool_resize(struct gh_session *s, struct gh_shm_region *r, int32_t size)
{
	uint32_t old = sb_replica_size(r->replica);
	if (size <= 0 || (uint32_t)size <= old)
		return true; /* not a growth: the compositor judges it */
	if (s->shm_total - old + (uint32_t)size > WIRE_MAX_SHM_TOTAL) {
		gh_session_fail(s, "wl_shm_pool.resize to %d bytes exceeds the link's shm budget",
		                size);
		return false;
	}
	const char *err;
	if (!sb_replica_grow(r->replica, (uint32_t)size, &err)) {
		gh_session_fail(s, "cannot grow an shm replica to %d bytes: %s", size, err);
		return false;
	}
	s->shm_total += (uint32_t)size - old;
	return true;
}

void gh_shm_region_ref(struct gh_shm_region *region)
{
	region->refs++;
}

void gh_shm_region_unref(struct gh_shm_region *region)
{
	if (region && --region->refs == 0)
		region_destroy(region->session, region);
}

void gh_shm_finish(struct gh_session *s)
{
	struct gh_shm_region *r, *tmp;
	wl_list_for_each_safe(r, tmp, &s->shm_regions, link)
	{
		region_destroy(s, r);
	}
}

/* ---- wl_shm, wl_shm_pool and wl_buffer hooks (policy.h) ---- */

/* wl_shm.create_pool's fd is the link's shm handle, never an fd of the
 * app's: gh_shm_request puts a replica in its place. */
bool gh_shm_takes_fds(const struct gh_session *s, const struct wire_msg *msg)
{
	return msg->opcode == WIRE_WL_SHM_REQ_CREATE_POOL;
}

enum gh_verdict gh_shm_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	if (msg->opcode != WIRE_WL_SHM_REQ_CREATE_POOL)
		return GH_RELAY;
	struct gh_shm_region *region;
	int fd = gh_shm_pool_fd(s, msg->args[1].u, msg->args[2].i, &region);
	if (fd < 0)
		return GH_FAIL;
	m->created->data = region;
	return gh_to_compositor(s, msg, &fd, 1) ? GH_DONE : GH_FAIL;
}

/* A pool's buffers hold its region, so that it outlives the pool. */
enum gh_verdict gh_shm_pool_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_object *pool = m->obj;
	if (!pool->data)
		return GH_RELAY;
	if (m->msg->opcode == WIRE_WL_SHM_POOL_REQ_RESIZE)
		return gh_shm_pool_resize(s, pool->data, m->msg->args[0].i) ? GH_RELAY : GH_FAIL;
	if (m->msg->opcode == WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER) {
		gh_shm_region_ref(pool->data);
		m->created->data = pool->data;
	}
	return GH_RELAY;
}

void gh_shm_object_destroy(struct wire_object *obj)
{
	if (obj->data)
		gh_shm_region_unref(obj->data);
}
