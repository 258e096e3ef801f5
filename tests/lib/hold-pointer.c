/*
 * hold-pointer: keeps one virtual pointer plugged into a wlroots compositor's seat until it
 * is killed or the compositor goes away.
 *
 * Why: headless sway has no input devices, so its seat advertises no pointer capability,
 * apps never create a wl_pointer, and `swaymsg seat seat0 cursor press ...` reaches nobody.
 * A pointer that exists for the whole test gives the seat that capability before any app
 * starts; the tests then drive the cursor with swaymsg. (A pointer created per click would
 * race: its first events arrive before the app has bound its new wl_pointer.)
 *
 * The protocol is zwlr_virtual_pointer_manager_v1 (wlr-protocols), which no Debian package
 * installs as XML, so the two interface tables it needs are written out here. Only
 * create_virtual_pointer and destroy are ever sent; the other requests are declared so
 * that the opcodes match the protocol.
 *
 * Prints "ready" on stdout once the compositor has processed the request.
 */

#include <stdio.h>
#include <string.h>
#include <wayland-client.h>

static const struct wl_interface *no_types[8];

static const struct wl_message virtual_pointer_requests[] = {
        {"motion", "uff", no_types},   {"motion_absolute", "uuuuu", no_types},
        {"button", "uuu", no_types},   {"axis", "uuf", no_types},
        {"frame", "", no_types},       {"axis_source", "u", no_types},
        {"axis_stop", "uu", no_types}, {"axis_discrete", "uufi", no_types},
        {"destroy", "", no_types},
};

static const struct wl_interface virtual_pointer_interface = {
        "zwlr_virtual_pointer_v1", 1, 9, virtual_pointer_requests, 0, NULL,
};

static const struct wl_interface *create_types[] = {
        &wl_seat_interface,
        &virtual_pointer_interface,
};

static const struct wl_message manager_requests[] = {
        {"create_virtual_pointer", "?on", create_types},
};

static const struct wl_interface manager_interface = {
        "zwlr_virtual_pointer_manager_v1", 1, 1, manager_requests, 0, NULL,
};

struct globals {
	struct wl_seat *seat;
	struct wl_proxy *manager;
};

static void global_added(void *data, struct wl_registry *registry, uint32_t name,
                         const char *interface, uint32_t version)
{
	struct globals *g = data;

	if (!g->seat && strcmp(interface, wl_seat_interface.name) == 0)
		g->seat = wl_registry_bind(registry, name, &wl_seat_interface, 1);
	else if (!g->manager && strcmp(interface, manager_interface.name) == 0)
		g->manager = wl_registry_bind(registry, name, &manager_interface, 1);
}

static void global_removed(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {
        .global = global_added,
        .global_remove = global_removed,
};

int main(void)
{
	struct globals g = {0};
	struct wl_display *display = wl_display_connect(NULL);

	if (!display) {
		fprintf(stderr, "hold-pointer: cannot connect to the Wayland display\n");
		return 1;
	}
	struct wl_registry *registry = wl_display_get_registry(display);
	wl_registry_add_listener(registry, &registry_listener, &g);
	if (wl_display_roundtrip(display) < 0 || !g.seat || !g.manager) {
		fprintf(stderr, "hold-pointer: compositor lacks wl_seat or %s\n",
		        manager_interface.name);
		return 1;
	}
	struct wl_proxy *pointer = wl_proxy_marshal_constructor(
	        g.manager, 0, &virtual_pointer_interface, g.seat, NULL);
	if (!pointer || wl_display_roundtrip(display) < 0) {
		fprintf(stderr, "hold-pointer: creating the virtual pointer failed\n");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);

	/* Nothing to do but stay connected; returns when the compositor goes away. */
	while (wl_display_dispatch(display) >= 0)
		;
	return 0;
}
