/*
 * The OpenGL ES 3.2 entry points the library answers or encodes by hand,
 * each under its core name and its extensions' (GL_OES/EXT_copy_image,
 * GL_KHR/EXT_robustness):
 * - glCopyImageSubData: gl.xml gives its names no class; the target says
 *   which (a renderbuffer, else a texture). A name the context does not
 *   know is GL_INVALID_VALUE here, so the host, which ends the link for
 *   one, never sees it.
 * - glGetGraphicsResetStatus: the host driver's status while the link
 *   lives; after link loss GL_UNKNOWN_CONTEXT_RESET (with glGetError's
 *   GL_CONTEXT_LOST, gles-get.c): the app learns its context is gone.
 * - glReadnPixels: into a bound pixel pack buffer, an offset and no reply
 *   (as glReadPixels, gles3.c); else the generic encoder, which refuses a
 *   read over bufSize (gl_readn_size) before sending it.
 */
#include <stdint.h>

#include "gles-client.h"
#include "gles-codec.h"
#include "state.h"
#include "stream.h"

#define UNKNOWN_CONTEXT_RESET 0x8255 /* GL_UNKNOWN_CONTEXT_RESET */

/* ES 3.2 section 18.3.2's targets: a renderbuffer or a whole texture; desktop
 * OpenGL (4.6 section 18.3.3) adds its 1D, 1D array and rectangle textures. */
static bool copy_target(uint32_t target, bool desktop, enum gl_name_class *cls)
{
	switch (target) {
	case GL_TEXTURE_1D:
	case GL_TEXTURE_1D_ARRAY:
	case GL_TEXTURE_RECTANGLE:
		*cls = GL_NAMES_TEXTURE;
		return desktop;
	case GL_RENDERBUFFER:
		*cls = GL_NAMES_RENDERBUFFER;
		return true;
	case GL_TEXTURE_2D:
	case GL_TEXTURE_3D:
	case GL_TEXTURE_2D_ARRAY:
	case GL_TEXTURE_CUBE_MAP:
	case GL_TEXTURE_CUBE_MAP_ARRAY:
	case GL_TEXTURE_2D_MULTISAMPLE:
	case GL_TEXTURE_2D_MULTISAMPLE_ARRAY:
		*cls = GL_NAMES_TEXTURE;
		return true;
	}
	return false;
}

static bool copy_names_ok(struct gl_enc *e, GLuint src, GLenum src_target, GLuint dst,
                          GLenum dst_target)
{
	enum gl_name_class src_cls, dst_cls;
	bool desktop = gl_api_desktop(e->gl->api->level.api);
	if (!copy_target(src_target, desktop, &src_cls) ||
	    !copy_target(dst_target, desktop, &dst_cls)) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return false;
	}
	if (!src || !dst || !gl_enc_name_known(e, src_cls, src) ||
	    !gl_enc_name_known(e, dst_cls, dst)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return false;
	}
	return true;
}

#define COPY_IMAGE(name)                                                                           \
	void GL_APIENTRY gl_enc_special_##name(                                                    \
	        GLuint srcName, GLenum srcTarget, GLint srcLevel, GLint srcX, GLint srcY,          \
	        GLint srcZ, GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,          \
	        GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight, GLsizei srcDepth)     \
	{                                                                                          \
		struct gl_enc *e = gl_enc_current_op(GLES_OP_##name);                              \
		if (e && copy_names_ok(e, srcName, srcTarget, dstName, dstTarget))                 \
			gl_enc_##name(srcName, srcTarget, srcLevel, srcX, srcY, srcZ, dstName,     \
			              dstTarget, dstLevel, dstX, dstY, dstZ, srcWidth, srcHeight,  \
			              srcDepth);                                                   \
	}

COPY_IMAGE(glCopyImageSubData)
COPY_IMAGE(glCopyImageSubDataOES)
COPY_IMAGE(glCopyImageSubDataEXT)

static GLenum reset_status(uint32_t op, GLenum (*ask)(void))
{
	struct ge_gl_state *gl = ge_gl_current();
	if (!gl)
		return GL_NO_ERROR;
	if (!gl_enc_current())
		return UNKNOWN_CONTEXT_RESET;
	/* The KHR and EXT names are the core command's (ES 3.2, desktop 4.5):
	 * where the context has that, they are it, as Mesa answers them there
	 * (Firefox asks the KHR name on desktop contexts, advertised or not). */
	const struct gles_level *l = &gl->api->level;
	if (op != GLES_OP_glGetGraphicsResetStatus && !gles_level_has(l, op) &&
	    gles_level_has(l, GLES_OP_glGetGraphicsResetStatus)) {
		op = GLES_OP_glGetGraphicsResetStatus;
		ask = gl_enc_glGetGraphicsResetStatus;
	}
	if (!gl_enc_current_op(op))
		return GL_NO_ERROR;
	return ask();
}

GLenum GL_APIENTRY gl_enc_special_glGetGraphicsResetStatus(void)
{
	return reset_status(GLES_OP_glGetGraphicsResetStatus, gl_enc_glGetGraphicsResetStatus);
}

GLenum GL_APIENTRY gl_enc_special_glGetGraphicsResetStatusKHR(void)
{
	return reset_status(GLES_OP_glGetGraphicsResetStatusKHR,
	                    gl_enc_glGetGraphicsResetStatusKHR);
}

GLenum GL_APIENTRY gl_enc_special_glGetGraphicsResetStatusEXT(void)
{
	return reset_status(GLES_OP_glGetGraphicsResetStatusEXT,
	                    gl_enc_glGetGraphicsResetStatusEXT);
}

typedef void(GL_APIENTRY *readn_fn)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, GLsizei,
                                    void *);

static void readn_pixels(uint32_t op, readn_fn generic, GLint x, GLint y, GLsizei width,
                         GLsizei height, GLenum format, GLenum type, GLsizei bufSize, void *data)
{
	struct gl_enc *e = gl_enc_current_op(op);
	if (!e)
		return;
	bool ok;
	if (!ge_gl_bound_buffer(e->gl, GL_PIXEL_PACK_BUFFER, &ok)) {
		void *into = ge_readback_begin(e, width, height, format, type, bufSize, data);
		if (!into && data)
			return;
		generic(x, y, width, height, format, type, bufSize, into);
		ge_readback_end(e, width, height, format, type, into, data);
		return;
	}
	ge_read_pixels_to_pack(e, op, x, y, width, height, format, type, &bufSize, data);
}

#define READN_PIXELS(name)                                                                         \
	void GL_APIENTRY gl_enc_special_##name(GLint x, GLint y, GLsizei width, GLsizei height,    \
	                                       GLenum format, GLenum type, GLsizei bufSize,        \
	                                       void *data)                                         \
	{                                                                                          \
		readn_pixels(GLES_OP_##name, gl_enc_##name, x, y, width, height, format, type,     \
		             bufSize, data);                                                       \
	}

READN_PIXELS(glReadnPixels)
READN_PIXELS(glReadnPixelsKHR)
READN_PIXELS(glReadnPixelsEXT)
