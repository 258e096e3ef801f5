/*
 * The GL executor's program names where the driver gives freed names again
 * (Mesa's reuse_gl_names, which the Mesa of our CI lacks: its names only
 * grow). glCreateProgram is wrapped here to answer names queued by the
 * case first, as such a driver would, then the real driver's. The cases
 * read the share group's name tables: what they check is that no entry is
 * ever overwritten.
 */
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "executor.h"
#include "gl-harness.h"
#include "map.h"
#include "records.h"

/* Names the next glCreateProgram calls answer, last first; then the driver's. */
static GLuint queued[4];
static unsigned n_queued;
static gles_pfn_glCreateProgram driver_create_program;

static GLuint GL_APIENTRY reusing_create_program(void)
{
	if (n_queued)
		return queued[--n_queued];
	return driver_create_program();
}

static bool ready(struct gt *t)
{
	uint32_t err;
	if (!gt_init_stream(t, 1) || !gt_context(t, 1, 1) ||
	    !gt_surface(t, 1, 1, 8, 8, GL_SURFACE_PBUFFER) || !gt_current(t, 1, 1, 1) ||
	    !gt_init_stream(t, 2))
		return false;
	gt_cmd_create_context(t, 2, 1);
	CHECK(gt_sync_u32(t, 2, GL_OP_CREATE_CONTEXT, &err) && err == EGL_SUCCESS, "context 2");
	return gt_surface(t, 2, 2, 8, 8, GL_SURFACE_PBUFFER) && gt_current(t, 2, 2, 2);
}

static struct gh_gl_share *share_of(struct gt *t)
{
	struct gh_gl_context *ctx = gh_gl_map_get_ptr(&t->gl->contexts, 1);
	return ctx ? ctx->share : NULL;
}

static uint32_t lookup(const struct gh_gl_map *m, uint32_t key)
{
	uintptr_t v = 0;
	return gh_gl_map_get(m, key, &v) ? (uint32_t)v : 0;
}

/* Program `app`, made current (the driver refuses it: never linked) and deleted on
 * stream ch: the driver frees it, the name is kept. Its driver name. */
static bool kept_dead(struct gt *t, uint16_t ch, uint32_t app, uint32_t *host)
{
	gt_cmd(t, GLES_OP_glCreateProgram, 1, app);
	gt_cmd(t, GLES_OP_glUseProgram, 1, app);
	gt_cmd(t, GLES_OP_glDeleteProgram, 1, app);
	CHECK(gt_send(t, ch, 0, 0), "%s", t->reason);
	*host = lookup(&share_of(t)->names[GL_NAMES_PROGRAM].app, app);
	CHECK(*host, "program %u has no driver name", app);
	return true;
}

/* Every app name maps to a driver name mapping back to it, each with one record. */
static bool tables_agree(struct gh_gl_share *s)
{
	struct gh_gl_names *n = &s->names[GL_NAMES_PROGRAM];
	CHECK(n->app.count == n->host.count && n->host.count == s->programs.count,
	      "%u app names, %u driver names, %u records", n->app.count, n->host.count,
	      s->programs.count);
	for (uint32_t i = 0; i <= n->app.mask && n->app.keys; i++) {
		uint32_t app = n->app.keys[i], host = (uint32_t)n->app.vals[i];
		if (!app)
			continue;
		CHECK(lookup(&n->host, host) == app, "program %u -> %u -> %u", app, host,
		      lookup(&n->host, host));
		struct gh_gl_program *prog = gh_gl_map_get_ptr(&s->programs, host);
		CHECK(prog && prog->host == host, "program %u's record", app);
	}
	return true;
}

/* Programs 1 and 2 kept in two contexts, both freed by the driver. The driver gives 1's
 * name to program 3, then 2's to the stand-in the host makes for 1: that object becomes 2's
 * own stand-in, and 1 gets the next name. (The stand-in once took 2's name over, 2's
 * entries overwritten: the security review's finding 5.) */
static bool standin_never_takes_another_kept_name(struct gt *t)
{
	uint32_t h1, h2;
	if (!ready(t) || !kept_dead(t, 1, 1, &h1) || !kept_dead(t, 2, 2, &h2))
		return false;
	struct gh_gl_share *s = share_of(t);
	struct gh_gl_names *n = &s->names[GL_NAMES_PROGRAM];
	driver_create_program = gles_host.glCreateProgram;
	gles_host.glCreateProgram = reusing_create_program;
	queued[n_queued++] = h2; /* the stand-in's */
	queued[n_queued++] = h1; /* program 3's */
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 3);
	bool sent = gt_send(t, 1, 0, 0);
	gles_host.glCreateProgram = driver_create_program;
	CHECK(sent, "%s", t->reason);
	CHECK(n_queued == 0, "%u names not taken", n_queued);
	CHECK(lookup(&n->app, 3) == h1, "program 3 -> %u, not %u", lookup(&n->app, 3), h1);
	CHECK(lookup(&n->app, 2) == h2 && lookup(&n->host, h2) == 2, "program 2 -> %u -> %u",
	      lookup(&n->app, 2), lookup(&n->host, h2));
	uint32_t s1 = lookup(&n->app, 1);
	CHECK(s1 && s1 != h1 && s1 != h2 && lookup(&n->host, s1) == 1, "program 1 -> %u", s1);
	struct gh_gl_program *p1 = gh_gl_map_get_ptr(&s->programs, s1);
	struct gh_gl_program *p2 = gh_gl_map_get_ptr(&s->programs, h2);
	CHECK(p1 && p1->standin && p2 && p2->standin, "stand-ins: 1 %d, 2 %d",
	      p1 ? p1->standin : -1, p2 ? p2->standin : -1);
	if (!tables_agree(s))
		return false;
	/* Let go, each name goes with its stand-in; both can be made again. */
	gt_cmd(t, GLES_OP_glUseProgram, 1, 0);
	CHECK(gt_send(t, 2, 0, 0), "%s", t->reason);
	gt_cmd(t, GLES_OP_glUseProgram, 1, 0);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	CHECK(!lookup(&n->app, 1) && !lookup(&n->app, 2), "programs 1 and 2 still mapped");
	if (!tables_agree(s))
		return false;
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 1);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 2);
	CHECK(gt_send(t, 1, 0, 0), "%s", t->reason);
	return tables_agree(s);
}

/* The driver gives the stand-in a name an app program holds whose object lives: no driver
 * does, and the host ends the link rather than overwrite that program's entries. */
static bool standin_at_a_live_name_ends_the_link(struct gt *t)
{
	uint32_t h1, live;
	if (!ready(t) || !kept_dead(t, 1, 1, &h1))
		return false;
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 5);
	CHECK(gt_send(t, 2, 0, 0), "%s", t->reason);
	live = lookup(&share_of(t)->names[GL_NAMES_PROGRAM].app, 5);
	driver_create_program = gles_host.glCreateProgram;
	gles_host.glCreateProgram = reusing_create_program;
	queued[n_queued++] = live; /* the stand-in's */
	queued[n_queued++] = h1;   /* program 3's */
	gt_cmd(t, GLES_OP_glCreateProgram, 1, 3);
	gt_send(t, 1, 0, 0);
	gles_host.glCreateProgram = driver_create_program;
	return gt_refused(t, "program 5's, twice");
}

static const struct gt_case cases[] = {
        GT_CASE(standin_never_takes_another_kept_name),
        GT_CASE(standin_at_a_live_name_ends_the_link),
};

int main(int argc, char **argv)
{
	return gt_main(argc, argv, cases, sizeof(cases) / sizeof(cases[0]), false);
}
