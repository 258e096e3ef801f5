#include "client.h"
#include "policy.h"

#define POLICY(name) [WIRE_IFACE_INDEX_##name]

static void display_event(struct px_client *client, struct wire_object *obj,
                          const struct wire_msg *msg);

/* Every interface with something to do beyond relaying. */
static const struct px_policy policies[WIRE_INTERFACE_COUNT] = {
        /* The object map's own bookkeeping; syncs answered here when nothing is owed. */
        POLICY(WL_DISPLAY) = {.answer = px_sync_answer,
                              .quiet = px_sync_quiet,
                              .event = display_event},
        POLICY(WL_CALLBACK) = {.withhold = px_sync_withhold, .event = px_sync_callback_event},
        /* shm pools become replicated regions; commits send the damaged bytes first. */
        POLICY(WL_SHM) = {.take_fd = px_shm_take_fd, .request = px_shm_request},
        POLICY(WL_SHM_POOL) = {.request = px_shm_pool_request, .destroy = px_pool_destroy},
        POLICY(WL_BUFFER) = {.destroy = px_buffer_destroy},
        POLICY(WL_COMPOSITOR) = {.request = px_compositor_request},
        POLICY(WL_SURFACE) = {.quiet = px_surface_quiet,
                              .request = px_surface_request,
                              .destroy = px_surface_destroy},
        POLICY(WP_VIEWPORTER) = {.request = px_viewporter_request},
        /* Ours: a GL stream's fd is served here; the host learns of it as a channel. */
        POLICY(GPUPIPE_V1) = {.take_fd = px_gpupipe_take_fd},
};

const struct px_policy *px_policy(const struct wire_interface *iface)
{
	return &policies[iface->index];
}

void px_object_destroy(struct wire_object *obj)
{
	const struct px_policy *p = px_policy(obj->interface);
	if (obj->data && p->destroy)
		p->destroy(obj);
	obj->data = NULL;
}

static void display_event(struct px_client *client, struct wire_object *obj,
                          const struct wire_msg *msg)
{
	if (msg->opcode == WIRE_WL_DISPLAY_EVT_DELETE_ID)
		wire_objects_delete_id(&client->objects, msg->args[0].u, px_object_destroy);
}
