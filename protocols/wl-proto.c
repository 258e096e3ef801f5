/*
 * Wayland wire codec: one message at a time, every length checked against
 * the message before use.
 */
#include <string.h>

#include <gpupipe/wl-proto.h>

/* wire_interface_find is generated with the tables (bsearch by name). */

static uint32_t read_u32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof(v));
	return v;
}

static void write_u32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

bool wire_msg_peek(const uint8_t *buf, size_t len, uint32_t *object, uint16_t *opcode,
                   uint16_t *size, const char **err)
{
	if (len < WIRE_WL_HEADER) {
		*err = "message shorter than its header";
		return false;
	}
	uint32_t word = read_u32(buf + 4);
	uint32_t sz = word >> 16;
	if (sz < WIRE_WL_HEADER) {
		*err = "message size smaller than its header";
		return false;
	}
	if (sz % 4) {
		*err = "message size not a multiple of 4";
		return false;
	}
	if (sz > WIRE_WL_MAX_MESSAGE) {
		*err = "message size over 4096 bytes";
		return false;
	}
	*object = read_u32(buf);
	*opcode = word & 0xffff;
	*size = (uint16_t)sz;
	return true;
}

/* Reads a string or array body: u32 length, then length bytes padded to 4. */
static bool read_blob(const uint8_t *buf, uint32_t size, uint32_t *pos, uint32_t *len,
                      const uint8_t **body, const char **err)
{
	if (size - *pos < 4) {
		*err = "argument runs past the end of the message";
		return false;
	}
	*len = read_u32(buf + *pos);
	*pos += 4;
	uint64_t padded = ((uint64_t)*len + 3) & ~(uint64_t)3;
	if (padded > size - *pos) {
		*err = "string or array length runs past the end of the message";
		return false;
	}
	*body = buf + *pos;
	*pos += (uint32_t)padded;
	return true;
}

static bool decode_string(const uint8_t *buf, uint32_t size, uint32_t *pos, bool nullable,
                          const char **out, const char **err)
{
	uint32_t len;
	const uint8_t *body;
	if (!read_blob(buf, size, pos, &len, &body, err))
		return false;
	if (len == 0) {
		if (!nullable) {
			*err = "null string for a non-nullable argument";
			return false;
		}
		*out = NULL;
		return true;
	}
	/* The length counts the terminating NUL, which must be the first. */
	if (body[len - 1] != '\0' || memchr(body, '\0', len - 1)) {
		*err = "string not NUL-terminated at its declared length";
		return false;
	}
	*out = (const char *)body;
	return true;
}

static bool decode_arg(const uint8_t *buf, uint32_t size, uint32_t *pos,
                       const struct wire_arg_desc *arg, enum wire_form form, struct wire_msg *msg,
                       union wire_arg *out, const char **err)
{
	switch (arg->type) {
	case WIRE_ARG_STRING:
		return decode_string(buf, size, pos, arg->nullable, &out->s, err);
	case WIRE_ARG_ARRAY: {
		uint32_t len;
		const uint8_t *body;
		if (!read_blob(buf, size, pos, &len, &body, err))
			return false;
		out->a.data = body;
		out->a.size = len;
		return true;
	}
	case WIRE_ARG_FD:
		if (form == WIRE_FORM_SOCKET) {
			out->fd = -1; /* the caller takes it from the fd queue */
			return true;
		}
		break;
	case WIRE_ARG_NEW_ID:
		if (!arg->interface) {
			/* Untyped new_id (wl_registry.bind): interface name,
			 * version, then the id. */
			if (!decode_string(buf, size, pos, false, &msg->bind_interface, err))
				return false;
			if (size - *pos < 8) {
				*err = "argument runs past the end of the message";
				return false;
			}
			msg->bind_version = read_u32(buf + *pos);
			*pos += 4;
		}
		break;
	default:
		break;
	}
	if (size - *pos < 4) {
		*err = "argument runs past the end of the message";
		return false;
	}
	out->u = read_u32(buf + *pos);
	*pos += 4;
	if (arg->type == WIRE_ARG_OBJECT && out->u == 0 && !arg->nullable) {
		*err = "null object for a non-nullable argument";
		return false;
	}
	if (arg->type == WIRE_ARG_NEW_ID && out->u == 0) {
		*err = "new_id is 0";
		return false;
	}
	return true;
}

bool wire_msg_decode(const uint8_t *buf, uint16_t size, const struct wire_message_desc *desc,
                     enum wire_form form, struct wire_msg *msg, const char **err)
{
	if (desc->n_args > WIRE_WL_MAX_ARGS) {
		*err = "message has too many arguments";
		return false;
	}
	msg->object = read_u32(buf);
	msg->opcode = read_u32(buf + 4) & 0xffff;
	msg->size = size;
	msg->desc = desc;
	msg->bind_interface = NULL;
	msg->bind_version = 0;

	uint32_t pos = WIRE_WL_HEADER;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (!decode_arg(buf, size, &pos, &desc->args[i], form, msg, &msg->args[i], err))
			return false;
	}
	if (pos != size) {
		*err = "message has bytes left over after its arguments";
		return false;
	}
	return true;
}

static bool put_u32(uint8_t *out, size_t cap, size_t *pos, uint32_t v)
{
	if (cap - *pos < 4)
		return false;
	write_u32(out + *pos, v);
	*pos += 4;
	return true;
}

static bool put_blob(uint8_t *out, size_t cap, size_t *pos, const void *data, uint32_t len)
{
	size_t padded = ((size_t)len + 3) & ~(size_t)3;
	if (!put_u32(out, cap, pos, len) || cap - *pos < padded)
		return false;
	if (len)
		memcpy(out + *pos, data, len);
	memset(out + *pos + len, 0, padded - len);
	*pos += padded;
	return true;
}

static bool put_string(uint8_t *out, size_t cap, size_t *pos, const char *s)
{
	if (!s)
		return put_u32(out, cap, pos, 0);
	size_t len = strlen(s) + 1;
	if (len > WIRE_WL_MAX_MESSAGE)
		return false;
	return put_blob(out, cap, pos, s, (uint32_t)len);
}

static bool encode_arg(const struct wire_msg *msg, const struct wire_arg_desc *arg,
                       const union wire_arg *val, enum wire_form form, uint8_t *out, size_t cap,
                       size_t *pos)
{
	switch (arg->type) {
	case WIRE_ARG_STRING:
		return put_string(out, cap, pos, val->s);
	case WIRE_ARG_ARRAY:
		return put_blob(out, cap, pos, val->a.data, val->a.size);
	case WIRE_ARG_FD:
		return form == WIRE_FORM_SOCKET || put_u32(out, cap, pos, val->u);
	case WIRE_ARG_NEW_ID:
		if (!arg->interface && (!put_string(out, cap, pos, msg->bind_interface) ||
		                        !put_u32(out, cap, pos, msg->bind_version)))
			return false;
		return put_u32(out, cap, pos, val->u);
	default:
		return put_u32(out, cap, pos, val->u);
	}
}

size_t wire_msg_encode(const struct wire_msg *msg, enum wire_form form, uint8_t *out, size_t cap)
{
	const struct wire_message_desc *desc = msg->desc;
	if (cap > WIRE_WL_MAX_MESSAGE)
		cap = WIRE_WL_MAX_MESSAGE;
	size_t pos = WIRE_WL_HEADER;
	if (cap < pos)
		return 0;
	for (uint32_t i = 0; i < desc->n_args; i++) {
		if (!encode_arg(msg, &desc->args[i], &msg->args[i], form, out, cap, &pos))
			return 0;
	}
	write_u32(out, msg->object);
	write_u32(out + 4, (uint32_t)pos << 16 | msg->opcode);
	return pos;
}
