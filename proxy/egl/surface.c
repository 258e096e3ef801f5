/*
 * EGLSurfaces common to windows and pbuffers: pbuffers, queries,
 * attributes, destruction; and the pixmap and texture-binding entry
 * points, which Wayland (or our configs) do not support. Windows are in
 * window.c, swaps in swap.c.
 */
#include <stdlib.h>

#include "ge.h"
#include "client-gl.h"
#include "surface.h"

EGLint ge_surface_create_on_host(struct ge_display *d, struct ge_surface *s)
{
	struct gl_op_create_surface op = {
	        .handle = s->handle,
	        .config_id = (uint32_t)s->config->config_id,
	        .width = (uint32_t)s->host_width,
	        .height = (uint32_t)s->host_height,
	        .kind = s->kind,
	};
	struct gl_reply_error reply = {.error = EGL_CONTEXT_LOST};
	if (ge_stream_op(d->stream, GL_OP_CREATE_SURFACE, &op, sizeof(op)))
		ge_stream_reply_fixed(d->stream, GL_OP_CREATE_SURFACE, &reply, sizeof(reply),
		                      "malformed GL_OP_CREATE_SURFACE reply");
	return (EGLint)reply.error;
}

void ge_surface_detach(struct ge_surface *s)
{
	struct gl_op_handle op = {.handle = s->handle};
	ge_send_ordered(s->d, s->last_ctx, GL_OP_DESTROY_SURFACE, &op, sizeof(op));
	if (s->kind == GL_SURFACE_WINDOW)
		ge_window_finish(s);
	wl_list_remove(&s->link);
	wl_list_init(&s->link);
}

void ge_surface_destroy_now(struct ge_surface *s)
{
	ge_surface_detach(s);
	free(s);
}

/* The attributes eglCreate*Surface accept for both kinds; false (with
 * *error) for others. */
static bool common_attrib(EGLAttrib name, EGLAttrib value, EGLint *error)
{
	switch (name) {
	case EGL_GL_COLORSPACE:
		if (value != EGL_GL_COLORSPACE_LINEAR)
			*error =
			        value == EGL_GL_COLORSPACE_SRGB ? EGL_BAD_MATCH : EGL_BAD_ATTRIBUTE;
		return true;
	case EGL_VG_ALPHA_FORMAT:
	case EGL_VG_COLORSPACE:
		return true; /* OpenVG only; no effect on GLES */
	}
	return false;
}

static bool texture_value(EGLint attribute, EGLint v)
{
	if (attribute == EGL_TEXTURE_FORMAT)
		return v == EGL_NO_TEXTURE || v == EGL_TEXTURE_RGB || v == EGL_TEXTURE_RGBA;
	return v == EGL_NO_TEXTURE || v == EGL_TEXTURE_2D;
}

static EGLint pbuffer_attribs(struct ge_surface *s, const EGLint *a)
{
	EGLint error = EGL_SUCCESS;
	for (; a && a[0] != EGL_NONE && error == EGL_SUCCESS; a += 2) {
		switch (a[0]) {
		case EGL_WIDTH:
		case EGL_HEIGHT:
			if (a[1] < 0)
				return ge_refuse(EGL_BAD_PARAMETER,
				                 "eglCreatePbufferSurface: negative size %d", a[1]);
			*(a[0] == EGL_WIDTH ? &s->width : &s->height) = a[1];
			break;
		case EGL_LARGEST_PBUFFER:
			s->largest = a[1] != EGL_FALSE;
			break;
		case EGL_TEXTURE_FORMAT:
		case EGL_TEXTURE_TARGET:
			if (!texture_value(a[0], a[1]))
				return ge_refuse(
				        EGL_BAD_ATTRIBUTE,
				        "eglCreatePbufferSurface: attribute 0x%x value 0x%x", a[0],
				        a[1]);
			/* No config binds to textures. */
			if (a[1] != EGL_NO_TEXTURE)
				return ge_refuse(EGL_BAD_MATCH,
				                 "eglCreatePbufferSurface: no config binds to "
				                 "textures");
			break;
		case EGL_MIPMAP_TEXTURE:
			break;
		default:
			if (!common_attrib(a[0], a[1], &error))
				return ge_refuse(EGL_BAD_ATTRIBUTE,
				                 "eglCreatePbufferSurface: attribute 0x%x is not "
				                 "accepted",
				                 a[0]);
			if (error != EGL_SUCCESS)
				ge_refuse(error,
				          "eglCreatePbufferSurface: attribute 0x%x value 0x%x",
				          a[0], a[1]);
		}
	}
	return error;
}

static EGLint pbuffer_size(struct ge_surface *s, const struct ge_display *d)
{
	int32_t max_w = (int32_t)d->host.max_width, max_h = (int32_t)d->host.max_height;
	if (s->width > max_w || s->height > max_h) {
		if (!s->largest)
			return ge_refuse(EGL_BAD_ALLOC,
			                 "eglCreatePbufferSurface: %dx%d is over the host's %dx%d",
			                 s->width, s->height, max_w, max_h);
		s->width = s->width > max_w ? max_w : s->width;
		s->height = s->height > max_h ? max_h : s->height;
	}
	/* The host has no empty pbuffers; a 0-sized one still says 0. */
	s->host_width = s->width ? s->width : 1;
	s->host_height = s->height ? s->height : 1;
	return EGL_SUCCESS;
}

static EGLSurface egl_create_pbuffer_surface(EGLDisplay dpy, EGLConfig config,
                                             const EGLint *attribs)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SURFACE;
	const struct ge_config *cfg = ge_display_config(d, config);
	struct ge_surface *s = calloc(1, sizeof(*s));
	EGLint error = EGL_SUCCESS;
	if (!cfg)
		error = ge_refuse(EGL_BAD_CONFIG, "eglCreatePbufferSurface: not a config");
	else if (!(cfg->surface_type & EGL_PBUFFER_BIT))
		error = ge_refuse(EGL_BAD_MATCH,
		                  "eglCreatePbufferSurface: config %d has no "
		                  "EGL_PBUFFER_BIT",
		                  cfg->config_id);
	else if (!s)
		error = ge_refuse(EGL_BAD_ALLOC, "eglCreatePbufferSurface: out of memory");
	if (error == EGL_SUCCESS) {
		s->d = d;
		s->config = cfg;
		s->kind = GL_SURFACE_PBUFFER;
		s->swap_behavior = EGL_BUFFER_PRESERVED;
		error = pbuffer_attribs(s, attribs);
	}
	if (error == EGL_SUCCESS)
		error = pbuffer_size(s, d);
	if (error == EGL_SUCCESS) {
		s->handle = ge_display_new_handle(d);
		error = ge_surface_create_on_host(d, s);
		if (error != EGL_SUCCESS)
			ge_refuse(error, "eglCreatePbufferSurface: %dx%d refused by the host",
			          s->host_width, s->host_height);
	}
	if (error == EGL_SUCCESS)
		wl_list_insert(&d->surfaces, &s->link);
	else
		free(s);
	ge_display_unlock(d);
	ge_set_error(error);
	return error == EGL_SUCCESS ? (EGLSurface)s : EGL_NO_SURFACE;
}

static EGLBoolean egl_destroy_surface(EGLDisplay dpy, EGLSurface surf)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_surface *s = ge_surface_lookup(d, surf);
	if (s && s->bound)
		s->destroyed = true; /* destroyed at its release */
	else if (s)
		ge_surface_destroy_now(s);
	ge_display_unlock(d);
	return s ? ge_ok() : ge_fail(EGL_BAD_SURFACE);
}

static EGLint query(struct ge_surface *s, EGLint attribute, EGLint *v)
{
	switch (attribute) {
	case EGL_WIDTH:
		*v = s->width;
		return EGL_SUCCESS;
	case EGL_HEIGHT:
		*v = s->height;
		return EGL_SUCCESS;
	case EGL_CONFIG_ID:
		*v = s->config->config_id;
		return EGL_SUCCESS;
	case EGL_LARGEST_PBUFFER:
		if (s->kind == GL_SURFACE_PBUFFER)
			*v = s->largest;
		return EGL_SUCCESS;
	case EGL_BUFFER_AGE_EXT:
		if (!s->bound || s->bound != ge_current_context() || s->bound->draw != s)
			return EGL_BAD_SURFACE;
		*v = s->kind == GL_SURFACE_WINDOW && s->age_valid ? 1 : 0;
		return EGL_SUCCESS;
	case EGL_RENDER_BUFFER:
		*v = EGL_BACK_BUFFER;
		return EGL_SUCCESS;
	case EGL_SWAP_BEHAVIOR:
		*v = s->swap_behavior;
		return EGL_SUCCESS;
	case EGL_MULTISAMPLE_RESOLVE:
		*v = EGL_MULTISAMPLE_RESOLVE_DEFAULT;
		return EGL_SUCCESS;
	case EGL_HORIZONTAL_RESOLUTION:
	case EGL_VERTICAL_RESOLUTION:
	case EGL_PIXEL_ASPECT_RATIO:
		*v = EGL_UNKNOWN;
		return EGL_SUCCESS;
	case EGL_TEXTURE_FORMAT:
	case EGL_TEXTURE_TARGET:
		*v = EGL_NO_TEXTURE;
		return EGL_SUCCESS;
	case EGL_MIPMAP_TEXTURE:
	case EGL_MIPMAP_LEVEL:
		*v = 0;
		return EGL_SUCCESS;
	case EGL_GL_COLORSPACE:
		*v = EGL_GL_COLORSPACE_LINEAR;
		return EGL_SUCCESS;
	case EGL_VG_ALPHA_FORMAT:
		*v = EGL_VG_ALPHA_FORMAT_NONPRE;
		return EGL_SUCCESS;
	case EGL_VG_COLORSPACE:
		*v = EGL_VG_COLORSPACE_sRGB;
		return EGL_SUCCESS;
	}
	return EGL_BAD_ATTRIBUTE;
}

static EGLBoolean egl_query_surface(EGLDisplay dpy, EGLSurface surf, EGLint attribute,
                                    EGLint *value)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_surface *s = ge_surface_lookup(d, surf);
	/* Attributes that do not apply leave *value as it was. */
	EGLint v = value ? *value : 0, error = s ? EGL_SUCCESS : EGL_BAD_SURFACE;
	if (s && s->kind == GL_SURFACE_WINDOW)
		ge_window_update_size(s);
	if (s)
		error = query(s, attribute, &v);
	if (error == EGL_SUCCESS && value)
		*value = v;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

static EGLint set_attrib(struct ge_surface *s, EGLint attribute, EGLint value)
{
	switch (attribute) {
	case EGL_SWAP_BEHAVIOR:
		if (value != EGL_BUFFER_PRESERVED && value != EGL_BUFFER_DESTROYED)
			return EGL_BAD_PARAMETER;
		if (value == EGL_BUFFER_PRESERVED &&
		    !(s->config->surface_type & EGL_SWAP_BEHAVIOR_PRESERVED_BIT))
			return EGL_BAD_MATCH;
		s->swap_behavior = value;
		return EGL_SUCCESS;
	case EGL_MULTISAMPLE_RESOLVE:
		/* No config has EGL_MULTISAMPLE_RESOLVE_BOX_BIT. */
		if (value == EGL_MULTISAMPLE_RESOLVE_BOX)
			return EGL_BAD_MATCH;
		return value == EGL_MULTISAMPLE_RESOLVE_DEFAULT ? EGL_SUCCESS : EGL_BAD_PARAMETER;
	case EGL_MIPMAP_LEVEL:
		return EGL_SUCCESS; /* no texture binding: nothing to pick */
	}
	return EGL_BAD_ATTRIBUTE;
}

static EGLBoolean egl_surface_attrib(EGLDisplay dpy, EGLSurface surf, EGLint attribute,
                                     EGLint value)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	struct ge_surface *s = ge_surface_lookup(d, surf);
	EGLint error = s ? set_attrib(s, attribute, value) : EGL_BAD_SURFACE;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

/* ---- what Wayland and our configs do not have ---- */

/* EGL_EXT_platform_wayland: pixmaps do not exist there. */
static EGLSurface egl_create_platform_pixmap_surface(EGLDisplay dpy, EGLConfig config, void *pixmap,
                                                     const EGLAttrib *attribs)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SURFACE;
	ge_display_unlock(d);
	ge_set_error(ge_refuse(EGL_BAD_PARAMETER,
	                       "eglCreatePlatformPixmapSurface: Wayland has no pixmaps"));
	return EGL_NO_SURFACE;
}

static EGLSurface egl_create_platform_pixmap_surface_ext(EGLDisplay dpy, EGLConfig config,
                                                         void *pixmap, const EGLint *attribs)
{
	return egl_create_platform_pixmap_surface(dpy, config, pixmap, NULL);
}

/* No config has EGL_PIXMAP_BIT. */
static EGLSurface egl_create_pixmap_surface(EGLDisplay dpy, EGLConfig config,
                                            EGLNativePixmapType pixmap, const EGLint *attribs)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SURFACE;
	EGLint error = ge_display_config(d, config) ? EGL_BAD_MATCH : EGL_BAD_CONFIG;
	ge_display_unlock(d);
	ge_set_error(ge_refuse(error, "eglCreatePixmapSurface: no config renders to pixmaps"));
	return EGL_NO_SURFACE;
}

static EGLBoolean egl_copy_buffers(EGLDisplay dpy, EGLSurface surf, EGLNativePixmapType target)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	EGLint error = ge_surface_lookup(d, surf) ? EGL_BAD_NATIVE_PIXMAP : EGL_BAD_SURFACE;
	ge_display_unlock(d);
	return ge_fail(error);
}

/* No config binds to textures: EGL_TEXTURE_FORMAT is always EGL_NO_TEXTURE. */
static EGLBoolean egl_bind_tex_image(EGLDisplay dpy, EGLSurface surf, EGLint buffer)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	EGLint error = EGL_BAD_MATCH;
	if (!ge_surface_lookup(d, surf))
		error = EGL_BAD_SURFACE;
	else if (buffer != EGL_BACK_BUFFER)
		error = EGL_BAD_PARAMETER;
	ge_display_unlock(d);
	return ge_fail(error);
}

/* Only OpenVG images can be client buffers, and OpenVG is not streamed. */
static EGLSurface egl_create_pbuffer_from_client_buffer(EGLDisplay dpy, EGLenum buftype,
                                                        EGLClientBuffer buffer, EGLConfig config,
                                                        const EGLint *attribs)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_NO_SURFACE;
	ge_display_unlock(d);
	ge_set_error(ge_refuse(EGL_BAD_PARAMETER,
	                       "eglCreatePbufferFromClientBuffer: buffer type 0x%x is not "
	                       "supported",
	                       buftype));
	return EGL_NO_SURFACE;
}

const struct ge_proc ge_surface_procs[] = {
        {"eglCreatePbufferSurface", (void *)egl_create_pbuffer_surface},
        {"eglDestroySurface", (void *)egl_destroy_surface},
        {"eglQuerySurface", (void *)egl_query_surface},
        {"eglSurfaceAttrib", (void *)egl_surface_attrib},
        {"eglCreatePixmapSurface", (void *)egl_create_pixmap_surface},
        {"eglCreatePlatformPixmapSurface", (void *)egl_create_platform_pixmap_surface},
        {"eglCreatePlatformPixmapSurfaceEXT", (void *)egl_create_platform_pixmap_surface_ext},
        {"eglCopyBuffers", (void *)egl_copy_buffers},
        {"eglBindTexImage", (void *)egl_bind_tex_image},
        {"eglReleaseTexImage", (void *)egl_bind_tex_image},
        {"eglCreatePbufferFromClientBuffer", (void *)egl_create_pbuffer_from_client_buffer},
        {NULL, NULL},
};
