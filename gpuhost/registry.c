#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "gpupipe.h"
#include "policy.h"
#include "registry.h"
#include "relay.h"
#include "session.h"

/* The interface the app may see behind a global's name, or NULL: the
 * globals traits.c's table marks advertised, the clipboard ones only with
 * --allow-clipboard. The version cap is the one in the XML we were built
 * with (our tables cannot parse newer messages). */
static const struct wire_interface *allowed(struct gh_session *s, const char *name)
{
	const struct wire_interface *iface = wire_interface_find(name);
	if (!iface)
		return NULL;
	switch (gh_traits(iface)->advertised) {
	case GH_ADVERTISED:
		return iface;
	case GH_ADVERTISED_WITH_CLIPBOARD:
		return s->options->allow_clipboard ? iface : NULL;
	default:
		return NULL;
	}
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

/* ---- wl_registry's hooks (policy.h) ---- */

static bool is_bind(const struct gh_message *m)
{
	return m->msg->opcode == WIRE_WL_REGISTRY_REQ_BIND;
}

/* A bind is checked before its object exists: against what was advertised,
 * or for our own global, against what gpupipe_v1 allows. */
bool gh_registry_check_request(struct gh_session *s, struct gh_message *m)
{
	const struct wire_msg *msg = m->msg;
	const char *err;
	if (!is_bind(m))
		return true;
	bool ok = msg->args[0].u == GH_GPUPIPE_GLOBAL_NAME
	                  ? gh_gpupipe_check_bind(s, msg, &err)
	                  : gh_registry_check_bind(s, msg->args[0].u, msg->bind_interface,
	                                           msg->bind_version, &err);
	if (!ok)
		gh_session_fail(s, "wl_registry.bind(%u, %s, %u): %s", msg->args[0].u,
		                msg->bind_interface, msg->bind_version, err);
	return ok;
}

enum gh_verdict gh_registry_request(struct gh_session *s, struct gh_message *m)
{
	if (!is_bind(m) || m->msg->args[0].u != GH_GPUPIPE_GLOBAL_NAME)
		return GH_RELAY;
	return gh_gpupipe_bind(s, m->msg, m->created) ? GH_DONE : GH_FAIL;
}

/* Globals reach the app only if allowed, at the capped version; gpupipe_v1
 * follows wl_shm, which every compositor has: an app that binds it right
 * away then finds the globals GL frames need known. */
enum gh_verdict gh_registry_event(struct gh_session *s, struct gh_message *m)
{
	struct wire_msg *msg = m->msg;
	if (msg->opcode == WIRE_WL_REGISTRY_EVT_GLOBAL_REMOVE)
		return gh_registry_global_remove(s, msg->args[0].u) ? GH_RELAY : GH_DONE;
	if (msg->opcode != WIRE_WL_REGISTRY_EVT_GLOBAL)
		return GH_RELAY;
	if (gh_registry_global(s, msg->args[0].u, msg->args[1].s, &msg->args[2].u) &&
	    !gh_to_link(s, msg))
		return GH_FAIL;
	if (msg->args[1].s && strcmp(msg->args[1].s, wire_iface_wl_shm.name) == 0 &&
	    !gh_gpupipe_advertise(s, msg->object))
		return GH_FAIL;
	return GH_DONE;
}
