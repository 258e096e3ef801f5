#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "registry.h"
#include "session.h"

struct allowed {
	const struct wire_interface *interface;
	bool clipboard; /* only with --allow-clipboard */
};

/* Everything else the compositor offers stays invisible to the app. The
 * version cap is the one in the XML we were built with (our tables cannot
 * parse newer messages). */
static const struct allowed allow_list[] = {
        {&wire_iface_wl_compositor, false},
        {&wire_iface_wl_subcompositor, false},
        {&wire_iface_wl_shm, false},
        {&wire_iface_wl_seat, false},
        {&wire_iface_wl_output, false},
        {&wire_iface_xdg_wm_base, false},
        {&wire_iface_zxdg_decoration_manager_v1, false},
        {&wire_iface_wp_viewporter, false},
        {&wire_iface_wp_presentation, false},
        {&wire_iface_zxdg_output_manager_v1, false},
        {&wire_iface_zwp_relative_pointer_manager_v1, false},
        {&wire_iface_zwp_pointer_constraints_v1, false},
        /* Always there, since apps such as foot refuse to start without it,
         * but inert without --allow-clipboard (see clipboard.c). */
        {&wire_iface_wl_data_device_manager, false},
        {&wire_iface_zwp_primary_selection_device_manager_v1, true},
};

static const struct wire_interface *allowed(struct gh_session *s, const char *name)
{
	for (size_t i = 0; i < sizeof(allow_list) / sizeof(allow_list[0]); i++) {
		const struct allowed *a = &allow_list[i];
		if (strcmp(a->interface->name, name) == 0)
			return !a->clipboard || s->options->allow_clipboard ? a->interface : NULL;
	}
	return NULL;
}

static struct gh_global *find(struct gh_session *s, uint32_t name)
{
	struct gh_global *g;
	wl_list_for_each(g, &s->globals, link)
	{
		if (g->name == name)
			return g;
	}
	return NULL;
}

bool gh_registry_global(struct gh_session *s, uint32_t name, const char *interface,
                        uint32_t *version)
{
	/* The host binds these itself for GL frames, whatever the app sees. */
	if (interface && strcmp(interface, wire_iface_wl_shm.name) == 0)
		s->shm_name = name;
	if (interface && strcmp(interface, wire_iface_zwp_linux_dmabuf_v1.name) == 0) {
		s->dmabuf_name = name;
		s->dmabuf_version = *version;
	}
	const struct wire_interface *iface = interface ? allowed(s, interface) : NULL;
	if (!iface) {
		gp_log(DEBUG, "not advertising %s", interface ? interface : "(null)");
		return false;
	}
	if (*version > iface->version)
		*version = iface->version;
	/* Several registries see the same globals: record each name once. */
	struct gh_global *g = find(s, name);
	if (!g) {
		g = calloc(1, sizeof(*g));
		if (!g)
			return false;
		wl_list_insert(s->globals.prev, &g->link);
	}
	g->name = name;
	g->interface = iface;
	g->version = *version;
	return true;
}

bool gh_registry_global_remove(struct gh_session *s, uint32_t name)
{
	struct gh_global *g = find(s, name);
	if (!g)
		return false;
	wl_list_remove(&g->link);
	free(g);
	return true;
}

bool gh_registry_check_bind(struct gh_session *s, uint32_t name, const char *interface,
                            uint32_t version, const char **err)
{
	struct gh_global *g = find(s, name);
	if (!g) {
		*err = "bind to a global that was not advertised";
		return false;
	}
	if (!interface || strcmp(interface, g->interface->name) != 0) {
		*err = "bind with an interface that does not match the global";
		return false;
	}
	if (version == 0) {
		*err = "bind with version 0";
		return false;
	}
	if (version > g->version) {
		*err = "bind with a version above the one advertised";
		return false;
	}
	return true;
}

void gh_registry_finish(struct gh_session *s)
{
	struct gh_global *g, *tmp;
	wl_list_for_each_safe(g, tmp, &s->globals, link)
	{
		wl_list_remove(&g->link);
		free(g);
	}
}
