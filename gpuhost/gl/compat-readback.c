/*
 * The compatibility profile's small readbacks (the library's side and the
 * wire: proxy/gl/gl-compat-readback.c): the polygon stipple, sized from
 * the pack state as the library sized it, and the pixel maps, sized by
 * the driver's GL_PIXEL_MAP_*_SIZE. Either goes into the bound pixel pack
 * buffer (the range checked against the buffer: GL_INVALID_OPERATION past
 * its end, as GL says) or into the reply, through the driver's bounded
 * forms so that it never writes past what the host allocated: ARB_robustness'
 * names, which Mesa 22 has (its GL 4.5 names of these compatibility-only
 * commands resolve to stubs that do nothing); a host GL without them
 * records GL_INVALID_OPERATION and writes nothing.
 */
#include <EGL/egl.h>
#include <string.h>

#include <gpupipe/gl-sizes.h>

#include "bindings.h"
#include "executor.h"
#include "gles-codec.h"
#include "quota.h"
#include "stream.h"

enum {
	GL_PIXEL_MAP_I_TO_I = 0x0C70,
	GL_PIXEL_MAP_A_TO_A = 0x0C79,
	GL_PIXEL_MAP_I_TO_I_SIZE = 0x0CB0,
};

/* The arguments after the command's own: bufSize, then an offset or a blob. */
struct readback {
	const char *cmd;
	int32_t buf_size;
	bool to_buffer;
	uint64_t offset;
	const void *up; /* the blob (the app's bytes of the extent) */
	uint32_t up_n;
};

static bool read_tail(struct gl_exec *x, struct gl_reader *r, struct readback *b)
{
	b->buf_size = (int32_t)gl_rd_u32(r);
	uint32_t n;
	/* The stipple's bytes go back to the app: from the command only,
	 * never from shared memory, which carries uploads the driver reads. */
	uint32_t mark = 0;
	if (r->left >= 4)
		memcpy(&mark, r->p, 4);
	if (mark == GL_BLOB_SHARED)
		return gh_gl_fail(x, "a readback's bytes in shared memory");
	b->up = gl_rd_pixels(r, &n, &b->offset);
	if (!gh_gl_reader_done(x, r))
		return false;
	b->to_buffer = n == GL_BLOB_OFFSET;
	b->up_n = b->to_buffer || n == GL_BLOB_NULL ? 0 : n;
	if (b->buf_size < 0)
		return gh_gl_fail(x, "bufSize %d", b->buf_size);
	bool bound = gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER) != NULL;
	if (bound != b->to_buffer)
		return gh_gl_fail(x, "%s while a pixel pack buffer is %sbound",
		                  b->to_buffer ? "an offset" : "values asked back",
		                  bound ? "" : "not ");
	return true;
}

/* The reply's blob of n bytes (0: a GL error, nothing written), its bytes
 * initialised from `init` (n of them) or zero. */
static uint8_t *reply_blob(struct gl_exec *x, uint32_t n, const void *init)
{
	uint8_t *p = gl_exec_reply(x, 4 + ((n + 3) & ~3u));
	if (!p)
		return NULL;
	memcpy(p, &n, 4);
	memset(p + 4, 0, (n + 3) & ~3u);
	if (init && n)
		memcpy(p + 4, init, n);
	return p + 4;
}

static void *bounded(const char *name)
{
	return (void *)eglGetProcAddress(name);
}

static void getn_stipple(struct gl_exec *x, GLsizei n, GLubyte *into)
{
	void(GL_APIENTRY * getn)(GLsizei, GLubyte *) = bounded("glGetnPolygonStippleARB");
	if (getn)
		getn(n, into);
	else
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
}

static bool get_stipple(struct gl_exec *x, struct gl_reader *r, const char *cmd)
{
	struct readback b = {.cmd = cmd};
	if (!read_tail(x, r, &b))
		return false;
	int64_t size = gl_bitmap_pack_size(gl_exec_pixel_state(x), 32, 32);
	if (size < 0 || size > GL_MAX_COMMAND / 2)
		return gh_gl_fail(x, "the pack state sizes no stipple (%lld)", (long long)size);
	if (b.to_buffer) {
		switch (gh_gl_pack_range(x, cmd, b.offset, size)) {
		case GL_GUARD_CALL:
			getn_stipple(x, (GLsizei)size, (GLubyte *)(uintptr_t)b.offset);
			return true;
		case GL_GUARD_SKIP:
			return true;
		default:
			return false;
		}
	}
	/* The library sends the app's bytes of the stipple's extent. */
	if (b.up_n != (uint64_t)size)
		return gh_gl_fail(x, "%u bytes of the app's, the pack state says %lld", b.up_n,
		                  (long long)size);
	if (size > b.buf_size) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return reply_blob(x, 0, NULL) != NULL;
	}
	uint8_t *p = reply_blob(x, (uint32_t)size, b.up);
	if (p)
		getn_stipple(x, (GLsizei)size, p);
	return p != NULL;
}

bool gl_exec_special_glGetPolygonStipple(struct gl_exec *x, struct gl_reader *r)
{
	return get_stipple(x, r, "glGetPolygonStipple");
}

bool gl_exec_special_glGetnPolygonStipple(struct gl_exec *x, struct gl_reader *r)
{
	return get_stipple(x, r, "glGetnPolygonStipple");
}

enum { FV, UIV, USV };

static void getn_map(struct gl_exec *x, int kind, GLenum map, GLsizei n, void *into)
{
	static const char *const names[] = {"glGetnPixelMapfvARB", "glGetnPixelMapuivARB",
	                                    "glGetnPixelMapusvARB"};
	void(GL_APIENTRY * getn)(GLenum, GLsizei, void *) = bounded(names[kind]);
	if (getn)
		getn(map, n, into);
	else
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
}

static bool get_map(struct gl_exec *x, struct gl_reader *r, const char *cmd, int kind)
{
	GLenum map = gl_rd_u32(r);
	struct readback b = {.cmd = cmd};
	if (!read_tail(x, r, &b))
		return false;
	if (b.up_n)
		return gh_gl_fail(x, "%u bytes sent with a readback", b.up_n);
	/* GL_PIXEL_MAP_I_TO_I..GL_PIXEL_MAP_A_TO_A; their sizes are 0x40 on. */
	bool known = map >= GL_PIXEL_MAP_I_TO_I && map <= GL_PIXEL_MAP_A_TO_A;
	GLint count = 0;
	if (known)
		gles_host.glGetIntegerv(map + (GL_PIXEL_MAP_I_TO_I_SIZE - GL_PIXEL_MAP_I_TO_I),
		                        &count);
	uint32_t elem = kind == USV ? 2 : 4;
	if (count < 0 || count > GH_GL_MAX_PIXEL_MAP)
		return gh_gl_fail(x, "the driver says the map has %d values", count);
	uint32_t size = (uint32_t)count * elem;
	if (b.to_buffer) {
		if (!known) {
			getn_map(x, kind, map, 0, NULL); /* the driver's GL_INVALID_ENUM */
			return true;
		}
		switch (gh_gl_pack_range(x, cmd, b.offset, size)) {
		case GL_GUARD_CALL:
			getn_map(x, kind, map, (GLsizei)size, (void *)(uintptr_t)b.offset);
			return true;
		case GL_GUARD_SKIP:
			return true;
		default:
			return false;
		}
	}
	if (!known) {
		getn_map(x, kind, map, 0, NULL);
		return reply_blob(x, 0, NULL) != NULL;
	}
	if (size > (uint32_t)b.buf_size) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return reply_blob(x, 0, NULL) != NULL;
	}
	uint8_t *p = reply_blob(x, size, NULL);
	if (p && size)
		getn_map(x, kind, map, (GLsizei)size, p);
	return p != NULL;
}

bool gl_exec_special_glGetPixelMapfv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetPixelMapfv", FV);
}

bool gl_exec_special_glGetPixelMapuiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetPixelMapuiv", UIV);
}

bool gl_exec_special_glGetPixelMapusv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetPixelMapusv", USV);
}

bool gl_exec_special_glGetnPixelMapfv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetnPixelMapfv", FV);
}

bool gl_exec_special_glGetnPixelMapuiv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetnPixelMapuiv", UIV);
}

bool gl_exec_special_glGetnPixelMapusv(struct gl_exec *x, struct gl_reader *r)
{
	return get_map(x, r, "glGetnPixelMapusv", USV);
}
