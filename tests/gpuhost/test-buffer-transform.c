/*
 * gpuhost/buffer-transform.c on its own: what the compositor gets for each order of an app's
 * wl_surface requests, with the GL executor's answer (which frame buffers are bottom to top,
 * gh_gl_buffer_bottom_up) and the relay (gh_to_compositor) stubbed here. Each case is one meson
 * test; the program takes the case's name.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "gl/gl.h"
#include "policy.h"
#include "relay.h"
#include "session.h"

#define SURFACE 5u
#define ALL INT32_MAX

/* What reached the compositor, in order. */
static struct sent {
	uint16_t opcode;
	int32_t args[4];
} sent[32];
static int n_sent;
static uint32_t bottom_up_height[16]; /* by wl_buffer id; 0: not a bottom-up frame */
static char failure[256];

bool gh_to_compositor(struct gh_session *s, const struct wire_msg *msg, const int *fds,
                      unsigned n_fds)
{
	if (n_sent < (int)(sizeof(sent) / sizeof(sent[0]))) {
		sent[n_sent].opcode = msg->opcode;
		for (int i = 0; i < 4; i++)
			sent[n_sent].args[i] = msg->args[i].i;
	}
	n_sent++;
	return true;
}

uint32_t gh_gl_buffer_bottom_up(struct gh_gl *gl, uint32_t buffer_id)
{
	return buffer_id < 16 ? bottom_up_height[buffer_id] : 0;
}

void gh_session_fail(struct gh_session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(failure, sizeof(failure), fmt, ap);
	va_end(ap);
}

struct app {
	struct gh_session s;
	struct wire_object surface;
};

static void app_init(struct app *a, uint32_t version)
{
	static int gl;
	memset(a, 0, sizeof(*a));
	a->s.gl = (struct gh_gl *)&gl; /* only ever passed to the stub */
	a->surface.interface = &wire_iface_wl_surface;
	a->surface.version = version;
	n_sent = 0;
	failure[0] = 0;
}

/* One request through the hook, then relayed as the dispatcher would. */
static enum gh_verdict request(struct app *a, uint16_t opcode, int32_t a0, int32_t a1, int32_t a2,
                               int32_t a3)
{
	struct wire_msg msg = {
	        .object = SURFACE,
	        .opcode = opcode,
	        .desc = &wire_iface_wl_surface.requests[opcode],
	};
	msg.args[0].i = a0;
	msg.args[1].i = a1;
	msg.args[2].i = a2;
	msg.args[3].i = a3;
	struct gh_message m = {.obj = &a->surface, .msg = &msg};
	enum gh_verdict v = gh_buffer_transform_surface_request(&a->s, &m);
	if (v == GH_RELAY)
		gh_to_compositor(&a->s, &msg, NULL, 0);
	return v;
}

static void attach(struct app *a, int32_t buffer)
{
	request(a, WIRE_WL_SURFACE_REQ_ATTACH, buffer, 0, 0, 0);
}

static void damage_buffer(struct app *a, int32_t x, int32_t y, int32_t w, int32_t h)
{
	request(a, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, x, y, w, h);
}

static void transform(struct app *a, int32_t t)
{
	request(a, WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM, t, 0, 0, 0);
}

static void commit(struct app *a)
{
	request(a, WIRE_WL_SURFACE_REQ_COMMIT, 0, 0, 0, 0);
}

/* The messages sent since `from` are exactly `want` (opcode, then its arguments). */
static bool sent_are(int from, const struct sent *want, int n)
{
	CHECK(n_sent - from == n, "%d messages, expected %d", n_sent - from, n);
	for (int i = 0; i < n; i++) {
		const struct sent *got = &sent[from + i];
		CHECK(got->opcode == want[i].opcode, "message %d is request %u, expected %u", i,
		      got->opcode, want[i].opcode);
		int n_args = wire_iface_wl_surface.requests[got->opcode].n_args;
		for (int k = 0; k < n_args && k < 4; k++)
			CHECK(got->args[k] == want[i].args[k],
			      "message %d (request %u) argument %d "
			      "is %d, expected %d",
			      i, got->opcode, k, got->args[k], want[i].args[k]);
	}
	return true;
}

enum {
	ATTACH = WIRE_WL_SURFACE_REQ_ATTACH,
	DAMAGE = WIRE_WL_SURFACE_REQ_DAMAGE,
	DAMAGE_BUFFER = WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER,
	TRANSFORM = WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM,
	COMMIT = WIRE_WL_SURFACE_REQ_COMMIT,
};

/* An app without GL frames: its requests as sent, the transform at its commit. */
static bool shm_frames_pass_unchanged(void)
{
	struct app a;
	app_init(&a, 4);
	transform(&a, 1);
	attach(&a, 3);
	damage_buffer(&a, 0, 1, 2, 3);
	commit(&a);
	const struct sent want[] = {
	        {ATTACH, {3}}, {DAMAGE_BUFFER, {0, 1, 2, 3}}, {TRANSFORM, {1}}, {COMMIT, {0}}};
	return sent_are(0, want, 4) && !failure[0];
}

/* A bottom-up frame: the flip, its damage rows counted from the other end, the whole surface
 * damaged as it turns over; the next frame of the same kind, just its damage. */
static bool bottom_up_frames_are_flipped(void)
{
	struct app a;
	app_init(&a, 4);
	bottom_up_height[7] = bottom_up_height[8] = 100;
	attach(&a, 7);
	damage_buffer(&a, 0, 10, 5, 20);
	commit(&a);
	const struct sent first[] = {{ATTACH, {7}},
	                             {DAMAGE_BUFFER, {0, 70, 5, 20}},
	                             {TRANSFORM, {6}},
	                             {DAMAGE, {0, 0, ALL, ALL}},
	                             {COMMIT, {0}}};
	if (!sent_are(0, first, 5))
		return false;
	int at = n_sent;
	attach(&a, 8);
	damage_buffer(&a, 0, 0, 5, 5);
	commit(&a);
	const struct sent next[] = {{ATTACH, {8}}, {DAMAGE_BUFFER, {0, 95, 5, 5}}, {COMMIT, {0}}};
	if (!sent_are(at, next, 3))
		return false;
	/* A commit without a buffer: its damage is of the one shown. */
	at = n_sent;
	damage_buffer(&a, 1, 99, 1, 1);
	commit(&a);
	const struct sent again[] = {{DAMAGE_BUFFER, {1, 0, 1, 1}}, {COMMIT, {0}}};
	return sent_are(at, again, 2);
}

/* Each of the app's transforms, composed with the vertical flip (weston's and wlroots'
 * composition: FLIPPED_180 after the app's). */
static bool app_transforms_compose_with_the_flip(void)
{
	static const int32_t composed[8] = {6, 5, 4, 7, 2, 1, 0, 3};
	struct app a;
	app_init(&a, 4);
	bottom_up_height[7] = 100;
	for (int32_t t = 0; t < 8; t++) {
		transform(&a, t);
		attach(&a, 7);
		int at = n_sent;
		commit(&a);
		CHECK(n_sent - at >= 2 && sent[at].opcode == TRANSFORM &&
		              sent[at].args[0] == composed[t],
		      "transform %d went as %d", t, sent[at].args[0]);
	}
	/* Back to a buffer of the app's own: its transform as it set it, the surface damaged. */
	int at = n_sent;
	attach(&a, 3);
	commit(&a);
	const struct sent back[] = {
	        {ATTACH, {3}}, {TRANSFORM, {7}}, {DAMAGE, {0, 0, ALL, ALL}}, {COMMIT, {0}}};
	return sent_are(at, back, 4);
}

/* Damage before the attach, two attaches, a NULL attach: whatever buffer the damage was
 * flipped for, the commit that shows another damages everything. */
static bool damage_of_another_buffer_damages_everything(void)
{
	struct app a;
	app_init(&a, 4);
	bottom_up_height[7] = bottom_up_height[8] = 100;
	bottom_up_height[9] = 50;
	attach(&a, 7);
	commit(&a);
	/* Damage of the shown (flipped) buffer, then an shm buffer attached. */
	int at = n_sent;
	damage_buffer(&a, 0, 0, 1, 1);
	attach(&a, 3);
	commit(&a);
	const struct sent turned[] = {{DAMAGE_BUFFER, {0, 99, 1, 1}},
	                              {ATTACH, {3}},
	                              {TRANSFORM, {0}},
	                              {DAMAGE, {0, 0, ALL, ALL}},
	                              {COMMIT, {0}}};
	if (!sent_are(at, turned, 5))
		return false;
	/* Shown: shm. An shm buffer then a flipped one in one commit, damage between. */
	attach(&a, 8);
	commit(&a);
	at = n_sent;
	attach(&a, 3);
	damage_buffer(&a, 0, 0, 1, 1);
	attach(&a, 8);
	commit(&a);
	const struct sent twice[] = {{ATTACH, {3}},
	                             {DAMAGE_BUFFER, {0, 0, 1, 1}},
	                             {ATTACH, {8}},
	                             {DAMAGE, {0, 0, ALL, ALL}},
	                             {COMMIT, {0}}};
	if (!sent_are(at, twice, 5))
		return false;
	/* Damage of an shm buffer attached, then damage of a flipped one attached after it, the
	 * commit showing a flipped buffer as before: the first damage went unflipped. */
	at = n_sent;
	attach(&a, 3);
	damage_buffer(&a, 0, 0, 1, 1);
	attach(&a, 8);
	damage_buffer(&a, 0, 0, 1, 1);
	commit(&a);
	const struct sent mixed[] = {{ATTACH, {3}},
	                             {DAMAGE_BUFFER, {0, 0, 1, 1}},
	                             {ATTACH, {8}},
	                             {DAMAGE_BUFFER, {0, 99, 1, 1}},
	                             {DAMAGE, {0, 0, ALL, ALL}},
	                             {COMMIT, {0}}};
	if (!sent_are(at, mixed, 6))
		return false;
	/* A flipped buffer of another height. */
	at = n_sent;
	attach(&a, 9);
	commit(&a);
	const struct sent resized[] = {{ATTACH, {9}}, {DAMAGE, {0, 0, ALL, ALL}}, {COMMIT, {0}}};
	if (!sent_are(at, resized, 3))
		return false;
	/* NULL: nothing shown, the app's transform back. */
	at = n_sent;
	attach(&a, 0);
	commit(&a);
	const struct sent none[] = {
	        {ATTACH, {0}}, {TRANSFORM, {0}}, {DAMAGE, {0, 0, ALL, ALL}}, {COMMIT, {0}}};
	return sent_are(at, none, 4);
}

/* Rows counted from the other end in 64 bits, clamped to what the wire holds. */
static bool damage_at_the_ends_of_int32_is_clamped(void)
{
	struct app a;
	app_init(&a, 4);
	bottom_up_height[7] = 100;
	attach(&a, 7);
	damage_buffer(&a, 0, INT32_MIN, INT32_MAX, INT32_MAX);
	damage_buffer(&a, 0, INT32_MAX, 1, INT32_MAX);
	damage_buffer(&a, 0, -10, 1, INT32_MIN);
	const struct sent want[] = {{ATTACH, {7}},
	                            {DAMAGE_BUFFER, {0, 101, INT32_MAX, INT32_MAX}},
	                            {DAMAGE_BUFFER, {0, INT32_MIN, 1, INT32_MAX}},
	                            {DAMAGE_BUFFER, {0, INT32_MAX, 1, INT32_MIN}}};
	return sent_are(0, want, 4);
}

/* A transform that is none ends the link here, with a reason. */
static bool transform_that_is_none_fails(void)
{
	struct app a;
	app_init(&a, 4);
	CHECK(request(&a, TRANSFORM, 8, 0, 0, 0) == GH_FAIL, "transform 8 was taken");
	CHECK(strstr(failure, "8 is not a wl_output.transform"), "reason: %s", failure);
	app_init(&a, 4);
	CHECK(request(&a, TRANSFORM, -1, 0, 0, 0) == GH_FAIL, "transform -1 was taken");
	return n_sent == 0;
}

/* Version 1 surfaces take no transform: the library never lets their frames stay bottom to
 * top, and every request goes as sent. Version 2 and 3 ones damage in surface coordinates,
 * which the flip leaves alone. */
static bool old_surfaces_are_left_alone(void)
{
	struct app a;
	app_init(&a, 1);
	bottom_up_height[7] = 100;
	attach(&a, 7);
	request(&a, DAMAGE, 0, 10, 5, 5);
	commit(&a);
	const struct sent v1[] = {{ATTACH, {7}}, {DAMAGE, {0, 10, 5, 5}}, {COMMIT, {0}}};
	if (!sent_are(0, v1, 3) || a.surface.data)
		return false;
	app_init(&a, 3);
	attach(&a, 7);
	request(&a, DAMAGE, 0, 10, 5, 5);
	commit(&a);
	const struct sent v3[] = {{ATTACH, {7}},
	                          {DAMAGE, {0, 10, 5, 5}},
	                          {TRANSFORM, {6}},
	                          {DAMAGE, {0, 0, ALL, ALL}},
	                          {COMMIT, {0}}};
	bool ok = sent_are(0, v3, 5);
	gh_buffer_transform_surface_destroy(&a.surface);
	return ok;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		bool (*run)(void);
	} cases[] = {
	        {"shm_frames_pass_unchanged", shm_frames_pass_unchanged},
	        {"bottom_up_frames_are_flipped", bottom_up_frames_are_flipped},
	        {"app_transforms_compose_with_the_flip", app_transforms_compose_with_the_flip},
	        {"damage_of_another_buffer_damages_everything",
	         damage_of_another_buffer_damages_everything},
	        {"damage_at_the_ends_of_int32_is_clamped", damage_at_the_ends_of_int32_is_clamped},
	        {"transform_that_is_none_fails", transform_that_is_none_fails},
	        {"old_surfaces_are_left_alone", old_surfaces_are_left_alone},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc == 2 && !strcmp(argv[1], cases[i].name))
			return cases[i].run() ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
