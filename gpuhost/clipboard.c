/*
 * Clipboard policy. Without --allow-clipboard, wl_data_device_manager is
 * still advertised (several apps will not start without it) but nothing
 * crosses: the app never sees the host's selection, drags or offers, and
 * its own set_selection and start_drag never reach the compositor. This is
 * the Qubes rule: no silent clipboard between domains. With it, offers'
 * receive pipes become link pipes. The hooks are declared in policy.h.
 */
#include <gpupipe/link.h>

#include "policy.h"
#include "relay.h"
#include "session.h"

/* wl_data_device: without --allow-clipboard, the app's selection and drags
 * never reach the compositor (dropped, as the compositor would ignore a
 * stale serial). */
enum gh_verdict gh_clipboard_device_request(struct gh_session *s, struct gh_message *m)
{
	if (s->options->allow_clipboard)
		return GH_RELAY;
	uint16_t op = m->msg->opcode;
	return op == WIRE_WL_DATA_DEVICE_REQ_SET_SELECTION ||
	                       op == WIRE_WL_DATA_DEVICE_REQ_START_DRAG
	               ? GH_DONE
	               : GH_RELAY;
}

enum gh_verdict gh_clipboard_device_event(struct gh_session *s, struct gh_message *m)
{
	if (s->options->allow_clipboard)
		return GH_RELAY;
	/* Apps wait for a selection event before keyboard focus (wl-paste
	 * does): they get one, always empty. */
	if (m->msg->opcode == WIRE_WL_DATA_DEVICE_EVT_SELECTION) {
		m->msg->args[0].u = 0;
		return GH_RELAY;
	}
	/* data_offer, enter, leave, motion, drop: withheld. */
	if (m->created)
		m->created->hidden = true;
	return GH_DONE;
}

/* An offer's receive carries the write end of the app's pipe: it becomes a
 * link pipe, and only where the link has the clipboard (else the request
 * is refused for its fd). Both offers' receive, at their own opcodes. */
static bool receive_takes_fds(const struct gh_session *s, const struct wire_msg *msg,
                              uint16_t receive)
{
	return (s->features & WIRE_FEATURE_CLIPBOARD) && msg->opcode == receive;
}

static enum gh_verdict receive_request(struct gh_session *s, struct gh_message *m, uint16_t receive)
{
	if (m->msg->opcode != receive)
		return GH_RELAY;
	int fd = wire_pipes_accept(&s->pipes, m->msg->args[1].u);
	if (fd < 0) {
		gh_session_fail(s, "%s.receive: %s", m->obj->interface->name, s->pipes.error);
		return GH_FAIL;
	}
	return gh_to_compositor(s, m->msg, &fd, 1) ? GH_DONE : GH_FAIL;
}

bool gh_clipboard_data_offer_takes_fds(const struct gh_session *s, const struct wire_msg *msg)
{
	return receive_takes_fds(s, msg, WIRE_WL_DATA_OFFER_REQ_RECEIVE);
}

enum gh_verdict gh_clipboard_data_offer_request(struct gh_session *s, struct gh_message *m)
{
	return receive_request(s, m, WIRE_WL_DATA_OFFER_REQ_RECEIVE);
}

bool gh_clipboard_primary_offer_takes_fds(const struct gh_session *s, const struct wire_msg *msg)
{
	return receive_takes_fds(s, msg, WIRE_ZWP_PRIMARY_SELECTION_OFFER_V1_REQ_RECEIVE);
}

enum gh_verdict gh_clipboard_primary_offer_request(struct gh_session *s, struct gh_message *m)
{
	return receive_request(s, m, WIRE_ZWP_PRIMARY_SELECTION_OFFER_V1_REQ_RECEIVE);
}
