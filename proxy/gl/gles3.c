/*
 * The OpenGL ES 3.0 entry points the library answers or encodes by hand:
 * glGetStringi, the core buffer mappings (the GL_EXT_map_buffer_range
 * emulation of gles-map.c), sync waits in steps the host bounds, program
 * binaries (none offered), glReadPixels into a pixel pack buffer (and into
 * the app's memory through gles-readback.c).
 */
#include <stdint.h>
#include <stdlib.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

const GLubyte *GL_APIENTRY gl_enc_special_glGetStringi(GLenum name, GLuint index)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetStringi);
	if (!e)
		return NULL;
	uint32_t versions = 0;
	if (name == GL_SHADING_LANGUAGE_VERSION) {
		const char *v = ge_api_glsl_version(e->gl->api, index, &versions);
		if (!versions)
			gl_enc_error(e, GL_INVALID_ENUM); /* below desktop OpenGL 4.3 */
		else if (!v)
			gl_enc_error(e, GL_INVALID_VALUE);
		return (const GLubyte *)v;
	}
	if (name != GL_EXTENSIONS) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return NULL;
	}
	const char *ext = ge_api_extension(e->gl->api, index);
	if (!ext)
		gl_enc_error(e, GL_INVALID_VALUE);
	return (const GLubyte *)ext;
}

void *GL_APIENTRY gl_enc_special_glMapBufferRange(GLenum target, GLintptr offset, GLsizeiptr length,
                                                  GLbitfield access)
{
	if (!gl_enc_current_op(GLES_OP_glMapBufferRange))
		return NULL;
	return gl_enc_special_glMapBufferRangeEXT(target, offset, length, access);
}

GLboolean GL_APIENTRY gl_enc_special_glUnmapBuffer(GLenum target)
{
	if (!gl_enc_current_op(GLES_OP_glUnmapBuffer))
		return GL_FALSE;
	return gl_enc_special_glUnmapBufferOES(target);
}

void GL_APIENTRY gl_enc_special_glFlushMappedBufferRange(GLenum target, GLintptr offset,
                                                         GLsizeiptr length)
{
	if (gl_enc_current_op(GLES_OP_glFlushMappedBufferRange))
		gl_enc_special_glFlushMappedBufferRangeEXT(target, offset, length);
}

void GL_APIENTRY gl_enc_special_glGetBufferPointerv(GLenum target, GLenum pname, void **params)
{
	if (gl_enc_current_op(GLES_OP_glGetBufferPointerv))
		gl_enc_special_glGetBufferPointervOES(target, pname, params);
}

/* No binary format is offered (GL_NUM_PROGRAM_BINARY_FORMATS is 0): a
 * binary would reach the host's driver without glslang's checks. A
 * program's binary is then empty (GL_PROGRAM_BINARY_LENGTH 0). */
void GL_APIENTRY gl_enc_special_glGetProgramBinary(GLuint program, GLsizei bufSize, GLsizei *length,
                                                   GLenum *binaryFormat, void *binary)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glGetProgramBinary);
	if (!e)
		return;
	if (bufSize < 0) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (!gl_enc_name_known(e, GL_NAMES_PROGRAM, program)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	if (length)
		*length = 0;
}

/* The host waits at most GL_MAX_SYNC_WAIT_NS per call (a link process
 * must keep reading its streams); longer waits are made of such steps. */
GLenum GL_APIENTRY gl_enc_special_glClientWaitSync(GLsync sync, GLbitfield flags, GLuint64 timeout)
{
	GLuint64 left = timeout;
	for (;;) {
		GLuint64 step = left > GL_MAX_SYNC_WAIT_NS ? GL_MAX_SYNC_WAIT_NS : left;
		GLenum status = gl_enc_glClientWaitSync(sync, flags, step);
		/* Refused before it was sent (an unknown sync: the error is set):
		 * GL answers GL_WAIT_FAILED, not 0. */
		if (status == 0)
			return GL_WAIT_FAILED;
		struct gl_enc *e = gl_enc_current();
		/* Signalled: the GPU's writes reach the app's mappings. */
		if (e && (status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED))
			ge_persist_pull_all(e);
		if (status != GL_TIMEOUT_EXPIRED || left <= step)
			return status;
		left -= step;
		/* The flush asked for happened with the first step. */
		flags &= ~(GLbitfield)GL_SYNC_FLUSH_COMMANDS_BIT;
	}
}

void ge_read_pixels_to_pack(struct gl_enc *e, uint32_t op, int32_t x, int32_t y, int32_t width,
                            int32_t height, uint32_t format, uint32_t type, const int32_t *buf_size,
                            const void *offset)
{
	int64_t size = gl_pack_size(&e->gl->ps, width, height, format, type);
	if (size < 0 || width < 0 || height < 0 || (buf_size && *buf_size < 0)) {
		gl_enc_error(e, size < 0 ? gl_size_error(size) : GL_INVALID_VALUE);
		return;
	}
	uint8_t *p = gl_enc_begin(e, op, buf_size ? 40 : 36);
	if (!p)
		return;
	p = ge_put_u32(p, (uint32_t)x);
	p = ge_put_u32(p, (uint32_t)y);
	p = ge_put_u32(p, (uint32_t)width);
	p = ge_put_u32(p, (uint32_t)height);
	p = ge_put_u32(p, format);
	p = ge_put_u32(p, type);
	if (buf_size)
		p = ge_put_u32(p, (uint32_t)*buf_size);
	p = ge_put_u32(p, GL_BLOB_OFFSET);
	ge_put_u64(p, (uint64_t)(uintptr_t)offset);
	gl_enc_end(e);
}

/* Into a bound pixel pack buffer: an offset, and no reply to wait for. */
void GL_APIENTRY gl_enc_special_glReadPixels(GLint x, GLint y, GLsizei width, GLsizei height,
                                             GLenum format, GLenum type, void *pixels)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glReadPixels);
	if (!e)
		return;
	bool ok;
	if (!ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok)) {
		void *into = ge_readback_begin(e, width, height, format, type, INT64_MAX, pixels);
		if (!into && pixels)
			return;
		gl_enc_glReadPixels(x, y, width, height, format, type, into);
		ge_readback_end(e, width, height, format, type, into, pixels);
		return;
	}
	ge_read_pixels_to_pack(e, GLES_OP_glReadPixels, x, y, width, height, format, type, NULL,
	                       pixels);
}
