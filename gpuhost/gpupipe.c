/*
 * The gpupipe_v1 global (protocols/gpupipe-v1.xml) on the host side: the
 * Wayland half of GL rendering. gpupipe-host advertises the global itself,
 * and turns the app's gpupipe objects into objects of the host compositor
 * under the same ids:
 *
 *   app's view                         compositor's view (same id)
 *   gpupipe_v1                         wl_shm, or zwp_linux_dmabuf_v1
 *   gpupipe_memory_v1                  wl_shm_pool, or zwp_linux_buffer_params_v1
 *   wl_buffer (memory.create_buffer)   wl_buffer
 *
 * so ids are never translated and the app's wl_surface.attach of a frame
 * buffer goes to the compositor unchanged. The memory behind each buffer
 * belongs to the GL executor (gl/), which renders into it at GL_OP_SWAP.
 * Events the compositor sends for these ids (wl_shm.format, ...) are the
 * host's, never the app's.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/gl-stream.h>
#include <gpupipe/log.h>

#include "gl/gl.h"
#include "gpupipe.h"
#include "policy.h"
#include "relay.h"
#include "session.h"

/* Frame buffers one link may hold at once (4 per window, many windows). */
#define MAX_MEMORIES 256

/* wl_shm.format values (wayland.xml) the frame buffers use. */
#define SHM_FORMAT_ARGB8888 0u
#define SHM_FORMAT_XRGB8888 1u

/* What a gpupipe_memory_v1 object holds (its wire_object.data). */
struct memory_object {
	struct gh_session *session;
	struct gh_gl_memory *mem;
	uint32_t width, height, format;
	uint32_t fourcc; /* dmabuf only */
	bool used;       /* create_buffer was called */
};

static bool send_compositor(struct gh_session *s, uint32_t object,
                            const struct wire_interface *iface, uint16_t opcode,
                            struct wire_msg *msg, const int *fds, unsigned n_fds)
{
	msg->object = object;
	msg->opcode = opcode;
	msg->desc = &iface->requests[opcode];
	return gh_to_compositor(s, msg, fds, n_fds);
}

bool gh_gpupipe_advertise(struct gh_session *s, uint32_t registry_id)
{
	if (!s->gl)
		return true;
	struct wire_msg msg = {
	        .object = registry_id,
	        .opcode = WIRE_WL_REGISTRY_EVT_GLOBAL,
	        .desc = &wire_iface_wl_registry.events[WIRE_WL_REGISTRY_EVT_GLOBAL],
	};
	msg.args[0].u = GH_GPUPIPE_GLOBAL_NAME;
	msg.args[1].s = wire_iface_gpupipe_v1.name;
	msg.args[2].u = 1;
	return gh_to_link(s, &msg);
}

bool gh_gpupipe_check_bind(struct gh_session *s, const struct wire_msg *msg, const char **err)
{
	if (!s->gl) {
		*err = s->options->gl ? "this host cannot render GL (see its log)"
		                      : "GL is disabled on this host (--no-gl)";
		return false;
	}
	if (!msg->bind_interface || strcmp(msg->bind_interface, wire_iface_gpupipe_v1.name) != 0) {
		*err = "bind with an interface that does not match the global";
		return false;
	}
	if (msg->bind_version != 1) {
		*err = "gpupipe_v1 has version 1 only";
		return false;
	}
	/* One binding at a time. Binding again once the earlier one is
	 * destroyed is what eglTerminate + eglInitialize does (as Mesa
	 * re-binds wl_drm): it gains the app nothing, since the GL objects
	 * and streams belong to the link, not to the binding. */
	if (s->gl_binding) {
		*err = "gpupipe_v1 bound twice (the earlier binding is not destroyed)";
		return false;
	}
	return true;
}

/* wl_registry.bind of our global: the same id becomes the compositor's
 * wl_shm or zwp_linux_dmabuf_v1, whichever the executor renders into. */
bool gh_gpupipe_bind(struct gh_session *s, struct wire_msg *msg, struct wire_object *created)
{
	bool dmabuf = s->dmabuf_name && s->dmabuf_version >= 3;
	bool use_dmabuf = gh_gl_choose_present(s->gl, dmabuf) == GH_GL_PRESENT_DMABUF;
	s->gl_bound = true;
	s->gl_binding = true;
	if (!use_dmabuf && !s->shm_name) {
		gh_session_fail(s, "the host compositor offers no wl_shm for GL frames");
		return false;
	}
	created->host_interface = use_dmabuf ? &wire_iface_zwp_linux_dmabuf_v1 : &wire_iface_wl_shm;
	msg->args[0].u = use_dmabuf ? s->dmabuf_name : s->shm_name;
	msg->bind_interface = created->host_interface->name;
	msg->bind_version = use_dmabuf ? 3 : 1;
	gp_log(INFO, "GL frames go to the compositor as %s", msg->bind_interface);
	return gh_to_compositor(s, msg, NULL, 0);
}

static bool create_memory(struct gh_session *s, struct wire_object *gpupipe, struct wire_msg *msg,
                          struct wire_object *created)
{
	uint32_t gpupipe_id = msg->object;
	uint32_t id = msg->args[0].u, width = msg->args[1].u, height = msg->args[2].u;
	uint32_t format = msg->args[3].u;
	if (width < 1 || height < 1 || width > GL_MAX_SURFACE_SIZE ||
	    height > GL_MAX_SURFACE_SIZE) {
		gh_session_fail(s, "gpupipe_v1.create_memory: size %ux%u outside 1..%u", width,
		                height, GL_MAX_SURFACE_SIZE);
		return false;
	}
	if (format != SHM_FORMAT_ARGB8888 && format != SHM_FORMAT_XRGB8888) {
		gh_session_fail(s,
		                "gpupipe_v1.create_memory: format 0x%x is neither argb8888 nor "
		                "xrgb8888",
		                format);
		return false;
	}
	if (s->gl_memories >= MAX_MEMORIES) {
		gh_session_fail(s, "gpupipe_v1.create_memory: more than %u frame buffers",
		                MAX_MEMORIES);
		return false;
	}
	if (!gh_gl_frame_memory_fits(s->gl, width, height)) {
		gh_session_fail(s,
		                "gpupipe_v1.create_memory: a %ux%u frame buffer would pass the "
		                "frame memory quota (--quota-frame-memory)",
		                width, height);
		return false;
	}
	struct memory_object *m = calloc(1, sizeof(*m));
	struct gh_gl_memory_desc desc;
	struct gh_gl_memory *mem =
	        m ? gh_gl_memory_create(s->gl, width, height, format, &desc) : NULL;
	if (!mem) {
		free(m);
		gh_session_fail(s, "gpupipe_v1.create_memory: cannot allocate %ux%u", width,
		                height);
		return false;
	}
	*m = (struct memory_object){
	        .session = s, .mem = mem, .width = width, .height = height, .format = format};
	s->gl_memories++;
	created->data = m;
	struct wire_msg out = {0};
	out.args[0].u = id;
	if (gpupipe->host_interface == &wire_iface_wl_shm) {
		created->host_interface = &wire_iface_wl_shm_pool;
		out.args[2].i = (int32_t)desc.size;
		return send_compositor(s, gpupipe_id, &wire_iface_wl_shm,
		                       WIRE_WL_SHM_REQ_CREATE_POOL, &out, &desc.fd, 1);
	}
	created->host_interface = &wire_iface_zwp_linux_buffer_params_v1;
	if (!send_compositor(s, gpupipe_id, &wire_iface_zwp_linux_dmabuf_v1,
	                     WIRE_ZWP_LINUX_DMABUF_V1_REQ_CREATE_PARAMS, &out, NULL, 0)) {
		close(desc.fd);
		return false;
	}
	struct wire_msg add = {0};
	add.args[1].u = 0; /* plane */
	add.args[2].u = desc.offset;
	add.args[3].u = desc.stride;
	add.args[4].u = (uint32_t)(desc.modifier >> 32);
	add.args[5].u = (uint32_t)desc.modifier;
	m->fourcc = desc.fourcc;
	return send_compositor(s, id, &wire_iface_zwp_linux_buffer_params_v1,
	                       WIRE_ZWP_LINUX_BUFFER_PARAMS_V1_REQ_ADD, &add, &desc.fd, 1);
}

static bool create_buffer(struct gh_session *s, struct wire_object *memory, struct wire_msg *msg,
                          struct wire_object *created)
{
	struct memory_object *m = memory->data;
	if (m->used) {
		gh_session_fail(s, "gpupipe_memory_v1.create_buffer: called twice");
		return false;
	}
	m->used = true;
	uint32_t memory_id = msg->object, id = msg->args[0].u, w = m->width, h = m->height;
	struct wire_msg out = {0};
	out.args[0].u = id;
	bool ok;
	if (memory->host_interface == &wire_iface_wl_shm_pool) {
		out.args[1].i = 0;
		out.args[2].i = (int32_t)w;
		out.args[3].i = (int32_t)h;
		out.args[4].i = (int32_t)(w * 4);
		out.args[5].u = m->format;
		ok = send_compositor(s, memory_id, &wire_iface_wl_shm_pool,
		                     WIRE_WL_SHM_POOL_REQ_CREATE_BUFFER, &out, NULL, 0);
	} else {
		out.args[1].i = (int32_t)w;
		out.args[2].i = (int32_t)h;
		out.args[3].u = m->fourcc;
		out.args[4].u = 0;
		ok = send_compositor(s, memory_id, &wire_iface_zwp_linux_buffer_params_v1,
		                     WIRE_ZWP_LINUX_BUFFER_PARAMS_V1_REQ_CREATE_IMMED, &out, NULL,
		                     0);
	}
	/* The buffer's wire_object.data stays NULL: shm.c's buffers are the
	 * ones with data, and gh_gl knows which ids are its own. */
	if (ok)
		gh_gl_memory_bind_buffer(s->gl, m->mem, id);
	return ok;
}

static bool destroy_host_object(struct gh_session *s, struct wire_object *obj, uint32_t id)
{
	struct wire_msg out = {0};
	if (obj->host_interface == &wire_iface_wl_shm_pool)
		return send_compositor(s, id, &wire_iface_wl_shm_pool, WIRE_WL_SHM_POOL_REQ_DESTROY,
		                       &out, NULL, 0);
	if (obj->host_interface == &wire_iface_zwp_linux_buffer_params_v1)
		return send_compositor(s, id, &wire_iface_zwp_linux_buffer_params_v1,
		                       WIRE_ZWP_LINUX_BUFFER_PARAMS_V1_REQ_DESTROY, &out, NULL, 0);
	if (obj->host_interface == &wire_iface_zwp_linux_dmabuf_v1)
		return send_compositor(s, id, &wire_iface_zwp_linux_dmabuf_v1,
		                       WIRE_ZWP_LINUX_DMABUF_V1_REQ_DESTROY, &out, NULL, 0);
	/* wl_shm version 1 cannot be destroyed: the id stays taken, which
	 * only costs the app one id. */
	return true;
}

/* ---- hooks (policy.h) ---- */

/* A frame buffer's wl_buffer (no shm region): the executor forgets it too.
 * Forwarded as it is. */
enum gh_verdict gh_gpupipe_buffer_request(struct gh_session *s, struct gh_message *m)
{
	if (!m->obj->data && s->gl && m->msg->opcode == WIRE_WL_BUFFER_REQ_DESTROY)
		gh_gl_buffer_destroyed(s->gl, m->msg->object);
	return GH_RELAY;
}

/* gpupipe_v1 and gpupipe_memory_v1 never reach the compositor as they
 * are: each becomes requests to the host object behind its id. */
enum gh_verdict gh_gpupipe_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	bool ok;
	if (msg->desc->destructor) {
		s->gl_binding = false;
		ok = destroy_host_object(s, m->obj, msg->object);
	} else if (msg->opcode == WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY) {
		ok = create_memory(s, m->obj, msg, m->created);
	} else {
		/* open_stream carries an fd and was refused before we got here. */
		gh_session_fail(s, "%s.%s is not accepted on the link", m->obj->interface->name,
		                msg->desc->name);
		ok = false;
	}
	return ok ? GH_DONE : GH_FAIL;
}

enum gh_verdict gh_gpupipe_memory_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	bool ok;
	if (msg->desc->destructor) {
		ok = destroy_host_object(s, m->obj, msg->object);
	} else if (msg->opcode == WIRE_GPUPIPE_MEMORY_V1_REQ_CREATE_BUFFER) {
		ok = create_buffer(s, m->obj, msg, m->created);
	} else {
		gh_session_fail(s, "%s.%s is not accepted on the link", m->obj->interface->name,
		                msg->desc->name);
		ok = false;
	}
	return ok ? GH_DONE : GH_FAIL;
}

/* The compositor's word on a GL frame's dmabuf (the app never sees it). */
enum gh_verdict gh_gpupipe_params_event(struct gh_session *s, struct gh_message *m)
{
	if (m->msg->opcode == WIRE_ZWP_LINUX_BUFFER_PARAMS_V1_EVT_FAILED)
		gp_log(ERROR, "the compositor refused a GL frame dmabuf");
	return GH_DONE;
}

void gh_gpupipe_memory_destroy(struct wire_object *obj)
{
	if (obj->data) {
		struct memory_object *mo = obj->data;
		gh_gl_memory_unref(mo->mem);
		mo->session->gl_memories--;
		free(mo);
		obj->data = NULL;
	}
}

bool gh_gpupipe_frame(struct gh_session *s, const struct wire_header *hdr, const uint8_t *p,
                      uint32_t *used)
{
	*used = hdr->size;
	if (hdr->channel == 0 || hdr->channel > WIRE_MAX_GL_CHANNEL) {
		gh_session_fail(s, "%s frame on channel %u, outside 1..%u",
		                wire_type_name(hdr->type), hdr->channel, WIRE_MAX_GL_CHANNEL);
		return false;
	}
	if (!s->gl_bound) {
		gh_session_fail(s, "%s frame before gpupipe_v1 was bound",
		                wire_type_name(hdr->type));
		return false;
	}
	if (hdr->type != WIRE_GL && hdr->size != 0) {
		gh_session_fail(s, "%s frame with a %u-byte payload, expected none",
		                wire_type_name(hdr->type), hdr->size);
		return false;
	}
	switch (hdr->type) {
	case WIRE_GL_OPEN:
		return gh_gl_stream_open(s->gl, hdr->channel);
	case WIRE_GL_SHARED: {
		int fd = wire_conn_take_fd(&s->link);
		if (fd < 0) {
			gh_session_fail(s, "%s frame on channel %u without its fd",
			                wire_type_name(hdr->type), hdr->channel);
			return false;
		}
		return gh_gl_stream_shared(s->gl, hdr->channel, fd);
	}
	case WIRE_GL:
		/* A frame left half run (the queue toward the proxy was full)
		 * goes on where it stopped. */
		if (!gh_gl_stream_data(s->gl, hdr->channel, p + s->frame_done,
		                       hdr->size - s->frame_done, used))
			return false;
		*used += s->frame_done;
		return true;
	default:
		return gh_gl_stream_close(s->gl, hdr->channel);
	}
}
