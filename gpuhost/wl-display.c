/*
 * wl_display's hooks (policy.h): syncs counted, the object map following delete_id, and a
 * protocol error the compositor gave the app logged.
 */
#include <gpupipe/log.h>

#include "policy.h"
#include "relay.h"
#include "session.h"

/* wl_display's requests (policy.h): relayed; a sync is counted, as each
 * one is a round trip the app waits for (stats.h). */
enum gh_verdict gh_display_request(struct gh_session *s, struct gh_message *m)
{
	if (m->msg->opcode == WIRE_WL_DISPLAY_REQ_SYNC)
		s->stats.syncs++;
	return GH_RELAY;
}

/* wl_display's events (policy.h): relayed, then the object map follows
 * delete_id; a protocol error the compositor gave the app is logged. */
enum gh_verdict gh_display_event(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	if (!gh_to_link(s, msg))
		return GH_FAIL;
	if (msg->opcode == WIRE_WL_DISPLAY_EVT_DELETE_ID) {
		wire_objects_delete_id(&s->objects, msg->args[0].u, gh_object_destroy);
	} else if (msg->opcode == WIRE_WL_DISPLAY_EVT_ERROR) {
		gp_log(WARN, "the compositor reported a protocol error to the app: %s",
		       msg->args[2].s ? msg->args[2].s : "");
	}
	return GH_DONE;
}
