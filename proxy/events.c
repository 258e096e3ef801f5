/*
 * Link -> app: frames from gpupipe-host. Wayland events are decoded against
 * the tables (the host is trusted, but a proxy that mis-parses would hand
 * the app garbage), fd handles become real fds, and the events go to the
 * app in socket form.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gpupipe/link.h>
#include <gpupipe/log.h>
#include <gpupipe/shm-bridge.h>

#include "client.h"
#include "gl-streams.h"
#include "policy.h"

static bool process_event(struct px_client *client, const uint8_t *data, uint16_t size)
{
	const char *err;
	uint32_t id;
	uint16_t opcode, sz;
	wire_msg_peek(data, size, &id, &opcode, &sz, &err);
	struct wire_object *obj = wire_object_get(&client->objects, id);
	if (!obj || opcode >= obj->interface->n_events) {
		px_client_close(client, true, "host sent event %u for unknown object %u", opcode,
		                id);
		return false;
	}
	struct wire_msg msg;
	const struct wire_message_desc *desc = &obj->interface->events[opcode];
	struct wire_object *created;
	if (!wire_msg_decode(data, size, desc, WIRE_FORM_LINK, &msg, &err) ||
	    !wire_objects_apply(&client->objects, &msg, &obj, false, &created, &err)) {
		px_client_close(client, true, "host sent a bad %s.%s: %s", obj->interface->name,
		                desc->name, err);
		return false;
	}
	const struct px_policy *policy = px_policy(obj->interface);
	if (policy->withhold && policy->withhold(client, obj, &msg)) {
		if (desc->destructor)
			px_object_destroy(obj);
		return true;
	}
	if (!px_event_send(client, &msg, obj))
		return false;
	if (policy->event)
		policy->event(client, obj, &msg);
	if (desc->destructor)
		px_object_destroy(obj);
	return true;
}

static bool process_wayland(struct px_client *client, const uint8_t *p, uint32_t len)
{
	while (len > 0) {
		uint32_t id;
		uint16_t opcode, size;
		const char *err;
		if (!wire_msg_peek(p, len, &id, &opcode, &size, &err) || size > len) {
			px_client_close(client, true, "host sent a bad wayland frame: %s",
			                size > len ? "message past the frame" : err);
			return false;
		}
		if (!process_event(client, p, size))
			return false;
		p += size;
		len -= size;
	}
	return true;
}

static bool process_blob(struct px_client *client, const uint8_t *p, uint32_t len)
{
	struct wire_blob blob;
	if (len < sizeof(blob) ||
	    (memcpy(&blob, p, sizeof(blob)), blob.size != len - sizeof(blob))) {
		px_client_close(client, true, "host sent a malformed blob");
		return false;
	}
	int fd = sb_memfd_from_bytes("gpupipe-blob", p + sizeof(blob), blob.size);
	struct px_handle_fd *h = wl_array_add(&client->blobs, sizeof(*h));
	if (fd < 0 || !h) {
		if (fd >= 0)
			close(fd);
		px_client_close(client, true, "cannot make a memfd for a blob: %s",
		                strerror(errno));
		return false;
	}
	*h = (struct px_handle_fd){.handle = blob.handle, .fd = fd};
	return true;
}

static bool process_hello(struct px_client *client, const uint8_t *p, uint32_t len)
{
	struct wire_hello hello;
	if (len != sizeof(hello) || (memcpy(&hello, p, sizeof(hello)), hello.magic != WIRE_MAGIC)) {
		px_client_close(client, true, "the link peer is not gpupipe-host");
		return false;
	}
	if (hello.version != WIRE_VERSION) {
		px_client_close(client, true, "gpupipe-host speaks link version %u, we speak %u",
		                hello.version, WIRE_VERSION);
		return false;
	}
	client->host_features = hello.features;
	client->hello_received = true;
	/* Granted only where we asked: our link is a unix socket. Whether fds
	 * reach the host through it, the probe tells the host. */
	if (hello.features & WIRE_FEATURE_FD_PASSING) {
		client->link.fd_passing = true;
		int fd = memfd_create("gpupipe-fd-probe", MFD_CLOEXEC);
		if (fd < 0 || !wire_frame_begin(&client->link, WIRE_FD_PROBE, 0, 0) ||
		    !wire_conn_queue_fd(&client->link, fd)) {
			px_client_close(client, true, "cannot probe the link's fd passing: %s",
			                strerror(errno));
			return false;
		}
	}
	gp_log(INFO, "link up, host features 0x%llx", (unsigned long long)hello.features);
	return true;
}

static bool process_frame(struct px_client *client, const struct wire_header *hdr, const uint8_t *p)
{
	if (!client->hello_received && hdr->type != WIRE_HELLO && hdr->type != WIRE_CLOSE) {
		px_client_close(client, true, "host did not start with hello");
		return false;
	}
	switch (hdr->type) {
	case WIRE_HELLO:
		return process_hello(client, p, hdr->size);
	case WIRE_CLOSE:
		px_client_close(client, true, "gpupipe-host closed the link: %.*s", (int)hdr->size,
		                (const char *)p);
		return false;
	case WIRE_WAYLAND:
		return process_wayland(client, p, hdr->size);
	case WIRE_BLOB:
		return process_blob(client, p, hdr->size);
	case WIRE_GL:
		return px_gl_stream_reply(client, hdr->channel, p, hdr->size);
	case WIRE_PIPE:
	case WIRE_PIPE_DATA:
	case WIRE_PIPE_CLOSE:
		if (wire_pipes_frame(&client->pipes, hdr->type, p, hdr->size))
			return true;
		px_client_close(client, true, "host sent a bad pipe frame: %s",
		                client->pipes.error);
		return false;
	default:
		px_client_close(client, true, "host sent unexpected frame type %u (%s)", hdr->type,
		                wire_type_name(hdr->type));
		return false;
	}
}

void px_events_process(struct px_client *client)
{
	for (;;) {
		struct wire_header hdr;
		const uint8_t *payload;
		const char *err;
		enum wire_frame_status st = wire_frame_next(&client->link, &hdr, &payload, &err);
		if (st == WIRE_FRAME_PARTIAL)
			break;
		if (st == WIRE_FRAME_INVALID) {
			px_client_close(client, true, "bad frame from host: %s", err);
			return;
		}
		if (!process_frame(client, &hdr, payload))
			return;
		wire_frame_consume(&client->link, &hdr);
	}
	if (!wire_conn_flush(&client->app)) {
		px_client_close(client, false, "app went away");
		return;
	}
	if (wire_conn_pending(&client->app) > PX_BACKPRESSURE_BYTES)
		wire_conn_set_reading(&client->link, false);
}
