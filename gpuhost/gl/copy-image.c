/*
 * glCopyImageSubData (ES 3.2, GL_OES/EXT_copy_image; desktop OpenGL 4.3,
 * which adds 1D, 1D array and rectangle textures). gl.xml gives its
 * names no class: each target says which kind of object its name is (a
 * renderbuffer for GL_RENDERBUFFER, else a texture), and the name is
 * mapped in that table. The library refuses unknown names and targets
 * (proxy/gl/gles32.c, desktop targets on desktop contexts only), so either
 * here ends the link; a desktop target reaching an ES context's driver is
 * its GL_INVALID_ENUM. The regions,
 * levels and formats are the driver's to check: the copy reads and
 * writes only images that exist, and allocates nothing.
 */
#include <gpupipe/log.h>

#include "gles-codec.h"
#include "stream.h"

static bool map_image(struct gl_exec *x, const char *cmd, uint32_t target, uint32_t app,
                      GLuint *host)
{
	enum gl_name_class cls = GL_NAMES_TEXTURE;
	switch (target) {
	case GL_RENDERBUFFER:
		cls = GL_NAMES_RENDERBUFFER;
		break;
	case GL_TEXTURE_1D: /* desktop OpenGL's three; an ES driver refuses them */
	case GL_TEXTURE_1D_ARRAY:
	case GL_TEXTURE_RECTANGLE:
	case GL_TEXTURE_2D:
	case GL_TEXTURE_3D:
	case GL_TEXTURE_2D_ARRAY:
	case GL_TEXTURE_CUBE_MAP:
	case GL_TEXTURE_CUBE_MAP_ARRAY:
	case GL_TEXTURE_2D_MULTISAMPLE:
	case GL_TEXTURE_2D_MULTISAMPLE_ARRAY:
		break;
	default:
		return gl_exec_fail(x, "%s: target 0x%x", cmd, target);
	}
	if (!app)
		return gl_exec_fail(x, "%s: name 0 for target 0x%x", cmd, target);
	return gl_exec_map(x, cls, app, host);
}

typedef void(GL_APIENTRY *copy_fn)(GLuint, GLenum, GLint, GLint, GLint, GLint, GLuint, GLenum,
                                   GLint, GLint, GLint, GLint, GLsizei, GLsizei, GLsizei);

#define COPY_IMAGE(name)                                                                           \
	bool gl_exec_wrap_##name(struct gl_exec *x, GLuint srcName, GLenum srcTarget,              \
	                         GLint srcLevel, GLint srcX, GLint srcY, GLint srcZ,               \
	                         GLuint dstName, GLenum dstTarget, GLint dstLevel, GLint dstX,     \
	                         GLint dstY, GLint dstZ, GLsizei srcWidth, GLsizei srcHeight,      \
	                         GLsizei srcDepth)                                                 \
	{                                                                                          \
		GLuint src, dst;                                                                   \
		copy_fn copy = gles_host.name;                                                     \
		if (!copy)                                                                         \
			return gl_exec_fail(x, #name ": the host has no function");                \
		if (!map_image(x, #name, srcTarget, srcName, &src) ||                              \
		    !map_image(x, #name, dstTarget, dstName, &dst))                                \
			return false;                                                              \
		copy(src, srcTarget, srcLevel, srcX, srcY, srcZ, dst, dstTarget, dstLevel, dstX,   \
		     dstY, dstZ, srcWidth, srcHeight, srcDepth);                                   \
		return true;                                                                       \
	}

COPY_IMAGE(glCopyImageSubData)
COPY_IMAGE(glCopyImageSubDataOES)
COPY_IMAGE(glCopyImageSubDataEXT)
