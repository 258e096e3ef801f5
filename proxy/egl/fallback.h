/*
 * Never worse than without gpupipe: a display of ours whose app asks for
 * something gpupipe does not stream falls back, as a whole, to the EGL
 * vendor glvnd would have used next (Mesa), which renders on the app's CPU
 * as it would have without us. See README.md here, "Falling back to the
 * next vendor".
 *
 * fallback.c: the next vendor (glvnd's vendor files, loaded lazily), the
 * decision (ge_can_stream) and the switch of a display. fallback-egl.c:
 * the EGL entry points as glvnd gets them once a fallback is possible,
 * forwarding a fallen-back display's calls. gl-trampolines.c (generated):
 * the GL commands (fallback-gl.h).
 */
#ifndef GE_FALLBACK_H
#define GE_FALLBACK_H

#include <stdbool.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <glvnd/libeglabi.h>

struct ge_display;
struct ge_fb_vendor;

/* A display that has fallen back: the next vendor's display for the same
 * native display, and the next vendor's configs for the ones the app got
 * from us before (by index: our config handles are 1..n). */
/* A surface the app got from us before the switch, and the next vendor's
 * in its place. Ours stays allocated (detached from everything) while the
 * pair lives, so no later handle of the next vendor can be the same pointer. */
struct ge_fb_surface {
	struct ge_surface *ours;
	EGLSurface next; /* where the next vendor made none, a handle no vendor knows */
};

struct ge_fb_display {
	struct ge_fb_vendor *v;
	EGLDisplay ndpy;
	EGLConfig *config_map;
	uint32_t n_configs;
	struct ge_fb_surface *surfaces; /* under fallback.c's lock */
	uint32_t n_surfaces;
};

/* The next vendor's surface for `surf` on a fallen-back display: its own
 * handle passes as it is; one the app got from us before the switch maps
 * to the one made in its place. */
EGLSurface ge_fb_surface(struct ge_fb_display *n, EGLSurface surf);
/* After the next vendor destroyed it: forgets `surf`'s pair (and frees ours). */
void ge_fb_surface_forget(struct ge_fb_display *n, EGLSurface surf);

/* ---- the decision ---- */

/* Something an app asks of a display that gpupipe may not stream. */
struct ge_request {
	const char *call;  /* "eglChooseConfig", "eglCreateContext" */
	EGLint renderable; /* EGL_RENDERABLE_TYPE asked for (config choice), 0: none */
	EGLenum api;       /* the API bound (context creation), 0: none */
	const EGLint *attribs;
	/* eglInitialize found no GL on the link (ge_display.no_gl_why): the display has
	 * nothing of gpupipe yet and switches before it is initialised. */
	bool at_initialize;
};

/* Can gpupipe stream this request on `d`? When not, *why says what is
 * missing (a static string). The one place that knows: desktop GL streaming
 * narrows it to what the host cannot do. */
bool ge_can_stream(struct ge_display *d, const struct ge_request *r, const char **why);

/* Can gpupipe stream a desktop OpenGL context of version major.minor,
 * EGL_CONTEXT_OPENGL_PROFILE_MASK `profile_mask` and forward compatibility
 * `forward` on `d` (initialised)? *api is the profile it asks for
 * (GL_API_GL_CORE or GL_API_GL_COMPAT). When not, *why says why (the
 * calling thread's buffer, until its next call). */
bool ge_desktop_request(struct ge_display *d, EGLint major, EGLint minor, EGLint profile_mask,
                        bool forward, uint32_t *api, const char **why);

/* ---- the next vendor (fallback.c) ---- */

/* At __egl_Main: finds the vendor files glvnd reads (loading nothing). */
void ge_fallback_init(uint32_t abi_version, const __EGLapiExports *exports,
                      __EGLvendorInfo *vendor);
/* A next vendor exists: the entry points must be the forwarding ones. */
bool ge_fallback_possible(void);
/* glvnd's setDispatchIndex calls, kept and passed on to the next vendor
 * (its __egl_Main resets its dispatch stubs' indices). */
void ge_fallback_set_dispatch_index(const char *name, int index);

/* The fallen-back state of `dpy` (NULL: ours, or not a display of ours). */
struct ge_fb_display *ge_fb_of(EGLDisplay dpy);
/* Switches `d` to the next vendor for `r` (which ge_can_stream refused, or an
 * eglInitialize that found no GL): false (and a log line) when it holds gpupipe
 * objects or no next vendor serves its native display. `terminate` is our own
 * eglTerminate, which lets go of what gpupipe held on the display (NULL: none). */
bool ge_fb_switch(struct ge_display *d, const struct ge_request *r, const char *why,
                  EGLBoolean (*terminate)(EGLDisplay));
/* The next vendor's function `name` (its direct implementation). */
void *ge_fb_proc(struct ge_fb_vendor *v, const char *name);
/* Sets our EGL error from the next vendor's (after a forwarded call). */
void ge_fb_take_error(struct ge_fb_vendor *v);
/* The next vendor's GL table, for ge_fb_gl_current. */
struct ge_fb_gl_table *ge_fb_gl_table(struct ge_fb_vendor *v);

/* ---- entry points (fallback-egl.c) ---- */

/* The forwarding wrapper of EGL function `name` around ours (`fn`, NULL if
 * we lack it); `fn` itself for names that take no display. */
void *ge_fallback_wrap_egl(const char *name, void *fn);

/* ---- vendor files (fallback.c; pure, for the unit tests) ---- */

/* The library paths of glvnd's vendor files, in glvnd's order:
 * `filenames` (__EGL_VENDOR_LIBRARY_FILENAMES, ':'-separated JSON files) if
 * set, else each directory of `dirs` (__EGL_VENDOR_LIBRARY_DIRS, or glvnd's
 * defaults) with its *.json files sorted by name. NULL-terminated; free
 * with ge_fb_free_paths. */
char **ge_fb_vendor_paths(const char *filenames, const char *dirs);
void ge_fb_free_paths(char **paths);
/* The ICD.library_path of a glvnd vendor file's text; NULL if none. */
char *ge_fb_json_library_path(const char *json);

#endif
