/*
 * Texture buffers (OpenGL ES 3.2, OES/EXT_texture_buffer): a texture whose
 * texels are a buffer's bytes.
 *
 * A shader may write those bytes through an image buffer (imageStore), so
 * a buffer attached to a texture is GPU-written from then on
 * (gh_gl_buffer_gpu_writes): a draw that takes indices from it reads the
 * host's store, never a CPU copy the GPU has overtaken.
 *
 * glTexBufferRange's range is checked here against what the host knows of
 * the buffer (its size as GL reported it, the driver's offset alignment):
 * one GL refuses is GL_INVALID_VALUE for the app and never reaches the
 * driver, so no driver is trusted to bound a texture's view of a buffer
 * by itself. Buffer 0 detaches, and GL ignores the range then.
 */
#include <gpupipe/log.h>

#include "bindings.h"
#include "context.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "stream.h"

typedef void(GL_APIENTRYP tex_buffer_fn)(GLenum target, GLenum internalformat, GLuint buffer);
typedef void(GL_APIENTRYP tex_buffer_range_fn)(GLenum target, GLenum internalformat, GLuint buffer,
                                               GLintptr offset, GLsizeiptr size);

/* The record of a buffer given by host name (0: none); false after ending
 * the link for a name with no record. */
static bool buffer_record(struct gl_exec *x, GLuint host, GLuint app, struct gh_gl_buffer **buf)
{
	*buf = NULL;
	if (host && !(*buf = gh_gl_map_get_ptr(&x->ctx->share->buffers, host)))
		return gh_gl_fail(x, "buffer %u has no host object", app);
	return true;
}

/* ES 3.2 section 8.9: offset and size must lie inside the buffer's store
 * and the offset be a multiple of GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT. */
static bool range_ok(const struct gh_gl_buffer *buf, GLintptr offset, GLsizeiptr size)
{
	GLint align = 0;
	gles_host.glGetIntegerv(GL_TEXTURE_BUFFER_OFFSET_ALIGNMENT, &align);
	if (offset < 0 || size <= 0 || (uint64_t)offset > buf->size ||
	    (uint64_t)size > buf->size - (uint64_t)offset)
		return false;
	return align <= 0 || (uint64_t)offset % (uint64_t)align == 0;
}

static bool tex_buffer(struct gl_exec *x, tex_buffer_fn fn, GLenum target, GLenum internalformat,
                       GLuint buffer, GLuint app_buffer)
{
	struct gh_gl_buffer *buf;
	if (!buffer_record(x, buffer, app_buffer, &buf))
		return false;
	gh_gl_buffer_gpu_writes(buf);
	fn(target, internalformat, buffer);
	return true;
}

static bool tex_buffer_range(struct gl_exec *x, tex_buffer_range_fn fn, GLenum target,
                             GLenum internalformat, GLuint buffer, GLintptr offset, GLsizeiptr size,
                             GLuint app_buffer)
{
	struct gh_gl_buffer *buf;
	if (!buffer_record(x, buffer, app_buffer, &buf))
		return false;
	if (buf && !range_ok(buf, offset, size)) {
		gp_log(DEBUG,
		       "glTexBufferRange: %lld bytes at %lld of buffer %u (%llu bytes) refused",
		       (long long)size, (long long)offset, app_buffer,
		       (unsigned long long)buf->size);
		gh_gl_error_record(x->ctx, GL_INVALID_VALUE);
		return true;
	}
	gh_gl_buffer_gpu_writes(buf);
	fn(target, internalformat, buffer, offset, size);
	return true;
}

bool gl_exec_wrap_glTexBuffer(struct gl_exec *x, GLenum target, GLenum internalformat,
                              GLuint buffer, GLuint app_buffer)
{
	return tex_buffer(x, gles_host.glTexBuffer, target, internalformat, buffer, app_buffer);
}

bool gl_exec_wrap_glTexBufferOES(struct gl_exec *x, GLenum target, GLenum internalformat,
                                 GLuint buffer, GLuint app_buffer)
{
	return tex_buffer(x, gles_host.glTexBufferOES, target, internalformat, buffer, app_buffer);
}

bool gl_exec_wrap_glTexBufferEXT(struct gl_exec *x, GLenum target, GLenum internalformat,
                                 GLuint buffer, GLuint app_buffer)
{
	return tex_buffer(x, gles_host.glTexBufferEXT, target, internalformat, buffer, app_buffer);
}

bool gl_exec_wrap_glTexBufferRange(struct gl_exec *x, GLenum target, GLenum internalformat,
                                   GLuint buffer, GLintptr offset, GLsizeiptr size,
                                   GLuint app_buffer)
{
	return tex_buffer_range(x, gles_host.glTexBufferRange, target, internalformat, buffer,
	                        offset, size, app_buffer);
}

bool gl_exec_wrap_glTexBufferRangeOES(struct gl_exec *x, GLenum target, GLenum internalformat,
                                      GLuint buffer, GLintptr offset, GLsizeiptr size,
                                      GLuint app_buffer)
{
	return tex_buffer_range(x, gles_host.glTexBufferRangeOES, target, internalformat, buffer,
	                        offset, size, app_buffer);
}

bool gl_exec_wrap_glTexBufferRangeEXT(struct gl_exec *x, GLenum target, GLenum internalformat,
                                      GLuint buffer, GLintptr offset, GLsizeiptr size,
                                      GLuint app_buffer)
{
	return tex_buffer_range(x, gles_host.glTexBufferRangeEXT, target, internalformat, buffer,
	                        offset, size, app_buffer);
}

/* GL_TEXTURE_BUFFER_DATA_STORE_BINDING is a buffer name: the app's. */
bool gl_exec_wrap_glGetTexLevelParameteriv(struct gl_exec *x, GLenum target, GLint level,
                                           GLenum pname, GLint *params)
{
	gles_host.glGetTexLevelParameteriv(target, level, pname, params);
	if (pname == GL_TEXTURE_BUFFER_DATA_STORE_BINDING)
		params[0] = (GLint)gh_gl_reverse(x, GL_NAMES_BUFFER, (uint32_t)params[0]);
	return true;
}
