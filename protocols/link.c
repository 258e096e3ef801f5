#include <assert.h>
#include <string.h>
#include <sys/uio.h>

#include <gpupipe/link.h>

enum wire_frame_status wire_frame_next(struct wire_conn *conn, struct wire_header *hdr,
                                       const uint8_t **payload, const char **err)
{
	size_t len;
	const uint8_t *data = wire_conn_in_data(conn, &len);
	if (len < sizeof(*hdr))
		return WIRE_FRAME_PARTIAL;
	memcpy(hdr, data, sizeof(*hdr));
	if (hdr->size > WIRE_MAX_PAYLOAD) {
		*err = "frame payload larger than the protocol maximum";
		return WIRE_FRAME_INVALID;
	}
	if (len - sizeof(*hdr) < hdr->size)
		return WIRE_FRAME_PARTIAL;
	*payload = data + sizeof(*hdr);
	return WIRE_FRAME_READY;
}

void wire_frame_counts_since(struct wire_frame_counts *out, const struct wire_frame_counts *from,
                             const struct wire_frame_counts *to)
{
	for (int t = 0; t < WIRE_TYPE_COUNT; t++) {
		out->frames_in[t] = to->frames_in[t] - from->frames_in[t];
		out->bytes_in[t] = to->bytes_in[t] - from->bytes_in[t];
		out->bytes_out[t] = to->bytes_out[t] - from->bytes_out[t];
	}
}

uint64_t wire_frame_bytes(const uint64_t *by_type, enum wire_type first, enum wire_type last)
{
	uint64_t n = 0;
	for (unsigned t = first; t <= last && t < WIRE_TYPE_COUNT; t++)
		n += by_type[t];
	return n;
}

void wire_frame_consume(struct wire_conn *conn, const struct wire_header *hdr)
{
	if (conn->counts && hdr->type < WIRE_TYPE_COUNT) {
		conn->counts->frames_in[hdr->type]++;
		conn->counts->bytes_in[hdr->type] += hdr->size;
	}
	wire_conn_consume(conn, sizeof(*hdr) + hdr->size);
}

void wire_frame_wayland_close(struct wire_conn *conn)
{
	conn->out_mark = SIZE_MAX;
}

uint8_t *wire_frame_begin(struct wire_conn *conn, uint16_t type, uint16_t channel, uint32_t size)
{
	if (size > WIRE_MAX_PAYLOAD)
		return NULL;
	/* Reserved first: compaction moves the mark it keeps. */
	uint8_t *frame = wire_conn_reserve(conn, sizeof(struct wire_header) + size);
	if (!frame)
		return NULL;
	conn->out_mark_before = conn->out_mark;
	wire_frame_wayland_close(conn);
	struct wire_header hdr = {.size = size, .type = type, .channel = channel};
	memcpy(frame, &hdr, sizeof(hdr));
	if (conn->counts && type < WIRE_TYPE_COUNT)
		conn->counts->bytes_out[type] += size;
	return frame + sizeof(hdr);
}

void wire_frame_shorten(struct wire_conn *conn, uint8_t *payload, uint32_t size)
{
	uint8_t *frame = payload - sizeof(struct wire_header);
	struct wire_header hdr;
	memcpy(&hdr, frame, sizeof(hdr));
	assert(size <= hdr.size &&
	       payload + hdr.size == (uint8_t *)conn->out.data + conn->out.size);
	if (conn->counts && hdr.type < WIRE_TYPE_COUNT)
		conn->counts->bytes_out[hdr.type] -= hdr.size - size;
	if (size == 0) {
		/* As if never begun: a Wayland frame open before goes on. */
		wire_conn_unreserve(conn, sizeof(hdr) + hdr.size);
		conn->out_mark = conn->out_mark_before;
		return;
	}
	wire_conn_unreserve(conn, hdr.size - size);
	hdr.size = size;
	memcpy(frame, &hdr, sizeof(hdr));
}

uint8_t *wire_frame_wayland_reserve(struct wire_conn *conn, uint32_t size)
{
	/* The open frame can grow only while its header is unsent. */
	if (conn->out_mark != SIZE_MAX && conn->out_mark >= conn->out_start) {
		struct wire_header hdr;
		memcpy(&hdr, (uint8_t *)conn->out.data + conn->out_mark, sizeof(hdr));
		if (hdr.size + size <= WIRE_MAX_PAYLOAD) {
			uint8_t *space = wire_conn_reserve(conn, size);
			if (!space)
				return NULL;
			/* reserve may have compacted and moved the mark */
			size_t mark = conn->out_mark;
			hdr.size += size;
			memcpy((uint8_t *)conn->out.data + mark, &hdr, sizeof(hdr));
			if (conn->counts)
				conn->counts->bytes_out[WIRE_WAYLAND] += size;
			return space;
		}
	}
	uint8_t *space = wire_frame_begin(conn, WIRE_WAYLAND, 0, size);
	if (space)
		conn->out_mark =
		        (size_t)(space - (uint8_t *)conn->out.data) - sizeof(struct wire_header);
	return space;
}

bool wire_send_hello(struct wire_conn *conn, uint64_t features)
{
	struct wire_hello hello = {
	        .magic = WIRE_MAGIC,
	        .version = WIRE_VERSION,
	        .features = features,
	};
	uint8_t *p = wire_frame_begin(conn, WIRE_HELLO, 0, sizeof(hello));
	if (!p)
		return false;
	memcpy(p, &hello, sizeof(hello));
	return true;
}

void wire_send_close(struct wire_conn *conn, const char *reason)
{
	size_t len = strnlen(reason, WIRE_MAX_REASON);
	uint8_t *p = wire_frame_begin(conn, WIRE_CLOSE, 0, (uint32_t)len);
	if (p)
		memcpy(p, reason, len);
}

void wire_write_close(int fd, const char *reason)
{
	size_t n = strnlen(reason, WIRE_MAX_REASON);
	struct wire_header hdr = {.size = (uint32_t)n, .type = WIRE_CLOSE};
	struct iovec iov[2] = {{&hdr, sizeof(hdr)}, {(void *)reason, n}};
	(void)!writev(fd, iov, 2);
}
