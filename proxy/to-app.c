/*
 * An event to the app, in socket form, with the fds it carries: each fd handle the host
 * announced (a blob's memfd) or a clipboard transfer's pipe becomes a real fd. The events
 * dispatcher (events.c) and the hooks that answer the app themselves (sync.c) send through
 * it.
 */
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>

#include "client.h"

static int take_handle(struct px_client *client, uint32_t handle)
{
	struct px_handle_fd *h;
	wl_array_for_each(h, &client->blobs)
	{
		if (h->handle == handle) {
			int fd = h->fd;
			*h = ((struct px_handle_fd *)
			              client->blobs.data)[client->blobs.size / sizeof(*h) - 1];
			client->blobs.size -= sizeof(*h);
			return fd;
		}
	}
	return -1;
}

bool px_event_send(struct px_client *client, struct wire_msg *msg, struct wire_object *obj)
{
	const struct wire_message_desc *desc = msg->desc;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (desc->args[i].type != WIRE_ARG_FD)
			continue;
		int fd = take_handle(client, msg->args[i].u);
		if (fd < 0 && (client->host_features & WIRE_FEATURE_CLIPBOARD))
			fd = wire_pipes_accept(&client->pipes, msg->args[i].u);
		if (fd < 0) {
			px_client_close(client, true, "host sent %s.%s with unknown fd handle %u",
			                obj->interface->name, desc->name, msg->args[i].u);
			return false;
		}
		wire_conn_queue_fd(&client->app, fd);
	}
	uint8_t *out = wire_conn_reserve(&client->app, msg->size);
	size_t size = out ? wire_msg_encode(msg, WIRE_FORM_SOCKET, out, msg->size) : 0;
	if (size == 0) {
		px_client_close(client, true, "cannot encode %s.%s", obj->interface->name,
		                desc->name);
		return false;
	}
	wire_conn_unreserve(&client->app, msg->size - size);
	return true;
}
