/*
 * GL_KHR_debug on the host: the driver's messages for each app context are
 * queued here (a callback of ours, never the app's, which lives in the
 * app), bounded, and handed to the library by GL_OP_DEBUG_FETCH. Labels
 * name the app's objects: their names are mapped by identifier, a GLsync's
 * label (hand-encoded: u32 sync name, then the label as a blob whose byte
 * count is its length, GL_BLOB_NULL for NULL) by the sync map.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "debug.h"
#include "gles-codec.h"
#include "stream.h"

/* What one context's queue may hold before its oldest messages go: the
 * GL memory quota charges each context 4 MiB, so this stays inside it. */
#define QUEUE_MESSAGES 256u
#define QUEUE_BYTES (64u << 10)

struct message {
	struct message *next;
	struct gl_debug_message h;
	char text[];
};

struct gh_gl_debug {
	struct message *head, *tail;
	uint32_t count, bytes; /* queued; bytes as the reply carries them */
	uint32_t dropped;      /* since the last fetch */
	uint64_t dropped_total;
	bool muted; /* the host's own calls run (gh_gl_debug_mute) */
};

static uint32_t record_bytes(uint32_t length)
{
	return (uint32_t)sizeof(struct gl_debug_message) + ((length + 3u) & ~3u);
}

static void drop_oldest(struct gh_gl_debug *d)
{
	struct message *m = d->head;
	d->head = m->next;
	if (!d->head)
		d->tail = NULL;
	d->count--;
	d->bytes -= record_bytes(m->h.length);
	free(m);
	d->dropped++;
	d->dropped_total++;
}

static void GL_APIENTRY on_message(GLenum source, GLenum type, GLuint id, GLenum severity,
                                   GLsizei length, const GLchar *text, const void *user)
{
	struct gh_gl_debug *d = (struct gh_gl_debug *)user;
	if (d->muted)
		return;
	/* With a length, the text may not end in a NUL: Mesa hands on an
	 * inserted message's buffer as it got it, which is ours, in the command. */
	size_t most = length >= 0 && (size_t)length < GL_DEBUG_MAX_TEXT ? (size_t)length
	                                                                : GL_DEBUG_MAX_TEXT;
	size_t n = text ? strnlen(text, most) : 0;
	struct message *m = malloc(sizeof(*m) + n);
	if (!m) {
		d->dropped++;
		return;
	}
	m->next = NULL;
	m->h = (struct gl_debug_message){source, type, id, severity, (uint32_t)n};
	memcpy(m->text, text, n);
	while (d->count &&
	       (d->count >= QUEUE_MESSAGES || d->bytes + record_bytes((uint32_t)n) > QUEUE_BYTES))
		drop_oldest(d);
	if (d->tail)
		d->tail->next = m;
	else
		d->head = m;
	d->tail = m;
	d->count++;
	d->bytes += record_bytes((uint32_t)n);
}

void gh_gl_debug_attach(struct gh_gl_context *ctx)
{
	PFNGLDEBUGMESSAGECALLBACKKHRPROC set = gles_host.glDebugMessageCallbackKHR;
	if (!set || ctx->debug)
		return;
	ctx->debug = calloc(1, sizeof(*ctx->debug));
	if (ctx->debug)
		set(on_message, ctx->debug);
}

void gh_gl_debug_mute(struct gh_gl_context *ctx, bool muted)
{
	if (ctx->debug)
		ctx->debug->muted = muted;
}

void gh_gl_debug_free(struct gh_gl_context *ctx)
{
	struct gh_gl_debug *d = ctx->debug;
	if (!d)
		return;
	if (d->dropped_total)
		gp_log(DEBUG, "context %u: %llu debug messages dropped (queue full)", ctx->handle,
		       (unsigned long long)d->dropped_total);
	while (d->head)
		drop_oldest(d);
	free(d);
	ctx->debug = NULL;
}

/* GL_OP_DEBUG_FETCH. */
bool gh_gl_debug_fetch(struct gl_exec *x, struct gl_reader *r)
{
	struct gl_op_debug_fetch op;
	gl_rd_struct(r, &op, sizeof(op));
	if (!gh_gl_reader_done(x, r))
		return false;
	if (op.messages < 1 || op.messages > GL_DEBUG_FETCH_MAX_MESSAGES)
		return gh_gl_fail(x, "capacity of %u messages, not 1..%u", op.messages,
		                  GL_DEBUG_FETCH_MAX_MESSAGES);
	if (op.bytes < GL_DEBUG_FETCH_MIN_BYTES || op.bytes > GL_DEBUG_FETCH_MAX_BYTES)
		return gh_gl_fail(x, "capacity of %u bytes, not %u..%u", op.bytes,
		                  GL_DEBUG_FETCH_MIN_BYTES, GL_DEBUG_FETCH_MAX_BYTES);
	struct gh_gl_debug *d = x->ctx->debug;
	struct gl_reply_debug_fetch h = {0};
	uint32_t bytes = 0;
	for (struct message *m = d ? d->head : NULL; m && h.count < op.messages; m = m->next) {
		if (bytes + record_bytes(m->h.length) > op.bytes)
			break;
		bytes += record_bytes(m->h.length);
		h.count++;
	}
	uint8_t *p = gl_exec_reply(x, (uint32_t)sizeof(h) + bytes);
	if (!p)
		return false;
	if (d) {
		h.dropped = d->dropped;
		h.left = d->count - h.count;
		d->dropped = 0;
	}
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	for (uint32_t i = 0; i < h.count; i++) {
		struct message *m = d->head;
		uint32_t pad = ((m->h.length + 3u) & ~3u) - m->h.length;
		memcpy(p, &m->h, sizeof(m->h));
		memcpy(p + sizeof(m->h), m->text, m->h.length);
		memset(p + sizeof(m->h) + m->h.length, 0, pad);
		p += record_bytes(m->h.length);
		drop_oldest(d);
		d->dropped--;
		d->dropped_total--;
	}
	return true;
}

/* ---- labels ---- */

/* The library answers a bad identifier and an unknown name itself: either
 * here ends the link. */
static bool map_label_name(struct gl_exec *x, uint32_t identifier, uint32_t app, uint32_t *host)
{
	/* Display lists keep the driver's names (a compatibility context's
	 * alone): the driver answers GL_INVALID_VALUE for one that is none. */
	if (identifier == GL_LABEL_DISPLAY_LIST && x->ctx->level.api == GL_API_GL_COMPAT) {
		*host = app;
		return true;
	}
	int cls = gl_label_class(identifier);
	if (cls < 0)
		return gh_gl_fail(x, "label of identifier 0x%x", identifier);
	if (!app)
		return gh_gl_fail(x, "label of name 0");
	return gl_exec_map(x, (enum gl_name_class)cls, app, host);
}

bool gl_exec_wrap_glObjectLabelKHR(struct gl_exec *x, GLenum identifier, GLuint name,
                                   GLsizei length, const GLchar *label)
{
	uint32_t host;
	if (!map_label_name(x, identifier, name, &host))
		return false;
	gles_host.glObjectLabelKHR(identifier, host, label ? length : -1, label);
	return true;
}

bool gl_exec_wrap_glObjectLabel(struct gl_exec *x, GLenum identifier, GLuint name, GLsizei length,
                                const GLchar *label)
{
	return gl_exec_wrap_glObjectLabelKHR(x, identifier, name, length, label);
}

bool gl_exec_wrap_glGetObjectLabelKHR(struct gl_exec *x, GLenum identifier, GLuint name,
                                      GLsizei bufSize, GLsizei *length, GLchar *label)
{
	uint32_t host;
	if (!map_label_name(x, identifier, name, &host))
		return false;
	gles_host.glGetObjectLabelKHR(identifier, host, bufSize, length, label);
	return true;
}

bool gl_exec_wrap_glGetObjectLabel(struct gl_exec *x, GLenum identifier, GLuint name,
                                   GLsizei bufSize, GLsizei *length, GLchar *label)
{
	return gl_exec_wrap_glGetObjectLabelKHR(x, identifier, name, bufSize, length, label);
}

/* GL_EXT_debug_label: the EXT type names the class as KHR_debug's
 * identifier would; the library made the length explicit (0 with a label:
 * an empty one, which the EXT command reads as NUL-terminated). */
bool gl_exec_wrap_glLabelObjectEXT(struct gl_exec *x, GLenum type, GLuint object, GLsizei length,
                                   const GLchar *label)
{
	uint32_t host;
	if (!map_label_name(x, gl_ext_label_identifier(type), object, &host))
		return false;
	gles_host.glLabelObjectEXT(type, host, label && length ? length : 0,
	                           label && length ? label
	                           : label         ? ""
	                                           : NULL);
	return true;
}

bool gl_exec_wrap_glGetObjectLabelEXT(struct gl_exec *x, GLenum type, GLuint object,
                                      GLsizei bufSize, GLsizei *length, GLchar *label)
{
	uint32_t host;
	if (!map_label_name(x, gl_ext_label_identifier(type), object, &host))
		return false;
	gles_host.glGetObjectLabelEXT(type, host, bufSize, length, label);
	return true;
}

/* glObjectPtrLabel: u32 sync name, blob label (its byte count the length,
 * GL_BLOB_NULL: remove the label). */
static bool ptr_label(struct gl_exec *x, struct gl_reader *r, const char *what)
{
	uint32_t sync = gl_rd_u32(r);
	uint32_t n;
	const void *label = gl_rd_blob(r, &n);
	if (!gh_gl_reader_done(x, r))
		return false;
	if (label && n > GL_DEBUG_MAX_TEXT)
		return gh_gl_fail(x, "%s: label of %u bytes, over %u", what, n, GL_DEBUG_MAX_TEXT);
	void *host;
	if (!gl_exec_sync_map(x, sync, &host))
		return false;
	gles_host.glObjectPtrLabelKHR(host, label ? (GLsizei)n : -1, label);
	return true;
}

bool gl_exec_special_glObjectPtrLabelKHR(struct gl_exec *x, struct gl_reader *r)
{
	return ptr_label(x, r, "glObjectPtrLabelKHR");
}

bool gl_exec_special_glObjectPtrLabel(struct gl_exec *x, struct gl_reader *r)
{
	return ptr_label(x, r, "glObjectPtrLabel");
}

/* glGetObjectPtrLabel: u32 sync name, u32 bufSize (the label's capacity,
 * 0..GL_DEBUG_MAX_TEXT + 1), u32 1 when the app wants the length. Reply:
 * u32 length, blob of the label written (its NUL included; empty when
 * bufSize is 0). */
static bool get_ptr_label(struct gl_exec *x, struct gl_reader *r, const char *what)
{
	uint32_t sync = gl_rd_u32(r);
	uint32_t size = gl_rd_u32(r);
	uint32_t want_length = gl_rd_u32(r);
	if (!gh_gl_reader_done(x, r))
		return false;
	if (size > GL_DEBUG_MAX_TEXT + 1 || want_length > 1)
		return gh_gl_fail(x, "%s: capacity %u (at most %u), length flag %u", what, size,
		                  GL_DEBUG_MAX_TEXT + 1, want_length);
	void *host;
	if (!gl_exec_sync_map(x, sync, &host))
		return false;
	char label[GL_DEBUG_MAX_TEXT + 1];
	GLsizei length = 0;
	label[0] = 0;
	gles_host.glGetObjectPtrLabelKHR(host, (GLsizei)size, &length, size ? label : NULL);
	uint32_t written = size ? (uint32_t)strnlen(label, size - 1) + 1 : 0;
	uint8_t *p = gl_exec_reply(x, 8 + ((written + 3u) & ~3u));
	if (!p)
		return false;
	uint32_t head[2] = {(uint32_t)length, written};
	memcpy(p, head, sizeof(head));
	memcpy(p + 8, label, written);
	memset(p + 8 + written, 0, ((written + 3u) & ~3u) - written);
	return true;
}

bool gl_exec_special_glGetObjectPtrLabelKHR(struct gl_exec *x, struct gl_reader *r)
{
	return get_ptr_label(x, r, "glGetObjectPtrLabelKHR");
}

bool gl_exec_special_glGetObjectPtrLabel(struct gl_exec *x, struct gl_reader *r)
{
	return get_ptr_label(x, r, "glGetObjectPtrLabel");
}
