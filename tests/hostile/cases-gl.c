/*
 * Hostile GL streams. Each case does what libEGL_gpupipe and gpupipe-proxy do for an app
 * (bind gpupipe_v1, WIRE_GL_OPEN on channel 1, GL_OP_INIT, a context, a 64x64 pbuffer, make
 * it current), built by hand from gl-stream.h and the generated gles-codec.h, then sends one
 * malformed thing and hands the link to hl_refused with the phrase the host must use.
 * gl_valid_stream_is_served does everything the refused cases abuse, right, so that they
 * fail for the reason they name.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>
#include <gpupipe/gl-stream.h>

#include "gles-codec.h"
#include "hostile.h"

/* The gpupipe_v1 global that gpupipe-host adds to every registry (GH_GPUPIPE_GLOBAL_NAME). */
#define GPUPIPE_GLOBAL 0xfffffe00u
/* Object ids after hl_registry_roundtrip's 2 and 3. */
#define GPUPIPE_ID 4u
#define SYNC_ID 5u
/* The GL channel every case opens, and the EGL handles it creates. */
#define CH 1
#define CTX 1u
#define SURF 1u
#define SIZE 64u
/* EGL_SUCCESS, the error code replies carry when it worked (no EGL headers needed). */
#define EGL_OK 0x3000u

struct gl_link {
	struct hl_link l;
	struct hl_buf cmds; /* commands not sent yet */
	size_t cmd_start;
	uint8_t *rep; /* reply bytes received on CH, not consumed yet */
	size_t rep_len, rep_cap;
	uint32_t config; /* a host config_id from GL_OP_INIT */
};

/* --- building commands --- */

static void cmd_begin(struct gl_link *g, uint32_t op)
{
	g->cmd_start = g->cmds.len;
	struct gl_cmd hdr = {.size = 0, .op = op};
	hl_put(&g->cmds, &hdr, sizeof(hdr));
}

static void put_u64(struct gl_link *g, uint64_t v)
{
	hl_put(&g->cmds, &v, sizeof(v));
}

/* A blob: byte count, bytes, zero padding to 4; GL_BLOB_NULL carries nothing. */
static void put_blob(struct gl_link *g, const void *data, uint32_t n)
{
	hl_put_u32(&g->cmds, n);
	if (n == GL_BLOB_NULL)
		return;
	static const uint8_t zeros[4];
	hl_put(&g->cmds, data, n);
	hl_put(&g->cmds, zeros, ((n + 3) & ~3u) - n);
}

static void cmd_end(struct gl_link *g)
{
	uint32_t size = (uint32_t)(g->cmds.len - g->cmd_start);
	memcpy(g->cmds.data + g->cmd_start, &size, sizeof(size));
}

/* A command of n u32 scalars. */
static void cmd(struct gl_link *g, uint32_t op, unsigned n, ...)
{
	va_list ap;
	va_start(ap, n);
	cmd_begin(g, op);
	for (unsigned i = 0; i < n; i++)
		hl_put_u32(&g->cmds, va_arg(ap, uint32_t));
	cmd_end(g);
	va_end(ap);
}

/* Sends the queued commands on channel ch as WIRE_GL frames of at most `chunk` bytes
 * (0: one frame), cut anywhere, as the proxy may. */
static bool gl_send(struct gl_link *g, uint16_t ch, size_t chunk)
{
	for (size_t off = 0; off < g->cmds.len;) {
		size_t n = chunk && chunk < g->cmds.len - off ? chunk : g->cmds.len - off;
		hl_put_frame(&g->l.out, WIRE_GL, ch, g->cmds.data + off, (uint32_t)n);
		off += n;
	}
	hl_buf_reset(&g->cmds);
	return hl_link_flush(&g->l);
}

/* Waits for the reply to `op` on CH; returns its payload (valid until the next call) and
 * its size, or NULL after saying why (a close, the end of the link, a timeout). */
static const uint8_t *gl_reply(struct gl_link *g, uint32_t op, uint32_t *size)
{
	int64_t deadline = hl_now_ms() + HL_WAIT_MS;
	for (;;) {
		struct gl_cmd hdr;
		if (g->rep_len >= sizeof(hdr)) {
			memcpy(&hdr, g->rep, sizeof(hdr));
			if (hdr.size < sizeof(hdr) || hdr.op != op) {
				fprintf(stderr, "reply op 0x%x size %u, expected op 0x%x\n", hdr.op,
				        hdr.size, op);
				return NULL;
			}
			if (g->rep_len >= hdr.size) {
				static uint8_t held[1 << 20];
				*size = hdr.size - (uint32_t)sizeof(hdr);
				if (*size > sizeof(held))
					return NULL;
				memcpy(held, g->rep + sizeof(hdr), *size);
				memmove(g->rep, g->rep + hdr.size, g->rep_len - hdr.size);
				g->rep_len -= hdr.size;
				return held;
			}
		}
		struct hl_frame f;
		int r = hl_link_read_frame(&g->l, &f, deadline);
		if (r != 1) {
			fprintf(stderr, "no reply to op 0x%x (%s)\n", op,
			        r == 0 ? "the link ended" : "timeout or error");
			return NULL;
		}
		if (f.hdr.type == WIRE_CLOSE) {
			fprintf(stderr, "host closed the link: %.*s\n", (int)f.hdr.size,
			        (const char *)f.payload);
			return NULL;
		}
		if (f.hdr.type != WIRE_GL || f.hdr.channel != CH)
			continue; /* Wayland events */
		if (g->rep_len + f.hdr.size > g->rep_cap) {
			size_t cap = (g->rep_len + f.hdr.size) * 2;
			uint8_t *rep = realloc(g->rep, cap);
			if (!rep)
				return NULL;
			g->rep = rep;
			g->rep_cap = cap;
		}
		memcpy(g->rep + g->rep_len, f.payload, f.hdr.size);
		g->rep_len += f.hdr.size;
	}
}

static bool reply_u32(struct gl_link *g, uint32_t op, uint32_t *v)
{
	uint32_t size;
	const uint8_t *p = gl_reply(g, op, &size);
	CHECKF(p && size >= 4, "no u32 reply to op 0x%x", op);
	memcpy(v, p, 4);
	return true;
}

/* --- setting up like the EGL library --- */

/* Opens a link, binds gpupipe_v1 at the name gpupipe-host gives it. */
static bool bind_gpupipe(struct hl_env *e, struct gl_link *g)
{
	memset(g, 0, sizeof(*g));
	struct hl_globals globals;
	CHECK(hl_open_with_registry(e, &g->l, &globals));
	const struct hl_global *gp = hl_global_find(&globals, "gpupipe_v1");
	CHECKF(gp && gp->name == GPUPIPE_GLOBAL && gp->version == 1,
	       "gpupipe_v1 is not advertised as global 0x%x version 1", GPUPIPE_GLOBAL);
	size_t frame = hl_frame_begin(&g->l.out, WIRE_WAYLAND, 0);
	hl_bind(&g->l, GPUPIPE_GLOBAL, "gpupipe_v1", 1, GPUPIPE_ID);
	hl_request(&g->l, 1, WIRE_WL_DISPLAY_REQ_SYNC, 1, SYNC_ID);
	hl_frame_end(&g->l.out, frame);
	CHECK(hl_link_flush(&g->l));
	CHECKF(hl_wait_done(&g->l, SYNC_ID, 0, NULL), "binding gpupipe_v1 failed");
	return true;
}

/* An empty frame of `type` on channel ch, queued. */
static void empty_frame(struct gl_link *g, uint16_t type, uint16_t ch)
{
	hl_frame_end(&g->l.out, hl_frame_begin(&g->l.out, type, ch));
}

static void gl_open(struct gl_link *g, uint16_t ch)
{
	empty_frame(g, WIRE_GL_OPEN, ch);
}

/* GL_OP_INIT on CH; keeps a config with alpha and no multisampling. */
static bool gl_init(struct gl_link *g)
{
	cmd(g, GL_OP_INIT, 1, GL_STREAM_VERSION);
	CHECK(gl_send(g, CH, 0));
	uint32_t size;
	const uint8_t *p = gl_reply(g, GL_OP_INIT, &size);
	CHECKF(p && size >= sizeof(struct gl_host_info) + 4, "no GL_OP_INIT reply");
	struct gl_host_info info;
	memcpy(&info, p, sizeof(info));
	uint32_t n;
	memcpy(&n, p + sizeof(info), 4);
	CHECKF(info.n_configs > 0 && n == info.n_configs * sizeof(struct gl_config_info) &&
	               size >= sizeof(info) + 4 + n,
	       "bad config blob: %u configs, %u bytes", info.n_configs, n);
	struct gl_config_info c;
	for (uint32_t i = 0; i < info.n_configs; i++) {
		memcpy(&c, p + sizeof(info) + 4 + i * sizeof(c), sizeof(c));
		if (i == 0 || (c.alpha == 8 && c.samples == 0))
			g->config = c.config_id;
		if (c.alpha == 8 && c.samples == 0)
			break;
	}
	return true;
}

/* A context and a SIZE x SIZE surface of `kind`, current on CH. */
static bool gl_ready_kind(struct hl_env *e, struct gl_link *g, uint32_t kind)
{
	CHECK(bind_gpupipe(e, g));
	gl_open(g, CH);
	CHECK(gl_init(g));
	uint32_t err;
	cmd(g, GL_OP_CREATE_CONTEXT, 5, CTX, g->config, 0u, 2u, 0u);
	CHECK(gl_send(g, CH, 0) && reply_u32(g, GL_OP_CREATE_CONTEXT, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_CONTEXT: EGL error 0x%x", err);
	cmd(g, GL_OP_CREATE_SURFACE, 5, SURF, g->config, SIZE, SIZE, kind);
	CHECK(gl_send(g, CH, 0) && reply_u32(g, GL_OP_CREATE_SURFACE, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_SURFACE: EGL error 0x%x", err);
	cmd(g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	return gl_send(g, CH, 0);
}

static bool gl_ready(struct hl_env *e, struct gl_link *g)
{
	return gl_ready_kind(e, g, GL_SURFACE_PBUFFER);
}

static void shader(struct gl_link *g, uint32_t name, uint32_t type, const char *src)
{
	cmd(g, GLES_OP_glCreateShader, 2, type, name);
	int32_t len = (int32_t)strlen(src);
	cmd_begin(g, GLES_OP_glShaderSource);
	hl_put_u32(&g->cmds, name);
	hl_put_u32(&g->cmds, 1);
	put_blob(g, &len, sizeof(len));
	put_blob(g, src, (uint32_t)len);
	cmd_end(g);
	cmd(g, GLES_OP_glCompileShader, 1, name);
}

/* Program `name` (shaders name + 1 and + 2) drawing attribute 0 in red, in use. */
static void program(struct gl_link *g, uint32_t name)
{
	shader(g, name + 1, GL_VERTEX_SHADER,
	       "attribute vec4 pos;\nvoid main() { gl_Position = pos; }\n");
	shader(g, name + 2, GL_FRAGMENT_SHADER,
	       "precision mediump float;\nvoid main() { gl_FragColor = vec4(1, 0, 0, 1); }\n");
	cmd(g, GLES_OP_glCreateProgram, 1, name);
	cmd(g, GLES_OP_glAttachShader, 2, name, name + 1);
	cmd(g, GLES_OP_glAttachShader, 2, name, name + 2);
	cmd_begin(g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g->cmds, name);
	hl_put_u32(&g->cmds, 0);
	put_blob(g, "pos", 4);
	cmd_end(g);
	cmd(g, GLES_OP_glLinkProgram, 1, name);
	cmd(g, GLES_OP_glUseProgram, 1, name);
}

/* Buffer `name` bound to `target` with n bytes of data. */
static void buffer(struct gl_link *g, uint32_t target, uint32_t name, const void *data, uint32_t n)
{
	cmd_begin(g, GLES_OP_glGenBuffers);
	hl_put_u32(&g->cmds, 1);
	put_blob(g, &name, sizeof(name));
	cmd_end(g);
	cmd(g, GLES_OP_glBindBuffer, 2, target, name);
	cmd_begin(g, GLES_OP_glBufferData);
	hl_put_u32(&g->cmds, target);
	put_u64(g, n);
	hl_put_u32(&g->cmds, GL_STATIC_DRAW);
	put_blob(g, data, n);
	cmd_end(g);
}

/* Attribute 0: size 4 floats from the bound GL_ARRAY_BUFFER at offset 0, enabled. */
static void attrib0(struct gl_link *g, uint32_t stride)
{
	cmd_begin(g, GLES_OP_glVertexAttribPointer);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, 4);
	hl_put_u32(&g->cmds, GL_FLOAT);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, stride);
	put_u64(g, 0);
	cmd_end(g);
	cmd(g, GLES_OP_glEnableVertexAttribArray, 1, 0u);
}

/* --- command framing --- */

static bool gl_command_size_disagrees_with_its_arguments(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_glClear, 2, GL_COLOR_BUFFER_BIT, 0u);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "GL stream 1: glClear: command size does not match its arguments");
}

static bool gl_command_size_not_a_multiple_of_4(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	uint32_t ten = 10;
	memcpy(g.cmds.data + g.cmd_start, &ten, 4);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "command size 10 is not a multiple of 4 in 8..");
}

/* Only the header of a command one word over GL_MAX_COMMAND: the host must refuse it
 * before waiting for (or buffering) its 72 MiB. */
static bool gl_command_over_the_size_limit(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	struct gl_cmd hdr = {.size = GL_MAX_COMMAND + 4, .op = GLES_OP_glTexImage2D};
	hl_put(&g.cmds, &hdr, sizeof(hdr));
	gl_send(&g, CH, 0);
	char phrase[96];
	snprintf(phrase, sizeof(phrase), "command size %u is not a multiple of 4 in 8..%u",
	         GL_MAX_COMMAND + 4, GL_MAX_COMMAND);
	return hl_refused(e, &g.l, phrase);
}

static bool gl_unknown_opcode(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, 0x999, 0);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: unknown opcode 0x999");
}

static bool gl_gles_opcode_past_the_table(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_END + 7, 0);
	gl_send(&g, CH, 0);
	char phrase[64];
	snprintf(phrase, sizeof(phrase), "unknown GLES opcode 0x%x", GLES_OP_END + 7);
	return hl_refused(e, &g.l, phrase);
}

/* glMapBufferOES is answered by the library from its shadow copy: it has no decoder. */
static bool gl_client_only_command_on_the_wire(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_glMapBufferOES, 2, GL_ARRAY_BUFFER, 0x88B9u);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glMapBufferOES (opcode");
}

/* --- names, draws, readbacks --- */

/* glBind* may create a name in GLES 2, but the library then generates it on the host
 * first; a use like glAttachShader of a program never created ends the link. */
static bool gl_name_never_generated(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_glAttachShader, 2, 50u, 51u);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: glAttachShader: program 50 was never generated");
}

/* A 16-byte buffer, one 16-byte vertex per stride, and a draw of 100 vertices. */
static bool gl_draw_reading_past_a_buffer_end(struct hl_env *e)
{
	static const float vertex[4] = {0, 0, 0, 1};
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	program(&g, 10);
	buffer(&g, GL_ARRAY_BUFFER, 5, vertex, sizeof(vertex));
	attrib0(&g, 16);
	cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 100u);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l,
	                  "glDrawArrays: attribute 0 reads to byte 1600 of a 16-byte buffer");
}

static bool gl_readback_past_the_surface(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	cmd(&g, GLES_OP_glReadPixels, 7, 0u, 0u, SIZE + 1, SIZE, GL_RGBA, GL_UNSIGNED_BYTE,
	    (SIZE + 1) * SIZE * 4);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glReadPixels: 65x64 at 0,0 is outside the 64x64 framebuffer");
}

static bool gl_gles_command_with_no_current_context(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	gl_open(&g, CH);
	CHECK(gl_init(&g));
	cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "glClear with no current context");
}

static bool gl_make_current_with_an_unknown_context(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	gl_open(&g, CH);
	cmd(&g, GL_OP_MAKE_CURRENT, 3, 42u, 0u, 0u);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL stream 1: GL_OP_MAKE_CURRENT: unknown context 42");
}

/* A swap naming a wl_buffer the app made elsewhere (or never): only gpupipe frame buffers
 * may receive frames. */
static bool gl_swap_into_a_buffer_not_made_by_gpupipe(struct hl_env *e)
{
	struct gl_link g;
	CHECK(gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	cmd_begin(&g, GL_OP_SWAP);
	hl_put_u32(&g.cmds, SURF);
	hl_put_u32(&g.cmds, 99);
	hl_put_u32(&g.cmds, 0);
	put_blob(&g, NULL, 0);
	cmd_end(&g);
	gl_send(&g, CH, 0);
	return hl_refused(e, &g.l, "GL_OP_SWAP: wl_buffer 99 is not a gpupipe frame buffer");
}

/* --- channels --- */

static bool gl_data_on_a_channel_never_opened(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	gl_open(&g, CH);
	cmd(&g, GL_OP_INIT, 1, GL_STREAM_VERSION);
	gl_send(&g, 3, 0);
	return hl_refused(e, &g.l, "GL stream 3: data: the stream is not open");
}

static bool gl_second_open_of_a_channel(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	gl_open(&g, CH);
	gl_open(&g, CH);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "GL stream 1: open: the stream is already open");
}

static bool gl_open_before_gpupipe_is_bound(struct hl_env *e)
{
	struct gl_link g = {0};
	struct hl_globals globals;
	CHECK(hl_open_with_registry(e, &g.l, &globals));
	gl_open(&g, CH);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gl-open frame before gpupipe_v1 was bound");
}

static bool gl_open_of_a_channel_out_of_range(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	gl_open(&g, WIRE_MAX_GL_CHANNEL + 1);
	hl_link_flush(&g.l);
	char phrase[64];
	snprintf(phrase, sizeof(phrase), "frame on channel %u, outside 1..%u",
	         WIRE_MAX_GL_CHANNEL + 1, WIRE_MAX_GL_CHANNEL);
	return hl_refused(e, &g.l, phrase);
}

static bool gl_open_with_a_payload(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	hl_put_frame(&g.l.out, WIRE_GL_OPEN, CH, "abcd", 4);
	hl_link_flush(&g.l);
	return hl_refused(e, &g.l, "gl-open frame with a 4-byte payload, expected none");
}

/* --- gpupipe_v1 requests --- */

static bool gpupipe_create_memory_of_size_0(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, 0u, 16u, 0u);
	return hl_refused(e, &g.l, "gpupipe_v1.create_memory: size 0x16 outside 1..16384");
}

static bool gpupipe_create_memory_of_another_format(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, 16u, 16u, 7u);
	return hl_refused(e, &g.l, "format 0x7 is neither argb8888 nor xrgb8888");
}

/* The proxy consumes open_stream (its fd is the app's end of a GL stream): forwarded, it
 * carries an fd the link cannot. */
static bool gpupipe_open_stream_forwarded(struct hl_env *e)
{
	struct gl_link g;
	CHECK(bind_gpupipe(e, &g));
	hl_send_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_OPEN_STREAM, 1, 1u);
	return hl_refused(e, &g.l, "gpupipe_v1.open_stream carries an fd");
}

/* --- the control --- */

/* Reads pixel (x, y) of the current surface. */
static bool read_pixel(struct gl_link *g, uint32_t x, uint32_t y, uint8_t rgba[4])
{
	cmd(g, GLES_OP_glReadPixels, 7, x, y, 1u, 1u, GL_RGBA, GL_UNSIGNED_BYTE, 4u);
	CHECK(gl_send(g, CH, 0));
	uint32_t size, n = 0;
	const uint8_t *p = gl_reply(g, GLES_OP_glReadPixels, &size);
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
	struct gl_link g;
	CHECK(gl_ready_kind(e, &g, GL_SURFACE_WINDOW));
	cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	program(&g, 10);
	buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	attrib0(&g, 0);
	cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 3u);
	CHECK(gl_send(&g, CH, 5));
	uint8_t px[4];
	CHECK(read_pixel(&g, 10, 10, px));
	CHECKF(px[0] == 255 && px[1] == 0 && px[2] == 0, "pixel 10,10 is %02x%02x%02x, not red",
	       px[0], px[1], px[2]);

	size_t frame = hl_frame_begin(&g.l.out, WIRE_WAYLAND, 0);
	hl_request(&g.l, GPUPIPE_ID, WIRE_GPUPIPE_V1_REQ_CREATE_MEMORY, 4, 6u, SIZE, SIZE, 0u);
	hl_request(&g.l, 6, WIRE_GPUPIPE_MEMORY_V1_REQ_CREATE_BUFFER, 1, 7u);
	hl_request(&g.l, 6, WIRE_GPUPIPE_MEMORY_V1_REQ_DESTROY, 0);
	hl_frame_end(&g.l.out, frame);
	cmd_begin(&g, GL_OP_SWAP);
	hl_put_u32(&g.cmds, SURF);
	hl_put_u32(&g.cmds, 7);
	hl_put_u32(&g.cmds, 0);
	put_blob(&g, NULL, 0);
	cmd_end(&g);
	cmd(&g, GLES_OP_glFinish, 0);
	CHECK(gl_send(&g, CH, 0));
	uint32_t size;
	CHECKF(gl_reply(&g, GLES_OP_glFinish, &size), "no glFinish reply after the swap");

	empty_frame(&g, WIRE_GL_CLOSE, CH);
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
static bool reply_blob_u32(struct gl_link *g, uint32_t op, uint32_t *v)
{
	uint32_t size, n = 0;
	const uint8_t *p = gl_reply(g, op, &size);
	CHECKF(p && size == 8, "reply to op 0x%x of %u bytes", op, p ? size : 0);
	memcpy(&n, p, 4);
	CHECKF(n == 4, "blob of %u bytes", n);
	memcpy(v, p + 4, 4);
	return true;
}

/* The info log of the reply to glGet{Shader,Program}InfoLog (length NULL). */
static bool reply_log(struct gl_link *g, uint32_t op, char *out, uint32_t cap)
{
	uint32_t size, len, n;
	const uint8_t *p = gl_reply(g, op, &size);
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
	struct gl_link g;
	CHECK(gl_ready(e, &g));
	shader(&g, 21, GL_FRAGMENT_SHADER, "attribute vec4 pos; void main(){gl_Position=pos;}");
	cmd(&g, GLES_OP_glCreateProgram, 1, 20u);
	cmd(&g, GLES_OP_glAttachShader, 2, 20u, 21u);
	cmd_begin(&g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g.cmds, 20);
	hl_put_u32(&g.cmds, 0);
	put_blob(&g, "pos", 4);
	cmd_end(&g);
	cmd(&g, GLES_OP_glLinkProgram, 1, 20u);
	cmd(&g, GLES_OP_glGetShaderiv, 3, 21u, GL_COMPILE_STATUS, 4u);
	cmd(&g, GLES_OP_glGetShaderInfoLog, 4, 21u, 1000u, GL_BLOB_NULL, 1000u);
	cmd(&g, GLES_OP_glGetProgramiv, 3, 20u, GL_LINK_STATUS, 4u);
	cmd(&g, GLES_OP_glGetProgramInfoLog, 4, 20u, 1000u, GL_BLOB_NULL, 1000u);
	CHECK(gl_send(&g, CH, 0));
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
	cmd(&g, GLES_OP_glClearColor, 4, 0u, 0u, 0u, 0u);
	cmd(&g, GLES_OP_glClear, 1, GL_COLOR_BUFFER_BIT);
	program(&g, 10);
	buffer(&g, GL_ARRAY_BUFFER, 5, triangle, sizeof(triangle));
	attrib0(&g, 0);
	cmd(&g, GLES_OP_glDrawArrays, 3, GL_TRIANGLES, 0u, 3u);
	CHECK(gl_send(&g, CH, 0));
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

const struct hl_case hl_gl_cases[] = {
        HL_CASE(gl_command_size_disagrees_with_its_arguments),
        HL_CASE(gl_command_size_not_a_multiple_of_4),
        HL_CASE(gl_command_over_the_size_limit),
        HL_CASE(gl_unknown_opcode),
        HL_CASE(gl_gles_opcode_past_the_table),
        HL_CASE(gl_client_only_command_on_the_wire),
        HL_CASE(gl_name_never_generated),
        HL_CASE(gl_draw_reading_past_a_buffer_end),
        HL_CASE(gl_readback_past_the_surface),
        HL_CASE(gl_gles_command_with_no_current_context),
        HL_CASE(gl_make_current_with_an_unknown_context),
        HL_CASE(gl_swap_into_a_buffer_not_made_by_gpupipe),
        HL_CASE(gl_data_on_a_channel_never_opened),
        HL_CASE(gl_second_open_of_a_channel),
        HL_CASE(gl_open_before_gpupipe_is_bound),
        HL_CASE(gl_open_of_a_channel_out_of_range),
        HL_CASE(gl_open_with_a_payload),
        HL_CASE(gpupipe_create_memory_of_size_0),
        HL_CASE(gpupipe_create_memory_of_another_format),
        HL_CASE(gpupipe_open_stream_forwarded),
        HL_CASE(gl_linker_use_after_free_reproducer_fails_and_the_link_goes_on),
        HL_CASE(gl_valid_stream_is_served),
};
const size_t hl_gl_case_count = sizeof(hl_gl_cases) / sizeof(hl_gl_cases[0]);
