/*
 * Display lists of the compatibility profile: the driver's own names (a
 * link's share groups are its own on the host, so a list name reaches no
 * other app's object, and a list base compiled into a list reaches the
 * driver as sent), compiled and run by the driver, which bounds nesting
 * (GL_MAX_LIST_NESTING). What the host adds keeps its trackers exact:
 * - between glNewList and glEndList in GL_COMPILE mode a listable command
 *   does not run, so the hooks of the ones the host tracks (texture binds,
 *   the active unit, the program) skip their bookkeeping
 *   (gh_gl_list_compiles) and a texture image is charged to the list, not
 *   to the texture bound (gh_gl_list_image);
 * - a list that runs may change those behind the hooks: after glCallList(s)
 *   the host re-reads from its driver the bindings and the active unit (as
 *   after glPopAttrib), the program in use, and where some list holds a
 *   texture image every texture's levels, so that later checks and charges
 *   are made against what the driver really has bound and allocated.
 * doc/desktop-gl-design.md ("State tracked behind the tracker's back").
 */
#include <GLES3/gl32.h>

#include <gpupipe/log.h>

#include "gl-private.h"
#include "gles-codec.h"

#define COMPILE 0x1300u             /* GL_COMPILE */
#define COMPILE_AND_EXECUTE 0x1301u /* GL_COMPILE_AND_EXECUTE */
#define LIST_INDEX 0x0B33u          /* GL_LIST_INDEX */
#define LIST_MODE 0x0B30u           /* GL_LIST_MODE */

struct gh_gl_list_bytes {
	uint32_t list;
	uint64_t bytes;
};

bool gh_gl_list_compiles(struct gh_gl_context *ctx)
{
	if (!ctx->lists.mode)
		return false;
	ctx->lists.change_state = true;
	return ctx->lists.mode == COMPILE;
}

bool gh_gl_list_image(struct gl_exec *x, uint64_t bytes, bool *compiled)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	*compiled = l->mode == COMPILE;
	if (!l->mode)
		return true;
	/* The list keeps the pixels until it is deleted or replaced. */
	if (!gh_gl_quota_charge(&x->gl->quota, l->making, l->making + bytes,
	                        "texture image in a display list")) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return false;
	}
	l->making += bytes;
	l->images = true;
	return true;
}

bool gh_gl_list_refuses(struct gl_exec *x, const char *what)
{
	if (!x->ctx->lists.mode)
		return false;
	/* The host counts what each capture writes around its own queries
	 * (xfb-draw.c); a capture or query begun or ended by a list would run
	 * where the host cannot follow it, so it is not compiled. */
	gp_log(DEBUG, "GL stream %u: %s in a display list refused", x->channel, what);
	gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
	return true;
}

static struct gh_gl_list_bytes *find(struct gh_gl_lists *l, uint32_t list)
{
	struct gh_gl_list_bytes *b;
	wl_array_for_each(b, &l->charged)
	{
		if (b->list == list)
			return b;
	}
	return NULL;
}

/* The list's images are given back (deleted or replaced). */
static void give_back(struct gh_gl *gl, struct gh_gl_lists *l, struct gh_gl_list_bytes *b)
{
	gh_gl_quota_adjust(&gl->quota, b->bytes, 0);
	l->charged_total -= b->bytes;
	struct gh_gl_list_bytes *last =
	        (struct gh_gl_list_bytes *)((char *)l->charged.data + l->charged.size) - 1;
	*b = *last;
	l->charged.size -= sizeof(*b);
}

bool gl_exec_wrap_glNewList(struct gl_exec *x, GLuint list, GLenum mode)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	gles_host.glNewList(list, mode);
	/* What the driver took (list 0, a bad mode, a list already being made
	 * are its errors, kept for the app). */
	GLint index = 0, got = 0;
	gles_host.glGetIntegerv(LIST_INDEX, &index);
	gles_host.glGetIntegerv(LIST_MODE, &got);
	gh_gl_errors_stash(x->ctx);
	if (!l->mode && index) {
		l->mode = (uint32_t)got;
		l->name = (uint32_t)index;
		l->making = 0;
	}
	return true;
}

bool gl_exec_wrap_glEndList(struct gl_exec *x)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	gles_host.glEndList();
	if (!l->mode)
		return true; /* GL_INVALID_OPERATION, the driver's */
	/* The new list replaces the one of its name. */
	struct gh_gl_list_bytes *old = find(l, l->name);
	if (old)
		give_back(x->gl, l, old);
	if (l->making) {
		struct gh_gl_list_bytes *b = wl_array_add(&l->charged, sizeof(*b));
		if (!b) {
			gh_gl_quota_adjust(&x->gl->quota, l->making, 0);
			l->mode = 0;
			return gh_gl_fail(x, "out of memory for display list records");
		}
		*b = (struct gh_gl_list_bytes){l->name, l->making};
		l->charged_total += l->making;
	}
	l->mode = 0;
	l->making = 0;
	return true;
}

/* The program in use as the driver has it after a list ran. */
static void program_resync(struct gl_exec *x)
{
	GLint name = 0;
	gles_host.glGetIntegerv(GL_CURRENT_PROGRAM, &name);
	struct gh_gl_program *prog =
	        name ? gh_gl_map_get_ptr(&x->ctx->share->programs, (uint32_t)name) : NULL;
	/* A name the host no longer knows is the current one it still holds
	 * (GL keeps a deleted program in use): nothing changed. */
	if (name && !prog)
		return;
	if (prog)
		prog->refs++;
	gh_gl_program_unref(x->ctx->program);
	x->ctx->program = prog;
}

/* Runs `call` (a glCallList or glCallLists) and re-reads what it may have
 * changed behind the trackers. */
static bool run_lists(struct gl_exec *x, void (*call)(const void *), const void *arg)
{
	struct gh_gl_lists *l = &x->ctx->lists;
	if (l->mode == COMPILE) {
		call(arg); /* compiled, not run */
		return true;
	}
	/* The images lists hold land on the textures bound when they run,
	 * before the host can see where: the quota must hold them all once
	 * more while they run; the re-read below charges what stays. */
	uint64_t worst = l->images ? l->charged_total + l->making : 0;
	if (worst && !gh_gl_quota_charge(&x->gl->quota, 0, worst, "display lists run")) {
		gh_gl_error_record(x->ctx, GL_OUT_OF_MEMORY);
		return true;
	}
	call(arg);
	if (l->change_state || l->images) {
		/* The driver's errors are the app's; the re-read's queries add none. */
		gh_gl_errors_stash(x->ctx);
		gh_gl_textures_resync(x);
		program_resync(x);
	}
	if (l->images)
		gh_gl_storage_reread_all(x);
	if (worst)
		gh_gl_quota_adjust(&x->gl->quota, worst, 0);
	gh_gl_errors_stash(x->ctx);
	return true;
}

static void call_one(const void *arg)
{
	gles_host.glCallList(*(const GLuint *)arg);
}

bool gl_exec_wrap_glCallList(struct gl_exec *x, GLuint list)
{
	return run_lists(x, call_one, &list);
}

struct many {
	GLsizei n;
	GLenum type;
	const void *lists;
};

static void call_many(const void *arg)
{
	const struct many *m = arg;
	gles_host.glCallLists(m->n, m->type, m->lists);
}

/* The decoder checked the blob: n names of `type` (gl_call_lists_bytes). */
bool gl_exec_wrap_glCallLists(struct gl_exec *x, GLsizei n, GLenum type, const void *lists)
{
	struct many m = {n, type, lists};
	return run_lists(x, call_many, &m);
}

bool gl_exec_wrap_glDeleteLists(struct gl_exec *x, GLuint list, GLsizei range)
{
	gles_host.glDeleteLists(list, range);
	struct gh_gl_lists *l = &x->ctx->lists;
	if (range < 0)
		return true; /* GL_INVALID_VALUE */
	uint64_t end = (uint64_t)list + (uint64_t)range;
	for (size_t i = 0; i < l->charged.size / sizeof(struct gh_gl_list_bytes);) {
		struct gh_gl_list_bytes *b = (struct gh_gl_list_bytes *)l->charged.data + i;
		if (b->list >= list && b->list < end)
			give_back(x->gl, l, b); /* the last one moved to i */
		else
			i++;
	}
	/* The names GL drops, at most those glGenLists charged. */
	uint64_t gone = (uint64_t)range < l->names ? (uint64_t)range : l->names;
	gh_gl_quota_names_gone(&x->gl->quota, (uint32_t)gone);
	l->names -= gone;
	return true;
}

bool gl_exec_special_glGenLists(struct gl_exec *x, struct gl_reader *r)
{
	int32_t range = (int32_t)gl_rd_u32(r);
	if (!gles_reader_end(x, r, "glGenLists"))
		return false;
	GLuint base = 0;
	if (range < 0) {
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
	} else if (range > 0) {
		/* The driver makes an entry per name: the names quota first. */
		if (!gl_exec_names_reserve(x, GL_NAMES_TEXTURE, (uint32_t)range))
			return false;
		base = gles_host.glGenLists(range);
		if (base) {
			struct gh_gl_quota *q = &x->gl->quota;
			q->names += (uint32_t)range;
			if (q->names > q->names_peak)
				q->names_peak = q->names;
			x->ctx->lists.names += (uint32_t)range;
		}
	}
	uint8_t *p = gl_exec_reply(x, 4);
	if (!p)
		return false;
	gles_wr_u32(p, base);
	return true;
}

void gh_gl_lists_finish(struct gh_gl *gl, struct gh_gl_context *ctx)
{
	struct gh_gl_lists *l = &ctx->lists;
	gh_gl_quota_adjust(&gl->quota, l->charged_total + l->making, 0);
	gh_gl_quota_names_gone(&gl->quota, (uint32_t)l->names);
	wl_array_release(&l->charged);
}
