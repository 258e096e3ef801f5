/*
 * One GL stream (struct gl_enc of gpupipe/gl-codec.h): a unix socket to
 * gpupipe-proxy that the proxy relays as one GL channel of the link.
 * Commands are batched in a buffer and written only at sync points (a
 * reply is needed, swap, glFlush/glFinish, buffer full, release).
 *
 * A stream is used by one thread at a time: the display stream under the
 * display lock, a context's stream by the thread it is current on (or
 * under the display lock while it is current nowhere). Other threads may
 * only ge_stream_post() to it.
 *
 * Link loss (EOF, EPIPE, ECONNRESET, a malformed reply, no reply within
 * GPUPIPE_GL_TIMEOUT_MS, default 60 s): the stream and its link (every
 * stream of the display, struct ge_link) are marked lost, every later call
 * is a no-op, nothing blocks or exits.
 */
#ifndef GE_STREAM_H
#define GE_STREAM_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <wayland-util.h>

#include <gpupipe/gl-codec.h>

#include "client-gl.h"

struct ge_gl_state;
struct ge_shared;

struct gl_enc {
	int fd;
	struct ge_link *link;
	struct ge_gl_state *gl; /* client GL state; NULL on the display stream */
	uint8_t *buf;
	uint32_t len, cap;
	uint32_t open; /* size of the command between begin and end */
	uint8_t *reply;
	uint32_t reply_cap;
	bool lost;
	struct ge_shared *shared;   /* shared.c: made at the first big upload */
	bool shared_refused;        /* it could not be made: uploads go in the stream */
	unsigned shared_in_command; /* blobs placed for the next command (GL_SHARED_MAX_BLOBS) */
	/* The open command's blob sent from the app's memory
	 * (gl_enc_write_direct): it goes after buf[0..at). */
	struct {
		const void *data; /* NULL: none */
		uint32_t n, at;
	} direct;

	/* Commands other threads queued for this stream's owner. */
	pthread_mutex_t post_lock;
	struct wl_array posted;
	bool has_posted; /* read unlocked by the owner, as a hint */
};

/* The rest of the stream's functions, which EGL does not use, beside client-gl.h's.
 * ge_stream_op_begin queues an EGL-level command's `fixed` struct and returns where the
 * `extra` bytes after it go (the caller fills them all, then calls gl_enc_end); NULL when
 * the stream is lost. */
uint8_t *ge_stream_op_begin(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size,
                            uint32_t extra);
/* Reads a reply to `op`, sent already, into *buf (grown as needed, *cap
 * its size); NULL when the link is lost. */
const uint8_t *ge_stream_read_reply(struct gl_enc *e, uint32_t op, uint8_t **buf, uint32_t *cap,
                                    uint32_t *size);

/* Little-endian payload helpers (the host is little-endian too). */
static inline uint8_t *ge_put_u32(uint8_t *p, uint32_t v)
{
	__builtin_memcpy(p, &v, 4);
	return p + 4;
}
static inline uint8_t *ge_put_u64(uint8_t *p, uint64_t v)
{
	__builtin_memcpy(p, &v, 8);
	return p + 8;
}
/* A blob: count, bytes, zero padding to 4. data NULL with n == 0 is fine. */
uint8_t *ge_put_blob(uint8_t *p, const void *data, uint32_t n);
static inline uint32_t ge_blob_size(uint32_t n)
{
	return 4 + ((n + 3u) & ~3u);
}

#endif
