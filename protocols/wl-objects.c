#include <string.h>

#include <gpupipe/wl-objects.h>

void wire_object_map_init(struct wire_object_map *map)
{
	wl_array_init(&map->client);
	wl_array_init(&map->server);
	map->count = 0;
}

static void finish_array(struct wl_array *array, void (*destroy)(struct wire_object *))
{
	struct wire_object *obj;
	/* Never wl_array_for_each on an empty array: its NULL + 0 is
	 * undefined behaviour (UBSan in tests/fuzz reports it). */
	if (array->size) {
		wl_array_for_each(obj, array)
		{
			if (obj->interface && destroy)
				destroy(obj);
		}
	}
	wl_array_release(array);
}

void wire_object_map_finish(struct wire_object_map *map, void (*destroy)(struct wire_object *))
{
	finish_array(&map->client, destroy);
	finish_array(&map->server, destroy);
}

static struct wl_array *array_for(struct wire_object_map *map, uint32_t id, uint32_t *index)
{
	if (id >= WIRE_WL_SERVER_ID_START) {
		*index = id - WIRE_WL_SERVER_ID_START;
		return &map->server;
	}
	/* Client ids start at 1; id 0 maps past the end and is never found. */
	*index = id - 1;
	return &map->client;
}

struct wire_object *wire_object_get(struct wire_object_map *map, uint32_t id)
{
	uint32_t index;
	struct wl_array *array = array_for(map, id, &index);
	if (index >= array->size / sizeof(struct wire_object))
		return NULL;
	struct wire_object *obj = (struct wire_object *)array->data + index;
	return obj->interface ? obj : NULL;
}

struct wire_object *wire_object_insert(struct wire_object_map *map, uint32_t id,
                                       const struct wire_interface *interface, uint32_t version,
                                       const char **err)
{
	uint32_t index;
	struct wl_array *array = array_for(map, id, &index);
	size_t n = array->size / sizeof(struct wire_object);
	if (id == 0) {
		*err = "object id 0";
		return NULL;
	}
	if (map->count >= WIRE_MAX_OBJECTS) {
		*err = "too many objects";
		return NULL;
	}
	/* As libwayland: an id at most one past the highest ever used (the
	 * two sides may free ids at different times, so gaps are normal). */
	if (index > n) {
		*err = "new id is past the next unused one";
		return NULL;
	}
	if (index >= WIRE_MAX_OBJECTS) {
		*err = "object id too large";
		return NULL;
	}
	if (index == n && !wl_array_add(array, sizeof(struct wire_object))) {
		*err = "out of memory";
		return NULL;
	}
	struct wire_object *obj = (struct wire_object *)array->data + index;
	if (index < n && obj->interface) {
		*err = "new id is already in use";
		return NULL;
	}
	*obj = (struct wire_object){.interface = interface, .version = version};
	map->count++;
	return obj;
}

void wire_object_remove(struct wire_object_map *map, uint32_t id)
{
	uint32_t index;
	struct wl_array *array = array_for(map, id, &index);
	size_t n = array->size / sizeof(struct wire_object);
	if (index >= n)
		return;
	struct wire_object *obj = (struct wire_object *)array->data + index;
	if (!obj->interface)
		return;
	memset(obj, 0, sizeof(*obj));
	map->count--;
}

static bool check_object_arg(struct wire_object_map *map, const struct wire_arg_desc *arg,
                             uint32_t id, bool from_client, const char **err)
{
	if (id == 0)
		return true; /* nullability was checked by the decoder */
	struct wire_object *obj = wire_object_get(map, id);
	/* Events may name objects the client destroyed while the event was
	 * in flight (wl_keyboard.leave of a gone surface): libwayland turns
	 * those into NULL, so they are not an error. */
	if (!from_client && (!obj || obj->zombie))
		return true;
	if (!obj || obj->zombie || (from_client && obj->hidden)) {
		*err = "object argument names an object that does not exist";
		return false;
	}
	if (arg->interface && obj->interface != arg->interface) {
		*err = "object argument has the wrong interface";
		return false;
	}
	return true;
}

/* Finds the single new_id argument, if any, with its interface and version. */
static int find_new_id(const struct wire_msg *msg, const struct wire_object *target,
                       const struct wire_interface **iface, uint32_t *version, const char **err)
{
	const struct wire_message_desc *desc = msg->desc;
	int found = -1;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (desc->args[i].type != WIRE_ARG_NEW_ID)
			continue;
		if (found >= 0) {
			*err = "message with two new_id arguments";
			return -2;
		}
		found = (int)i;
		*iface = desc->args[i].interface;
		*version = target->version;
		if (!*iface) {
			*iface = wire_interface_find(msg->bind_interface);
			*version = msg->bind_version;
			if (!*iface) {
				*err = "bind to an interface this build does not know";
				return -2;
			}
			if (*version == 0 || *version > (*iface)->version) {
				*err = "bind with a version this build does not know";
				return -2;
			}
		}
	}
	return found;
}

bool wire_objects_apply(struct wire_object_map *map, const struct wire_msg *msg,
                        struct wire_object **target, bool from_client, struct wire_object **created,
                        const char **err)
{
	const struct wire_message_desc *desc = msg->desc;
	*created = NULL;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (desc->args[i].type == WIRE_ARG_OBJECT &&
		    !check_object_arg(map, &desc->args[i], msg->args[i].u, from_client, err))
			return false;
	}

	const struct wire_interface *iface = NULL;
	uint32_t version = 0;
	int idx = find_new_id(msg, *target, &iface, &version, err);
	if (idx == -2)
		return false;
	if (idx >= 0) {
		uint32_t id = msg->args[idx].u;
		if (from_client != (id < WIRE_WL_SERVER_ID_START)) {
			*err = from_client ? "request creates an object in the server's id range"
			                   : "event creates an object in the client's id range";
			return false;
		}
		*created = wire_object_insert(map, id, iface, version, err);
		if (!*created)
			return false;
		/* The insert may have moved the table under *target. */
		*target = wire_object_get(map, msg->object);
	}

	/* Zombie until delete_id for client ids; the caller frees a server id
	 * at once and releases ->data. */
	if (desc->destructor)
		(*target)->zombie = true;
	return true;
}

void wire_objects_delete_id(struct wire_object_map *map, uint32_t id,
                            void (*destroy)(struct wire_object *))
{
	struct wire_object *obj = wire_object_get(map, id);
	if (!obj)
		return;
	if (destroy)
		destroy(obj);
	wire_object_remove(map, id);
}
