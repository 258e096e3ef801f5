/*
 * The remaining hand-written entry points: glShaderSource (one blob of
 * text and the lengths), EGLImage targets (image pointer -> handle),
 * glPixelStorei (tracked, for size expressions), glFlush and glFinish.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gles-codec.h"
#include "state.h"
#include "stream.h"

void GL_APIENTRY gl_enc_special_glShaderSource(GLuint shader, GLsizei count,
                                               const GLchar *const *string, const GLint *length)
{
	struct gl_enc *e = gl_enc_current();
	if (!e)
		return;
	if (!gl_enc_name_known(e, GL_NAMES_SHADER, shader)) {
		bool program = gl_enc_name_known(e, GL_NAMES_PROGRAM, shader);
		gl_enc_error(e, program ? GL_INVALID_OPERATION : GL_INVALID_VALUE);
		return;
	}
	if (count < 0 || (count > 0 && !string)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	int32_t *lens = malloc((size_t)(count ? count : 1) * sizeof(*lens));
	uint64_t total = 0;
	for (GLsizei i = 0; lens && i < count; i++) {
		size_t n = !string[i]                 ? 0
		           : length && length[i] >= 0 ? (size_t)length[i]
		                                      : strlen(string[i]);
		lens[i] = n > INT32_MAX ? INT32_MAX : (int32_t)n;
		total += (uint64_t)lens[i];
	}
	/* shader, count, blob of lengths, blob of text */
	uint64_t payload = 8 + 4 + 4ull * (uint64_t)count + 4 + ((total + 3) & ~3ull);
	uint8_t *p = NULL;
	if (!lens || payload > GL_MAX_COMMAND - 8)
		gl_enc_error(e, GL_OUT_OF_MEMORY);
	else
		p = gl_enc_begin(e, GLES_OP_glShaderSource, (uint32_t)payload);
	if (p) {
		p = ge_put_u32(p, shader);
		p = ge_put_u32(p, (uint32_t)count);
		p = ge_put_blob(p, lens, 4u * (uint32_t)count);
		p = ge_put_u32(p, (uint32_t)total);
		for (GLsizei i = 0; i < count; i++) {
			memcpy(p, string[i], (size_t)lens[i]);
			p += lens[i];
		}
		memset(p, 0, ((total + 3) & ~3ull) - total);
		gl_enc_end(e);
	}
	free(lens);
}

static uint32_t image_handle(struct gl_enc *e, GLeglImageOES image)
{
	uint32_t handle = e->gl->image_handle(e->gl->d, image);
	if (!handle)
		gl_enc_error(e, GL_INVALID_VALUE);
	return handle;
}

void GL_APIENTRY gl_enc_special_glEGLImageTargetTexture2DOES(GLenum target, GLeglImageOES image)
{
	struct gl_enc *e = gl_enc_current();
	uint32_t handle = e ? image_handle(e, image) : 0;
	if (handle)
		gl_enc_glEGLImageTargetTexture2DOES(target, (GLeglImageOES)(uintptr_t)handle);
}

void GL_APIENTRY gl_enc_special_glEGLImageTargetRenderbufferStorageOES(GLenum target,
                                                                       GLeglImageOES image)
{
	struct gl_enc *e = gl_enc_current();
	uint32_t handle = e ? image_handle(e, image) : 0;
	if (handle)
		gl_enc_glEGLImageTargetRenderbufferStorageOES(target,
		                                              (GLeglImageOES)(uintptr_t)handle);
}

/* GL_EXT_EGL_image_storage: an attribute list must be empty (the extension
 * defines none), else GL_INVALID_VALUE before anything travels. */
void GL_APIENTRY gl_enc_special_glEGLImageTargetTexStorageEXT(GLenum target, GLeglImageOES image,
                                                              const GLint *attrib_list)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glEGLImageTargetTexStorageEXT);
	if (!e)
		return;
	if (attrib_list && attrib_list[0] != GL_NONE) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	uint32_t handle = image_handle(e, image);
	if (handle)
		gl_enc_glEGLImageTargetTexStorageEXT(target, (GLeglImageOES)(uintptr_t)handle,
		                                     NULL);
}

/* Its direct-state-access form needs EXT/ARB_direct_state_access, which
 * no ES context has. */
void GL_APIENTRY gl_enc_special_glEGLImageTargetTextureStorageEXT(GLuint texture,
                                                                  GLeglImageOES image,
                                                                  const GLint *attrib_list)
{
	struct gl_enc *e = gl_enc_current_op(GLES_OP_glEGLImageTargetTextureStorageEXT);
	if (e)
		gl_enc_error(e, GL_INVALID_OPERATION);
}

void GL_APIENTRY gl_enc_special_glPixelStorei(GLenum pname, GLint param)
{
	struct gl_enc *e = gl_enc_current();
	if (!e)
		return;
	struct gl_pixel_state probe = {
	        .pack_alignment = 4, .unpack_alignment = 4, .desktop = e->gl->ps.desktop};
	if (!gl_pixel_store_set(&probe, pname, 1)) {
		gl_enc_error(e, GL_INVALID_ENUM);
		return;
	}
	if (!gl_pixel_store_set(&e->gl->ps, pname, param)) {
		gl_enc_error(e, GL_INVALID_VALUE);
		return;
	}
	gl_enc_glPixelStorei(pname, param);
}
