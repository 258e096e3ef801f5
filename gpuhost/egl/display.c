/*
 * The host's EGL display (host-egl.h): which platform, which device, and
 * what its extensions give.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gbm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xf86drm.h>

#include <gpupipe/log.h>

#include "host-egl.h"

bool gh_egl_has_extension(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = list; p && (p = strstr(p, name)); p += len) {
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
			return true;
	}
	return false;
}

/* GPUPIPE_RENDER_NODE, or the first /dev/dri/renderD*; NULL for none. */
static char *find_render_node(void)
{
	const char *env = getenv("GPUPIPE_RENDER_NODE");
	if (env && *env)
		return strcmp(env, "none") ? strdup(env) : NULL;
	DIR *dir = opendir("/dev/dri");
	if (!dir)
		return NULL;
	char *best = NULL;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (strncmp(e->d_name, "renderD", 7))
			continue;
		char path[300];
		snprintf(path, sizeof(path), "/dev/dri/%s", e->d_name);
		if (!best || strcmp(path, best) < 0) {
			free(best);
			best = strdup(path);
		}
	}
	closedir(dir);
	return best;
}

/* The EGL device whose DRM device is the one `fd` is open on. */
static EGLDeviceEXT find_device(int fd)
{
	PFNEGLQUERYDEVICESEXTPROC query_devices =
	        (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
	PFNEGLQUERYDEVICESTRINGEXTPROC query_string =
	        (PFNEGLQUERYDEVICESTRINGEXTPROC)eglGetProcAddress("eglQueryDeviceStringEXT");
	drmDevicePtr want = NULL;
	if (!query_devices || !query_string || drmGetDevice2(fd, 0, &want) != 0)
		return EGL_NO_DEVICE_EXT;
	EGLDeviceEXT devices[32], found = EGL_NO_DEVICE_EXT;
	EGLint n = 0;
	if (!query_devices(32, devices, &n))
		n = 0;
	for (EGLint i = 0; i < n && found == EGL_NO_DEVICE_EXT; i++) {
		const char *exts = query_string(devices[i], EGL_EXTENSIONS);
		const char *file = NULL;
		if (gh_egl_has_extension(exts, "EGL_EXT_device_drm_render_node"))
			file = query_string(devices[i], EGL_DRM_RENDER_NODE_FILE_EXT);
		if (!file && gh_egl_has_extension(exts, "EGL_EXT_device_drm"))
			file = query_string(devices[i], EGL_DRM_DEVICE_FILE_EXT);
		if (!file)
			continue;
		int dfd = open(file, O_RDWR | O_CLOEXEC);
		drmDevicePtr dev = NULL;
		if (dfd >= 0 && drmGetDevice2(dfd, 0, &dev) == 0) {
			if (drmDevicesEqual(want, dev))
				found = devices[i];
			drmFreeDevice(&dev);
		}
		if (dfd >= 0)
			close(dfd);
	}
	drmFreeDevice(&want);
	return found;
}

static EGLDisplay platform_display(EGLenum platform, void *native)
{
	PFNEGLGETPLATFORMDISPLAYEXTPROC get =
	        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	return get ? get(platform, native, NULL) : EGL_NO_DISPLAY;
}

static bool initialize(struct gh_egl *egl, EGLDisplay dpy, const char *what)
{
	EGLint major, minor;
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &major, &minor)) {
		gp_log(INFO, "host EGL: %s not available (0x%x)", what, eglGetError());
		return false;
	}
	egl->dpy = dpy;
	return true;
}

/* The dmabuf path: GBM + the matching EGL device. */
static bool open_dmabuf(struct gh_egl *egl, const char *node)
{
	const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	if (!gh_egl_has_extension(client, "EGL_EXT_platform_device")) {
		gp_log(INFO, "host EGL: no EGL_EXT_platform_device for %s", node);
		return false;
	}
	egl->drm_fd = open(node, O_RDWR | O_CLOEXEC);
	if (egl->drm_fd < 0) {
		gp_log(WARN, "cannot open %s: %s", node, strerror(errno));
		return false;
	}
	egl->gbm = gbm_create_device(egl->drm_fd);
	EGLDeviceEXT dev = egl->gbm ? find_device(egl->drm_fd) : EGL_NO_DEVICE_EXT;
	if (dev == EGL_NO_DEVICE_EXT) {
		gp_log(INFO, "host EGL: no EGL device for %s", node);
		return false;
	}
	if (!initialize(egl, platform_display(EGL_PLATFORM_DEVICE_EXT, dev), node))
		return false;
	const char *exts = eglQueryString(egl->dpy, EGL_EXTENSIONS);
	if (!gh_egl_has_extension(exts, "EGL_EXT_image_dma_buf_import")) {
		gp_log(INFO, "host EGL on %s cannot import dmabufs", node);
		eglTerminate(egl->dpy);
		egl->dpy = EGL_NO_DISPLAY;
		return false;
	}
	egl->dma_buf_modifiers =
	        gh_egl_has_extension(exts, "EGL_EXT_image_dma_buf_import_modifiers");
	return true;
}

static void close_dmabuf(struct gh_egl *egl)
{
	if (egl->gbm)
		gbm_device_destroy(egl->gbm);
	egl->gbm = NULL;
	if (egl->drm_fd >= 0)
		close(egl->drm_fd);
	egl->drm_fd = -1;
}

static bool open_shm(struct gh_egl *egl)
{
	const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	if (gh_egl_has_extension(client, "EGL_MESA_platform_surfaceless") &&
	    initialize(egl, platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY),
	               "surfaceless platform"))
		return true;
	PFNEGLQUERYDEVICESEXTPROC query_devices =
	        (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
	EGLDeviceEXT dev;
	EGLint n = 0;
	if (gh_egl_has_extension(client, "EGL_EXT_platform_device") && query_devices &&
	    query_devices(1, &dev, &n) && n == 1 &&
	    initialize(egl, platform_display(EGL_PLATFORM_DEVICE_EXT, dev), "device platform"))
		return true;
	return false;
}

static void load_egl(struct gh_egl *egl)
{
	const char *exts = eglQueryString(egl->dpy, EGL_EXTENSIONS);
#define LOAD(name) egl->name = (void *)eglGetProcAddress("egl" #name)
	LOAD(CreateSyncKHR);
	LOAD(DestroySyncKHR);
	LOAD(ClientWaitSyncKHR);
	LOAD(WaitSyncKHR);
	LOAD(CreateImageKHR);
	LOAD(DestroyImageKHR);
#undef LOAD
	bool sync = egl->CreateSyncKHR && egl->DestroySyncKHR && egl->ClientWaitSyncKHR;
	bool image = egl->CreateImageKHR && egl->DestroyImageKHR &&
	             gh_egl_has_extension(exts, "EGL_KHR_image_base");
	egl->fence_sync = sync && gh_egl_has_extension(exts, "EGL_KHR_fence_sync");
	egl->wait_sync = egl->fence_sync && egl->WaitSyncKHR &&
	                 gh_egl_has_extension(exts, "EGL_KHR_wait_sync");
	egl->image_texture = image && gh_egl_has_extension(exts, "EGL_KHR_gl_texture_2D_image");
	egl->image_renderbuffer =
	        image && gh_egl_has_extension(exts, "EGL_KHR_gl_renderbuffer_image");
	egl->dma_buf_import = image && gh_egl_has_extension(exts, "EGL_EXT_image_dma_buf_import");
	egl->robustness = gh_egl_has_extension(exts, "EGL_EXT_create_context_robustness");
	egl->create_context = gh_egl_has_extension(exts, "EGL_KHR_create_context");
	egl->no_config = gh_egl_has_extension(exts, "EGL_KHR_no_config_context") ||
	                 gh_egl_has_extension(exts, "EGL_MESA_configless_context");
	egl->surfaceless = gh_egl_has_extension(exts, "EGL_KHR_surfaceless_context");
}

void gh_egl_init(struct gh_egl *egl)
{
	*egl = (struct gh_egl){
	        .dpy = EGL_NO_DISPLAY,
	        .drm_fd = -1,
	        .cur_ctx = EGL_NO_CONTEXT,
	        .cur_draw = EGL_NO_SURFACE,
	        .cur_read = EGL_NO_SURFACE,
	};
}

bool gh_egl_open(struct gh_egl *egl, bool use_render_node)
{
	gh_egl_init(egl);
	char *node = use_render_node ? find_render_node() : NULL;
	bool on_node = node && open_dmabuf(egl, node);
	if (node && !on_node)
		close_dmabuf(egl);
	if (!on_node && !open_shm(egl)) {
		gp_log(ERROR, "no host EGL display can render GLES");
		free(node);
		return false;
	}
	if (!eglBindAPI(EGL_OPENGL_ES_API)) {
		gp_log(ERROR, "host EGL cannot bind the GLES API");
		free(node);
		gh_egl_close(egl);
		return false;
	}
	load_egl(egl);
	egl->dmabuf = on_node && egl->dma_buf_import;
	/* Rendering on the node without importing frames there: the display has its
	 * own fd of the device, so ours and GBM go. */
	if (on_node && !egl->dmabuf)
		close_dmabuf(egl);
	gp_log(INFO, "host EGL %s (%s): frames through %s%s%s",
	       eglQueryString(egl->dpy, EGL_VERSION), eglQueryString(egl->dpy, EGL_VENDOR),
	       egl->dmabuf ? "dmabufs on " : "shm", egl->dmabuf ? node : "",
	       !node ? " (no render node)" : "");
	free(node);
	return true;
}

void gh_egl_close(struct gh_egl *egl)
{
	if (egl->dpy != EGL_NO_DISPLAY) {
		eglMakeCurrent(egl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
		eglTerminate(egl->dpy);
	}
	close_dmabuf(egl);
	gh_egl_init(egl);
}
