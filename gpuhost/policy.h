/*
 * What gpupipe-host does with each interface besides checking and relaying
 * its messages, as waypipe and wlroots keep a table of handlers per
 * interface. Two tables, one above the other, so that no hook calls back
 * into the table that calls it:
 *
 * - traits.c: whether the app sees the interface's global, and what its
 *   objects hold (freed through gh_object_destroy). Its hooks free and call
 *   no message hook.
 * - policy.c: the hooks on its requests and events. They may use the traits
 *   (the registry asks which globals are advertised; wl_display's delete_id
 *   frees an object).
 *
 * The dispatchers (requests.c, events.c) look an interface up once per
 * message (an index, WIRE_IFACE_INDEX_<NAME>) and know no interface by name.
 * The hooks live with the concept they implement (shm.c, clipboard.c,
 * gpupipe.c, registry.c, label.c, keymap.c, buffer-transform.c, wl-display.c) and are declared
 * here, by file, so that the tables are the one place that wires them up.
 */
#ifndef GH_POLICY_H
#define GH_POLICY_H

#include <stdbool.h>

#include <gpupipe/wl-objects.h>

struct gh_session;

/* What a request or event hook decided. */
enum gh_verdict {
	GH_RELAY, /* relay the message as it is now (the hook may have rewritten it) */
	GH_DONE,  /* the hook sent the message itself, or dropped it */
	GH_FAIL,  /* the link ended; the hook said why */
};

/* One message a hook looks at. */
struct gh_message {
	struct wire_object *obj;     /* the object it is for (request) or from (event) */
	struct wire_msg *msg;        /* decoded; new ids already in the object map */
	struct wire_object *created; /* the object it created, or NULL */
};

/* Whether the app sees the interface's global (registry.c reads it). */
enum gh_advertised {
	GH_NOT_ADVERTISED = 0,        /* the default */
	GH_ADVERTISED,                /* at min(ours, the compositor's) version */
	GH_ADVERTISED_WITH_CLIPBOARD, /* with --allow-clipboard only */
};

struct gh_traits {
	enum gh_advertised advertised;
	/* Frees what the object holds (wire_object.data). */
	void (*destroy)(struct wire_object *obj);
};

/* The interface's traits; every field zero for the ones with none (traits.c). */
const struct gh_traits *gh_traits(const struct wire_interface *iface);

/* Frees per-object hook state through the object's traits. */
void gh_object_destroy(struct wire_object *obj);

struct gh_policy {
	/* Before a request touches the object map: false ends the link
	 * (the hook said why). m->created is NULL. */
	bool (*check_request)(struct gh_session *s, struct gh_message *m);
	/* A request with fds is refused unless this says the link takes
	 * them; the request hook then passes them on itself. */
	bool (*takes_fds)(const struct gh_session *s, const struct wire_msg *msg);
	enum gh_verdict (*request)(struct gh_session *s, struct gh_message *m);
	/* Events from the compositor for the app (for the host's own objects
	 * behind gpupipe ids: only looked at, never relayed). */
	enum gh_verdict (*event)(struct gh_session *s, struct gh_message *m);
};

/* The interface's message hooks; every field zero for the ones with none (policy.c). */
const struct gh_policy *gh_policy(const struct wire_interface *iface);

/* ---- the hooks, by the file that implements them ---- */

/* registry.c */
bool gh_registry_check_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_registry_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_registry_event(struct gh_session *s, struct gh_message *m);

/* shm.c */
bool gh_shm_takes_fds(const struct gh_session *s, const struct wire_msg *msg);
enum gh_verdict gh_shm_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_shm_pool_request(struct gh_session *s, struct gh_message *m);
void gh_shm_object_destroy(struct wire_object *obj);

/* gpupipe.c */
enum gh_verdict gh_gpupipe_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_gpupipe_memory_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_gpupipe_buffer_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_gpupipe_params_event(struct gh_session *s, struct gh_message *m);
void gh_gpupipe_memory_destroy(struct wire_object *obj);

/* clipboard.c */
enum gh_verdict gh_clipboard_device_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_clipboard_device_event(struct gh_session *s, struct gh_message *m);
bool gh_clipboard_data_offer_takes_fds(const struct gh_session *s, const struct wire_msg *msg);
enum gh_verdict gh_clipboard_data_offer_request(struct gh_session *s, struct gh_message *m);
bool gh_clipboard_primary_offer_takes_fds(const struct gh_session *s, const struct wire_msg *msg);
enum gh_verdict gh_clipboard_primary_offer_request(struct gh_session *s, struct gh_message *m);

/* label.c */
enum gh_verdict gh_label_toplevel_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_label_xdg_surface_request(struct gh_session *s, struct gh_message *m);

/* buffer-transform.c */
enum gh_verdict gh_buffer_transform_surface_request(struct gh_session *s, struct gh_message *m);
void gh_buffer_transform_surface_destroy(struct wire_object *obj);

/* keymap.c */
enum gh_verdict gh_keymap_event(struct gh_session *s, struct gh_message *m);

/* wl-display.c: the object map's own bookkeeping */
enum gh_verdict gh_display_request(struct gh_session *s, struct gh_message *m);
enum gh_verdict gh_display_event(struct gh_session *s, struct gh_message *m);

#endif
