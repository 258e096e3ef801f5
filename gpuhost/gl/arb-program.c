/*
 * ARB_vertex_program/ARB_fragment_program's program text (compatibility
 * contexts): glProgramStringARB passes the host's check of the text
 * (arb-program-check.h) before the driver sees a byte of it, with the
 * driver's limits, queried once per context. A text the check refuses is
 * the app's GL_INVALID_OPERATION with the checker's error position and
 * string, as a driver reports them (the link stays up: a wrong program is
 * an ordinary outcome); one it takes goes to the driver, which stays the
 * authority, and the driver's error position and string reach the app.
 *
 * Wire (proxy/gl/gl-arb-program.c):
 *   glProgramStringARB     u32 target, u32 format, blob text (len bytes);
 *                          reply u32 changed, i32 error position, blob error
 *                          string (no NUL; changed 0: the call was refused
 *                          before any compile, the app's copies stay).
 *   glGetProgramStringARB  u32 target, u32 pname; reply blob text (the
 *                          bound program's, empty where GL writes nothing).
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "arb-program-check.h"
#include "compat-trackers.h"
#include "context.h"
#include "gles-codec.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

#define VERTEX_PROGRAM_ 0x8620
#define FRAGMENT_PROGRAM_ 0x8804
#define PROGRAM_FORMAT_ASCII_ 0x8875
#define PROGRAM_LENGTH_ 0x8627
#define PROGRAM_STRING_ 0x8628
#define PROGRAM_BINDING_ 0x8677
#define PROGRAM_ERROR_POSITION_ 0x864B
#define PROGRAM_ERROR_STRING_ 0x8874
#define INVALID_ENUM_ 0x0500
#define INVALID_VALUE_ 0x0501
#define INVALID_OPERATION_ 0x0502

/* The most bytes of a driver's error string passed on (Mesa's are a line). */
#define MAX_ERROR_STRING 1024u

static bool has_ext(const struct gh_gl_context *ctx, const char *name)
{
	return gles_level_has_extension(&ctx->level, gles_extension_index(name));
}

static uint32_t program_limit(uint32_t target, uint32_t pname)
{
	GLint v = 0;
	gles_host.glGetProgramivARB(target, pname, &v);
	return v > 0 ? (uint32_t)v : 0;
}

static uint32_t integer_limit(uint32_t pname)
{
	GLint v = 0;
	gles_host.glGetIntegerv(pname, &v);
	return v > 0 ? (uint32_t)v : 0;
}

/* The limits of both targets, from the driver, once per context; the
 * OPTIONs are those of the extensions the app was offered. */
static void query_limits(struct gh_gl_context *ctx)
{
	static const uint32_t targets[2] = {VERTEX_PROGRAM_, FRAGMENT_PROGRAM_};
	unsigned options = 0;
	if (has_ext(ctx, "GL_ARB_fragment_program_shadow"))
		options |= GH_ARB_OPTION_FRAGMENT_PROGRAM_SHADOW;
	if (has_ext(ctx, "GL_ARB_draw_buffers"))
		options |= GH_ARB_OPTION_DRAW_BUFFERS;
	if (has_ext(ctx, "GL_ARB_fragment_coord_conventions"))
		options |= GH_ARB_OPTION_FRAGMENT_COORD_CONVENTIONS;
	if (has_ext(ctx, "GL_ARB_texture_rectangle") || has_ext(ctx, "GL_NV_texture_rectangle"))
		options |= GH_ARB_OPTION_TEXTURE_RECTANGLE;
	/* The app's errors first: the queries' own are dropped below. */
	gh_gl_errors_stash(ctx);
	for (int i = 0; i < 2; i++) {
		uint32_t t = targets[i];
		ctx->arb_program.limits[i] = (struct gh_arb_program_limits){
		        .instructions = program_limit(t, 0x88A1),
		        .temporaries = program_limit(t, 0x88A5),
		        .parameters = program_limit(t, 0x88A9),
		        .attribs = program_limit(t, 0x88AD),
		        .address_registers = program_limit(t, 0x88B1),
		        .local_parameters = program_limit(t, 0x88B4),
		        .env_parameters = program_limit(t, 0x88B5),
		        .vertex_attribs = integer_limit(0x8869),
		        .texture_coords = integer_limit(0x8871),
		        .texture_units = integer_limit(0x84E2),
		        .texture_image_units = integer_limit(0x8872),
		        .lights = integer_limit(0x0D31),
		        .clip_planes = integer_limit(0x0D32),
		        .program_matrices = integer_limit(0x862F),
		        .draw_buffers = integer_limit(0x8824),
		        .options = options,
		};
	}
	for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
		;
	ctx->arb_program.limits_known = true;
}

static bool reply_error(struct gl_exec *x, uint32_t changed, int32_t position, const char *text)
{
	size_t n = text ? strnlen(text, MAX_ERROR_STRING) : 0;
	uint8_t *p = gl_exec_reply(x, 12 + (((uint32_t)n + 3u) & ~3u));
	if (!p)
		return false;
	uint32_t head[3] = {changed, (uint32_t)position, (uint32_t)n};
	memcpy(p, head, 12);
	if (n)
		memcpy(p + 12, text, n);
	return true;
}

bool gl_exec_special_glProgramStringARB(struct gl_exec *x, struct gl_reader *r)
{
	uint32_t target = gl_rd_u32(r), format = gl_rd_u32(r), len = 0;
	const char *text = gl_rd_blob(r, &len);
	if (!gles_reader_end(x, r, "glProgramStringARB"))
		return false;
	if (len == GL_BLOB_NULL)
		return gh_gl_fail(x, "glProgramStringARB: no text");
	struct gh_gl_context *ctx = x->ctx;
	int which = target == VERTEX_PROGRAM_ ? 0 : target == FRAGMENT_PROGRAM_ ? 1 : -1;
	/* GL refuses these before looking at the text: the error state stays. */
	if (which < 0 || format != PROGRAM_FORMAT_ASCII_ ||
	    !has_ext(ctx, which ? "GL_ARB_fragment_program" : "GL_ARB_vertex_program")) {
		gh_gl_error_record(ctx, INVALID_ENUM_);
		return reply_error(x, 0, -1, NULL);
	}
	if (!ctx->arb_program.limits_known)
		query_limits(ctx);
	struct gh_arb_program_verdict err;
	if (!gh_arb_program_check(which ? GH_ARB_FRAGMENT_PROGRAM : GH_ARB_VERTEX_PROGRAM,
	                          &ctx->arb_program.limits[which], text, len, &err)) {
		gh_gl_error_record(ctx, INVALID_OPERATION_);
		return reply_error(x, 1, (int32_t)err.position, err.message);
	}
	/* The driver gets the text through its END and a NUL after it: what
	 * follows END the check never read, and Mesa hashes the text with
	 * strlen() whatever its length says. */
	char *checked = malloc((size_t)err.end + 1);
	if (!checked)
		return gh_gl_fail(x, "glProgramStringARB: out of memory");
	memcpy(checked, text, err.end);
	checked[err.end] = '\0';
	gles_host.glProgramStringARB(target, format, (GLsizei)err.end, checked);
	free(checked);
	GLint position = -1;
	gles_host.glGetIntegerv(PROGRAM_ERROR_POSITION_, &position);
	const GLubyte *driver = gles_host.glGetString(PROGRAM_ERROR_STRING_);
	return reply_error(x, 1, position, (const char *)driver);
}

static bool reply_text(struct gl_exec *x, const void *text, uint32_t n)
{
	uint8_t *p = gl_exec_reply(x, 4 + ((n + 3u) & ~3u));
	if (!p)
		return false;
	memcpy(p, &n, 4);
	if (n)
		memcpy(p + 4, text, n);
	return true;
}

bool gl_exec_special_glGetProgramStringARB(struct gl_exec *x, struct gl_reader *r)
{
	uint32_t target = gl_rd_u32(r), pname = gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glGetProgramStringARB"))
		return false;
	struct gh_gl_context *ctx = x->ctx;
	if (pname != PROGRAM_STRING_) {
		gh_gl_error_record(ctx, INVALID_ENUM_);
		return reply_text(x, NULL, 0);
	}
	/* The driver's length first (a bad target is its error, then nothing
	 * written); it holds only texts the check took, so the bound holds. */
	gh_gl_errors_stash(ctx);
	GLint len = 0;
	gles_host.glGetProgramivARB(target, PROGRAM_LENGTH_, &len);
	if (gh_gl_command_failed(ctx) || len <= 0)
		return reply_text(x, NULL, 0);
	if ((uint32_t)len > GH_ARB_PROGRAM_MAX_TEXT)
		return gh_gl_fail(x, "glGetProgramStringARB: the driver's text is %d bytes", len);
	char *text = calloc(1, (size_t)len + 1);
	if (!text)
		return gh_gl_fail(x, "glGetProgramStringARB: out of memory");
	gles_host.glGetProgramStringARB(target, pname, text);
	bool ok = reply_text(x, text, (uint32_t)len);
	free(text);
	return ok;
}

/* A program bound by a list being made is one it may make again by name
 * (lists.c, "Objects a list binds by name"). */
bool gl_exec_hook_glBindProgramARB(struct gl_exec *x, GLenum target, GLuint program,
                                   GLuint app_program)
{
	if (program && !gh_gl_list_bind(x, GH_GL_LIST_ARB_PROGRAM, program))
		return false;
	gh_gl_list_compiles(x->ctx); /* a call of the list re-reads, deleting what it made */
	return true;
}

/* ---- Parameter indices ----
 * The host bounds each env/local parameter index by the driver's
 * GL_MAX_PROGRAM_{ENV,LOCAL}_PARAMETERS_ARB for the target before the call:
 * Mesa 22.3 adds index and count in 32 bits, so index 0xffffffff wrapped
 * past its own check and wrote 16 bytes far outside its array (the security
 * review of 2026-12-06). A target that is neither is left to the driver,
 * which refuses it before it looks at the index. */

static bool index_ok(struct gl_exec *x, GLenum target, GLuint index, bool local)
{
	struct gh_gl_context *ctx = x->ctx;
	int which = target == VERTEX_PROGRAM_ ? 0 : target == FRAGMENT_PROGRAM_ ? 1 : -1;
	if (which < 0)
		return true;
	if (!ctx->arb_program.limits_known)
		query_limits(ctx);
	const struct gh_arb_program_limits *l = &ctx->arb_program.limits[which];
	if (index < (local ? l->local_parameters : l->env_parameters))
		return true;
	gh_gl_error_record(ctx, INVALID_VALUE_);
	return false;
}

static enum gl_guard guard(struct gl_exec *x, GLenum target, GLuint index, bool local)
{
	return index_ok(x, target, index, local) ? GL_GUARD_CALL : GL_GUARD_SKIP;
}

enum gl_guard gl_exec_guard_glProgramEnvParameter4dARB(struct gl_exec *exec, GLenum target,
                                                       GLuint index, GLdouble x, GLdouble y,
                                                       GLdouble z, GLdouble w)
{
	return guard(exec, target, index, false);
}

enum gl_guard gl_exec_guard_glProgramEnvParameter4dvARB(struct gl_exec *x, GLenum target,
                                                        GLuint index, const GLdouble *params)
{
	return guard(x, target, index, false);
}

enum gl_guard gl_exec_guard_glProgramEnvParameter4fARB(struct gl_exec *exec, GLenum target,
                                                       GLuint index, GLfloat x, GLfloat y,
                                                       GLfloat z, GLfloat w)
{
	return guard(exec, target, index, false);
}

enum gl_guard gl_exec_guard_glProgramEnvParameter4fvARB(struct gl_exec *x, GLenum target,
                                                        GLuint index, const GLfloat *params)
{
	return guard(x, target, index, false);
}

enum gl_guard gl_exec_guard_glProgramLocalParameter4dARB(struct gl_exec *exec, GLenum target,
                                                         GLuint index, GLdouble x, GLdouble y,
                                                         GLdouble z, GLdouble w)
{
	return guard(exec, target, index, true);
}

enum gl_guard gl_exec_guard_glProgramLocalParameter4dvARB(struct gl_exec *x, GLenum target,
                                                          GLuint index, const GLdouble *params)
{
	return guard(x, target, index, true);
}

enum gl_guard gl_exec_guard_glProgramLocalParameter4fARB(struct gl_exec *exec, GLenum target,
                                                         GLuint index, GLfloat x, GLfloat y,
                                                         GLfloat z, GLfloat w)
{
	return guard(exec, target, index, true);
}

enum gl_guard gl_exec_guard_glProgramLocalParameter4fvARB(struct gl_exec *x, GLenum target,
                                                          GLuint index, const GLfloat *params)
{
	return guard(x, target, index, true);
}

bool gl_exec_wrap_glGetProgramEnvParameterdvARB(struct gl_exec *x, GLenum target, GLuint index,
                                                GLdouble *params)
{
	if (index_ok(x, target, index, false))
		gles_host.glGetProgramEnvParameterdvARB(target, index, params);
	return true;
}

bool gl_exec_wrap_glGetProgramEnvParameterfvARB(struct gl_exec *x, GLenum target, GLuint index,
                                                GLfloat *params)
{
	if (index_ok(x, target, index, false))
		gles_host.glGetProgramEnvParameterfvARB(target, index, params);
	return true;
}

bool gl_exec_wrap_glGetProgramLocalParameterdvARB(struct gl_exec *x, GLenum target, GLuint index,
                                                  GLdouble *params)
{
	if (index_ok(x, target, index, true))
		gles_host.glGetProgramLocalParameterdvARB(target, index, params);
	return true;
}

bool gl_exec_wrap_glGetProgramLocalParameterfvARB(struct gl_exec *x, GLenum target, GLuint index,
                                                  GLfloat *params)
{
	if (index_ok(x, target, index, true))
		gles_host.glGetProgramLocalParameterfvARB(target, index, params);
	return true;
}

/* GL_PROGRAM_BINDING_ARB is the bound program's name: the app's, not the
 * host's. */
bool gl_exec_wrap_glGetProgramivARB(struct gl_exec *x, GLenum target, GLenum pname, GLint *params)
{
	gles_host.glGetProgramivARB(target, pname, params);
	if (pname == PROGRAM_BINDING_)
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_ARB_PROGRAM, (uint32_t)params[0]);
	return true;
}
