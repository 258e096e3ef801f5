/*
 * Compositor -> link. The compositor is trusted, but what it says is
 * filtered: only allow-listed globals reach the app, and fds become link
 * resources (keymaps travel by value).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/shm-bridge.h>

#include "clipboard.h"
#include "gpupipe.h"
#include "registry.h"
#include "session.h"

/* Replaces a keymap fd by a blob announced on the link. */
static bool keymap_to_blob(struct gh_session *s, struct wire_msg *msg, int fd)
{
	void *data;
	const char *err;
	uint32_t size = msg->args[2].u;
	bool ok = sb_read_fd(fd, size, WIRE_MAX_BLOB, &data, &err);
	close(fd);
	if (!ok) {
		gh_session_fail(s, "cannot read the compositor's keymap: %s", err);
		return false;
	}
	struct wire_blob blob = {.handle = s->next_handle++, .size = size};
	uint8_t *p = wire_frame_begin(&s->link, WIRE_BLOB, 0, sizeof(blob) + size);
	if (p) {
		memcpy(p, &blob, sizeof(blob));
		memcpy(p + sizeof(blob), data, size);
	}
	free(data);
	msg->args[1].u = blob.handle;
	return p != NULL;
}

static bool convert_fds(struct gh_session *s, struct wire_object *obj, struct wire_msg *msg)
{
	for (uint32_t i = 0; i < msg->desc->n_args; i++) {
		if (msg->desc->args[i].type != WIRE_ARG_FD)
			continue;
		int fd = wire_conn_take_fd(&s->compositor);
		if (fd < 0) {
			gh_session_end(s, "compositor event without its fd");
			return false;
		}
		if (obj->interface == &wire_iface_wl_keyboard &&
		    msg->opcode == WIRE_WL_KEYBOARD_EVT_KEYMAP) {
			if (!keymap_to_blob(s, msg, fd))
				return false;
			continue;
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

/* Registry filtering; false to drop the event. */
static bool filter(struct gh_session *s, struct wire_object *obj, struct wire_msg *msg)
{
	if (obj->interface != &wire_iface_wl_registry)
		return true;
	if (msg->opcode == WIRE_WL_REGISTRY_EVT_GLOBAL)
		return gh_registry_global(s, msg->args[0].u, msg->args[1].s, &msg->args[2].u);
	if (msg->opcode == WIRE_WL_REGISTRY_EVT_GLOBAL_REMOVE)
		return gh_registry_global_remove(s, msg->args[0].u);
	return true;
}

bool gh_to_link(struct gh_session *s, const struct wire_msg *msg)
{
	uint8_t buf[WIRE_WL_MAX_MESSAGE];
	size_t size = wire_msg_encode(msg, WIRE_FORM_LINK, buf, sizeof(buf));
	uint8_t *out = size ? wire_frame_wayland_reserve(&s->link, (uint32_t)size) : NULL;
	if (!out) {
		gh_session_end(s, "cannot queue an event for the link");
		return false;
	}
	memcpy(out, buf, size);
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
		gh_session_end(s, "bad event from the compositor");
		return false;
	}
	for (unsigned i = 0; i < msg.desc->n_fds; i++) {
		int fd = wire_conn_take_fd(&s->compositor);
		if (fd >= 0)
			close(fd);
	}
	if (iface == &wire_iface_zwp_linux_buffer_params_v1 &&
	    opcode == WIRE_ZWP_LINUX_BUFFER_PARAMS_V1_EVT_FAILED)
		gp_log(ERROR, "the compositor refused a GL frame dmabuf");
	return true;
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
		gh_session_end(s, "compositor sent an event for an unknown object");
		return false;
	}
	struct wire_msg msg;
	const struct wire_message_desc *desc = &obj->interface->events[opcode];
	struct wire_object *created;
	if (!wire_msg_decode(data, size, desc, WIRE_FORM_SOCKET, &msg, &err) ||
	    !wire_objects_apply(&s->objects, &msg, &obj, false, &created, &err)) {
		gp_log(ERROR, "compositor sent a bad %s.%s: %s", obj->interface->name, desc->name,
		       err);
		gh_session_end(s, "bad event from the compositor");
		return false;
	}
	bool visible = !obj->hidden && gh_clipboard_event_allowed(s, obj, &msg, created);
	if (visible && desc->n_fds && !convert_fds(s, obj, &msg))
		return s->done ? false : true;
	if (visible && filter(s, obj, &msg) && !gh_to_link(s, &msg))
		return false;
	/* gpupipe_v1 follows wl_shm, which every compositor has: an app that
	 * binds it right away then finds the globals GL frames need known. */
	if (visible && obj->interface == &wire_iface_wl_registry &&
	    msg.opcode == WIRE_WL_REGISTRY_EVT_GLOBAL && msg.args[1].s &&
	    strcmp(msg.args[1].s, wire_iface_wl_shm.name) == 0 &&
	    !gh_gpupipe_advertise(s, msg.object))
		return false;

	if (obj->interface == &wire_iface_wl_display) {
		if (opcode == WIRE_WL_DISPLAY_EVT_DELETE_ID) {
			wire_objects_delete_id(&s->objects, msg.args[0].u, gh_object_destroy);
		} else if (opcode == WIRE_WL_DISPLAY_EVT_ERROR) {
			gp_log(WARN, "the compositor reported a protocol error to the app: %s",
			       msg.args[2].s ? msg.args[2].s : "");
		}
	} else if (desc->destructor) {
		gh_object_destroy(obj);
	}
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
			gh_session_end(s, "compositor sent a bad message");
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
