/*
 * The Wayland objects of one client connection, as both halves of the link
 * see them: id -> interface and version, so that every message can be
 * decoded against its signature and every object argument checked.
 *
 * Like libwayland's wl_map, ids are dense: a new id must reuse a free slot
 * or be one past the highest ever used, and below WIRE_MAX_OBJECTS. A
 * hostile peer can neither pick huge ids nor grow the table past that.
 */
#ifndef GPUPIPE_WL_OBJECTS_H
#define GPUPIPE_WL_OBJECTS_H

#include <stdbool.h>
#include <stdint.h>
#include <wayland-util.h>

#include <gpupipe/wl-proto.h>

/* Highest object index (and so most objects) per side of one client; no
 * real app comes near this. */
#define WIRE_MAX_OBJECTS (1u << 18)

struct wire_object {
	const struct wire_interface *interface; /* NULL: free slot */
	uint32_t version;
	/* A destructor went by: no more requests, but events may still arrive
	 * until the server's wl_display.delete_id frees the id. */
	bool zombie;
	/* Exists on the compositor side only: the peer never learned of it
	 * (its creating event was withheld by policy), so its events are
	 * dropped and requests to it are refused. */
	bool hidden;
	/* Non-NULL: the compositor knows this id as another interface (the
	 * host's own objects behind the gpupipe_v1 ones); its events are
	 * decoded with that and never reach the peer. */
	const struct wire_interface *host_interface;
	void *data; /* owned by the side's hooks; freed in their destroy hook */
};

struct wire_object_map {
	struct wl_array client; /* struct wire_object, index = id */
	struct wl_array server; /* index = id - WIRE_WL_SERVER_ID_START */
	uint32_t count;         /* live + zombie objects */
};

void wire_object_map_init(struct wire_object_map *map);
/* Calls destroy(object) on every object still present (if set). */
void wire_object_map_finish(struct wire_object_map *map, void (*destroy)(struct wire_object *));

/* The object at id, zombie or not; NULL if the slot is free. */
struct wire_object *wire_object_get(struct wire_object_map *map, uint32_t id);

/* Adds an object at id, which must be free and dense (see above). */
struct wire_object *wire_object_insert(struct wire_object_map *map, uint32_t id,
                                       const struct wire_interface *interface, uint32_t version,
                                       const char **err);

/* Frees the slot (data must already be released by the caller). */
void wire_object_remove(struct wire_object_map *map, uint32_t id);

/*
 * Object bookkeeping for one decoded message. Checks that every object
 * argument names a live object of the declared interface, and that new ids
 * are acceptable (client range for requests, server range for events);
 * creates the new objects with the parent's version (or the bind version).
 * A destructor message turns the target into a zombie (client ids) or frees
 * it (server ids). On failure *err says why and nothing was changed.
 *
 * `from_client`: the message is a request (true) or an event (false).
 * The new object, if any, is returned in *created (no protocol we parse
 * creates two in one message).
 *
 * Inserting may move the table: *target is updated to the object's new
 * place; any other pointer into the map taken before this call is stale.
 */
bool wire_objects_apply(struct wire_object_map *map, const struct wire_msg *msg,
                        struct wire_object **target, bool from_client, struct wire_object **created,
                        const char **err);

/* wl_display.delete_id: frees a zombie (or, leniently, a live) client id. */
void wire_objects_delete_id(struct wire_object_map *map, uint32_t id,
                            void (*destroy)(struct wire_object *));

#endif
