/*
 * Compositor -> link. The compositor is trusted, but what it says is
 * filtered: only allow-listed globals reach the app, and fds become link
 * resources (keymaps travel by value). What each interface's events do
 * beyond relaying is policy.c's table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/shm-bridge.h>

#include "policy.h"
#include "relay.h"
#include "session.h"

static bool convert_fds(struct gh_session *s, struct wire_object *obj, struct wire_msg *msg)
{
	for (uint32_t i = 0; i < msg->desc->n_args; i++) {
		if (msg->desc->args[i].type != WIRE_ARG_FD)
			continue;
		int fd = wire_conn_take_fd(&s->compositor);
		if (fd < 0) {
			gh_session_fail(s,
			                "gpupipe-host's compositor sent an event without its fd");
			return false;
		}
		if (s->features & WIRE_FEATURE_CLIPBOARD) {
			/* wl_data_source.send and the primary selection's: the
			 * compositor's write end stays here. */
			msg->args[i].u = wire_pipes_announce(&s->pipes, fd);
			if (msg->args[i].u)
				continue;
			gh_session_end(s, s->pipes.error);
			return false;
		}
		close(fd);
		gp_log(WARN, "dropping %s.%s: it carries an fd gpupipe cannot relay",
		       obj->interface->name, msg->desc->name);
		return false;
	}
	return true;
}

/* Events for the host's own objects behind gpupipe ids (wl_shm.format,
 * dmabuf formats): checked, then kept from the app. */
static bool host_object_event(struct gh_session *s, struct wire_object *obj, const uint8_t *data,
                              uint16_t size, uint16_t opcode)
{
	const struct wire_interface *iface = obj->host_interface;
	struct wire_msg msg;
	const char *err;
	if (opcode >= iface->n_events ||
	    !wire_msg_decode(data, size, &iface->events[opcode], WIRE_FORM_SOCKET, &msg, &err)) {
		gh_session_fail(s, "gpupipe-host's compositor sent a bad event");
		return false;
	}
	for (unsigned i = 0; i < msg.desc->n_fds; i++) {
		int fd = wire_conn_take_fd(&s->compositor);
		if (fd >= 0)
			close(fd);
	}
	const struct gh_policy *p = gh_policy(iface);
	struct gh_message m = {.obj = obj, .msg = &msg};
	return !p->event || p->event(s, &m) != GH_FAIL;
}

static bool process_event(struct gh_session *s, const uint8_t *data, uint16_t size)
{
	const char *err;
	uint32_t id;
	uint16_t opcode, sz;
	wire_msg_peek(data, size, &id, &opcode, &sz, &err);
	struct wire_object *obj = wire_object_get(&s->objects, id);
	if (obj && obj->host_interface)
		return host_object_event(s, obj, data, size, opcode);
	if (!obj || opcode >= obj->interface->n_events) {
		gh_session_fail(s, "gpupipe-host's compositor sent an event for an unknown object");
		return false;
	}
	struct wire_msg msg;
	const struct wire_message_desc *desc = &obj->interface->events[opcode];
	struct wire_object *created;
	if (!wire_msg_decode(data, size, desc, WIRE_FORM_SOCKET, &msg, &err) ||
	    !wire_objects_apply(&s->objects, &msg, &obj, false, &created, &err)) {
		gp_log(ERROR, "compositor sent a bad %s.%s: %s", obj->interface->name, desc->name,
		       err);
		gh_session_fail(s, "gpupipe-host's compositor sent a bad event");
		return false;
	}
	/* Events of objects the app never learned of go nowhere; their
	 * lifetime is still tracked. */
	const struct gh_policy *p = gh_policy(obj->interface);
	struct gh_message m = {.obj = obj, .msg = &msg, .created = created};
	enum gh_verdict v = obj->hidden ? GH_DONE : p->event ? p->event(s, &m) : GH_RELAY;
	if (v == GH_FAIL) {
		if (!s->done)
			gh_session_end(s, "an event could not be passed on");
		return false;
	}
	/* An fd the link cannot carry drops its event (logged), not the link. */
	if (v == GH_RELAY && (!desc->n_fds || convert_fds(s, obj, &msg)) && !gh_to_link(s, &msg))
		return false;
	if (s->done)
		return false;
	if (desc->destructor)
		gh_object_destroy(obj);
	return true;
}

void gh_compositor_process(struct gh_session *s)
{
	for (;;) {
		size_t len;
		const uint8_t *data = wire_conn_in_data(&s->compositor, &len);
		uint32_t id;
		uint16_t opcode, size;
		const char *err;
		if (len < WIRE_WL_HEADER)
			break;
		if (!wire_msg_peek(data, len, &id, &opcode, &size, &err)) {
			gh_session_fail(s, "gpupipe-host's compositor sent a bad message");
			return;
		}
		if (len < size)
			break;
		if (!process_event(s, data, size))
			return;
		wire_conn_consume(&s->compositor, size);
	}
	wire_frame_wayland_close(&s->link);
	if (!wire_conn_flush(&s->link)) {
		gh_session_end(s, "the link is gone");
		return;
	}
	gh_session_throttle(s);
}
