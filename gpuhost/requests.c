/*
 * Link -> compositor. Everything here comes from the hostile side: each
 * frame and each Wayland message is checked against the frame, the
 * generated tables and our object map before anything reaches the
 * compositor, and any violation ends this link with a reason. What each
 * interface's requests do beyond that is policy.c's table.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>

#include "gl/gl.h"
#include "gpupipe.h"
#include "policy.h"
#include "relay.h"
#include "session.h"
#include "shm.h"

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
	const struct gh_policy *p = gh_policy(obj->interface);
	struct gh_message m = {.obj = obj, .msg = &msg};
	if (p->check_request && !p->check_request(s, &m))
		return false;
	if (msg.desc->n_fds && !(p->takes_fds && p->takes_fds(s, &msg))) {
		gh_session_fail(s, "%s.%s carries an fd, which this link does not allow",
		                iface_name, msg.desc->name);
		return false;
	}
	if (!wire_objects_apply(&s->objects, &msg, &obj, true, &created, &err)) {
		gh_session_fail(s, "%s.%s: %s", iface_name, msg.desc->name, err);
		return false;
	}
	m.obj = obj;
	m.created = created;
	enum gh_verdict v = p->request ? p->request(s, &m) : GH_RELAY;
	if (v == GH_FAIL || (v == GH_RELAY && !gh_to_compositor(s, &msg, NULL, 0)))
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
	if (gh_session_link_passes_fds(s))
		enabled |= WIRE_FEATURE_FD_PASSING;
	s->features = hello.features & enabled;
	s->hello_received = true;
	if (s->features & WIRE_FEATURE_FD_PASSING) {
		/* Only WIRE_FD_PROBE and WIRE_GL_SHARED frames claim them. */
		s->link.fd_passing = true;
	}
	/* The hello timer now waits for the first Wayland request. */
	uint32_t ms = s->options->setup_timeout_ms ? s->options->setup_timeout_ms
	                                           : GH_FIRST_REQUEST_TIMEOUT_MS;
	if (!s->first_request)
		wl_event_source_timer_update(s->hello_timer, (int)ms);
	return wire_send_hello(&s->link, s->features);
}

/* Whether fds pass from the proxy: GL streams get shared memory if so. */
static bool fd_probe(struct gh_session *s, const struct wire_header *hdr)
{
	if (!(s->features & WIRE_FEATURE_FD_PASSING) || s->fd_probed || hdr->size != 0) {
		gh_session_fail(s, "%s frame %s", wire_type_name(hdr->type),
		                !(s->features & WIRE_FEATURE_FD_PASSING) ? "without fd passing"
		                : s->fd_probed                           ? "a second time"
		                                                         : "with a payload");
		return false;
	}
	s->fd_probed = true;
	int fd = wire_conn_take_fd(&s->link);
	if (fd < 0) {
		gp_log(INFO, "the link's fd probe came without its fd (a relay between proxy and "
		             "host?): GL uploads go through the link");
		return true;
	}
	close(fd);
	if (s->gl)
		gh_gl_offer_shared_memory(s->gl, true);
	return true;
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
	if (hdr->type == WIRE_GL_OPEN || hdr->type == WIRE_GL || hdr->type == WIRE_GL_CLOSE ||
	    hdr->type == WIRE_GL_SHARED)
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
	case WIRE_FD_PROBE:
		return fd_probe(s, hdr);
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

/* Every whole frame has run: an fd still waiting is one a WIRE_FD_PROBE or
 * WIRE_GL_SHARED frame not yet received will take. It came with the link's
 * bytes up to that frame, so at most one per open GL stream without shared
 * memory can be, and the probe's. */
static bool stray_fds_ok(struct gh_session *s)
{
	unsigned waiting = s->link.n_in_fds;
	if (!waiting)
		return true; /* the common case: no walk over the streams */
	unsigned may_claim = (s->gl ? gh_gl_streams_without_shared(s->gl) : 0) + !s->fd_probed;
	if (waiting <= may_claim)
		return true;
	gh_session_fail(s,
	                "the proxy sent %u fds that no fd-probe or gl-shared frame took (%u "
	                "may still be taken)",
	                waiting, may_claim);
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
			gh_session_fail(s, "gpupipe-host could not write to its compositor");
			return;
		}
		wire_conn_flush(&s->link); /* replies, the hello answer */
		if (!stalled && !stray_fds_ok(s))
			return;
		if (!stalled || gh_session_congested(s))
			break;
	}
	gh_session_throttle(s);
}
