/*
 * GL_KHR_debug's messages in the library: fetching the host's queue,
 * delivering to the app's callback or the log, and the messages of the GL
 * errors the library finds itself (see debug.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "debug.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* Most entries the library's log and group stack hold, whatever the host
 * says (Mesa: 10 messages, 64 groups). */
#define MAX_LOGGED 1024u
#define MAX_DEPTH 1024u
/* Fetches one ge_debug_fetch makes at most: the host queues at most 256
 * messages a context, a fetch takes up to 64. */
#define FETCH_MESSAGES 64u
#define FETCH_ROUNDS 8

static uint32_t limit(struct ge_gl_state *gl, uint32_t pname, uint32_t fallback, uint32_t most)
{
	const struct gl_limit *l = ge_api_limit(gl->api, pname);
	uint32_t v = l && l->values[0] >= 1 ? (uint32_t)l->values[0] : fallback;
	return v > most ? most : v;
}

struct ge_debug *ge_debug_get(struct ge_gl_state *gl)
{
	if (gl->debug)
		return gl->debug;
	struct ge_debug *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->output = -1;
	d->max_logged = limit(gl, GL_MAX_DEBUG_LOGGED_MESSAGES, 10, MAX_LOGGED);
	d->max_depth = limit(gl, GL_MAX_DEBUG_GROUP_STACK_DEPTH, 64, MAX_DEPTH);
	d->max_text = limit(gl, GL_MAX_DEBUG_MESSAGE_LENGTH, 1024, GL_DEBUG_MAX_TEXT + 1) - 1;
	d->max_label = limit(gl, GL_MAX_LABEL_LENGTH, 256, GL_DEBUG_MAX_TEXT + 1);
	d->log = calloc(d->max_logged, sizeof(*d->log));
	d->filters = calloc(d->max_depth, 1);
	if (!d->log || !d->filters) {
		ge_debug_free(d);
		return NULL;
	}
	gl->debug = d;
	return d;
}

void ge_debug_free(struct ge_debug *d)
{
	if (!d)
		return;
	for (uint32_t i = 0; d->log && i < d->count; i++)
		free(d->log[(d->head + i) % d->max_logged]);
	free(d->log);
	free(d->filters);
	free(d->fetched);
	free(d);
}

bool ge_debug_offered(struct gl_enc *e)
{
	const struct gles_level *l = &e->gl->api->level;
	return gles_level_has(l, GLES_OP_glDebugMessageControlKHR) ||
	       gles_level_has(l, GLES_OP_glDebugMessageControl);
}

/* One message to the callback, else to the log (dropped when full). The
 * callback may call GL: the stream's reply buffer is kept aside meanwhile,
 * so the reply of the command that fetched stays for its encoder. */
static void deliver(struct gl_enc *e, uint32_t source, uint32_t type, uint32_t id,
                    uint32_t severity, const char *text, uint32_t length)
{
	struct ge_debug *d = e->gl->debug;
	if (!d->callback) {
		if (d->count >= d->max_logged)
			return;
		struct ge_debug_msg *m = malloc(sizeof(*m) + length + 1);
		if (!m)
			return;
		*m = (struct ge_debug_msg){source, type, id, severity, length};
		memcpy(m->text, text, length);
		m->text[length] = 0;
		d->log[(d->head + d->count++) % d->max_logged] = m;
		return;
	}
	char *copy = malloc(length + 1);
	if (!copy)
		return;
	memcpy(copy, text, length);
	copy[length] = 0;
	uint8_t *reply = e->reply;
	uint32_t reply_cap = e->reply_cap;
	e->reply = NULL;
	e->reply_cap = 0;
	bool busy = d->busy;
	d->busy = true;
	d->callback(source, type, id, severity, (GLsizei)length, copy, d->user);
	d->busy = busy;
	free(e->reply);
	e->reply = reply;
	e->reply_cap = reply_cap;
	free(copy);
}

/* Parses and delivers a GL_OP_DEBUG_FETCH reply; the host's count of
 * messages still queued, or -1 (the stream lost) when it is malformed. */
static int64_t take(struct gl_enc *e, const uint8_t *p, uint32_t size)
{
	struct gl_reply_debug_fetch h;
	if (size < sizeof(h))
		goto bad;
	memcpy(&h, p, sizeof(h));
	p += sizeof(h);
	size -= (uint32_t)sizeof(h);
	if (h.count > FETCH_MESSAGES)
		goto bad;
	if (h.dropped)
		gp_log(DEBUG, "the host dropped %u debug messages (its queue was full)", h.dropped);
	for (uint32_t i = 0; i < h.count; i++) {
		struct gl_debug_message m;
		if (size < sizeof(m))
			goto bad;
		memcpy(&m, p, sizeof(m));
		uint32_t room = (m.length + 3u) & ~3u;
		if (m.length > GL_DEBUG_MAX_TEXT || size - sizeof(m) < room)
			goto bad;
		/* The callback may end the context's life as a current one
		 * (it must not, but nothing here relies on e after it). */
		deliver(e, m.source, m.type, m.id, m.severity, (const char *)p + sizeof(m),
		        m.length);
		p += sizeof(m) + room;
		size -= (uint32_t)sizeof(m) + room;
	}
	if (size)
		goto bad;
	return h.left;
bad:
	ge_stream_lose(e, "malformed debug messages");
	return -1;
}

bool ge_debug_rides_along(struct gl_enc *e, uint32_t op)
{
	struct ge_debug *d = e->gl ? e->gl->debug : NULL;
	return op >= GL_OP_GLES_BASE && d && d->callback && !d->busy && d->output != 0;
}

bool ge_debug_fetch_queue(struct gl_enc *e)
{
	struct gl_op_debug_fetch op = {.messages = FETCH_MESSAGES,
	                               .bytes = GL_DEBUG_FETCH_MAX_BYTES};
	return ge_stream_op(e, GL_OP_DEBUG_FETCH, &op, sizeof(op));
}

static int64_t fetch_reply(struct gl_enc *e)
{
	struct ge_debug *d = e->gl->debug;
	uint32_t size;
	const uint8_t *r =
	        ge_stream_read_reply(e, GL_OP_DEBUG_FETCH, &d->fetched, &d->fetched_cap, &size);
	return r ? take(e, r, size) : -1;
}

void ge_debug_fetch_reply(struct gl_enc *e)
{
	struct ge_debug *d = e->gl->debug;
	d->busy = true;
	int64_t left = fetch_reply(e);
	d->busy = false;
	/* More than one fetch holds: the rest at once, as a callback expects
	 * every message by the time the call returns. */
	if (left > 0)
		ge_debug_fetch(e);
}

void ge_debug_fetch(struct gl_enc *e)
{
	struct ge_debug *d = ge_debug_get(e->gl);
	if (!d || d->busy)
		return;
	d->busy = true;
	for (int i = 0; i < FETCH_ROUNDS; i++) {
		if (!d->callback && d->count >= d->max_logged)
			break; /* the log is full: the host keeps the rest */
		if (!ge_debug_fetch_queue(e) || !ge_stream_flush(e) || fetch_reply(e) <= 0)
			break;
	}
	d->busy = false;
}

/* ---- the library's own messages ---- */

static const char *error_name(uint32_t error)
{
	switch (error) {
	case GL_INVALID_ENUM:
		return "GL_INVALID_ENUM";
	case GL_INVALID_VALUE:
		return "GL_INVALID_VALUE";
	case GL_INVALID_OPERATION:
		return "GL_INVALID_OPERATION";
	case GL_STACK_OVERFLOW_KHR:
		return "GL_STACK_OVERFLOW";
	case GL_STACK_UNDERFLOW_KHR:
		return "GL_STACK_UNDERFLOW";
	case GL_OUT_OF_MEMORY:
		return "GL_OUT_OF_MEMORY";
	case GL_INVALID_FRAMEBUFFER_OPERATION:
		return "GL_INVALID_FRAMEBUFFER_OPERATION";
	}
	return "a GL error";
}

/* The filter bit of a GL error (0x0500..0x0507), -1 for others. */
static int error_bit(uint32_t error)
{
	return error >= 0x0500 && error <= 0x0507 ? (int)(error - 0x0500) : -1;
}

void ge_debug_local_error(struct gl_enc *e, uint32_t error)
{
	struct ge_gl_state *gl = e->gl;
	if (!gl || e->open || ge_stream_lost(e))
		return;
	/* A debug context's output is on from the start: its errors count
	 * before any debug call. */
	if (!gl->debug && !(gl->flags & GL_CONTEXT_FLAG_DEBUG))
		return;
	struct ge_debug *d = ge_debug_get(gl);
	int bit = error_bit(error);
	if (!d || d->busy || !ge_debug_offered(e) || bit < 0 || (d->filters[d->depth] >> bit & 1))
		return;
	uint32_t op = d->last_op;
	d->busy = true;
	if (d->output < 0)
		d->output = gl_enc_glIsEnabled(GL_DEBUG_OUTPUT_KHR) == GL_TRUE;
	d->busy = false;
	if (d->output != 1)
		return;
	/* In order: what the host said about the calls before this one first. */
	ge_debug_fetch(e);
	char text[160];
	const char *cmd = op ? gles_command_name(op) : NULL;
	int n = snprintf(text, sizeof(text), "%s%s%s (found by gpupipe's EGL library)",
	                 cmd ? cmd : "", cmd ? ": " : "", error_name(error));
	d->busy = true;
	deliver(e, GL_DEBUG_SOURCE_API_KHR, GL_DEBUG_TYPE_ERROR_KHR, error,
	        GL_DEBUG_SEVERITY_HIGH_KHR, text,
	        n < 0                    ? 0
	        : n >= (int)sizeof(text) ? sizeof(text) - 1
	                                 : (uint32_t)n);
	d->busy = false;
}

/* ---- queries ---- */

bool ge_debug_value(struct gl_enc *e, uint32_t pname, float *v)
{
	switch (pname) {
	case GL_DEBUG_LOGGED_MESSAGES_KHR:
	case GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH_KHR:
	case GL_DEBUG_GROUP_STACK_DEPTH_KHR:
	case GL_MAX_DEBUG_LOGGED_MESSAGES_KHR:
	case GL_MAX_DEBUG_MESSAGE_LENGTH_KHR:
	case GL_MAX_DEBUG_GROUP_STACK_DEPTH_KHR:
		break;
	default:
		return false;
	}
	struct ge_debug *d = ge_debug_offered(e) ? ge_debug_get(e->gl) : NULL;
	if (!d)
		return false; /* the host answers (GL_INVALID_ENUM without KHR_debug) */
	if (pname == GL_DEBUG_LOGGED_MESSAGES_KHR ||
	    pname == GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH_KHR)
		ge_debug_fetch(e);
	switch (pname) {
	case GL_DEBUG_LOGGED_MESSAGES_KHR:
		v[0] = (float)d->count;
		break;
	case GL_DEBUG_NEXT_LOGGED_MESSAGE_LENGTH_KHR:
		v[0] = d->count ? (float)(d->log[d->head]->length + 1) : 0.0f;
		break;
	case GL_DEBUG_GROUP_STACK_DEPTH_KHR:
		v[0] = (float)(d->depth + 1);
		break;
	case GL_MAX_DEBUG_LOGGED_MESSAGES_KHR:
		v[0] = (float)d->max_logged;
		break;
	case GL_MAX_DEBUG_MESSAGE_LENGTH_KHR:
		v[0] = (float)(d->max_text + 1);
		break;
	default:
		v[0] = (float)d->max_depth;
		break;
	}
	return true;
}

bool ge_debug_pointer(struct gl_enc *e, uint32_t pname, void **out)
{
	if (pname != GL_DEBUG_CALLBACK_FUNCTION_KHR && pname != GL_DEBUG_CALLBACK_USER_PARAM_KHR)
		return false;
	if (!ge_debug_offered(e))
		return false;
	struct ge_debug *d = e->gl->debug;
	if (pname == GL_DEBUG_CALLBACK_FUNCTION_KHR)
		*out = d ? (void *)d->callback : NULL;
	else
		*out = d ? (void *)d->user : NULL;
	return true;
}
