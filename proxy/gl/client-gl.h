/*
 * libEGL_gpupipe's client GL side as its EGL side (proxy/egl/) sees it: the one header of
 * this folder that EGL includes, so that what EGL may do to GL state is written here and
 * nowhere else.
 *
 * EGL opens a link's GL streams and sends its own commands on them (GL_OP_INIT,
 * MAKE_CURRENT, SWAP, ...), makes a context's GL state, and knows which context is current
 * on each thread. Each GL entry point asks EGL for the current stream (gl_enc_current_op,
 * implemented by EGL), and EGL hands it through ge_gl_enter, where the GL side decides
 * whether the command runs. Everything else of the GL state (names, arrays, buffers,
 * lists, debug output) stays behind this header, in state.h, stream.h and the rest.
 */
#ifndef GE_CLIENT_GL_H
#define GE_CLIENT_GL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <gpupipe/gl-codec.h>

#include "gl-api.h"

struct ge_display; /* EGL's, passed back to image_handle */
struct ge_gl_state;
struct ge_share;

/* ---- streams (stream.c) ---- */

/* What the streams of one link share; the EGL display that owns the link holds it, and
 * opens its streams. */
struct ge_link {
	atomic_bool lost;                /* a stream saw the link end */
	const struct gl_host_info *host; /* what the host said at GL_OP_INIT (its features) */
};

/* A stream around `fd`, one end of the socket pair whose other end went to gpupipe-proxy
 * (gpupipe_v1.open_stream); takes fd. gl: the context's GL state, NULL for the display's
 * stream. NULL when out of memory (fd closed). */
struct gl_enc *ge_stream_new(struct ge_link *link, struct ge_gl_state *gl, int fd);
/* Sends what is queued, then closes. */
void ge_stream_close(struct gl_enc *e);
/* Writes everything queued; false when the link is lost. */
bool ge_stream_flush(struct gl_enc *e);
bool ge_stream_lost(struct gl_enc *e);
/* Marks the stream and its link lost (logged once per link). */
void ge_stream_lose(struct gl_enc *e, const char *why);
/* Queues a whole command (header included in `cmd`) for the owner. */
void ge_stream_post(struct gl_enc *e, const void *cmd, uint32_t size);
/* EGL-level commands (gl-stream.h): `fixed` is the op's wire struct (struct gl_op_*, its
 * size a multiple of 4), sent as it is in memory. */
bool ge_stream_op(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size);
/* The struct then one blob of n bytes. */
bool ge_stream_op_blob(struct gl_enc *e, uint32_t op, const void *fixed, uint32_t size,
                       const void *data, uint32_t n);
/* Waits for the reply to `op` and copies it into `out`, a reply struct (struct
 * gl_reply_*) of `size` bytes. False when the link is lost, or when the reply has another
 * size: then the stream is lost with `malformed` as the reason. */
bool ge_stream_reply_fixed(struct gl_enc *e, uint32_t op, void *out, uint32_t size,
                           const char *malformed);

/* ---- a context's GL state (state.c) ---- */

/* The host handle of an EGLImage of display d, 0 for none: what the GL side asks of EGL
 * for glEGLImageTargetTexture2DOES and its kin. */
typedef uint32_t (*ge_image_handle_fn)(struct ge_display *d, void *image);

/* share NULL: a new share group. api: what a context of its API gets (kept, not copied).
 * flags: the context's enum gl_context_flags. NULL when out of memory. */
struct ge_gl_state *ge_gl_state_create(struct ge_display *d, const struct ge_api *api,
                                       uint32_t flags, struct ge_share *share,
                                       ge_image_handle_fn image_handle);
/* After the host ran the context's GL_OP_DESTROY_CONTEXT: GL lets go of its program as of
 * a glUseProgram(0), and the state goes. */
void ge_gl_state_destroy(struct ge_gl_state *gl);
/* Its share group, for a context made to share with it. */
struct ge_share *ge_gl_state_share(const struct ge_gl_state *gl);
/* Whether `name` is a live name of class `cls` as this context sees it (eglCreateImage's
 * texture or renderbuffer). */
bool ge_gl_name_known(struct ge_gl_state *gl, enum gl_name_class cls, uint32_t name);

/* The gate of every GL entry point, given the current context's stream (its GL state is
 * the stream's): `op` 0 for an entry point written by hand, which only forgets the command
 * the library's messages name. Otherwise NULL where the command does not run (a command the
 * context's API lacks, or one that glBegin/glEnd leaves no room for: the GL error is
 * recorded, as Mesa's dispatch would), else the stream. */
struct gl_enc *ge_gl_enter(struct gl_enc *e, uint32_t op);

/* ---- implemented by EGL (thread.c), asked by the GL side ---- */

/* The calling thread's current GL state, or NULL (no context; even when the link is lost,
 * so glGetError can say so). */
struct ge_gl_state *ge_gl_current(void);
/* gl_enc_current and gl_enc_current_op (gpupipe/gl-codec.h): the current context's stream
 * through ge_gl_enter, NULL without one or once its link is lost. */

#endif
