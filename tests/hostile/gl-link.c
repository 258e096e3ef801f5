/*
 * A hand-built GL stream on a raw link (gl-link.h): what libEGL_gpupipe and gpupipe-proxy do
 * for an app, from gl-stream.h and the generated gles-codec.h, so that the GL cases can break
 * or push exactly what they mean to.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gl-link.h"
#include "gles-codec.h"

/* --- building commands --- */

void hl_gl_cmd_begin(struct hl_gl_link *g, uint32_t op)
{
	g->cmd_start = g->cmds.len;
	struct gl_cmd hdr = {.size = 0, .op = op};
	hl_put(&g->cmds, &hdr, sizeof(hdr));
}

void hl_gl_put_u64(struct hl_gl_link *g, uint64_t v)
{
	hl_put(&g->cmds, &v, sizeof(v));
}

/* A blob: byte count, bytes, zero padding to 4; GL_BLOB_NULL carries nothing. */
void hl_gl_put_blob(struct hl_gl_link *g, const void *data, uint32_t n)
{
	hl_put_u32(&g->cmds, n);
	if (n == GL_BLOB_NULL)
		return;
	static const uint8_t zeros[4];
	hl_put(&g->cmds, data, n);
	hl_put(&g->cmds, zeros, ((n + 3) & ~3u) - n);
}

void hl_gl_cmd_end(struct hl_gl_link *g)
{
	uint32_t size = (uint32_t)(g->cmds.len - g->cmd_start);
	memcpy(g->cmds.data + g->cmd_start, &size, sizeof(size));
}

/* A command of n u32 scalars. */
void hl_gl_cmd(struct hl_gl_link *g, uint32_t op, unsigned n, ...)
{
	va_list ap;
	va_start(ap, n);
	hl_gl_cmd_begin(g, op);
	for (unsigned i = 0; i < n; i++)
		hl_put_u32(&g->cmds, va_arg(ap, uint32_t));
	hl_gl_cmd_end(g);
	va_end(ap);
}

/* Sends the queued commands on channel ch as WIRE_GL frames of at most `chunk` bytes
 * (0: one frame), cut anywhere, as the proxy may. */
bool hl_gl_send(struct hl_gl_link *g, uint16_t ch, size_t chunk)
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
const uint8_t *hl_gl_reply(struct hl_gl_link *g, uint32_t op, uint32_t *size)
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

bool hl_gl_reply_u32(struct hl_gl_link *g, uint32_t op, uint32_t *v)
{
	uint32_t size;
	const uint8_t *p = hl_gl_reply(g, op, &size);
	CHECKF(p && size >= 4, "no u32 reply to op 0x%x", op);
	memcpy(v, p, 4);
	return true;
}

/* --- setting up like the EGL library --- */

/* Opens a link, binds gpupipe_v1 at the name gpupipe-host gives it. */
bool hl_gl_bind(struct hl_env *e, struct hl_gl_link *g)
{
	return hl_gl_bind_features(e, g, 0);
}

bool hl_gl_bind_features(struct hl_env *e, struct hl_gl_link *g, uint64_t ask)
{
	memset(g, 0, sizeof(*g));
	CHECK(hl_link_open_features(e, &g->l, ask, &g->features));
	CHECK(hl_registry_roundtrip(&g->l, &g->globals));
	const struct hl_global *gp = hl_global_find(&g->globals, "gpupipe_v1");
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
void hl_gl_empty_frame(struct hl_gl_link *g, uint16_t type, uint16_t ch)
{
	hl_frame_end(&g->l.out, hl_frame_begin(&g->l.out, type, ch));
}

void hl_gl_open(struct hl_gl_link *g, uint16_t ch)
{
	hl_gl_empty_frame(g, WIRE_GL_OPEN, ch);
}

/* GL_OP_INIT on CH; keeps a config with alpha and no multisampling. */
bool hl_gl_init(struct hl_gl_link *g)
{
	hl_gl_cmd(g, GL_OP_INIT, 4, GL_STREAM_VERSION, 0, (uint32_t)GLES_CODEC_ID,
	          (uint32_t)(GLES_CODEC_ID >> 32));
	CHECK(hl_gl_send(g, CH, 0));
	uint32_t size;
	const uint8_t *p = hl_gl_reply(g, GL_OP_INIT, &size);
	CHECKF(p && size >= sizeof(struct gl_host_info) + 4, "no GL_OP_INIT reply");
	struct gl_host_info info;
	memcpy(&info, p, sizeof(info));
	g->host_features = info.features;
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
	/* Each API: its gl_api_info blob, 5 strings, the limits. */
	const uint8_t *q = p + sizeof(info) + 4 + n, *end = p + size;
	memset(&g->es, 0, sizeof(g->es));
	memset(&g->es1, 0, sizeof(g->es1));
	memset(&g->core, 0, sizeof(g->core));
	memset(&g->compat, 0, sizeof(g->compat));
	for (uint32_t a = 0; a < info.n_apis; a++) {
		for (int b = 0; b < 7; b++) {
			uint32_t len = 0;
			CHECKF(end - q >= 4, "API %u: blob %d missing", a, b);
			memcpy(&len, q, 4);
			uint32_t room = (len + 3) & ~3u;
			CHECKF((size_t)(end - q - 4) >= room, "API %u: blob %d of %u bytes", a, b,
			       len);
			if (b == 0) {
				struct gl_api_info api;
				CHECKF(len == sizeof(api), "API block of %u bytes", len);
				memcpy(&api, q + 4, sizeof(api));
				if (api.api == GL_API_GLES1)
					g->es1 = api;
				else if (api.api == GL_API_GLES2)
					g->es = api;
				else if (api.api == GL_API_GL_CORE)
					g->core = api;
				else if (api.api == GL_API_GL_COMPAT)
					g->compat = api;
			}
			q += 4 + room;
		}
	}
	CHECKF(g->es.version, "no OpenGL ES 2 block");
	return true;
}

static void create_context(struct hl_gl_link *g, uint32_t handle, const struct gl_api_info *api)
{
	uint32_t x[2 * GL_EXT_WORDS];
	memcpy(x, api->exts, sizeof(x));
	hl_gl_cmd(g, GL_OP_CREATE_CONTEXT, 23, handle, g->config, 0u, api->api, api->version, 0u,
	          64u, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11],
	          x[12], x[13], x[14], x[15]);
}

void hl_gl_cmd_create_context(struct hl_gl_link *g, uint32_t handle)
{
	create_context(g, handle, &g->es);
}

/* A context of `api` (GL_API_GLES2, GLES1 or GL_CORE) and a SIZE x SIZE
 * surface of `kind`, current on CH. */
static bool ready(struct hl_env *e, struct hl_gl_link *g, uint32_t kind, uint32_t api, uint64_t ask)
{
	CHECK(hl_gl_bind_features(e, g, ask));
	hl_gl_open(g, CH);
	CHECK(hl_gl_init(g));
	bool es1 = api == GL_API_GLES1;
	CHECKF(!es1 || g->es1.version, "the host offers no OpenGL ES 1.1");
	uint32_t err;
	create_context(g, CTX, es1 ? &g->es1 : &g->es);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_CONTEXT, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_CONTEXT: EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_CREATE_SURFACE, 5, SURF, g->config, SIZE, SIZE, kind);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_SURFACE, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_SURFACE: EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	return hl_gl_send(g, CH, 0);
}

bool hl_gl_ready_core(struct hl_env *e, struct hl_gl_link *g, uint32_t version, bool *offered)
{
	CHECK(hl_gl_bind(e, g));
	hl_gl_open(g, CH);
	CHECK(hl_gl_init(g));
	*offered = g->core.version >= version;
	if (!*offered)
		return true;
	/* The version asked, as an app asks its own: the host makes that one. */
	struct gl_api_info core = g->core;
	core.version = version;
	uint32_t err;
	create_context(g, CTX, &core);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_CONTEXT, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_CONTEXT (core): EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_CREATE_SURFACE, 5, SURF, g->config, SIZE, SIZE, GL_SURFACE_PBUFFER);
	CHECK(hl_gl_send(g, CH, 0) && hl_gl_reply_u32(g, GL_OP_CREATE_SURFACE, &err));
	CHECKF(err == EGL_OK, "GL_OP_CREATE_SURFACE: EGL error 0x%x", err);
	hl_gl_cmd(g, GL_OP_MAKE_CURRENT, 3, CTX, SURF, SURF);
	return hl_gl_send(g, CH, 0);
}

bool hl_gl_ready_core_drawing(struct hl_env *e, struct hl_gl_link *g, uint32_t version,
                              bool *offered)
{
	CHECK(hl_gl_ready_core(e, g, version, offered));
	if (!*offered)
		return true;
	hl_gl_shader(g, 11, GL_VERTEX_SHADER,
	             "#version 330 core\nin vec4 pos;\nvoid main() { gl_Position = pos; }\n");
	hl_gl_shader(g, 12, GL_FRAGMENT_SHADER,
	             "#version 330 core\nout vec4 o;\nvoid main() { o = vec4(1, 0, 0, 1); }\n");
	hl_gl_cmd(g, GLES_OP_glCreateProgram, 1, 10u);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, 10u, 11u);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, 10u, 12u);
	hl_gl_cmd_begin(g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g->cmds, 10);
	hl_put_u32(&g->cmds, 0);
	hl_gl_put_blob(g, "pos", 4);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glLinkProgram, 1, 10u);
	hl_gl_cmd(g, GLES_OP_glUseProgram, 1, 10u);
	uint32_t vao = 4;
	hl_gl_cmd_begin(g, GLES_OP_glGenVertexArrays);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &vao, sizeof(vao));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindVertexArray, 1, vao);
	return true;
}

bool hl_gl_skip(struct hl_env *e, struct hl_gl_link *g, const char *why)
{
	hl_skip_reason = why;
	return hl_gl_close_served(e, g);
}

bool hl_gl_ready_kind(struct hl_env *e, struct hl_gl_link *g, uint32_t kind)
{
	return ready(e, g, kind, GL_API_GLES2, 0);
}

bool hl_gl_ready(struct hl_env *e, struct hl_gl_link *g)
{
	return ready(e, g, GL_SURFACE_PBUFFER, GL_API_GLES2, 0);
}

bool hl_gl_ready_features(struct hl_env *e, struct hl_gl_link *g, uint64_t ask)
{
	return ready(e, g, GL_SURFACE_PBUFFER, GL_API_GLES2, ask);
}

bool hl_gl_ready_es1(struct hl_env *e, struct hl_gl_link *g)
{
	return ready(e, g, GL_SURFACE_PBUFFER, GL_API_GLES1, 0);
}

void hl_gl_shader(struct hl_gl_link *g, uint32_t name, uint32_t type, const char *src)
{
	hl_gl_cmd(g, GLES_OP_glCreateShader, 2, type, name);
	int32_t len = (int32_t)strlen(src);
	hl_gl_cmd_begin(g, GLES_OP_glShaderSource);
	hl_put_u32(&g->cmds, name);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &len, sizeof(len));
	hl_gl_put_blob(g, src, (uint32_t)len);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glCompileShader, 1, name);
}

/* Program `name` (shaders name + 1 and + 2) drawing attribute 0 in red, in use. */
void hl_gl_program(struct hl_gl_link *g, uint32_t name)
{
	hl_gl_shader(g, name + 1, GL_VERTEX_SHADER,
	             "attribute vec4 pos;\nvoid main() { gl_Position = pos; }\n");
	hl_gl_shader(
	        g, name + 2, GL_FRAGMENT_SHADER,
	        "precision mediump float;\nvoid main() { gl_FragColor = vec4(1, 0, 0, 1); }\n");
	hl_gl_cmd(g, GLES_OP_glCreateProgram, 1, name);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, name, name + 1);
	hl_gl_cmd(g, GLES_OP_glAttachShader, 2, name, name + 2);
	hl_gl_cmd_begin(g, GLES_OP_glBindAttribLocation);
	hl_put_u32(&g->cmds, name);
	hl_put_u32(&g->cmds, 0);
	hl_gl_put_blob(g, "pos", 4);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glLinkProgram, 1, name);
	hl_gl_cmd(g, GLES_OP_glUseProgram, 1, name);
}

/* Buffer `name` bound to `target` with n bytes of data. */
void hl_gl_buffer(struct hl_gl_link *g, uint32_t target, uint32_t name, const void *data,
                  uint32_t n)
{
	hl_gl_cmd_begin(g, GLES_OP_glGenBuffers);
	hl_put_u32(&g->cmds, 1);
	hl_gl_put_blob(g, &name, sizeof(name));
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glBindBuffer, 2, target, name);
	hl_gl_cmd_begin(g, GLES_OP_glBufferData);
	hl_put_u32(&g->cmds, target);
	hl_gl_put_u64(g, n);
	hl_put_u32(&g->cmds, GL_STATIC_DRAW);
	hl_gl_put_blob(g, data, n);
	hl_gl_cmd_end(g);
}

/* Attribute 0: size 4 floats from the bound GL_ARRAY_BUFFER at offset 0, enabled. */
void hl_gl_attrib0(struct hl_gl_link *g, uint32_t stride)
{
	hl_gl_cmd_begin(g, GLES_OP_glVertexAttribPointer);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, 4);
	hl_put_u32(&g->cmds, GL_FLOAT);
	hl_put_u32(&g->cmds, 0);
	hl_put_u32(&g->cmds, stride);
	hl_gl_put_u64(g, 0);
	hl_gl_cmd_end(g);
	hl_gl_cmd(g, GLES_OP_glEnableVertexAttribArray, 1, 0u);
}

bool hl_gl_get_error(struct hl_gl_link *g, uint32_t *error)
{
	hl_gl_cmd(g, GLES_OP_glGetError, 0);
	CHECK(hl_gl_send(g, CH, 0));
	return hl_gl_reply_u32(g, GLES_OP_glGetError, error);
}

bool hl_gl_close_served(struct hl_env *e, struct hl_gl_link *g)
{
	static const char bye[] = "test done";
	hl_put_frame(&g->l.out, WIRE_CLOSE, 0, bye, sizeof(bye) - 1);
	bool sent = hl_link_flush(&g->l);
	unsigned index = g->l.index;
	hl_link_close(&g->l);
	free(g->rep);
	hl_buf_finish(&g->cmds);
	CHECKF(sent, "the link was gone before our WIRE_CLOSE");
	pid_t pid = hl_link_pid(e, index);
	CHECK(pid > 0);
	int status = hl_link_exit_status(e, pid);
	CHECKF(status == 0, "link process %d exited with %d, not 0", (int)pid, status);
	return hl_still_serving(e);
}
