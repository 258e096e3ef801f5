/*
 * What gpupipe-proxy does with each interface besides checking and relaying its messages,
 * in one table (policy.c), as gpupipe-host does (gpuhost/policy.h, two tables there, one
 * under the other) and as waypipe and wlroots keep a table of handlers per interface: who takes a
 * request's fds, the hooks on its requests and events, and what its objects hold. The dispatchers
 * (requests.c, events.c) look an interface up once per message (an index, WIRE_IFACE_INDEX_<NAME>)
 * and know no interface by name.
 *
 * The hooks live with the concept they implement (surface.c: shm pools, buffers and
 * surfaces; gl-streams.c: GL streams) and are declared here, so that the table is the one
 * place that wires them up.
 */
#ifndef PX_POLICY_H
#define PX_POLICY_H

#include <stdbool.h>

#include <gpupipe/wl-objects.h>

struct px_client;

/* What an fd hook did with a request's fd. */
enum px_fd_verdict {
	PX_FD_TAKEN,    /* taken (kept or closed), the argument rewritten */
	PX_FD_CONSUMED, /* taken, and the whole request is ours: it is not relayed */
	PX_FD_NOT_MINE, /* another request of the interface: the generic way (clipboard pipes) */
	PX_FD_FAILED,   /* taken; the client was closed, saying why */
};

/* What an answer hook did with a request. */
enum px_answer {
	PX_RELAY,         /* not answered here: the request goes on to the host */
	PX_ANSWERED,      /* answered here (events sent to the app): not relayed */
	PX_ANSWER_FAILED, /* the client was closed, saying why */
};

struct px_policy {
	/* A request's fd (the hook owns it from then on). NULL: the generic way. */
	enum px_fd_verdict (*take_fd)(struct px_client *client, struct wire_msg *msg, int fd);
	/* A request the proxy may answer itself, after the object map applied it. NULL: none. */
	enum px_answer (*answer)(struct px_client *client, struct wire_object *obj,
	                         const struct wire_msg *msg, struct wire_object *created);
	/* True for a request the compositor sends no event in response to, before `request`
	 * sees it (sync.c). NULL: none is. */
	bool (*quiet)(struct px_client *client, struct wire_object *obj,
	              const struct wire_msg *msg);
	/* After the object map applied the request, before it is relayed (hooks may send shm
	 * data, which must precede it); `created` is the object it made, if any. False: the
	 * client was closed. */
	bool (*request)(struct px_client *client, struct wire_object *obj,
	                const struct wire_msg *msg, struct wire_object *created);
	/* True for an event not to relay to the app (its object's bookkeeping still
	 * follows it). NULL: every event is relayed. */
	bool (*withhold)(struct px_client *client, struct wire_object *obj,
	                 const struct wire_msg *msg);
	/* After an event was relayed to the app. */
	void (*event)(struct px_client *client, struct wire_object *obj,
	              const struct wire_msg *msg);
	/* Frees what the object holds (wire_object.data). */
	void (*destroy)(struct wire_object *obj);
};

/* The interface's policy; every field NULL for the ones with none. */
const struct px_policy *px_policy(const struct wire_interface *iface);

/* Frees per-object hook state through the object's policy. */
void px_object_destroy(struct wire_object *obj);

/* ---- the hooks, by the file that implements them ---- */

/* surface.c */
enum px_fd_verdict px_shm_take_fd(struct px_client *client, struct wire_msg *msg, int fd);
bool px_shm_request(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg,
                    struct wire_object *created);
bool px_shm_pool_request(struct px_client *client, struct wire_object *obj,
                         const struct wire_msg *msg, struct wire_object *created);
bool px_compositor_request(struct px_client *client, struct wire_object *obj,
                           const struct wire_msg *msg, struct wire_object *created);
bool px_viewporter_request(struct px_client *client, struct wire_object *obj,
                           const struct wire_msg *msg, struct wire_object *created);
bool px_surface_request(struct px_client *client, struct wire_object *obj,
                        const struct wire_msg *msg, struct wire_object *created);
void px_pool_destroy(struct wire_object *obj);
void px_buffer_destroy(struct wire_object *obj);
void px_surface_destroy(struct wire_object *obj);
bool px_surface_quiet(struct px_client *client, struct wire_object *obj,
                      const struct wire_msg *msg);

/* sync.c */
enum px_answer px_sync_answer(struct px_client *client, struct wire_object *obj,
                              const struct wire_msg *msg, struct wire_object *created);
bool px_sync_withhold(struct px_client *client, struct wire_object *obj,
                      const struct wire_msg *msg);
bool px_sync_quiet(struct px_client *client, struct wire_object *obj, const struct wire_msg *msg);
void px_sync_callback_event(struct px_client *client, struct wire_object *obj,
                            const struct wire_msg *msg);
/* Every relayed request goes by: `quiet` as its interface's quiet hook says. */
void px_sync_note(struct px_client *client, bool quiet);

/* gl-streams.c */
enum px_fd_verdict px_gpupipe_take_fd(struct px_client *client, struct wire_msg *msg, int fd);

#endif
