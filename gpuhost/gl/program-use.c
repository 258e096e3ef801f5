/*
 * Programs deleted while in use. GL only flags a program deleted while it
 * is current in some context: its name stays valid until no context has it
 * current. The library keeps such a name (proxy/gl/gles-programs.c) by a
 * rule it can follow with no round trip, which the host follows too, so
 * that both forget the name at the same command: each context's current
 * program is the one of the app's last glUseProgram run there (until the
 * context is destroyed: GL lets go of it then, as of a glUseProgram(0);
 * the host at the context's last reference, which the library's
 * GL_OP_DESTROY_CONTEXT drops, having released it first), and the
 * share group counts the contexts that have each program current
 * (program_users). A flagged program stays mapped while that count is
 * nonzero; it is bounded by the contexts, each having one current program.
 *
 * Where the driver's current program is another one (the app's glUseProgram
 * failed: never linked, or its last link refused by shaders.c; or a list
 * changed it), the driver may free the object while the name is kept: the
 * name then maps to a dead driver name, and the driver answers what GL
 * answers for a deleted program (GL_INVALID_VALUE; glDetachShader of a
 * shader the app attached to it too, where GL detaches it). Before the
 * driver gives that name to a new program or shader, the kept name moves to
 * a stand-in, a program the host made empty (so that no two app names ever
 * map to one driver object; the app may attach shaders to it), deleted when
 * the name is forgotten. The shaders attached to such a program stay the
 * app's until the name goes, as GL keeps them (shader-attach.c).
 */
#include <gpupipe/log.h>

#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "programs.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

#define FLAGGED ((uintptr_t)1)

static uintptr_t users(struct gh_gl_share *share, uint32_t app)
{
	uintptr_t v = 0;
	gh_gl_map_get(&share->program_users, app, &v);
	return v;
}

static bool set_users(struct gl_exec *x, uint32_t app, uintptr_t v)
{
	struct gh_gl_share *share = x->ctx->share;
	if (!(v >> 1)) {
		gh_gl_map_remove(&share->program_users, app, NULL);
		return true;
	}
	if (!gh_gl_map_put(&share->program_users, app, v))
		return gh_gl_fail(x, "too many programs in use");
	return true;
}

/* GL deletes a flagged program its last context let go: its name goes,
 * and the host's stand-in with it, and its shaders are detached (those
 * deleted while attached go with their last attachment, shader-attach.c),
 * in the current context or, where that context is `going` (destroyed,
 * with no stream), in it made current with no surface (a host without
 * surfaceless contexts leaves the stand-in and those shaders in the driver
 * until the group goes). The share group's own variant of
 * gl_exec_names_remove. */
static void forget_in(struct gh_gl *gl, struct gh_gl_share *share, uint32_t app,
                      struct gh_gl_context *going)
{
	struct gh_gl_names *names = &share->names[GL_NAMES_PROGRAM];
	uintptr_t host, v;
	if (!gh_gl_map_remove(&names->app, app, &host))
		return;
	gh_gl_map_remove(&names->host, (uint32_t)host, NULL);
	gh_gl_quota_names_gone(&gl->quota, 1);
	if (!gh_gl_map_remove(&share->programs, (uint32_t)host, &v))
		return;
	struct gh_gl_program *prog = (struct gh_gl_program *)v;
	/* Whether the driver can be told: only asked where there is something to tell it. */
	bool driver = !going ||
	              ((prog->standin || prog->n_shaders) && gl->egl.surfaceless &&
	               gh_egl_make_current(&gl->egl, going->egl, EGL_NO_SURFACE, EGL_NO_SURFACE));
	if (prog->standin && driver)
		gles_host.glDeleteProgram((GLuint)host);
	gh_gl_attach_program_gone(gl, share, prog, driver);
	gh_gl_program_unref(prog);
}

static void forget(struct gl_exec *x, uint32_t app)
{
	forget_in(x->gl, x->ctx->share, app, NULL);
}

bool gh_gl_app_use_program(struct gl_exec *x, uint32_t app_program)
{
	struct gh_gl_context *ctx = x->ctx;
	uint32_t old = ctx->app_program;
	if (old == app_program)
		return true;
	if (app_program && !set_users(x, app_program, users(ctx->share, app_program) + 2))
		return false;
	ctx->app_program = app_program;
	if (!old)
		return true;
	uintptr_t v = users(ctx->share, old);
	if (v < 2)
		return gh_gl_fail(x, "program %u current with no count", old);
	v -= 2;
	if (!set_users(x, old, v))
		return false;
	if (!(v >> 1) && (v & FLAGGED))
		forget(x, old);
	return true;
}

void gh_gl_program_context_gone(struct gh_gl_context *ctx)
{
	struct gh_gl_share *share = ctx->share;
	uint32_t app = ctx->app_program;
	ctx->app_program = 0;
	/* A group that goes with the context takes its names along. */
	if (!app || share->refs == 1)
		return;
	/* Counted at its glUseProgram (a put that could fail then): taking
	 * one off replaces the entry or removes it, which cannot fail. */
	uintptr_t v = users(share, app);
	if (v < 2) {
		gp_log(ERROR, "program %u current in a context that goes, with no count", app);
		return;
	}
	v -= 2;
	if (v >> 1)
		gh_gl_map_put(&share->program_users, app, v);
	else
		gh_gl_map_remove(&share->program_users, app, NULL);
	if (!(v >> 1) && (v & FLAGGED))
		forget_in(ctx->gl, share, app, ctx);
}

bool gl_exec_wrap_glDeleteProgram(struct gl_exec *x, GLuint program, GLuint app_program)
{
	uintptr_t v = users(x->ctx->share, app_program);
	/* Deleted again: GL does nothing (its driver object may be gone). */
	if (v & FLAGGED)
		return true;
	gles_host.glDeleteProgram(program);
	if (v)
		return set_users(x, app_program, v | FLAGGED);
	uint32_t host;
	gl_exec_names_remove(x, GL_NAMES_PROGRAM, 1, &app_program, &host);
	return true;
}

/* The program record of a kept name whose driver object is gone, at its
 * driver name `host` (NULL: `host` is no such name). */
static struct gh_gl_program *kept_dead(struct gh_gl_share *share, uint32_t host, uint32_t *app)
{
	uintptr_t v;
	if (!gh_gl_map_get(&share->names[GL_NAMES_PROGRAM].host, host, &v) ||
	    !(users(share, (uint32_t)v) & FLAGGED))
		return NULL;
	struct gh_gl_program *prog = gh_gl_map_get_ptr(&share->programs, host);
	/* A stand-in is alive: the driver cannot give its name again. */
	if (!prog || prog->standin)
		return NULL;
	*app = (uint32_t)v;
	return prog;
}

/* A new empty program of the host's at a name no app name maps to. A
 * driver that reuses freed names may give first the dead names of other
 * kept programs: each such object becomes that program's own stand-in,
 * in place (exactly what its name being reused would make it), so the
 * loop ends within one try more than there are kept dead names. */
static GLuint new_standin(struct gl_exec *x)
{
	struct gh_gl_share *share = x->ctx->share;
	for (;;) {
		GLuint name = gles_host.glCreateProgram();
		uintptr_t v;
		if (!name || !gh_gl_map_get(&share->names[GL_NAMES_PROGRAM].host, name, &v))
			return name;
		uint32_t app;
		struct gh_gl_program *prog = kept_dead(share, name, &app);
		if (!prog) {
			gh_gl_fail(x, "the host gave program name %u, program %u's, twice", name,
			           (uint32_t)v);
			return 0;
		}
		prog->standin = true;
		gp_log(DEBUG,
		       "GL stream %u: deleted program %u's driver name %u reused: its own stand-in",
		       x->channel, app, name);
	}
}

bool gh_gl_program_reused(struct gl_exec *x, uint32_t host)
{
	struct gh_gl_share *share = x->ctx->share;
	struct gh_gl_names *names = &share->names[GL_NAMES_PROGRAM];
	uint32_t app;
	struct gh_gl_program *prog = kept_dead(share, host, &app);
	if (!prog)
		return true; /* a name given twice otherwise: name-hooks.c ends the link */
	GLuint standin = new_standin(x);
	if (!standin || standin == host)
		return gh_gl_fail(x, "no stand-in for deleted program %u", app);
	gh_gl_map_remove(&names->host, host, NULL);
	gh_gl_map_remove(&share->programs, host, NULL);
	prog->host = standin;
	prog->standin = true;
	if (!gh_gl_map_put(&names->app, app, standin) ||
	    !gh_gl_map_put(&names->host, standin, app) ||
	    !gh_gl_map_put(&share->programs, standin, (uintptr_t)prog)) {
		gh_gl_program_unref(prog);
		return gh_gl_fail(x, "no room for deleted program %u's stand-in", app);
	}
	gp_log(DEBUG, "GL stream %u: deleted program %u's driver name %u reused: stand-in %u",
	       x->channel, app, host, standin);
	return true;
}
