/*
 * App -> link: decode each request of the app against the generated
 * tables, turn its fds into link resources, and forward it in link form.
 * The shm hooks live in surface.c; this file is the generic path.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "client.h"
#include "gl-streams.h"
#include "policy.h"

/* Replaces each fd argument by a link handle. Only wl_shm.create_pool
 * carries an fd we can forward in version 1; clipboard pipes are not
 * offered to the app unless the host allowed them, so any other fd is an
 * app error. */
static bool convert_fds(struct px_client *client, struct wire_msg *msg, struct wire_object *obj,
                        bool *consumed)
{
	const struct wire_message_desc *desc = msg->desc;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (desc->args[i].type != WIRE_ARG_FD)
			continue;
		int fd = wire_conn_take_fd(&client->app);
		if (fd < 0) {
			px_client_close(client, true, "app sent %s.%s without its fd",
			                obj->interface->name, desc->name);
			return false;
		}
		const struct px_policy *p = px_policy(obj->interface);
		enum px_fd_verdict v = p->take_fd ? p->take_fd(client, msg, fd) : PX_FD_NOT_MINE;
		if (v == PX_FD_FAILED)
			return false;
		if (v == PX_FD_CONSUMED) {
			*consumed = true;
			return true;
		}
		if (v == PX_FD_TAKEN)
			continue;
		if (client->host_features & WIRE_FEATURE_CLIPBOARD) {
			/* wl_data_offer.receive and the primary selection's:
			 * the app's write end stays here, data comes by link. */
			msg->args[i].u = wire_pipes_announce(&client->pipes, fd);
			if (msg->args[i].u)
				continue;
			px_client_close(client, true, "%s", client->pipes.error);
			return false;
		}
		close(fd);
		px_client_close(client, true, "app sent an fd in %s.%s, which gpupipe cannot carry",
		                obj->interface->name, desc->name);
		return false;
	}
	return true;
}

static bool forward(struct px_client *client, const struct wire_msg *msg)
{
	uint8_t buf[WIRE_WL_MAX_MESSAGE];
	size_t size = wire_msg_encode(msg, WIRE_FORM_LINK, buf, sizeof(buf));
	if (size == 0) {
		px_client_close(client, true, "request %s does not fit in a message",
		                msg->desc->name);
		return false;
	}
	uint8_t *out = wire_frame_wayland_reserve(&client->link, (uint32_t)size);
	if (!out) {
		px_client_close(client, true, "out of memory");
		return false;
	}
	memcpy(out, buf, size);
	return true;
}

/* Handles one whole request; false when the client was closed. */
static bool process_one(struct px_client *client, const uint8_t *data, uint16_t size)
{
	const char *err;
	uint32_t id = 0;
	uint16_t opcode = 0, sz;
	wire_msg_peek(data, size, &id, &opcode, &sz, &err);

	struct wire_object *obj = wire_object_get(&client->objects, id);
	if (!obj || obj->zombie) {
		px_client_close(client, true, "app sent a request to unknown object %u", id);
		return false;
	}
	if (opcode >= obj->interface->n_requests) {
		px_client_close(client, true, "app sent unknown request %u on %s@%u", opcode,
		                obj->interface->name, id);
		return false;
	}
	struct wire_msg msg;
	const struct wire_message_desc *desc = &obj->interface->requests[opcode];
	if (!wire_msg_decode(data, size, desc, WIRE_FORM_SOCKET, &msg, &err)) {
		px_client_close(client, true, "app sent a bad %s.%s: %s", obj->interface->name,
		                desc->name, err);
		return false;
	}
	bool consumed = false;
	if (desc->n_fds && !convert_fds(client, &msg, obj, &consumed))
		return false;
	if (consumed)
		return true;

	struct wire_object *created;
	if (!wire_objects_apply(&client->objects, &msg, &obj, true, &created, &err)) {
		px_client_close(client, true, "app sent a bad %s.%s: %s", obj->interface->name,
		                desc->name, err);
		return false;
	}
	const struct px_policy *policy = px_policy(obj->interface);
	if (policy->answer) {
		enum px_answer a = policy->answer(client, obj, &msg, created);
		if (a != PX_RELAY)
			return a == PX_ANSWERED;
	}
	px_sync_note(client, policy->quiet && policy->quiet(client, obj, &msg));
	/* Hooks may send shm data, which must precede the request. */
	if (policy->request && !policy->request(client, obj, &msg, created))
		return false;
	if (!forward(client, &msg))
		return false;
	if (desc->destructor) {
		px_object_destroy(obj);
		if (id >= WIRE_WL_SERVER_ID_START)
			wire_object_remove(&client->objects, id);
	}
	return true;
}

void px_requests_process(struct px_client *client)
{
	/* GL bytes written before these requests go first (gl-streams.c). */
	if (!px_gl_streams_drain(client))
		return;
	for (;;) {
		size_t len;
		const uint8_t *data = wire_conn_in_data(&client->app, &len);
		uint32_t id;
		uint16_t opcode, size;
		const char *err;
		if (len < WIRE_WL_HEADER)
			break;
		if (!wire_msg_peek(data, len, &id, &opcode, &size, &err)) {
			px_client_close(client, true, "app sent a bad message: %s", err);
			return;
		}
		if (len < size)
			break;
		if (!process_one(client, data, size))
			return;
		wire_conn_consume(&client->app, size);
	}
	/* Syncs answered here (sync.c). */
	if (wire_conn_pending(&client->app) && !wire_conn_flush(&client->app)) {
		px_client_close(client, false, "app went away");
		return;
	}
	if (!wire_conn_flush(&client->link)) {
		int write_errno = errno;
		/* The host may have said why before it closed: read that first. */
		if (wire_conn_read(&client->link) > 0)
			px_events_process(client);
		px_client_close(client, true, "link write failed: %s", strerror(write_errno));
		return;
	}
	if (wire_conn_pending(&client->link) > PX_BACKPRESSURE_BYTES)
		wire_conn_set_reading(&client->app, false);
	else
		px_client_link_flushed(client);
}
