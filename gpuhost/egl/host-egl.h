/*
 * The host's EGL in a link process: the display the app's GL runs on, the
 * EGL extensions it offers, and what is current on the one host thread.
 *
 * The GL executor (gpuhost/gl/) stands on this and this knows nothing of
 * it: no app object, no stream, no wire format. What the executor makes on
 * the display (the app's contexts, pbuffers, syncs and images) is its own;
 * here is only how the display was found and what it can do.
 *
 * The display: with a render node and EGL_EXT_image_dma_buf_import, the
 * EGL device on that node (EGL_EXT_platform_device, matched to the node),
 * and GBM on it allocates frame buffers (dmabufs). Not the GBM platform:
 * Mesa offers no pbuffer configs there, and every app surface is a
 * pbuffer. Otherwise EGL_PLATFORM_SURFACELESS_MESA (llvmpipe on a machine
 * without a GPU), or the first EGL device, and frames are read back into
 * shm. GPUPIPE_RENDER_NODE=/dev/dri/renderD128 picks the node, =none
 * forces the shm path.
 */
#ifndef GH_HOST_EGL_H
#define GH_HOST_EGL_H

#include <stdbool.h>
#include <EGL/egl.h>
#include <EGL/eglext.h>

struct gbm_device;

struct gh_egl {
	EGLDisplay dpy;         /* EGL_NO_DISPLAY until gh_egl_open */
	bool dmabuf;            /* on a render node that imports dmabufs */
	int drm_fd;             /* that render node, else -1 */
	struct gbm_device *gbm; /* allocates frame buffers there; else NULL */

	/* Extension entry points, and what the display offers. */
	PFNEGLCREATESYNCKHRPROC CreateSyncKHR;
	PFNEGLDESTROYSYNCKHRPROC DestroySyncKHR;
	PFNEGLCLIENTWAITSYNCKHRPROC ClientWaitSyncKHR;
	PFNEGLWAITSYNCKHRPROC WaitSyncKHR;
	PFNEGLCREATEIMAGEKHRPROC CreateImageKHR;
	PFNEGLDESTROYIMAGEKHRPROC DestroyImageKHR;
	bool fence_sync, wait_sync, image_texture, image_renderbuffer, dma_buf_import,
	        dma_buf_modifiers, robustness, create_context, no_config, surfaceless;

	/* What is current on the host thread now (gh_egl_make_current). */
	EGLContext cur_ctx;
	EGLSurface cur_draw, cur_read;
};

/* Nothing open, nothing current: what gh_egl_close leaves too. */
void gh_egl_init(struct gh_egl *egl);

/* Opens the display as above (the render node only when use_render_node)
 * and binds the GLES API. False (logged) when no display can render GLES;
 * whatever was opened is closed again. */
bool gh_egl_open(struct gh_egl *egl, bool use_render_node);

/* Terminates the display (nothing current first) and closes the node. */
void gh_egl_close(struct gh_egl *egl);

/* eglMakeCurrent unless exactly these are current already. False when EGL
 * refuses; what was current stays current (EGL keeps it on failure). */
bool gh_egl_make_current(struct gh_egl *egl, EGLContext ctx, EGLSurface draw, EGLSurface read);

/* Before ctx or surf is destroyed: nothing is current any more if either
 * is (EGL would keep a current one alive until it is released). ctx or
 * surf may be EGL_NO_CONTEXT or EGL_NO_SURFACE. */
void gh_egl_release(struct gh_egl *egl, EGLContext ctx, EGLSurface surf);

/* eglCreateContext on the display: an OpenGL context where `desktop`, else OpenGL ES;
 * config NULL for none (EGL_KHR_no_config_context). *error is EGL's error. The thread's
 * bound API stays OpenGL ES. */
EGLContext gh_egl_create_context(struct gh_egl *egl, bool desktop, EGLConfig config,
                                 EGLContext share, const EGLint *attribs, EGLint *error);

/* Whether `name` is one of the space-separated names of `list` (EGL's and
 * GL's extension strings alike); a NULL list has none. */
bool gh_egl_has_extension(const char *list, const char *name);

/* In the listening process, before any link is forked: loads the driver
 * (and checks that a display opens and binds GLES) without keeping a
 * display, device fd or thread. False (logged) when none does. Whether the
 * driver has every GLES 2 entry point is checked by each link (gpuhost/gl/). */
bool gh_egl_preload(void);

#endif
