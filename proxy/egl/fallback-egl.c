/*
 * The EGL entry points glvnd gets from us once a fallback is possible
 * (fallback.h): each one calls ours while its display is ours, and the
 * next vendor's function with the next vendor's display once the display
 * has fallen back (configs the app got from us mapped, our EGL error set
 * from the next vendor's). The two requests gpupipe may not stream
 * (eglChooseConfig, eglCreateContext) ask ge_can_stream first, and switch
 * the display when it says no.
 *
 * eglMakeCurrent also keeps the thread's "a next-vendor context is
 * current" (ge_fb_gl_current, which the GL trampolines read), and makes
 * sure at most one of ours and the next vendor's is current on a thread:
 * glvnd sees one vendor, us, and never releases one for the other.
 */
#include <stdatomic.h>
#include <string.h>

#include <gpupipe/log.h>

#include "fallback-gl.h"
#include "fallback.h"
#include "ge.h"

enum {
	W_INITIALIZE,
	W_TERMINATE,
	W_QUERY_STRING,
	W_GET_CONFIGS,
	W_CHOOSE_CONFIG,
	W_GET_CONFIG_ATTRIB,
	W_CREATE_CONTEXT,
	W_DESTROY_CONTEXT,
	W_QUERY_CONTEXT,
	W_MAKE_CURRENT,
	W_RELEASE_THREAD,
	W_WAIT_CLIENT,
	W_WAIT_GL,
	W_WAIT_NATIVE,
	W_CREATE_WINDOW_SURFACE,
	W_CREATE_PLATFORM_WINDOW_SURFACE,
	W_CREATE_PLATFORM_WINDOW_SURFACE_EXT,
	W_CREATE_PBUFFER_SURFACE,
	W_CREATE_PIXMAP_SURFACE,
	W_CREATE_PLATFORM_PIXMAP_SURFACE,
	W_CREATE_PLATFORM_PIXMAP_SURFACE_EXT,
	W_CREATE_PBUFFER_FROM_CLIENT_BUFFER,
	W_DESTROY_SURFACE,
	W_QUERY_SURFACE,
	W_SURFACE_ATTRIB,
	W_BIND_TEX_IMAGE,
	W_RELEASE_TEX_IMAGE,
	W_COPY_BUFFERS,
	W_SWAP_BUFFERS,
	W_SWAP_DAMAGE_KHR,
	W_SWAP_DAMAGE_EXT,
	W_SWAP_INTERVAL,
	W_CREATE_SYNC,
	W_CREATE_SYNC_KHR,
	W_DESTROY_SYNC,
	W_DESTROY_SYNC_KHR,
	W_CLIENT_WAIT_SYNC,
	W_CLIENT_WAIT_SYNC_KHR,
	W_GET_SYNC_ATTRIB,
	W_GET_SYNC_ATTRIB_KHR,
	W_WAIT_SYNC,
	W_WAIT_SYNC_KHR,
	W_CREATE_IMAGE,
	W_CREATE_IMAGE_KHR,
	W_DESTROY_IMAGE,
	W_DESTROY_IMAGE_KHR,
	/* The next vendor's extensions that we lack (Mesa's on Wayland). */
	W_SET_DAMAGE_REGION_KHR,
	W_SIGNAL_SYNC_KHR,
	W_DUP_NATIVE_FENCE_FD,
	W_QUERY_DMABUF_FORMATS,
	W_QUERY_DMABUF_MODIFIERS,
	W_EXPORT_DMABUF_QUERY,
	W_EXPORT_DMABUF,
	W_SWAP_REGION_NOK,
	W_DRIVER_CONFIG,
	W_DRIVER_NAME,
	W_COUNT,
};

static const char *const names[W_COUNT] = {
        [W_INITIALIZE] = "eglInitialize",
        [W_TERMINATE] = "eglTerminate",
        [W_QUERY_STRING] = "eglQueryString",
        [W_GET_CONFIGS] = "eglGetConfigs",
        [W_CHOOSE_CONFIG] = "eglChooseConfig",
        [W_GET_CONFIG_ATTRIB] = "eglGetConfigAttrib",
        [W_CREATE_CONTEXT] = "eglCreateContext",
        [W_DESTROY_CONTEXT] = "eglDestroyContext",
        [W_QUERY_CONTEXT] = "eglQueryContext",
        [W_MAKE_CURRENT] = "eglMakeCurrent",
        [W_RELEASE_THREAD] = "eglReleaseThread",
        [W_WAIT_CLIENT] = "eglWaitClient",
        [W_WAIT_GL] = "eglWaitGL",
        [W_WAIT_NATIVE] = "eglWaitNative",
        [W_CREATE_WINDOW_SURFACE] = "eglCreateWindowSurface",
        [W_CREATE_PLATFORM_WINDOW_SURFACE] = "eglCreatePlatformWindowSurface",
        [W_CREATE_PLATFORM_WINDOW_SURFACE_EXT] = "eglCreatePlatformWindowSurfaceEXT",
        [W_CREATE_PBUFFER_SURFACE] = "eglCreatePbufferSurface",
        [W_CREATE_PIXMAP_SURFACE] = "eglCreatePixmapSurface",
        [W_CREATE_PLATFORM_PIXMAP_SURFACE] = "eglCreatePlatformPixmapSurface",
        [W_CREATE_PLATFORM_PIXMAP_SURFACE_EXT] = "eglCreatePlatformPixmapSurfaceEXT",
        [W_CREATE_PBUFFER_FROM_CLIENT_BUFFER] = "eglCreatePbufferFromClientBuffer",
        [W_DESTROY_SURFACE] = "eglDestroySurface",
        [W_QUERY_SURFACE] = "eglQuerySurface",
        [W_SURFACE_ATTRIB] = "eglSurfaceAttrib",
        [W_BIND_TEX_IMAGE] = "eglBindTexImage",
        [W_RELEASE_TEX_IMAGE] = "eglReleaseTexImage",
        [W_COPY_BUFFERS] = "eglCopyBuffers",
        [W_SWAP_BUFFERS] = "eglSwapBuffers",
        [W_SWAP_DAMAGE_KHR] = "eglSwapBuffersWithDamageKHR",
        [W_SWAP_DAMAGE_EXT] = "eglSwapBuffersWithDamageEXT",
        [W_SWAP_INTERVAL] = "eglSwapInterval",
        [W_CREATE_SYNC] = "eglCreateSync",
        [W_CREATE_SYNC_KHR] = "eglCreateSyncKHR",
        [W_DESTROY_SYNC] = "eglDestroySync",
        [W_DESTROY_SYNC_KHR] = "eglDestroySyncKHR",
        [W_CLIENT_WAIT_SYNC] = "eglClientWaitSync",
        [W_CLIENT_WAIT_SYNC_KHR] = "eglClientWaitSyncKHR",
        [W_GET_SYNC_ATTRIB] = "eglGetSyncAttrib",
        [W_GET_SYNC_ATTRIB_KHR] = "eglGetSyncAttribKHR",
        [W_WAIT_SYNC] = "eglWaitSync",
        [W_WAIT_SYNC_KHR] = "eglWaitSyncKHR",
        [W_CREATE_IMAGE] = "eglCreateImage",
        [W_CREATE_IMAGE_KHR] = "eglCreateImageKHR",
        [W_DESTROY_IMAGE] = "eglDestroyImage",
        [W_DESTROY_IMAGE_KHR] = "eglDestroyImageKHR",
        [W_SET_DAMAGE_REGION_KHR] = "eglSetDamageRegionKHR",
        [W_SIGNAL_SYNC_KHR] = "eglSignalSyncKHR",
        [W_DUP_NATIVE_FENCE_FD] = "eglDupNativeFenceFDANDROID",
        [W_QUERY_DMABUF_FORMATS] = "eglQueryDmaBufFormatsEXT",
        [W_QUERY_DMABUF_MODIFIERS] = "eglQueryDmaBufModifiersEXT",
        [W_EXPORT_DMABUF_QUERY] = "eglExportDMABUFImageQueryMESA",
        [W_EXPORT_DMABUF] = "eglExportDMABUFImageMESA",
        [W_SWAP_REGION_NOK] = "eglSwapBuffersRegionNOK",
        [W_DRIVER_CONFIG] = "eglGetDisplayDriverConfig",
        [W_DRIVER_NAME] = "eglGetDisplayDriverName",
};

/* Our function per entry point (NULL: we lack it), set by the wrapping. */
static void *ours[W_COUNT];

/* The next vendor's display whose context is current on this thread. */
static __thread struct ge_fb_display *current_next;

/* Ours, which the switch calls to let go of what gpupipe held on the display. */
static PFNEGLTERMINATEPROC our_terminate(void)
{
	return (PFNEGLTERMINATEPROC)__atomic_load_n(&ours[W_TERMINATE], __ATOMIC_RELAXED);
}

/* GPUPIPE_LOG=debug: each forwarded call, with the error it left. */
static void fb_trace(int w)
{
	if (gp_log_enabled(GP_LOG_DEBUG))
		gp_log(DEBUG, "%s: forwarded (%s)", names[w], ge_error_name(ge_peek_error()));
}

/* Calls ours, or the next vendor's with its display once `dpy` fell back.
 * `dpy` must be the wrapper's parameter: it is replaced. */
#define FORWARD(W, PFN, FAIL, ...)                                                                 \
	do {                                                                                       \
		struct ge_fb_display *n_ = ge_fb_of(dpy);                                          \
		PFN f_ = (PFN)(n_ ? ge_fb_proc(n_->v, names[W])                                    \
		                  : __atomic_load_n(&ours[W], __ATOMIC_RELAXED));                  \
		if (!f_) {                                                                         \
			ge_set_error(EGL_BAD_DISPLAY);                                             \
			return FAIL;                                                               \
		}                                                                                  \
		if (!n_)                                                                           \
			return f_(__VA_ARGS__);                                                    \
		dpy = n_->ndpy;                                                                    \
		__typeof__(f_(__VA_ARGS__)) r_ = f_(__VA_ARGS__);                                  \
		ge_fb_take_error(n_->v);                                                           \
		fb_trace(W);                                                                       \
		return r_;                                                                         \
	} while (0)

/* A config the app got from us before the switch (our handles are
 * 1..n) becomes the next vendor's; any other passes as it is. */
static EGLConfig map(EGLDisplay dpy, EGLConfig config)
{
	struct ge_fb_display *n = ge_fb_of(dpy);
	uintptr_t i = (uintptr_t)config;
	if (!n || i == 0 || i > n->n_configs)
		return config;
	return n->config_map ? n->config_map[i - 1] : NULL;
}

/* A surface the app got from us before the switch becomes the one the
 * next vendor made in its place; any other passes as it is. */
static EGLSurface msurf(EGLDisplay dpy, EGLSurface surface)
{
	struct ge_fb_display *n = ge_fb_of(dpy);
	return n && surface != EGL_NO_SURFACE ? ge_fb_surface(n, surface) : surface;
}

/* Switches the display when gpupipe cannot stream `r`. */
static void decide(EGLDisplay dpy, const struct ge_request *r)
{
	struct ge_display *d = ge_display_from_handle(dpy);
	const char *why = NULL;
	if (d && !atomic_load(&d->fb) && !ge_can_stream(d, r, &why))
		ge_fb_switch(d, r, why, our_terminate());
}

/* ---- the two requests that may switch ---- */

static EGLBoolean w_choose_config(EGLDisplay dpy, const EGLint *attribs, EGLConfig *configs,
                                  EGLint size, EGLint *num)
{
	struct ge_request r = {.call = "eglChooseConfig", .attribs = attribs};
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2)
		if (a[0] == EGL_RENDERABLE_TYPE && a[1] != EGL_DONT_CARE)
			r.renderable = a[1];
	decide(dpy, &r);
	FORWARD(W_CHOOSE_CONFIG, PFNEGLCHOOSECONFIGPROC, EGL_FALSE, dpy, attribs, configs, size,
	        num);
}

static EGLContext w_create_context(EGLDisplay dpy, EGLConfig config, EGLContext share,
                                   const EGLint *attribs)
{
	EGLenum api = ge_current_api();
	struct ge_request r = {.call = "eglCreateContext", .api = api, .attribs = attribs};
	decide(dpy, &r);
	struct ge_fb_display *n = ge_fb_of(dpy);
	if (n) {
		/* glvnd binds the API in the vendors it loaded, maybe not this one. */
		PFNEGLBINDAPIPROC bind = (PFNEGLBINDAPIPROC)ge_fb_proc(n->v, "eglBindAPI");
		if (bind)
			bind(api);
		config = map(dpy, config);
	}
	FORWARD(W_CREATE_CONTEXT, PFNEGLCREATECONTEXTPROC, EGL_NO_CONTEXT, dpy, config, share,
	        attribs);
}

/* ---- the thread's current context ---- */

static EGLBoolean release_next(void)
{
	struct ge_fb_display *n = current_next;
	if (!n)
		return EGL_TRUE;
	PFNEGLMAKECURRENTPROC f = (PFNEGLMAKECURRENTPROC)ge_fb_proc(n->v, "eglMakeCurrent");
	if (f && !f(n->ndpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT))
		return EGL_FALSE;
	current_next = NULL;
	ge_fb_gl_current = NULL;
	return EGL_TRUE;
}

static EGLBoolean w_make_current(EGLDisplay dpy, EGLSurface draw, EGLSurface read, EGLContext ctx)
{
	PFNEGLMAKECURRENTPROC own = (PFNEGLMAKECURRENTPROC)ours[W_MAKE_CURRENT];
	struct ge_fb_display *n = ge_fb_of(dpy);
	if (!n) {
		if (!release_next()) {
			ge_fb_take_error(current_next->v);
			return EGL_FALSE;
		}
		return own(dpy, draw, read, ctx);
	}
	/* Ours first: one context per thread. */
	struct ge_context *c = ge_current_context();
	if (c && !own((EGLDisplay)c->d, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT))
		return EGL_FALSE;
	if (current_next && current_next->v != n->v && !release_next()) {
		ge_fb_take_error(current_next->v);
		return EGL_FALSE;
	}
	PFNEGLMAKECURRENTPROC f = (PFNEGLMAKECURRENTPROC)ge_fb_proc(n->v, "eglMakeCurrent");
	if (!f)
		return ge_fail(EGL_BAD_DISPLAY);
	EGLBoolean ok = f(n->ndpy, msurf(dpy, draw), msurf(dpy, read), ctx);
	ge_fb_take_error(n->v);
	fb_trace(W_MAKE_CURRENT);
	if (ok) {
		current_next = ctx != EGL_NO_CONTEXT ? n : NULL;
		ge_fb_gl_current = ctx != EGL_NO_CONTEXT ? ge_fb_gl_table(n->v) : NULL;
	}
	return ok;
}

static EGLBoolean w_release_thread(void)
{
	struct ge_fb_display *n = current_next;
	if (n) {
		PFNEGLRELEASETHREADPROC f =
		        (PFNEGLRELEASETHREADPROC)ge_fb_proc(n->v, "eglReleaseThread");
		if (f && !f()) {
			ge_fb_take_error(n->v);
			return EGL_FALSE;
		}
		current_next = NULL;
		ge_fb_gl_current = NULL;
	}
	return ((PFNEGLRELEASETHREADPROC)ours[W_RELEASE_THREAD])();
}

/* eglWaitClient, eglWaitGL: the current context's. */
static EGLBoolean wait_current(int w)
{
	struct ge_fb_display *n = current_next;
	if (!n)
		return ((EGLBoolean(*)(void))ours[w])();
	EGLBoolean (*f)(void) = (EGLBoolean(*)(void))ge_fb_proc(n->v, names[w]);
	EGLBoolean ok = f ? f() : EGL_TRUE;
	ge_fb_take_error(n->v);
	return ok;
}

static EGLBoolean w_wait_client(void)
{
	return wait_current(W_WAIT_CLIENT);
}

static EGLBoolean w_wait_gl(void)
{
	return wait_current(W_WAIT_GL);
}

static EGLBoolean w_wait_native(EGLint engine)
{
	struct ge_fb_display *n = current_next;
	PFNEGLWAITNATIVEPROC f = n ? (PFNEGLWAITNATIVEPROC)ge_fb_proc(n->v, "eglWaitNative")
	                           : (PFNEGLWAITNATIVEPROC)ours[W_WAIT_NATIVE];
	EGLBoolean ok = f ? f(engine) : EGL_TRUE;
	if (n)
		ge_fb_take_error(n->v);
	return ok;
}

/* ---- displays, configs, contexts ---- */

/* A link whose host has no GL for this library (another release) leaves the app with
 * no EGL on gpu-0: the display falls back to the next vendor instead, as it would
 * have been without gpupipe. */
static EGLBoolean w_initialize(EGLDisplay dpy, EGLint *major, EGLint *minor)
{
	if (!ge_fb_of(dpy)) {
		PFNEGLINITIALIZEPROC f = (PFNEGLINITIALIZEPROC)__atomic_load_n(&ours[W_INITIALIZE],
		                                                               __ATOMIC_RELAXED);
		if (f && f(dpy, major, minor))
			return EGL_TRUE;
		struct ge_display *d = ge_display_from_handle(dpy);
		struct ge_request r = {.call = "eglInitialize", .at_initialize = true};
		if (!d || !d->no_gl_why || !ge_fb_switch(d, &r, d->no_gl_why, our_terminate()))
			return EGL_FALSE;
	}
	FORWARD(W_INITIALIZE, PFNEGLINITIALIZEPROC, EGL_FALSE, dpy, major, minor);
}

static EGLBoolean w_terminate(EGLDisplay dpy)
{
	FORWARD(W_TERMINATE, PFNEGLTERMINATEPROC, EGL_FALSE, dpy);
}

static const char *w_query_string(EGLDisplay dpy, EGLint name)
{
	FORWARD(W_QUERY_STRING, PFNEGLQUERYSTRINGPROC, NULL, dpy, name);
}

static EGLBoolean w_get_configs(EGLDisplay dpy, EGLConfig *configs, EGLint size, EGLint *num)
{
	FORWARD(W_GET_CONFIGS, PFNEGLGETCONFIGSPROC, EGL_FALSE, dpy, configs, size, num);
}

static EGLBoolean w_get_config_attrib(EGLDisplay dpy, EGLConfig config, EGLint attribute,
                                      EGLint *value)
{
	config = map(dpy, config);
	FORWARD(W_GET_CONFIG_ATTRIB, PFNEGLGETCONFIGATTRIBPROC, EGL_FALSE, dpy, config, attribute,
	        value);
}

static EGLBoolean w_destroy_context(EGLDisplay dpy, EGLContext ctx)
{
	FORWARD(W_DESTROY_CONTEXT, PFNEGLDESTROYCONTEXTPROC, EGL_FALSE, dpy, ctx);
}

static EGLBoolean w_query_context(EGLDisplay dpy, EGLContext ctx, EGLint attribute, EGLint *value)
{
	FORWARD(W_QUERY_CONTEXT, PFNEGLQUERYCONTEXTPROC, EGL_FALSE, dpy, ctx, attribute, value);
}

/* ---- surfaces ---- */

static EGLSurface w_create_window_surface(EGLDisplay dpy, EGLConfig config, EGLNativeWindowType win,
                                          const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_WINDOW_SURFACE, PFNEGLCREATEWINDOWSURFACEPROC, EGL_NO_SURFACE, dpy, config,
	        win, attribs);
}

static EGLSurface w_create_platform_window_surface(EGLDisplay dpy, EGLConfig config, void *win,
                                                   const EGLAttrib *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PLATFORM_WINDOW_SURFACE, PFNEGLCREATEPLATFORMWINDOWSURFACEPROC,
	        EGL_NO_SURFACE, dpy, config, win, attribs);
}

static EGLSurface w_create_platform_window_surface_ext(EGLDisplay dpy, EGLConfig config, void *win,
                                                       const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PLATFORM_WINDOW_SURFACE_EXT, PFNEGLCREATEPLATFORMWINDOWSURFACEEXTPROC,
	        EGL_NO_SURFACE, dpy, config, win, attribs);
}

static EGLSurface w_create_pbuffer_surface(EGLDisplay dpy, EGLConfig config, const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PBUFFER_SURFACE, PFNEGLCREATEPBUFFERSURFACEPROC, EGL_NO_SURFACE, dpy,
	        config, attribs);
}

static EGLSurface w_create_pixmap_surface(EGLDisplay dpy, EGLConfig config,
                                          EGLNativePixmapType pixmap, const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PIXMAP_SURFACE, PFNEGLCREATEPIXMAPSURFACEPROC, EGL_NO_SURFACE, dpy, config,
	        pixmap, attribs);
}

static EGLSurface w_create_platform_pixmap_surface(EGLDisplay dpy, EGLConfig config, void *pixmap,
                                                   const EGLAttrib *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PLATFORM_PIXMAP_SURFACE, PFNEGLCREATEPLATFORMPIXMAPSURFACEPROC,
	        EGL_NO_SURFACE, dpy, config, pixmap, attribs);
}

static EGLSurface w_create_platform_pixmap_surface_ext(EGLDisplay dpy, EGLConfig config,
                                                       void *pixmap, const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PLATFORM_PIXMAP_SURFACE_EXT, PFNEGLCREATEPLATFORMPIXMAPSURFACEEXTPROC,
	        EGL_NO_SURFACE, dpy, config, pixmap, attribs);
}

static EGLSurface w_create_pbuffer_from_client_buffer(EGLDisplay dpy, EGLenum type,
                                                      EGLClientBuffer buffer, EGLConfig config,
                                                      const EGLint *attribs)
{
	config = map(dpy, config);
	FORWARD(W_CREATE_PBUFFER_FROM_CLIENT_BUFFER, PFNEGLCREATEPBUFFERFROMCLIENTBUFFERPROC,
	        EGL_NO_SURFACE, dpy, type, buffer, config, attribs);
}

static EGLBoolean destroy_surface(EGLDisplay dpy, EGLSurface surface)
{
	FORWARD(W_DESTROY_SURFACE, PFNEGLDESTROYSURFACEPROC, EGL_FALSE, dpy, surface);
}

static EGLBoolean w_destroy_surface(EGLDisplay dpy, EGLSurface surface)
{
	struct ge_fb_display *n = ge_fb_of(dpy);
	EGLSurface mapped = msurf(dpy, surface);
	EGLBoolean ok = destroy_surface(dpy, mapped);
	/* The app is done with its handle of ours, whatever the next vendor said. */
	if (n && mapped != surface)
		ge_fb_surface_forget(n, surface);
	return ok;
}

static EGLBoolean w_query_surface(EGLDisplay dpy, EGLSurface surface, EGLint attribute,
                                  EGLint *value)
{
	surface = msurf(dpy, surface);
	FORWARD(W_QUERY_SURFACE, PFNEGLQUERYSURFACEPROC, EGL_FALSE, dpy, surface, attribute, value);
}

static EGLBoolean w_surface_attrib(EGLDisplay dpy, EGLSurface surface, EGLint attribute,
                                   EGLint value)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SURFACE_ATTRIB, PFNEGLSURFACEATTRIBPROC, EGL_FALSE, dpy, surface, attribute,
	        value);
}

static EGLBoolean w_bind_tex_image(EGLDisplay dpy, EGLSurface surface, EGLint buffer)
{
	surface = msurf(dpy, surface);
	FORWARD(W_BIND_TEX_IMAGE, PFNEGLBINDTEXIMAGEPROC, EGL_FALSE, dpy, surface, buffer);
}

static EGLBoolean w_release_tex_image(EGLDisplay dpy, EGLSurface surface, EGLint buffer)
{
	surface = msurf(dpy, surface);
	FORWARD(W_RELEASE_TEX_IMAGE, PFNEGLRELEASETEXIMAGEPROC, EGL_FALSE, dpy, surface, buffer);
}

static EGLBoolean w_copy_buffers(EGLDisplay dpy, EGLSurface surface, EGLNativePixmapType target)
{
	surface = msurf(dpy, surface);
	FORWARD(W_COPY_BUFFERS, PFNEGLCOPYBUFFERSPROC, EGL_FALSE, dpy, surface, target);
}

static EGLBoolean w_swap_buffers(EGLDisplay dpy, EGLSurface surface)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SWAP_BUFFERS, PFNEGLSWAPBUFFERSPROC, EGL_FALSE, dpy, surface);
}

static EGLBoolean w_swap_damage_khr(EGLDisplay dpy, EGLSurface surface, const EGLint *rects,
                                    EGLint n)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SWAP_DAMAGE_KHR, PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC, EGL_FALSE, dpy, surface,
	        rects, n);
}

static EGLBoolean w_swap_damage_ext(EGLDisplay dpy, EGLSurface surface, const EGLint *rects,
                                    EGLint n)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SWAP_DAMAGE_EXT, PFNEGLSWAPBUFFERSWITHDAMAGEEXTPROC, EGL_FALSE, dpy, surface,
	        rects, n);
}

static EGLBoolean w_swap_interval(EGLDisplay dpy, EGLint interval)
{
	FORWARD(W_SWAP_INTERVAL, PFNEGLSWAPINTERVALPROC, EGL_FALSE, dpy, interval);
}

/* ---- syncs and images ---- */

static EGLSync w_create_sync(EGLDisplay dpy, EGLenum type, const EGLAttrib *attribs)
{
	FORWARD(W_CREATE_SYNC, PFNEGLCREATESYNCPROC, EGL_NO_SYNC, dpy, type, attribs);
}

static EGLSyncKHR w_create_sync_khr(EGLDisplay dpy, EGLenum type, const EGLint *attribs)
{
	FORWARD(W_CREATE_SYNC_KHR, PFNEGLCREATESYNCKHRPROC, EGL_NO_SYNC_KHR, dpy, type, attribs);
}

static EGLBoolean w_destroy_sync(EGLDisplay dpy, EGLSync sync)
{
	FORWARD(W_DESTROY_SYNC, PFNEGLDESTROYSYNCPROC, EGL_FALSE, dpy, sync);
}

static EGLBoolean w_destroy_sync_khr(EGLDisplay dpy, EGLSyncKHR sync)
{
	FORWARD(W_DESTROY_SYNC_KHR, PFNEGLDESTROYSYNCKHRPROC, EGL_FALSE, dpy, sync);
}

static EGLint w_client_wait_sync(EGLDisplay dpy, EGLSync sync, EGLint flags, EGLTime timeout)
{
	FORWARD(W_CLIENT_WAIT_SYNC, PFNEGLCLIENTWAITSYNCPROC, EGL_FALSE, dpy, sync, flags, timeout);
}

static EGLint w_client_wait_sync_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags,
                                     EGLTimeKHR timeout)
{
	FORWARD(W_CLIENT_WAIT_SYNC_KHR, PFNEGLCLIENTWAITSYNCKHRPROC, EGL_FALSE, dpy, sync, flags,
	        timeout);
}

static EGLBoolean w_get_sync_attrib(EGLDisplay dpy, EGLSync sync, EGLint attribute,
                                    EGLAttrib *value)
{
	FORWARD(W_GET_SYNC_ATTRIB, PFNEGLGETSYNCATTRIBPROC, EGL_FALSE, dpy, sync, attribute, value);
}

static EGLBoolean w_get_sync_attrib_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint attribute,
                                        EGLint *value)
{
	FORWARD(W_GET_SYNC_ATTRIB_KHR, PFNEGLGETSYNCATTRIBKHRPROC, EGL_FALSE, dpy, sync, attribute,
	        value);
}

static EGLBoolean w_wait_sync(EGLDisplay dpy, EGLSync sync, EGLint flags)
{
	FORWARD(W_WAIT_SYNC, PFNEGLWAITSYNCPROC, EGL_FALSE, dpy, sync, flags);
}

static EGLint w_wait_sync_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags)
{
	FORWARD(W_WAIT_SYNC_KHR, PFNEGLWAITSYNCKHRPROC, EGL_FALSE, dpy, sync, flags);
}

static EGLImage w_create_image(EGLDisplay dpy, EGLContext ctx, EGLenum target,
                               EGLClientBuffer buffer, const EGLAttrib *attribs)
{
	FORWARD(W_CREATE_IMAGE, PFNEGLCREATEIMAGEPROC, EGL_NO_IMAGE, dpy, ctx, target, buffer,
	        attribs);
}

static EGLImageKHR w_create_image_khr(EGLDisplay dpy, EGLContext ctx, EGLenum target,
                                      EGLClientBuffer buffer, const EGLint *attribs)
{
	FORWARD(W_CREATE_IMAGE_KHR, PFNEGLCREATEIMAGEKHRPROC, EGL_NO_IMAGE_KHR, dpy, ctx, target,
	        buffer, attribs);
}

static EGLBoolean w_destroy_image(EGLDisplay dpy, EGLImage image)
{
	FORWARD(W_DESTROY_IMAGE, PFNEGLDESTROYIMAGEPROC, EGL_FALSE, dpy, image);
}

static EGLBoolean w_destroy_image_khr(EGLDisplay dpy, EGLImageKHR image)
{
	FORWARD(W_DESTROY_IMAGE_KHR, PFNEGLDESTROYIMAGEKHRPROC, EGL_FALSE, dpy, image);
}

/* ---- the next vendor's extensions ---- */

static EGLBoolean w_set_damage_region(EGLDisplay dpy, EGLSurface surface, EGLint *rects, EGLint n)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SET_DAMAGE_REGION_KHR, PFNEGLSETDAMAGEREGIONKHRPROC, EGL_FALSE, dpy, surface,
	        rects, n);
}

static EGLBoolean w_signal_sync(EGLDisplay dpy, EGLSyncKHR sync, EGLenum mode)
{
	FORWARD(W_SIGNAL_SYNC_KHR, PFNEGLSIGNALSYNCKHRPROC, EGL_FALSE, dpy, sync, mode);
}

static EGLint w_dup_native_fence_fd(EGLDisplay dpy, EGLSyncKHR sync)
{
	FORWARD(W_DUP_NATIVE_FENCE_FD, PFNEGLDUPNATIVEFENCEFDANDROIDPROC,
	        EGL_NO_NATIVE_FENCE_FD_ANDROID, dpy, sync);
}

static EGLBoolean w_query_dmabuf_formats(EGLDisplay dpy, EGLint max, EGLint *formats, EGLint *num)
{
	FORWARD(W_QUERY_DMABUF_FORMATS, PFNEGLQUERYDMABUFFORMATSEXTPROC, EGL_FALSE, dpy, max,
	        formats, num);
}

static EGLBoolean w_query_dmabuf_modifiers(EGLDisplay dpy, EGLint format, EGLint max,
                                           EGLuint64KHR *modifiers, EGLBoolean *external,
                                           EGLint *num)
{
	FORWARD(W_QUERY_DMABUF_MODIFIERS, PFNEGLQUERYDMABUFMODIFIERSEXTPROC, EGL_FALSE, dpy, format,
	        max, modifiers, external, num);
}

static EGLBoolean w_export_dmabuf_query(EGLDisplay dpy, EGLImageKHR image, int *fourcc, int *planes,
                                        EGLuint64KHR *modifiers)
{
	FORWARD(W_EXPORT_DMABUF_QUERY, PFNEGLEXPORTDMABUFIMAGEQUERYMESAPROC, EGL_FALSE, dpy, image,
	        fourcc, planes, modifiers);
}

static EGLBoolean w_export_dmabuf(EGLDisplay dpy, EGLImageKHR image, int *fds, EGLint *strides,
                                  EGLint *offsets)
{
	FORWARD(W_EXPORT_DMABUF, PFNEGLEXPORTDMABUFIMAGEMESAPROC, EGL_FALSE, dpy, image, fds,
	        strides, offsets);
}

static EGLBoolean w_swap_region_nok(EGLDisplay dpy, EGLSurface surface, EGLint n,
                                    const EGLint *rects)
{
	surface = msurf(dpy, surface);
	FORWARD(W_SWAP_REGION_NOK, PFNEGLSWAPBUFFERSREGIONNOKPROC, EGL_FALSE, dpy, surface, n,
	        rects);
}

static char *w_driver_config(EGLDisplay dpy)
{
	FORWARD(W_DRIVER_CONFIG, PFNEGLGETDISPLAYDRIVERCONFIGPROC, NULL, dpy);
}

static const char *w_driver_name(EGLDisplay dpy)
{
	FORWARD(W_DRIVER_NAME, PFNEGLGETDISPLAYDRIVERNAMEPROC, NULL, dpy);
}

static void *const wrappers[W_COUNT] = {
        [W_INITIALIZE] = (void *)w_initialize,
        [W_TERMINATE] = (void *)w_terminate,
        [W_QUERY_STRING] = (void *)w_query_string,
        [W_GET_CONFIGS] = (void *)w_get_configs,
        [W_CHOOSE_CONFIG] = (void *)w_choose_config,
        [W_GET_CONFIG_ATTRIB] = (void *)w_get_config_attrib,
        [W_CREATE_CONTEXT] = (void *)w_create_context,
        [W_DESTROY_CONTEXT] = (void *)w_destroy_context,
        [W_QUERY_CONTEXT] = (void *)w_query_context,
        [W_MAKE_CURRENT] = (void *)w_make_current,
        [W_RELEASE_THREAD] = (void *)w_release_thread,
        [W_WAIT_CLIENT] = (void *)w_wait_client,
        [W_WAIT_GL] = (void *)w_wait_gl,
        [W_WAIT_NATIVE] = (void *)w_wait_native,
        [W_CREATE_WINDOW_SURFACE] = (void *)w_create_window_surface,
        [W_CREATE_PLATFORM_WINDOW_SURFACE] = (void *)w_create_platform_window_surface,
        [W_CREATE_PLATFORM_WINDOW_SURFACE_EXT] = (void *)w_create_platform_window_surface_ext,
        [W_CREATE_PBUFFER_SURFACE] = (void *)w_create_pbuffer_surface,
        [W_CREATE_PIXMAP_SURFACE] = (void *)w_create_pixmap_surface,
        [W_CREATE_PLATFORM_PIXMAP_SURFACE] = (void *)w_create_platform_pixmap_surface,
        [W_CREATE_PLATFORM_PIXMAP_SURFACE_EXT] = (void *)w_create_platform_pixmap_surface_ext,
        [W_CREATE_PBUFFER_FROM_CLIENT_BUFFER] = (void *)w_create_pbuffer_from_client_buffer,
        [W_DESTROY_SURFACE] = (void *)w_destroy_surface,
        [W_QUERY_SURFACE] = (void *)w_query_surface,
        [W_SURFACE_ATTRIB] = (void *)w_surface_attrib,
        [W_BIND_TEX_IMAGE] = (void *)w_bind_tex_image,
        [W_RELEASE_TEX_IMAGE] = (void *)w_release_tex_image,
        [W_COPY_BUFFERS] = (void *)w_copy_buffers,
        [W_SWAP_BUFFERS] = (void *)w_swap_buffers,
        [W_SWAP_DAMAGE_KHR] = (void *)w_swap_damage_khr,
        [W_SWAP_DAMAGE_EXT] = (void *)w_swap_damage_ext,
        [W_SWAP_INTERVAL] = (void *)w_swap_interval,
        [W_CREATE_SYNC] = (void *)w_create_sync,
        [W_CREATE_SYNC_KHR] = (void *)w_create_sync_khr,
        [W_DESTROY_SYNC] = (void *)w_destroy_sync,
        [W_DESTROY_SYNC_KHR] = (void *)w_destroy_sync_khr,
        [W_CLIENT_WAIT_SYNC] = (void *)w_client_wait_sync,
        [W_CLIENT_WAIT_SYNC_KHR] = (void *)w_client_wait_sync_khr,
        [W_GET_SYNC_ATTRIB] = (void *)w_get_sync_attrib,
        [W_GET_SYNC_ATTRIB_KHR] = (void *)w_get_sync_attrib_khr,
        [W_WAIT_SYNC] = (void *)w_wait_sync,
        [W_WAIT_SYNC_KHR] = (void *)w_wait_sync_khr,
        [W_CREATE_IMAGE] = (void *)w_create_image,
        [W_CREATE_IMAGE_KHR] = (void *)w_create_image_khr,
        [W_DESTROY_IMAGE] = (void *)w_destroy_image,
        [W_DESTROY_IMAGE_KHR] = (void *)w_destroy_image_khr,
        [W_SET_DAMAGE_REGION_KHR] = (void *)w_set_damage_region,
        [W_SIGNAL_SYNC_KHR] = (void *)w_signal_sync,
        [W_DUP_NATIVE_FENCE_FD] = (void *)w_dup_native_fence_fd,
        [W_QUERY_DMABUF_FORMATS] = (void *)w_query_dmabuf_formats,
        [W_QUERY_DMABUF_MODIFIERS] = (void *)w_query_dmabuf_modifiers,
        [W_EXPORT_DMABUF_QUERY] = (void *)w_export_dmabuf_query,
        [W_EXPORT_DMABUF] = (void *)w_export_dmabuf,
        [W_SWAP_REGION_NOK] = (void *)w_swap_region_nok,
        [W_DRIVER_CONFIG] = (void *)w_driver_config,
        [W_DRIVER_NAME] = (void *)w_driver_name,
};

void *ge_fallback_wrap_egl(const char *name, void *fn)
{
	for (int i = 0; i < W_COUNT; i++) {
		if (strcmp(names[i], name) == 0) {
			__atomic_store_n(&ours[i], fn, __ATOMIC_RELAXED);
			return wrappers[i];
		}
	}
	return fn;
}
