/*
 * Shaders and programs between the app and the driver's compiler.
 *
 * glCompileShader: the source is read back from the driver (it is exactly
 * what the driver would compile) and checked by glslang (shader-check.h).
 * A shader glslang refuses is never compiled by the driver: the share group
 * keeps glslang's log, and glGetShaderiv(GL_COMPILE_STATUS) is GL_FALSE and
 * glGetShaderInfoLog that log, as after any failed compile.
 *
 * glLinkProgram: when an attached shader did not compile (refused here, or
 * by the driver), the link fails here and the driver's linker never sees
 * the program; as GL says, a link with such a shader fails anyway. (A
 * driver's linker is where Mesa 22.3 has a use-after-free reachable from
 * a shader that failed to compile.) The program keeps the log, answered by
 * glGetProgramiv and glGetProgramInfoLog. Where the driver's program was
 * linked before, it is made to fail a link of its own (fail_driver_link):
 * else its last good link would answer the app's lookups, and glUseProgram
 * would take it, where GL raises GL_INVALID_OPERATION for a program whose
 * last link failed. Where it is current, GL and the driver keep its old
 * executable in use until the next glUseProgram, as after any failed link.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "compat-trackers.h"
#include "context.h"
#include "debug.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "shader-check.h"
#include "stream.h"

/* The API whose rules a context's shaders follow. */
static enum gh_shader_api context_api(const struct gh_gl_context *ctx)
{
	switch (ctx->level.api) {
	case GL_API_GL_CORE:
		return GH_SHADER_API_GL_CORE;
	case GL_API_GL_COMPAT:
		return GH_SHADER_API_GL_COMPAT;
	}
	return GH_SHADER_API_GLES;
}

/* The extensions of the context glslang is told of (shader-check.h). */
static unsigned shader_exts(const struct gh_gl_context *ctx)
{
	unsigned exts = 0;
	for (int i = 0; i < GLES_EXT_COUNT; i++) {
		if (gles_level_has_extension(&ctx->level, i))
			exts |= gh_shader_ext_bit(gl_gles_extensions[i]);
	}
	return exts;
}

/* What driver_defines asks: the shader's context and stage. */
struct macro_probe {
	struct gh_gl_context *ctx;
	GLenum type;
};

/* The driver's answers so far, for this process's one link: a context's API and version, a
 * stage, a #version line and a macro give the same answer every time. */
#define PROBES_KEPT 32
static struct {
	uint32_t api, version;
	GLenum type;
	char line[40], name[96];
	bool defined;
} probes[PROBES_KEPT];
static unsigned probes_next;

/* Whether the host's driver defines the macro `name` for a shader of the probe's stage
 * beginning with version_line, asked of its own preprocessor: a shader of those two lines
 * and an #error where the macro is undefined, compiled in the shader's context (a shader
 * object of the host's, deleted at once; the driver's debug messages meanwhile are not the
 * app's). What the driver lists is not enough: Mesa defines an extension's macro by the
 * shader's own version and API, and Qt 5's shaders test GL_KHR_blend_equation_advanced,
 * which it defines in a desktop context where gpupipe does not offer that extension. */
static bool driver_defines(const char *name, const char *version_line, void *data)
{
	const struct macro_probe *m = data;
	size_t n = strlen(name);
	if (n >= sizeof(probes[0].name) || strlen(version_line) >= sizeof(probes[0].line))
		return false;
	for (unsigned i = 0; i < PROBES_KEPT; i++) {
		if (probes[i].type == m->type && probes[i].api == m->ctx->level.api &&
		    probes[i].version == m->ctx->level.version &&
		    strcmp(probes[i].line, version_line) == 0 && strcmp(probes[i].name, name) == 0)
			return probes[i].defined;
	}
	char src[256];
	snprintf(src, sizeof(src), "%s#ifndef %s\n#error\n#endif\nvoid main() {}\n", version_line,
	         name);
	const GLchar *text = src;
	gh_gl_debug_mute(m->ctx, true);
	GLuint shader = gles_host.glCreateShader(m->type);
	GLint compiled = GL_FALSE;
	if (shader) {
		gles_host.glShaderSource(shader, 1, &text, NULL);
		gles_host.glCompileShader(shader);
		gles_host.glGetShaderiv(shader, GL_COMPILE_STATUS, &compiled);
		gles_host.glDeleteShader(shader);
	}
	gh_gl_debug_mute(m->ctx, false);
	unsigned i = probes_next++ % PROBES_KEPT;
	probes[i].api = m->ctx->level.api;
	probes[i].version = m->ctx->level.version;
	probes[i].type = m->type;
	snprintf(probes[i].line, sizeof(probes[i].line), "%s", version_line);
	snprintf(probes[i].name, sizeof(probes[i].name), "%s", name);
	probes[i].defined = compiled == GL_TRUE;
	return probes[i].defined;
}

/* The log's first line, fit for one line of the host's log (the app
 * chose its identifiers). */
static void first_line(const char *log, char *out, size_t size)
{
	size_t n = 0;
	for (; log[n] && log[n] != '\n' && n + 1 < size; n++)
		out[n] = log[n] >= 0x20 && log[n] < 0x7f ? log[n] : '?';
	out[n] = 0;
}

/* One line each, but a link cannot flood the host's log. */
static void log_refusal(struct gl_exec *x, const char *cmd, const char *what, GLuint app,
                        GLint type, const char *log)
{
	char line[200];
	first_line(log, line, sizeof(line));
	bool info = x->gl->shader_refusals < GH_GL_LOGGED_REFUSALS;
	if (info || gp_log_enabled(GP_LOG_DEBUG))
		gp_log_at(info ? GP_LOG_INFO : GP_LOG_DEBUG, __FILE__, __LINE__,
		          "GL stream %u: %s: %s %u (type 0x%x) refused by glslang: %s", x->channel,
		          cmd, what, app, (unsigned)type, line);
	if (++x->gl->shader_refusals == GH_GL_LOGGED_REFUSALS)
		gp_log(INFO,
		       "GL stream %u: %u shaders refused: more are logged at debug level only",
		       x->channel, GH_GL_LOGGED_REFUSALS);
}

/* Records glslang's refusal of `shader`; takes `log`. */
static bool refuse(struct gl_exec *x, GLuint shader, GLuint app_shader, GLint type, char *log)
{
	log_refusal(x, "glCompileShader", "shader", app_shader, type, log);
	return gh_gl_shader_keep_refusal(x, shader, log);
}

/* The source the driver holds for `shader`, exactly what its compiler
 * would read (malloc'd, *len bytes), or NULL when out of memory. */
static char *driver_source(GLuint shader, size_t *len)
{
	GLint n = 0;
	gles_host.glGetShaderiv(shader, GL_SHADER_SOURCE_LENGTH, &n);
	/* The driver holds this much already (a GL command carried it). */
	GLsizei cap = n > 0 ? n : 1;
	char *source = malloc((size_t)cap);
	if (!source)
		return NULL;
	GLsizei got = 0;
	source[0] = 0;
	gles_host.glGetShaderSource(shader, cap, &got, source);
	*len = got >= 0 && got < cap ? (size_t)got : 0;
	return source;
}

bool gl_exec_wrap_glCompileShader(struct gl_exec *x, GLuint shader, GLuint app_shader)
{
	/* A compile replaces the status and log of the last one. */
	gh_gl_shader_forget(x->ctx->share, shader);
	GLint type = 0;
	gles_host.glGetShaderiv(shader, GL_SHADER_TYPE, &type);
	size_t len;
	char *source = driver_source(shader, &len), *log = NULL;
	if (!source)
		return gh_gl_fail(x, "out of memory for shader %u's source", app_shader);
	struct macro_probe probe = {x->ctx, (GLenum)type};
	enum gh_shader_verdict verdict =
	        gh_shader_check_driver(context_api(x->ctx), (uint32_t)type, source, len,
	                               shader_exts(x->ctx), driver_defines, &probe, &log);
	free(source);
	if (verdict == GH_SHADER_REFUSED)
		return refuse(x, shader, app_shader, type, log);
	if (verdict != GH_SHADER_ACCEPTED)
		return gh_gl_fail(x, "the shader check (glslang) could not run: not initialised, "
		                     "or out of memory");
	gp_log(DEBUG,
	       "GL stream %u: glCompileShader: shader %u (type 0x%x, %zu bytes) passed glslang",
	       x->channel, app_shader, (unsigned)type, len);
	gles_host.glCompileShader(shader);
	return true;
}

/* Answers a GL info log query from `log`, as GL would from its own. */
static void copy_log(const char *log, GLsizei size, GLsizei *length, GLchar *out)
{
	size_t n = strlen(log);
	if (size <= 0) {
		n = 0;
	} else {
		if (n > (size_t)size - 1)
			n = (size_t)size - 1;
		memcpy(out, log, n);
		out[n] = 0;
	}
	if (length)
		*length = (GLsizei)n;
}

bool gl_exec_wrap_glGetShaderiv(struct gl_exec *x, GLuint shader, GLenum pname, GLint *params,
                                GLuint app_shader)
{
	const char *log = gh_gl_shader_refusal(x->ctx->share, shader);
	if (log && pname == GL_COMPILE_STATUS)
		*params = GL_FALSE;
	/* The driver is told of a deletion only once the shader goes (shader-attach.c). */
	else if (pname == GL_DELETE_STATUS)
		*params = gh_gl_shader_flagged(x->ctx->share, app_shader) ? GL_TRUE : GL_FALSE;
	else if (log && pname == GL_INFO_LOG_LENGTH)
		*params = (GLint)strlen(log) + 1;
	else
		gles_host.glGetShaderiv(shader, pname, params);
	return true;
}

bool gl_exec_wrap_glGetShaderInfoLog(struct gl_exec *x, GLuint shader, GLsizei bufSize,
                                     GLsizei *length, GLchar *infoLog, GLuint app_shader)
{
	const char *log = gh_gl_shader_refusal(x->ctx->share, shader);
	if (log)
		copy_log(log, bufSize, length, infoLog);
	else
		gles_host.glGetShaderInfoLog(shader, bufSize, length, infoLog);
	return true;
}

/* *bad: the first attached shader that did not compile, or 0. False when
 * out of memory (nothing may then reach the driver's linker). */
static bool uncompiled_shader(struct gl_exec *x, GLuint program, GLuint *bad)
{
	GLint n = 0;
	gles_host.glGetProgramiv(program, GL_ATTACHED_SHADERS, &n);
	*bad = 0;
	if (n <= 0)
		return true;
	GLuint *shaders = calloc((size_t)n, sizeof(*shaders));
	if (!shaders)
		return false;
	GLsizei got = 0;
	gles_host.glGetAttachedShaders(program, n, &got, shaders);
	for (GLsizei i = 0; i < got && i < n && !*bad; i++) {
		GLint compiled = GL_FALSE;
		gles_host.glGetShaderiv(shaders[i], GL_COMPILE_STATUS, &compiled);
		if (gh_gl_shader_refusal(x->ctx->share, shaders[i]) || !compiled)
			*bad = shaders[i];
	}
	free(shaders);
	return true;
}

/* Calls a function no shader defines: a link of it alone fails in every profile. */
static const char unresolved_vs[] = "#version 110\n"
                                    "void gpupipe_link_fails_here();\n"
                                    "void main() { gpupipe_link_fails_here(); }\n";

/* What became of the driver's program when the app's link failed here. */
enum driver_link {
	DRIVER_LINK_FAILED,  /* it failed its link too (or never had one) */
	DRIVER_LINK_REFUSED, /* the driver refused every link of it: GL_INVALID_OPERATION */
	DRIVER_LINK_KEPT,    /* it keeps its older link (logged) */
	DRIVER_LINK_NO_MEMORY,
};

/* Links the driver's `program` so that it fails, as the app's link did: with none of its
 * shaders attached, which OpenGL ES and the core profile refuse; in the compatibility
 * profile, where an empty program is fixed function, with one shader of ours that calls a
 * function none defines. The app's shaders go back after, in their order; a scratch
 * program holds them meanwhile, since detaching the last hold of a deleted shader would
 * delete it. The driver may refuse the link itself (a program a transform feedback object
 * uses: GL_INVALID_OPERATION, nothing changes), which is then the app's answer. Neither
 * the errors nor the debug messages of these calls are the app's. */
static enum driver_link fail_driver_link(struct gl_exec *x, GLuint program)
{
	GLint linked = GL_FALSE, n = 0;
	gles_host.glGetProgramiv(program, GL_LINK_STATUS, &linked);
	if (!linked)
		return DRIVER_LINK_FAILED;
	gh_gl_errors_stash(x->ctx);
	gles_host.glGetProgramiv(program, GL_ATTACHED_SHADERS, &n);
	GLuint *shaders = n > 0 ? calloc((size_t)n, sizeof(*shaders)) : NULL;
	if (n > 0 && !shaders)
		return DRIVER_LINK_NO_MEMORY;
	GLuint hold = gles_host.glCreateProgram(), ours = 0;
	if (!hold) {
		free(shaders);
		gp_log(WARN,
		       "GL stream %u: no scratch program: a failed link keeps the driver's "
		       "older one",
		       x->channel);
		return DRIVER_LINK_KEPT;
	}
	gh_gl_debug_mute(x->ctx, true);
	GLsizei got = 0;
	if (n > 0)
		gles_host.glGetAttachedShaders(program, n, &got, shaders);
	for (GLsizei i = 0; i < got; i++) {
		gles_host.glAttachShader(hold, shaders[i]);
		gles_host.glDetachShader(program, shaders[i]);
	}
	if (x->ctx->level.api == GL_API_GL_COMPAT) {
		const char *src = unresolved_vs;
		ours = gles_host.glCreateShader(GL_VERTEX_SHADER);
		gles_host.glShaderSource(ours, 1, &src, NULL);
		gles_host.glCompileShader(ours);
		gles_host.glAttachShader(program, ours);
	}
	while (gles_host.glGetError() != GL_NO_ERROR)
		;
	gles_host.glLinkProgram(program);
	bool refused = gles_host.glGetError() == GL_INVALID_OPERATION;
	gles_host.glGetProgramiv(program, GL_LINK_STATUS, &linked);
	if (ours) {
		gles_host.glDetachShader(program, ours);
		gles_host.glDeleteShader(ours);
	}
	for (GLsizei i = 0; i < got; i++)
		gles_host.glAttachShader(program, shaders[i]);
	gles_host.glDeleteProgram(hold);
	free(shaders);
	for (int i = 0; i < 8 && gles_host.glGetError() != GL_NO_ERROR; i++)
		;
	gh_gl_debug_mute(x->ctx, false);
	if (refused)
		return DRIVER_LINK_REFUSED;
	if (linked) {
		gp_log(WARN,
		       "GL stream %u: the driver linked a program meant to fail; it keeps "
		       "that link",
		       x->channel);
		return DRIVER_LINK_KEPT;
	}
	return DRIVER_LINK_FAILED;
}

static bool refuse_link(struct gl_exec *x, struct gh_gl_program *prog, GLuint program,
                        GLuint app_program, GLuint shader)
{
	switch (fail_driver_link(x, program)) {
	case DRIVER_LINK_NO_MEMORY:
		return gh_gl_fail(x, "out of memory for program %u's shaders", app_program);
	case DRIVER_LINK_REFUSED:
		/* Every link of it is refused, as the app's would have been. */
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return true;
	default:
		break;
	}
	uint32_t app_shader = gh_gl_reverse(x, GL_NAMES_SHADER, shader);
	char what[100], log_text[120];
	if (app_shader)
		snprintf(what, sizeof(what), "shader %u did not compile", app_shader);
	else
		snprintf(what, sizeof(what), "a deleted shader attached did not compile");
	gp_log(INFO, "GL stream %u: glLinkProgram: program %u not linked: %s", x->channel,
	       app_program, what);
	snprintf(log_text, sizeof(log_text), "error: %s\n", what);
	char *log = strdup(log_text);
	if (!log)
		return gh_gl_fail(x, "out of memory for a program's log");
	free(prog->link_log);
	prog->link_log = log;
	return true;
}

bool gl_exec_wrap_glLinkProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	struct gh_gl_program *prog = gh_gl_map_get_ptr(&x->ctx->share->programs, program);
	if (!prog)
		return gh_gl_fail(x, "program %u has no host object", app_program);
	prog->links++;
	GLuint bad;
	if (!uncompiled_shader(x, program, &bad))
		return gh_gl_fail(x, "out of memory for program %u's shaders", app_program);
	if (bad)
		return refuse_link(x, prog, program, app_program, bad);
	free(prog->link_log);
	prog->link_log = NULL;
	if (!gh_gl_link_program(x, program, app_program))
		return false;
	gles_host.glLinkProgram(program);
	return true;
}

bool gl_exec_wrap_glUseProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	/* As the library sees it, whatever the driver does (program-use.c). */
	bool compiles = gh_gl_list_compiles(x->ctx);
	if (!compiles && !gh_gl_app_use_program(x, app_program))
		return false;
	struct gh_gl_program *prog =
	        program ? gh_gl_map_get_ptr(&x->ctx->share->programs, program) : NULL;
	GLint linked = GL_FALSE;
	if (prog && prog->link_log)
		gles_host.glGetProgramiv(program, GL_LINK_STATUS, &linked);
	/* A program whose last link failed here failed in the driver too
	 * (fail_driver_link), which refuses it itself. Should a driver have
	 * kept its older link, it is not asked, and the app is refused as GL
	 * would refuse it. */
	if (linked) {
		if (!compiles)
			gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return true;
	}
	/* Compiled into a list: in use when the list runs (lists.c re-reads). */
	if (!compiles && !gh_gl_use_program(x, program, app_program))
		return false;
	gles_host.glUseProgram(program);
	return true;
}

bool gl_exec_wrap_glGetProgramiv(struct gl_exec *x, GLuint program, GLenum pname, GLint *params,
                                 GLuint app_program)
{
	struct gh_gl_program *prog =
	        program ? gh_gl_map_get_ptr(&x->ctx->share->programs, program) : NULL;
	const char *log = prog ? prog->link_log : NULL;
	if (log && (pname == GL_LINK_STATUS || pname == GL_VALIDATE_STATUS))
		*params = GL_FALSE;
	else if (log && pname == GL_INFO_LOG_LENGTH)
		*params = (GLint)strlen(log) + 1;
	else
		gles_host.glGetProgramiv(program, pname, params);
	/* No binary formats are offered: a program's binary is empty. */
	if (pname == GL_PROGRAM_BINARY_LENGTH)
		*params = 0;
	return true;
}

bool gl_exec_wrap_glGetProgramInfoLog(struct gl_exec *x, GLuint program, GLsizei bufSize,
                                      GLsizei *length, GLchar *infoLog, GLuint app_program)
{
	struct gh_gl_program *prog =
	        program ? gh_gl_map_get_ptr(&x->ctx->share->programs, program) : NULL;
	if (prog && prog->link_log)
		copy_log(prog->link_log, bufSize, length, infoLog);
	else
		gles_host.glGetProgramInfoLog(program, bufSize, length, infoLog);
	return true;
}

/* A program's log kept for glslang's refusal of glCreateShaderProgramv's
 * source: at most this many bytes (a program holds it as long as it
 * lives, and the names quota bounds how many live). */
#define PROGRAM_LOG_MAX 1024u

/* The program is made empty and never linked: GL_LINK_STATUS GL_FALSE,
 * glslang's log as its info log, as when glLinkProgram is refused here. */
static bool refuse_program(struct gl_exec *x, GLenum type, GLuint app, char *log)
{
	log_refusal(x, "glCreateShaderProgramv", "program", app, (GLint)type, log);
	if (strlen(log) >= PROGRAM_LOG_MAX) {
		static const char cut[] = "\n(log cut short)\n";
		memcpy(log + PROGRAM_LOG_MAX - sizeof(cut), cut, sizeof(cut));
	}
	GLuint host = gles_host.glCreateProgram();
	if (!host) {
		free(log);
		return gh_gl_fail(x, "the host made no program");
	}
	if (!gl_exec_names_add(x, GL_NAMES_PROGRAM, 1, &app, &host)) {
		free(log);
		return false;
	}
	struct gh_gl_program *prog = gh_gl_map_get_ptr(&x->ctx->share->programs, host);
	prog->link_log = log;
	return true;
}

/* GL compiles the strings as one source, in order. */
static char *joined_source(const char *const *strings, GLsizei count, uint32_t bytes, size_t *len)
{
	char *source = malloc(bytes ? bytes : 1);
	*len = 0;
	for (GLsizei i = 0; source && i < count; i++) {
		size_t n = strlen(strings[i]);
		memcpy(source + *len, strings[i], n);
		*len += n;
	}
	return source;
}

/* glCreateShaderProgramv: u32 type, i32 count, u32 app name, then the
 * strings (cstrings). glslang checks the source first; a source it
 * accepts goes to the driver's own glCreateShaderProgramv, which links
 * only what compiled (GL's definition of the command). */
static bool create_shader_program(struct gl_exec *x, struct gl_reader *r, const char *cmd,
                                  PFNGLCREATESHADERPROGRAMVPROC create)
{
	GLenum type = gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	GLuint app = gl_rd_u32(r);
	uint32_t n;
	const void *blob = gl_rd_blob(r, &n);
	if (!gles_reader_end(x, r, cmd))
		return false;
	if (!gl_shader_type_ok(type))
		return gh_gl_fail(x, "shader type 0x%x", type);
	const char **strings = NULL;
	if (!gles_dec_cstrings(x, cmd, "strings", blob, n, count, &strings))
		return false;
	size_t len;
	char *source = joined_source(strings, count, n, &len), *log = NULL;
	bool ok = false;
	if (!source) {
		gh_gl_fail(x, "out of memory for a program's source");
		goto done;
	}
	if (!gl_exec_names_reserve(x, GL_NAMES_PROGRAM, 1))
		goto done;
	enum gh_shader_verdict verdict =
	        gh_shader_check(context_api(x->ctx), type, source, len, &log);
	if (verdict == GH_SHADER_REFUSED) {
		ok = refuse_program(x, type, app, log);
		goto done;
	}
	if (verdict != GH_SHADER_ACCEPTED) {
		gh_gl_fail(x, "the shader check (glslang) could not run");
		goto done;
	}
	GLuint host = create(type, count, strings);
	if (!host) {
		gh_gl_fail(x, "the host made no program");
		goto done;
	}
	if (!gl_exec_names_add(x, GL_NAMES_PROGRAM, 1, &app, &host))
		goto done;
	/* Which attributes it reads, once GL says it linked. */
	x->after_link = gh_gl_map_get_ptr(&x->ctx->share->programs, host);
	ok = true;
done:
	free(source);
	free(strings);
	return ok;
}

bool gl_exec_special_glCreateShaderProgramv(struct gl_exec *x, struct gl_reader *r)
{
	return create_shader_program(x, r, "glCreateShaderProgramv",
	                             gles_host.glCreateShaderProgramv);
}

/* GL_EXT_separate_shader_objects (ES 2): the same check and program. */
bool gl_exec_special_glCreateShaderProgramvEXT(struct gl_exec *x, struct gl_reader *r)
{
	/* gl.xml's prototype lacks the inner const; the call is the same. */
	return create_shader_program(
	        x, r, "glCreateShaderProgramvEXT",
	        (PFNGLCREATESHADERPROGRAMVPROC)gles_host.glCreateShaderProgramvEXT);
}
