/*
 * GL_KHR_debug in the library (debug.c, gles-debug.c): the app's callback,
 * the library's own message log, and what it mirrors of the driver's debug
 * state to make messages of the GL errors it finds itself.
 *
 * The host's driver messages are queued per context on the host and
 * fetched with GL_OP_DEBUG_FETCH: riding along every GLES round trip while
 * the app has a callback (no extra round trip), and always before the log
 * is read. They go to the callback, called in the thread that made the GL
 * call with the context current, or, with no callback, to the log (spec:
 * full log, new messages discarded).
 */
#ifndef GE_DEBUG_H
#define GE_DEBUG_H

#include <GLES3/gl32.h>
#include <stdbool.h>
#include <stdint.h>

struct gl_enc;
struct ge_gl_state;

struct ge_debug_msg {
	uint32_t source, type, id, severity;
	uint32_t length; /* of text, without its NUL */
	char text[];     /* NUL-terminated */
};

struct ge_debug {
	GLDEBUGPROC callback;
	const void *user;
	int output;        /* GL_DEBUG_OUTPUT: 1, 0, or -1 not known yet (asked when needed) */
	bool busy;         /* delivering or asking: no nested fetch or local message */
	uint32_t last_op;  /* the GLES command being called (0: unknown), for texts */
	uint32_t max_text; /* GL_MAX_DEBUG_MESSAGE_LENGTH - 1 */
	uint32_t max_label;

	/* The log: a ring of max_logged entries, oldest at head. */
	struct ge_debug_msg **log;
	uint32_t max_logged, head, count;

	/* Debug groups: filters[i] is group i's filter of the library's own
	 * messages (bit e set: GL error 0x0500 + e is off); depth 0 is the
	 * default group. */
	uint8_t *filters;
	uint32_t depth, max_depth;

	uint8_t *fetched; /* the last GL_OP_DEBUG_FETCH reply */
	uint32_t fetched_cap;
};

/* The context's debug state, made on first use; NULL without memory. */
struct ge_debug *ge_debug_get(struct ge_gl_state *gl);
void ge_debug_free(struct ge_debug *d);

/* GL_OP_DEBUG_FETCH until the host's queue is empty (or the log full):
 * every message goes to the callback or the log. */
void ge_debug_fetch(struct gl_enc *e);

/* The stream runtime (stream.c), at a GLES command's round trip: true
 * when a fetch should ride along (the app has a callback); then
 * ge_debug_fetch_queue queues it behind the command, and after the
 * command's reply was read, ge_debug_fetch_reply reads and delivers. */
bool ge_debug_rides_along(struct gl_enc *e, uint32_t op);
bool ge_debug_fetch_queue(struct gl_enc *e);
void ge_debug_fetch_reply(struct gl_enc *e);

/* A GL error the library found itself (gl_enc_error): a message of source
 * GL_DEBUG_SOURCE_API, type GL_DEBUG_TYPE_ERROR, severity HIGH, id the
 * error, in order after the host's, when debug output is on. */
void ge_debug_local_error(struct gl_enc *e, uint32_t error);

/* Queries answered by the library: false for any other pname. */
bool ge_debug_value(struct gl_enc *e, uint32_t pname, float *v);
/* glGetPointerv's GL_DEBUG_CALLBACK_FUNCTION and _USER_PARAM. */
bool ge_debug_pointer(struct gl_enc *e, uint32_t pname, void **out);
/* The context has GL_KHR_debug (the extension or ES 3.2). */
bool ge_debug_offered(struct gl_enc *e);

#endif
