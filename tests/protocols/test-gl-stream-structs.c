/*
 * The wire structs of the EGL-level GL commands (gl-stream.h) against the
 * layout the stream had when each op was a hand-encoded list of u32 (and
 * one u64): a struct filled field by field must be, byte for byte, the
 * scalars written in the documented order, so the library (which sends
 * the structs) and the recorded fuzz corpora (written with the lists)
 * speak the same stream. Then gl_rd_struct: a whole read, a short one
 * (bad, zeros, nothing left) and the blob after a struct.
 */
#include <stdio.h>
#include <string.h>

#include <gpupipe/gl-codec.h>

#include "check.h"

/* Writes scalars as the stream's old encoders did: u32 then u32... */
struct wire {
	uint8_t b[128];
	uint32_t n;
};

static void put32(struct wire *w, uint32_t v)
{
	memcpy(w->b + w->n, &v, 4);
	w->n += 4;
}

static void put64(struct wire *w, uint64_t v)
{
	put32(w, (uint32_t)v);
	put32(w, (uint32_t)(v >> 32));
}

static void same(const char *name, const void *s, uint32_t size, const struct wire *w)
{
	if (size != w->n || memcmp(s, w->b, size) != 0) {
		fprintf(stderr, "FAIL %s: %u bytes do not match the documented %u\n", name, size,
		        w->n);
		failures++;
	}
}

#define SAME(s, w) same(#s, &(s), (uint32_t)sizeof(s), &(w))

static void commands(void)
{
	struct wire w = {0};
	/* version first (every release), reserved, codec */
	struct gl_op_init init = {.version = GL_STREAM_VERSION, .codec = 0x1122334455667788ull};
	put32(&w, GL_STREAM_VERSION);
	put32(&w, 0);
	put64(&w, 0x1122334455667788ull);
	SAME(init, w);

	w.n = 0;
	struct gl_op_handle handle = {.handle = 0x11223344};
	put32(&w, 0x11223344);
	SAME(handle, w);

	/* handle, config_id, share, api, version, flags */
	w.n = 0;
	struct gl_op_create_context cc = {
	        .handle = 1, .config_id = 2, .share = 3, .api = 4, .version = 5, .flags = 6};
	for (uint32_t i = 1; i <= 6; i++)
		put32(&w, i);
	SAME(cc, w);

	/* handle, config_id, width, height, kind */
	w.n = 0;
	struct gl_op_create_surface cs = {
	        .handle = 1, .config_id = 2, .width = 3, .height = 4, .kind = 5};
	for (uint32_t i = 1; i <= 5; i++)
		put32(&w, i);
	SAME(cs, w);

	w.n = 0;
	struct gl_op_resize_surface rs = {.handle = 1, .width = 2, .height = 3};
	for (uint32_t i = 1; i <= 3; i++)
		put32(&w, i);
	SAME(rs, w);

	/* context, draw, read */
	w.n = 0;
	struct gl_op_make_current mc = {.context = 1, .draw = 2, .read = 3};
	for (uint32_t i = 1; i <= 3; i++)
		put32(&w, i);
	SAME(mc, w);

	/* surface, wl_buffer id, n_rects, flags; each rect x, y, width, height */
	w.n = 0;
	struct gl_op_swap sw = {.surface = 1, .buffer = 2, .n_rects = 3, .flags = 4};
	for (uint32_t i = 1; i <= 4; i++)
		put32(&w, i);
	SAME(sw, w);
	w.n = 0;
	struct gl_rect rect = {.x = -1, .y = 2, .width = 3, .height = 4};
	put32(&w, (uint32_t)-1);
	for (uint32_t i = 2; i <= 4; i++)
		put32(&w, i);
	SAME(rect, w);

	w.n = 0;
	struct gl_op_sync_create sc = {.handle = 1, .type = 0x30F9};
	put32(&w, 1);
	put32(&w, 0x30F9);
	SAME(sc, w);

	/* handle, flags, u64 timeout in ns: low word first */
	w.n = 0;
	struct gl_op_sync_client_wait cw = {
	        .handle = 1, .flags = 2, .timeout_ns = 0x0102030405060708ull};
	put32(&w, 1);
	put32(&w, 2);
	put64(&w, 0x0102030405060708ull);
	SAME(cw, w);

	/* image, context, target, app name, level */
	w.n = 0;
	struct gl_op_image_create ic = {
	        .handle = 1, .context = 2, .target = 3, .name = 4, .level = 5};
	for (uint32_t i = 1; i <= 5; i++)
		put32(&w, i);
	SAME(ic, w);

	/* target, offset, length */
	w.n = 0;
	struct gl_op_buffer_read br = {.target = 1, .offset = 2, .length = 3};
	for (uint32_t i = 1; i <= 3; i++)
		put32(&w, i);
	SAME(br, w);

	/* array, index, size, type, mode, first, count */
	w.n = 0;
	struct gl_client_array ca = {
	        .array = 1, .index = 2, .size = 3, .type = 4, .mode = 5, .first = 6, .count = 7};
	for (uint32_t i = 1; i <= 7; i++)
		put32(&w, i);
	SAME(ca, w);
}

static void replies(void)
{
	struct wire w = {0};
	struct gl_reply_error err = {.error = 0x3000};
	put32(&w, 0x3000);
	SAME(err, w);

	/* status, then the error only when status is 0: the first four bytes
	 * alone are the reply of a wait that ended. */
	w.n = 0;
	struct gl_reply_sync_wait sw = {.status = 0, .error = 0x300C};
	put32(&w, 0);
	put32(&w, 0x300C);
	SAME(sw, w);
	CHECK(offsetof(struct gl_reply_sync_wait, error) == 4);

	/* version, n_configs, n_apis, features, max_width, max_height, codec */
	w.n = 0;
	struct gl_host_info hi = {.version = 1,
	                          .n_configs = 2,
	                          .n_apis = 3,
	                          .features = 4,
	                          .max_width = 5,
	                          .max_height = 6,
	                          .codec = 7};
	for (uint32_t i = 1; i <= 6; i++)
		put32(&w, i);
	put64(&w, 7);
	SAME(hi, w);

	/* api, version, GL_EXT_WORDS u64 of extension bits */
	w.n = 0;
	struct gl_api_info ai = {.api = 1, .version = 2, .exts = {3, 4, 5, 6, 7, 8, 9, 10}};
	put32(&w, 1);
	put32(&w, 2);
	for (uint64_t i = 3; i <= 10; i++)
		put64(&w, i);
	SAME(ai, w);
}

static void reader(void)
{
	/* A CREATE_CONTEXT payload as the library sends it: struct, blob. */
	struct wire w = {0};
	for (uint32_t i = 1; i <= 6; i++)
		put32(&w, i);
	put32(&w, 8);
	put64(&w, 0xabcdef);
	struct gl_reader r = {.p = w.b, .left = w.n};
	struct gl_op_create_context cc;
	gl_rd_struct(&r, &cc, sizeof(cc));
	uint32_t n = 0;
	const void *blob = gl_rd_blob(&r, &n);
	CHECK(!r.bad && r.left == 0);
	CHECK(cc.handle == 1 && cc.config_id == 2 && cc.share == 3 && cc.api == 4 &&
	      cc.version == 5 && cc.flags == 6);
	CHECK(n == 8 && blob == w.b + 28);

	/* One byte short: bad, the struct zeroed, nothing left to read. */
	struct gl_reader s = {.p = w.b, .left = sizeof(cc) - 1};
	memset(&cc, 0xff, sizeof(cc));
	gl_rd_struct(&s, &cc, sizeof(cc));
	CHECK(s.bad && s.left == 0);
	CHECK(cc.handle == 0 && cc.flags == 0);
	CHECK(gl_rd_u32(&s) == 0 && s.bad);

	/* An empty payload for a struct command. */
	struct gl_reader e = {.p = w.b, .left = 0};
	struct gl_op_handle h = {.handle = 7};
	gl_rd_struct(&e, &h, sizeof(h));
	CHECK(e.bad && h.handle == 0);
}

int main(void)
{
	commands();
	replies();
	reader();
	if (failures) {
		fprintf(stderr, "%d failures\n", failures);
		return 1;
	}
	printf("GL stream structs: all as documented\n");
	return 0;
}
