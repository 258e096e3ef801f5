/*
 * GL frames left bottom to top, shown the right way up.
 *
 * The executor may leave a swap's rows bottom to top, as GL keeps them, which saves copies
 * (gpuhost/gl/readback-bottom-up.c). Every wl_surface such a frame is committed to then shows
 * it through the buffer transform the app set, followed by a vertical flip
 * (WL_OUTPUT_TRANSFORM_FLIPPED_180): the compositor flips for free where it samples the buffer
 * anyway. The app never learns of it:
 *
 * - its own set_buffer_transform is held and sent at commit, composed with the flip while the
 *   committed buffer is such a frame;
 * - its damage_buffer rectangles count their rows from the other end where the buffer they
 *   fall in (the one attached in this commit, else the one shown) is such a frame;
 * - a commit whose buffer turns the other way up than the one shown, or whose damage was
 *   flipped for another buffer than the one it shows (a second attach), damages the whole
 *   surface: the compositor's copy of the buffer changes everywhere.
 *
 * Surfaces that never show such a frame (every surface of an app without GL) get their
 * requests as sent, the transform at commit rather than before. Only this link's own surfaces
 * and frames are involved: whatever an app sends here can at worst show its own frames the
 * wrong way up.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <gpupipe/log.h>

#include "gl/gl.h"
#include "policy.h"
#include "relay.h"
#include "session.h"

struct surface_transform {
	/* The app's last set_buffer_transform, and what the compositor applies at the next
	 * commit (the app's, flipped while the buffer is bottom to top). */
	int32_t app, sent;
	/* The height of the buffer committed (shown) and of the one attached since (if attached)
	 * when its rows are bottom to top; 0 for any other buffer, or none. */
	uint32_t shown, attached_height;
	bool attached;
	/* damage_buffer since the commit, flipped for a buffer of damage_height (0: not flipped);
	 * mixed: for buffers of different heights. */
	bool damaged, mixed;
	uint32_t damage_height;
};

/*
 * The transform of a buffer that is `t`'s buffer flipped vertically. A transform is a rotation
 * by r quarter turns after an optional mirror M (r = t & 3, mirrored = t & 4); the vertical flip
 * is FLIPPED_180, R^2 M, and R^2 M R^r M^f = R^(2-r) M^(f+1), since M R = R^-1 M.
 */
static int32_t flipped(int32_t t)
{
	return (t & 4 ? 0 : 4) | ((2 - (t & 3)) & 3);
}

static struct surface_transform *state_of(struct gh_session *s, const struct gh_message *m)
{
	if (!m->obj->data) {
		m->obj->data = calloc(1, sizeof(struct surface_transform));
		if (!m->obj->data)
			gh_session_fail(s, "out of memory for wl_surface@%u", m->msg->object);
	}
	return m->obj->data;
}

/* A request of the host's own to the app's wl_surface. */
static bool send(struct gh_session *s, const struct gh_message *m, uint16_t opcode,
                 const int32_t *args, int n)
{
	struct wire_msg msg = {
	        .object = m->msg->object,
	        .opcode = opcode,
	        .desc = &m->obj->interface->requests[opcode],
	};
	for (int i = 0; i < n; i++)
		msg.args[i].i = args[i];
	return gh_to_compositor(s, &msg, NULL, 0);
}

static int32_t clamp32(int64_t v)
{
	return v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int32_t)v;
}

/* Rows of a buffer of `height` counted from the other end, where it is bottom to top. */
static void damage(struct surface_transform *st, union wire_arg *a)
{
	uint32_t height = st->attached ? st->attached_height : st->shown;
	st->mixed |= st->damaged && st->damage_height != height;
	st->damaged = true;
	st->damage_height = height;
	if (height)
		a[1].i = clamp32((int64_t)height - a[1].i - a[3].i);
}

static enum gh_verdict commit(struct gh_session *s, const struct gh_message *m,
                              struct surface_transform *st)
{
	uint32_t height = st->attached ? st->attached_height : st->shown;
	bool everything =
	        height != st->shown || (st->damaged && (st->mixed || st->damage_height != height));
	st->shown = height;
	st->attached = st->damaged = st->mixed = false;
	int32_t t = height ? flipped(st->app) : st->app;
	if (t != st->sent) {
		if (!send(s, m, WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM, &t, 1))
			return GH_FAIL;
		st->sent = t;
	}
	static const int32_t all[4] = {0, 0, INT32_MAX, INT32_MAX};
	if (everything && !send(s, m, WIRE_WL_SURFACE_REQ_DAMAGE, all, 4))
		return GH_FAIL;
	return GH_RELAY;
}

enum gh_verdict gh_buffer_transform_surface_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_object *obj = m->obj;
	struct wire_msg *msg = m->msg;
	/* Before version 2 there is no transform to give: the library never lets such frames
	 * stay bottom to top. */
	if (obj->version < 2 || msg->desc->destructor)
		return GH_RELAY;
	uint16_t op = msg->opcode;
	if (op != WIRE_WL_SURFACE_REQ_ATTACH && op != WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER &&
	    op != WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM && op != WIRE_WL_SURFACE_REQ_COMMIT)
		return GH_RELAY;
	struct surface_transform *st = state_of(s, m);
	if (!st)
		return GH_FAIL;
	switch (op) {
	case WIRE_WL_SURFACE_REQ_ATTACH:
		/* The swap that filled a GL frame came before: the stream is run in order. */
		st->attached = true;
		st->attached_height =
		        msg->args[0].u && s->gl ? gh_gl_buffer_bottom_up(s->gl, msg->args[0].u) : 0;
		return GH_RELAY;
	case WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER:
		damage(st, msg->args);
		return GH_RELAY;
	case WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM:
		if (msg->args[0].i < 0 || msg->args[0].i > 7) {
			gh_session_fail(s,
			                "wl_surface@%u.set_buffer_transform: %d is not a "
			                "wl_output.transform",
			                msg->object, msg->args[0].i);
			return GH_FAIL;
		}
		st->app = msg->args[0].i;
		return GH_DONE;
	default:
		return commit(s, m, st);
	}
}

void gh_buffer_transform_surface_destroy(struct wire_object *obj)
{
	free(obj->data);
}
