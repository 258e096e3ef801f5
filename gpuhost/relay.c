#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>

#include "relay.h"
#include "session.h"

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
