/*
 * The glvnd side of libEGL_gpupipe: __egl_Main (the only exported
 * symbol), the imports table, entry points by name, and the dispatch
 * stubs of the EGL extension functions glvnd does not dispatch itself.
 *
 * glvnd looks up every EGL 1.5 function with getProcAddress("eglXxx"),
 * calls setLastVendor before dispatching to us, and asks our eglGetError
 * afterwards: so every entry point sets an error (EGL_SUCCESS included),
 * kept per thread in thread.c.
 */
#include <string.h>

#include <glvnd/libeglabi.h>

#include <gpupipe/log.h>

#include "fallback-gl.h"
#include "fallback.h"
#include "ge.h"
#include "gles-codec.h"

/* ---- dispatch stubs for extension functions ---- */

/* glvnd hands out one dispatch index per extension function name; a stub
 * finds the vendor of its EGLDisplay and calls that vendor's function. */
enum {
	D_SWAP_DAMAGE_KHR,
	D_SWAP_DAMAGE_EXT,
	D_CREATE_SYNC_KHR,
	D_DESTROY_SYNC_KHR,
	D_CLIENT_WAIT_SYNC_KHR,
	D_GET_SYNC_ATTRIB_KHR,
	D_WAIT_SYNC_KHR,
	D_CREATE_IMAGE_KHR,
	D_DESTROY_IMAGE_KHR,
	D_COUNT,
};

static const char *const dispatch_names[D_COUNT] = {
        "eglSwapBuffersWithDamageKHR",
        "eglSwapBuffersWithDamageEXT",
        "eglCreateSyncKHR",
        "eglDestroySyncKHR",
        "eglClientWaitSyncKHR",
        "eglGetSyncAttribKHR",
        "eglWaitSyncKHR",
        "eglCreateImageKHR",
        "eglDestroyImageKHR",
};
static int dispatch_index[D_COUNT] = {-1, -1, -1, -1, -1, -1, -1, -1, -1};

static void *fetch(EGLDisplay dpy, int which)
{
	const __EGLapiExports *exports = ge_glvnd();
	exports->threadInit();
	__EGLvendorInfo *vendor = exports->getVendorFromDisplay(dpy);
	void *fn = NULL;
	if (vendor && dispatch_index[which] >= 0)
		fn = (void *)exports->fetchDispatchEntry(vendor, dispatch_index[which]);
	if (!fn) {
		exports->setEGLError(EGL_BAD_DISPLAY);
		return NULL;
	}
	exports->setLastVendor(vendor);
	return fn;
}

static EGLBoolean d_swap_damage_khr(EGLDisplay dpy, EGLSurface s, const EGLint *rects, EGLint n)
{
	PFNEGLSWAPBUFFERSWITHDAMAGEKHRPROC fn = fetch(dpy, D_SWAP_DAMAGE_KHR);
	return fn ? fn(dpy, s, rects, n) : EGL_FALSE;
}

static EGLBoolean d_swap_damage_ext(EGLDisplay dpy, EGLSurface s, const EGLint *rects, EGLint n)
{
	PFNEGLSWAPBUFFERSWITHDAMAGEEXTPROC fn = fetch(dpy, D_SWAP_DAMAGE_EXT);
	return fn ? fn(dpy, s, rects, n) : EGL_FALSE;
}

static EGLSyncKHR d_create_sync_khr(EGLDisplay dpy, EGLenum type, const EGLint *attribs)
{
	PFNEGLCREATESYNCKHRPROC fn = fetch(dpy, D_CREATE_SYNC_KHR);
	return fn ? fn(dpy, type, attribs) : EGL_NO_SYNC_KHR;
}

static EGLBoolean d_destroy_sync_khr(EGLDisplay dpy, EGLSyncKHR sync)
{
	PFNEGLDESTROYSYNCKHRPROC fn = fetch(dpy, D_DESTROY_SYNC_KHR);
	return fn ? fn(dpy, sync) : EGL_FALSE;
}

static EGLint d_client_wait_sync_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags,
                                     EGLTimeKHR timeout)
{
	PFNEGLCLIENTWAITSYNCKHRPROC fn = fetch(dpy, D_CLIENT_WAIT_SYNC_KHR);
	return fn ? fn(dpy, sync, flags, timeout) : EGL_FALSE;
}

static EGLBoolean d_get_sync_attrib_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint attribute,
                                        EGLint *value)
{
	PFNEGLGETSYNCATTRIBKHRPROC fn = fetch(dpy, D_GET_SYNC_ATTRIB_KHR);
	return fn ? fn(dpy, sync, attribute, value) : EGL_FALSE;
}

static EGLint d_wait_sync_khr(EGLDisplay dpy, EGLSyncKHR sync, EGLint flags)
{
	PFNEGLWAITSYNCKHRPROC fn = fetch(dpy, D_WAIT_SYNC_KHR);
	return fn ? fn(dpy, sync, flags) : EGL_FALSE;
}

static EGLImageKHR d_create_image_khr(EGLDisplay dpy, EGLContext ctx, EGLenum target,
                                      EGLClientBuffer buffer, const EGLint *attribs)
{
	PFNEGLCREATEIMAGEKHRPROC fn = fetch(dpy, D_CREATE_IMAGE_KHR);
	return fn ? fn(dpy, ctx, target, buffer, attribs) : EGL_NO_IMAGE_KHR;
}

static EGLBoolean d_destroy_image_khr(EGLDisplay dpy, EGLImageKHR image)
{
	PFNEGLDESTROYIMAGEKHRPROC fn = fetch(dpy, D_DESTROY_IMAGE_KHR);
	return fn ? fn(dpy, image) : EGL_FALSE;
}

static void *const dispatch_stubs[D_COUNT] = {
        (void *)d_swap_damage_khr,  (void *)d_swap_damage_ext,      (void *)d_create_sync_khr,
        (void *)d_destroy_sync_khr, (void *)d_client_wait_sync_khr, (void *)d_get_sync_attrib_khr,
        (void *)d_wait_sync_khr,    (void *)d_create_image_khr,     (void *)d_destroy_image_khr,
};

static int dispatch_find(const char *name)
{
	for (int i = 0; i < D_COUNT; i++)
		if (strcmp(name, dispatch_names[i]) == 0)
			return i;
	return -1;
}

static void *get_dispatch_address(const char *name)
{
	int i = dispatch_find(name);
	return i >= 0 ? dispatch_stubs[i] : NULL;
}

static void set_dispatch_index(const char *name, int index)
{
	int i = dispatch_find(name);
	if (i >= 0)
		dispatch_index[i] = index;
	ge_fallback_set_dispatch_index(name, index);
}

/* ---- imports ---- */

static const struct ge_proc vendor_procs[] = {
        {"eglGetError", (void *)ge_take_error},
        {NULL, NULL},
};

static const struct ge_proc *const proc_tables[] = {
        vendor_procs,     ge_display_procs, ge_config_procs,  ge_choose_procs,
        ge_context_procs, ge_current_procs, ge_surface_procs, ge_window_procs,
        ge_swap_procs,    ge_sync_procs,    ge_image_procs,
};

static void *own_proc_address(const char *name)
{
	if (strncmp(name, "gl", 2) == 0)
		return gl_gles_lookup(name);
	if (strncmp(name, "egl", 3) != 0)
		return NULL;
	for (size_t t = 0; t < sizeof(proc_tables) / sizeof(proc_tables[0]); t++)
		for (const struct ge_proc *p = proc_tables[t]; p->name; p++)
			if (strcmp(p->name, name) == 0)
				return p->fn;
	return NULL;
}

/* Where a display may fall back to the next vendor (fallback.h), glvnd
 * gets the forwarding EGL entry points and a GL trampoline per command. */
static void *get_proc_address(const char *name)
{
	void *fn = own_proc_address(name);
	if (!ge_fallback_possible())
		return fn;
	if (strncmp(name, "gl", 2) == 0)
		return ge_fb_gl_wrap(name, fn);
	if (strncmp(name, "egl", 3) == 0)
		return ge_fallback_wrap_egl(name, fn);
	return fn;
}

/* Desktop OpenGL where the codec streams it or the next vendor may take
 * it (without either, glvnd's eglBindAPI(EGL_OPENGL_API) fails as it did
 * before gpupipe streamed any). */
static EGLBoolean get_supports_api(EGLenum api)
{
	bool desktop = gles_streamed_version[GL_API_GL_CORE] != 0 ||
	               gles_streamed_version[GL_API_GL_COMPAT] != 0;
#ifdef GPUPIPE_TEST_HOOKS
	desktop |= gles_landing_version[GL_API_GL_CORE] != 0 ||
	           gles_landing_version[GL_API_GL_COMPAT] != 0;
#endif
	return api == EGL_OPENGL_ES_API ||
	       (api == EGL_OPENGL_API && (desktop || ge_fallback_possible()));
}

static const char *get_vendor_string(int name)
{
	if (name == __EGL_VENDOR_STRING_PLATFORM_EXTENSIONS)
		return "EGL_KHR_platform_wayland EGL_EXT_platform_wayland";
	return NULL;
}

__attribute__((visibility("default"))) EGLBoolean __egl_Main(uint32_t version,
                                                             const __EGLapiExports *exp,
                                                             __EGLvendorInfo *vendor,
                                                             __EGLapiImports *imports)
{
	if (EGL_VENDOR_ABI_GET_MAJOR_VERSION(version) != EGL_VENDOR_ABI_MAJOR_VERSION)
		return EGL_FALSE;
	gp_log_init("libEGL_gpupipe", 0);
	ge_thread_use_glvnd(exp);
	ge_fallback_init(version, exp, vendor);
	memset(imports, 0, sizeof(*imports));
	imports->getPlatformDisplay = ge_get_platform_display;
	imports->getSupportsAPI = get_supports_api;
	imports->getVendorString = get_vendor_string;
	imports->getProcAddress = get_proc_address;
	imports->getDispatchAddress = get_dispatch_address;
	imports->setDispatchIndex = set_dispatch_index;
	return EGL_TRUE;
}
