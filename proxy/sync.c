/*
 * wl_display.sync answered by gpupipe-proxy itself when the compositor's
 * answer could say nothing more.
 *
 * An app's wl_display_roundtrip promises one thing: when its callback is
 * done, every event the compositor sent in response to the requests before
 * it has arrived. Relayed, each one is a round trip through the link to the
 * GPU domain and its compositor and back; glmark2 makes one per frame (its
 * flip() is eglSwapBuffers then wl_display_roundtrip), and so do toolkits
 * after a commit. Yet most requests of a frame have no event in response:
 * wl_surface.attach, damage, damage_buffer, frame (its callback is done at
 * a repaint, which no sync waits for) and commit of a surface already
 * showing a buffer (its first buffer maps it, and a commit without one
 * begins or ends xdg-shell's configure handshake: those stay relayed). The
 * policy table says which requests are quiet (px_policy.quiet); every
 * other one makes the next sync go to the compositor.
 *
 * So a sync is answered here, at once, when no request since the last
 * relayed sync was other than quiet and that sync's own done has come back
 * (a later sync must not overtake it, nor the events before it). The done
 * carries the serial of the last done the compositor gave. The sync still
 * goes on to the host, without anyone waiting for it: the host keeps the
 * app's ids dense (a new id one past the highest it has seen, else the
 * link ends), so the callback must exist there too; its done is withheld
 * when it comes back, and the compositor's wl_display.delete_id frees the
 * id in the app as it would have.
 */

#include "client.h"
#include "policy.h"

/* What wire_object.data holds for a sync's callback: relayed (the app
 * waits for its done), or answered here (its done is withheld). */
static char sync_callback, answered_callback;

static bool send_local(struct px_client *client, uint32_t object,
                       const struct wire_interface *iface, uint16_t opcode, uint32_t arg)
{
	struct wire_msg msg = {
	        .object = object,
	        .opcode = opcode,
	        .size = 12, /* header and one u32 */
	        .desc = &iface->events[opcode],
	};
	msg.args[0].u = arg;
	struct wire_object *obj = wire_object_get(&client->objects, object);
	return px_event_send(client, &msg, obj);
}

enum px_answer px_sync_answer(struct px_client *client, struct wire_object *obj,
                              const struct wire_msg *msg, struct wire_object *created)
{
	if (msg->opcode != WIRE_WL_DISPLAY_REQ_SYNC || !created)
		return PX_RELAY;
	if (client->syncs_out || client->events_owed) {
		created->data = &sync_callback;
		client->syncs_out++;
		client->events_owed = false;
		client->stats.syncs_relayed++;
		return PX_RELAY;
	}
	uint32_t id = msg->args[0].u; /* the callback's new_id */
	if (!send_local(client, id, &wire_iface_wl_callback, WIRE_WL_CALLBACK_EVT_DONE,
	                client->sync_serial))
		return PX_ANSWER_FAILED;
	created->data = &answered_callback;
	client->stats.syncs_answered++;
	return PX_RELAY;
}

bool px_sync_withhold(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg)
{
	return obj->data == &answered_callback && msg->opcode == WIRE_WL_CALLBACK_EVT_DONE;
}

/* A relayed sync owes nothing of its own but its done, which syncs_out
 * waits for; wl_display.get_registry owes the globals. */
bool px_sync_quiet(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg)
{
	return msg->opcode == WIRE_WL_DISPLAY_REQ_SYNC;
}

void px_sync_note(struct px_client *client, bool quiet)
{
	if (!quiet)
		client->events_owed = true;
}

void px_sync_callback_event(struct px_client *client, struct wire_object *obj,
                            const struct wire_msg *msg)
{
	if (obj->data != &sync_callback || msg->opcode != WIRE_WL_CALLBACK_EVT_DONE)
		return;
	if (client->syncs_out)
		client->syncs_out--;
	client->sync_serial = msg->args[0].u;
}
