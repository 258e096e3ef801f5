/*
 * The next vendor and the switch of a display to it (see fallback.h and
 * README.md, "Falling back to the next vendor").
 *
 * glvnd binds an EGLDisplay to one vendor for good when it is created, and
 * gpu-0's displays are ours: so when an app asks one of them for something
 * gpupipe does not stream, we load the vendor glvnd would have used next
 * ourselves (its vendor file, its __egl_Main with glvnd's exports) and hand
 * it the display's wl_display; from then on the display's calls forward to
 * that vendor's display (fallback-egl.c) and its contexts' GL calls to that
 * vendor's GL (gl-trampolines.c).
 */
#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gpupipe/log.h>

#include "fallback-gl.h"
#include "fallback.h"
#include "ge.h"

/* libglvnd's own default (Debian's build: sysconfdir, then datadir). */
#define GLVND_DEFAULT_DIRS "/etc/glvnd/egl_vendor.d:/usr/share/glvnd/egl_vendor.d"
#define MAX_VENDORS 16

struct ge_fb_vendor {
	char *path;
	void *handle;
	bool failed; /* tried: not loadable, or ourselves */
	__EGLapiImports imports;
	EGLint (*get_error)(void);
	EGLBoolean (*initialize)(EGLDisplay, EGLint *, EGLint *);
	EGLBoolean (*choose_config)(EGLDisplay, const EGLint *, EGLConfig *, EGLint, EGLint *);
	EGLBoolean (*get_config_attrib)(EGLDisplay, EGLConfig, EGLint, EGLint *);
	struct ge_fb_gl_table *gl;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static uint32_t abi;
static const __EGLapiExports *exports;
static __EGLvendorInfo *self_info;
static struct ge_fb_vendor vendors[MAX_VENDORS];
static unsigned n_vendors;

/* glvnd's setDispatchIndex calls, replayed into each vendor we load. */
struct dispatch_index {
	char *name;
	int index;
};
static struct dispatch_index *indices;
static size_t n_indices, cap_indices;

/* ---- vendor files ---- */

static bool push(char ***list, size_t *n, char *s)
{
	char **l = realloc(*list, (*n + 2) * sizeof(char *));
	if (!l) {
		free(s);
		return false;
	}
	l[(*n)++] = s;
	l[*n] = NULL;
	*list = l;
	return true;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (n + 4096 + 1 > cap) {
			if (cap >= 1 << 20)
				break; /* no vendor file is that big */
			cap = cap ? cap * 2 : 8192;
			char *b = realloc(buf, cap);
			if (!b)
				break;
			buf = b;
		}
		size_t r = fread(buf + n, 1, 4096, f);
		n += r;
		if (r < 4096)
			break;
	}
	fclose(f);
	if (buf)
		buf[n] = '\0';
	return buf;
}

/* A JSON string at *p (after its opening quote); NULL on an escape we do
 * not need (\u) or no end. */
static char *json_string(const char *p)
{
	size_t n = 0;
	char *s = malloc(strlen(p) + 1);
	if (!s)
		return NULL;
	for (; *p && *p != '"'; p++) {
		if (*p == '\\') {
			p++;
			if (*p == '"' || *p == '\\' || *p == '/')
				s[n++] = *p;
			else
				goto fail;
		} else {
			s[n++] = *p;
		}
	}
	if (*p != '"')
		goto fail;
	s[n] = '\0';
	return s;
fail:
	free(s);
	return NULL;
}

char *ge_fb_json_library_path(const char *json)
{
	/* glvnd wants {"file_format_version": "1.x.y", "ICD": {"library_path": "..."}}:
	 * the key is unique in such a file, so finding it is enough. */
	static const char key[] = "\"library_path\"";
	const char *p = json ? strstr(json, key) : NULL;
	if (!p)
		return NULL;
	p += sizeof(key) - 1;
	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != ':')
		return NULL;
	while (isspace((unsigned char)*p))
		p++;
	if (*p++ != '"')
		return NULL;
	char *s = json_string(p);
	if (s && !*s) {
		free(s);
		s = NULL;
	}
	return s;
}

static void add_file(char ***list, size_t *n, const char *file)
{
	char *json = read_file(file);
	char *lib = ge_fb_json_library_path(json);
	free(json);
	if (lib)
		push(list, n, lib);
}

static int json_only(const struct dirent *e)
{
	if (e->d_type != DT_REG && e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
		return 0;
	return fnmatch("*.json", e->d_name, 0) == 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static void add_dir(char ***list, size_t *n, const char *dir)
{
	struct dirent **entries = NULL;
	int count = scandir(dir, &entries, json_only, by_name);
	for (int i = 0; i < count; i++) {
		char *path;
		size_t len = strlen(dir);
		if (asprintf(&path, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/",
		             entries[i]->d_name) >= 0) {
			add_file(list, n, path);
			free(path);
		}
		free(entries[i]);
	}
	free(entries);
}

char **ge_fb_vendor_paths(const char *filenames, const char *dirs)
{
	char **list = NULL;
	size_t n = 0;
	char *copy = strdup(filenames ? filenames : dirs ? dirs : GLVND_DEFAULT_DIRS);
	if (!copy)
		return NULL;
	char *save = NULL;
	for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
		if (filenames)
			add_file(&list, &n, tok);
		else
			add_dir(&list, &n, tok);
	}
	free(copy);
	if (!list)
		push(&list, &n, NULL); /* an empty list, not a failure */
	return list;
}

void ge_fb_free_paths(char **paths)
{
	for (char **p = paths; p && *p; p++)
		free(*p);
	free(paths);
}

/* ---- the next vendor ---- */

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

void ge_fallback_init(uint32_t abi_version, const __EGLapiExports *exp, __EGLvendorInfo *vendor)
{
	if (exports)
		return; /* glvnd loads a vendor once */
	abi = abi_version;
	exports = exp;
	self_info = vendor;
	/* As glvnd: the variables count only when not setuid/setgid. */
	bool trusted = getuid() == geteuid() && getgid() == getegid();
	const char *files = trusted ? getenv("__EGL_VENDOR_LIBRARY_FILENAMES") : NULL;
	const char *dirs = trusted ? getenv("__EGL_VENDOR_LIBRARY_DIRS") : NULL;
	char **paths = ge_fb_vendor_paths(files, dirs);
	Dl_info self;
	const char *self_name = dladdr((void *)ge_fallback_init, &self) ? self.dli_fname : "";
	for (char **p = paths; p && *p; p++) {
		/* Our own file (a build tree's, or the installed one): by name
		 * here, by handle at load. */
		bool self_file = strncmp(base_name(*p), "libEGL_gpupipe.", 15) == 0 ||
		                 strcmp(*p, self_name) == 0;
		if (self_file || n_vendors == MAX_VENDORS)
			free(*p);
		else
			vendors[n_vendors++].path = *p;
	}
	free(paths);
}

bool ge_fallback_possible(void)
{
	return n_vendors > 0;
}

void ge_fallback_set_dispatch_index(const char *name, int index)
{
	pthread_mutex_lock(&lock);
	if (n_indices == cap_indices) {
		size_t cap = cap_indices ? cap_indices * 2 : 32;
		struct dispatch_index *a = realloc(indices, cap * sizeof(*a));
		if (a) {
			indices = a;
			cap_indices = cap;
		}
	}
	char *copy = n_indices < cap_indices ? strdup(name) : NULL;
	if (copy)
		indices[n_indices++] = (struct dispatch_index){copy, index};
	for (unsigned i = 0; i < n_vendors; i++)
		if (vendors[i].handle)
			vendors[i].imports.setDispatchIndex(name, index);
	pthread_mutex_unlock(&lock);
}

/* Loads vendor `v` (lock held): false if it cannot serve. */
static bool load(struct ge_fb_vendor *v)
{
	if (v->handle)
		return true;
	if (v->failed)
		return false;
	v->failed = true;
	void *h = dlopen(v->path, RTLD_LAZY);
	if (!h) {
		gp_log(INFO, "EGL vendor %s: %s", v->path, dlerror());
		return false;
	}
	Dl_info self;
	void *self_h = dladdr((void *)load, &self) ? dlopen(self.dli_fname, RTLD_LAZY | RTLD_NOLOAD)
	                                           : NULL;
	if (self_h)
		dlclose(self_h);
	__PFNEGLMAINPROC main_fn = (__PFNEGLMAINPROC)dlsym(h, __EGL_MAIN_PROTO_NAME);
	memset(&v->imports, 0, sizeof(v->imports));
	/* The exports are glvnd's own: its current-API, current-context and
	 * error functions are the same for every vendor. If glvnd loaded this
	 * vendor too, its __egl_Main runs a second time: Mesa's resets its
	 * dispatch stubs' indices then, so glvnd's are replayed below. */
	if (h == self_h || !main_fn || !main_fn(abi, exports, self_info, &v->imports) ||
	    !v->imports.getPlatformDisplay || !v->imports.getProcAddress ||
	    !v->imports.setDispatchIndex) {
		dlclose(h);
		return false;
	}
	v->get_error = (EGLint(*)(void))v->imports.getProcAddress("eglGetError");
	v->initialize = (EGLBoolean(*)(EGLDisplay, EGLint *, EGLint *))v->imports.getProcAddress(
	        "eglInitialize");
	v->choose_config = (EGLBoolean(*)(EGLDisplay, const EGLint *, EGLConfig *, EGLint,
	                                  EGLint *))v->imports.getProcAddress("eglChooseConfig");
	v->get_config_attrib =
	        (EGLBoolean(*)(EGLDisplay, EGLConfig, EGLint, EGLint *))v->imports.getProcAddress(
	                "eglGetConfigAttrib");
	v->gl = calloc(1, sizeof(*v->gl) + ge_fb_gl_count() * sizeof(void *));
	if (!v->get_error || !v->initialize || !v->choose_config || !v->get_config_attrib ||
	    !v->gl) {
		free(v->gl);
		v->gl = NULL;
		dlclose(h);
		return false;
	}
	v->gl->get_proc_address = v->imports.getProcAddress;
	for (size_t i = 0; i < n_indices; i++)
		v->imports.setDispatchIndex(indices[i].name, indices[i].index);
	v->handle = h;
	v->failed = false;
	return true;
}

void *ge_fb_proc(struct ge_fb_vendor *v, const char *name)
{
	return v->imports.getProcAddress(name);
}

void ge_fb_take_error(struct ge_fb_vendor *v)
{
	ge_set_error(v->get_error());
}

struct ge_fb_gl_table *ge_fb_gl_table(struct ge_fb_vendor *v)
{
	return v->gl;
}

struct ge_fb_display *ge_fb_of(EGLDisplay dpy)
{
	struct ge_display *d = ge_display_from_handle(dpy);
	return d ? atomic_load_explicit(&d->fb, memory_order_acquire) : NULL;
}

/* ---- the decision ---- */

bool ge_desktop_request(struct ge_display *d, EGLint major, EGLint minor, EGLint profile_mask,
                        bool forward, uint32_t *api, const char **why)
{
	static __thread char buf[160];
	/* Before 3.2 there are no profiles: such a context is the compatibility
	 * one (Mesa's answer), as is any asking for that profile; but a
	 * forward-compatible 3.1 one has nothing deprecated, and EGL lets a 3.1
	 * request have a 3.2 or later core profile context (EGL_KHR_create_context). */
	bool old = major < 3 || (major == 3 && minor < 2);
	bool core31 = major == 3 && minor == 1 && forward;
	bool compat =
	        (old && !core31) || (!old && !(profile_mask & EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT));
	const char *profile = compat ? "compatibility" : "core";
	*api = compat ? GL_API_GL_COMPAT : GL_API_GL_CORE;
	uint32_t offered = d->apis[*api].level.version;
	*why = buf;
	if (major < 1 || minor < 0 || major > 255 || minor > 255) {
		snprintf(buf, sizeof(buf), "OpenGL %d.%d does not exist", major, minor);
	} else if (!old && !(profile_mask & (EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT |
	                                     EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT))) {
		snprintf(buf, sizeof(buf), "EGL_CONTEXT_OPENGL_PROFILE_MASK 0x%x names no profile",
		         profile_mask);
	} else if (!offered) {
		snprintf(buf, sizeof(buf),
		         "desktop OpenGL %d.%d in the %s profile: this host offers none (gpupipe "
		         "streams %s)",
		         major, minor, profile,
		         d->apis[GL_API_GL_CORE].level.version ||
		                         d->apis[GL_API_GL_COMPAT].level.version
		                 ? "the other profile"
		                 : "no desktop OpenGL here");
	} else if (GL_VERSION_CODE(major, minor) > offered) {
		snprintf(buf, sizeof(buf),
		         "OpenGL %d.%d %s profile asked, this host offers up to %u.%u", major,
		         minor, profile, GL_VERSION_MAJOR(offered), GL_VERSION_MINOR(offered));
	} else {
		*why = NULL;
		return true;
	}
	return false;
}

/* The version and profile an eglCreateContext's attributes ask for (EGL's
 * defaults: 1.0, core profile). */
static bool desktop_context_streams(struct ge_display *d, const EGLint *a, const char **why)
{
	EGLint major = 1, minor = 0, mask = EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
	bool forward = false;
	for (; a && a[0] != EGL_NONE; a += 2) {
		if (a[0] == EGL_CONTEXT_MAJOR_VERSION)
			major = a[1];
		else if (a[0] == EGL_CONTEXT_MINOR_VERSION)
			minor = a[1];
		else if (a[0] == EGL_CONTEXT_OPENGL_PROFILE_MASK)
			mask = a[1];
		else if (a[0] == EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE)
			forward |= a[1] == EGL_TRUE;
		else if (a[0] == EGL_CONTEXT_FLAGS_KHR)
			forward |= (a[1] & EGL_CONTEXT_OPENGL_FORWARD_COMPATIBLE_BIT_KHR) != 0;
	}
	uint32_t api;
	return ge_desktop_request(d, major, minor, mask, forward, &api, why);
}

bool ge_can_stream(struct ge_display *d, const struct ge_request *r, const char **why)
{
	if ((r->renderable & EGL_OPENGL_BIT) && !d->apis[GL_API_GL_CORE].level.version &&
	    !d->apis[GL_API_GL_COMPAT].level.version) {
		*why = "desktop OpenGL configs (EGL_OPENGL_BIT): this host offers no desktop "
		       "OpenGL";
		return false;
	}
	if (r->api == EGL_OPENGL_API)
		return desktop_context_streams(d, r->attribs, why);
	return true;
}

/* ---- the switch ---- */

/* The next vendor's config closest to ours, for a handle the app got from
 * us before the switch: the same colour sizes, at least our depth, stencil
 * and samples, a window config where ours is one; else the same colour
 * sizes alone; else the next vendor's first. */
static EGLConfig map_config(struct ge_fb_vendor *v, EGLDisplay ndpy, const struct ge_config *c)
{
	EGLint attribs[] = {
	        EGL_RED_SIZE,   c->red,     EGL_GREEN_SIZE,   c->green,
	        EGL_BLUE_SIZE,  c->blue,    EGL_ALPHA_SIZE,   c->alpha,
	        EGL_DEPTH_SIZE, c->depth,   EGL_STENCIL_SIZE, c->stencil,
	        EGL_SAMPLES,    c->samples, EGL_SURFACE_TYPE, c->surface_type & EGL_WINDOW_BIT,
	        EGL_NONE,
	};
	EGLConfig found[64];
	EGLint n = 0;
	for (int pass = 0; pass < 3 && n <= 0; pass++) {
		if (pass == 1)
			attribs[8] = EGL_NONE; /* colour sizes only */
		if (pass == 2)
			attribs[0] = EGL_NONE;
		if (!v->choose_config(ndpy, attribs, found, 64, &n))
			n = 0;
	}
	if (n <= 0)
		return NULL;
	/* eglChooseConfig sorts deeper colour first: prefer the exact sizes. */
	for (EGLint i = 0; i < n; i++) {
		EGLint r = -1, g = -1, b = -1, a = -1;
		v->get_config_attrib(ndpy, found[i], EGL_RED_SIZE, &r);
		v->get_config_attrib(ndpy, found[i], EGL_GREEN_SIZE, &g);
		v->get_config_attrib(ndpy, found[i], EGL_BLUE_SIZE, &b);
		v->get_config_attrib(ndpy, found[i], EGL_ALPHA_SIZE, &a);
		if (r == c->red && g == c->green && b == c->blue && a == c->alpha)
			return found[i];
	}
	return found[0];
}

/* Surfaces the app has from us that were never current (nothing was drawn
 * to them, nothing attached to their wl_surface): made again by the next
 * vendor, with the mapped config, on the same wl_egl_window or at the same
 * size, and paired with ours (lock and d->lock held). An app that makes
 * its window before asking for the context gpupipe does not stream (SDL
 * does) falls back all the same. */
static const char lost_surface;

static void carry_surfaces(struct ge_display *d, struct ge_fb_display *n)
{
	uint32_t count = (uint32_t)wl_list_length(&d->surfaces);
	n->surfaces = calloc(count ? count : 1, sizeof(*n->surfaces));
	if (!n->surfaces)
		return; /* then our eglTerminate ends them: the app's handles go bad */
	PFNEGLCREATEWINDOWSURFACEPROC window =
	        (PFNEGLCREATEWINDOWSURFACEPROC)ge_fb_proc(n->v, "eglCreateWindowSurface");
	PFNEGLCREATEPBUFFERSURFACEPROC pbuffer =
	        (PFNEGLCREATEPBUFFERSURFACEPROC)ge_fb_proc(n->v, "eglCreatePbufferSurface");
	struct ge_surface *s, *tmp;
	wl_list_for_each_safe(s, tmp, &d->surfaces, link)
	{
		EGLConfig config = n->config_map ? n->config_map[s->config - d->configs] : NULL;
		struct wl_egl_window *win = s->win;
		bool is_window = s->kind == GL_SURFACE_WINDOW;
		const EGLint size[] = {EGL_WIDTH,           s->width,   EGL_HEIGHT, s->height,
		                       EGL_LARGEST_PBUFFER, s->largest, EGL_NONE};
		/* Ours lets go of the wl_egl_window first: a vendor takes only a free one. */
		ge_surface_detach(s);
		EGLSurface next = EGL_NO_SURFACE;
		if (is_window && win && window)
			next = window(n->ndpy, config, (EGLNativeWindowType)win, NULL);
		else if (!is_window && pbuffer)
			next = pbuffer(n->ndpy, config, size);
		if (next == EGL_NO_SURFACE) {
			gp_log(WARN, "the next EGL vendor made no surface in place of %p (0x%x)",
			       (void *)s, n->v->get_error());
			/* A handle no vendor knows: EGL_BAD_SURFACE wherever it is used,
			 * never EGL_NO_SURFACE's meaning. */
			next = (EGLSurface)&lost_surface;
		}
		n->surfaces[n->n_surfaces++] = (struct ge_fb_surface){.ours = s, .next = next};
	}
}

EGLSurface ge_fb_surface(struct ge_fb_display *n, EGLSurface surf)
{
	EGLSurface out = surf;
	pthread_mutex_lock(&lock);
	for (uint32_t i = 0; i < n->n_surfaces; i++)
		if ((EGLSurface)n->surfaces[i].ours == surf)
			out = n->surfaces[i].next;
	pthread_mutex_unlock(&lock);
	return out;
}

void ge_fb_surface_forget(struct ge_fb_display *n, EGLSurface surf)
{
	pthread_mutex_lock(&lock);
	for (uint32_t i = 0; i < n->n_surfaces; i++) {
		if ((EGLSurface)n->surfaces[i].ours != surf)
			continue;
		free(n->surfaces[i].ours);
		n->surfaces[i] = n->surfaces[--n->n_surfaces];
		break;
	}
	pthread_mutex_unlock(&lock);
}

/* The display holds a gpupipe context or a surface drawn to: it cannot fall
 * back (surfaces never current are carried over: carry_surfaces). d->lock held. */
static bool display_holds(struct ge_display *d)
{
	bool holds = !wl_list_empty(&d->contexts);
	struct ge_surface *s;
	wl_list_for_each(s, &d->surfaces, link) holds |= s->used;
	return holds;
}

/* The next vendor's initialised display for d's wl_display (lock held). */
static struct ge_fb_display *open_next(struct ge_display *d)
{
	for (unsigned i = 0; i < n_vendors; i++) {
		struct ge_fb_vendor *v = &vendors[i];
		if (!load(v))
			continue;
		EGLDisplay ndpy =
		        v->imports.getPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, d->wl, NULL);
		EGLint major, minor;
		if (ndpy == EGL_NO_DISPLAY || !v->initialize(ndpy, &major, &minor)) {
			v->get_error();
			continue;
		}
		struct ge_fb_display *n = calloc(1, sizeof(*n));
		if (!n)
			return NULL;
		n->v = v;
		n->ndpy = ndpy;
		return n;
	}
	return NULL;
}

bool ge_fb_switch(struct ge_display *d, const struct ge_request *r, const char *why,
                  EGLBoolean (*terminate)(EGLDisplay))
{
	pthread_mutex_lock(&lock);
	if (atomic_load(&d->fb)) {
		pthread_mutex_unlock(&lock);
		return true;
	}
	pthread_mutex_lock(&d->lock);
	bool holds = display_holds(d);
	bool initialized = d->initialized;
	pthread_mutex_unlock(&d->lock);
	struct ge_fb_display *n = NULL;
	if ((!initialized && !r->at_initialize) || holds) {
		if (initialized && !d->fb_warned)
			gp_log(WARN,
			       "%s: %s, and this display already holds gpupipe contexts or "
			       "surfaces drawn to: refused (an app that asks for it first gets the "
			       "next EGL vendor)",
			       r->call, why);
		d->fb_warned = initialized;
		goto out;
	}
	n = open_next(d);
	if (!n) {
		if (!d->fb_warned)
			gp_log(WARN, "%s: %s, and no other EGL vendor serves this display: refused",
			       r->call, why);
		d->fb_warned = true;
		goto out;
	}
	/* Configs the app already has from us; then nothing of gpupipe stays
	 * on the display (our eglTerminate: binding, stream and configs). */
	pthread_mutex_lock(&d->lock);
	/* Another thread may have made a context or drawn meanwhile: then as above. */
	if (display_holds(d)) {
		pthread_mutex_unlock(&d->lock);
		gp_log(WARN, "%s: %s, and another thread made gpupipe objects meanwhile: refused",
		       r->call, why);
		free(n);
		n = NULL;
		goto out;
	}
	n->config_map = calloc(d->n_configs ? d->n_configs : 1, sizeof(EGLConfig));
	if (n->config_map) {
		n->n_configs = d->n_configs;
		for (uint32_t i = 0; i < d->n_configs; i++)
			n->config_map[i] = map_config(n->v, n->ndpy, &d->configs[i]);
	}
	carry_surfaces(d, n);
	pthread_mutex_unlock(&d->lock);
	if (terminate)
		terminate((EGLDisplay)d);
	atomic_store_explicit(&d->fb, n, memory_order_release);
	gp_log(WARN,
	       "%s: %s: this display falls back to the EGL vendor %s, which renders on this "
	       "CPU (not accelerated)",
	       r->call, why, n->v->path);
	d->fb_warned = true;
out:
	pthread_mutex_unlock(&lock);
	return n != NULL;
}
