/*
 * --label NAME: every toplevel shows as "[NAME] title" and its app_id
 * becomes "NAME.app_id". Applied here, on the trusted side, so the app
 * cannot remove it, only add to it. The hooks are declared in policy.h.
 */
#include <stdio.h>

#include "policy.h"
#include "relay.h"
#include "session.h"

static enum gh_verdict send_labelled(struct gh_session *s, struct wire_msg *msg, bool app_id)
{
	char text[WIRE_WL_MAX_MESSAGE - 64];
	const char *orig = msg->args[0].s ? msg->args[0].s : "";
	int n = app_id ? snprintf(text, sizeof(text), "%s.%s", s->options->label, orig)
	               : snprintf(text, sizeof(text), "[%s] %s", s->options->label, orig);
	if (n < 0)
		return GH_FAIL;
	msg->args[0].s = text; /* truncated by snprintf if the title was huge */
	return gh_to_compositor(s, msg, NULL, 0) ? GH_DONE : GH_FAIL;
}

enum gh_verdict gh_label_toplevel_request(struct gh_session *s, struct gh_message *m)
{
	uint16_t op = m->msg->opcode;
	if (!s->options->label ||
	    (op != WIRE_XDG_TOPLEVEL_REQ_SET_TITLE && op != WIRE_XDG_TOPLEVEL_REQ_SET_APP_ID))
		return GH_RELAY;
	return send_labelled(s, m->msg, op == WIRE_XDG_TOPLEVEL_REQ_SET_APP_ID);
}

/* A fresh toplevel shows the label even before (or without) a title. */
enum gh_verdict gh_label_xdg_surface_request(struct gh_session *s, struct gh_message *m)
{
	if (!s->options->label || m->msg->opcode != WIRE_XDG_SURFACE_REQ_GET_TOPLEVEL)
		return GH_RELAY;
	if (!gh_to_compositor(s, m->msg, NULL, 0))
		return GH_FAIL;
	struct wire_msg title = {
	        .object = m->msg->args[0].u,
	        .opcode = WIRE_XDG_TOPLEVEL_REQ_SET_TITLE,
	        .desc = &m->created->interface->requests[WIRE_XDG_TOPLEVEL_REQ_SET_TITLE],
	};
	char text[256];
	snprintf(text, sizeof(text), "[%s]", s->options->label);
	title.args[0].s = text;
	return gh_to_compositor(s, &title, NULL, 0) ? GH_DONE : GH_FAIL;
}
