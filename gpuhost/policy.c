#include <stddef.h>

#include "policy.h"

#define POLICY(name) [WIRE_IFACE_INDEX_##name]

/* Every interface with something to do beyond relaying. The globals an
 * app may see are exactly those marked advertised: everything else the
 * compositor offers stays invisible to it. */
static const struct gh_policy policies[WIRE_INTERFACE_COUNT] = {
        POLICY(WL_DISPLAY) = {.request = gh_display_request, .event = gh_display_event},
        POLICY(WL_REGISTRY) =
                {
                        .check_request = gh_registry_check_request,
                        .request = gh_registry_request,
                        .event = gh_registry_event,
                },
        POLICY(WL_COMPOSITOR) = {.advertised = GH_ADVERTISED},
        /* GL frames left bottom to top are shown flipped. */
        POLICY(WL_SURFACE) = {.request = gh_buffer_transform_surface_request,
                              .destroy = gh_buffer_transform_surface_destroy},
        POLICY(WL_SUBCOMPOSITOR) = {.advertised = GH_ADVERTISED},
        POLICY(WL_SHM) =
                {
                        .advertised = GH_ADVERTISED,
                        .takes_fds = gh_shm_takes_fds,
                        .request = gh_shm_request,
                },
        POLICY(WL_SHM_POOL) = {.request = gh_shm_pool_request, .destroy = gh_shm_object_destroy},
        /* shm buffers hold their pool's region; GL frame buffers are the
         * executor's. */
        POLICY(WL_BUFFER) = {.request = gh_gpupipe_buffer_request,
                             .destroy = gh_shm_object_destroy},
        POLICY(WL_SEAT) = {.advertised = GH_ADVERTISED},
        POLICY(WL_KEYBOARD) = {.event = gh_keymap_event},
        POLICY(WL_OUTPUT) = {.advertised = GH_ADVERTISED},
        POLICY(XDG_WM_BASE) = {.advertised = GH_ADVERTISED},
        POLICY(XDG_SURFACE) = {.request = gh_label_xdg_surface_request},
        POLICY(XDG_TOPLEVEL) = {.request = gh_label_toplevel_request},
        POLICY(ZXDG_DECORATION_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        POLICY(WP_VIEWPORTER) = {.advertised = GH_ADVERTISED},
        POLICY(WP_PRESENTATION) = {.advertised = GH_ADVERTISED},
        POLICY(ZXDG_OUTPUT_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        POLICY(ZWP_RELATIVE_POINTER_MANAGER_V1) = {.advertised = GH_ADVERTISED},
        POLICY(ZWP_POINTER_CONSTRAINTS_V1) = {.advertised = GH_ADVERTISED},
        /* Always there, since apps such as foot refuse to start without
         * it, but inert without --allow-clipboard (clipboard.c). */
        POLICY(WL_DATA_DEVICE_MANAGER) = {.advertised = GH_ADVERTISED},
        POLICY(WL_DATA_DEVICE) = {.request = gh_clipboard_device_request,
                                  .event = gh_clipboard_device_event},
        POLICY(WL_DATA_OFFER) = {.takes_fds = gh_clipboard_data_offer_takes_fds,
                                 .request = gh_clipboard_data_offer_request},
        POLICY(ZWP_PRIMARY_SELECTION_DEVICE_MANAGER_V1) = {.advertised =
                                                                   GH_ADVERTISED_WITH_CLIPBOARD},
        POLICY(ZWP_PRIMARY_SELECTION_OFFER_V1) =
                {
                        .takes_fds = gh_clipboard_primary_offer_takes_fds,
                        .request = gh_clipboard_primary_offer_request,
                },
        /* Ours (gpupipe.c): advertised by gpupipe-host itself, after wl_shm. */
        POLICY(GPUPIPE_V1) = {.request = gh_gpupipe_request},
        POLICY(GPUPIPE_MEMORY_V1) = {.request = gh_gpupipe_memory_request,
                                     .destroy = gh_gpupipe_memory_destroy},
        /* The host's own object behind a gpupipe_memory_v1 id. */
        POLICY(ZWP_LINUX_BUFFER_PARAMS_V1) = {.event = gh_gpupipe_params_event},
};

const struct gh_policy *gh_policy(const struct wire_interface *iface)
{
	return &policies[iface->index];
}

void gh_object_destroy(struct wire_object *obj)
{
	const struct gh_policy *p = gh_policy(obj->interface);
	if (p->destroy)
		p->destroy(obj);
	obj->data = NULL;
}
