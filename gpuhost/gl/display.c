/*
 * The host's EGL display, and how frames will reach the compositor.
 *
 * With a render node and a compositor that takes dmabufs: GBM on the node
 * allocates frame buffers, and EGL runs on the same GPU through the device
 * platform (EGL_EXT_platform_device, matched to the node). Not the GBM
 * platform: Mesa offers no pbuffer configs there, and every app surface is
 * a pbuffer. Frames are imported into EGL (EGL_EXT_image_dma_buf_import)
 * and blitted. Otherwise: EGL_PLATFORM_SURFACELESS_MESA (llvmpipe on a
 * machine without a GPU), or the first EGL device, and frames are read back
 * into shm.
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

#include "gl-private.h"
#include "gles-codec.h"

static bool has_ext(const char *list, const char *ext)
{
	size_t len = strlen(ext);
	for (const char *p = list; p && (p = strstr(p, ext)); p += len) {
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
		if (has_ext(exts, "EGL_EXT_device_drm_render_node"))
			file = query_string(devices[i], EGL_DRM_RENDER_NODE_FILE_EXT);
		if (!file && has_ext(exts, "EGL_EXT_device_drm"))
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

static bool initialize(struct gh_gl *gl, EGLDisplay dpy, const char *what)
{
	EGLint major, minor;
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, &major, &minor)) {
		gp_log(INFO, "host EGL: %s not available (0x%x)", what, eglGetError());
		return false;
	}
	gl->dpy = dpy;
	return true;
}

/* The dmabuf path: GBM + the matching EGL device. */
static bool open_dmabuf(struct gh_gl *gl, const char *node)
{
	const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	if (!has_ext(client, "EGL_EXT_platform_device")) {
		gp_log(INFO, "host EGL: no EGL_EXT_platform_device for %s", node);
		return false;
	}
	gl->drm_fd = open(node, O_RDWR | O_CLOEXEC);
	if (gl->drm_fd < 0) {
		gp_log(WARN, "cannot open %s: %s", node, strerror(errno));
		return false;
	}
	gl->gbm = gbm_create_device(gl->drm_fd);
	EGLDeviceEXT dev = gl->gbm ? find_device(gl->drm_fd) : EGL_NO_DEVICE_EXT;
	if (dev == EGL_NO_DEVICE_EXT) {
		gp_log(INFO, "host EGL: no EGL device for %s", node);
		return false;
	}
	if (!initialize(gl, platform_display(EGL_PLATFORM_DEVICE_EXT, dev), node))
		return false;
	const char *exts = eglQueryString(gl->dpy, EGL_EXTENSIONS);
	if (!has_ext(exts, "EGL_EXT_image_dma_buf_import")) {
		gp_log(INFO, "host EGL on %s cannot import dmabufs", node);
		eglTerminate(gl->dpy);
		gl->dpy = EGL_NO_DISPLAY;
		return false;
	}
	gl->egl.dma_buf_modifiers = has_ext(exts, "EGL_EXT_image_dma_buf_import_modifiers");
	gl->present = GH_GL_PRESENT_DMABUF;
	return true;
}

static void close_dmabuf(struct gh_gl *gl)
{
	if (gl->gbm)
		gbm_device_destroy(gl->gbm);
	gl->gbm = NULL;
	if (gl->drm_fd >= 0)
		close(gl->drm_fd);
	gl->drm_fd = -1;
}

static bool open_shm(struct gh_gl *gl)
{
	const char *client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
	gl->present = GH_GL_PRESENT_SHM;
	if (has_ext(client, "EGL_MESA_platform_surfaceless") &&
	    initialize(gl, platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY),
	               "surfaceless platform"))
		return true;
	PFNEGLQUERYDEVICESEXTPROC query_devices =
	        (PFNEGLQUERYDEVICESEXTPROC)eglGetProcAddress("eglQueryDevicesEXT");
	EGLDeviceEXT dev;
	EGLint n = 0;
	if (has_ext(client, "EGL_EXT_platform_device") && query_devices &&
	    query_devices(1, &dev, &n) && n == 1 &&
	    initialize(gl, platform_display(EGL_PLATFORM_DEVICE_EXT, dev), "device platform"))
		return true;
	return false;
}

static void load_egl(struct gh_gl *gl)
{
	const char *exts = eglQueryString(gl->dpy, EGL_EXTENSIONS);
	struct gh_gl_egl *e = &gl->egl;
#define LOAD(name) e->name = (void *)eglGetProcAddress("egl" #name)
	LOAD(CreateSyncKHR);
	LOAD(DestroySyncKHR);
	LOAD(ClientWaitSyncKHR);
	LOAD(WaitSyncKHR);
	LOAD(CreateImageKHR);
	LOAD(DestroyImageKHR);
#undef LOAD
	bool sync = e->CreateSyncKHR && e->DestroySyncKHR && e->ClientWaitSyncKHR;
	bool image = e->CreateImageKHR && e->DestroyImageKHR && has_ext(exts, "EGL_KHR_image_base");
	e->fence_sync = sync && has_ext(exts, "EGL_KHR_fence_sync");
	e->wait_sync = e->fence_sync && e->WaitSyncKHR && has_ext(exts, "EGL_KHR_wait_sync");
	e->image_texture = image && has_ext(exts, "EGL_KHR_gl_texture_2D_image");
	e->image_renderbuffer = image && has_ext(exts, "EGL_KHR_gl_renderbuffer_image");
	e->dma_buf_import = image && has_ext(exts, "EGL_EXT_image_dma_buf_import");
	e->robustness = has_ext(exts, "EGL_EXT_create_context_robustness");
	e->create_context = has_ext(exts, "EGL_KHR_create_context");
	e->no_config = has_ext(exts, "EGL_KHR_no_config_context") ||
	               has_ext(exts, "EGL_MESA_configless_context");
	e->surfaceless = has_ext(exts, "EGL_KHR_surfaceless_context");
}

static bool load_gl(struct gh_gl *gl)
{
	const char *missing = NULL;
	if (!gles_host_load((void *(*)(const char *))eglGetProcAddress, &missing)) {
		gp_log(ERROR, "host GLES lacks %s", missing ? missing : "a GLES 2.0 function");
		return false;
	}
	struct gh_gl_fns *f = &gl->fns;
	f->BlitFramebuffer = (void *)eglGetProcAddress("glBlitFramebuffer");
	f->MapBufferRange = (void *)eglGetProcAddress("glMapBufferRange");
	f->UnmapBuffer = (void *)eglGetProcAddress("glUnmapBuffer");
	f->GetTexLevelParameteriv = (void *)eglGetProcAddress("glGetTexLevelParameteriv");
	/* ES 3.2 (or OES_draw_elements_base_vertex): indirect draws with a base
	 * vertex run as this direct draw (indirect.c). */
	f->DrawElementsInstancedBaseVertex =
	        (void *)eglGetProcAddress("glDrawElementsInstancedBaseVertex");
	if (!f->DrawElementsInstancedBaseVertex)
		f->DrawElementsInstancedBaseVertex =
		        (void *)eglGetProcAddress("glDrawElementsInstancedBaseVertexOES");
	f->EGLImageTargetRenderbufferStorageOES =
	        (void *)eglGetProcAddress("glEGLImageTargetRenderbufferStorageOES");
	return true;
}

bool gh_gl_display_open(struct gh_gl *gl, bool use_render_node)
{
	gl->drm_fd = -1;
	char *node = use_render_node ? find_render_node() : NULL;
	bool ok = false;
	if (node) {
		ok = open_dmabuf(gl, node);
		if (!ok)
			close_dmabuf(gl);
	}
	if (!ok)
		ok = open_shm(gl);
	if (!ok) {
		gp_log(ERROR, "no host EGL display can render GLES");
		free(node);
		return false;
	}
	if (!eglBindAPI(EGL_OPENGL_ES_API)) {
		gp_log(ERROR, "host EGL cannot bind the GLES API");
		free(node);
		return false;
	}
	load_egl(gl);
	if (gl->present == GH_GL_PRESENT_DMABUF && !gl->egl.dma_buf_import)
		gl->present = GH_GL_PRESENT_SHM;
	gp_log(INFO, "host EGL %s (%s): frames through %s%s%s",
	       eglQueryString(gl->dpy, EGL_VERSION), eglQueryString(gl->dpy, EGL_VENDOR),
	       gl->present == GH_GL_PRESENT_DMABUF ? "dmabufs on " : "shm",
	       gl->present == GH_GL_PRESENT_DMABUF ? node : "", !node ? " (no render node)" : "");
	free(node);
	return load_gl(gl);
}

void gh_gl_display_close(struct gh_gl *gl)
{
	if (gl->dpy != EGL_NO_DISPLAY) {
		eglMakeCurrent(gl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
		eglTerminate(gl->dpy);
	}
	gl->dpy = EGL_NO_DISPLAY;
	close_dmabuf(gl);
}

bool gh_gl_has_extension(const char *list, const char *ext)
{
	return has_ext(list, ext);
}
