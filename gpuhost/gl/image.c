/*
 * EGLImages of the app's textures and renderbuffers (EGL_KHR_image_base,
 * EGL_KHR_gl_texture_2D_image, EGL_KHR_gl_renderbuffer_image), made from
 * the host objects the app's names map to in the named context's share
 * group, and used by glEGLImageTarget*OES (specials.c).
 *
 * An image keeps its storage alive after the texture or renderbuffer is
 * gone or redefined, so it is charged to the GL memory quota on its own,
 * as is every object made from it (storage.c).
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "context.h"
#include "executor.h"
#include "gles-codec.h"
#include "map.h"
#include "quota.h"
#include "records.h"
#include "storage.h"
#include "stream.h"

/* What gl->images holds. */
struct app_image {
	EGLImageKHR egl;
	struct gh_gl_image_bytes bytes; /* charged */
};

static void image_free(struct gh_gl *gl, struct app_image *im)
{
	gl->egl.DestroyImageKHR(gl->egl.dpy, im->egl);
	gh_gl_quota_adjust(&gl->quota, im->bytes.bytes, 0);
	free(im);
}

static uint32_t create(struct gh_gl *gl, uint32_t handle, uint32_t ctx_handle, uint32_t target,
                       uint32_t app, uint32_t level)
{
	struct gh_gl_context *ctx = gh_gl_map_get_ptr(&gl->contexts, ctx_handle);
	if (!ctx)
		return EGL_BAD_CONTEXT;
	enum gl_name_class cls;
	if (target == EGL_GL_TEXTURE_2D_KHR && gl->egl.image_texture)
		cls = GL_NAMES_TEXTURE;
	else if (target == EGL_GL_RENDERBUFFER_KHR && gl->egl.image_renderbuffer && level == 0)
		cls = GL_NAMES_RENDERBUFFER;
	else
		return EGL_BAD_PARAMETER;
	uintptr_t host;
	if (!app || !gh_gl_map_get(&gh_gl_names_of(ctx, cls)->app, app, &host))
		return EGL_BAD_PARAMETER;
	struct app_image *im = calloc(1, sizeof(*im));
	if (!im)
		return EGL_BAD_ALLOC;
	im->bytes = gh_gl_storage_find_image(ctx, cls == GL_NAMES_TEXTURE, (uint32_t)host, level);
	if (!gh_gl_quota_charge(&gl->quota, 0, im->bytes.bytes, "an EGLImage")) {
		free(im);
		return EGL_BAD_ALLOC;
	}
	EGLint tex_attribs[] = {EGL_GL_TEXTURE_LEVEL_KHR, (EGLint)level, EGL_NONE};
	EGLint rb_attribs[] = {EGL_NONE};
	im->egl = gl->egl.CreateImageKHR(gl->egl.dpy, ctx->egl, target, (EGLClientBuffer)host,
	                                 cls == GL_NAMES_TEXTURE ? tex_attribs : rb_attribs);
	if (im->egl == EGL_NO_IMAGE_KHR) {
		gh_gl_quota_adjust(&gl->quota, im->bytes.bytes, 0);
		free(im);
		return (uint32_t)eglGetError();
	}
	if (!gh_gl_map_put(&gl->images, handle, (uintptr_t)im)) {
		image_free(gl, im);
		return EGL_BAD_ALLOC;
	}
	return EGL_SUCCESS;
}

static bool op_create(struct gl_exec *x, struct gl_reader *r)
{
	struct gh_gl *gl = x->gl;
	struct gl_op_image_create op;
	gl_rd_struct(r, &op, sizeof(op));
	uintptr_t v;
	if (!gh_gl_reader_done(x, r))
		return false;
	if (!op.handle || gh_gl_map_get(&gl->images, op.handle, &v))
		return gh_gl_fail(x, "image handle %u is 0 or in use", op.handle);
	if (gl->images.count >= gl->images.max)
		return gh_gl_fail(x, "more than %u images", gl->images.max);
	uint32_t err = create(gl, op.handle, op.context, op.target, op.name, op.level);
	return gh_gl_reply_error(x, err);
}

bool gh_gl_image_op(struct gl_exec *x, struct gl_reader *r)
{
	if (x->op == GL_OP_IMAGE_CREATE)
		return op_create(x, r);
	struct gl_op_handle op;
	gl_rd_struct(r, &op, sizeof(op));
	uintptr_t v;
	if (!gh_gl_reader_done(x, r))
		return false;
	if (!gh_gl_map_remove(&x->gl->images, op.handle, &v))
		return gh_gl_fail(x, "unknown image %u", op.handle);
	image_free(x->gl, (struct app_image *)v);
	return true;
}

EGLImageKHR gh_gl_image_lookup(struct gh_gl *gl, uint32_t handle)
{
	struct app_image *im = gh_gl_map_get_ptr(&gl->images, handle);
	return im ? im->egl : EGL_NO_IMAGE_KHR;
}

static void destroy_entry(uint32_t key, uintptr_t val, void *data)
{
	image_free(data, (struct app_image *)val);
}

void gh_gl_images_finish(struct gh_gl *gl)
{
	if (gl->egl.DestroyImageKHR)
		gh_gl_map_for_each(&gl->images, destroy_entry, gl);
	gh_gl_map_finish(&gl->images);
}

static bool image_target(struct gl_exec *x, struct gl_reader *r, const char *cmd, bool texture)
{
	GLenum target = gl_rd_u32(r);
	uint32_t handle = gl_rd_u32(r);
	if (!gles_reader_end(x, r, cmd))
		return false;
	struct app_image *im = gh_gl_map_get_ptr(&x->gl->images, handle);
	if (!im)
		return gl_exec_fail(x, "%s: unknown image %u", cmd, handle);
	EGLImageKHR image = im->egl;
	if ((texture && !gles_host.glEGLImageTargetTexture2DOES) ||
	    (!texture && !gles_host.glEGLImageTargetRenderbufferStorageOES))
		return gl_exec_fail(x, "%s: the host lacks it", cmd);
	switch (gh_gl_storage_from_image(x, texture, target, &im->bytes)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return true;
	default:
		return false;
	}
	if (texture && gles_host.glEGLImageTargetTexture2DOES)
		gles_host.glEGLImageTargetTexture2DOES(target, (GLeglImageOES)image);
	else if (!texture && gles_host.glEGLImageTargetRenderbufferStorageOES)
		gles_host.glEGLImageTargetRenderbufferStorageOES(target, (GLeglImageOES)image);
	else
		return gl_exec_fail(x, "%s: the host lacks it", cmd);
	return true;
}

bool gl_exec_special_glEGLImageTargetTexture2DOES(struct gl_exec *x, struct gl_reader *r)
{
	return image_target(x, r, "glEGLImageTargetTexture2DOES", true);
}

/* GL_EXT_EGL_image_storage: u32 target, u32 image handle, blob attribute
 * list (none, or GL_NONE alone: the library refuses anything else). The
 * storage is the image's, charged as glEGLImageTargetTexture2DOES's. */
bool gl_exec_special_glEGLImageTargetTexStorageEXT(struct gl_exec *x, struct gl_reader *r)
{
	const char *cmd = "glEGLImageTargetTexStorageEXT";
	GLenum target = gl_rd_u32(r);
	uint32_t handle = gl_rd_u32(r);
	uint32_t n;
	const void *attribs = gl_rd_blob(r, &n);
	if (!gles_reader_end(x, r, cmd))
		return false;
	GLint first = GL_NONE;
	if (n != GL_BLOB_NULL && n != sizeof(first))
		return gl_exec_fail(x, "%s: %u bytes of attributes", cmd, n);
	if (n == sizeof(first))
		memcpy(&first, attribs, sizeof(first));
	if (first != GL_NONE)
		return gl_exec_fail(x, "%s: attribute 0x%x", cmd, (unsigned)first);
	struct app_image *im = gh_gl_map_get_ptr(&x->gl->images, handle);
	if (!im)
		return gl_exec_fail(x, "%s: unknown image %u", cmd, handle);
	if (!gles_host.glEGLImageTargetTexStorageEXT)
		return gl_exec_fail(x, "%s: the host lacks it", cmd);
	switch (gh_gl_storage_from_image(x, true, target, &im->bytes)) {
	case GL_GUARD_CALL:
		break;
	case GL_GUARD_SKIP:
		return true;
	default:
		return false;
	}
	gles_host.glEGLImageTargetTexStorageEXT(target, (GLeglImageOES)im->egl, NULL);
	return true;
}

bool gl_exec_special_glEGLImageTargetRenderbufferStorageOES(struct gl_exec *x, struct gl_reader *r)
{
	return image_target(x, r, "glEGLImageTargetRenderbufferStorageOES", false);
}
