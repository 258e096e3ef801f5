/*
 * Shaders attached to programs. GL only flags a shader deleted while it is
 * attached to a program: its name stays a shader's until it is detached from
 * every program, by glDetachShader or by the program's deletion, which waits
 * while the program is current in some context (program-use.c). The library
 * keeps the name that long by a rule it follows with no round trip
 * (proxy/gl/gles-attach.c): it keeps which shaders each program has attached,
 * by GL's rules for which glAttachShader holds (not a shader attached already;
 * in OpenGL ES, not a second shader of a stage). The host keeps the same book
 * by the same rules, so that both forget a name at the same command.
 *
 * The driver is not asked to delete a shader until the book lets go of it: a
 * flagged shader is the host's to answer for (GL_DELETE_STATUS), and the
 * driver's object lives at least as long as the app's name. Were the driver
 * told at once, a program it freed before the book did (its current program
 * being another one, program-use.c) would free the shader under a kept name,
 * and the driver could give that name to a new object.
 *
 * The book costs a name per attachment, as the driver's own list does.
 */
#include <stdlib.h>

#include <gpupipe/gl-api.h>
#include <gpupipe/log.h>

#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

/* share->shader_words' values, one per shader: its type (GL's shader types
 * are below 0x10000, kept from its creation), FLAGGED once deleted while
 * attached, and HOLD times the programs it is attached to. */
#define TYPE_MASK ((uintptr_t)0xffff)
#define FLAGGED ((uintptr_t)1 << 16)
#define HOLD ((uintptr_t)1 << 17)

static uintptr_t word(struct gh_gl_share *share, uint32_t app_shader)
{
	uintptr_t v = 0;
	gh_gl_map_get(&share->shader_words, app_shader, &v);
	return v;
}

bool gh_gl_shader_created(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t app;
	GLint type = 0;
	if (!gh_gl_map_get(&share->names[GL_NAMES_SHADER].host, host, &app))
		return gh_gl_fail(x, "shader name %u has no app name", host);
	gles_host.glGetShaderiv(host, GL_SHADER_TYPE, &type);
	if (!gh_gl_map_put(&share->shader_words, (uint32_t)app, (uintptr_t)type & TYPE_MASK))
		return gh_gl_fail(x, "no room for shader %u's record", (uint32_t)app);
	return true;
}

/* The shader's name goes; the driver deletes its object where `driver` (a
 * context of the group is current). Else the object stays in the driver
 * until the group goes, its name still counted by the names quota, which
 * bounds what a stream can leave there so. */
static void forget(struct gh_gl *gl, struct gh_gl_share *share, uint32_t app, bool driver)
{
	struct gh_gl_names *names = &share->names[GL_NAMES_SHADER];
	uintptr_t host;
	gh_gl_map_remove(&share->shader_words, app, NULL);
	if (!gh_gl_map_remove(&names->app, app, &host))
		return;
	gh_gl_map_remove(&names->host, (uint32_t)host, NULL);
	if (!driver) {
		gp_log(DEBUG, "shader %u left in the driver until its share group goes", app);
		return;
	}
	gh_gl_quota_names_gone(&gl->quota, 1);
	gles_host.glDeleteShader((GLuint)host);
	/* Still attached where the driver's book differs (a program the driver keeps
	 * current): its record stays until the driver gives its name again. */
	if (!gles_host.glIsShader((GLuint)host))
		gh_gl_shader_forget(share, (uint32_t)host);
}

/* A program lets go of `app_shader`: a flagged shader's last attachment
 * deletes it. */
static void release(struct gh_gl *gl, struct gh_gl_share *share, uint32_t app_shader, bool driver)
{
	uintptr_t w = word(share, app_shader);
	if (w < HOLD)
		return;
	w -= HOLD;
	if (w < HOLD && (w & FLAGGED))
		forget(gl, share, app_shader, driver);
	else
		gh_gl_map_put(&share->shader_words, app_shader, w); /* a replacement */
}

/* Whether GL attaches `app_shader` to the program: not attached already, and
 * in OpenGL ES no shader of its stage attached. */
static bool attaches(struct gl_exec *x, const struct gh_gl_program *prog, uint32_t app_shader)
{
	struct gh_gl_share *share = x->ctx->share;
	bool es = !gl_api_desktop(x->ctx->level.api);
	uintptr_t type = word(share, app_shader) & TYPE_MASK;
	for (uint32_t i = 0; i < prog->n_shaders; i++)
		if (prog->shaders[i] == app_shader ||
		    (es && (word(share, prog->shaders[i]) & TYPE_MASK) == type))
			return false;
	return true;
}

/* The record of the program at the host's name `program` (every program has one). */
static struct gh_gl_program *record(struct gl_exec *x, const char *cmd, GLuint program,
                                    GLuint app_program, GLuint app_shader)
{
	if (!app_program || !app_shader) {
		gh_gl_fail(x, "%s of name 0", cmd);
		return NULL;
	}
	struct gh_gl_program *prog = gh_gl_map_get_ptr(&x->ctx->share->programs, program);
	if (!prog)
		gh_gl_fail(x, "%s: program %u has no record", cmd, app_program);
	return prog;
}

bool gl_exec_wrap_glAttachShader(struct gl_exec *x, GLuint program, GLuint shader,
                                 GLuint app_program, GLuint app_shader)
{
	struct gh_gl_share *share = x->ctx->share;
	struct gh_gl_program *prog = record(x, "glAttachShader", program, app_program, app_shader);
	if (!prog)
		return false;
	bool attached = attaches(x, prog, app_shader);
	gles_host.glAttachShader(program, shader);
	if (!attached)
		return true;
	if (prog->n_shaders == prog->cap_shaders) {
		uint32_t cap = prog->cap_shaders ? prog->cap_shaders * 2 : 4;
		uint32_t *bigger = cap ? reallocarray(prog->shaders, cap, sizeof(*bigger)) : NULL;
		if (!bigger)
			return gh_gl_fail(x, "glAttachShader: out of memory");
		prog->shaders = bigger;
		prog->cap_shaders = cap;
	}
	/* Every shader has its word from its creation: a replacement. */
	if (!gh_gl_map_put(&share->shader_words, app_shader, word(share, app_shader) + HOLD))
		return gh_gl_fail(x, "glAttachShader: shader %u has no record", app_shader);
	prog->shaders[prog->n_shaders++] = app_shader;
	return true;
}

bool gl_exec_wrap_glDetachShader(struct gl_exec *x, GLuint program, GLuint shader,
                                 GLuint app_program, GLuint app_shader)
{
	struct gh_gl_program *prog = record(x, "glDetachShader", program, app_program, app_shader);
	if (!prog)
		return false;
	gles_host.glDetachShader(program, shader);
	for (uint32_t i = 0; i < prog->n_shaders; i++) {
		if (prog->shaders[i] != app_shader)
			continue;
		prog->shaders[i] = prog->shaders[--prog->n_shaders];
		release(x->gl, x->ctx->share, app_shader, true);
		break;
	}
	return true;
}

bool gl_exec_wrap_glDeleteShader(struct gl_exec *x, GLuint shader, GLuint app_shader)
{
	struct gh_gl_share *share = x->ctx->share;
	uintptr_t w = word(share, app_shader);
	if (!app_shader)
		return gh_gl_fail(x, "glDeleteShader of name 0");
	/* Deleted again while attached: GL does nothing. */
	if (w & FLAGGED)
		return true;
	if (w >= HOLD) {
		gh_gl_map_put(&share->shader_words, app_shader, w | FLAGGED); /* a replacement */
		return true;
	}
	forget(x->gl, share, app_shader, true);
	return true;
}

bool gh_gl_shader_flagged(struct gh_gl_share *share, uint32_t app_shader)
{
	return (word(share, app_shader) & FLAGGED) != 0;
}

void gh_gl_attach_program_gone(struct gh_gl *gl, struct gh_gl_share *share,
                               struct gh_gl_program *prog, bool driver)
{
	for (uint32_t i = 0; i < prog->n_shaders; i++)
		release(gl, share, prog->shaders[i], driver);
	free(prog->shaders);
	prog->shaders = NULL;
	prog->n_shaders = prog->cap_shaders = 0;
}
