/*
 * The Wayland codec refuses malformed messages with a reason and round-trips
 * well-formed ones, in both socket and link form.
 */
#include <stdio.h>
#include <string.h>

#include <gpupipe/wl-objects.h>
#include <gpupipe/wl-proto.h>

#include "check.h"

static size_t put(uint8_t *buf, size_t pos, uint32_t v)
{
	memcpy(buf + pos, &v, 4);
	return pos + 4;
}

static void header(uint8_t *buf, uint32_t object, uint16_t opcode, uint16_t size)
{
	put(buf, 0, object);
	put(buf, 4, (uint32_t)size << 16 | opcode);
}

static const struct wire_message_desc *set_title(void)
{
	return &wire_iface_xdg_toplevel.requests[WIRE_XDG_TOPLEVEL_REQ_SET_TITLE];
}

static void test_peek_rejects_bad_sizes(void)
{
	uint8_t buf[16] = {0};
	uint32_t id;
	uint16_t op, size;
	const char *err = NULL;
	header(buf, 1, 0, 6);
	CHECK(!wire_msg_peek(buf, sizeof(buf), &id, &op, &size, &err) && err);
	header(buf, 1, 0, 10);
	CHECK(!wire_msg_peek(buf, sizeof(buf), &id, &op, &size, &err));
	header(buf, 1, 0, 8192);
	CHECK(!wire_msg_peek(buf, sizeof(buf), &id, &op, &size, &err));
	CHECK(!wire_msg_peek(buf, 4, &id, &op, &size, &err));
	header(buf, 7, 3, 12);
	CHECK(wire_msg_peek(buf, sizeof(buf), &id, &op, &size, &err) && id == 7 && op == 3 &&
	      size == 12);
}

static void test_string_checks(void)
{
	uint8_t buf[32];
	struct wire_msg msg;
	const char *err;
	/* "hi\0" declared as 3 bytes: valid */
	size_t pos = put(buf, 8, 3);
	memcpy(buf + pos, "hi\0\0", 4);
	header(buf, 5, WIRE_XDG_TOPLEVEL_REQ_SET_TITLE, 16);
	CHECK(wire_msg_decode(buf, 16, set_title(), WIRE_FORM_LINK, &msg, &err));
	CHECK(msg.args[0].s && strcmp(msg.args[0].s, "hi") == 0);
	/* not NUL-terminated at its length */
	memcpy(buf + pos, "hix\0", 4);
	CHECK(!wire_msg_decode(buf, 16, set_title(), WIRE_FORM_LINK, &msg, &err));
	/* NUL before the end */
	put(buf, 8, 4);
	memcpy(buf + pos, "h\0x\0", 4);
	CHECK(!wire_msg_decode(buf, 16, set_title(), WIRE_FORM_LINK, &msg, &err));
	/* length past the message */
	put(buf, 8, 100);
	CHECK(!wire_msg_decode(buf, 16, set_title(), WIRE_FORM_LINK, &msg, &err));
	/* length near UINT32_MAX must not wrap */
	put(buf, 8, 0xfffffffeu);
	CHECK(!wire_msg_decode(buf, 16, set_title(), WIRE_FORM_LINK, &msg, &err));
	/* null for a non-nullable string */
	put(buf, 8, 0);
	header(buf, 5, WIRE_XDG_TOPLEVEL_REQ_SET_TITLE, 12);
	CHECK(!wire_msg_decode(buf, 12, set_title(), WIRE_FORM_LINK, &msg, &err));
}

static void test_trailing_and_missing_bytes(void)
{
	const struct wire_message_desc *attach =
	        &wire_iface_wl_surface.requests[WIRE_WL_SURFACE_REQ_ATTACH];
	uint8_t buf[24] = {0};
	struct wire_msg msg;
	const char *err;
	header(buf, 3, WIRE_WL_SURFACE_REQ_ATTACH, 20);
	CHECK(wire_msg_decode(buf, 20, attach, WIRE_FORM_SOCKET, &msg, &err));
	header(buf, 3, WIRE_WL_SURFACE_REQ_ATTACH, 24);
	CHECK(!wire_msg_decode(buf, 24, attach, WIRE_FORM_SOCKET, &msg, &err));
	header(buf, 3, WIRE_WL_SURFACE_REQ_ATTACH, 16);
	CHECK(!wire_msg_decode(buf, 16, attach, WIRE_FORM_SOCKET, &msg, &err));
}

static void test_fd_forms_round_trip(void)
{
	const struct wire_message_desc *pool =
	        &wire_iface_wl_shm.requests[WIRE_WL_SHM_REQ_CREATE_POOL];
	uint8_t link[20], sock[16];
	struct wire_msg msg;
	const char *err;
	header(link, 4, WIRE_WL_SHM_REQ_CREATE_POOL, 20);
	put(link, 8, 9);     /* new id */
	put(link, 12, 77);   /* fd handle */
	put(link, 16, 4096); /* size */
	CHECK(wire_msg_decode(link, 20, pool, WIRE_FORM_LINK, &msg, &err));
	CHECK(msg.args[0].u == 9 && msg.args[1].u == 77 && msg.args[2].i == 4096);
	CHECK(wire_msg_encode(&msg, WIRE_FORM_SOCKET, sock, sizeof(sock)) == 16);
	CHECK(wire_msg_decode(sock, 16, pool, WIRE_FORM_SOCKET, &msg, &err));
	CHECK(msg.args[0].u == 9 && msg.args[2].i == 4096);
	uint8_t again[20];
	msg.args[1].u = 77;
	CHECK(wire_msg_encode(&msg, WIRE_FORM_LINK, again, sizeof(again)) == 20);
	CHECK(memcmp(again, link, 20) == 0);
	CHECK(wire_msg_encode(&msg, WIRE_FORM_LINK, again, 12) == 0);
}

static void test_object_map_is_dense(void)
{
	struct wire_object_map map;
	const char *err;
	wire_object_map_init(&map);
	CHECK(wire_object_insert(&map, 1, &wire_iface_wl_display, 1, &err));
	CHECK(!wire_object_insert(&map, 1, &wire_iface_wl_display, 1, &err));
	CHECK(!wire_object_insert(&map, 3, &wire_iface_wl_registry, 1, &err));
	CHECK(wire_object_insert(&map, 2, &wire_iface_wl_registry, 1, &err));
	CHECK(!wire_object_insert(&map, 0, &wire_iface_wl_registry, 1, &err));
	CHECK(!wire_object_insert(&map, 0xfe000000u, &wire_iface_wl_registry, 1, &err));
	CHECK(wire_object_insert(&map, WIRE_WL_SERVER_ID_START, &wire_iface_wl_callback, 1, &err));
	wire_object_remove(&map, 2);
	CHECK(!wire_object_get(&map, 2));
	CHECK(wire_object_insert(&map, 3, &wire_iface_wl_registry, 1, &err));
	CHECK(wire_object_get(&map, 3)->interface == &wire_iface_wl_registry);
	CHECK(map.count == 3);
	wire_object_map_finish(&map, NULL);
}

int main(void)
{
	test_peek_rejects_bad_sizes();
	test_string_checks();
	test_trailing_and_missing_bytes();
	test_fd_forms_round_trip();
	test_object_map_is_dense();
	if (failures)
		fprintf(stderr, "%d checks failed\n", failures);
	return failures ? 1 : 0;
}
