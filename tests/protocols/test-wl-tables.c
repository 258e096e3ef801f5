/*
 * The generated Wayland tables describe the installed protocol XML: spot
 * checks of messages whose shape the forwarding code relies on (fds, the
 * untyped new_id of wl_registry.bind, destructors), then invariants over
 * every interface (sorted for bsearch, references resolvable, counts
 * consistent with the args).
 */
#include <gpupipe/wl-proto.h>

#include <stdio.h>
#include <string.h>

#include "check.h"

/* Stops the test where carrying on would dereference NULL. */
#define REQUIRE(cond)                                                                              \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: required: %s\n", __FILE__, __LINE__, #cond);       \
			return 1;                                                                  \
		}                                                                                  \
	} while (0)

static const struct wire_message_desc *find_message(const struct wire_message_desc *msgs,
                                                    uint16_t count, const char *name)
{
	for (uint16_t i = 0; i < count; i++) {
		if (strcmp(msgs[i].name, name) == 0)
			return &msgs[i];
	}
	return NULL;
}

static const struct wire_message_desc *request(const char *iface_name, const char *name)
{
	const struct wire_interface *iface = wire_interface_find(iface_name);

	return iface ? find_message(iface->requests, iface->n_requests, name) : NULL;
}

static const struct wire_message_desc *event(const char *iface_name, const char *name)
{
	const struct wire_interface *iface = wire_interface_find(iface_name);

	return iface ? find_message(iface->events, iface->n_events, name) : NULL;
}

static int check_spot_facts(void)
{
	const struct wire_message_desc *m;

	/* The one request that hands the compositor an fd from the client. */
	m = request("wl_shm", "create_pool");
	REQUIRE(m);
	CHECK(m == &wire_iface_wl_shm.requests[WIRE_WL_SHM_REQ_CREATE_POOL]);
	CHECK(m->n_args == 3);
	CHECK(m->n_fds == 1);
	CHECK(m->args[0].type == WIRE_ARG_NEW_ID);
	CHECK(m->args[0].interface == &wire_iface_wl_shm_pool);
	CHECK(m->args[1].type == WIRE_ARG_FD);
	CHECK(m->args[2].type == WIRE_ARG_INT);

	/* bind's new_id has no interface: it travels as name, version, id. */
	m = request("wl_registry", "bind");
	REQUIRE(m && m->n_args == 2);
	CHECK(m->args[1].type == WIRE_ARG_NEW_ID);
	CHECK(m->args[1].interface == NULL);

	m = request("wl_surface", "destroy");
	REQUIRE(m);
	CHECK(m->destructor);
	CHECK(m->n_args == 0 && m->args == NULL);

	m = &wire_iface_wl_surface.requests[WIRE_WL_SURFACE_REQ_ATTACH];
	CHECK(WIRE_WL_SURFACE_REQ_ATTACH == 1);
	CHECK(strcmp(m->name, "attach") == 0);
	CHECK(!m->destructor);
	REQUIRE(m->n_args == 3);
	CHECK(m->args[0].type == WIRE_ARG_OBJECT && m->args[0].nullable);
	CHECK(m->args[0].interface == &wire_iface_wl_buffer);

	m = request("wl_surface", "damage_buffer");
	REQUIRE(m);
	CHECK(m->since == 4);

	m = event("wl_keyboard", "keymap");
	REQUIRE(m);
	CHECK(m == &wire_iface_wl_keyboard.events[WIRE_WL_KEYBOARD_EVT_KEYMAP]);
	CHECK(WIRE_WL_KEYBOARD_EVT_KEYMAP == 0);
	CHECK(m->n_fds == 1);
	REQUIRE(m->n_args == 3);
	CHECK(m->args[1].type == WIRE_ARG_FD);

	m = request("xdg_toplevel", "set_title");
	REQUIRE(m);
	CHECK(m->n_args == 1);
	CHECK(m->args[0].type == WIRE_ARG_STRING && !m->args[0].nullable);

	CHECK(wire_interface_find("wl_compositor") == &wire_iface_wl_compositor);
	CHECK(strcmp(wire_iface_wl_compositor.name, "wl_compositor") == 0);
	CHECK(wire_interface_find("nope") == NULL);
	CHECK(wire_interface_find("") == NULL);
	CHECK(wire_interface_find(NULL) == NULL);
	return 0;
}

static bool known_type(char type)
{
	return strchr("iufsonah", type) != NULL && type != '\0';
}

static void check_message(const struct wire_interface *iface, const struct wire_message_desc *m)
{
	uint8_t fds = 0;

	CHECK(m->name && m->name[0]);
	CHECK(m->since >= 1 && m->since <= iface->version);
	CHECK(m->n_args <= WIRE_WL_MAX_ARGS);
	CHECK((m->n_args == 0) == (m->args == NULL));
	for (uint8_t i = 0; i < m->n_args; i++) {
		const struct wire_arg_desc *a = &m->args[i];

		CHECK(known_type(a->type));
		if (a->type == WIRE_ARG_FD)
			fds++;
		if (a->nullable)
			CHECK(a->type == WIRE_ARG_OBJECT || a->type == WIRE_ARG_STRING);
		if (!a->interface)
			continue;
		CHECK(a->type == WIRE_ARG_OBJECT || a->type == WIRE_ARG_NEW_ID);
		/* Every referenced interface is one of the table's own. */
		CHECK(wire_interface_find(a->interface->name) == a->interface);
	}
	CHECK(m->n_fds == fds);
}

static void check_every_interface(void)
{
	CHECK(wire_interface_count > 0);
	CHECK(wire_interface_count == WIRE_INTERFACE_COUNT);
	/* Tables of per-interface hooks index by it (gpuhost/policy.c). */
	CHECK(wire_iface_wl_shm.index == WIRE_IFACE_INDEX_WL_SHM);
	for (size_t i = 0; i < wire_interface_count; i++) {
		const struct wire_interface *iface = wire_interfaces[i];

		CHECK(iface->index == i);

		if (i > 0)
			CHECK(strcmp(wire_interfaces[i - 1]->name, iface->name) < 0);
		CHECK(wire_interface_find(iface->name) == iface);
		CHECK(iface->version >= 1);
		CHECK((iface->n_requests == 0) == (iface->requests == NULL));
		CHECK((iface->n_events == 0) == (iface->events == NULL));
		for (uint16_t r = 0; r < iface->n_requests; r++)
			check_message(iface, &iface->requests[r]);
		for (uint16_t e = 0; e < iface->n_events; e++)
			check_message(iface, &iface->events[e]);
	}
}

int main(void)
{
	if (check_spot_facts() != 0)
		return 1;
	check_every_interface();
	if (failures) {
		fprintf(stderr, "%d check(s) failed\n", failures);
		return 1;
	}
	printf("ok: %zu interfaces\n", wire_interface_count);
	return 0;
}
