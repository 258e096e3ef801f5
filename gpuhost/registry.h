/*
 * The allow-list of globals an app may see, and the record of what was
 * advertised to it, so that binds can be checked.
 */
#ifndef GH_REGISTRY_H
#define GH_REGISTRY_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-util.h>

#include <gpupipe/wl-proto.h>

struct gh_session;

struct gh_global {
	struct wl_list link;
	uint32_t name;
	const struct wire_interface *interface;
	uint32_t version; /* as advertised: min(ours, the compositor's) */
};

/* A wl_registry.global from the compositor: rewrites *version to the cap
 * and returns true if the app may see it. */
bool gh_registry_global(struct gh_session *s, uint32_t name, const char *interface,
                        uint32_t *version);
/* A wl_registry.global_remove: true if it was advertised (and forgets it). */
bool gh_registry_global_remove(struct gh_session *s, uint32_t name);
/* Checks a wl_registry.bind from the app against what was advertised. */
bool gh_registry_check_bind(struct gh_session *s, uint32_t name, const char *interface,
                            uint32_t version, const char **err);
void gh_registry_finish(struct gh_session *s);

#endif
