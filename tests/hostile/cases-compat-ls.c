/*
 * Hostile GL streams of the compatibility profile's evaluators and attribute stack
 * (helper LS's block of protocols/gles/gl-compat-annotations.txt), on a 4.5 compatibility
 * context: skipped where the host offers none yet.
 */
#include <string.h>

#include "hl-compat.h"

#define COMPAT45 GL_VERSION_CODE(4, 5)
#define GL_MAP1_VERTEX_3_ 0x0D97
#define GL_MAP2_VERTEX_3_ 0x0DB7
#define ONE 0x3f800000u /* 1.0f */

/* glMap2f of GL_MAP2_VERTEX_3 with a u stride of 2: points would overlap and GL's own
 * check comes after the host's copy is sized, so the host refuses it first. */
static bool gl_eval_map_with_a_stride_below_its_components_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[16];
	hl_gl_cmd_begin(&g, GLES_OP_glMap2f);
	hl_put_u32(&g.cmds, GL_MAP2_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 2); /* ustride */
	hl_put_u32(&g.cmds, 2); /* uorder */
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 6); /* vstride */
	hl_put_u32(&g.cmds, 2); /* vorder */
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap2f: points");
}

/* Four points of three values, 3 apart, are 12 values: a blob of 10 would have the driver
 * read 8 bytes past it. */
static bool gl_eval_map_short_of_order_times_stride_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[10];
	hl_gl_cmd_begin(&g, GLES_OP_glMap1f);
	hl_put_u32(&g.cmds, GL_MAP1_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 3); /* stride */
	hl_put_u32(&g.cmds, 4); /* order */
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap1f: points is 40 bytes, its arguments say 48");
}

/* An order past GL_MAX_EVAL_ORDER never sizes a blob: a stride of 2^30 with order 40
 * would say gigabytes. */
static bool gl_eval_map_order_past_the_limit_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const float pts[3];
	hl_gl_cmd_begin(&g, GLES_OP_glMap1f);
	hl_put_u32(&g.cmds, GL_MAP1_VERTEX_3_);
	hl_put_u32(&g.cmds, 0);
	hl_put_u32(&g.cmds, ONE);
	hl_put_u32(&g.cmds, 1u << 30);
	hl_put_u32(&g.cmds, 40);
	hl_gl_put_blob(&g, pts, sizeof(pts));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMap1f: points");
}

/* A feedback buffer that does not fit: 2^28 values is past the GL memory quota and any
 * reply, GL_OUT_OF_MEMORY and the link goes on; a buffer of 4 values that three
 * glPassThrough (2 values each) overflow: glRenderMode answers -1 and carries the 4 values
 * GL wrote, never more. */
static bool gl_feedback_buffer_that_does_not_fit_is_gl_overflow(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glFeedbackBuffer, 2, 1u << 28, 0x0600u /* GL_2D */);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "glGetError is 0x%x, not GL_OUT_OF_MEMORY", err);
	hl_gl_cmd(&g, GLES_OP_glFeedbackBuffer, 2, 4u, 0x0600u);
	hl_gl_cmd(&g, GLES_OP_glRenderMode, 1, 0x1C01u /* GL_FEEDBACK */);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(&g, GLES_OP_glRenderMode, &size);
	CHECK(p != NULL);
	CHECKF(size == 16, "entering GL_FEEDBACK: a reply of %u bytes", size);
	for (int i = 0; i < 3; i++)
		hl_gl_cmd(&g, GLES_OP_glPassThrough, 1, ONE);
	hl_gl_cmd(&g, GLES_OP_glRenderMode, 1, 0x1C00u /* GL_RENDER */);
	CHECK(hl_gl_send(&g, CH, 0));
	p = hl_gl_reply(&g, GLES_OP_glRenderMode, &size);
	CHECK(p != NULL);
	uint32_t head[4];
	CHECKF(size >= 16, "leaving GL_FEEDBACK: a reply of %u bytes", size);
	memcpy(head, p, 16);
	CHECKF((int32_t)head[0] == -1 && head[1] == 0x1C01u && head[3] == 16 && size == 32,
	       "leaving GL_FEEDBACK: %d, mode 0x%x, %u bytes of values in %u", (int32_t)head[0],
	       head[1], head[3], size);
	return hl_gl_close_served(e, &g);
}

/* ---- Display lists ---- */

#define GL_COMPILE_ 0x1300u
#define GL_UNSIGNED_INT_ 0x1405u

/* glCallLists of 4 GL_UNSIGNED_INT names (16 bytes) with 8 bytes: the driver would read
 * past the blob; the host sizes it by type first. */
static bool gl_call_lists_short_of_n_names_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const uint32_t names[2] = {1, 2};
	hl_gl_cmd_begin(&g, GLES_OP_glCallLists);
	hl_put_u32(&g.cmds, 4);
	hl_put_u32(&g.cmds, GL_UNSIGNED_INT_);
	hl_gl_put_blob(&g, names, sizeof(names));
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glCallLists: lists is 8 bytes, its arguments say 16");
}

/* A list that calls itself, called: the driver's nesting limit (GL_MAX_LIST_NESTING)
 * stops it; the host adds no recursion and the link goes on. */
static bool gl_list_calling_itself_is_bounded_by_the_driver(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 5u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 5u);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 5u);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "after a list calling itself: glGetError 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glIsList, 1, 5u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t is = 0;
	CHECK(hl_gl_reply_u32(&g, GLES_OP_glIsList, &is));
	CHECKF(is == 1, "glIsList(5) is %u", is);
	return hl_gl_close_served(e, &g);
}

static void gen_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

/* glTexImage2D(size x size RGBA, NULL) on the texture bound to GL_TEXTURE_2D. */
static void tex_image(struct hl_gl_link *g, uint32_t size)
{
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

/* A list compiled as glBindTexture(A) + a 16 MiB glTexImage2D; the app binds B and calls
 * it: the driver has A bound, holding 16 MiB. An upload then lands on A: a host that still
 * believed B bound would charge B, give the bytes back at glDeleteTextures(B) and let the
 * app allocate without end. Against --quota-gl-memory 64M (the context takes 4 MiB): the
 * list 16, A 16 (re-read after the call, the upload respecifying it), texture 9 16 fit; a
 * fourth 16 MiB (texture 10) does not. */
static bool gl_list_bind_and_image_are_charged_where_the_driver_has_them(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	gen_texture(&g, 7);
	gen_texture(&g, 8);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7u);
	tex_image(&g, 2048);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the list made: glGetError 0x%x", err);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 8u);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "the list called: glGetError 0x%x", err);
	tex_image(&g, 2048); /* texture 7's, where the driver has it bound */
	hl_gl_cmd_begin(&g, GLES_OP_glDeleteTextures);
	hl_put_u32(&g.cmds, 1);
	uint32_t eight = 8;
	hl_gl_put_blob(&g, &eight, 4);
	hl_gl_cmd_end(&g);
	gen_texture(&g, 9);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 9u);
	tex_image(&g, 2048);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_NO_ERROR, "48 MiB of 64: glGetError 0x%x", err);
	gen_texture(&g, 10);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 10u);
	tex_image(&g, 2048);
	CHECK(hl_gl_get_error(&g, &err));
	CHECKF(err == GL_OUT_OF_MEMORY, "68 MiB in a 64 MiB quota: glGetError 0x%x", err);
	return hl_gl_close_served(e, &g);
}

static void delete_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glDeleteTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

/* GL compatibility makes a texture of a name bound that has none: a list binding texture
 * T, giving it a 1 MiB image and binding 0, called after glDeleteTextures(T), makes T's
 * freed host name a texture again. A host that re-read only what stays bound never saw
 * it: 100 rounds left 100 MiB in the driver, charged to nothing, against a 64 MiB quota
 * (the security review's finding 3). Now the host deletes what a call made again at a
 * name deleted while a list binds it: the link process stays small. */
static bool gl_list_binding_a_deleted_texture_leaves_nothing_behind(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t err;
	CHECK(hl_gl_get_error(&g, &err));
	pid_t pid = hl_link_pid(e, g.l.index);
	CHECK(pid > 0);
	long before = hl_peak_rss_kib(pid);
	CHECK(before > 0);
	enum { SIDE = 512, BYTES = SIDE * SIDE * 4 };
	static uint8_t pixels[BYTES];
	memset(pixels, 0x5a, sizeof(pixels));
	for (uint32_t i = 0; i < 100; i++) {
		gen_texture(&g, 20 + i);
		hl_gl_cmd(&g, GLES_OP_glNewList, 2, 100u + i, GL_COMPILE_);
		hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 20u + i);
		hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
		uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, SIDE,
		                   SIDE,          0, GL_RGBA, GL_UNSIGNED_BYTE};
		for (size_t k = 0; k < sizeof(args) / sizeof(args[0]); k++)
			hl_put_u32(&g.cmds, args[k]);
		hl_gl_put_blob(&g, pixels, BYTES);
		hl_gl_cmd_end(&g);
		hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 0u);
		hl_gl_cmd(&g, GLES_OP_glEndList, 0);
		delete_texture(&g, 20 + i);
		hl_gl_cmd(&g, GLES_OP_glCallList, 1, 100u + i);
		hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, 100u + i, 1u);
		CHECK(hl_gl_send(&g, CH, 1u << 20)); /* frames of 1 MiB, as the proxy's */
		CHECK(hl_gl_get_error(&g, &err));
		CHECKF(err == GL_NO_ERROR, "round %u: glGetError 0x%x", i, err);
	}
	long after = hl_peak_rss_kib(pid);
	fprintf(stderr, "# link process %d: peak RSS %ld MiB, %ld MiB over its %ld MiB before\n",
	        (int)pid, after / 1024, (after - before) / 1024, before / 1024);
	CHECKF(after - before < 40 * 1024, "100 lists' textures made again: %ld MiB more",
	       (after - before) / 1024);
	return hl_gl_close_served(e, &g);
}

/* ---- Between glBegin and glEnd of a list being made ---- */

#define GL_COMPILE_AND_EXECUTE_ 0x1301u
#define GL_POINTS_ 0u
#define GL_GREATER_ 0x0204u
#define GL_ARRAY_BUFFER_ 0x8892u

static bool error_is(struct hl_gl_link *g, uint32_t want, const char *when)
{
	uint32_t err = 0;
	CHECK(hl_gl_get_error(g, &err));
	CHECKF(err == want, "%s: glGetError 0x%x, want 0x%x", when, err, want);
	return true;
}

/* In a list made with GL_COMPILE_AND_EXECUTE, glAlphaFunc between glBegin and glEnd is
 * compiled and only fails to run (GL_INVALID_OPERATION): neither side follows anything of
 * it, so the host lets it through, and the list raises the error again when called. */
static bool gl_list_compiles_a_state_command_between_begin_and_end(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_AND_EXECUTE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glAlphaFunc, 2, GL_GREATER_, 0u);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "glAlphaFunc run between glBegin and glEnd"));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "the list called"));
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER_, 0u);
	CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after glEnd"));
	/* glPushAttrib there pushes no level, on the host as in the driver: a glPopAttrib
	 * after glEnd underflows. */
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 2u, GL_COMPILE_AND_EXECUTE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glPushAttrib, 1, 0x00040000u /* GL_TEXTURE_BIT */);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "glPushAttrib run between glBegin and glEnd"));
	hl_gl_cmd(&g, GLES_OP_glPopAttrib, 0);
	CHECK(error_is(&g, 0x0504u /* GL_STACK_UNDERFLOW */, "a glPopAttrib after glEnd"));
	return hl_gl_close_served(e, &g);
}

/* glBindTexture there is not in that table (the host tracks the binding): the link ends as
 * anywhere between glBegin and glEnd. */
static bool gl_bind_texture_between_begin_and_end_of_a_list_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	gen_texture(&g, 7);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_AND_EXECUTE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindTexture: between glBegin and glEnd, where GL refuses it");
}

/* Outside a list being made, glAlphaFunc between glBegin and glEnd still ends the link. */
static bool gl_state_command_between_begin_and_end_outside_a_list_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glAlphaFunc, 2, GL_GREATER_, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glAlphaFunc: between glBegin and glEnd, where GL refuses it");
}

/* A glBegin inside a primitive does not nest: glBegin, glBegin, glEnd in a list is kept
 * (GL's error when the inner glBegin runs) and leaves the driver outside a primitive, in
 * either mode: a glBindBuffer after it is served. */
static bool gl_list_begin_inside_a_primitive_does_not_nest(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const uint32_t modes[2] = {GL_COMPILE_, GL_COMPILE_AND_EXECUTE_};
	for (int i = 0; i < 2; i++) {
		hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u + i, modes[i]);
		hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
		hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
		hl_gl_cmd(&g, GLES_OP_glEnd, 0);
		hl_gl_cmd(&g, GLES_OP_glEndList, 0);
		CHECK(error_is(&g, i ? GL_INVALID_OPERATION : GL_NO_ERROR, "the list made"));
		uint32_t is = 0;
		hl_gl_cmd(&g, GLES_OP_glIsList, 1, 1u + i);
		CHECK(hl_gl_send(&g, CH, 0) && hl_gl_reply_u32(&g, GLES_OP_glIsList, &is));
		CHECKF(is == 1, "glIsList of list %d: %u", 1 + i, is);
		hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u + i);
		CHECK(error_is(&g, GL_INVALID_OPERATION, "the list called"));
		hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER_, 0u);
		CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after the call"));
	}
	return hl_gl_close_served(e, &g);
}

/* GL_OP_LIST_DRAW: a GL 1.x draw between glBegin and glEnd of a GL_COMPILE_AND_EXECUTE
 * list, its kind alone. */
static void list_draw(struct hl_gl_link *g, uint32_t kind)
{
	hl_gl_cmd_begin(g, GL_OP_LIST_DRAW);
	hl_put_u32(&g->cmds, kind);
	hl_gl_cmd_end(g);
}

/* Both kinds are compiled and fail to run, now and when the list is called; the driver
 * leaves the primitive where it was: a glBindBuffer after glEnd is served. */
static bool gl_list_draw_between_begin_and_end_is_compiled_to_fail(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	for (uint32_t kind = GL_LIST_DRAW_ARRAYS; kind <= GL_LIST_DRAW_ELEMENTS; kind++) {
		hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u + kind, GL_COMPILE_AND_EXECUTE_);
		hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
		list_draw(&g, kind);
		hl_gl_cmd(&g, GLES_OP_glEnd, 0);
		hl_gl_cmd(&g, GLES_OP_glEndList, 0);
		CHECK(error_is(&g, GL_INVALID_OPERATION, "the draw run between glBegin and glEnd"));
		hl_gl_cmd(&g, GLES_OP_glCallList, 1, 1u + kind);
		CHECK(error_is(&g, GL_INVALID_OPERATION, "the list called"));
		hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, GL_ARRAY_BUFFER_, 0u);
		CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after the call"));
	}
	return hl_gl_close_served(e, &g);
}

/* Anywhere else it ends the link: between glBegin and glEnd outside a list, inside a
 * GL_COMPILE list (nothing runs, the driver is outside a primitive), outside glBegin/glEnd
 * of a GL_COMPILE_AND_EXECUTE list; and a kind of no draw. */
static bool gl_list_draw_anywhere_else_ends_the_link(struct hl_env *e)
{
	static const char *const why =
	        "GL_OP_LIST_DRAW: GL_OP_LIST_DRAW outside glBegin/glEnd of a list being made in "
	        "GL_COMPILE_AND_EXECUTE mode";
	for (int where = 0; where < 4; where++) {
		struct hl_gl_link g;
		HL_GL_READY_COMPAT(e, &g, COMPAT45);
		if (where > 0)
			hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u,
			          where == 1 ? GL_COMPILE_ : GL_COMPILE_AND_EXECUTE_);
		if (where != 2)
			hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
		list_draw(&g, where == 3 ? 7u : GL_LIST_DRAW_ARRAYS);
		hl_gl_send(&g, CH, 0);
		CHECK(hl_refused(e, &g.l,
		                 where == 3 ? "GL_OP_LIST_DRAW: GL_OP_LIST_DRAW of unknown kind 7"
		                            : why));
	}
	return true;
}

/* Mesa 22.3 crashes compiling a list that calls a name that is no list, where the list calls
 * any list inside a primitive of its own or leaves one open (found by a review of
 * 2026-12-06): the link ends instead of its process, saying why; a list calling an existing
 * list there, or a missing one with no call in a primitive, is served. */
static bool gl_list_calling_a_missing_list_in_a_primitive_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 2u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glVertex2f, 2, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 3u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 2u);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 4u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 9u);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_NO_ERROR,
	               "a list calling list 2 in a primitive, one calling 9 outside"));
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 5u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 9u);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "display list 5 calls a list that does not exist");
}

/* The EGL-level buffer commands the host runs as binds, maps and unmaps end the link
 * between glBegin and glEnd, where the driver refuses them while the host would follow
 * them (a review of 2026-12-06: GL_OP_BUFFER_UNPERSIST there forgot a mapping the driver
 * kept). */
static bool gl_buffer_unpersist_between_begin_and_end_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	hl_gl_cmd_begin(&g, GL_OP_BUFFER_UNPERSIST);
	hl_put_u32(&g.cmds, 1u);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL_OP_BUFFER_UNPERSIST: between glBegin and glEnd, where the driver "
	                  "refuses the buffer commands it takes");
}

/* glTexImage2D between glBegin and glEnd of a GL_COMPILE_AND_EXECUTE list is compiled and
 * fails to run: its 16 MiB are the list's, not the bound texture's, and given back with the
 * list. Against --quota-gl-memory 64M (the context takes 4 MiB): the list 16, textures 9
 * and 10 16 each fit, texture 11 does not until the list is deleted. */
static bool gl_list_texture_image_between_begin_and_end_is_charged_to_the_list(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	gen_texture(&g, 7);
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 7u);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 1u, GL_COMPILE_AND_EXECUTE_);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, GL_POINTS_);
	tex_image(&g, 2048);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_INVALID_OPERATION, "glTexImage2D run between glBegin and glEnd"));
	for (uint32_t t = 9; t <= 11; t++) {
		gen_texture(&g, t);
		hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, t);
		tex_image(&g, 2048);
		CHECK(error_is(&g, t < 11 ? GL_NO_ERROR : GL_OUT_OF_MEMORY, "16 MiB more"));
	}
	hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, 1u, 1u);
	tex_image(&g, 2048);
	CHECK(error_is(&g, GL_NO_ERROR, "texture 11 once the list is deleted"));
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_compat_ls_cases[] = {
        HL_CASE_ARGS(gl_list_binding_a_deleted_texture_leaves_nothing_behind, "--quota-gl-memory",
                     "64M"),
        HL_CASE(gl_call_lists_short_of_n_names_ends_the_link),
        HL_CASE(gl_list_calling_itself_is_bounded_by_the_driver),
        HL_CASE_ARGS(gl_list_bind_and_image_are_charged_where_the_driver_has_them,
                     "--quota-gl-memory", "64M"),
        HL_CASE(gl_list_compiles_a_state_command_between_begin_and_end),
        HL_CASE(gl_bind_texture_between_begin_and_end_of_a_list_ends_the_link),
        HL_CASE(gl_state_command_between_begin_and_end_outside_a_list_ends_the_link),
        HL_CASE(gl_list_begin_inside_a_primitive_does_not_nest),
        HL_CASE(gl_list_draw_between_begin_and_end_is_compiled_to_fail),
        HL_CASE(gl_list_draw_anywhere_else_ends_the_link),
        HL_CASE(gl_buffer_unpersist_between_begin_and_end_ends_the_link),
        HL_CASE(gl_list_calling_a_missing_list_in_a_primitive_ends_the_link),
        HL_CASE_ARGS(gl_list_texture_image_between_begin_and_end_is_charged_to_the_list,
                     "--quota-gl-memory", "64M"),
        HL_CASE(gl_feedback_buffer_that_does_not_fit_is_gl_overflow),
        HL_CASE(gl_eval_map_with_a_stride_below_its_components_ends_the_link),
        HL_CASE(gl_eval_map_short_of_order_times_stride_ends_the_link),
        HL_CASE(gl_eval_map_order_past_the_limit_ends_the_link),
};
const size_t hl_compat_ls_case_count = sizeof(hl_compat_ls_cases) / sizeof(hl_compat_ls_cases[0]);
