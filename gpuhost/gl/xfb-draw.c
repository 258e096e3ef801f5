/*
 * Desktop OpenGL's transform feedback draws (glDrawTransformFeedback and its
 * Stream / Instanced forms, 4.0 and 4.2): their vertex count is what the
 * object last captured, which the app never says. Every draw's vertex
 * fetches are checked against the buffers (draw.c), so the host counts what
 * each capture wrote and checks the draw as glDrawArrays(mode, 0, n) with
 * those instances.
 *
 * How it counts. Around every stretch of a capture (glBegin or
 * glResumeTransformFeedback to glPause or glEndTransformFeedback) the host
 * runs one query of its own per vertex stream, attributed to the object
 * capturing: GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN (exact), else, where
 * the app holds that target and index itself, GL_PRIMITIVES_GENERATED
 * (primitives written never outnumber those generated: a sound bound). GL
 * allows one active query per target and index, and the host's must never
 * change what the app sees: when the app begins a query of the slot the host
 * holds, the host ends its own first (the stretch so far is counted) and
 * moves to the other slot; when the app ends one, a stream the host could not
 * count resumes there. A stretch with both slots the app's is not counted: a
 * draw of that capture is refused with GL_INVALID_OPERATION (logged), never
 * run unchecked. Who holds a slot is asked of the driver (GL_CURRENT_QUERY),
 * as are the object bound and whether a capture runs, so a command GL
 * refused changes nothing here. At the draw the host reads its queries'
 * results (a wait on the host, no round trip) and converts primitives to
 * vertices by the capture's primitive mode. The host's GL errors are kept
 * from the app's (gh_gl_errors_stash).
 *
 * Why not a bound from the capture buffers' sizes: the count would be the
 * buffers' capacity, far above what a capture wrote, and a draw that reads
 * another, smaller per-vertex buffer (sized for what was captured) would end
 * a correct app's link; finding each stream's stride per buffer also needs
 * the program's varyings and streams. The queries give the count itself.
 *
 * GL's own refusals are kept: a draw of an object whose capture never ended
 * records GL_INVALID_OPERATION, an unknown name GL_INVALID_VALUE, a stream
 * past GL_MAX_VERTEX_STREAMS GL_INVALID_VALUE; the driver is not called.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "compat-trackers.h"
#include "context.h"
#include "draws.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "stream.h"

#define MAX_STREAMS 4u /* GL_MAX_VERTEX_STREAMS is 4 in every driver we know */
/* Queries of one capture and stream read at once past this many. */
#define MAX_PENDING 32u

#define PRIMITIVES_WRITTEN 0x8C88 /* GL_TRANSFORM_FEEDBACK_PRIMITIVES_WRITTEN */
#define PRIMITIVES_GENERATED 0x8C87
#define CURRENT_QUERY 0x8865
#define QUERY_RESULT 0x8866
#define XFB_PAUSED 0x8E23
#define XFB_ACTIVE 0x8E24
#define XFB_BINDING 0x8E25
#define MAX_VERTEX_STREAMS 0x8E71

/* What one capture wrote on one stream: results read, queries not yet. */
struct count {
	uint64_t prims;
	GLuint *queries;
	uint32_t n, cap;
	bool uncounted; /* a stretch ran with no query of ours */
};

struct capture {
	struct count s[MAX_STREAMS];
	uint32_t per_prim; /* vertices per primitive of its glBeginTransformFeedback */
};

struct object {
	struct capture cur, last; /* the one running or paused; the one ended last */
	bool ended;               /* glEndTransformFeedback ran on it */
};

struct gh_gl_xfb {
	struct gh_gl_map objects; /* host name -> object (not 0) */
	struct object dflt;       /* name 0 */
	uint32_t streams;
	struct object *running; /* counters run for it */
	struct {
		GLuint query; /* 0: none */
		GLenum target;
	} run[MAX_STREAMS];
};

static void count_clear(struct count *c)
{
	if (c->n)
		gles_host.glDeleteQueries((GLsizei)c->n, c->queries);
	free(c->queries);
	*c = (struct count){0};
}

static void capture_clear(struct capture *cap)
{
	for (uint32_t i = 0; i < MAX_STREAMS; i++)
		count_clear(&cap->s[i]);
	cap->per_prim = 0;
}

/* The results of c's queries (a wait until the GPU has them), added up. */
static void count_resolve(struct count *c)
{
	for (uint32_t k = 0; k < c->n; k++) {
		GLuint64 v = 0;
		gles_host.glGetQueryObjectui64v(c->queries[k], QUERY_RESULT, &v);
		c->prims = c->prims + v < c->prims ? UINT64_MAX : c->prims + v;
	}
	if (c->n)
		gles_host.glDeleteQueries((GLsizei)c->n, c->queries);
	c->n = 0;
}

static void count_add(struct count *c, GLuint query)
{
	if (c->n == MAX_PENDING)
		count_resolve(c);
	if (c->n == c->cap) {
		uint32_t cap = c->cap ? c->cap * 2 : 4;
		GLuint *q = realloc(c->queries, cap * sizeof(*q));
		if (!q) { /* the result now, then: nothing is lost */
			GLuint64 v = 0;
			gles_host.glGetQueryObjectui64v(query, QUERY_RESULT, &v);
			gles_host.glDeleteQueries(1, &query);
			c->prims = c->prims + v < c->prims ? UINT64_MAX : c->prims + v;
			return;
		}
		c->queries = q;
		c->cap = cap;
	}
	c->queries[c->n++] = query;
}

static void free_object(uint32_t key, uintptr_t val, void *data)
{
	struct object *o = (struct object *)val;
	capture_clear(&o->cur);
	capture_clear(&o->last);
	free(o);
}

void gh_gl_xfb_free(struct gh_gl_context *ctx)
{
	struct gh_gl_xfb *t = ctx->xfb;
	if (!t)
		return;
	/* The context and its queries are gone: only our memory is freed. */
	gh_gl_map_for_each(&t->objects, free_object, NULL);
	gh_gl_map_finish(&t->objects);
	for (uint32_t i = 0; i < MAX_STREAMS; i++) {
		free(t->dflt.cur.s[i].queries);
		free(t->dflt.last.s[i].queries);
	}
	free(t);
	ctx->xfb = NULL;
}

/* The context's records, where it has the transform feedback draws. */
static struct gh_gl_xfb *tracking(struct gh_gl_context *ctx)
{
	if (!ctx || !gles_level_has(&ctx->level, GLES_OP_glDrawTransformFeedback))
		return NULL;
	if (ctx->xfb)
		return ctx->xfb;
	struct gh_gl_xfb *t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	gh_gl_map_init(&t->objects, UINT32_MAX);
	GLint streams = 1;
	gles_host.glGetIntegerv(MAX_VERTEX_STREAMS, &streams);
	t->streams = streams < 1                    ? 1
	             : streams > (GLint)MAX_STREAMS ? MAX_STREAMS
	                                            : (uint32_t)streams;
	ctx->xfb = t;
	return t;
}

static struct object *object_of(struct gh_gl_xfb *t, GLuint host, bool make)
{
	if (!host)
		return &t->dflt;
	struct object *o = gh_gl_map_get_ptr(&t->objects, host);
	if (o || !make)
		return o;
	o = calloc(1, sizeof(*o));
	if (o && !gh_gl_map_put(&t->objects, host, (uintptr_t)o)) {
		free(o);
		o = NULL;
	}
	return o;
}

static GLint get_int(GLenum pname)
{
	GLint v = 0;
	gles_host.glGetIntegerv(pname, &v);
	return v;
}

/* Our own GL calls: the app's errors are kept aside before, ours dropped
 * after. */
static void own_calls_begin(struct gh_gl_context *ctx)
{
	gh_gl_errors_stash(ctx);
}

static bool own_calls_end(void)
{
	bool failed = false;
	for (int k = 0; k < 16 && gles_host.glGetError() != GL_NO_ERROR; k++)
		failed = true;
	return failed;
}

static bool slot_free(GLenum target, GLuint index)
{
	GLint q = -1;
	gles_host.glGetQueryIndexediv(target, index, CURRENT_QUERY, &q);
	return q == 0;
}

/* Starts stream i's counter for the running object, in whichever slot
 * the app leaves free; none free: the stretch goes uncounted. */
static void start_stream(struct gh_gl_xfb *t, uint32_t i)
{
	static const GLenum targets[] = {PRIMITIVES_WRITTEN, PRIMITIVES_GENERATED};
	struct count *c = &t->running->cur.s[i];
	for (size_t k = 0; k < 2; k++) {
		if (!slot_free(targets[k], i))
			continue;
		GLuint q = 0;
		gles_host.glGenQueries(1, &q);
		gles_host.glBeginQueryIndexed(targets[k], i, q);
		if (own_calls_end()) {
			if (q)
				gles_host.glDeleteQueries(1, &q);
			continue;
		}
		t->run[i].query = q;
		t->run[i].target = targets[k];
		return;
	}
	c->uncounted = true;
}

static void stop_stream(struct gh_gl_xfb *t, uint32_t i)
{
	if (!t->run[i].query)
		return;
	gles_host.glEndQueryIndexed(t->run[i].target, i);
	count_add(&t->running->cur.s[i], t->run[i].query);
	t->run[i].query = 0;
}

static void stop_all(struct gh_gl_xfb *t)
{
	for (uint32_t i = 0; t->running && i < t->streams; i++)
		stop_stream(t, i);
	t->running = NULL;
}

/* After a command that may start or stop capturing: the driver says
 * whether the bound object captures now. */
static void follow_capture(struct gh_gl_context *ctx, struct gh_gl_xfb *t, bool begun, GLenum mode)
{
	own_calls_begin(ctx);
	bool capturing = get_int(XFB_ACTIVE) && !get_int(XFB_PAUSED);
	GLuint bound = (GLuint)get_int(XFB_BINDING);
	struct object *o = capturing || begun ? object_of(t, bound, true) : NULL;
	if (begun && o && get_int(XFB_ACTIVE)) {
		stop_all(t);
		capture_clear(&o->cur);
		o->cur.per_prim = mode == GL_POINTS ? 1 : mode == GL_LINES ? 2 : 3;
	}
	if (!capturing) {
		stop_all(t);
	} else if (t->running != o) {
		stop_all(t);
		if (o) {
			t->running = o;
			for (uint32_t i = 0; i < t->streams; i++)
				start_stream(t, i);
		}
	}
	own_calls_end();
}

bool gl_exec_wrap_glBeginTransformFeedback(struct gl_exec *x, GLenum primitiveMode)
{
	if (gh_gl_list_refuses(x, "glBeginTransformFeedback"))
		return true;
	struct gh_gl_xfb *t = tracking(x->ctx);
	bool was_active = false;
	if (t) {
		own_calls_begin(x->ctx);
		was_active = get_int(XFB_ACTIVE);
		own_calls_end();
	}
	gles_host.glBeginTransformFeedback(primitiveMode);
	/* Begun while one ran: GL refused it, the capture goes on. */
	if (t)
		follow_capture(x->ctx, t, !was_active, primitiveMode);
	return true;
}

bool gl_exec_wrap_glResumeTransformFeedback(struct gl_exec *x)
{
	if (gh_gl_list_refuses(x, "glResumeTransformFeedback"))
		return true;
	gles_host.glResumeTransformFeedback();
	struct gh_gl_xfb *t = tracking(x->ctx);
	if (t)
		follow_capture(x->ctx, t, false, 0);
	return true;
}

bool gl_exec_wrap_glPauseTransformFeedback(struct gl_exec *x)
{
	if (gh_gl_list_refuses(x, "glPauseTransformFeedback"))
		return true;
	gles_host.glPauseTransformFeedback();
	struct gh_gl_xfb *t = tracking(x->ctx);
	if (t)
		follow_capture(x->ctx, t, false, 0);
	return true;
}

bool gl_exec_wrap_glEndTransformFeedback(struct gl_exec *x)
{
	if (gh_gl_list_refuses(x, "glEndTransformFeedback"))
		return true;
	struct gh_gl_xfb *t = tracking(x->ctx);
	GLuint bound = 0;
	if (t) {
		own_calls_begin(x->ctx);
		bound = (GLuint)get_int(XFB_BINDING);
		bool was_active = get_int(XFB_ACTIVE);
		own_calls_end();
		gles_host.glEndTransformFeedback();
		own_calls_begin(x->ctx);
		bool ended = was_active && !get_int(XFB_ACTIVE);
		own_calls_end();
		struct object *o = ended ? object_of(t, bound, true) : NULL;
		if (o) {
			if (t->running == o) {
				own_calls_begin(x->ctx);
				stop_all(t);
				own_calls_end();
			}
			capture_clear(&o->last);
			o->last = o->cur;
			o->cur = (struct capture){0};
			o->ended = true;
		}
		return true;
	}
	gles_host.glEndTransformFeedback();
	return true;
}

bool gl_exec_wrap_glDeleteTransformFeedbacks(struct gl_exec *x, GLsizei n, const GLuint *ids,
                                             const GLuint *app_ids)
{
	gles_host.glDeleteTransformFeedbacks(n, ids);
	struct gh_gl_xfb *t = x->ctx ? x->ctx->xfb : NULL;
	for (GLsizei k = 0; t && k < n; k++) {
		uintptr_t v;
		struct object *o = gh_gl_map_get_ptr(&t->objects, ids[k]);
		/* GL keeps an object it refused to delete (one capturing). */
		if (!ids[k] || !o || o == t->running || gles_host.glIsTransformFeedback(ids[k]))
			continue;
		gh_gl_map_remove(&t->objects, ids[k], &v);
		capture_clear(&o->cur);
		capture_clear(&o->last);
		free(o);
	}
	return true;
}

/* The stream of a query target and index our counters use, or -1. */
static int counted_stream(const struct gh_gl_xfb *t, GLenum target, GLuint index)
{
	if ((target != PRIMITIVES_WRITTEN && target != PRIMITIVES_GENERATED) || index >= t->streams)
		return -1;
	return (int)index;
}

/* Before the app begins a query of (target, index): ours there ends. */
static void app_takes(struct gl_exec *x, GLenum target, GLuint index)
{
	struct gh_gl_xfb *t = x->ctx ? x->ctx->xfb : NULL;
	int i = t ? counted_stream(t, target, index) : -1;
	if (i < 0 || !t->running || !t->run[i].query || t->run[i].target != target)
		return;
	own_calls_begin(x->ctx);
	stop_stream(t, (uint32_t)i);
	own_calls_end();
}

/* After the app began or ended a query: a stream without a counter
 * while capturing gets one where a slot is free. */
static void app_moved(struct gl_exec *x, GLenum target, GLuint index)
{
	struct gh_gl_xfb *t = x->ctx ? x->ctx->xfb : NULL;
	int i = t ? counted_stream(t, target, index) : -1;
	if (i < 0 || !t->running || t->run[i].query)
		return;
	own_calls_begin(x->ctx);
	start_stream(t, (uint32_t)i);
	own_calls_end();
}

/* The query targets whose slots the host shares with the app to count
 * captures: their begin and end are never compiled into a display list. */
static bool counted(GLenum target)
{
	return target == PRIMITIVES_GENERATED || target == PRIMITIVES_WRITTEN;
}

bool gl_exec_wrap_glBeginQuery(struct gl_exec *x, GLenum target, GLuint id, GLuint app_id)
{
	if (counted(target) && gh_gl_list_refuses(x, "glBeginQuery"))
		return true;
	app_takes(x, target, 0);
	gles_host.glBeginQuery(target, id);
	app_moved(x, target, 0);
	return true;
}

bool gl_exec_wrap_glBeginQueryIndexed(struct gl_exec *x, GLenum target, GLuint index, GLuint id,
                                      GLuint app_id)
{
	if (counted(target) && gh_gl_list_refuses(x, "glBeginQueryIndexed"))
		return true;
	app_takes(x, target, index);
	gles_host.glBeginQueryIndexed(target, index, id);
	app_moved(x, target, index);
	return true;
}

/* The query active at (target, index) is the host's own counter: the app
 * has none there, so its end is GL's GL_INVALID_OPERATION and never
 * reaches the driver (which would end ours and leave a capture uncounted). */
static bool host_holds(struct gl_exec *x, GLenum target, GLuint index)
{
	struct gh_gl_xfb *t = x->ctx ? x->ctx->xfb : NULL;
	int i = t ? counted_stream(t, target, index) : -1;
	if (i < 0 || !t->running || !t->run[i].query || t->run[i].target != target)
		return false;
	gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
	return true;
}

bool gl_exec_wrap_glEndQuery(struct gl_exec *x, GLenum target)
{
	if ((counted(target) && gh_gl_list_refuses(x, "glEndQuery")) || host_holds(x, target, 0))
		return true;
	gles_host.glEndQuery(target);
	app_moved(x, target, 0);
	return true;
}

bool gl_exec_wrap_glEndQueryIndexed(struct gl_exec *x, GLenum target, GLuint index)
{
	if ((counted(target) && gh_gl_list_refuses(x, "glEndQueryIndexed")) ||
	    host_holds(x, target, index))
		return true;
	gles_host.glEndQueryIndexed(target, index);
	app_moved(x, target, index);
	return true;
}

/* ---- The draws ---- */

struct xfb_call {
	GLenum mode;
	GLuint id;
	GLuint stream;
	GLsizei instances;
	bool streamed, instanced;
};

static void run_xfb(const void *args)
{
	const struct xfb_call *c = args;
	if (c->streamed && c->instanced)
		gles_host.glDrawTransformFeedbackStreamInstanced(c->mode, c->id, c->stream,
		                                                 c->instances);
	else if (c->streamed)
		gles_host.glDrawTransformFeedbackStream(c->mode, c->id, c->stream);
	else if (c->instanced)
		gles_host.glDrawTransformFeedbackInstanced(c->mode, c->id, c->instances);
	else
		gles_host.glDrawTransformFeedback(c->mode, c->id);
}

static bool draw_xfb(struct gl_exec *x, const char *cmd, struct xfb_call *c, GLuint app_id)
{
	struct gh_gl_context *ctx = x->ctx;
	struct gh_gl_xfb *t = tracking(ctx);
	if (!t)
		return gh_gl_fail(x, "%s: no transform feedback records in this context", cmd);
	GLuint host = 0;
	if (!gl_exec_map_query(x, GL_NAMES_TRANSFORM_FEEDBACK, app_id, &host))
		return false;
	if (app_id && !host) {
		gh_gl_error_record(ctx, GL_INVALID_VALUE); /* not an object's name */
		return true;
	}
	if (c->stream >= t->streams || c->instances < 0) {
		gh_gl_error_record(ctx, GL_INVALID_VALUE);
		return true;
	}
	struct object *o = object_of(t, host, false);
	if (!o || !o->ended) {
		/* A name made but never bound is no object yet (GL_INVALID_VALUE, as the
		 * driver says); an object never captured into GL_INVALID_OPERATION. */
		bool object = !host || gles_host.glIsTransformFeedback(host);
		gh_gl_error_record(ctx, object ? GL_INVALID_OPERATION : GL_INVALID_VALUE);
		return true;
	}
	struct count *n = &o->last.s[c->stream];
	if (n->uncounted) {
		gp_log(WARN,
		       "GL stream %u: %s: object %u's capture on stream %u ran while the app "
		       "held both queries the host counts it with: refused (GL_INVALID_OPERATION)",
		       x->channel, cmd, app_id, c->stream);
		gh_gl_error_record(ctx, GL_INVALID_OPERATION);
		return true;
	}
	own_calls_begin(ctx);
	count_resolve(n);
	own_calls_end();
	uint64_t vertices =
	        n->prims > UINT64_MAX / 3 ? UINT64_MAX / 3 : n->prims * o->last.per_prim;
	c->id = host;
	struct gh_gl_fetch f = {.any = vertices > 0,
	                        .first = 0,
	                        .last = vertices ? (int64_t)(vertices - 1) : 0,
	                        .instances = c->instanced ? (uint64_t)c->instances : 1};
	return gh_gl_draw_checked(x, &f, run_xfb, c);
}

/* u32 mode, id[, stream][, instancecount]. */
static bool read_xfb(struct gl_exec *x, struct gl_reader *r, const char *cmd, bool streamed,
                     bool instanced)
{
	struct xfb_call c = {.streamed = streamed, .instanced = instanced, .instances = 1};
	c.mode = gl_rd_u32(r);
	GLuint app_id = gl_rd_u32(r);
	if (streamed)
		c.stream = gl_rd_u32(r);
	if (instanced)
		c.instances = (GLsizei)gl_rd_u32(r);
	if (!gles_reader_end(x, r, cmd))
		return false;
	return draw_xfb(x, cmd, &c, app_id);
}

bool gl_exec_special_glDrawTransformFeedback(struct gl_exec *x, struct gl_reader *r)
{
	return read_xfb(x, r, "glDrawTransformFeedback", false, false);
}

bool gl_exec_special_glDrawTransformFeedbackStream(struct gl_exec *x, struct gl_reader *r)
{
	return read_xfb(x, r, "glDrawTransformFeedbackStream", true, false);
}

bool gl_exec_special_glDrawTransformFeedbackInstanced(struct gl_exec *x, struct gl_reader *r)
{
	return read_xfb(x, r, "glDrawTransformFeedbackInstanced", false, true);
}

bool gl_exec_special_glDrawTransformFeedbackStreamInstanced(struct gl_exec *x, struct gl_reader *r)
{
	return read_xfb(x, r, "glDrawTransformFeedbackStreamInstanced", true, true);
}
