/*
 * GL_KHR_debug's entry points, each shared by its KHR name and its
 * OpenGL ES 3.2 core name (the level decides which a context may call):
 * the callback and log (answered here), the group stack and the filter of
 * the library's own messages (mirrored, then sent), inserted messages and
 * labels (checked and made explicit, then sent). See debug.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "debug.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* The stream when the context may call `op`, and its debug state. */
static struct gl_enc *begin(uint32_t op, struct ge_debug **d)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return NULL;
	*d = ge_debug_get(e->gl);
	if (!*d) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return NULL;
	}
	return e;
}

static void callback(uint32_t op, GLDEBUGPROC fn, const void *user)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return;
	/* What the host said before goes where the app wanted it then. */
	if (d->output != 0)
		ge_debug_fetch(e);
	d->callback = fn;
	d->user = user;
}

void GL_APIENTRY gl_enc_special_glDebugMessageCallbackKHR(GLDEBUGPROCKHR fn, const void *user)
{
	callback(GLES_OP_glDebugMessageCallbackKHR, fn, user);
}

void GL_APIENTRY gl_enc_special_glDebugMessageCallback(GLDEBUGPROC fn, const void *user)
{
	callback(GLES_OP_glDebugMessageCallback, fn, user);
}

/* The log, oldest first; a message that does not fit messageLog stops
 * the reading and stays (KHR_debug, 5.5.5). */
static GLuint message_log(uint32_t op, GLuint count, GLsizei size, GLenum *sources, GLenum *types,
                          GLuint *ids, GLenum *severities, GLsizei *lengths, GLchar *text)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return 0;
	if (text && size < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return 0;
	}
	ge_debug_fetch(e);
	GLuint n = 0;
	size_t used = 0;
	while (n < count && d->count) {
		struct ge_debug_msg *m = d->log[d->head];
		if (text) {
			if (used + m->length + 1 > (size_t)size)
				break;
			memcpy(text + used, m->text, m->length + 1);
			used += m->length + 1;
		}
		if (sources)
			sources[n] = m->source;
		if (types)
			types[n] = m->type;
		if (ids)
			ids[n] = m->id;
		if (severities)
			severities[n] = m->severity;
		if (lengths)
			lengths[n] = (GLsizei)m->length + 1;
		free(m);
		d->head = (d->head + 1) % d->max_logged;
		d->count--;
		n++;
	}
	return n;
}

GLuint GL_APIENTRY gl_enc_special_glGetDebugMessageLogKHR(GLuint count, GLsizei size,
                                                          GLenum *sources, GLenum *types,
                                                          GLuint *ids, GLenum *severities,
                                                          GLsizei *lengths, GLchar *text)
{
	return message_log(GLES_OP_glGetDebugMessageLogKHR, count, size, sources, types, ids,
	                   severities, lengths, text);
}

GLuint GL_APIENTRY gl_enc_special_glGetDebugMessageLog(GLuint count, GLsizei size, GLenum *sources,
                                                       GLenum *types, GLuint *ids,
                                                       GLenum *severities, GLsizei *lengths,
                                                       GLchar *text)
{
	return message_log(GLES_OP_glGetDebugMessageLog, count, size, sources, types, ids,
	                   severities, lengths, text);
}

void GL_APIENTRY gl_enc_special_glGetPointervKHR(GLenum pname, void **params)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetPointervKHR);
	if (e && params)
		ge_get_pointer(e, pname, params);
}

/* ---- message control, inserted messages, groups ---- */

static bool is_source(uint32_t v, bool app_only)
{
	switch (v) {
	case GL_DEBUG_SOURCE_APPLICATION_KHR:
	case GL_DEBUG_SOURCE_THIRD_PARTY_KHR:
		return true;
	case GL_DEBUG_SOURCE_API_KHR:
	case GL_DEBUG_SOURCE_WINDOW_SYSTEM_KHR:
	case GL_DEBUG_SOURCE_SHADER_COMPILER_KHR:
	case GL_DEBUG_SOURCE_OTHER_KHR:
		return !app_only;
	}
	return false;
}

static bool is_type(uint32_t v)
{
	switch (v) {
	case GL_DEBUG_TYPE_ERROR_KHR:
	case GL_DEBUG_TYPE_DEPRECATED_BEHAVIOR_KHR:
	case GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR_KHR:
	case GL_DEBUG_TYPE_PORTABILITY_KHR:
	case GL_DEBUG_TYPE_PERFORMANCE_KHR:
	case GL_DEBUG_TYPE_OTHER_KHR:
	case GL_DEBUG_TYPE_MARKER_KHR:
	case GL_DEBUG_TYPE_PUSH_GROUP_KHR:
	case GL_DEBUG_TYPE_POP_GROUP_KHR:
		return true;
	}
	return false;
}

static bool is_severity(uint32_t v)
{
	return v == GL_DEBUG_SEVERITY_HIGH_KHR || v == GL_DEBUG_SEVERITY_MEDIUM_KHR ||
	       v == GL_DEBUG_SEVERITY_LOW_KHR || v == GL_DEBUG_SEVERITY_NOTIFICATION_KHR;
}

/* The library's own messages are API errors of severity HIGH, id the
 * error: the part of a control call that reaches them, on the current
 * group's filter. */
static void mirror_control(struct ge_debug *d, GLenum source, GLenum type, GLenum severity,
                           GLsizei count, const GLuint *ids, GLboolean enabled)
{
	uint8_t bits = 0;
	if ((source != GL_DONT_CARE && source != GL_DEBUG_SOURCE_API_KHR) ||
	    (type != GL_DONT_CARE && type != GL_DEBUG_TYPE_ERROR_KHR))
		return;
	if (count == 0 && (severity == GL_DONT_CARE || severity == GL_DEBUG_SEVERITY_HIGH_KHR))
		bits = 0xff;
	for (GLsizei i = 0; ids && i < count; i++) {
		if (ids[i] >= 0x0500 && ids[i] <= 0x0507)
			bits |= (uint8_t)(1u << (ids[i] - 0x0500));
	}
	if (enabled)
		d->filters[d->depth] &= (uint8_t)~bits;
	else
		d->filters[d->depth] |= bits;
}

typedef void(GL_APIENTRY *control_fn)(GLenum, GLenum, GLenum, GLsizei, const GLuint *, GLboolean);

static void control(uint32_t op, control_fn send, GLenum source, GLenum type, GLenum severity,
                    GLsizei count, const GLuint *ids, GLboolean enabled)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return;
	if ((source != GL_DONT_CARE && !is_source(source, false)) ||
	    (type != GL_DONT_CARE && !is_type(type)) ||
	    (severity != GL_DONT_CARE && !is_severity(severity))) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (count < 0 || (count > 0 && !ids)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (count > 0 &&
	    (source == GL_DONT_CARE || type == GL_DONT_CARE || severity != GL_DONT_CARE)) {
		gl_enc_error(e, GL_INVALID_OPERATION);
		return;
	}
	mirror_control(d, source, type, severity, count, ids, enabled);
	send(source, type, severity, count, ids, enabled);
}

void GL_APIENTRY gl_enc_special_glDebugMessageControlKHR(GLenum source, GLenum type,
                                                         GLenum severity, GLsizei count,
                                                         const GLuint *ids, GLboolean enabled)
{
	control(GLES_OP_glDebugMessageControlKHR, gl_enc_glDebugMessageControlKHR, source, type,
	        severity, count, ids, enabled);
}

void GL_APIENTRY gl_enc_special_glDebugMessageControl(GLenum source, GLenum type, GLenum severity,
                                                      GLsizei count, const GLuint *ids,
                                                      GLboolean enabled)
{
	control(GLES_OP_glDebugMessageControl, gl_enc_glDebugMessageControl, source, type, severity,
	        count, ids, enabled);
}

/* A text's explicit length: strlen when negative; -1 (GL_INVALID_VALUE
 * recorded) when it is not shorter than `most`. */
static GLsizei text_length(struct gl_enc *e, GLsizei length, const GLchar *text, uint32_t most)
{
	size_t n = length >= 0 ? (size_t)length : text ? strnlen(text, most) : 0;
	if (n >= most) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return -1;
	}
	return (GLsizei)n;
}

typedef void(GL_APIENTRY *insert_fn)(GLenum, GLenum, GLuint, GLenum, GLsizei, const GLchar *);

static void insert(uint32_t op, insert_fn send, GLenum source, GLenum type, GLuint id,
                   GLenum severity, GLsizei length, const GLchar *buf)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return;
	if (!is_source(source, true) || !is_type(type) || !is_severity(severity)) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	GLsizei n = text_length(e, length, buf, d->max_text + 1);
	if (n >= 0)
		send(source, type, id, severity, n, buf);
}

void GL_APIENTRY gl_enc_special_glDebugMessageInsertKHR(GLenum source, GLenum type, GLuint id,
                                                        GLenum severity, GLsizei length,
                                                        const GLchar *buf)
{
	insert(GLES_OP_glDebugMessageInsertKHR, gl_enc_glDebugMessageInsertKHR, source, type, id,
	       severity, length, buf);
}

void GL_APIENTRY gl_enc_special_glDebugMessageInsert(GLenum source, GLenum type, GLuint id,
                                                     GLenum severity, GLsizei length,
                                                     const GLchar *buf)
{
	insert(GLES_OP_glDebugMessageInsert, gl_enc_glDebugMessageInsert, source, type, id,
	       severity, length, buf);
}

typedef void(GL_APIENTRY *push_fn)(GLenum, GLuint, GLsizei, const GLchar *);

static void push(uint32_t op, push_fn send, GLenum source, GLuint id, GLsizei length,
                 const GLchar *message)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return;
	if (!is_source(source, true)) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	GLsizei n = text_length(e, length, message, d->max_text + 1);
	if (n < 0)
		return;
	if (d->depth + 1 >= d->max_depth) {
		gl_enc_error(e, GL_STACK_OVERFLOW_KHR);
		return;
	}
	/* A new group starts with its parent's filter (KHR_debug, 5.5.6). */
	d->filters[d->depth + 1] = d->filters[d->depth];
	d->depth++;
	send(source, id, n, message);
}

void GL_APIENTRY gl_enc_special_glPushDebugGroupKHR(GLenum source, GLuint id, GLsizei length,
                                                    const GLchar *message)
{
	push(GLES_OP_glPushDebugGroupKHR, gl_enc_glPushDebugGroupKHR, source, id, length, message);
}

void GL_APIENTRY gl_enc_special_glPushDebugGroup(GLenum source, GLuint id, GLsizei length,
                                                 const GLchar *message)
{
	push(GLES_OP_glPushDebugGroup, gl_enc_glPushDebugGroup, source, id, length, message);
}

static void pop(uint32_t op, void(GL_APIENTRY *send)(void))
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	if (!e)
		return;
	if (!d->depth) {
		gl_enc_error(e, GL_STACK_UNDERFLOW_KHR);
		return;
	}
	d->depth--;
	send();
}

void GL_APIENTRY gl_enc_special_glPopDebugGroupKHR(void)
{
	pop(GLES_OP_glPopDebugGroupKHR, gl_enc_glPopDebugGroupKHR);
}

void GL_APIENTRY gl_enc_special_glPopDebugGroup(void)
{
	pop(GLES_OP_glPopDebugGroup, gl_enc_glPopDebugGroup);
}

/* glEnable and glDisable: the library's own messages follow GL_DEBUG_OUTPUT. */
static void output(struct gl_enc *e, GLenum cap, int on)
{
	struct ge_debug *d;
	/* Compiled into a display list, not run (GL_COMPILE) or run only to
	 * fail (between glBegin and glEnd). */
	if (e->gl->list_mode == 0x1300 /* GL_COMPILE */ || (e->gl->list_mode && e->gl->begin_end))
		return;
	if (cap == GL_DEBUG_OUTPUT_KHR && ge_debug_offered(e) && (d = ge_debug_get(e->gl)))
		d->output = on;
}

/* GL_PRIMITIVE_RESTART: Mesa's NV_primitive_restart enable too (gl-restart-nv.c). */
void gl_enc_hook_glEnable(struct gl_enc *e, GLenum cap)
{
	output(e, cap, 1);
	if (cap == GE_PRIMITIVE_RESTART && e->gl->list_mode != 0x1300 /* GL_COMPILE */)
		ge_restart_nv_stale(e->gl);
}

void gl_enc_hook_glDisable(struct gl_enc *e, GLenum cap)
{
	output(e, cap, 0);
	if (cap == GE_PRIMITIVE_RESTART && e->gl->list_mode != 0x1300 /* GL_COMPILE */)
		ge_restart_nv_stale(e->gl);
}

/* ---- labels ---- */

/* The label's object exists: else the GL error is recorded. */
static struct gl_enc *label_target(uint32_t op, GLenum identifier, GLuint name, struct ge_debug **d)
{
	struct gl_enc *e = begin(op, d);
	if (!e)
		return NULL;
	/* A display list's name is the driver's (not tracked here): the driver
	 * says whether it is one. */
	if (identifier == GL_LABEL_DISPLAY_LIST && ge_gl_is_compat(e->gl))
		return e;
	int cls = gl_label_class(identifier);
	if (cls < 0) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return NULL;
	}
	if (!name || !gl_enc_name_known(e, (enum gl_name_class)cls, name)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return NULL;
	}
	return e;
}

typedef void(GL_APIENTRY *label_fn)(GLenum, GLuint, GLsizei, const GLchar *);

static void object_label(uint32_t op, label_fn send, GLenum identifier, GLuint name, GLsizei length,
                         const GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e = label_target(op, identifier, name, &d);
	if (!e)
		return;
	GLsizei n = label ? text_length(e, length, label, d->max_label) : 0;
	if (n >= 0)
		send(identifier, name, n, label);
}

void GL_APIENTRY gl_enc_special_glObjectLabelKHR(GLenum identifier, GLuint name, GLsizei length,
                                                 const GLchar *label)
{
	object_label(GLES_OP_glObjectLabelKHR, gl_enc_glObjectLabelKHR, identifier, name, length,
	             label);
}

void GL_APIENTRY gl_enc_special_glObjectLabel(GLenum identifier, GLuint name, GLsizei length,
                                              const GLchar *label)
{
	object_label(GLES_OP_glObjectLabel, gl_enc_glObjectLabel, identifier, name, length, label);
}

typedef void(GL_APIENTRY *get_label_fn)(GLenum, GLuint, GLsizei, GLsizei *, GLchar *);

static void get_object_label(uint32_t op, get_label_fn send, GLenum identifier, GLuint name,
                             GLsizei size, GLsizei *length, GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e = label_target(op, identifier, name, &d);
	if (!e)
		return;
	if (size < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	/* No label is longer than the host's limit: a bigger buffer needs no
	 * bigger reply. */
	send(identifier, name,
	     label && (uint32_t)size > d->max_label ? (GLsizei)d->max_label : size, length, label);
}

void GL_APIENTRY gl_enc_special_glGetObjectLabelKHR(GLenum identifier, GLuint name, GLsizei size,
                                                    GLsizei *length, GLchar *label)
{
	get_object_label(GLES_OP_glGetObjectLabelKHR, gl_enc_glGetObjectLabelKHR, identifier, name,
	                 size, length, label);
}

void GL_APIENTRY gl_enc_special_glGetObjectLabel(GLenum identifier, GLuint name, GLsizei size,
                                                 GLsizei *length, GLchar *label)
{
	get_object_label(GLES_OP_glGetObjectLabel, gl_enc_glGetObjectLabel, identifier, name, size,
	                 length, label);
}

/* GL_EXT_debug_label: KHR_debug's labels under the EXT types. Its length
 * differs: 0 means a NUL-terminated label and a negative one is
 * GL_INVALID_VALUE (Mesa's reading of the extension). */
void GL_APIENTRY gl_enc_special_glLabelObjectEXT(GLenum type, GLuint object, GLsizei length,
                                                 const GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e =
	        label_target(GLES_OP_glLabelObjectEXT, gl_ext_label_identifier(type), object, &d);
	if (!e)
		return;
	if (label && length < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	GLsizei n = label ? text_length(e, length ? length : -1, label, d->max_label) : 0;
	if (n >= 0)
		gl_enc_glLabelObjectEXT(type, object, n, label);
}

void GL_APIENTRY gl_enc_special_glGetObjectLabelEXT(GLenum type, GLuint object, GLsizei bufSize,
                                                    GLsizei *length, GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e = label_target(GLES_OP_glGetObjectLabelEXT, gl_ext_label_identifier(type),
	                                object, &d);
	if (!e)
		return;
	if (bufSize < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glGetObjectLabelEXT(type, object,
	                           label && (uint32_t)bufSize > d->max_label ? (GLsizei)d->max_label
	                                                                     : bufSize,
	                           length, label);
}

/* The sync a pointer label names, 0 (GL_INVALID_VALUE recorded) if none. */
static uint32_t label_sync(struct gl_enc *e, const void *ptr)
{
	uintptr_t v = (uintptr_t)ptr;
	uint32_t name = v && v <= UINT32_MAX ? (uint32_t)v : 0;
	if (!name || !gl_enc_name_known(e, GL_NAMES_SYNC, name)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return 0;
	}
	return name;
}

/* Wire (gpuhost/gl/debug.c): u32 sync, blob label (GL_BLOB_NULL: none). */
static void ptr_label(uint32_t op, const void *ptr, GLsizei length, const GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	uint32_t sync = e ? label_sync(e, ptr) : 0;
	if (!sync)
		return;
	GLsizei n = label ? text_length(e, length, label, d->max_label) : 0;
	if (n < 0)
		return;
	uint8_t *p = gl_enc_begin(e, op, 4 + ge_blob_size((uint32_t)n));
	if (!p)
		return;
	p = ge_put_u32(p, sync);
	if (label)
		ge_put_blob(p, label, (uint32_t)n);
	else
		ge_put_u32(p, GL_BLOB_NULL);
	gl_enc_end(e);
}

void GL_APIENTRY gl_enc_special_glObjectPtrLabelKHR(const void *ptr, GLsizei length,
                                                    const GLchar *label)
{
	ptr_label(GLES_OP_glObjectPtrLabelKHR, ptr, length, label);
}

void GL_APIENTRY gl_enc_special_glObjectPtrLabel(const void *ptr, GLsizei length,
                                                 const GLchar *label)
{
	ptr_label(GLES_OP_glObjectPtrLabel, ptr, length, label);
}

/* Wire: u32 sync, u32 the label's capacity, u32 1 if the length is wanted.
 * Reply: u32 length, blob of the label with its NUL. */
static void get_ptr_label(uint32_t op, const void *ptr, GLsizei size, GLsizei *length,
                          GLchar *label)
{
	struct ge_debug *d;
	struct gl_enc *e = begin(op, &d);
	uint32_t sync = e ? label_sync(e, ptr) : 0;
	if (!sync)
		return;
	if (size < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint32_t cap = !label ? 0 : (uint32_t)size > d->max_label ? d->max_label : (uint32_t)size;
	uint8_t *p = gl_enc_begin(e, op, 12);
	if (!p)
		return;
	p = ge_put_u32(p, sync);
	p = ge_put_u32(p, cap);
	ge_put_u32(p, length != NULL);
	gl_enc_end(e);
	uint32_t n;
	const uint8_t *r = gl_enc_reply(e, op, &n);
	uint32_t head[2];
	if (!r)
		return;
	memcpy(head, r, n >= 8 ? 8 : 0);
	if (n < 8 || head[1] > cap || (cap && !head[1]) || n != 8 + ((head[1] + 3u) & ~3u) ||
	    (head[1] && r[8 + head[1] - 1] != 0)) {
		ge_stream_lose(e, "malformed object label");
		return;
	}
	if (length)
		*length = (GLsizei)head[0];
	if (label && cap)
		memcpy(label, r + 8, head[1]);
}

void GL_APIENTRY gl_enc_special_glGetObjectPtrLabelKHR(const void *ptr, GLsizei size,
                                                       GLsizei *length, GLchar *label)
{
	get_ptr_label(GLES_OP_glGetObjectPtrLabelKHR, ptr, size, length, label);
}

void GL_APIENTRY gl_enc_special_glGetObjectPtrLabel(const void *ptr, GLsizei size, GLsizei *length,
                                                    GLchar *label)
{
	get_ptr_label(GLES_OP_glGetObjectPtrLabel, ptr, size, length, label);
}
