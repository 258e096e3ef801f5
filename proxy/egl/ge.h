/*
 * libEGL_gpupipe internals: the EGL objects of one process and how they
 * hang together. One file per concept (see README table in proxy/egl/):
 * vendor.c (glvnd entry), thread.c (errors), display.c/init.c (EGLDisplay), config.c,
 * context.c/current.c, surface.c/window.c/window-objects.c/swap.c, sync.c, image.c. They stand on
 * the client GL side through its one public header (proxy/gl/client-gl.h); it includes nothing of
 * this header.
 *
 * Locking: one mutex per display guards the display's object lists, its
 * display stream and every "is current where" field. A context's stream
 * is used without a lock by the one thread the context is current on.
 * Objects are never freed while current; destruction is deferred to
 * the release (as EGL says).
 */
#ifndef GE_H
#define GE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <wayland-client.h>

#include <gpupipe/gl-stream.h>

#include "client-gl.h"
#include "gles-codec.h"

struct gl_enc;
struct ge_gl_state;
struct ge_share;
struct ge_fb_display;

/* ---- the calling thread's error and API (thread.c) ---- */

/* The calling thread's EGL error, returned by our eglGetError (glvnd asks
 * the vendor that served the last call). Every entry point sets it. */
void ge_set_error(EGLint error);
/* The thread's EGL error, left as it is (for log lines). */
EGLint ge_peek_error(void);
/* eglGetError: the thread's error, which goes back to EGL_SUCCESS. */
EGLint ge_take_error(void);
static inline EGLBoolean ge_fail(EGLint error)
{
	ge_set_error(error);
	return EGL_FALSE;
}
static inline EGLBoolean ge_ok(void)
{
	ge_set_error(EGL_SUCCESS);
	return EGL_TRUE;
}

/* Says why a call was refused, at GPUPIPE_LOG=info ("eglCreateContext:
 * ... (EGL_BAD_MATCH)"), and returns `error`: an app that gets no config,
 * context or surface can be told why without a debugger. */
#define ge_refuse(error, ...) ge_refuse_at(__FILE__, __LINE__, error, __VA_ARGS__)
EGLint ge_refuse_at(const char *file, int line, EGLint error, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));
const char *ge_error_name(EGLint error);

/* The client API glvnd says is bound (eglBindAPI is libEGL's). */
EGLenum ge_current_api(void);
/* glvnd's functions for vendors, from __egl_Main (vendor.c), before any other call. */
struct __EGLapiExportsRec;
void ge_thread_use_glvnd(const struct __EGLapiExportsRec *exports);
const struct __EGLapiExportsRec *ge_glvnd(void);

/* Element i of an EGLint (wide false) or EGLAttrib (wide true) attribute list. */
static inline EGLAttrib ge_attrib_at(const void *list, bool wide, size_t i)
{
	return wide ? ((const EGLAttrib *)list)[i] : ((const EGLint *)list)[i];
}

/* Entry points by name, for getProcAddress: each file exports a table
 * ending with {NULL, NULL}. */
struct ge_proc {
	const char *name;
	void *fn;
};
extern const struct ge_proc ge_display_procs[], ge_config_procs[], ge_choose_procs[],
        ge_window_procs[], ge_context_procs[], ge_current_procs[], ge_surface_procs[],
        ge_swap_procs[], ge_sync_procs[], ge_image_procs[];

/* ---- configs (config.c) ---- */

struct ge_config {
	EGLint config_id; /* the host's EGL_CONFIG_ID, unique */
	EGLint red, green, blue, alpha;
	EGLint depth, stencil, samples, sample_buffers;
	EGLint caveat;
	EGLint renderable; /* EGL_RENDERABLE_TYPE: the host's, of the APIs we stream */
	EGLint surface_type;
	EGLint native_visual_id; /* wl_shm format for window configs, else 0 */
	EGLint max_pbuffer_width, max_pbuffer_height;
};

/* Fills `out` from the host's list; returns how many are usable. */
uint32_t ge_configs_from_host(const struct gl_config_info *in, uint32_t n,
                              const struct gl_host_info *host, EGLint renderable,
                              struct ge_config *out);
/* false: attribute unknown. */
bool ge_config_attrib(const struct ge_config *c, EGLint attribute, EGLint *value);
/* eglChooseConfig over a plain list: `picked` gets indices, best first.
 * Returns the number of matches or -1 with *error set. */
int ge_configs_choose(const struct ge_config *configs, uint32_t n, const EGLint *attribs,
                      uint32_t *picked, EGLint *error);
/* Same colour/depth/stencil/samples: a context of one renders to the other. */
bool ge_configs_compatible(const struct ge_config *a, const struct ge_config *b);

/* ---- displays (display.c, init.c) ---- */

struct ge_display {
	struct wl_list link; /* ge_displays */
	void *native;        /* the app's wl_display, NULL for our own connection */
	struct wl_display *wl;
	bool own_connection;
	pthread_mutex_t lock;

	/* Set by the probe: gpupipe_v1 bound on our private queue. */
	struct wl_event_queue *queue;
	struct gpupipe_v1 *gpupipe;

	bool initialized;
	bool terminating; /* terminated; the binding and display stream wait for the last current
	                     context */
	struct ge_link streams; /* what its GL streams share: lost, the host's info (stream.h) */
	struct gl_enc *stream;  /* display stream (GL_OP_INIT, CREATE_*, ...) */
	uint32_t next_handle;

	struct gl_host_info host;
	struct ge_config *configs;
	uint32_t n_configs;
	struct ge_api apis[GL_API_COUNT]; /* level.version 0: not offered */
	char *egl_extensions;

	struct wl_list contexts, surfaces, syncs, images;

	/* Set once the display has fallen back to the next vendor (fallback.h):
	 * then every call forwards there. */
	_Atomic(struct ge_fb_display *) fb;
	bool fb_warned; /* the fallback's log line was written */
	/* Why the last eglInitialize found no GL on a working link (a host of another
	 * release, or one offering no API): the display may fall back then. NULL otherwise. */
	const char *no_gl_why;
};

/* Looks up an EGLDisplay (never freed) without locking it. */
struct ge_display *ge_display_from_handle(EGLDisplay dpy);
/* Locks a valid display; with `initialized`, also checks it is. On
 * failure sets the EGL error and returns NULL. */
struct ge_display *ge_display_lock(EGLDisplay dpy, bool initialized);
void ge_display_unlock(struct ge_display *d);
EGLDisplay ge_get_platform_display(EGLenum platform, void *native, const EGLAttrib *attribs);
bool ge_display_probe(struct ge_display *d);
void ge_display_unprobe(struct ge_display *d);
/* Sends what libwayland buffered (open_stream, create_memory, commit...);
 * false when the connection failed. */
bool ge_display_flush_wl(struct ge_display *d);
/* Opens a stream of the display's link through gpupipe_v1.open_stream, for `gl` (NULL:
 * the display stream). Display locked. NULL when the link is lost or memory is out. */
struct gl_enc *ge_stream_open(struct ge_display *d, struct ge_gl_state *gl);
uint32_t ge_display_new_handle(struct ge_display *d);
const struct ge_config *ge_display_config(struct ge_display *d, EGLConfig config);
EGLConfig ge_display_config_handle(struct ge_display *d, const struct ge_config *c);
/* Tears down what eglTerminate left while contexts were current, once
 * none is. Display locked. */
void ge_display_maybe_finish_terminate(struct ge_display *d);
bool ge_display_lost(struct ge_display *d);

/* ---- contexts (context.c, current.c) ---- */

struct ge_context {
	struct wl_list link; /* display's contexts */
	struct ge_display *d;
	uint32_t handle;
	const struct ge_config *config; /* NULL: EGL_NO_CONFIG_KHR */
	uint32_t flags;                 /* enum gl_context_flags */
	const struct ge_api *api;       /* its API; level: what the app may call */
	struct ge_gl_state *gl;         /* client-side GL state */
	struct gl_enc *stream;          /* opened at the first make-current */
	bool current;                   /* on some thread */
	bool destroyed;                 /* eglDestroyContext ran while current */
	struct ge_surface *draw, *read;
};

/* A live context of d by its handle, or NULL. Display locked (display.c). */
struct ge_context *ge_context_lookup(struct ge_display *d, EGLContext ctx);
/* Destroys now (not current) and frees. Display locked. */
void ge_context_destroy_now(struct ge_context *c);
/* The calling thread's current context (NULL: none; thread.c). */
struct ge_context *ge_current_context(void);
/* eglMakeCurrent's (current.c), and only its. */
void ge_set_current_context(struct ge_context *c);
/* Makes the calling thread release its context (eglReleaseThread,
 * teardown). Display of that context locked by the caller. */
bool ge_current_release(struct ge_display *d);
/* Sends a small EGL command (its wire struct, at most 32 bytes) on a stream that the host
 * processes after everything `after` has sent: `after`'s own stream when
 * no other thread uses it, else the display stream or a post. Display
 * locked (display.c). */
void ge_send_ordered(struct ge_display *d, struct ge_context *after, uint32_t op, const void *fixed,
                     uint32_t size);

/* ---- surfaces (surface.c, window.c, window-objects.c, swap.c) ---- */

#define GE_MAX_FRAME_BUFFERS 4

struct ge_frame_buffer {
	struct wl_buffer *buffer;
	int32_t width, height;
	bool busy; /* attached and not released yet */
};

struct ge_surface {
	struct wl_list link; /* display's surfaces */
	struct ge_display *d;
	uint32_t handle;
	const struct ge_config *config;
	enum gl_surface_kind kind;
	int32_t width, height;           /* what eglQuerySurface says */
	int32_t host_width, host_height; /* what the host renders at */
	bool largest;                    /* pbuffer: EGL_LARGEST_PBUFFER */
	EGLint swap_behavior;
	struct ge_context *bound;    /* context it is current with */
	struct ge_context *last_ctx; /* whose stream last had it current */
	bool destroyed;              /* eglDestroySurface ran while current */
	bool used;                   /* ever current: the host has drawn to it */
	bool age_valid;              /* back buffer holds the previous frame */

	/* Windows only. */
	struct wl_egl_window *win; /* NULL once the app destroyed it */
	struct wl_event_queue *queue;
	struct wl_surface *wrapper; /* app's wl_surface on our queue */
	struct gpupipe_v1 *gpupipe; /* wrapper on our queue */
	struct wl_display *wl_wrapper;
	struct wl_callback *throttle; /* frame callback (interval 1) or sync */
	int swap_interval;
	int32_t dx, dy; /* attach offset for the next frame */
	struct ge_frame_buffer bufs[GE_MAX_FRAME_BUFFERS];
};

/* A live surface of d by its handle, or NULL. Display locked (display.c). */
struct ge_surface *ge_surface_lookup(struct ge_display *d, EGLSurface surf);
void ge_surface_destroy_now(struct ge_surface *s);
/* ge_surface_destroy_now but the free: the surface is gone from the host,
 * Wayland and the display; its memory stays the caller's. */
void ge_surface_detach(struct ge_surface *s);
/* Host size differs from the window's: sends GL_OP_RESIZE_SURFACE on
 * `e` (the stream the surface is, or is about to be, current on;
 * window-objects.c). */
void ge_surface_sync_size(struct ge_surface *s, struct gl_enc *e);
/* Destroys the frame buffers: `all`, or those of another size than the host's that the
 * compositor released (window-objects.c). */
void ge_surface_free_buffers(struct ge_surface *s, bool all);

/* ---- syncs and images (sync.c, image.c) ---- */

struct ge_sync {
	struct wl_list link;
	uint32_t handle;
	struct ge_context *ctx; /* whose stream created it */
	bool signaled;
	bool destroyed;   /* eglDestroySync ran while a thread waits on it */
	unsigned waiters; /* threads in eglClientWaitSync */
};

struct ge_image {
	struct wl_list link;
	uint32_t handle;
	EGLenum target;
};

void ge_sync_destroy_now(struct ge_display *d, struct ge_sync *s);
void ge_image_destroy_now(struct ge_display *d, struct ge_image *img);
/* The handle of a live image of `d`, 0 if `image` is none. */
uint32_t ge_image_handle(struct ge_display *d, void *image);

#endif
