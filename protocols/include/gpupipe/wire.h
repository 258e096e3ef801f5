/*
 * The gpupipe link protocol, version 1: the frames that travel between
 * gpupipe-proxy (app side, untrusted) and gpupipe-host (GPU domain, trusted)
 * over one byte stream per app client.
 *
 * This header is the specification; protocols/README.md gives the prose.
 *
 * Rules for every frame:
 * - All fields are fixed-width and little-endian. gpupipe builds only on
 *   little-endian hosts (meson.build refuses others), so the structs below
 *   are read and written in place, after the frame was copied out of the
 *   stream and its size checked.
 * - No pointers, no `int`, no compiler padding: every struct has a
 *   static_assert on its size.
 * - A frame is a wire_header followed by exactly `size` payload bytes.
 *   Payloads start with the fixed struct of their type (if any) and continue
 *   with variable data whose length follows from `size`.
 * - The receiver checks every length, count, offset and handle against the
 *   frame and its own tables before use. gpupipe-host treats any violation as
 *   fatal for that link: it sends WIRE_CLOSE with the reason, logs it, and
 *   closes. Nothing else is affected.
 */
#ifndef GPUPIPE_WIRE_H
#define GPUPIPE_WIRE_H

#include <assert.h>
#include <stdint.h>

#define WIRE_MAGIC 0x50475047u /* "GPGP" read as little-endian u32 */
#define WIRE_VERSION 1u

/* Largest payload of one frame. Bulk data (shm copies) is split by the
 * sender so that no frame exceeds it; the receiver rejects larger ones
 * before reading the payload. */
#define WIRE_MAX_PAYLOAD (4u << 20)

/* Longest reason text in WIRE_CLOSE. */
#define WIRE_MAX_REASON 1024u

struct wire_header {
	uint32_t size;    /* payload bytes after this header, <= WIRE_MAX_PAYLOAD */
	uint16_t type;    /* enum wire_type */
	uint16_t channel; /* 0: link and Wayland traffic; GL streams use 1..65535 */
};
static_assert(sizeof(struct wire_header) == 8, "wire_header is 8 bytes");

enum wire_type {
	/* Both directions, first frame on the link. Payload: wire_hello.
	 * The proxy sends first; the host answers with the features it
	 * accepts: a subset of what was asked and of what it enabled. */
	WIRE_HELLO = 1,

	/* Both directions, last frame. Payload: UTF-8 reason text, not
	 * NUL-terminated, at most WIRE_MAX_REASON bytes. */
	WIRE_CLOSE = 2,

	/* Wayland messages: requests from proxy to host, events from host to
	 * proxy. Payload: one or more whole messages in Wayland wire format
	 * (u32 object id, u32 size<<16|opcode, arguments), except that every
	 * fd argument is carried in place as a u32 fd handle (see below) and
	 * counted in the message size. A message never straddles frames. */
	WIRE_WAYLAND = 3,

	/* A shared-memory region the sender replicates (a wl_shm pool).
	 * Payload: wire_shm_create. Announces fd handle `handle` of kind shm. */
	WIRE_SHM_CREATE = 4,

	/* Bytes for a replicated region, a 2D copy. Payload: wire_shm_copy
	 * followed by rows * row_bytes bytes, row after row. Sent before the
	 * Wayland message that makes the compositor read them (a commit). */
	WIRE_SHM_COPY = 5,

	/* A read-only file passed by value (a keymap). Payload: wire_blob
	 * followed by its bytes (the whole file). Announces fd handle
	 * `handle` of kind blob; the receiver makes a sealed memfd of it. */
	WIRE_BLOB = 6,

	/* A write end of a pipe (wl_data_offer.receive, wl_data_source.send).
	 * Payload: wire_pipe. Announces fd handle `handle` of kind pipe: the
	 * sender keeps the fd it was given (the destination). The receiver
	 * makes a pipe, hands its write end to its own peer in place of the
	 * handle, and relays what it reads from the read end as
	 * WIRE_PIPE_DATA, then WIRE_PIPE_CLOSE at end of file. */
	WIRE_PIPE = 7,

	/* Payload: wire_pipe followed by data for the destination fd. */
	WIRE_PIPE_DATA = 8,

	/* Payload: wire_pipe. The relayed pipe reached end of file (or
	 * failed): the destination fd is closed and the handle freed. */
	WIRE_PIPE_CLOSE = 9,

	/* GL streams (see gl-stream.h for what they carry). A stream is one
	 * channel, 1..WIRE_MAX_GL_CHANNEL, chosen by the proxy; the frame's
	 * header.channel names it. */

	/* Proxy to host, empty payload: the app opened a stream
	 * (gpupipe_v1.open_stream) on header.channel, which must not be open. */
	WIRE_GL_OPEN = 10,

	/* Both directions: the next bytes of the stream on header.channel,
	 * which must be open. Commands (proxy to host) and replies (host to
	 * proxy) may be split across frames at any byte: the receiver
	 * reassembles them. */
	WIRE_GL = 11,

	/* Proxy to host, empty payload: the app closed the stream. The host
	 * forgets the channel; its contexts and surfaces live on (they belong
	 * to the app's link, not to one stream). */
	WIRE_GL_CLOSE = 12,

	/* Proxy to host, empty payload, only with WIRE_FEATURE_FD_PASSING: the
	 * shared memory of the stream on header.channel (gl-stream.h, "Shared
	 * memory"), the one fd that travels with it. At most one per stream. */
	WIRE_GL_SHARED = 13,

	/* Proxy to host, empty payload, only with WIRE_FEATURE_FD_PASSING, once,
	 * first thing after the host's hello: with one fd (any; the proxy sends
	 * an empty memfd). The host offers GL streams shared memory only once
	 * a probe's fd arrived: a relay between the two that carries bytes but
	 * not fds (socat, ssh forwarding a unix socket) costs shared memory, not
	 * the link. */
	WIRE_FD_PROBE = 14,

	WIRE_TYPE_COUNT,
};

/* Feature flags in wire_hello.features. The host refuses (masks out) every
 * feature it did not enable; a sender never uses a feature that was not in
 * the host's answer. */
enum wire_feature {
	/* The link is a unix socket (the proxy's `unix:` address), and each
	 * WIRE_FD_PROBE and WIRE_GL_SHARED frame comes with one fd by
	 * SCM_RIGHTS, sent with the link's bytes up to and including that
	 * frame. No other frame has one: wl_shm pools are still copied
	 * (shm-bridge). Granted unless gpupipe-host runs with
	 * --no-shared-memory; without it, a host receiving an fd on the link
	 * closes the link. */
	WIRE_FEATURE_FD_PASSING = 1u << 0,
	/* Clipboard and primary selection globals may be advertised and
	 * WIRE_PIPE is accepted. Enabled on the host by --allow-clipboard. */
	WIRE_FEATURE_CLIPBOARD = 1u << 1,
};
#define WIRE_FEATURES_KNOWN (WIRE_FEATURE_FD_PASSING | WIRE_FEATURE_CLIPBOARD)

struct wire_hello {
	uint32_t magic;    /* WIRE_MAGIC */
	uint32_t version;  /* WIRE_VERSION; a host refuses any other */
	uint64_t features; /* enum wire_feature bits */
};
static_assert(sizeof(struct wire_hello) == 16, "wire_hello is 16 bytes");

/*
 * fd handles.
 *
 * Wayland passes file descriptors beside messages; the link carries none.
 * Each fd argument becomes a u32 handle in the message. A handle names a
 * resource that the same sender announced earlier on the link (WIRE_SHM_CREATE,
 * WIRE_BLOB, WIRE_PIPE). Each direction has its own handle space, allocated
 * by that direction's sender: requests use handles the proxy announced,
 * events use handles the host announced. 0 is never a valid handle.
 *
 * A handle is consumed by the one message that references it: the receiver
 * gives the resulting fd to its peer and forgets the handle, except that shm
 * regions stay live for WIRE_SHM_COPY until the wl_shm_pool that took them is
 * destroyed.
 */

/* Largest shm size one link may replicate, in bytes, summed over its
 * regions. The host refuses more (a hostile size is a closed link, not an
 * exhausted host). This bounds address space: replicas are sparse memfds,
 * so memory is used only where copies landed. Apps reserve big pools and
 * use little of them (foot maps 512 MiB pools to scroll by offset). */
#define WIRE_MAX_SHM_TOTAL (4096ull << 20)

struct wire_shm_create {
	uint32_t handle; /* fd handle, new in the sender's space */
	uint32_t size;   /* initial size in bytes, > 0; grows with
	                    wl_shm_pool.resize, never shrinks */
};
static_assert(sizeof(struct wire_shm_create) == 8, "wire_shm_create is 8 bytes");

/* Copies rows * row_bytes bytes into the region: row r goes to
 * offset + r * stride. The receiver checks, without overflow, that
 * row_bytes <= stride (when rows > 1), that the last row ends inside the
 * region, and that the payload holds exactly rows * row_bytes bytes. */
struct wire_shm_copy {
	uint32_t handle;    /* an shm fd handle from WIRE_SHM_CREATE */
	uint32_t offset;    /* byte offset of the first row in the region */
	uint32_t stride;    /* bytes between row starts */
	uint32_t row_bytes; /* bytes copied per row, > 0 */
	uint32_t rows;      /* number of rows, > 0 */
};
static_assert(sizeof(struct wire_shm_copy) == 20, "wire_shm_copy is 20 bytes");

/* Largest blob (keymap) accepted. */
#define WIRE_MAX_BLOB (1u << 20)

struct wire_blob {
	uint32_t handle; /* fd handle, new in the sender's space */
	uint32_t size;   /* bytes following; equals payload size - 8 */
};
static_assert(sizeof(struct wire_blob) == 8, "wire_blob is 8 bytes");

struct wire_pipe {
	uint32_t handle; /* WIRE_PIPE: new in the sender's space;
	                    WIRE_PIPE_DATA/CLOSE: a pipe handle the receiver of
	                    this frame announced */
};
static_assert(sizeof(struct wire_pipe) == 4, "wire_pipe is 4 bytes");

/* GL channels per link: 1..WIRE_MAX_GL_CHANNEL (one per EGL display and
 * one per EGL context the app creates, so a few in practice). */
#define WIRE_MAX_GL_CHANNEL 256u

const char *wire_type_name(uint32_t type);

#endif
