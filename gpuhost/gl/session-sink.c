/*
 * The executor of a gpupipe-host session: its output goes on the session's
 * link, as WIRE_GL frames of at most WIRE_MAX_PAYLOAD bytes, and a failure
 * ends the link (gh_session_fail). Kept apart so that tests can link the
 * executor without a session (they use gh_gl_create_with_sink).
 */
#include <string.h>

#include <gpupipe/link.h>

#include "gl.h"
#include "session.h"

static void session_fail(void *data, const char *reason)
{
	gh_session_fail(data, "%s", reason);
}

static bool session_send(void *data, uint16_t channel, const uint8_t *bytes, uint32_t len)
{
	struct gh_session *s = data;
	while (len > 0) {
		uint32_t n = len < WIRE_MAX_PAYLOAD ? len : WIRE_MAX_PAYLOAD;
		uint8_t *p = wire_frame_begin(&s->link, WIRE_GL, channel, n);
		if (!p)
			return false;
		memcpy(p, bytes, n);
		bytes += n;
		len -= n;
	}
	return true;
}

static const struct gh_gl_sink session_sink = {
        .fail = session_fail,
        .send = session_send,
};

struct gh_gl *gh_gl_create(struct gh_session *s)
{
	return gh_gl_create_with_sink(&session_sink, s, true);
}
