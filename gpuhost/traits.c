#include <stddef.h>

#include "policy.h"

#define TRAITS(name) [WIRE_IFACE_INDEX_##name]

/* The globals an app may see are exactly those marked advertised: everything
 * else the compositor offers stays invisible to it. The message hooks
 * (policy.c) may look these up; nothing here calls a message hook. */
static const struct gh_traits traits[WIRE_INTERFACE_COUNT] = {
        TRAITS(WL_COMPOSITOR) = {.advertised = GH_ADVERTISED},
        TRAITS(WL_SURFACE) = {.destroy = gh_buffer_transform_surface_destroy},
        TRAITS(WL_SUBCOMPOSITOR) = {.advertised = GH_ADVERTISED},
        TRAITS(WL_SHM) = {.advertised = GH_ADVERTISED},
        TRAITS(WL_SHM_POOL) = {.destroy = gh_shm_object_destroy},
        /* shm buffers hold their pool's region; GL frame buffers are the
         * executor's. */
        TRAITS(WL_BUFFER) = {.destroy = gh_shm_object_destroy},
        TRAITS(WL_SEAT) = {.advertised = GH_ADVERTISED},
        TRAITS(WL_OUTPUT) = {.advertised = GH_ADVERTISED},
        TRAITS(XDG_WM_BASE) = {.advertised = GH_ADVERTISED},
        TRAITS(ZXDG_DECORATION_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        TRAITS(WP_VIEWPORTER) = {.advertised = GH_ADVERTISED},
        TRAITS(WP_PRESENTATION) = {.advertised = GH_ADVERTISED},
        TRAITS(ZXDG_OUTPUT_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        TRAITS(ZWP_RELATIVE_POINTER_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        TRAITS(ZWP_POINTER_CONSTRAINTS_V1) = {.advertised = GH_ADVERTISED},
        /* Always there, since apps such as foot refuse to start without
         * it, but inert without --allow-clipboard (clipboard.c). */
        TRAITS(WL_DATA_DEVICE_MANAGER) = {.advertised = GH_ADVERTISED},
        TRAITS(ZWP_PRIMARY_SELECTION_DEVICE_MANAGER_V1) = {.advertised =
                                                                   GH_ADVERTISED_WITH_CLIPBOARD},
        TRAITS(GPUPIPE_MEMORY_V1) = {.destroy = gh_gpupipe_memory_destroy},
};

const struct gh_traits *gh_traits(const struct wire_interface *iface)
{
	return &traits[iface->index];
}

void gh_object_destroy(struct wire_object *obj)
{
	const struct gh_traits *t = gh_traits(obj->interface);
	if (t->destroy)
		t->destroy(obj);
	obj->data = NULL;
}
