#include "clipboard.h"
#include "session.h"

bool gh_clipboard_request_allowed(struct gh_session *s, const struct wire_object *obj,
                                  const struct wire_msg *msg)
{
	if (s->options->allow_clipboard || obj->interface != &wire_iface_wl_data_device)
		return true;
	return msg->opcode != WIRE_WL_DATA_DEVICE_REQ_SET_SELECTION &&
	       msg->opcode != WIRE_WL_DATA_DEVICE_REQ_START_DRAG;
}

bool gh_clipboard_event_allowed(struct gh_session *s, const struct wire_object *obj,
                                struct wire_msg *msg, struct wire_object *created)
{
	if (s->options->allow_clipboard)
		return true;
	if (obj->interface != &wire_iface_wl_data_device)
		return true;
	/* Apps wait for a selection event before keyboard focus (wl-paste
	 * does): they get one, always empty. */
	if (msg->opcode == WIRE_WL_DATA_DEVICE_EVT_SELECTION) {
		msg->args[0].u = 0;
		return true;
	}
	/* data_offer, enter, leave, motion, drop: withheld. */
	if (created)
		created->hidden = true;
	return false;
}
