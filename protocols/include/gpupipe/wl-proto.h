/*
 * Wayland protocol tables and the message codec.
 *
 * The tables are generated at build time (protocols/gen-wl-tables.py) from
 * the XML files that the wayland and wayland-protocols packages install, so
 * forwarding is driven by the protocols themselves; hand-written code only
 * hooks the messages that carry fds or buffers or need policy.
 *
 * The codec reads and writes one message in Wayland wire format. In "link"
 * form an fd argument is a u32 fd handle in place (see wire.h); in "socket"
 * form it takes no bytes and the fd travels beside the message.
 */
#ifndef GPUPIPE_WL_PROTO_H
#define GPUPIPE_WL_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum wire_arg_type {
	WIRE_ARG_INT = 'i',
	WIRE_ARG_UINT = 'u',
	WIRE_ARG_FIXED = 'f',
	WIRE_ARG_STRING = 's',
	WIRE_ARG_OBJECT = 'o',
	WIRE_ARG_NEW_ID = 'n',
	WIRE_ARG_ARRAY = 'a',
	WIRE_ARG_FD = 'h',
};

struct wire_interface;

struct wire_arg_desc {
	char type;     /* enum wire_arg_type */
	bool nullable; /* object/string may be 0/NULL */
	/* For object and new_id: the interface, or NULL where the protocol
	 * leaves it open (wl_registry.bind's new_id travels as string
	 * interface name, u32 version, u32 id: three wire words). */
	const struct wire_interface *interface;
};

struct wire_message_desc {
	const char *name;
	uint32_t since;  /* first interface version that has this message */
	bool destructor; /* type="destructor" in the XML */
	uint8_t n_args;
	uint8_t n_fds; /* how many args are fds */
	const struct wire_arg_desc *args;
};

struct wire_interface {
	const char *name;
	uint16_t index;   /* in wire_interfaces[] (WIRE_IFACE_INDEX_<NAME>) */
	uint32_t version; /* the version in the XML we were built with */
	uint16_t n_requests;
	uint16_t n_events;
	const struct wire_message_desc *requests;
	const struct wire_message_desc *events;
};

/* Every interface of every XML the build read, sorted by name. */
extern const struct wire_interface *const wire_interfaces[];
extern const size_t wire_interface_count;

const struct wire_interface *wire_interface_find(const char *name);

/* The generated table also exports one `wire_iface_<name>` per interface
 * (e.g. wire_iface_wl_surface) for hooks to compare against. */
#include "wl-proto-tables.h"

/* Wayland wire limits we enforce (libwayland's own are the same order). */
#define WIRE_WL_MAX_ARGS 20
#define WIRE_WL_MAX_MESSAGE 4096 /* bytes, header included */
#define WIRE_WL_HEADER 8

/* The id ranges Wayland gives each side. */
#define WIRE_WL_SERVER_ID_START 0xff000000u

union wire_arg {
	int32_t i;
	uint32_t u;    /* uint, fixed (raw), object id, new_id, fd handle */
	const char *s; /* NUL-terminated inside the message, or NULL */
	struct {
		const void *data;
		uint32_t size;
	} a;
	int fd; /* socket form, filled in by the caller from the fd queue */
};

/* A decoded message. Strings and arrays point into the buffer it was
 * decoded from, which must outlive it. */
struct wire_msg {
	uint32_t object;
	uint16_t opcode;
	uint16_t size; /* bytes on the wire, header included */
	const struct wire_message_desc *desc;
	/* wl_registry.bind's untyped new_id: the interface name and version
	 * given by the sender (args hold the id). */
	const char *bind_interface;
	uint32_t bind_version;
	union wire_arg args[WIRE_WL_MAX_ARGS];
};

enum wire_form {
	WIRE_FORM_SOCKET, /* fds beside the message */
	WIRE_FORM_LINK,   /* fds as u32 handles in place */
};

/* Reads the header of the message at buf: object id, opcode and size.
 * Returns false if len < 8 or the size field is < 8, not a multiple of 4,
 * or > WIRE_WL_MAX_MESSAGE; *err says which. Does not need len >= size:
 * the caller checks that the whole message is there. */
bool wire_msg_peek(const uint8_t *buf, size_t len, uint32_t *object, uint16_t *opcode,
                   uint16_t *size, const char **err);

/* Decodes the message at buf (exactly `size` bytes per its header) against
 * desc. Checks every argument fits, strings are NUL-terminated inside their
 * declared length, non-nullable strings/objects are present, and that no
 * bytes are left over. On failure returns false and sets *err to a static
 * description. Does not look objects up: that is the caller's table. */
bool wire_msg_decode(const uint8_t *buf, uint16_t size, const struct wire_message_desc *desc,
                     enum wire_form form, struct wire_msg *msg, const char **err);

/* Encodes msg (object, opcode, desc, args) into out. Returns the number of
 * bytes written, or 0 if it does not fit in cap or in a Wayland message. */
size_t wire_msg_encode(const struct wire_msg *msg, enum wire_form form, uint8_t *out, size_t cap);

#endif
