/*
 * A fake gpupipe for libEGL_gpupipe's tests: one in-process Wayland server
 * (its own thread) that offers wl_compositor and gpupipe_v1, and answers
 * the GL streams the library opens the way gpupipe-host would (GL_OP_INIT
 * with made-up configs, strings and limits; EGL_SUCCESS for creations;
 * zeros or fixed patterns for the few GLES queries the tests use).
 *
 * Everything it receives is recorded as events the test inspects, so a
 * test checks what the library put on the wire without a real host.
 */
#ifndef EGL_FAKE_HOST_H
#define EGL_FAKE_HOST_H

#include <stdbool.h>
#include <stdint.h>

enum fh_kind {
	FH_CMD,           /* a GL stream command: stream, op, payload */
	FH_CREATE_MEMORY, /* a[0..2] = width, height, format */
	FH_CREATE_BUFFER, /* a[0] = wl_buffer id */
	FH_ATTACH,        /* a[0] = wl_buffer id (0: none), a[1..2] = dx, dy */
	FH_DAMAGE_BUFFER, /* a[0..3] */
	FH_FRAME,
	FH_COMMIT,
	FH_STREAM_OPEN, /* stream */
	FH_BIND,        /* gpupipe_v1 bound; a[0] = the client's live bindings, now 1 */
	FH_UNBIND,      /* a gpupipe_v1 binding destroyed */
};

struct fh_event {
	enum fh_kind kind;
	int stream;
	uint32_t op;
	uint32_t size; /* payload bytes */
	uint8_t *payload;
	int32_t a[4];
};

struct fh_options {
	uint32_t features; /* enum gl_host_features */
	const char *extensions;
	bool gles1;     /* also offer OpenGL ES 1.1 (with GL_OES_point_size_array) */
	uint64_t codec; /* GLES_CODEC_ID in the GL_OP_INIT reply (0: the library's) */
};

/* A second live gpupipe_v1 binding of one client is a protocol error, as
 * it ends the link with gpupipe-host. */

/* Starts the server on $XDG_RUNTIME_DIR/<socket>; exits the test on failure. */
void fh_start(const char *socket, const struct fh_options *opts);
void fh_stop(void);
/* Closes every GL stream, as a lost link would. */
void fh_close_streams(void);

/* Events so far (a snapshot; the array stays valid until fh_stop). */
int fh_events(const struct fh_event **events);
/* Index of the first event at or after `from` matching kind (and op for
 * FH_CMD when op != 0), or -1. */
int fh_find(int from, enum fh_kind kind, uint32_t op);
int fh_count(enum fh_kind kind, uint32_t op);
/* Waits until fh_count(kind, op) >= n (2 s at most); false on timeout. */
bool fh_wait_count(enum fh_kind kind, uint32_t op, int n);

#endif
