/*
 * Fake runtimes for test-gles-codec: the app side's stream (bytes into
 * memory, sync replies answered by running the host side in the same
 * process), the host side's executor (name maps, replies), stubs for the
 * hand-written specials and hooks, and recording fake host GL functions.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gles-fakes.h"

int failures;

/* ---- Fake app-side runtime ---- */

struct gl_enc enc;
bool have_context = true;

struct gl_enc *gl_enc_current(void)
{
	return have_context ? &enc : NULL;
}

uint32_t fake_api = GL_API_GLES2;
uint32_t fake_version;

/* The fake context has everything the codec streams for fake_api. */
static const struct gles_level *fake_level(void)
{
	static struct gles_level l;
	l.api = fake_api;
	l.version = fake_version ? fake_version : gles_streamed_version[fake_api];
	/* Desktop GL is streamed in steps (pending commands): its context is the
	 * table's version, as the host's test knob offers it. */
	if (!l.version && fake_api == GL_API_GL_CORE)
		l.version = GL_VERSION_CODE(4, 5);
	memset(l.exts, 0xff, sizeof(l.exts));
	return &l;
}

struct gl_enc *gl_enc_current_op(uint32_t op)
{
	if (!have_context)
		return NULL;
	if (!gles_level_has(fake_level(), op)) {
		gl_enc_error(&enc, GL_INVALID_OPERATION);
		return NULL;
	}
	return &enc;
}

uint8_t *gl_enc_begin(struct gl_enc *e, uint32_t op, uint32_t payload)
{
	if (e->lost || e->len + 8 + payload > sizeof(e->buf))
		return NULL;
	struct gl_cmd h = {8 + payload, op};
	memcpy(e->buf + e->len, &h, 8);
	uint8_t *p = e->buf + e->len + 8;
	e->len += 8 + payload;
	return p;
}

/* The direct blob's bytes land where the stream would put them: the
 * command's layout is the same either way (the real runtime, which writes
 * them from the app's memory, runs in the gl-upload tests over TCP). */
uint8_t *gl_enc_begin_direct(struct gl_enc *e, uint32_t op, uint32_t payload, uint32_t direct)
{
	e->direct_blobs += direct != 0;
	return gl_enc_begin(e, op, payload);
}

uint8_t *gl_enc_write_direct(struct gl_enc *e, uint8_t *p, const void *data, uint32_t n)
{
	return gles_wr_blob(p, data, n);
}

void gl_enc_end(struct gl_enc *e)
{
}

void gl_enc_flush(struct gl_enc *e)
{
	e->flushes++;
}

void gl_enc_error(struct gl_enc *e, uint32_t gl_error)
{
	if (!e->error)
		e->error = gl_error;
}

const struct gl_pixel_state *gl_enc_pixel_state(struct gl_enc *e)
{
	return &e->ps;
}

void gl_enc_names_gen(struct gl_enc *e, enum gl_name_class cls, uint32_t n, uint32_t *names)
{
	for (uint32_t i = 0; i < n; i++) {
		names[i] = e->next_name++;
		e->known[cls][names[i]] = true;
	}
}

bool gl_enc_name_known(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	return name < MAX_NAMES && e->known[cls][name];
}

void gl_enc_name_add(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	if (name < MAX_NAMES)
		e->known[cls][name] = true;
}

bool gl_enc_compat(struct gl_enc *e)
{
	(void)e;
	return fake_api == GL_API_GL_COMPAT;
}

bool gl_enc_core(struct gl_enc *e)
{
	(void)e;
	return fake_api == GL_API_GL_CORE;
}

void gl_enc_name_remove(struct gl_enc *e, enum gl_name_class cls, uint32_t name)
{
	if (name < MAX_NAMES)
		e->known[cls][name] = false;
}

/* ---- Fake host runtime ---- */

struct gl_exec ex;
bool host_context = true;

bool gl_exec_fail(struct gl_exec *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(x->reason, sizeof(x->reason), fmt, ap);
	va_end(ap);
	x->failed = true;
	return false;
}

uint32_t gl_exec_errors_begin(struct gl_exec *x)
{
	(void)x;
	return 0;
}

bool gl_exec_errors_raised(struct gl_exec *x, uint32_t before)
{
	(void)before;
	return x->query_fails;
}

const struct gl_pixel_state *gl_exec_pixel_state(struct gl_exec *x)
{
	return &x->ps;
}

/* The codec tests' readers have no shared memory (gl_reader.shared NULL). */
const void *gl_exec_shared_blob(struct gl_exec *x, uint32_t n, uint64_t pos, bool in_place)
{
	gl_exec_fail(x, "no shared memory");
	return NULL;
}

bool gl_exec_map(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host)
{
	*host = 0;
	if (app == 0)
		return true;
	if (app >= MAX_NAMES || !x->map[cls][app])
		return gl_exec_fail(x, "unknown name %u", app);
	*host = x->map[cls][app];
	return true;
}

bool gl_exec_map_query(struct gl_exec *x, enum gl_name_class cls, uint32_t app, uint32_t *host)
{
	*host = app && app < MAX_NAMES ? x->map[cls][app] : 0;
	return true;
}

bool gl_exec_names_add(struct gl_exec *x, enum gl_name_class cls, uint32_t n, const uint32_t *app,
                       const uint32_t *host)
{
	for (uint32_t i = 0; i < n; i++) {
		if (!app[i] || app[i] >= MAX_NAMES || x->map[cls][app[i]])
			return gl_exec_fail(x, "bad new name %u", app[i]);
		x->map[cls][app[i]] = host[i];
	}
	return true;
}

void gl_exec_names_remove(struct gl_exec *x, enum gl_name_class cls, uint32_t n,
                          const uint32_t *app, uint32_t *host)
{
	for (uint32_t i = 0; i < n; i++) {
		host[i] = app[i] && app[i] < MAX_NAMES ? x->map[cls][app[i]] : 0;
		if (app[i] && app[i] < MAX_NAMES)
			x->map[cls][app[i]] = 0;
	}
}

uint8_t *gl_exec_reply(struct gl_exec *x, uint32_t payload)
{
	if (payload > sizeof(x->reply)) {
		gl_exec_fail(x, "reply too big");
		return NULL;
	}
	x->reply_size = payload;
	x->replied = true;
	memset(x->reply, 0xcc, payload); /* the decoder must fill all of it */
	return x->reply;
}

bool gl_exec_context_has(struct gl_exec *x, uint32_t op)
{
	return host_context && gles_level_has(fake_level(), op);
}

bool gl_exec_has_context(struct gl_exec *x)
{
	return host_context;
}

uint32_t names_left = UINT32_MAX;

bool gl_exec_names_reserve(struct gl_exec *x, enum gl_name_class cls, uint32_t n)
{
	if (n > names_left)
		return gl_exec_fail(x, "names quota: %u more", n);
	names_left -= names_left == UINT32_MAX ? 0 : n;
	return true;
}

uint32_t last_op;

bool host_run(const uint8_t *cmd, uint32_t size)
{
	struct gl_cmd h;
	memcpy(&h, cmd, 8);
	struct gl_reader r = {.p = cmd + 8, .left = size - 8};
	last_op = h.op;
	ex.replied = false;
	ex.failed = false;
	ex.reason[0] = 0;
	bool ok = gles_decode(&ex, h.op, &r);
	CHECK(ok != ex.failed);
	return ok;
}

bool host_drain(void)
{
	while (enc.decoded < enc.len) {
		struct gl_cmd h;
		memcpy(&h, enc.buf + enc.decoded, 8);
		if (!host_run(enc.buf + enc.decoded, h.size)) {
			fprintf(stderr, "host refused %s: %s\n", gles_command_name(h.op),
			        ex.reason);
			return false;
		}
		enc.decoded += h.size;
	}
	return true;
}

const uint8_t *gl_enc_reply(struct gl_enc *e, uint32_t op, uint32_t *size)
{
	e->replies++;
	if (e->canned) {
		*size = e->canned_size;
		return e->canned;
	}
	if (!host_drain() || !ex.replied || last_op != op)
		return NULL;
	*size = ex.reply_size;
	return ex.reply;
}

/* ---- Hand-written symbols the generated code needs: stubs ---- */

unsigned client_specials, host_specials;
int hook_calls;

CLIENT_SPECIAL(const GLubyte *, glGetString, (GLenum name), NULL)
CLIENT_SPECIAL(GLenum, glGetError, (void), 0)
CLIENT_SPECIAL(void, glGetIntegerv, (GLenum pname, GLint *data), )
CLIENT_SPECIAL(void, glGetFloatv, (GLenum pname, GLfloat *data), )
CLIENT_SPECIAL(void, glGetBooleanv, (GLenum pname, GLboolean *data), )
CLIENT_SPECIAL(void, glGetVertexAttribPointerv, (GLuint index, GLenum pname, void **pointer), )
CLIENT_SPECIAL(void, glGetBufferPointervOES, (GLenum target, GLenum pname, void **params), )
CLIENT_SPECIAL(void *, glMapBufferOES, (GLenum target, GLenum access), NULL)
CLIENT_SPECIAL(GLboolean, glUnmapBufferOES, (GLenum target), 0)
CLIENT_SPECIAL(void *, glMapBufferRangeEXT,
               (GLenum target, GLintptr offset, GLsizeiptr length, GLbitfield access), NULL)
CLIENT_SPECIAL(void, glFlushMappedBufferRangeEXT,
               (GLenum target, GLintptr offset, GLsizeiptr length), )
CLIENT_SPECIAL(void, glVertexAttribPointer,
               (GLuint index, GLint size, GLenum type, GLboolean normalized, GLsizei stride,
                const void *pointer), )
CLIENT_SPECIAL(void, glDrawArrays, (GLenum mode, GLint first, GLsizei count), )
CLIENT_SPECIAL(void, glDrawElements,
               (GLenum mode, GLsizei count, GLenum type, const void *indices), )
CLIENT_SPECIAL(void, glShaderSource,
               (GLuint shader, GLsizei count, const GLchar *const *string, const GLint *length), )
CLIENT_SPECIAL(void, glEGLImageTargetTexture2DOES, (GLenum target, GLeglImageOES image), )
CLIENT_SPECIAL(void, glEGLImageTargetRenderbufferStorageOES, (GLenum target, GLeglImageOES image), )
CLIENT_SPECIAL(void, glPixelStorei, (GLenum pname, GLint param), )
CLIENT_SPECIAL(void, glVertexPointer,
               (GLint size, GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glColorPointer,
               (GLint size, GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glTexCoordPointer,
               (GLint size, GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glNormalPointer, (GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glPointSizePointerOES, (GLenum type, GLsizei stride, const void *pointer), )
CLIENT_SPECIAL(void, glGetPointerv, (GLenum pname, void **params), )
CLIENT_SPECIAL(void, glGetFixedv, (GLenum pname, GLfixed *params), )

void gl_enc_hook_glEnableClientState(struct gl_enc *e, GLenum array)
{
	hook_calls++;
}
void gl_enc_hook_glDisableClientState(struct gl_enc *e, GLenum array)
{
	hook_calls++;
}
void gl_enc_hook_glClientActiveTexture(struct gl_enc *e, GLenum texture)
{
	hook_calls++;
}

void gl_enc_hook_glBindBuffer(struct gl_enc *e, GLenum target, GLuint buffer)
{
	hook_calls++;
}
void gl_enc_hook_glBindVertexArrayOES(struct gl_enc *e, GLuint array)
{
	hook_calls++;
}
void gl_enc_hook_glDeleteBuffers(struct gl_enc *e, GLsizei n, const GLuint *buffers)
{
	hook_calls++;
}
void gl_enc_hook_glDeleteVertexArraysOES(struct gl_enc *e, GLsizei n, const GLuint *arrays)
{
	hook_calls++;
}
void gl_enc_hook_glEnableVertexAttribArray(struct gl_enc *e, GLuint index)
{
	hook_calls++;
}
void gl_enc_hook_glDisableVertexAttribArray(struct gl_enc *e, GLuint index)
{
	hook_calls++;
}
void gl_enc_hook_glBufferData(struct gl_enc *e, GLenum target, GLsizeiptr size, const void *data,
                              GLenum usage)
{
	hook_calls += 100;
}

HOST_SPECIAL(glDrawArrays)
HOST_SPECIAL(glDrawElements)
HOST_SPECIAL(glVertexAttribPointer)
HOST_SPECIAL(glShaderSource)
HOST_SPECIAL(glEGLImageTargetTexture2DOES)
HOST_SPECIAL(glEGLImageTargetRenderbufferStorageOES)
HOST_SPECIAL(glGetIntegerv)
HOST_SPECIAL(glGetVertexAttribiv)
HOST_SPECIAL(glGetFramebufferAttachmentParameteriv)
HOST_SPECIAL(glGetAttachedShaders)
HOST_SPECIAL(glGetUniformfv)
HOST_SPECIAL(glGetUniformiv)
HOST_SPECIAL(glReadPixels)

/* The executor answers its own errors first; the fake has none. */
bool gl_exec_special_glGetError(struct gl_exec *x, struct gl_reader *r)
{
	host_specials++;
	if (!gles_reader_end(x, r, "glGetError"))
		return false;
	uint8_t *p = gl_exec_reply(x, 4);
	if (p)
		gles_wr_u32(p, gles_host.glGetError());
	return p != NULL;
}

/* Guards: each answers guard_answer and counts its calls. */
enum gl_guard guard_answer = GL_GUARD_CALL;
int guard_calls;

enum gl_guard fake_guard(struct gl_exec *x)
{
	guard_calls++;
	if (guard_answer == GL_GUARD_FAIL)
		gl_exec_fail(x, "refused by the guard");
	return guard_answer;
}
enum gl_guard gl_exec_guard_glBufferData(struct gl_exec *x, GLenum target, GLsizeiptr size,
                                         const void *data, GLenum usage)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                         GLint internalformat, GLsizei width, GLsizei height,
                                         GLint border, GLenum format, GLenum type,
                                         const void *pixels)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCopyTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                             GLenum internalformat, GLint px, GLint py,
                                             GLsizei width, GLsizei height, GLint border)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexImage2D(struct gl_exec *x, GLenum target, GLint level,
                                                   GLenum internalformat, GLsizei width,
                                                   GLsizei height, GLint border, GLsizei imageSize,
                                                   const void *data)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glCompressedTexSubImage2D(struct gl_exec *x, GLenum target, GLint level,
                                                      GLint xoffset, GLint yoffset, GLsizei width,
                                                      GLsizei height, GLenum format,
                                                      GLsizei imageSize, const void *data)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glGenerateMipmap(struct gl_exec *x, GLenum target)
{
	return fake_guard(x);
}
enum gl_guard gl_exec_guard_glRenderbufferStorage(struct gl_exec *x, GLenum target,
                                                  GLenum internalformat, GLsizei width,
                                                  GLsizei height)
{
	return fake_guard(x);
}

bool gl_exec_hook_glPixelStorei(struct gl_exec *x, GLenum pname, GLint param)
{
	if (pname == GL_UNPACK_ALIGNMENT)
		x->ps.unpack_alignment = param;
	else
		x->ps.pack_alignment = param;
	return true;
}
GLuint host_deleted_app[8];
bool gl_exec_hook_glDeleteBuffers(struct gl_exec *x, GLsizei n, const GLuint *buffers,
                                  const GLuint *app_buffers)
{
	for (GLsizei i = 0; i < n && i < 8; i++)
		host_deleted_app[i] = app_buffers[i];
	return true;
}
int host_buffer_data_hooks;
bool gl_exec_hook_glBufferData(struct gl_exec *x, GLenum target, GLsizeiptr size, const void *data,
                               GLenum usage)
{
	host_buffer_data_hooks++;
	return true;
}
bool gl_exec_hook_glBufferSubData(struct gl_exec *x, GLenum target, GLintptr offset,
                                  GLsizeiptr size, const void *data)
{
	if (size == 13) /* one size is refused: a hook can end the link */
		return gl_exec_fail(x, "glBufferSubData: refused by the hook");
	return true;
}

/* Vertex-state hooks the executor uses to validate draws: nothing to
 * check in the codec test. */
bool gl_exec_hook_glBindBuffer(struct gl_exec *x, GLenum target, GLuint buffer, GLuint app_buffer)
{
	return true;
}
bool gl_exec_hook_glBindVertexArrayOES(struct gl_exec *x, GLuint array, GLuint app_array)
{
	return true;
}
bool gl_exec_hook_glEnableVertexAttribArray(struct gl_exec *x, GLuint index)
{
	return true;
}
bool gl_exec_hook_glDisableVertexAttribArray(struct gl_exec *x, GLuint index)
{
	return true;
}

/* OpenGL ES 1's array hooks: a pointer is an offset; 13 is refused, as
 * the executor refuses one with no buffer bound. */
#define FF_POINTER_HOOK(name, args, ptr)                                                           \
	bool gl_exec_hook_##name args                                                              \
	{                                                                                          \
		if ((uintptr_t)(ptr) == 13)                                                        \
			return gl_exec_fail(x, #name ": refused by the hook");                     \
		return true;                                                                       \
	}
FF_POINTER_HOOK(glVertexPointer,
                (struct gl_exec * x, GLint size, GLenum type, GLsizei stride, const void *pointer),
                pointer)
FF_POINTER_HOOK(glColorPointer,
                (struct gl_exec * x, GLint size, GLenum type, GLsizei stride, const void *pointer),
                pointer)
FF_POINTER_HOOK(glTexCoordPointer,
                (struct gl_exec * x, GLint size, GLenum type, GLsizei stride, const void *pointer),
                pointer)
FF_POINTER_HOOK(glNormalPointer,
                (struct gl_exec * x, GLenum type, GLsizei stride, const void *pointer), pointer)
FF_POINTER_HOOK(glPointSizePointerOES,
                (struct gl_exec * x, GLenum type, GLsizei stride, const void *pointer), pointer)
bool gl_exec_hook_glEnableClientState(struct gl_exec *x, GLenum array)
{
	return true;
}
bool gl_exec_hook_glDisableClientState(struct gl_exec *x, GLenum array)
{
	return true;
}
bool gl_exec_hook_glClientActiveTexture(struct gl_exec *x, GLenum texture)
{
	return true;
}

/* Host wraps: straight to the fake GL (a window's front buffer, gpuhost/gl/front.c, has no
 * part here). */
bool gl_exec_wrap_glClear(struct gl_exec *x, GLbitfield mask)
{
	gles_host.glClear(mask);
	return true;
}
bool gl_exec_wrap_glDrawBuffer(struct gl_exec *x, GLenum buf)
{
	gles_host.glDrawBuffer(buf);
	return true;
}
bool gl_exec_wrap_glDrawBuffers(struct gl_exec *x, GLsizei n, const GLenum *bufs)
{
	gles_host.glDrawBuffers(n, bufs);
	return true;
}
bool gl_exec_wrap_glReadBuffer(struct gl_exec *x, GLenum src)
{
	gles_host.glReadBuffer(src);
	return true;
}

/* Host wraps: straight to the fake GL, as if every shader passed its check. */
bool gl_exec_wrap_glCompileShader(struct gl_exec *x, GLuint shader, GLuint app_shader)
{
	gles_host.glCompileShader(shader);
	return true;
}
bool gl_exec_wrap_glGetShaderiv(struct gl_exec *x, GLuint shader, GLenum pname, GLint *params,
                                GLuint app_shader)
{
	gles_host.glGetShaderiv(shader, pname, params);
	return true;
}
bool gl_exec_wrap_glGetShaderInfoLog(struct gl_exec *x, GLuint shader, GLsizei bufSize,
                                     GLsizei *length, GLchar *infoLog, GLuint app_shader)
{
	gles_host.glGetShaderInfoLog(shader, bufSize, length, infoLog);
	return true;
}
/* Shaders deleted while attached (proxy/gl/gles-attach.c, gpuhost/gl/shader-attach.c): here
 * the wire commands alone, and a deleted shader's name forgotten on both sides at once. */
bool gl_exec_wrap_glDeleteShader(struct gl_exec *x, GLuint shader, GLuint app_shader)
{
	gles_host.glDeleteShader(shader);
	uint32_t host;
	gl_exec_names_remove(x, GL_NAMES_SHADER, 1, &app_shader, &host);
	return true;
}
bool gl_exec_wrap_glAttachShader(struct gl_exec *x, GLuint program, GLuint shader,
                                 GLuint app_program, GLuint app_shader)
{
	gles_host.glAttachShader(program, shader);
	return true;
}
bool gl_exec_wrap_glDetachShader(struct gl_exec *x, GLuint program, GLuint shader,
                                 GLuint app_program, GLuint app_shader)
{
	gles_host.glDetachShader(program, shader);
	return true;
}
void gl_enc_hook_glCreateShader(struct gl_enc *e, GLenum type, GLuint name)
{
}
void gl_enc_hook_glDetachShader(struct gl_enc *e, GLuint program, GLuint shader)
{
}
void GL_APIENTRY gl_enc_special_glAttachShader(GLuint program, GLuint shader)
{
	gl_enc_glAttachShader(program, shader);
}
void GL_APIENTRY gl_enc_special_glDeleteShader(GLuint shader)
{
	gl_enc_glDeleteShader(shader);
	struct gl_enc *e = gl_enc_current();
	if (e && shader)
		gl_enc_name_remove(e, GL_NAMES_SHADER, shader);
}
bool gl_exec_wrap_glLinkProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	gles_host.glLinkProgram(program);
	return true;
}
bool gl_exec_wrap_glUseProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	gles_host.glUseProgram(program);
	return true;
}
/* Programs deleted in use (proxy/gl/gles-programs.c, gpuhost/gl/program-use.c):
 * here the wire command alone, and the name forgotten on both sides at once. */
void gl_enc_hook_glUseProgram(struct gl_enc *e, GLuint program)
{
}
void gl_enc_hook_glLinkProgram(struct gl_enc *e, GLuint program)
{
}
/* The array state of client-memory attributes (proxy/gl/gles-attrib-query.c): here the
 * host's answer stands. */
void gl_enc_hook_glGetVertexAttribiv(struct gl_enc *e, GLuint index, GLenum pname, GLint *params)
{
}
void gl_enc_hook_glGetVertexAttribfv(struct gl_enc *e, GLuint index, GLenum pname, GLfloat *params)
{
}
void gl_enc_hook_glGetVertexAttribIiv(struct gl_enc *e, GLuint index, GLenum pname, GLint *params)
{
}
void gl_enc_hook_glGetVertexAttribIuiv(struct gl_enc *e, GLuint index, GLenum pname, GLuint *params)
{
}
/* The library answers some lookups from what it kept (proxy/gl/gles-locations.c); the
 * codec's tests send each one. */
GLint GL_APIENTRY gl_enc_special_glGetUniformLocation(GLuint program, const GLchar *name)
{
	return gl_enc_glGetUniformLocation(program, name);
}
GLint GL_APIENTRY gl_enc_special_glGetAttribLocation(GLuint program, const GLchar *name)
{
	return gl_enc_glGetAttribLocation(program, name);
}
void GL_APIENTRY gl_enc_special_glDeleteProgram(GLuint program)
{
	gl_enc_glDeleteProgram(program);
	struct gl_enc *e = gl_enc_current();
	if (e && program)
		gl_enc_name_remove(e, GL_NAMES_PROGRAM, program);
}
bool gl_exec_wrap_glDeleteProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	gles_host.glDeleteProgram(program);
	uint32_t host;
	gl_exec_names_remove(x, GL_NAMES_PROGRAM, 1, &app_program, &host);
	return true;
}
bool gl_exec_wrap_glGetProgramiv(struct gl_exec *x, GLuint program, GLenum pname, GLint *params,
                                 GLuint app_program)
{
	gles_host.glGetProgramiv(program, pname, params);
	return true;
}
bool gl_exec_wrap_glGetProgramInfoLog(struct gl_exec *x, GLuint program, GLsizei bufSize,
                                      GLsizei *length, GLchar *infoLog, GLuint app_program)
{
	gles_host.glGetProgramInfoLog(program, bufSize, length, infoLog);
	return true;
}

/* Binding hooks the executor's GL memory records use. */
bool gl_exec_hook_glActiveTexture(struct gl_exec *x, GLenum texture)
{
	return true;
}
bool gl_exec_hook_glBindTexture(struct gl_exec *x, GLenum target, GLuint texture,
                                GLuint app_texture)
{
	return true;
}
bool gl_exec_hook_glBindRenderbuffer(struct gl_exec *x, GLenum target, GLuint renderbuffer,
                                     GLuint app_renderbuffer)
{
	return true;
}
bool gl_exec_hook_glBindFramebuffer(struct gl_exec *x, GLenum target, GLuint framebuffer,
                                    GLuint app_framebuffer)
{
	return true;
}
bool gl_exec_hook_glFramebufferTexture2D(struct gl_exec *x, GLenum target, GLenum attachment,
                                         GLenum textarget, GLuint texture, GLint level,
                                         GLuint app_texture)
{
	return true;
}
bool gl_exec_hook_glFramebufferRenderbuffer(struct gl_exec *x, GLenum target, GLenum attachment,
                                            GLenum renderbuffertarget, GLuint renderbuffer,
                                            GLuint app_renderbuffer)
{
	return true;
}

/* ---- Fake host GL: records what the real call would have got ---- */

struct rec rec;
GLuint next_host_name = 7000;

static void record(const char *fn)
{
	memset(&rec, 0, sizeof(rec));
	rec.fn = fn;
}

static void GL_APIENTRY fake_ClearColor(GLfloat r, GLfloat g, GLfloat b, GLfloat a)
{
	record("glClearColor");
	rec.f[0] = r, rec.f[1] = g, rec.f[2] = b, rec.f[3] = a;
}
static void GL_APIENTRY fake_Clear(GLbitfield mask)
{
	record("glClear");
	rec.e[0] = mask;
}
static void GL_APIENTRY fake_GenTextures(GLsizei n, GLuint *t)
{
	record("glGenTextures");
	rec.n = n;
	for (GLsizei i = 0; i < n; i++)
		t[i] = next_host_name++;
}
static void GL_APIENTRY fake_GenBuffers(GLsizei n, GLuint *t)
{
	fake_GenTextures(n, t);
	rec.fn = "glGenBuffers";
}
static void GL_APIENTRY fake_DeleteTextures(GLsizei n, const GLuint *t)
{
	record("glDeleteTextures");
	rec.n = n;
	for (GLsizei i = 0; i < n && i < 8; i++)
		rec.names[i] = t[i];
}
static void GL_APIENTRY fake_DeleteBuffers(GLsizei n, const GLuint *t)
{
	fake_DeleteTextures(n, t);
	rec.fn = "glDeleteBuffers";
}
static void GL_APIENTRY fake_BindTexture(GLenum target, GLuint t)
{
	record("glBindTexture");
	rec.e[0] = target, rec.names[0] = t;
}
static void GL_APIENTRY fake_BindBuffer(GLenum target, GLuint t)
{
	record("glBindBuffer");
	rec.e[0] = target, rec.names[0] = t;
}
static void GL_APIENTRY fake_TexImage2D(GLenum target, GLint level, GLint internalformat,
                                        GLsizei width, GLsizei height, GLint border, GLenum format,
                                        GLenum type, const void *pixels)
{
	record("glTexImage2D");
	rec.i[0] = width, rec.i[1] = height, rec.e[0] = format, rec.e[1] = type;
	rec.null_ptr = !pixels;
	if (pixels)
		memcpy(rec.data, pixels, rec.data_len = 18); /* the test sends 3x2 RGB */
}
static void GL_APIENTRY fake_Uniform4fv(GLint location, GLsizei count, const GLfloat *v)
{
	record("glUniform4fv");
	rec.i[0] = location, rec.n = count;
	memcpy(rec.f, v, 16);
}
static void GL_APIENTRY fake_BufferData(GLenum target, GLsizeiptr size, const void *data,
                                        GLenum usage)
{
	record("glBufferData");
	rec.big[0] = size, rec.e[0] = usage, rec.null_ptr = !data;
	if (data && size <= 256)
		memcpy(rec.data, data, rec.data_len = (uint32_t)size);
}
static void GL_APIENTRY fake_BufferSubData(GLenum target, GLintptr offset, GLsizeiptr size,
                                           const void *data)
{
	record("glBufferSubData");
	rec.big[0] = offset, rec.big[1] = size;
}
static GLuint GL_APIENTRY fake_CreateProgram(void)
{
	record("glCreateProgram");
	return next_host_name++;
}
static GLuint GL_APIENTRY fake_CreateShader(GLenum type)
{
	record("glCreateShader");
	rec.e[0] = type;
	return next_host_name++;
}
static void GL_APIENTRY fake_AttachShader(GLuint p, GLuint s)
{
	record("glAttachShader");
	rec.names[0] = p, rec.names[1] = s;
}
static void GL_APIENTRY fake_GetShaderInfoLog(GLuint s, GLsizei bufSize, GLsizei *length,
                                              GLchar *log)
{
	record("glGetShaderInfoLog");
	rec.names[0] = s;
	snprintf(log, (size_t)bufSize, "0:1 error");
	if (length)
		*length = (GLsizei)strlen(log);
}
static void GL_APIENTRY fake_GetShaderPrecisionFormat(GLenum st, GLenum pt, GLint *range,
                                                      GLint *precision)
{
	record("glGetShaderPrecisionFormat");
	range[0] = 127, range[1] = 126, *precision = 23;
}
static GLboolean GL_APIENTRY fake_IsTexture(GLuint t)
{
	record("glIsTexture");
	rec.names[0] = t;
	return t != 0;
}
static GLint GL_APIENTRY fake_GetAttribLocation(GLuint p, const GLchar *name)
{
	record("glGetAttribLocation");
	rec.names[0] = p;
	snprintf((char *)rec.data, sizeof(rec.data), "%s", name);
	return 3;
}
static void GL_APIENTRY fake_GetTexParameteriv(GLenum target, GLenum pname, GLint *params)
{
	record("glGetTexParameteriv");
	params[0] = GL_LINEAR;
}
static void GL_APIENTRY fake_Finish(void)
{
	record("glFinish");
}
void GL_APIENTRY fake_Flush(void)
{
	record("glFlush");
}
static GLenum GL_APIENTRY fake_GetError(void)
{
	record("glGetError");
	return GL_OUT_OF_MEMORY;
}
static void GL_APIENTRY fake_DiscardFramebufferEXT(GLenum target, GLsizei n, const GLenum *a)
{
	record("glDiscardFramebufferEXT");
	rec.n = n;
	memcpy(rec.e, a, (size_t)n * 4);
}
static void GL_APIENTRY fake_VertexAttrib4fv(GLuint index, const GLfloat *v)
{
	record("glVertexAttrib4fv");
	rec.i[0] = (GLint)index;
	memcpy(rec.f, v, 16);
}
static void GL_APIENTRY fake_PixelStorei(GLenum pname, GLint param)
{
	record("glPixelStorei");
	rec.e[0] = pname, rec.i[0] = param;
}
static void GL_APIENTRY fake_ColorMask(GLboolean r, GLboolean g, GLboolean b, GLboolean a)
{
	record("glColorMask");
	rec.i[0] = r, rec.i[1] = g, rec.i[2] = b, rec.i[3] = a;
}
/* OpenGL ES 1.1. */
static void GL_APIENTRY fake_Lightfv(GLenum light, GLenum pname, const GLfloat *params)
{
	record("glLightfv");
	rec.e[0] = light, rec.e[1] = pname;
	rec.data_len = (uint32_t)gl_bytes(gl_light_count(pname), 4);
	memcpy(rec.data, params, rec.data_len);
}
static void GL_APIENTRY fake_Translatex(GLfixed x, GLfixed y, GLfixed z)
{
	record("glTranslatex");
	rec.i[0] = x, rec.i[1] = y, rec.i[2] = z;
}
static void GL_APIENTRY fake_Color4ub(GLubyte r, GLubyte g, GLubyte b, GLubyte a)
{
	record("glColor4ub");
	rec.i[0] = r, rec.i[1] = g, rec.i[2] = b, rec.i[3] = a;
}
static void GL_APIENTRY fake_LoadMatrixx(const GLfixed *m)
{
	record("glLoadMatrixx");
	rec.data_len = 64;
	memcpy(rec.data, m, 64);
}
static void GL_APIENTRY fake_GetFixedv(GLenum pname, GLfixed *params)
{
	record("glGetFixedv");
	rec.e[0] = pname;
	for (int64_t i = 0; i < gl_get_count(pname); i++)
		params[i] = (GLfixed)(i + 1) << 16;
}
static void GL_APIENTRY fake_VertexPointer(GLint size, GLenum type, GLsizei stride,
                                           const void *pointer)
{
	record("glVertexPointer");
	rec.i[0] = size, rec.e[0] = type, rec.i[1] = stride;
	rec.big[0] = (int64_t)(uintptr_t)pointer;
}

static void GL_APIENTRY unused_fn(void)
{
	abort();
}

/* Every name resolves except the OES VAO ones, which resolve only under
 * their core alias: checks the fallback. */
const char *asked_alias;
void *fake_getproc(const char *name)
{
	if (strcmp(name, "glBindVertexArrayOES") == 0)
		return NULL;
	if (strcmp(name, "glBindVertexArray") == 0) {
		asked_alias = name;
		return (void *)fake_Flush;
	}
	return (void *)unused_fn;
}

void *missing_getproc(const char *name)
{
	if (strcmp(name, "glStencilOp") == 0 || strcmp(name, "glMapBufferOES") == 0 ||
	    strcmp(name, "glMapBuffer") == 0)
		return NULL;
	return (void *)unused_fn;
}

void install_fakes(void)
{
	gles_host.glClearColor = fake_ClearColor;
	gles_host.glClear = fake_Clear;
	gles_host.glGenTextures = fake_GenTextures;
	gles_host.glGenBuffers = fake_GenBuffers;
	gles_host.glDeleteTextures = fake_DeleteTextures;
	gles_host.glDeleteBuffers = fake_DeleteBuffers;
	gles_host.glBindTexture = fake_BindTexture;
	gles_host.glBindBuffer = fake_BindBuffer;
	gles_host.glTexImage2D = fake_TexImage2D;
	gles_host.glUniform4fv = fake_Uniform4fv;
	gles_host.glBufferData = fake_BufferData;
	gles_host.glBufferSubData = fake_BufferSubData;
	gles_host.glCreateProgram = fake_CreateProgram;
	gles_host.glCreateShader = fake_CreateShader;
	gles_host.glAttachShader = fake_AttachShader;
	gles_host.glGetShaderInfoLog = fake_GetShaderInfoLog;
	gles_host.glGetShaderPrecisionFormat = fake_GetShaderPrecisionFormat;
	gles_host.glIsTexture = fake_IsTexture;
	gles_host.glGetAttribLocation = fake_GetAttribLocation;
	gles_host.glGetTexParameteriv = fake_GetTexParameteriv;
	gles_host.glFinish = fake_Finish;
	gles_host.glFlush = fake_Flush;
	gles_host.glGetError = fake_GetError;
	gles_host.glDiscardFramebufferEXT = fake_DiscardFramebufferEXT;
	gles_host.glVertexAttrib4fv = fake_VertexAttrib4fv;
	gles_host.glPixelStorei = fake_PixelStorei;
	gles_host.glColorMask = fake_ColorMask;
	gles_host.glLightfv = fake_Lightfv;
	gles_host.glTranslatex = fake_Translatex;
	gles_host.glColor4ub = fake_Color4ub;
	gles_host.glLoadMatrixx = fake_LoadMatrixx;
	gles_host.glGetFixedv = fake_GetFixedv;
	gles_host.glVertexPointer = fake_VertexPointer;
}
