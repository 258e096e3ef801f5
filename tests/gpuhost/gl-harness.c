#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "gl-harness.h"
#include "gles-codec.h"

static void sink_fail(void *data, const char *reason)
{
	struct gt *t = data;
	t->failed = true;
	snprintf(t->reason, sizeof(t->reason), "%s", reason);
}

static bool sink_send(void *data, uint16_t channel, const uint8_t *bytes, uint32_t len)
{
	struct gt *t = data;
	if (channel >= GT_CHANNELS)
		return false;
	void *p = wl_array_add(&t->out[channel], len);
	if (!p)
		return false;
	memcpy(p, bytes, len);
	return true;
}

static bool sink_congested(void *data)
{
	struct gt *t = data;
	return t->congested;
}

static const struct gh_gl_sink sink = {
        .fail = sink_fail, .send = sink_send, .congested = sink_congested};

void gt_init(struct gt *t)
{
	memset(t, 0, sizeof(*t));
	for (int i = 0; i < GT_CHANNELS; i++)
		wl_array_init(&t->out[i]);
	wl_array_init(&t->cmds);
	gp_log_init("test-gl", 0);
	setenv("GPUPIPE_RENDER_NODE", "none", 1);
	t->gl = gh_gl_create_with_sink(&sink, t, false, GH_GL_OFFER_ALL);
	if (!t->gl) {
		fprintf(stderr, "SKIP: the host has no EGL that renders GLES 2\n");
		exit(77);
	}
}

void gt_finish(struct gt *t)
{
	gh_gl_destroy(t->gl);
	for (int i = 0; i < GT_CHANNELS; i++)
		wl_array_release(&t->out[i]);
	wl_array_release(&t->cmds);
}

static void put(struct gt *t, const void *data, size_t n)
{
	void *p = wl_array_add(&t->cmds, n);
	if (!p)
		abort();
	memcpy(p, data, n);
}

void gt_begin(struct gt *t, uint32_t op)
{
	t->cmd_start = t->cmds.size;
	struct gl_cmd hdr = {.size = 0, .op = op};
	put(t, &hdr, sizeof(hdr));
}

void gt_u32(struct gt *t, uint32_t v)
{
	put(t, &v, 4);
}

void gt_f32(struct gt *t, float v)
{
	put(t, &v, 4);
}

void gt_u64(struct gt *t, uint64_t v)
{
	put(t, &v, 8);
}

void gt_blob(struct gt *t, const void *data, uint32_t n)
{
	gt_u32(t, n);
	if (n == GL_BLOB_NULL)
		return;
	static const uint8_t zeros[4];
	put(t, data, n);
	put(t, zeros, ((n + 3) & ~3u) - n);
}

void gt_end(struct gt *t)
{
	uint32_t size = (uint32_t)(t->cmds.size - t->cmd_start);
	memcpy((uint8_t *)t->cmds.data + t->cmd_start, &size, 4);
}

void gt_cmd(struct gt *t, uint32_t op, int n, ...)
{
	va_list ap;
	va_start(ap, n);
	gt_begin(t, op);
	for (int i = 0; i < n; i++)
		gt_u32(t, va_arg(ap, uint32_t));
	gt_end(t);
	va_end(ap);
}

bool gt_send(struct gt *t, uint16_t channel, size_t chunk, size_t misalign)
{
	size_t len = t->cmds.size;
	uint8_t *buf = malloc(len + misalign + 1);
	if (!buf)
		abort();
	memcpy(buf + misalign, t->cmds.data, len);
	t->cmds.size = 0;
	bool ok = true;
	for (size_t off = 0; off < len && ok;) {
		size_t n = chunk && chunk < len - off ? chunk : len - off;
		ok = gh_gl_stream_data(t->gl, channel, buf + misalign + off, (uint32_t)n, NULL);
		off += n;
	}
	free(buf);
	return ok;
}

const uint8_t *gt_reply(struct gt *t, uint16_t channel, uint32_t op, uint32_t *size)
{
	static uint8_t held[GL_MAX_COMMAND / 16];
	struct wl_array *out = &t->out[channel];
	struct gl_cmd hdr;
	if (out->size < sizeof(hdr)) {
		fprintf(stderr, "no reply to op 0x%x on stream %u\n", op, channel);
		return NULL;
	}
	memcpy(&hdr, out->data, sizeof(hdr));
	if (hdr.op != op || hdr.size < sizeof(hdr) || hdr.size > out->size ||
	    hdr.size - sizeof(hdr) > sizeof(held)) {
		fprintf(stderr, "reply op 0x%x size %u, expected op 0x%x\n", hdr.op, hdr.size, op);
		return NULL;
	}
	*size = hdr.size - (uint32_t)sizeof(hdr);
	memcpy(held, (uint8_t *)out->data + sizeof(hdr), *size);
	memmove(out->data, (uint8_t *)out->data + hdr.size, out->size - hdr.size);
	out->size -= hdr.size;
	return held;
}

const uint8_t *gt_blob_at(const uint8_t **p, const uint8_t *end, uint32_t *n)
{
	if (end - *p < 4)
		return NULL;
	memcpy(n, *p, 4);
	const uint8_t *data = *p + 4;
	uint32_t room = *n == GL_BLOB_NULL ? 0 : (*n + 3) & ~3u;
	if ((size_t)(end - data) < room)
		return NULL;
	*p = data + room;
	return data;
}

bool gt_init_stream(struct gt *t, uint16_t ch)
{
	CHECK(gh_gl_stream_open(t->gl, ch), "open: %s", t->reason);
	gt_cmd(t, GL_OP_INIT, 4, GL_STREAM_VERSION, 0, (uint32_t)GLES_CODEC_ID,
	       (uint32_t)(GLES_CODEC_ID >> 32));
	CHECK(gt_send(t, ch, 0, 0), "init: %s", t->reason);
	uint32_t size;
	const uint8_t *p = gt_reply(t, ch, GL_OP_INIT, &size), *end = p + size;
	CHECK(p && size >= sizeof(struct gl_host_info), "init reply");
	struct gl_host_info info;
	memcpy(&info, p, sizeof(info));
	p += sizeof(info);
	CHECK(info.version == GL_STREAM_VERSION && info.n_configs > 0, "host info");
	uint32_t n = 0;
	const uint8_t *configs = gt_blob_at(&p, end, &n);
	size_t config_size = sizeof(struct gl_config_info);
	CHECK(configs && n == info.n_configs * config_size, "config blob of %u bytes", n);
	bool found = false;
	for (uint32_t i = 0; i < info.n_configs && !found; i++) {
		memcpy(&t->config, configs + config_size * i, config_size);
		found = t->config.alpha == 8 && t->config.samples == 0;
	}
	CHECK(found, "no config with alpha");
	fprintf(stderr, "host: %u configs, up to %ux%u, features 0x%x\n", info.n_configs,
	        info.max_width, info.max_height, info.features);
	CHECK(info.n_apis >= 1 && info.n_apis <= GL_API_COUNT, "%u APIs", info.n_apis);
	memset(&t->es, 0, sizeof(t->es));
	memset(&t->es1, 0, sizeof(t->es1));
	memset(&t->compat, 0, sizeof(t->compat));
	memset(&t->core, 0, sizeof(t->core));
	for (uint32_t a = 0; a < info.n_apis; a++) {
		struct gl_api_info api;
		const uint8_t *blob = gt_blob_at(&p, end, &n);
		CHECK(blob && n == sizeof(api), "API blob of %u bytes", n);
		memcpy(&api, blob, sizeof(api));
		/* Desktop core profiles are offered once every command of a version is
		 * streamed (3.2 or later), the compatibility profile from 2.1 on. */
		CHECK((api.api == GL_API_GLES2 && api.version >= GL_VERSION_CODE(2, 0)) ||
		              (api.api == GL_API_GLES1 && api.version == GL_VERSION_CODE(1, 1)) ||
		              (api.api == GL_API_GL_CORE && api.version >= GL_VERSION_CODE(3, 2)) ||
		              (api.api == GL_API_GL_COMPAT && api.version >= GL_VERSION_CODE(2, 1)),
		      "API %u %x", api.api, api.version);
		if (api.api == GL_API_GLES2)
			t->es = api;
		else if (api.api == GL_API_GLES1)
			t->es1 = api;
		else if (api.api == GL_API_GL_COMPAT)
			t->compat = api;
		else if (api.api == GL_API_GL_CORE)
			t->core = api;
		fprintf(stderr, "host offers %s %u.%u\n", gl_api_name(api.api),
		        GL_VERSION_MAJOR(api.version), GL_VERSION_MINOR(api.version));
		for (int i = 0; i < 5; i++) {
			const uint8_t *str = gt_blob_at(&p, end, &n);
			CHECK(str, "string %d", i);
			fprintf(stderr, "host string %d: %.*s\n", i, (int)(n < 200 ? n : 200), str);
		}
		const uint8_t *limits = gt_blob_at(&p, end, &n);
		CHECK(limits && n % sizeof(struct gl_limit) == 0, "limits");
	}
	CHECK(t->es.version, "no OpenGL ES 2 or later");
	CHECK(p == end, "%zu bytes after the APIs", (size_t)(end - p));
	return true;
}

static bool egl_reply(struct gt *t, uint16_t ch, uint32_t op, uint32_t want)
{
	uint32_t size, err = 0;
	const uint8_t *p = gt_reply(t, ch, op, &size);
	CHECK(p && size == 4, "reply to op %u", op);
	memcpy(&err, p, 4);
	CHECK(err == want, "EGL error 0x%x, expected 0x%x", err, want);
	return true;
}

void gt_cmd_create_context_api(struct gt *t, uint32_t handle, uint32_t share,
                               const struct gl_api_info *api)
{
	uint32_t x[2 * GL_EXT_WORDS];
	memcpy(x, api->exts, sizeof(x));
	gt_cmd(t, GL_OP_CREATE_CONTEXT, 23, handle, t->config.config_id, share, api->api,
	       api->version, 0, 64u, x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9],
	       x[10], x[11], x[12], x[13], x[14], x[15]);
}

void gt_cmd_create_context(struct gt *t, uint32_t handle, uint32_t share)
{
	gt_cmd_create_context_api(t, handle, share, &t->es);
}

static bool desktop_window(struct gt *t, const struct gl_api_info *api, const char *name,
                           uint32_t w, uint32_t h)
{
	if (!api->version) {
		fprintf(stderr, "the host offers no %s profile\n", name);
		exit(77);
	}
	gt_cmd_create_context_api(t, 1, 0, api);
	CHECK(gt_send(t, 1, 0, 0), "create context: %s", t->reason);
	return egl_reply(t, 1, GL_OP_CREATE_CONTEXT, EGL_SUCCESS) &&
	       gt_surface(t, 1, 1, w, h, GL_SURFACE_WINDOW) && gt_current(t, 1, 1, 1);
}

bool gt_compat_window(struct gt *t, uint32_t w, uint32_t h)
{
	return gt_init_stream(t, 1) && desktop_window(t, &t->compat, "compatibility", w, h);
}

bool gt_core_window(struct gt *t, uint32_t w, uint32_t h)
{
	return gt_init_stream(t, 1) && desktop_window(t, &t->core, "core", w, h);
}

bool gt_context(struct gt *t, uint16_t ch, uint32_t handle)
{
	gt_cmd_create_context(t, handle, 0);
	CHECK(gt_send(t, ch, 0, 0), "create context: %s", t->reason);
	return egl_reply(t, ch, GL_OP_CREATE_CONTEXT, EGL_SUCCESS);
}

bool gt_surface(struct gt *t, uint16_t ch, uint32_t handle, uint32_t w, uint32_t h, uint32_t kind)
{
	gt_cmd(t, GL_OP_CREATE_SURFACE, 5, handle, t->config.config_id, w, h, kind);
	CHECK(gt_send(t, ch, 0, 0), "create surface: %s", t->reason);
	return egl_reply(t, ch, GL_OP_CREATE_SURFACE, EGL_SUCCESS);
}

bool gt_current(struct gt *t, uint16_t ch, uint32_t ctx, uint32_t surf)
{
	gt_cmd(t, GL_OP_MAKE_CURRENT, 3, ctx, surf, surf);
	CHECK(gt_send(t, ch, 0, 0), "make current: %s", t->reason);
	return true;
}

bool gt_read_pixels(struct gt *t, uint16_t ch, int x, int y, int w, int h, uint8_t *out)
{
	gt_cmd(t, GLES_OP_glReadPixels, 7, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, w * h * 4);
	CHECK(gt_send(t, ch, 0, 0), "glReadPixels: %s", t->reason);
	uint32_t size, n = 0;
	const uint8_t *p = gt_reply(t, ch, GLES_OP_glReadPixels, &size);
	CHECK(p, "glReadPixels reply");
	const uint8_t *end = p + size, *data = gt_blob_at(&p, end, &n);
	CHECK(data && n == (uint32_t)(w * h * 4) && p == end, "glReadPixels blob of %u", n);
	memcpy(out, data, n);
	return true;
}

void gt_shader(struct gt *t, uint32_t name, uint32_t type, const char *src)
{
	gt_cmd(t, GLES_OP_glCreateShader, 2, type, name);
	int32_t len = (int32_t)strlen(src);
	gt_begin(t, GLES_OP_glShaderSource);
	gt_u32(t, name);
	gt_u32(t, 1);
	gt_blob(t, &len, 4);
	gt_blob(t, src, (uint32_t)len);
	gt_end(t);
	gt_cmd(t, GLES_OP_glCompileShader, 1, name);
}

bool gt_program_src(struct gt *t, uint16_t ch, uint32_t program, const char *vs, const char *fs)
{
	gt_shader(t, program + 1, GL_VERTEX_SHADER, vs);
	gt_shader(t, program + 2, GL_FRAGMENT_SHADER, fs);
	gt_cmd(t, GLES_OP_glCreateProgram, 1, program);
	gt_cmd(t, GLES_OP_glAttachShader, 2, program, program + 1);
	gt_cmd(t, GLES_OP_glAttachShader, 2, program, program + 2);
	gt_begin(t, GLES_OP_glBindAttribLocation);
	gt_u32(t, program);
	gt_u32(t, 0);
	gt_blob(t, "pos", 4);
	gt_end(t);
	gt_cmd(t, GLES_OP_glLinkProgram, 1, program);
	gt_cmd(t, GLES_OP_glUseProgram, 1, program);
	gt_cmd(t, GLES_OP_glGetError, 0);
	CHECK(gt_send(t, ch, 0, 0), "program: %s", t->reason);
	uint32_t size, err;
	const uint8_t *p = gt_reply(t, ch, GLES_OP_glGetError, &size);
	CHECK(p && size == 4, "glGetError reply");
	memcpy(&err, p, 4);
	CHECK(err == GL_NO_ERROR, "GL error 0x%x after linking", err);
	return true;
}

bool gt_program(struct gt *t, uint16_t ch, uint32_t program, float r, float g, float b)
{
	char fs[200];
	snprintf(
	        fs, sizeof(fs),
	        "precision mediump float;\nvoid main() { gl_FragColor = vec4(%f, %f, %f, 1.0); }\n",
	        r, g, b);
	return gt_program_src(t, ch, program,
	                      "attribute vec4 pos;\nvoid main() { gl_Position = pos; }\n", fs);
}

bool gt_sync_u32(struct gt *t, uint16_t ch, uint32_t op, uint32_t *v)
{
	CHECK(gt_send(t, ch, 0, 0), "%s", t->reason);
	uint32_t size;
	const uint8_t *p = gt_reply(t, ch, op, &size);
	CHECK(p && size >= 4, "reply to 0x%x", op);
	memcpy(v, p, 4);
	return true;
}

bool gt_refused(struct gt *t, const char *what)
{
	CHECK(t->failed, "the executor accepted it");
	CHECK(strstr(t->reason, what), "reason \"%s\" lacks \"%s\"", t->reason, what);
	fprintf(stderr, "refused as expected: %s\n", t->reason);
	return true;
}

int gt_main(int argc, char **argv, const struct gt_case *cases, size_t n, bool strict)
{
	for (size_t i = 0; i < n; i++) {
		if (argc != 2 || strcmp(argv[1], cases[i].name))
			continue;
		struct gt t;
		gt_init(&t);
		bool ok = cases[i].run(&t);
		if (strict && t.failed) {
			fprintf(stderr, "the link ended: %s\n", t.reason);
			ok = false;
		}
		gt_finish(&t);
		return ok ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
