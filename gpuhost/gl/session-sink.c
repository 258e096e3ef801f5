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

static bool session_congested(void *data)
{
	return gh_session_congested(data);
}

static const struct gh_gl_sink session_sink = {
        .fail = session_fail,
        .send = session_send,
        .congested = session_congested,
};

static uint64_t or_default(uint64_t value, uint64_t fallback)
{
	return value ? value : fallback;
}

struct gh_gl *gh_gl_create(struct gh_session *s)
{
	struct gh_gl *gl = gh_gl_create_with_sink(&session_sink, s, true, s->options->gl_apis);
	const struct gh_options *o = s->options;
	struct gh_gl_limits limits = {
	        .memory = or_default(o->quota_gl_memory, GH_GL_DEFAULT_MEMORY),
	        .names = or_default(o->quota_gl_names, GH_GL_DEFAULT_NAMES),
	        .frame_memory = or_default(o->quota_frame_memory, GH_GL_DEFAULT_FRAME_MEMORY),
	};
	if (gl)
		gh_gl_set_limits(gl, &limits);
	return gl;
}
