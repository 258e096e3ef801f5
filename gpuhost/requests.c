/*
 * Link -> compositor. Everything here comes from the hostile side: each
 * frame and each Wayland message is checked against the frame, the
 * generated tables and our object map before anything reaches the
 * compositor, and any violation ends this link with a reason.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "clipboard.h"
#include "gpupipe.h"
#include "registry.h"
#include "session.h"
#include "shm.h"

bool gh_to_compositor(struct gh_session *s, const struct wire_msg *msg, const int *fds,
                      unsigned n_fds)
{
	uint8_t buf[WIRE_WL_MAX_MESSAGE];
	size_t size = wire_msg_encode(msg, WIRE_FORM_SOCKET, buf, sizeof(buf));
	uint8_t *out = size ? wire_conn_reserve(&s->compositor, size) : NULL;
	if (!out) {
		for (unsigned i = 0; i < n_fds; i++)
			close(fds[i]);
		gh_session_fail(s, "%s does not fit in a Wayland message", msg->desc->name);
		return false;
	}
	memcpy(out, buf, size);
	for (unsigned i = 0; i < n_fds; i++)
		wire_conn_queue_fd(&s->compositor, fds[i]);
	return true;
}

/* The label goes on every toplevel, on the trusted side: the app cannot
 * remove it, only add to it. */
static bool send_labelled(struct gh_session *s, struct wire_msg *msg, bool app_id)
{
	char text[WIRE_WL_MAX_MESSAGE - 64];
	const char *orig = msg->args[0].s ? msg->args[0].s : "";
	int n = app_id ? snprintf(text, sizeof(text), "%s.%s", s->options->label, orig)
	               : snprintf(text, sizeof(text), "[%s] %s", s->options->label, orig);
	if (n < 0)
		return false;
	msg->args[0].s = text; /* truncated by snprintf if the title was huge */
	return gh_to_compositor(s, msg, NULL, 0);
}

/* A fresh toplevel shows the label even before (or without) a title. */
static bool label_new_toplevel(struct gh_session *s, uint32_t id)
{
	struct wire_msg title = {
	        .object = id,
	        .opcode = WIRE_XDG_TOPLEVEL_REQ_SET_TITLE,
	        .desc = &wire_iface_xdg_toplevel.requests[WIRE_XDG_TOPLEVEL_REQ_SET_TITLE],
	};
	char text[256];
	snprintf(text, sizeof(text), "[%s]", s->options->label);
	title.args[0].s = text;
	return gh_to_compositor(s, &title, NULL, 0);
}

/* Policy and fd hooks. Returns false after failing the link; sets
 * *handled when the hook already sent the message. */
static bool hook(struct gh_session *s, struct wire_object *obj, struct wire_msg *msg,
                 struct wire_object *created, bool *handled)
{
	const struct wire_interface *iface = obj->interface;
	*handled = false;
	if (iface == &wire_iface_wl_registry && msg->opcode == WIRE_WL_REGISTRY_REQ_BIND &&
	    msg->args[0].u == GH_GPUPIPE_GLOBAL_NAME) {
		*handled = true;
		return gh_gpupipe_bind(s, msg, created);
	}
	if (!gh_gpupipe_request(s, obj, msg, created, handled))
		return false;
	if (*handled)
		return true;
	if (iface == &wire_iface_wl_shm && msg->opcode == WIRE_WL_SHM_REQ_CREATE_POOL) {
		struct gh_shm_region *region;
		int fd = gh_shm_pool_fd(s, msg->args[1].u, msg->args[2].i, &region);
		if (fd < 0)
			return false;
		created->data = region;
		*handled = true;
		return gh_to_compositor(s, msg, &fd, 1);
	}
	if (iface == &wire_iface_wl_shm_pool && obj->data) {
		if (msg->opcode == WIRE_WL_SHM_POOL_REQ_RESIZE)
			return gh_shm_pool_resize(s, obj->data, msg->args[0].i);
		if (msg->opcode == WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER) {
			gh_shm_region_ref(obj->data);
			created->data = obj->data;
		}
		return true;
	}
	if (s->options->label && iface == &wire_iface_xdg_toplevel &&
	    (msg->opcode == WIRE_XDG_TOPLEVEL_REQ_SET_TITLE ||
	     msg->opcode == WIRE_XDG_TOPLEVEL_REQ_SET_APP_ID)) {
		*handled = true;
		return send_labelled(s, msg, msg->opcode == WIRE_XDG_TOPLEVEL_REQ_SET_APP_ID);
	}
	if (s->options->label && iface == &wire_iface_xdg_surface &&
	    msg->opcode == WIRE_XDG_SURFACE_REQ_GET_TOPLEVEL) {
		*handled = true;
		return gh_to_compositor(s, msg, NULL, 0) && label_new_toplevel(s, msg->args[0].u);
	}
	return true;
}

static bool check_request(struct gh_session *s, const uint8_t *data, uint16_t size,
                          struct wire_object **target, struct wire_msg *msg)
{
	const char *err;
	uint32_t id;
	uint16_t opcode, sz;
	wire_msg_peek(data, size, &id, &opcode, &sz, &err);
	struct wire_object *obj = wire_object_get(&s->objects, id);
	if (!obj || obj->zombie || obj->hidden) {
		gh_session_fail(s, "request %u to object %u, which %s", opcode, id,
		                obj && obj->zombie ? "was destroyed" : "was never created");
		return false;
	}
	const struct wire_interface *iface = obj->interface;
	if (opcode >= iface->n_requests) {
		gh_session_fail(s, "unknown request %u on %s@%u", opcode, iface->name, id);
		return false;
	}
	const struct wire_message_desc *desc = &iface->requests[opcode];
	if (desc->since > obj->version) {
		gh_session_fail(s, "%s.%s needs version %u, %s@%u has version %u", iface->name,
		                desc->name, desc->since, iface->name, id, obj->version);
		return false;
	}
	if (!wire_msg_decode(data, size, desc, WIRE_FORM_LINK, msg, &err)) {
		gh_session_fail(s, "malformed %s.%s: %s", iface->name, desc->name, err);
		return false;
	}
	bool ours = iface == &wire_iface_wl_registry && opcode == WIRE_WL_REGISTRY_REQ_BIND &&
	            msg->args[0].u == GH_GPUPIPE_GLOBAL_NAME;
	if (ours && !gh_gpupipe_check_bind(s, msg, &err)) {
		gh_session_fail(s, "wl_registry.bind(%u, %s, %u): %s", msg->args[0].u,
		                msg->bind_interface, msg->bind_version, err);
		return false;
	}
	if (!ours && iface == &wire_iface_wl_registry && opcode == WIRE_WL_REGISTRY_REQ_BIND &&
	    !gh_registry_check_bind(s, msg->args[0].u, msg->bind_interface, msg->bind_version,
	                            &err)) {
		gh_session_fail(s, "wl_registry.bind(%u, %s, %u): %s", msg->args[0].u,
		                msg->bind_interface, msg->bind_version, err);
		return false;
	}
	*target = obj;
	return true;
}

static bool process_request(struct gh_session *s, const uint8_t *data, uint16_t size)
{
	struct wire_object *obj, *created;
	struct wire_msg msg;
	const char *err;
	if (!check_request(s, data, size, &obj, &msg))
		return false;
	const char *iface_name = obj->interface->name;
	bool is_pool =
	        obj->interface == &wire_iface_wl_shm && msg.opcode == WIRE_WL_SHM_REQ_CREATE_POOL;
	bool is_receive = (obj->interface == &wire_iface_wl_data_offer &&
	                   msg.opcode == WIRE_WL_DATA_OFFER_REQ_RECEIVE) ||
	                  (obj->interface == &wire_iface_zwp_primary_selection_offer_v1 &&
	                   msg.opcode == WIRE_ZWP_PRIMARY_SELECTION_OFFER_V1_REQ_RECEIVE);
	if (msg.desc->n_fds && !is_pool &&
	    !(is_receive && (s->features & WIRE_FEATURE_CLIPBOARD))) {
		gh_session_fail(s, "%s.%s carries an fd, which this link does not allow",
		                iface_name, msg.desc->name);
		return false;
	}
	if (!wire_objects_apply(&s->objects, &msg, &obj, true, &created, &err)) {
		gh_session_fail(s, "%s.%s: %s", iface_name, msg.desc->name, err);
		return false;
	}
	bool handled = !gh_clipboard_request_allowed(s, obj, &msg);
	if (!handled && is_receive) {
		int fd = wire_pipes_accept(&s->pipes, msg.args[1].u);
		if (fd < 0) {
			gh_session_fail(s, "%s.receive: %s", iface_name, s->pipes.error);
			return false;
		}
		handled = true;
		if (!gh_to_compositor(s, &msg, &fd, 1))
			return false;
	}
	if (!handled && !hook(s, obj, &msg, created, &handled))
		return false;
	if (!handled && !gh_to_compositor(s, &msg, NULL, 0))
		return false;
	if (msg.desc->destructor) {
		gh_object_destroy(obj);
		if (msg.object >= WIRE_WL_SERVER_ID_START)
			wire_object_remove(&s->objects, msg.object);
	}
	return true;
}

static bool process_wayland(struct gh_session *s, const uint8_t *p, uint32_t len)
{
	while (len > 0) {
		uint32_t id;
		uint16_t opcode, size;
		const char *err;
		if (!wire_msg_peek(p, len, &id, &opcode, &size, &err)) {
			gh_session_fail(s, "bad Wayland message header: %s", err);
			return false;
		}
		if (size > len) {
			gh_session_fail(s,
			                "Wayland message of %u bytes runs past its frame (%u left)",
			                size, len);
			return false;
		}
		if (!process_request(s, p, size))
			return false;
		p += size;
		len -= size;
	}
	return true;
}

static bool process_hello(struct gh_session *s, const uint8_t *p, uint32_t len)
{
	struct wire_hello hello;
	if (len != sizeof(hello)) {
		gh_session_fail(s, "hello of %u bytes, expected %zu", len, sizeof(hello));
		return false;
	}
	memcpy(&hello, p, sizeof(hello));
	if (hello.magic != WIRE_MAGIC) {
		gh_session_fail(s, "the peer is not gpupipe-proxy (bad magic 0x%08x)", hello.magic);
		return false;
	}
	if (hello.version != WIRE_VERSION) {
		gh_session_fail(s, "proxy speaks link version %u, this host speaks %u",
		                hello.version, WIRE_VERSION);
		return false;
	}
	uint64_t enabled = s->options->allow_clipboard ? WIRE_FEATURE_CLIPBOARD : 0;
	s->features = hello.features & enabled;
	s->hello_received = true;
	/* The hello timer now waits for the first Wayland request. */
	uint32_t ms = s->options->setup_timeout_ms ? s->options->setup_timeout_ms
	                                           : GH_FIRST_REQUEST_TIMEOUT_MS;
	if (!s->first_request)
		wl_event_source_timer_update(s->hello_timer, (int)ms);
	return wire_send_hello(&s->link, s->features);
}

/* *used < hdr->size: a GL frame paused part way (see gh_gpupipe_frame). */
static bool process_frame(struct gh_session *s, const struct wire_header *hdr, const uint8_t *p,
                          uint32_t *used)
{
	*used = hdr->size;
	if (!s->hello_received && hdr->type != WIRE_HELLO) {
		gh_session_fail(s, "first frame is %s, not hello", wire_type_name(hdr->type));
		return false;
	}
	if (hdr->type == WIRE_GL_OPEN || hdr->type == WIRE_GL || hdr->type == WIRE_GL_CLOSE)
		return gh_gpupipe_frame(s, hdr, p, used);
	if (hdr->channel != 0) {
		gh_session_fail(s, "%s frame on channel %u: only GL frames have channels",
		                wire_type_name(hdr->type), hdr->channel);
		return false;
	}
	switch (hdr->type) {
	case WIRE_HELLO:
		if (s->hello_received) {
			gh_session_fail(s, "second hello");
			return false;
		}
		return process_hello(s, p, hdr->size);
	case WIRE_CLOSE:
		gp_log(INFO, "proxy closed the link: %.*s", (int)hdr->size, (const char *)p);
		gh_session_end(s, "proxy closed the link");
		return false;
	case WIRE_WAYLAND:
		if (!s->first_request) {
			s->first_request = true;
			wl_event_source_timer_update(s->hello_timer, 0);
		}
		return process_wayland(s, p, hdr->size);
	case WIRE_SHM_CREATE:
		return gh_shm_create(s, p, hdr->size);
	case WIRE_SHM_COPY:
		return gh_shm_copy(s, p, hdr->size);
	case WIRE_PIPE:
	case WIRE_PIPE_DATA:
	case WIRE_PIPE_CLOSE:
		if (!(s->features & WIRE_FEATURE_CLIPBOARD)) {
			gh_session_fail(s, "%s frame, but the clipboard is not enabled",
			                wire_type_name(hdr->type));
			return false;
		}
		if (!wire_pipes_frame(&s->pipes, hdr->type, p, hdr->size)) {
			gh_session_fail(s, "bad %s frame: %s", wire_type_name(hdr->type),
			                s->pipes.error);
			return false;
		}
		return true;
	default:
		gh_session_fail(s, "unknown or unexpected frame type %u (%s)", hdr->type,
		                wire_type_name(hdr->type));
		return false;
	}
}

/* Runs received frames until none is whole or a queue is over its bound
 * (true: stopped for the bound). */
static bool run_frames(struct gh_session *s)
{
	while (!s->done) {
		if (gh_session_congested(s))
			return true;
		struct wire_header hdr;
		const uint8_t *payload;
		const char *err;
		enum wire_frame_status st = wire_frame_next(&s->link, &hdr, &payload, &err);
		if (st == WIRE_FRAME_PARTIAL)
			return false;
		if (st == WIRE_FRAME_INVALID) {
			gh_session_fail(s, "bad frame header: %s", err);
			return false;
		}
		uint32_t used;
		if (!process_frame(s, &hdr, payload, &used))
			return false;
		if (used < hdr.size) {
			s->frame_done = used;
			return true;
		}
		s->frame_done = 0;
		wire_frame_consume(&s->link, &hdr);
	}
	return false;
}

void gh_link_process(struct gh_session *s)
{
	/* Frames already received wait while a queue is over its bound, as
	 * new ones do (the link is not read then): what the app sends is run
	 * only as fast as the proxy takes the answers. A queue that a flush
	 * empties at once lets them go on here: the peer may be waiting for
	 * their replies and send nothing that would wake us. */
	for (;;) {
		bool stalled = run_frames(s);
		if (s->done)
			return;
		if (!wire_conn_flush(&s->compositor)) {
			gh_session_end(s, "the compositor connection failed");
			return;
		}
		wire_conn_flush(&s->link); /* replies, the hello answer */
		if (!stalled || gh_session_congested(s))
			break;
	}
	gh_session_throttle(s);
}
