/*
 * wl_keyboard.keymap: the compositor's keymap fd travels by value, as a
 * blob announced on the link (the proxy makes an fd of it for the app).
 * The hook is declared in policy.h.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/shm-bridge.h>

#include "policy.h"
#include "relay.h"
#include "session.h"

enum gh_verdict gh_keymap_event(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	if (msg->opcode != WIRE_WL_KEYBOARD_EVT_KEYMAP)
		return GH_RELAY;
	int fd = wire_conn_take_fd(&s->compositor);
	if (fd < 0) {
		gh_session_fail(s, "gpupipe-host's compositor sent a keymap without its fd");
		return GH_FAIL;
	}
	void *data;
	const char *err;
	uint32_t size = msg->args[2].u;
	bool ok = sb_read_fd(fd, size, WIRE_MAX_BLOB, &data, &err);
	close(fd);
	if (!ok) {
		gh_session_fail(s, "cannot read the compositor's keymap: %s", err);
		return GH_FAIL;
	}
	struct wire_blob blob = {.handle = s->next_handle++, .size = size};
	uint8_t *p = wire_frame_begin(&s->link, WIRE_BLOB, 0, sizeof(blob) + size);
	if (p) {
		memcpy(p, &blob, sizeof(blob));
		memcpy(p + sizeof(blob), data, size);
	}
	free(data);
	if (!p) {
		gh_session_end(s, "cannot queue the keymap for the link");
		return GH_FAIL;
	}
	msg->args[1].u = blob.handle;
	return gh_to_link(s, msg) ? GH_DONE : GH_FAIL;
}
