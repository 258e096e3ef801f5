/*
 * glReadPixels and glShaderSource: commands whose data the generic
 * decoder cannot bound by itself.
 *
 * glReadPixels: the reply holds exactly gl_image_size() bytes (the app's
 * pack alignment), written by the host GL straight into the zeroed reply;
 * the rectangle must lie inside the read framebuffer, or the link ends.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "bindings.h"
#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"
#include "surface.h"

static void renderbuffer_size(GLuint rb, GLint *w, GLint *h)
{
	GLint old = 0;
	gles_host.glGetIntegerv(GL_RENDERBUFFER_BINDING, &old);
	gles_host.glBindRenderbuffer(GL_RENDERBUFFER, rb);
	gles_host.glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_WIDTH, w);
	gles_host.glGetRenderbufferParameteriv(GL_RENDERBUFFER, GL_RENDERBUFFER_HEIGHT, h);
	gles_host.glBindRenderbuffer(GL_RENDERBUFFER, (GLuint)old);
}

/* The binding query of a texture target whose levels the host can size. */
static GLenum binding_of(uint32_t target)
{
	switch (target) {
	case GL_TEXTURE_2D:
		return GL_TEXTURE_BINDING_2D;
	case GL_TEXTURE_CUBE_MAP:
		return GL_TEXTURE_BINDING_CUBE_MAP;
	case 0x806F: /* GL_TEXTURE_3D (a layer of it attached) */
		return 0x806A;
	case 0x8C1A: /* GL_TEXTURE_2D_ARRAY */
		return 0x8C1D;
	case 0x9009: /* GL_TEXTURE_CUBE_MAP_ARRAY (a layer-face attached) */
		return 0x900A;
	default:
		return 0;
	}
}

/* False when the host cannot tell (GLES 3.0 has no texture level query,
 * or a texture target not sized here). The texture is bound to its own
 * target for the query: another one would be a GL error and 0x0. */
static bool texture_size(struct gl_exec *x, GLenum fb_target, GLuint tex, GLint *w, GLint *h)
{
	struct gh_gl *gl = x->gl;
	struct gh_gl_storage *st = gh_gl_map_get_ptr(&x->ctx->share->textures, tex);
	GLenum bind = st && st->target ? st->target : GL_TEXTURE_2D, query = binding_of(bind);
	/* glGetTexLevelParameteriv is OpenGL ES 3.1's: on an earlier host context (an ES 2
	 * driver, or one capped by MESA_GLES_VERSION_OVERRIDE) it is an error the app would
	 * see and leaves the size unset, so the host cannot tell. */
	if (!gl->fns.GetTexLevelParameteriv || !query || x->ctx->level.api != GL_API_GLES2 ||
	    gl->apis[GL_API_GLES2].version < GL_VERSION_CODE(3, 1))
		return false;
	GLint level = 0, face = 0, old = 0;
	gles_host.glGetFramebufferAttachmentParameteriv(
	        fb_target, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_LEVEL, &level);
	gles_host.glGetFramebufferAttachmentParameteriv(
	        fb_target, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_TEXTURE_CUBE_MAP_FACE,
	        &face);
	GLenum image = bind == GL_TEXTURE_CUBE_MAP && face ? (GLenum)face : bind;
	gles_host.glGetIntegerv(query, &old);
	gles_host.glBindTexture(bind, tex);
	gl->fns.GetTexLevelParameteriv(image, level, GH_GL_TEXTURE_WIDTH, w);
	gl->fns.GetTexLevelParameteriv(image, level, GH_GL_TEXTURE_HEIGHT, h);
	gles_host.glBindTexture(bind, (GLuint)old);
	return true;
}

/* The read framebuffer's size; false when GL will refuse to read (no
 * complete framebuffer) or the host cannot tell. */
static bool read_size(struct gl_exec *x, GLint *w, GLint *h)
{
	GLenum target = x->ctx->es3 ? GH_GL_READ_FRAMEBUFFER : GL_FRAMEBUFFER;
	GLint fb = 0;
	gles_host.glGetIntegerv(
	        x->ctx->es3 ? GH_GL_READ_FRAMEBUFFER_BINDING : GL_FRAMEBUFFER_BINDING, &fb);
	if (!fb) {
		if (!x->read)
			return false;
		*w = (GLint)x->read->width;
		*h = (GLint)x->read->height;
		return true;
	}
	if (gles_host.glCheckFramebufferStatus(target) != GL_FRAMEBUFFER_COMPLETE)
		return false;
	GLint type = GL_NONE, name = 0;
	gles_host.glGetFramebufferAttachmentParameteriv(
	        target, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
	gles_host.glGetFramebufferAttachmentParameteriv(
	        target, GL_COLOR_ATTACHMENT0, GL_FRAMEBUFFER_ATTACHMENT_OBJECT_NAME, &name);
	if (type == GL_RENDERBUFFER) {
		renderbuffer_size((GLuint)name, w, h);
		return true;
	}
	return type == GL_TEXTURE && texture_size(x, target, (GLuint)name, w, h);
}

/* Pixels at `offset` in a buffer bound to a pixel pack or unpack target:
 * GL_INVALID_OPERATION (and the call skipped) past its end, as GL says. */
static enum gl_guard buffer_range(struct gl_exec *x, const char *cmd, uint32_t target,
                                  uint64_t offset, int64_t size)
{
	struct gh_gl_buffer *buf = gh_gl_bound_buffer(x->ctx, target);
	if (!buf) {
		gh_gl_fail(x, "%s: an offset into no %s buffer", cmd,
		           target == GL_PIXEL_PACK_BUFFER ? "pixel pack" : "pixel unpack");
		return GL_GUARD_FAIL;
	}
	if (size < 0 || offset > buf->size || (uint64_t)size > buf->size - offset) {
		gh_gl_error_record(x->ctx, GL_INVALID_OPERATION);
		return GL_GUARD_SKIP;
	}
	return GL_GUARD_CALL;
}

enum gl_guard gh_gl_pack_range(struct gl_exec *x, const char *cmd, uint64_t offset, int64_t size)
{
	return buffer_range(x, cmd, GL_PIXEL_PACK_BUFFER, offset, size);
}

enum gl_guard gl_exec_unpack(struct gl_exec *x, const char *cmd, bool offset_mode, uint64_t offset,
                             int64_t size)
{
	if (offset_mode)
		return buffer_range(x, cmd, GL_PIXEL_UNPACK_BUFFER, offset, size);
	/* The driver would take our pointer for an offset into that buffer. */
	if (gh_gl_bound_buffer(x->ctx, GL_PIXEL_UNPACK_BUFFER)) {
		gh_gl_fail(x, "%s: pixels in the command while a pixel unpack buffer is bound",
		           cmd);
		return GL_GUARD_FAIL;
	}
	return GL_GUARD_CALL;
}

/* One glReadPixels or glReadnPixels (ES 3.2, GL_KHR/EXT_robustness: a
 * bufSize, and the host's function of the command's name). */
struct read_call {
	const char *cmd;
	GLint x, y;
	GLsizei w, h;
	GLenum format, type;
	bool bounded;
	GLsizei buf_size;
	void(GL_APIENTRY *readn)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, GLsizei, void *);
};

static void run_read(const struct read_call *c, void *into)
{
	if (c->bounded)
		c->readn(c->x, c->y, c->w, c->h, c->format, c->type, c->buf_size, into);
	else
		gles_host.glReadPixels(c->x, c->y, c->w, c->h, c->format, c->type, into);
}

/* Into the bound pixel pack buffer: no reply. */
static bool read_into_buffer(struct gl_exec *x, const struct read_call *c, uint64_t offset)
{
	int64_t want = gles_size_glReadPixels_pixels(gl_exec_pixel_state(x), c->x, c->y, c->w, c->h,
	                                             c->format, c->type);
	switch (buffer_range(x, c->cmd, GL_PIXEL_PACK_BUFFER, offset, want)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return true;
	default:
		return false;
	}
	run_read(c, (void *)(uintptr_t)offset);
	return true;
}

static bool read_pixels(struct gl_exec *x, struct gl_reader *r, struct read_call *c)
{
	c->x = (GLint)gl_rd_u32(r);
	c->y = (GLint)gl_rd_u32(r);
	c->w = (GLsizei)gl_rd_u32(r);
	c->h = (GLsizei)gl_rd_u32(r);
	c->format = gl_rd_u32(r);
	c->type = gl_rd_u32(r);
	if (c->bounded)
		c->buf_size = (GLsizei)gl_rd_u32(r);
	uint32_t cap = gl_rd_u32(r);
	uint64_t offset = cap == GL_BLOB_OFFSET ? gl_rd_u64(r) : 0;
	if (!gles_reader_end(x, r, c->cmd))
		return false;
	if (c->bounded && !c->readn)
		return gl_exec_fail(x, "%s: the host has no function to run it", c->cmd);
	if (cap == GL_BLOB_OFFSET)
		return read_into_buffer(x, c, offset);
	if (gh_gl_bound_buffer(x->ctx, GL_PIXEL_PACK_BUFFER))
		return gl_exec_fail(x, "%s: pixels asked back while a pixel pack buffer is bound",
		                    c->cmd);
	const struct gl_pixel_state *ps = gl_exec_pixel_state(x);
	int64_t want = c->bounded ? gles_size_glReadnPixels_data(ps, c->x, c->y, c->w, c->h,
	                                                         c->format, c->type, c->buf_size)
	                          : gles_size_glReadPixels_pixels(ps, c->x, c->y, c->w, c->h,
	                                                          c->format, c->type);
	if (want < 0 || cap != (uint64_t)want)
		return gl_exec_fail(x, "%s: %u bytes for %dx%d of 0x%x/0x%x (size %lld)", c->cmd,
		                    cap, c->w, c->h, c->format, c->type, (long long)want);
	if (cap > GL_MAX_COMMAND - 12)
		return gl_exec_fail(x, "%s: %u bytes is over the command limit", c->cmd, cap);
	GLint fw, fh;
	if (c->w > 0 && c->h > 0 && read_size(x, &fw, &fh) &&
	    (c->x < 0 || c->y < 0 || (int64_t)c->x + c->w > fw || (int64_t)c->y + c->h > fh))
		return gl_exec_fail(x, "%s: %dx%d at %d,%d is outside the %dx%d framebuffer",
		                    c->cmd, c->w, c->h, c->x, c->y, fw, fh);
	uint8_t *p = gl_exec_reply(x, 4 + ((cap + 3) & ~3u));
	if (!p)
		return false;
	memcpy(p, &cap, 4);
	/* The bound is the capacity: what the app's bufSize allowed. */
	c->buf_size = (GLsizei)cap;
	run_read(c, p + 4);
	return true;
}

bool gl_exec_special_glReadPixels(struct gl_exec *x, struct gl_reader *r)
{
	struct read_call c = {.cmd = "glReadPixels"};
	return read_pixels(x, r, &c);
}

bool gl_exec_special_glReadnPixels(struct gl_exec *x, struct gl_reader *r)
{
	struct read_call c = {
	        .cmd = "glReadnPixels", .bounded = true, .readn = gles_host.glReadnPixels};
	return read_pixels(x, r, &c);
}

bool gl_exec_special_glReadnPixelsKHR(struct gl_exec *x, struct gl_reader *r)
{
	struct read_call c = {
	        .cmd = "glReadnPixelsKHR", .bounded = true, .readn = gles_host.glReadnPixelsKHR};
	return read_pixels(x, r, &c);
}

bool gl_exec_special_glReadnPixelsEXT(struct gl_exec *x, struct gl_reader *r)
{
	struct read_call c = {
	        .cmd = "glReadnPixelsEXT", .bounded = true, .readn = gles_host.glReadnPixelsEXT};
	return read_pixels(x, r, &c);
}

bool gl_exec_special_glShaderSource(struct gl_exec *x, struct gl_reader *r)
{
	GLuint shader = gl_rd_u32(r);
	GLsizei count = (GLsizei)gl_rd_u32(r);
	uint32_t n_lengths, n_text;
	const void *lengths = gl_rd_blob(r, &n_lengths);
	const GLchar *text = gl_rd_blob(r, &n_text);
	GLuint host;
	if (!gles_reader_end(x, r, "glShaderSource") ||
	    !gl_exec_map(x, GL_NAMES_SHADER, shader, &host))
		return false;
	if (count < 0 || n_lengths == GL_BLOB_NULL || n_text == GL_BLOB_NULL ||
	    n_lengths != (uint64_t)count * 4)
		return gl_exec_fail(x, "glShaderSource: %u length bytes for %d strings", n_lengths,
		                    count);
	uint64_t total = 0;
	for (GLsizei i = 0; i < count; i++) {
		int32_t len;
		memcpy(&len, (const uint8_t *)lengths + 4 * (size_t)i, 4);
		if (len < 0)
			return gl_exec_fail(x, "glShaderSource: string %d has length %d", i, len);
		total += (uint64_t)len;
	}
	if (total != n_text)
		return gl_exec_fail(x, "glShaderSource: %u bytes of text, the lengths say %llu",
		                    n_text, (unsigned long long)total);
	/* GL concatenates the strings: one string of all of them is the same
	 * source, with no array of `count` pointers to build. */
	GLint len = (GLint)n_text;
	gles_host.glShaderSource(host, count ? 1 : 0, &text, &len);
	return true;
}
