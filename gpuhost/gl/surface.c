/*
 * App surfaces: each is a host pbuffer of the app's config (window surfaces
 * included), the back buffer GL_OP_SWAP copies from (a window's front, where
 * the app names it, is another: front.c). Preserved between
 * swaps, as pbuffers are; a resize makes a new one (contents undefined, as
 * the stream spec says). Destruction waits until no stream has it current.
 * Each counts against the link's GL memory quota.
 */
#include <stdlib.h>

#include <gpupipe/log.h>

#include "executor.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "map.h"
#include "quota.h"
#include "stream.h"
#include "surface.h"

static EGLSurface make_pbuffer(struct gh_gl *gl, struct gh_gl_config *config, uint32_t w,
                               uint32_t h)
{
	EGLint attribs[] = {EGL_WIDTH, (EGLint)w, EGL_HEIGHT, (EGLint)h, EGL_NONE};
	return eglCreatePbufferSurface(gl->egl.dpy, config->egl, attribs);
}

/* Bytes a w x h pbuffer of config holds: colour, depth and stencil, each
 * rounded up to a power of two bytes per pixel as drivers keep them, times
 * the samples. */
static uint64_t surface_bytes(const struct gh_gl_config *config, uint32_t w, uint32_t h)
{
	const struct gl_config_info *c = &config->info;
	uint32_t colour = (c->red + c->green + c->blue + c->alpha + 7u) / 8u;
	uint32_t ds = (c->depth + c->stencil + 7u) / 8u;
	uint32_t bytes = 0;
	for (uint32_t part = 0; part < 2; part++) {
		uint32_t n = part ? ds : colour, p = n ? 1 : 0;
		while (p && p < n)
			p *= 2;
		bytes += p;
	}
	return (uint64_t)w * h * bytes * (c->samples > 1 ? c->samples : 1u);
}

static bool check_size(struct gl_exec *x, uint32_t w, uint32_t h)
{
	if (w < 1 || h < 1 || w > GL_MAX_SURFACE_SIZE || h > GL_MAX_SURFACE_SIZE)
		return gh_gl_fail(x, "size %ux%u outside 1..%u", w, h, GL_MAX_SURFACE_SIZE);
	return true;
}

static void new_contents(struct gh_gl *gl, struct gh_gl_surface *surf)
{
	surf->serial = ++gl->next_serial;
	surf->frame = 0;
}

bool gh_gl_surface_create(struct gl_exec *x, uint32_t handle, uint32_t config_id, uint32_t w,
                          uint32_t h, uint32_t kind, uint32_t *err)
{
	struct gh_gl *gl = x->gl;
	uintptr_t v;
	if (!handle || gh_gl_map_get(&gl->surfaces, handle, &v))
		return gh_gl_fail(x, "surface handle %u is 0 or in use", handle);
	if (gl->surfaces.count >= gl->surfaces.max)
		return gh_gl_fail(x, "more than %u surfaces", gl->surfaces.max);
	if (!check_size(x, w, h))
		return false;
	if (kind != GL_SURFACE_WINDOW && kind != GL_SURFACE_PBUFFER)
		return gh_gl_fail(x, "unknown surface kind %u", kind);
	struct gh_gl_config *config = gh_gl_config_find(gl, config_id);
	if (!config) {
		*err = EGL_BAD_CONFIG;
		return true;
	}
	uint64_t bytes = surface_bytes(config, w, h);
	/* Past the quota, what EGL says when it cannot allocate. */
	if (!gh_gl_quota_charge(&gl->quota, 0, bytes, "an EGL surface")) {
		*err = EGL_BAD_ALLOC;
		return true;
	}
	struct gh_gl_surface *surf = calloc(1, sizeof(*surf));
	if (!surf) {
		gh_gl_quota_adjust(&gl->quota, bytes, 0);
		*err = EGL_BAD_ALLOC;
		return true;
	}
	surf->bytes = bytes;
	surf->egl = make_pbuffer(gl, config, w, h);
	if (surf->egl == EGL_NO_SURFACE) {
		*err = (uint32_t)eglGetError();
		gh_gl_quota_adjust(&gl->quota, bytes, 0);
		free(surf);
		return true;
	}
	if (!gh_gl_map_put(&gl->surfaces, handle, (uintptr_t)surf)) {
		eglDestroySurface(gl->egl.dpy, surf->egl);
		gh_gl_quota_adjust(&gl->quota, bytes, 0);
		free(surf);
		*err = EGL_BAD_ALLOC;
		return true;
	}
	surf->gl = gl;
	surf->handle = handle;
	surf->refs = 1;
	surf->kind = kind;
	surf->config = config;
	surf->width = w;
	surf->height = h;
	surf->window_read = GL_BACK;
	new_contents(gl, surf);
	*err = EGL_SUCCESS;
	return true;
}

bool gh_gl_surface_resize(struct gl_exec *x, uint32_t handle, uint32_t w, uint32_t h)
{
	struct gh_gl *gl = x->gl;
	struct gh_gl_surface *surf = gh_gl_map_get_ptr(&gl->surfaces, handle);
	if (!surf)
		return gh_gl_fail(x, "unknown surface %u", handle);
	if (!check_size(x, w, h))
		return false;
	if (w == surf->width && h == surf->height)
		return true;
	/* A resize has no error to give the app: past the quota the link ends.
	 * The old and the new back buffer are both held for a moment. */
	uint64_t bytes = surface_bytes(surf->config, w, h);
	if (!gh_gl_quota_charge(&gl->quota, 0, bytes, "an EGL surface resize"))
		return gh_gl_fail(x,
		                  "a %ux%u surface would pass the GL memory quota "
		                  "(--quota-gl-memory)",
		                  w, h);
	EGLSurface egl = make_pbuffer(gl, surf->config, w, h);
	if (egl == EGL_NO_SURFACE) {
		gh_gl_quota_adjust(&gl->quota, bytes, 0);
		return gh_gl_fail(x, "the host cannot make a %ux%u surface (0x%x)", w, h,
		                  eglGetError());
	}
	gh_gl_quota_adjust(&gl->quota, surf->bytes, 0);
	surf->bytes = bytes;
	/* Streams that have it current pick the new one up at their next
	 * command (gh_gl_stream_make_current compares EGL surfaces). */
	gh_egl_release(&gl->egl, EGL_NO_CONTEXT, surf->egl);
	eglDestroySurface(gl->egl.dpy, surf->egl);
	/* The front's contents are undefined too: made again at the size when
	 * named (gh_gl_stream_make_current). */
	gh_gl_front_destroy(surf);
	surf->egl = egl;
	surf->width = w;
	surf->height = h;
	new_contents(gl, surf);
	return true;
}

bool gh_gl_surface_destroy(struct gl_exec *x, uint32_t handle)
{
	uintptr_t v;
	if (!gh_gl_map_remove(&x->gl->surfaces, handle, &v))
		return gh_gl_fail(x, "unknown surface %u", handle);
	gh_gl_surface_unref((struct gh_gl_surface *)v);
	return true;
}

void gh_gl_surface_unref(struct gh_gl_surface *surf)
{
	if (!surf || --surf->refs)
		return;
	gh_gl_front_destroy(surf);
	gh_egl_release(&surf->gl->egl, EGL_NO_CONTEXT, surf->egl);
	eglDestroySurface(surf->gl->egl.dpy, surf->egl);
	gh_gl_quota_adjust(&surf->gl->quota, surf->bytes, 0);
	free(surf);
}
