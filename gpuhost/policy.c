#include <stddef.h>

#include "policy.h"

#define POLICY(name) [WIRE_IFACE_INDEX_##name]

/* Every interface whose messages gpupipe-host does something with beyond
 * relaying them. What its objects hold, and whether the app sees its global,
 * is traits.c's table, below these hooks. */
static const struct gh_policy policies[WIRE_INTERFACE_COUNT] = {
        POLICY(WL_DISPLAY) = {.request = gh_display_request, .event = gh_display_event},
        POLICY(WL_REGISTRY) =
                {
                        .check_request = gh_registry_check_request,
                        .request = gh_registry_request,
                        .event = gh_registry_event,
                },
        /* GL frames left bottom to top are shown flipped. */
        POLICY(WL_SURFACE) = {.request = gh_buffer_transform_surface_request},
        POLICY(WL_SHM) = {.takes_fds = gh_shm_takes_fds, .request = gh_shm_request},
        POLICY(WL_SHM_POOL) = {.request = gh_shm_pool_request},
        POLICY(WL_BUFFER) = {.request = gh_gpupipe_buffer_request},
        POLICY(WL_KEYBOARD) = {.event = gh_keymap_event},
        POLICY(XDG_SURFACE) = {.request = gh_label_xdg_surface_request},
        POLICY(XDG_TOPLEVEL) = {.request = gh_label_toplevel_request},
        /* Inert without --allow-clipboard (clipboard.c). */
        POLICY(WL_DATA_DEVICE) = {.request = gh_clipboard_device_request,
                                  .event = gh_clipboard_device_event},
        POLICY(WL_DATA_OFFER) = {.takes_fds = gh_clipboard_data_offer_takes_fds,
                                 .request = gh_clipboard_data_offer_request},
        POLICY(ZWP_PRIMARY_SELECTION_OFFER_V1) =
                {
                        .takes_fds = gh_clipboard_primary_offer_takes_fds,
                        .request = gh_clipboard_primary_offer_request,
                },
        /* Ours (gpupipe.c): advertised by gpupipe-host itself, after wl_shm. */
        POLICY(GPUPIPE_V1) = {.request = gh_gpupipe_request},
        POLICY(GPUPIPE_MEMORY_V1) = {.request = gh_gpupipe_memory_request},
        /* The host's own object behind a gpupipe_memory_v1 id. */
        POLICY(ZWP_LINUX_BUFFER_PARAMS_V1) = {.event = gh_gpupipe_params_event},
};

const struct gh_policy *gh_policy(const struct wire_interface *iface)
{
	return &policies[iface->index];
}
