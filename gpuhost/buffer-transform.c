/*
 * GL frames left bottom to top, shown the right way up.
 *
 * The executor may leave a swap's rows bottom to top, as GL keeps them, which saves a copy
 * (gpuhost/gl/readback-bottom-up.c). Every wl_surface such a frame is committed to then shows
 * it through the buffer transform the app set, followed by a vertical flip
 * (WL_OUTPUT_TRANSFORM_FLIPPED_180): the compositor flips for free where it samples the buffer
 * anyway. The app never learns of it: its own set_buffer_transform is held and sent at commit,
 * composed with the flip while the surface's buffer is such a frame, as it is; its
 * damage_buffer rectangles are held too, and flipped at commit when the buffer they fall in is
 * one. They must wait for the commit: a commit's requests come in any order, and only then is
 * it known which buffer the damage is of.
 *
 * Only this link's own surfaces and frames are involved: whatever an app sends here can at
 * worst show its own frames the wrong way up.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <gpupipe/log.h>

#include "gl/gl.h"
#include "policy.h"
#include "relay.h"
#include "session.h"

/* Held damage_buffer rectangles per commit; past this, the whole buffer is damaged. */
#define MAX_HELD_DAMAGE 64u

struct surface_transform {
	/* The app's last set_buffer_transform, and what the compositor applies at the next
	 * commit (the app's, flipped while the buffer is bottom to top). */
	int32_t app, sent;
	/* An attach since the last commit, and its buffer's id (0: NULL). */
	bool attached;
	uint32_t buffer;
	/* The committed buffer's height when its rows are bottom to top, else 0. */
	uint32_t flipped_height;
	/* Held damage_buffer rectangles; MAX_HELD_DAMAGE + 1: the whole buffer. */
	uint32_t n_damage;
	int32_t damage[MAX_HELD_DAMAGE][4];
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

static void hold_damage(struct surface_transform *st, const union wire_arg *a)
{
	if (st->n_damage >= MAX_HELD_DAMAGE) {
		st->n_damage = MAX_HELD_DAMAGE + 1;
		return;
	}
	for (int i = 0; i < 4; i++)
		st->damage[st->n_damage][i] = a[i].i;
	st->n_damage++;
}

static int32_t clamp32(int64_t v)
{
	return v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int32_t)v;
}

/* The held damage, of the buffer the commit shows: rows counted from the other end where it is
 * bottom to top. */
static bool send_damage(struct gh_session *s, const struct gh_message *m,
                        struct surface_transform *st)
{
	static const int32_t all[4] = {0, 0, INT32_MAX, INT32_MAX};
	uint32_t n = st->n_damage;
	st->n_damage = 0;
	if (n > MAX_HELD_DAMAGE)
		return send(s, m, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, all, 4);
	for (uint32_t i = 0; i < n; i++) {
		int32_t r[4] = {st->damage[i][0], st->damage[i][1], st->damage[i][2],
		                st->damage[i][3]};
		if (st->flipped_height)
			r[1] = clamp32((int64_t)st->flipped_height - r[1] - r[3]);
		if (!send(s, m, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, r, 4))
			return false;
	}
	return true;
}

static enum gh_verdict commit(struct gh_session *s, const struct gh_message *m,
                              struct surface_transform *st)
{
	if (st->attached)
		st->flipped_height =
		        st->buffer && s->gl ? gh_gl_buffer_bottom_up(s->gl, st->buffer) : 0;
	st->attached = false;
	int32_t t = st->flipped_height ? flipped(st->app) : st->app;
	if (t != st->sent) {
		if (!send(s, m, WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM, &t, 1))
			return GH_FAIL;
		st->sent = t;
	}
	return send_damage(s, m, st) ? GH_RELAY : GH_FAIL;
}

enum gh_verdict gh_buffer_transform_surface_request(struct gh_session *s, struct gh_message *m)
{
	struct wire_object *obj = m->obj;
	const struct wire_msg *msg = m->msg;
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
		st->attached = true;
		st->buffer = msg->args[0].u;
		return GH_RELAY;
	case WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER:
		hold_damage(st, msg->args);
		return GH_DONE;
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
