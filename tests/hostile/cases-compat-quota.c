/*
 * Hostile GL streams at the compatibility profile's quota and check holes: a texture deleted
 * while glPushAttrib saved it, pixel rectangles with no pixels, display list names outside
 * glGenLists' ranges, a window's front buffer named every way. On a 4.5 compatibility context:
 * skipped where the host offers none yet (GPUPIPE_TEST_OFFER_PENDING=1 in a test build's
 * environment offers it).
 */
#include <string.h>

#include "hl-compat.h"

#define COMPAT45 GL_VERSION_CODE(4, 5)
#define GL_COMPILE_ 0x1300u
#define GL_TEXTURE_BIT_ 0x00040000u
#define GL_BITMAP_ 0x1A00u
#define GL_COLOR_INDEX_ 0x1900u
#define GL_FRONT_LEFT_ 0x0400u
#define GL_FRONT_ 0x0404u
#define GL_FRONT_AND_BACK_ 0x0408u
#define GL_COLOR_BUFFER_BIT_ 0x4000u
#define GL_PIXEL_MODE_BIT_ 0x0020u
#define WINDOW 2u

static void gen_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

static void delete_texture(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd_begin(g, GLES_OP_glDeleteTextures);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
}

/* A new texture `name` bound to GL_TEXTURE_2D with a size x size RGBA image (NULL: GL
 * allocates it). */
static void texture_of(struct hl_gl_link *g, uint32_t name, uint32_t size)
{
	if (name) {
		gen_texture(g, name);
		hl_gl_cmd(g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, name);
	}
	hl_gl_cmd_begin(g, GLES_OP_glTexImage2D);
	uint32_t args[] = {GL_TEXTURE_2D, 0, GL_RGBA, size, size, 0, GL_RGBA, GL_UNSIGNED_BYTE};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g->cmds, args[i]);
	hl_gl_put_blob(g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(g);
}

static bool error_is(struct hl_gl_link *g, uint32_t want, const char *when)
{
	uint32_t err;
	CHECK(hl_gl_get_error(g, &err));
	CHECKF(err == want, "%s: glGetError 0x%x, not 0x%x", when, err, want);
	return true;
}

/* Texture 7 (16 MiB) saved by glPushAttrib(GL_TEXTURE_BIT), then deleted: the driver keeps
 * it until the pop, so the quota does. Against --quota-gl-memory 64M (the context takes
 * 4 MiB): 7 held, 8 and 9 fit (52 MiB), 10 does not (68); after the pop 7's 16 MiB are
 * given back and 10 fits. The pop binds 7's name again in the driver (Mesa restores by
 * name, making a new texture of a deleted one): the host deletes it and has the default
 * texture bound, whose image it charges. */
static bool gl_texture_deleted_while_pushed_stays_charged(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	texture_of(&g, 7, 2048);
	hl_gl_cmd(&g, GLES_OP_glPushAttrib, 1, GL_TEXTURE_BIT_);
	delete_texture(&g, 7);
	texture_of(&g, 8, 2048);
	texture_of(&g, 9, 2048);
	CHECK(error_is(&g, GL_NO_ERROR, "7 held, 8 and 9: 52 MiB of 64"));
	texture_of(&g, 10, 2048);
	CHECK(error_is(&g, GL_OUT_OF_MEMORY, "7 held while saved: 68 MiB of 64"));
	hl_gl_cmd(&g, GLES_OP_glPopAttrib, 0);
	CHECK(error_is(&g, GL_NO_ERROR, "the pop"));
	texture_of(&g, 0, 2048); /* the default texture's, where the driver has it bound */
	CHECK(error_is(&g, GL_NO_ERROR, "7 given back at the pop: 52 MiB of 64"));
	hl_gl_cmd(&g, GLES_OP_glBindTexture, 2, GL_TEXTURE_2D, 10u);
	texture_of(&g, 0, 2048);
	CHECK(error_is(&g, GL_OUT_OF_MEMORY, "the default texture's image charged: 68 of 64"));
	return hl_gl_close_served(e, &g);
}

/* glBitmap of 0 x 0 with no bitmap only moves the raster position; glDrawPixels of 2 x 2
 * with NULL and no pixel unpack buffer would have the driver read the host's memory at
 * address 0: it ends the link. */
static bool gl_draw_pixels_with_null_and_no_unpack_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd_begin(&g, GLES_OP_glBitmap);
	uint32_t args[] = {0, 0, 0, 0, 0x3f800000u, 0};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	CHECK(error_is(&g, GL_NO_ERROR, "glBitmap of 0 x 0 with no bitmap"));
	hl_gl_cmd_begin(&g, GLES_OP_glDrawPixels);
	hl_put_u32(&g.cmds, 2);
	hl_put_u32(&g.cmds, 2);
	hl_put_u32(&g.cmds, GL_RGBA);
	hl_put_u32(&g.cmds, GL_UNSIGNED_BYTE);
	hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glDrawPixels: pixels is NULL");
}

/* The same for glBitmap of 8 x 2 (GL_BITMAP's bits, 8 bytes padded) with no bitmap. */
static bool gl_bitmap_with_null_and_no_unpack_buffer_ends_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd_begin(&g, GLES_OP_glBitmap);
	uint32_t args[] = {8, 2, 0, 0, 0, 0};
	for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
		hl_put_u32(&g.cmds, args[i]);
	hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBitmap: bitmap is NULL");
}

static bool gen_lists(struct hl_gl_link *g, uint32_t range, uint32_t *base)
{
	hl_gl_cmd(g, GLES_OP_glGenLists, 1, range);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GLES_OP_glGenLists, base));
	return true;
}

static void new_list(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_cmd(g, GLES_OP_glNewList, 2, name, GL_COMPILE_);
	hl_gl_cmd(g, GLES_OP_glEndList, 0);
}

/* A GL_COMPILE list of one point: its glBegin(GL_POINTS) if `begin`, a vertex, its glEnd
 * if `end`. */
static void point_list(struct hl_gl_link *g, uint32_t name, bool begin, bool end)
{
	hl_gl_cmd(g, GLES_OP_glNewList, 2, name, GL_COMPILE_);
	if (begin)
		hl_gl_cmd(g, GLES_OP_glBegin, 1, 0u); /* GL_POINTS */
	hl_gl_cmd(g, GLES_OP_glVertex2f, 2, 0u, 0u);
	if (end)
		hl_gl_cmd(g, GLES_OP_glEnd, 0);
	hl_gl_cmd(g, GLES_OP_glEndList, 0);
}

/* GL makes a list of any nonzero name: against --quota-gl-names 1024 (the least it takes),
 * glGenLists(1020) and four glNewList of names it never gave (100000..100003) hold 1024
 * names; a fifth (200000) passes the quota and ends the link. A glNewList of a name
 * glGenLists gave, or of one made before, is charged once. */
static bool gl_new_list_outside_gen_lists_is_charged(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(gen_lists(&g, 1020, &base));
	CHECKF(base != 0 && base < 100000 - 1020, "glGenLists(1020) gave %u", base);
	new_list(&g, base); /* charged by glGenLists */
	for (uint32_t i = 0; i < 4; i++)
		new_list(&g, 100000 + i);
	new_list(&g, 100001); /* made again: charged once */
	CHECK(error_is(&g, GL_NO_ERROR, "1024 list names of 1024"));
	new_list(&g, 200000);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glNewList: 1 new names would pass the GL names quota");
}

/* glDeleteLists gives back the names charged in its range, never others: against
 * --quota-gl-names 1024, glGenLists(1020), glDeleteLists of 100 names none of which were
 * charged (0 back), of 2 of the 1020 (1018), glGenLists(3) (1021), glDeleteLists of the
 * middle one of those 3 (1020), glGenLists(4) (1024): one more passes the quota. */
static bool gl_delete_lists_gives_back_only_names_charged(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(gen_lists(&g, 1020, &base));
	CHECKF(base != 0 && base < 100000 - 1020, "glGenLists(1020) gave %u", base);
	hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, 100000u, 100u);
	hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, base, 2u);
	CHECK(error_is(&g, GL_NO_ERROR, "glDeleteLists"));
	CHECK(gen_lists(&g, 3, &base));
	CHECKF(base != 0, "glGenLists(3) at 1018 names of 1024 gave none");
	hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, base + 1, 1u);
	CHECK(gen_lists(&g, 4, &base));
	CHECKF(base != 0, "glGenLists(4) at 1020 names of 1024 gave none");
	hl_gl_cmd(&g, GLES_OP_glGenLists, 1, 1u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGenLists: 1 new names would pass the GL names quota");
}

/* A list deleted while it is being made is made all the same at glEndList (glDeleteLists
 * runs at once, it is not compiled): against --quota-gl-names 1024, glGenLists(1024), then
 * glNewList(base), glDeleteLists(base, 1) (1023), glEndList (the list GL installs: 1024
 * again); one more name passes the quota. */
static bool gl_list_deleted_while_made_is_charged_again(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(gen_lists(&g, 1024, &base));
	CHECKF(base != 0, "glGenLists(1024) gave %u", base);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, base, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glDeleteLists, 2, base, 1u);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_NO_ERROR, "a list deleted while made"));
	hl_gl_cmd(&g, GLES_OP_glGenLists, 1, 1u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glGenLists: 1 new names would pass the GL names quota");
}

/* A list may end inside a primitive, or end one it did not begin: GL keeps both, and so
 * does gpupipe, the host following where their calls leave the driver
 * (gles-list-prims.h). Lists base+0 { glBegin(GL_POINTS), a vertex } and base+1 { a vertex,
 * glEnd }, and base+2 { glCallList(base) }, whose call may leave a primitive open or not. */
static bool make_split_lists(struct hl_gl_link *g, uint32_t *base)
{
	CHECK(gen_lists(g, 3, base));
	point_list(g, *base, true, false);
	point_list(g, *base + 1, false, true);
	hl_gl_cmd(g, GLES_OP_glNewList, 2, *base + 2, GL_COMPILE_);
	hl_gl_cmd(g, GLES_OP_glCallList, 1, *base);
	hl_gl_cmd(g, GLES_OP_glEndList, 0);
	CHECK(error_is(g, GL_NO_ERROR, "lists ending inside a primitive or closing one"));
	uint32_t is = 0;
	hl_gl_cmd(g, GLES_OP_glIsList, 1, *base);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GLES_OP_glIsList, &is));
	CHECKF(is == 1, "glIsList of the list ending inside glBegin: %u", is);
	return true;
}

/* The split lists' calls move the host's gate as they move the driver: base+0 then base+1
 * leave it outside (a glBindBuffer is served), base+0 then the app's glEnd too. */
static bool gl_list_left_inside_begin_is_followed(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(make_split_lists(&g, &base));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glVertex2f, 2, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base + 1);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u); /* GL_ARRAY_BUFFER */
	CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after the split lists"));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after the list and glEnd"));
	return hl_gl_close_served(e, &g);
}

/* Inside the primitive base+0 opened, a glBindBuffer ends the link: the host's trackers
 * would follow what the driver refuses. */
static bool gl_list_left_inside_begin_gates_what_follows(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(make_split_lists(&g, &base));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindBuffer: between glBegin and glEnd, where GL refuses it");
}

/* base+2 calls lists, and the group holds a list that opens a primitive and one that closes
 * one: after its call the host cannot tell, and takes the driver to be inside until the
 * app's own glEnd: a glBindBuffer there ends the link, after glEnd it is served. */
static bool gl_list_calling_lists_leaves_the_gate_closed_till_glend(struct hl_env *e)
{
	uint32_t base = 0;
	for (int end = 0; end < 2; end++) {
		struct hl_gl_link g;
		HL_GL_READY_COMPAT(e, &g, COMPAT45);
		CHECK(make_split_lists(&g, &base));
		hl_gl_cmd(&g, GLES_OP_glCallList, 1, base + 2);
		if (end)
			hl_gl_cmd(&g, GLES_OP_glEnd, 0);
		hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
		if (end) {
			CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after glEnd"));
			CHECK(hl_gl_close_served(e, &g));
		} else {
			hl_gl_send(&g, CH, 0);
			CHECK(hl_refused(
			        e, &g.l,
			        "glBindBuffer: between glBegin and glEnd, where GL refuses it"));
		}
	}
	return true;
}

/* The GL_ARRAY_BUFFER binding the driver has (glGetIntegerv, answered by the host). */
static bool array_buffer_binding_is(struct hl_gl_link *g, uint32_t want)
{
	hl_gl_cmd(g, GLES_OP_glGetIntegerv, 2, 0x8894u, 4u); /* GL_ARRAY_BUFFER_BINDING */
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size = 0, v[2] = {0};
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glGetIntegerv, &size);
	CHECK(p && size >= 8);
	memcpy(v, p, 8);
	CHECKF(v[1] == want, "GL_ARRAY_BUFFER_BINDING %u, want %u", v[1], want);
	return true;
}

/* Mesa plays the vertices, glBegin and glEnd a list compiled as one block, and a block that
 * begins a primitive while one is open is GL's error whole, its glEnd too: glBegin, then
 * glCallList({glBegin, a vertex, glEnd}) leaves the driver inside. The host must not take it
 * to be outside (a glBindBuffer there would be followed by the host and refused by the
 * driver): the link ends on it. (Review of 2026-12-06: the host took it as outside, and a
 * draw then read host memory at the pointer's offset.) */
static bool gl_balanced_list_called_inside_a_primitive_keeps_the_gate_closed(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(gen_lists(&g, 1, &base));
	point_list(&g, base, true, true);
	CHECK(error_is(&g, GL_NO_ERROR, "the list made"));
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindBuffer: between glBegin and glEnd, where GL refuses it");
}

/* A list that calls a list ending inside a primitive, then has a primitive of its own:
 * P = {glCallList(M = {glBegin, a vertex}), glBegin, a vertex, glEnd}. Mesa runs M, then
 * skips P's block (it begins inside M's primitive): called from outside, P leaves the driver
 * inside though its last glEnd is P's own. The host takes it as maybe inside: the link ends
 * on a glBindBuffer after it. */
static bool gl_list_calling_an_open_list_before_its_glend_keeps_the_gate_closed(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	uint32_t base = 0;
	CHECK(gen_lists(&g, 2, &base));
	point_list(&g, base, true, false);
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, base + 1, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glBegin, 1, 0u);
	hl_gl_cmd(&g, GLES_OP_glVertex2f, 2, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glEnd, 0);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	CHECK(error_is(&g, GL_NO_ERROR, "the lists made"));
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base + 1);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glBindBuffer: between glBegin and glEnd, where GL refuses it");
}

/* The same list called outside a primitive ends outside (every block plays): a glBindBuffer
 * after it is served and is the driver's binding too. */
static bool gl_balanced_list_called_outside_leaves_the_gate_open(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	static const uint8_t data[64];
	uint32_t base = 0;
	hl_gl_buffer(&g, 0x8892u, 9, data, sizeof(data));
	CHECK(gen_lists(&g, 1, &base));
	point_list(&g, base, true, true);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, base);
	hl_gl_cmd(&g, GLES_OP_glBindBuffer, 2, 0x8892u, 0u);
	CHECK(error_is(&g, GL_NO_ERROR, "a glBindBuffer after the list"));
	CHECK(array_buffer_binding_is(&g, 0));
	return hl_gl_close_served(e, &g);
}

/* Proxy targets make no image (GL only answers whether one would fit): the host passes
 * them to the driver uncharged and changes no texture's record. Against --quota-gl-memory
 * 64M (the context takes 4 MiB): a 64 MiB 2D proxy five times and a 256 MiB 3D storage
 * proxy are no GL_OUT_OF_MEMORY, and three real 16 MiB images fit afterwards (52 of 64). */
static bool gl_proxy_textures_are_not_charged(struct hl_env *e)
{
	struct hl_gl_link g;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	for (int i = 0; i < 5; i++) {
		hl_gl_cmd_begin(&g, GLES_OP_glTexImage2D);
		uint32_t args[] = {0x8064u /* GL_PROXY_TEXTURE_2D */,
		                   0,
		                   GL_RGBA,
		                   4096,
		                   4096,
		                   0,
		                   GL_RGBA,
		                   GL_UNSIGNED_BYTE};
		for (size_t a = 0; a < sizeof(args) / sizeof(args[0]); a++)
			hl_put_u32(&g.cmds, args[a]);
		hl_gl_put_blob(&g, NULL, GL_BLOB_NULL);
		hl_gl_cmd_end(&g);
	}
	CHECK(error_is(&g, GL_NO_ERROR, "five 64 MiB 2D proxies"));
	hl_gl_cmd(&g, GLES_OP_glTexStorage3D, 6, 0x8070u /* GL_PROXY_TEXTURE_3D */, 1u,
	          0x8058u /* GL_RGBA8 */, 1024u, 1024u, 64u);
	CHECK(error_is(&g, GL_NO_ERROR, "a 256 MiB 3D storage proxy"));
	texture_of(&g, 7, 2048);
	texture_of(&g, 8, 2048);
	texture_of(&g, 9, 2048);
	CHECK(error_is(&g, GL_NO_ERROR, "three real 16 MiB images after the proxies"));
	texture_of(&g, 10, 2048);
	CHECK(error_is(&g, GL_OUT_OF_MEMORY, "a fourth: 68 MiB of 64"));
	return true;
}

/* A window's front buffer (gpuhost/gl/front.c, a second host pbuffer made when the app
 * names it, which the host follows through lists and the attribute stack) named every way
 * GL lets an app and one it does not: an enum GL refuses (its error, nothing made),
 * glDrawBuffer(GL_FRONT) compiled into a list and called, glPushAttrib/glPopAttrib around
 * GL_FRONT_AND_BACK and a GL_FRONT read buffer, glDrawBuffers of GL_FRONT_LEFT, the window
 * resized and destroyed while its front is the draw surface: GL's errors only, and the link
 * goes on to its end. */
static bool gl_window_front_named_every_way_keeps_the_link(struct hl_env *e)
{
	struct hl_gl_link g;
	uint32_t err;
	HL_GL_READY_COMPAT(e, &g, COMPAT45);
	hl_gl_cmd(&g, GL_OP_CREATE_SURFACE, 5, WINDOW, g.config, SIZE, SIZE, GL_SURFACE_WINDOW);
	CHECK(hl_gl_send(&g, CH, 0) && hl_gl_reply_u32(&g, GL_OP_CREATE_SURFACE, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_SURFACE (window): EGL error 0x%x", err);
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, CTX, WINDOW, WINDOW);
	hl_gl_cmd(&g, GLES_OP_glDrawBuffer, 1, 0xdeadu);
	CHECK(error_is(&g, GL_INVALID_ENUM, "glDrawBuffer of no buffer"));
	hl_gl_cmd(&g, GLES_OP_glNewList, 2, 5u, GL_COMPILE_);
	hl_gl_cmd(&g, GLES_OP_glDrawBuffer, 1, GL_FRONT_);
	hl_gl_cmd(&g, GLES_OP_glEndList, 0);
	hl_gl_cmd(&g, GLES_OP_glCallList, 1, 5u);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT_);
	hl_gl_cmd(&g, GLES_OP_glPushAttrib, 1, GL_COLOR_BUFFER_BIT_ | GL_PIXEL_MODE_BIT_);
	hl_gl_cmd(&g, GLES_OP_glDrawBuffer, 1, GL_FRONT_AND_BACK_);
	hl_gl_cmd(&g, GLES_OP_glReadBuffer, 1, GL_FRONT_);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT_);
	hl_gl_cmd(&g, GLES_OP_glPopAttrib, 0);
	uint32_t front_left = GL_FRONT_LEFT_;
	hl_gl_cmd_begin(&g, GLES_OP_glDrawBuffers);
	hl_put_u32(&g.cmds, 1);
	hl_gl_put_blob(&g, &front_left, sizeof(front_left));
	hl_gl_cmd_end(&g);
	CHECK(error_is(&g, GL_NO_ERROR, "the front named by a list, the stack, glDrawBuffers"));
	hl_gl_cmd(&g, GL_OP_RESIZE_SURFACE, 3, WINDOW, 2 * SIZE, SIZE);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT_);
	hl_gl_cmd(&g, GL_OP_DESTROY_SURFACE, 1, WINDOW);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT_);
	CHECK(error_is(&g, GL_NO_ERROR, "clears after a resize and the destruction"));
	return hl_gl_close_served(e, &g);
}

const struct hl_case hl_compat_quota_cases[] = {
        HL_CASE_ARGS(gl_texture_deleted_while_pushed_stays_charged, "--quota-gl-memory", "64M"),
        HL_CASE(gl_draw_pixels_with_null_and_no_unpack_buffer_ends_the_link),
        HL_CASE(gl_bitmap_with_null_and_no_unpack_buffer_ends_the_link),
        HL_CASE_ARGS(gl_new_list_outside_gen_lists_is_charged, "--quota-gl-names", "1024"),
        HL_CASE_ARGS(gl_delete_lists_gives_back_only_names_charged, "--quota-gl-names", "1024"),
        HL_CASE_ARGS(gl_list_deleted_while_made_is_charged_again, "--quota-gl-names", "1024"),
        HL_CASE(gl_list_left_inside_begin_is_followed),
        HL_CASE(gl_list_left_inside_begin_gates_what_follows),
        HL_CASE(gl_list_calling_lists_leaves_the_gate_closed_till_glend),
        HL_CASE(gl_balanced_list_called_inside_a_primitive_keeps_the_gate_closed),
        HL_CASE(gl_list_calling_an_open_list_before_its_glend_keeps_the_gate_closed),
        HL_CASE(gl_balanced_list_called_outside_leaves_the_gate_open),
        HL_CASE_ARGS(gl_proxy_textures_are_not_charged, "--quota-gl-memory", "64M"),
        HL_CASE(gl_window_front_named_every_way_keeps_the_link),
};
const size_t hl_compat_quota_case_count =
        sizeof(hl_compat_quota_cases) / sizeof(hl_compat_quota_cases[0]);
