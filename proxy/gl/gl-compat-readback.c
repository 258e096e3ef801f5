/*
 * The compatibility profile's small readbacks: the polygon stipple
 * (glGetPolygonStipple, glGetnPolygonStipple: a 32x32 bitmap laid out by
 * the pack state) and the pixel maps (glGetPixelMap*v, glGetnPixelMap*v:
 * GL_PIXEL_MAP_*_SIZE values, a size only the host's driver knows). With
 * a GL_PIXEL_PACK_BUFFER bound the pointer is an offset into it: sent as
 * one, nothing comes back (the host checks the range). Otherwise the host
 * answers with the bytes GL wrote: the stipple travels up first with the
 * app's bytes of its extent, so that the bits and bytes GL skips (pack
 * skips, row padding) come back as the app had them.
 *
 * Wire (payload, every opcode of the eight): [map (pixel maps)], bufSize
 * (INT32_MAX for the unbounded forms), then GL_BLOB_OFFSET and a u64
 * offset, or a blob (the stipple's extent; empty for pixel maps). Reply
 * (no pack buffer): a blob of the bytes GL wrote, empty after a GL error.
 */
#include <stdint.h>
#include <string.h>

#include <GLES3/gl3.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/gl-sizes.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

/* Sends one readback; true when a reply comes (no pack buffer). */
static bool send(struct gl_enc *e, uint32_t op, int map, int32_t buf_size, const void *up,
                 uint32_t up_n, const void *pointer)
{
	bool ok;
	bool to_buffer = ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok) != 0;
	uint32_t payload = (map >= 0 ? 4 : 0) + 4 + (to_buffer ? 12 : ge_blob_size(up_n));
	uint8_t *p = gl_enc_begin(e, op, payload);
	if (!p)
		return false;
	if (map >= 0)
		p = ge_put_u32(p, (uint32_t)map);
	p = ge_put_u32(p, (uint32_t)buf_size);
	if (to_buffer) {
		p = ge_put_u32(p, GL_BLOB_OFFSET);
		ge_put_u64(p, (uint64_t)(uintptr_t)pointer);
	} else {
		p = ge_put_u32(p, up_n);
		if (up_n)
			memcpy(p, up, up_n);
		for (uint32_t i = up_n; i < ((up_n + 3) & ~3u); i++)
			p[i] = 0;
	}
	gl_enc_end(e);
	return !to_buffer;
}

/* The reply's blob, NULL when it is malformed. */
static const uint8_t *reply_blob(struct gl_enc *e, uint32_t op, uint32_t *n)
{
	uint32_t size = 0;
	const uint8_t *reply = gl_enc_reply(e, op, &size);
	if (!reply || size < 4)
		return NULL;
	memcpy(n, reply, 4);
	return size == ge_blob_size(*n) ? reply + 4 : NULL;
}

static void get_stipple(uint32_t op, GLsizei buf_size, GLubyte *pattern)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	int64_t size = gl_bitmap_pack_size(&e->gl->ps, 32, 32);
	if (size < 0) {
		gl_enc_error(e, gl_size_error(size));
		return;
	}
	bool ok;
	bool to_buffer = ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok) != 0;
	/* GL_INVALID_OPERATION when GL would write past bufSize (the host checks it too). */
	if (!to_buffer && (size > buf_size || (!pattern && size))) {
		gl_enc_error(e, size > buf_size ? GL_INVALID_OPERATION : GL_INVALID_VALUE);
		return;
	}
	if (size > GL_MAX_COMMAND / 2) {
		gl_enc_error(e, GL_OUT_OF_MEMORY);
		return;
	}
	if (!send(e, op, -1, buf_size, pattern, to_buffer ? 0 : (uint32_t)size, pattern))
		return;
	uint32_t n = 0;
	const uint8_t *data = reply_blob(e, op, &n);
	if (!data || (n && n != (uint64_t)size)) {
		ge_stream_lose(e, "glGetPolygonStipple: a reply that does not fit the pack state");
		return;
	}
	if (n)
		memcpy(pattern, data, n);
}

void GL_APIENTRY gl_enc_special_glGetPolygonStipple(GLubyte *mask)
{
	get_stipple(GLES_OP_glGetPolygonStipple, INT32_MAX, mask);
}

void GL_APIENTRY gl_enc_special_glGetnPolygonStipple(GLsizei bufSize, GLubyte *pattern)
{
	get_stipple(GLES_OP_glGetnPolygonStipple, bufSize, pattern);
}

static void get_map(uint32_t op, GLenum map, GLsizei buf_size, uint32_t elem, void *values)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	if (buf_size < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (!send(e, op, (int)map, buf_size, NULL, 0, values))
		return;
	uint32_t n = 0;
	const uint8_t *data = reply_blob(e, op, &n);
	if (!data || n % elem || n > (uint32_t)buf_size) {
		ge_stream_lose(e, "glGetPixelMap: a reply that does not fit the map");
		return;
	}
	if (n && values)
		memcpy(values, data, n);
}

void GL_APIENTRY gl_enc_special_glGetPixelMapfv(GLenum map, GLfloat *values)
{
	get_map(GLES_OP_glGetPixelMapfv, map, INT32_MAX, 4, values);
}

void GL_APIENTRY gl_enc_special_glGetPixelMapuiv(GLenum map, GLuint *values)
{
	get_map(GLES_OP_glGetPixelMapuiv, map, INT32_MAX, 4, values);
}

void GL_APIENTRY gl_enc_special_glGetPixelMapusv(GLenum map, GLushort *values)
{
	get_map(GLES_OP_glGetPixelMapusv, map, INT32_MAX, 2, values);
}

void GL_APIENTRY gl_enc_special_glGetnPixelMapfv(GLenum map, GLsizei bufSize, GLfloat *values)
{
	get_map(GLES_OP_glGetnPixelMapfv, map, bufSize, 4, values);
}

void GL_APIENTRY gl_enc_special_glGetnPixelMapuiv(GLenum map, GLsizei bufSize, GLuint *values)
{
	get_map(GLES_OP_glGetnPixelMapuiv, map, bufSize, 4, values);
}

void GL_APIENTRY gl_enc_special_glGetnPixelMapusv(GLenum map, GLsizei bufSize, GLushort *values)
{
	get_map(GLES_OP_glGetnPixelMapusv, map, bufSize, 2, values);
}
