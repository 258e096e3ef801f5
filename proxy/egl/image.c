/*
 * EGLImages from GL textures and renderbuffers (EGL_KHR_image_base,
 * EGL_KHR_gl_texture_2D_image, EGL_KHR_gl_renderbuffer_image; EGL 1.5's
 * eglCreateImage), made on the host where the source lives: that is all
 * an app on gpu-0 can honestly share, since its memory is not the GPU's.
 *
 * GL_OP_IMAGE_CREATE travels on the source context's own stream, after
 * the commands that made the texture: so the context must be current on
 * the calling thread or on none.
 */
#include <stdint.h>
#include <stdlib.h>

#include <gpupipe/gl-codec.h>

#include "ge.h"
#include "client-gl.h"
#include "surface.h"

static struct ge_image *lookup(struct ge_display *d, void *image)
{
	struct ge_image *i;
	wl_list_for_each(i, &d->images, link) if ((void *)i == image) return i;
	return NULL;
}

uint32_t ge_image_handle(struct ge_display *d, void *image)
{
	pthread_mutex_lock(&d->lock);
	struct ge_image *i = lookup(d, image);
	uint32_t handle = i ? i->handle : 0;
	pthread_mutex_unlock(&d->lock);
	return handle;
}

static EGLint parse(const void *attribs, bool wide, EGLenum target, uint32_t *level)
{
	for (size_t i = 0; attribs && ge_attrib_at(attribs, wide, i) != EGL_NONE; i += 2) {
		EGLAttrib v = ge_attrib_at(attribs, wide, i + 1);
		switch (ge_attrib_at(attribs, wide, i)) {
		case EGL_GL_TEXTURE_LEVEL:
			if (target != EGL_GL_TEXTURE_2D || v < 0 || v > 31)
				return EGL_BAD_PARAMETER;
			*level = (uint32_t)v;
			break;
		case EGL_IMAGE_PRESERVED:
			break; /* the host's image is its texture: always preserved */
		default:
			return EGL_BAD_PARAMETER;
		}
	}
	return EGL_SUCCESS;
}

static EGLint check(struct ge_display *d, struct ge_context *c, EGLenum target, uintptr_t name)
{
	if (!(d->host.features & GL_HOST_IMAGE))
		return EGL_BAD_PARAMETER;
	if (target != EGL_GL_TEXTURE_2D && target != EGL_GL_RENDERBUFFER)
		return EGL_BAD_PARAMETER;
	if (!c)
		return EGL_BAD_CONTEXT;
	if (!name || name > UINT32_MAX)
		return EGL_BAD_PARAMETER;
	/* Its stream is another thread's now: the texture may still be
	 * queued there, unseen by the host. */
	if (c->current && c != ge_current_context())
		return EGL_BAD_ACCESS;
	enum gl_name_class cls =
	        target == EGL_GL_TEXTURE_2D ? GL_NAMES_TEXTURE : GL_NAMES_RENDERBUFFER;
	if (!c->stream || !ge_gl_name_known(c->gl, cls, (uint32_t)name))
		return EGL_BAD_PARAMETER;
	return EGL_SUCCESS;
}

static EGLImage create(EGLDisplay dpy, EGLContext ctx, EGLenum target, EGLClientBuffer buffer,
                       const void *attribs, bool wide)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_IMAGE;
	struct ge_context *c = ge_context_lookup(d, ctx);
	struct ge_image *img = NULL;
	uint32_t level = 0, error = (uint32_t)check(d, c, target, (uintptr_t)buffer);
	if (error == EGL_SUCCESS)
		error = (uint32_t)parse(attribs, wide, target, &level);
	if (error == EGL_SUCCESS && !(img = calloc(1, sizeof(*img))))
		error = EGL_BAD_ALLOC;
	if (error == EGL_SUCCESS) {
		img->handle = ge_display_new_handle(d);
		img->target = target;
		struct gl_op_image_create op = {
		        .handle = img->handle,
		        .context = c->handle,
		        .target = target,
		        .name = (uint32_t)(uintptr_t)buffer,
		        .level = level,
		};
		struct gl_reply_error reply = {.error = EGL_CONTEXT_LOST};
		if (ge_stream_op(c->stream, GL_OP_IMAGE_CREATE, &op, sizeof(op)))
			ge_stream_reply_fixed(c->stream, GL_OP_IMAGE_CREATE, &reply, sizeof(reply),
			                      "malformed GL_OP_IMAGE_CREATE reply");
		error = reply.error;
	}
	if (error == EGL_SUCCESS)
		wl_list_insert(&d->images, &img->link);
	else
		free(img);
	ge_display_unlock(d);
	ge_set_error((EGLint)error);
	return error == EGL_SUCCESS ? (EGLImage)img : EGL_NO_IMAGE;
}

void ge_image_destroy_now(struct ge_display *d, struct ge_image *img)
{
	/* After what this thread's context sent (it may have used the image). */
	struct ge_context *c = ge_current_context();
	struct gl_op_handle op = {.handle = img->handle};
	ge_send_ordered(d, c && c->d == d ? c : NULL, GL_OP_IMAGE_DESTROY, &op, sizeof(op));
	wl_list_remove(&img->link);
	free(img);
}

static EGLBoolean destroy(EGLDisplay dpy, EGLImage image)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_image *img = lookup(d, image);
	if (img)
		ge_image_destroy_now(d, img);
	ge_display_unlock(d);
	return img ? ge_ok() : ge_fail(EGL_BAD_PARAMETER);
}

static EGLImage egl_create_image(EGLDisplay dpy, EGLContext ctx, EGLenum target,
                                 EGLClientBuffer buffer, const EGLAttrib *attribs)
{
	return create(dpy, ctx, target, buffer, attribs, true);
}

static EGLImageKHR egl_create_image_khr(EGLDisplay dpy, EGLContext ctx, EGLenum target,
                                        EGLClientBuffer buffer, const EGLint *attribs)
{
	return create(dpy, ctx, target, buffer, attribs, false);
}

const struct ge_proc ge_image_procs[] = {
        {"eglCreateImage", (void *)egl_create_image},
        {"eglCreateImageKHR", (void *)egl_create_image_khr},
        {"eglDestroyImage", (void *)destroy},
        {"eglDestroyImageKHR", (void *)destroy},
        {NULL, NULL},
};
