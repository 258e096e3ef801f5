/*
 * The proxy's shm hooks: wl_shm pools become replicated regions
 * (WIRE_SHM_CREATE), and each wl_surface.commit of an shm buffer first
 * sends the bytes the host's replica lacks (WIRE_SHM_COPY), computed from
 * the damage the app declared.
 */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/shm-bridge.h>

#include "client.h"
#include "policy.h"

/* A pool lives while the wl_shm_pool or any buffer made from it does, as
 * in wl_shm's own semantics. */
struct px_pool {
	unsigned refs;
	uint32_t handle;
	struct sb_source *source;
};

struct px_buffer {
	struct px_pool *pool;
	struct sb_buffer sb;
};

/* How many recently committed buffers of a surface keep accumulating
 * damage. A buffer that drops out is resent whole when it comes back;
 * apps cycle through 2-4 buffers. */
#define HISTORY 4

struct px_surface {
	bool attached;           /* attach since the last commit */
	uint32_t pending_buffer; /* its buffer id, 0 for none */
	uint32_t current_buffer;
	pixman_region32_t damage;        /* surface coordinates */
	pixman_region32_t damage_buffer; /* buffer coordinates */
	int32_t scale, pending_scale;
	uint32_t transform, pending_transform;
	bool has_viewport;
	uint32_t history[HISTORY];
};

static void pool_unref(struct px_pool *pool)
{
	if (pool && --pool->refs == 0) {
		sb_source_destroy(pool->source);
		free(pool);
	}
}

/* wl_shm.create_pool: maps fd (taken), announces the region and puts its
 * handle in the message in place of the fd. */
enum px_fd_verdict px_shm_take_fd(struct px_client *client, struct wire_msg *msg, int fd)
{
	if (msg->opcode != WIRE_WL_SHM_REQ_CREATE_POOL)
		return PX_FD_NOT_MINE;
	const char *err;
	int32_t size = msg->args[2].i;
	if (size <= 0) {
		close(fd);
		px_client_close(client, true, "app created an shm pool of size %d", size);
		return PX_FD_FAILED;
	}
	struct px_pool *pool = calloc(1, sizeof(*pool));
	if (!pool || !(pool->source = sb_source_create(fd, (uint32_t)size, &err))) {
		free(pool);
		px_client_close(client, true, "cannot map the app's shm pool: %s",
		                pool ? err : "out of memory");
		return PX_FD_FAILED;
	}
	pool->refs = 1;
	pool->handle = client->next_handle++;
	struct wire_shm_create create = {.handle = pool->handle, .size = (uint32_t)size};
	uint8_t *p = wire_frame_begin(&client->link, WIRE_SHM_CREATE, 0, sizeof(create));
	if (!p) {
		pool_unref(pool);
		px_client_close(client, true, "out of memory");
		return PX_FD_FAILED;
	}
	memcpy(p, &create, sizeof(create));
	msg->args[1].u = pool->handle;
	/* The pool object is created after this hook: stash it for
	 * px_shm_request to attach. */
	client->pending_pool = pool;
	return PX_FD_TAKEN;
}

static struct px_surface *surface_create(void)
{
	struct px_surface *s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	pixman_region32_init(&s->damage);
	pixman_region32_init(&s->damage_buffer);
	s->scale = s->pending_scale = 1;
	return s;
}

/* Adds a rectangle given as int32 x, y, w, h (apps send INT32_MAX sizes)
 * to region, clamped to [0, limit_w) x [0, limit_h) before pixman sees it. */
static void add_clamped(pixman_region32_t *region, int64_t x, int64_t y, int64_t w, int64_t h,
                        int64_t limit_w, int64_t limit_h)
{
	int64_t x1 = x < 0 ? 0 : x, y1 = y < 0 ? 0 : y;
	int64_t x2 = x + w > limit_w ? limit_w : x + w;
	int64_t y2 = y + h > limit_h ? limit_h : y + h;
	if (w <= 0 || h <= 0 || x2 <= x1 || y2 <= y1)
		return;
	pixman_region32_union_rect(region, region, (int)x1, (int)y1, (unsigned)(x2 - x1),
	                           (unsigned)(y2 - y1));
}

static struct px_buffer *shm_buffer(struct px_client *client, uint32_t id)
{
	struct wire_object *obj = id ? wire_object_get(&client->objects, id) : NULL;
	if (!obj || obj->interface != &wire_iface_wl_buffer)
		return NULL;
	return obj->data;
}

/* The commit's damage in the coordinates of buffer b. Surface damage is
 * scaled; with a transform or a viewport the mapping is not worth getting
 * subtly wrong, so the whole buffer counts as damaged. */
static void commit_damage(const struct px_surface *s, const struct px_buffer *b,
                          pixman_region32_t *out)
{
	int64_t bw = b->sb.geom.width, bh = b->sb.geom.height;
	pixman_region32_copy(out, &s->damage_buffer);
	if (!pixman_region32_not_empty(&s->damage))
		return;
	if (s->transform || s->has_viewport) {
		add_clamped(out, 0, 0, bw, bh, bw, bh);
		return;
	}
	int n;
	const pixman_box32_t *box = pixman_region32_rectangles((pixman_region32_t *)&s->damage, &n);
	for (int i = 0; i < n; i++) {
		add_clamped(out, (int64_t)box[i].x1 * s->scale, (int64_t)box[i].y1 * s->scale,
		            (int64_t)(box[i].x2 - box[i].x1) * s->scale,
		            (int64_t)(box[i].y2 - box[i].y1) * s->scale, bw, bh);
	}
}

static uint8_t *frame_alloc(void *ctx, uint16_t type, uint32_t size)
{
	struct px_client *client = ctx;
	return wire_frame_begin(&client->link, type, 0, size);
}

static void remember(struct px_client *client, struct px_surface *s, uint32_t id)
{
	for (int i = 0; i < HISTORY; i++) {
		if (s->history[i] == id)
			return;
	}
	/* The oldest falls out and stops tracking damage: send it whole if
	 * it is ever committed again. */
	struct px_buffer *old = shm_buffer(client, s->history[HISTORY - 1]);
	if (old) {
		old->sb.sent = false;
		pixman_region32_clear(&old->sb.pending);
	}
	memmove(s->history + 1, s->history, sizeof(s->history[0]) * (HISTORY - 1));
	s->history[0] = id;
}

static bool commit(struct px_client *client, struct px_surface *s)
{
	if (s->attached && s->pending_buffer)
		client->stats.frames++; /* a buffer shown: a frame (stats.h) */
	if (s->attached)
		s->current_buffer = s->pending_buffer;
	s->attached = false;
	s->scale = s->pending_scale;
	s->transform = s->pending_transform;

	struct px_buffer *b = shm_buffer(client, s->current_buffer);
	bool ok = true;
	if (b) {
		remember(client, s, s->current_buffer);
		pixman_region32_t damage;
		pixman_region32_init(&damage);
		for (int i = 0; i < HISTORY; i++) {
			struct px_buffer *h = shm_buffer(client, s->history[i]);
			if (!h)
				continue;
			commit_damage(s, h, &damage);
			sb_buffer_add_damage(&h->sb, &damage);
		}
		pixman_region32_fini(&damage);
		uint64_t bytes = 0;
		ok = sb_source_check(b->pool->source) &&
		     sb_buffer_flush(&b->sb, b->pool->source, b->pool->handle, frame_alloc, client,
		                     &bytes);
		if (!ok)
			px_client_close(client, true,
			                "app committed an shm buffer outside its pool (or its pool "
			                "file shrank)");
	}
	pixman_region32_clear(&s->damage);
	pixman_region32_clear(&s->damage_buffer);
	return ok;
}

/* sync.c: attach, damage, damage_buffer and frame have no event in response
 * (a frame callback is done at a repaint). A commit has none when the
 * surface shows a buffer and keeps showing one that is not wl_shm's: its
 * first buffer maps it, a commit without one begins or ends a role's
 * configure handshake, and compositors release a shm buffer as they take
 * the next one's pixels at its commit, which Mesa's software EGL on
 * Wayland counts on (it throttles each frame with a wl_display.sync "so
 * that the compositor can send a release event before checking for a free
 * buffer", and has none left after four frames otherwise). So only frames
 * of gpupipe's own buffers (the EGL library's, gpupipe_memory_v1) are
 * quiet: the library waits for their release itself. */
bool px_surface_quiet(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg)
{
	const struct px_surface *s = obj->data;
	switch (msg->opcode) {
	case WIRE_WL_SURFACE_REQ_ATTACH:
	case WIRE_WL_SURFACE_REQ_DAMAGE:
	case WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER:
	case WIRE_WL_SURFACE_REQ_FRAME:
		return true;
	case WIRE_WL_SURFACE_REQ_COMMIT: {
		if (!s || !s->current_buffer || (s->attached && !s->pending_buffer))
			return false;
		uint32_t next = s->attached ? s->pending_buffer : s->current_buffer;
		return !shm_buffer(client, s->current_buffer) && !shm_buffer(client, next);
	}
	default:
		return false;
	}
}

bool px_surface_request(struct px_client *client, struct wire_object *obj,
                        const struct wire_msg *msg, struct wire_object *created)
{
	struct px_surface *s = obj->data;
	if (!s)
		return true;
	const union wire_arg *a = msg->args;
	switch (msg->opcode) {
	case WIRE_WL_SURFACE_REQ_ATTACH:
		s->attached = true;
		s->pending_buffer = a[0].u;
		break;
	case WIRE_WL_SURFACE_REQ_DAMAGE:
		add_clamped(&s->damage, a[0].i, a[1].i, a[2].i, a[3].i, INT32_MAX, INT32_MAX);
		break;
	case WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER:
		add_clamped(&s->damage_buffer, a[0].i, a[1].i, a[2].i, a[3].i, INT32_MAX,
		            INT32_MAX);
		break;
	case WIRE_WL_SURFACE_REQ_SET_BUFFER_SCALE:
		s->pending_scale = a[0].i > 0 ? a[0].i : 1;
		break;
	case WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM:
		s->pending_transform = a[0].u;
		break;
	case WIRE_WL_SURFACE_REQ_COMMIT:
		return commit(client, s);
	}
	return true;
}

static void buffer_create(struct px_client *client, struct wire_object *pool_obj,
                          const struct wire_msg *msg, struct wire_object *created)
{
	struct px_pool *pool = pool_obj->data;
	const union wire_arg *a = msg->args;
	if (!pool || a[1].i < 0 || a[2].i <= 0 || a[3].i <= 0 || a[4].i <= 0)
		return; /* invalid: the host compositor will tell the app */
	struct sb_buffer_geometry g = {
	        .offset = (uint32_t)a[1].i,
	        .width = (uint32_t)a[2].i,
	        .height = (uint32_t)a[3].i,
	        .stride = (uint32_t)a[4].i,
	        .format = a[5].u,
	};
	const char *err;
	if (!sb_buffer_geometry_check(&g, sb_source_size(pool->source), &err))
		return;
	struct px_buffer *b = calloc(1, sizeof(*b));
	if (!b)
		return;
	b->pool = pool;
	pool->refs++;
	sb_buffer_init(&b->sb, &g);
	created->data = b;
}

bool px_shm_request(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg,
                    struct wire_object *created)
{
	if (msg->opcode == WIRE_WL_SHM_REQ_CREATE_POOL) {
		created->data = client->pending_pool;
		client->pending_pool = NULL;
	}
	return true;
}

bool px_shm_pool_request(struct px_client *client, struct wire_object *obj,
                         const struct wire_msg *msg, struct wire_object *created)
{
	const char *err;
	struct px_pool *pool = obj->data;
	if (msg->opcode == WIRE_WL_SHM_POOL_REQ_RESIZE) {
		if (pool && msg->args[0].i > 0 &&
		    !sb_source_resize(pool->source, (uint32_t)msg->args[0].i, &err)) {
			px_client_close(client, true, "cannot remap the app's shm pool: %s", err);
			return false;
		}
	} else if (msg->opcode == WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER) {
		buffer_create(client, obj, msg, created);
	}
	return true;
}

bool px_compositor_request(struct px_client *client, struct wire_object *obj,
                           const struct wire_msg *msg, struct wire_object *created)
{
	if (msg->opcode == WIRE_WL_COMPOSITOR_REQ_CREATE_SURFACE)
		created->data = surface_create();
	return true;
}

bool px_viewporter_request(struct px_client *client, struct wire_object *obj,
                           const struct wire_msg *msg, struct wire_object *created)
{
	if (msg->opcode == WIRE_WP_VIEWPORTER_REQ_GET_VIEWPORT) {
		struct wire_object *surface = wire_object_get(&client->objects, msg->args[1].u);
		if (surface && surface->data)
			((struct px_surface *)surface->data)->has_viewport = true;
	}
	return true;
}

void px_surface_destroy(struct wire_object *obj)
{
	struct px_surface *s = obj->data;
	pixman_region32_fini(&s->damage);
	pixman_region32_fini(&s->damage_buffer);
	free(s);
}

void px_buffer_destroy(struct wire_object *obj)
{
	struct px_buffer *b = obj->data;
	sb_buffer_finish(&b->sb);
	pool_unref(b->pool);
	free(b);
}

void px_pool_destroy(struct wire_object *obj)
{
	pool_unref(obj->data);
}
