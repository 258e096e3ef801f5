/*
 * Frames on a link (see wire.h) over a wire_conn. The addresses a link
 * runs over are in addr.h.
 */
#ifndef GPUPIPE_LINK_H
#define GPUPIPE_LINK_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <gpupipe/addr.h>
#include <gpupipe/conn.h>
#include <gpupipe/wire.h>

/* What crossed a link, per frame type (enum wire_type): frames and payload
 * bytes read (counted as each frame is consumed) and payload bytes queued
 * to send. Set wire_conn.counts to have a link's frames counted. */
struct wire_frame_counts {
	uint64_t frames_in[WIRE_TYPE_COUNT];
	uint64_t bytes_in[WIRE_TYPE_COUNT];
	uint64_t bytes_out[WIRE_TYPE_COUNT];
};

/* What crossed between two moments: to - from, per type. */
void wire_frame_counts_since(struct wire_frame_counts *out, const struct wire_frame_counts *from,
                             const struct wire_frame_counts *to);
/* The bytes of the frame types first..last in one of its per-type arrays. */
uint64_t wire_frame_bytes(const uint64_t *by_type, enum wire_type first, enum wire_type last);

enum wire_frame_status {
	WIRE_FRAME_READY,   /* *hdr and *payload describe a whole frame */
	WIRE_FRAME_PARTIAL, /* wait for more input */
	WIRE_FRAME_INVALID, /* *err says why; the link must be closed */
};

/* Looks at the next frame in conn's input. Checks the size against
 * WIRE_MAX_PAYLOAD before waiting for the payload, so a hostile size never
 * makes us buffer more than one maximal frame. The payload stays valid
 * until wire_frame_consume. */
enum wire_frame_status wire_frame_next(struct wire_conn *conn, struct wire_header *hdr,
                                       const uint8_t **payload, const char **err);
void wire_frame_consume(struct wire_conn *conn, const struct wire_header *hdr);

/* Queues a frame and returns its payload for the caller to fill, or NULL
 * (allocation failure, or size over WIRE_MAX_PAYLOAD). */
uint8_t *wire_frame_begin(struct wire_conn *conn, uint16_t type, uint16_t channel, uint32_t size);
/* Shortens the frame wire_frame_begin just returned (nothing queued or
 * sent since) to its first `size` bytes; 0 takes it back whole, and a
 * WIRE_WAYLAND frame open before it is open again. */
void wire_frame_shorten(struct wire_conn *conn, uint8_t *payload, uint32_t size);

/* Room for one Wayland message of `size` bytes at the end of the link's
 * open WIRE_WAYLAND frame, opening a new frame when there is none (or the
 * last one was sent or is full). Batching consecutive messages into one
 * frame costs nothing and saves 8 bytes and a parse per message. */
uint8_t *wire_frame_wayland_reserve(struct wire_conn *conn, uint32_t size);
/* Ends the open WIRE_WAYLAND frame so the next frame of another type
 * comes after it (called by wire_frame_begin). */
void wire_frame_wayland_close(struct wire_conn *conn);

bool wire_send_hello(struct wire_conn *conn, uint64_t features);
/* Queues WIRE_CLOSE with a reason (truncated to WIRE_MAX_REASON). */
void wire_send_close(struct wire_conn *conn, const char *reason);
/* The same frame written straight to `fd` before any link exists on it
 * (a refusal): one writev of at most a few hundred bytes, which a fresh
 * socket or pipe always takes. The caller ignores SIGPIPE. */
void wire_write_close(int fd, const char *reason);

#endif
