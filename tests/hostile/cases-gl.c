/*
 * Hostile GL streams. Each case does what libEGL_gpupipe and gpupipe-proxy do for an app
 * (bind gpupipe_v1, WIRE_GL_OPEN on channel 1, GL_OP_INIT, a context, a 64x64 pbuffer, make
 * it current), built by hand from gl-stream.h and the generated gles-codec.h, then sends one
 * malformed thing and hands the link to hl_refused with the phrase the host must use.
 * gl_valid_stream_is_served does everything the refused cases abuse, right, so that they
 * fail for the reason they name.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "gl-link.h"
#include "gles-codec.h"

/* --- command framing --- */

static bool gl_command_size_disagrees_with_its_arguments(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glClear, 2, GL_COLOR_BUFFER_BIT, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glClear: command size does not match its arguments");
}

static bool gl_command_size_not_a_multiple_of_4(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	uint32_t ten = 10;
	memcpy(g.cmds.data + g.cmd_start, &ten, 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "command size 10 is not a multiple of 4 in 8..");
}

/* Only the header of a command one word over GL_MAX_COMMAND: the host must refuse it
 * before waiting for (or buffering) its 72 MiB. */
static bool gl_command_over_the_size_limit(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	struct gl_cmd hdr = {.size = GL_MAX_COMMAND + 4, .op = GLES_OP_glTexImage2D};
	hl_put(&g.cmds, &hdr, sizeof(hdr));
	hl_gl_send(&g, CH, 0);
	char phrase[96];
	snprintf(phrase, sizeof(phrase), "command size %u is not a multiple of 4 in 8..%u",
	         GL_MAX_COMMAND + 4, GL_MAX_COMMAND);
	return hl_refused(e, &g.l, phrase);
}

static bool gl_unknown_opcode(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, 0x999, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: unknown opcode 0x999");
}

static bool gl_gles_opcode_past_the_table(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_END + 7, 0);
	hl_gl_send(&g, CH, 0);
	char phrase[64];
	snprintf(phrase, sizeof(phrase), "unknown GLES opcode 0x%x", GLES_OP_END + 7);
	return hl_refused(e, &g.l, phrase);
}

/* glMapBufferOES is answered by the library from its shadow copy: it has no decoder. */
static bool gl_client_only_command_on_the_wire(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glMapBufferOES, 2, GL_ARRAY_BUFFER, 0x88B9u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMapBufferOES (opcode");
}

/* --- names, draws, readbacks --- */

/* glBind* may create a name in GLES 2, but the library then generates it on the host
 * first; a use like glAttachShader of a program never created ends the link. */
static bool gl_name_never_generated(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 50u, 51u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: glAttachShader: program 50 was never generated");
}

/* A 16-byte buffer, one 16-byte vertex per stride, and a draw of 100 vertices. */
static bool gl_draw_reading_past_a_buffer_end(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	hl_gl_attrib0(&g, 16);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 100u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawArrays: attribute 0 reads to byte 1600 of a 16-byte buffer");
}

/* OpenGL ES 1.1's fixed-function arrays: a vertex array declaring 4 vertices and carrying
 * 3, and an array of a kind the stream does not define. */
static const float ff_xy[8] = {-1, -1, 3, -1, -1, 3, 0, 0};

/* `op` (GL_OP_CLIENT_ARRAY or _AGAIN) of a `kind` array of `count` vertices of 2 floats,
 * begun: a blob, if any, follows. */
static void ff_array_begin(struct hl_gl_link *g, uint32_t op, uint32_t kind, uint32_t count)
{
	hl_gl_cmd_begin(g, op);
	const uint32_t h[7] = {kind, 0, 2, GL_FLOAT, 0, 0, count};
	for (int i = 0; i < 7; i++)
		hl_put_u32(&g->cmds, h[i]);
}

static void ff_array(struct hl_gl_link *g, uint32_t kind, uint32_t count, uint32_t n)
{
	ff_array_begin(g, GL_OP_CLIENT_ARRAY, kind, count);
	hl_gl_put_blob(g, ff_xy, n);
	hl_gl_cmd_end(g);
}

static bool gl_es1_client_array_past_its_blob(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array(&g, GL_ARRAY_VERTEX, 4, 24);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL_OP_CLIENT_ARRAY: vertex array: 24 bytes for 4 vertices of 8 bytes");
}

static bool gl_es1_client_array_of_an_unknown_kind(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array(&g, 77, 3, 24);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_CLIENT_ARRAY: unknown array kind 77");
}

/* A generic attribute array of floats declared integer: glVertexAttribIPointer refuses the
 * type and keeps the array it had, which the host would then take for these vertices. */
static bool gl_client_array_of_floats_as_integers(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd_begin(&g, GL_OP_CLIENT_ARRAY);
	const uint32_t h[7] = {GL_ARRAY_ATTRIB, 0, 2, GL_FLOAT, GL_CLIENT_ARRAY_INTEGER, 0, 3};
	for (int i = 0; i < 7; i++)
		hl_put_u32(&g.cmds, h[i]);
	hl_gl_put_blob(&g, ff_xy, 24);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_CLIENT_ARRAY: attribute 0 of 2 x type 0x1406, mode 2");
}

/* GL_OP_CLIENT_ARRAY_AGAIN: the header alone of a fixed-function array (no blob). */
static void ff_array_again(struct hl_gl_link *g, uint32_t kind, uint32_t count)
{
	ff_array_begin(g, GL_OP_CLIENT_ARRAY_AGAIN, kind, count);
	hl_gl_cmd_end(g);
}

/* The reason for an "again" of vertices `range` of a vertex array that the host's scratch
 * buffer does not hold as its last GL_OP_CLIENT_ARRAY left them. */
#define AGAIN_REFUSED(range)                                                                       \
	"GL_OP_CLIENT_ARRAY_AGAIN: vertex array: vertices " range " again, but no "                \
	"GL_OP_CLIENT_ARRAY of this array sent them last, with this format"

/* The same vertices again where the host's scratch buffer holds none: it would point the
 * array at whatever that buffer held, or at no buffer at all. */
static bool gl_es1_client_array_again_never_sent(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array_again(&g, GL_ARRAY_VERTEX, 3);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, AGAIN_REFUSED("0..3"));
}

/* Vertices 0..3 sent, then 0..4 "again": the fourth was never sent, and the scratch buffer
 * may be too small to hold it. */
static bool gl_es1_client_array_again_with_more_vertices(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array(&g, GL_ARRAY_VERTEX, 3, 24);
	ff_array_again(&g, GL_ARRAY_VERTEX, 3);
	ff_array_again(&g, GL_ARRAY_VERTEX, 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, AGAIN_REFUSED("0..4"));
}

/* Vertices 0..3 sent, then 0..4 sent: "again" 0..3 names what the scratch buffer held
 * before the second, which it holds no more. */
static bool gl_es1_client_array_again_after_another_was_sent(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array(&g, GL_ARRAY_VERTEX, 3, 24);
	ff_array(&g, GL_ARRAY_VERTEX, 4, 32);
	ff_array_again(&g, GL_ARRAY_VERTEX, 3);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, AGAIN_REFUSED("0..3"));
}

/* "Again" carries the header alone: a blob after it is a size that disagrees. */
static bool gl_es1_client_array_again_with_a_blob(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_es1(e, &g));
	ff_array(&g, GL_ARRAY_VERTEX, 3, 24);
	ff_array_begin(&g, GL_OP_CLIENT_ARRAY_AGAIN, GL_ARRAY_VERTEX, 3);
	hl_gl_put_blob(&g, ff_xy, 24);
	hl_gl_cmd_end(&g);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL_OP_CLIENT_ARRAY_AGAIN: command size does not match its arguments");
}

static bool gl_readback_past_the_surface(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_cmd(&g, GLES_OP_glReadPixels, 7, 0u, 0u, SIZE + 1, SIZE, GL_RGBA, GL_UNSIGNED_BYTE,
	          (SIZE + 1) * SIZE * 4);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glReadPixels: 65x64 at 0,0 is outside the 64x64 framebuffer");
}

static bool gl_gles_command_with_no_current_context(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_gl_open(&g, CH);
	CHECK(hl_gl_init(&g));
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClear with no current context");
}

static bool gl_make_current_with_an_unknown_context(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_gl_open(&g, CH);
	hl_gl_cmd(&g, GL_OP_MAKE_CURRENT, 3, 42u, 0u, 0u);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: GL_OP_MAKE_CURRENT: unknown context 42");
}

/* GL_OP_SWAP of surface SURF into wl_buffer `buffer`, all of it damaged, queued. */
static void queue_swap(struct hl_gl_link *g, uint32_t buffer, uint32_t flags)
{
	hl_gl_cmd_begin(g, GL_OP_SWAP);
	hl_put_u32(&g->cmds, SURF);
	hl_put_u32(&g->cmds, buffer);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, flags);
	hl_gl_put_blob(g, NULL, 0);
	hl_gl_cmd_end(g);
}

/* A swap naming a wl_buffer the app made elsewhere (or never): only gpupipe frame buffers
 * may receive frames. */
static bool gl_swap_into_a_buffer_not_made_by_gpupipe(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	queue_swap(&g, 99, 0);
	hl_gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_SWAP: wl_buffer 99 is not a gpupipe frame buffer");
}

/* --- channels --- */

static bool gl_data_on_a_channel_never_opened(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_gl_open(&g, CH);
	hl_gl_cmd(&g, GL_OP_INIT, 4, GL_STREAM_VERSION, 0, (uint32_t)GLES_CODEC_ID,
	          (uint32_t)(GLES_CODEC_ID >> 32));
	hl_gl_send(&g, 3, 0);
	return hl_refused(e, &g.l, "GL stream 3: data: the stream is not open");
}

static bool gl_second_open_of_a_channel(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_gl_open(&g, CH);
	hl_gl_open(&g, CH);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "GL stream 1: open: the stream is already open");
}

static bool gl_open_before_gpupipe_is_bound(struct hl_env *e)
{
	struct hl_gl_link g = {0};
	struct hl_globals globals;
	CHECK(hl_open_with_registry(e, &g.l, &globals));
	hl_gl_open(&g, CH);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gl-open frame before gpupipe_v1 was bound");
}

static bool gl_open_of_a_channel_out_of_range(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_gl_open(&g, WIRE_MAX_GL_CHANNEL + 1);
	hl_link_flush(&g.l);
	char phrase[64];
	snprintf(phrase, sizeof(phrase), "frame on channel %u, outside 1..%u",
	         WIRE_MAX_GL_CHANNEL + 1, WIRE_MAX_GL_CHANNEL);
	return hl_refused(e, &g.l, phrase);
}

static bool gl_open_with_a_payload(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_put_frame(&g.l.out, WIRE_GL_OPEN, CH, "abcd", 4);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gl-open frame with a 4-byte payload, expected none");
}

/* --- gpupipe_v1 requests --- */

static bool gpupipe_create_memory_of_size_0(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, 0u, 16u, 0u);
	return hl_refused(e, &g.l, "gpupipe_v1.create_memory: size 0x16 outside 1..16384");
}

static bool gpupipe_create_memory_of_another_format(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, 16u, 16u, 7u);
	return hl_refused(e, &g.l, "format 0x7 is neither argb8888 nor xrgb8888");
}

/* The proxy consumes open_stream (its fd is the app's end of a GL stream): forwarded, it
 * carries an fd the link cannot. */
static bool gpupipe_open_stream_forwarded(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_OPEN_STREAM, 1, 1u);
	return hl_refused(e, &g.l, "gpupipe_v1.open_stream carries an fd");
}

/* --- gpupipe_v1 bindings --- */

static bool gpupipe_bound_twice_at_once(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_bind(e, &g));
	size_t frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_bind(&g.l, GPUPIPE_GLOBAL, "gpupipe_v1", 1, SYNC_ID + 1);
	hl_frame_end(&g.l.out, frame);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gpupipe_v1 bound twice (the earlier binding is not destroyed)");
}

/* eglTerminate then eglInitialize: the library destroys its binding and binds again, and
 * the streams of the first binding may still be open (they travel beside the Wayland
 * messages). The second binding gets GL frames in its own frame buffers. */
static bool gpupipe_bound_again_after_destroy_is_served(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	uint32_t again = SYNC_ID + 1, mem = again + 1, buf = mem + 1, sync = buf + 1;
	size_t frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_DESTROY, 0);
	hl_bind(&g.l, GPUPIPE_GLOBAL, "gpupipe_v1", 1, again);
	hl_request(&g.l, again, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, mem, SIZE, SIZE, 0u);
	hl_request(&g.l, mem, WIRE_GPUPIPE_MEMORY_V1_REQ_CREATE_BUFFER, 1, buf);
	hl_request(&g.l, mem, WIRE_GPUPIPE_MEMORY_V1_REQ_DESTROY, 0);
	hl_request(&g.l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, sync);
	hl_frame_end(&g.l.out, frame);
	CHECK(hl_link_flush(&g.l));
	CHECKF(hl_wait_done(&g.l, sync, 0, NULL), "binding gpupipe_v1 again failed");
	/* A swap on the stream opened under the first binding, into the second's buffer. */
	hl_gl_cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	queue_swap(&g, buf, 0);
	hl_gl_cmd(&g, GLES_OP_glFinish, 0);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	CHECKF(hl_gl_reply(&g, GLES_OP_glFinish, &size), "no glFinish reply after the swap");
	return hl_gl_close_served(e, &g);
}

/* A surface showing a GL frame left bottom to top: its damage rows are counted from the
 * other end (gpuhost/buffer-transform.c), in 64-bit arithmetic clamped to what the wire holds,
 * and its transform composed with a flip. Rectangles at the ends of int32 go through, the
 * compositor takes what it is sent, and the link goes on. */
static bool gl_frame_bottom_up_with_damage_at_the_ends_of_int32(struct hl_env *e)
{
	struct hl_gl_link g;
	CHECK(hl_gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	const struct hl_global *c = hl_global_find(&g.globals, "wl_compositor");
	CHECKF(c && c->version >= 4, "no wl_compositor of version 4");
	uint32_t comp = SYNC_ID + 1, surf = comp + 1, mem = surf + 1, buf = mem + 1, sync = buf + 1;
	size_t frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_bind(&g.l, c->name, "wl_compositor", 4, comp);
	hl_request(&g.l, comp, WIRE_WL_COMPOSITOR_REQ_CREATE_SURFACE, 1, surf);
	hl_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, mem, SIZE, SIZE, 0u);
	hl_request(&g.l, mem, WIRE_GPUPIPE_MEMORY_V1_REQ_CREATE_BUFFER, 1, buf);
	hl_request(&g.l, mem, WIRE_GPUPIPE_MEMORY_V1_REQ_DESTROY, 0);
	hl_frame_end(&g.l.out, frame);
	CHECK(hl_link_flush(&g.l));
	hl_gl_cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	queue_swap(&g, buf, GL_SWAP_BOTTOM_UP_OK);
	hl_gl_cmd(&g, GLES_OP_glFinish, 0);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	CHECKF(hl_gl_reply(&g, GLES_OP_glFinish, &size), "no glFinish reply after the swap");
	frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_SET_BUFFER_TRANSFORM, 1, 7u);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, 4, 0u, (uint32_t)INT32_MIN,
	           (uint32_t)INT32_MAX, (uint32_t)INT32_MAX);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_ATTACH, 3, buf, 0u, 0u);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, 4, 0u, (uint32_t)INT32_MAX, 1u,
	           (uint32_t)INT32_MAX);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_DAMAGE_BUFFER, 4, (uint32_t)INT32_MIN,
	           (uint32_t)INT32_MIN, (uint32_t)INT32_MAX, 1u);
	hl_request(&g.l, surf, WIRE_WL_SURFACE_REQ_COMMIT, 0);
	hl_request(&g.l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, sync);
	hl_frame_end(&g.l.out, frame);
	CHECK(hl_link_flush(&g.l));
	CHECKF(hl_wait_done(&g.l, sync, 0, NULL), "the commit of a bottom-up frame ended the link");
	return hl_gl_close_served(e, &g);
}

/* --- the control --- */

/* Reads pixel (x, y) of the current surface. */
static bool read_pixel(struct hl_gl_link *g, uint32_t x, uint32_t y, uint8_t rgba[4])
{
	hl_gl_cmd(g, GLES_OP_glReadPixels, 7, x, y, 1u, 1u, GL_RGBA, GL_UNSIGNED_BYTE, 4u);
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size, n = 0;
	const uint8_t *p = hl_gl_reply(g, GLES_OP_glReadPixels, &size);
	CHECKF(p && size == 8, "glReadPixels reply of %u bytes", p ? size : 0);
	memcpy(&n, p, 4);
	CHECKF(n == 4, "glReadPixels blob of %u bytes", n);
	memcpy(rgba, p + 4, 4);
	return true;
}

/* A window surface drawn with a program and a VBO, commands cut into 5-byte frames, read
 * back, swapped into a frame buffer made through gpupipe_v1, and then the stream closed:
 * each step what a refused case breaks. The link stays up throughout. */
static bool gl_valid_stream_is_served(struct hl_env *e)
{
	static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	hl_gl_cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 0);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 3u);
	CHECK(hl_gl_send(&g, CH, 5));
	uint8_t px[4];
	CHECK(read_pixel(&g, 10, 10, px));
	CHECKF(px[0] == 255 && px[1] == 0 && px[2] == 0, "pixel 10,10 is %02x%02x%02x, not red",
	       px[0], px[1], px[2]);

	size_t frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, SIZE, SIZE, 0u);
	hl_request(&g.l, 6, WIRE_GPUPIPE_MEMORY_V1_REQ_CREATE_BUFFER, 1, 7u);
	hl_request(&g.l, 6, WIRE_GPUPIPE_MEMORY_V1_REQ_DESTROY, 0);
	hl_frame_end(&g.l.out, frame);
	queue_swap(&g, 7, 0);
	hl_gl_cmd(&g, GLES_OP_glFinish, 0);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t size;
	CHECKF(hl_gl_reply(&g, GLES_OP_glFinish, &size), "no glFinish reply after the swap");

	hl_gl_empty_frame(&g, WIRE_GL_CLOSE, CH);
	hl_queue_sync(&g.l, 8);
	CHECK(hl_link_flush(&g.l));
	CHECKF(hl_wait_done(&g.l, 8, 0, NULL), "the link ended after the stream closed");
	hl_link_close(&g.l);
	free(g.rep);
	hl_buf_finish(&g.cmds);
	CHECK(hl_wait_no_host_children(e));
	return hl_still_serving(e);
}

/* --- shaders --- */

/* The u32 of the one-blob reply to `op` (glGetShaderiv, glGetProgramiv). */
static bool reply_blob_u32(struct hl_gl_link *g, uint32_t op, uint32_t *v)
{
	uint32_t size, n = 0;
	const uint8_t *p = hl_gl_reply(g, op, &size);
	CHECKF(p && size == 8, "reply to op 0x%x of %u bytes", op, p ? size : 0);
	memcpy(&n, p, 4);
	CHECKF(n == 4, "blob of %u bytes", n);
	memcpy(v, p + 4, 4);
	return true;
}

/* The info log of the reply to glGet{Shader,Program}InfoLog (length NULL). */
static bool reply_log(struct hl_gl_link *g, uint32_t op, char *out, uint32_t cap)
{
	uint32_t size, len, n;
	const uint8_t *p = hl_gl_reply(g, op, &size);
	CHECKF(p && size >= 8, "reply to op 0x%x", op);
	memcpy(&len, p, 4);
	memcpy(&n, p + 4, 4);
	CHECKF(len == GL_BLOB_NULL && n > 0 && n <= cap && 8 + n <= size, "log blob of %u bytes",
	       n);
	memcpy(out, p + 8, n);
	out[n - 1] = 0;
	return true;
}

/* Issue 7's heap use-after-free in Debian 12's Mesa 22.3 llvmpipe linker: a fragment shader
 * with an attribute (its compile fails), attached, an attribute location bound, linked. With
 * glslang before the driver, the driver never compiles the shader nor links the program: the
 * app gets a failed compile (glslang's log) and a failed link, and its link goes on. */
static bool gl_linker_use_after_free_reproducer_fails_and_the_link_goes_on(struct hl_env *e)
{
	static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_shader(&g, 21, GL_FRAGMENT_SHADER,
	             "attribute vec4 pos; void main(){gl_Position=pos;}");
	hl_gl_cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	hl_gl_cmd(&g, GLES_OP_glAttachShader, 2, 20u, 21u);
	hl_gl_cmd_begin(&g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g.cmds, 20);
	hl_put_u32(&g.cmds, 0);
	hl_gl_put_blob(&g, "pos", 4);
	hl_gl_cmd_end(&g);
	hl_gl_cmd(&g, GLES_OP_glLinkProgram, 1, 20u);
	hl_gl_cmd(&g, GLES_OP_glGetShaderiv, 3, 21u, GL_COMPILE_STATUS, 4u);
	hl_gl_cmd(&g, GLES_OP_glGetShaderInfoLog, 4, 21u, 1000u, GL_BLOB_NULL, 1000u);
	hl_gl_cmd(&g, GLES_OP_glGetProgramiv, 3, 20u, GL_LINK_STATUS, 4u);
	hl_gl_cmd(&g, GLES_OP_glGetProgramInfoLog, 4, 20u, 1000u, GL_BLOB_NULL, 1000u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint32_t compiled, linked;
	char shader_log[1000], program_log[1000];
	CHECK(reply_blob_u32(&g, GLES_OP_glGetShaderiv, &compiled));
	CHECK(reply_log(&g, GLES_OP_glGetShaderInfoLog, shader_log, sizeof(shader_log)));
	CHECK(reply_blob_u32(&g, GLES_OP_glGetProgramiv, &linked));
	CHECK(reply_log(&g, GLES_OP_glGetProgramInfoLog, program_log, sizeof(program_log)));
	CHECKF(compiled == GL_FALSE &&
	               strstr(shader_log, "'attribute' : not supported in this stage"),
	       "compile status %u, log: %s", compiled, shader_log);
	CHECKF(linked == GL_FALSE && strstr(program_log, "shader 21 did not compile"),
	       "link status %u, log: %s", linked, program_log);
	CHECKF(hl_log_wait(e, NULL, 0, "info: GL stream 1: glCompileShader: shader 21", "glslang",
	                   "'attribute' : not supported in this stage", NULL),
	       "the host did not log glslang's refusal");
	CHECKF(hl_log_wait(e, NULL, 0, "glLinkProgram: program 20 not linked", NULL),
	       "the host did not log the failed link");

	/* The link goes on: a red triangle with a program that compiles. */
	hl_gl_cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	hl_gl_cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 0);
	hl_gl_cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 3u);
	CHECK(hl_gl_send(&g, CH, 0));
	uint8_t px[4];
	CHECK(read_pixel(&g, 10, 10, px));
	CHECKF(px[0] == 255 && px[1] == 0 && px[2] == 0, "pixel 10,10 is %02x%02x%02x, not red",
	       px[0], px[1], px[2]);
	static const char bye[] = "test done";
	hl_put_frame(&g.l.out, WIRE_CLOSE, 0, bye, sizeof(bye) - 1);
	CHECK(hl_link_flush(&g.l));
	struct hl_ending end;
	hl_read_until_end(&g.l, &end);
	hl_link_close(&g.l);
	free(g.rep);
	hl_buf_finish(&g.cmds);
	CHECKF(end.ended && !end.closed, "the host closed the link: %s", end.reason);
	pid_t pid = hl_link_pid(e, g.l.index);
	CHECK(pid > 0);
	CHECKF(hl_link_exit_status(e, pid) == 0, "the link's process did not exit cleanly");
	return hl_still_serving(e);
}

/* A draw that does not end for hours (a full-surface triangle, 2^31 - 1 instances: llvmpipe
 * draws them on the CPU, as a GPU that never ends a draw would hold it), waited for with
 * glFinish. While the link is up, the link process names the draw the driver holds
 * (gpuhost/gl/running.c). Then the link closes: the link process, held in the driver,
 * cannot see the close. It ends GH_LINK_GRACE_S (5) seconds after it, saying why
 * (gpuhost/link-watchdog.c), and the host serves other links. (A shader that never ends
 * cannot hold llvmpipe: it cuts every invocation's loops at 65535 rounds.) */
static bool gl_endless_draw_ends_with_its_link(struct hl_env *e)
{
	static const float triangle[] = {-1, -1, 0, 1, 3, -1, 0, 1, -1, 3, 0, 1};
	struct hl_gl_link g;
	CHECK(hl_gl_ready(e, &g));
	hl_gl_program(&g, 10);
	hl_gl_buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	hl_gl_attrib0(&g, 0);
	hl_gl_cmd(&g, GLES_OP_glDrawArraysInstanced, 4, GL_TRIANGLES, 0u, 3u, 0x7fffffffu);
	hl_gl_cmd(&g, GLES_OP_glFinish, 0);
	CHECK(hl_gl_send(&g, CH, 0));
	pid_t pid = hl_link_pid(e, g.l.index);
	CHECK(pid > 0);
	/* While the link is up, the link process names the command the driver
	 * holds, some GH_GL_SLOW_S seconds after it began (each wait is
	 * HL_WAIT_MS, about as long). */
	char line[1024] = "";
	for (int i = 0; i < 3 && !line[0]; i++)
		hl_log_wait(e, line, sizeof(line), "glDrawArraysInstanced on GL stream",
		            "has run in the GL driver for over", NULL);
	CHECKF(line[0], "no line named the draw the driver holds");
	CHECK(hl_link_logged(e, pid, "glDrawArraysInstanced on GL stream", NULL));
	/* Its reply is not read: the link closes while the driver draws. */
	hl_link_close(&g.l);
	free(g.rep);
	hl_buf_finish(&g.cmds);
	/* Each wait is HL_WAIT_MS, as long as the grace: three are plenty. */
	int status = HL_NO_EXIT;
	for (int i = 0; i < 3 && status == HL_NO_EXIT; i++)
		status = hl_link_exit_status(e, pid);
	if (status == HL_NO_EXIT)
		kill(pid, SIGKILL); /* else it would draw on after the case */
	CHECKF(status == 1, "link process %d exited with %d after its link closed", (int)pid,
	       status);
	CHECK(hl_link_logged(e, pid, "held in the GL driver", NULL));
	return hl_still_serving(e);
}

const struct hl_case hl_gl_cases[] = {
        HL_CASE(gl_endless_draw_ends_with_its_link),
        HL_CASE(gl_command_size_disagrees_with_its_arguments),
        HL_CASE(gl_command_size_not_a_multiple_of_4),
        HL_CASE(gl_command_over_the_size_limit),
        HL_CASE(gl_unknown_opcode),
        HL_CASE(gl_gles_opcode_past_the_table),
        HL_CASE(gl_client_only_command_on_the_wire),
        HL_CASE(gl_name_never_generated),
        HL_CASE(gl_draw_reading_past_a_buffer_end),
        HL_CASE(gl_es1_client_array_past_its_blob),
        HL_CASE(gl_es1_client_array_of_an_unknown_kind),
        HL_CASE(gl_client_array_of_floats_as_integers),
        HL_CASE(gl_es1_client_array_again_never_sent),
        HL_CASE(gl_es1_client_array_again_with_more_vertices),
        HL_CASE(gl_es1_client_array_again_after_another_was_sent),
        HL_CASE(gl_es1_client_array_again_with_a_blob),
        HL_CASE(gl_readback_past_the_surface),
        HL_CASE(gl_gles_command_with_no_current_context),
        HL_CASE(gl_make_current_with_an_unknown_context),
        HL_CASE(gl_swap_into_a_buffer_not_made_by_gpupipe),
        HL_CASE(gl_frame_bottom_up_with_damage_at_the_ends_of_int32),
        HL_CASE(gl_data_on_a_channel_never_opened),
        HL_CASE(gl_second_open_of_a_channel),
        HL_CASE(gl_open_before_gpupipe_is_bound),
        HL_CASE(gl_open_of_a_channel_out_of_range),
        HL_CASE(gl_open_with_a_payload),
        HL_CASE(gpupipe_create_memory_of_size_0),
        HL_CASE(gpupipe_create_memory_of_another_format),
        HL_CASE(gpupipe_open_stream_forwarded),
        HL_CASE(gpupipe_bound_twice_at_once),
        HL_CASE(gpupipe_bound_again_after_destroy_is_served),
        HL_CASE(gl_linker_use_after_free_reproducer_fails_and_the_link_goes_on),
        HL_CASE(gl_valid_stream_is_served),
};
const size_t hl_gl_case_count = sizeof(hl_gl_cases) / sizeof(hl_gl_cases[0]);
