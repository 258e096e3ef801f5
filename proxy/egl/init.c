/*
 * eglInitialize, eglTerminate, eglQueryString: the display stream and what
 * the host says it can do (GL_OP_INIT: configs, strings, limits).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gpupipe/gl-codec.h>
#include <gpupipe/log.h>

#include "ge.h"
#include "gles-codec.h"
#include "gpupipe-v1-client-protocol.h"
#include "client-gl.h"

#ifndef GE_VERSION
#define GE_VERSION "0"
#endif

static const char *const client_extensions =
        "EGL_EXT_platform_base EGL_KHR_platform_wayland EGL_EXT_platform_wayland "
        "EGL_KHR_client_get_all_proc_addresses";

/* A blob of the INIT reply; false when it does not fit. */
static const void *read_blob(struct gl_reader *r, uint32_t *n)
{
	const void *p = gl_rd_blob(r, n);
	if (r->bad || *n == GL_BLOB_NULL)
		return NULL;
	return p ? p : "";
}

static char *dup_bytes(const void *p, uint32_t n)
{
	char *s = malloc((size_t)n + 1);
	if (s) {
		memcpy(s, p, n);
		s[n] = '\0';
	}
	return s;
}

/* True when `ext` is a whole word of the space-separated `list`. */
static bool has_word(const char *list, const char *ext)
{
	size_t n = strlen(ext);
	for (const char *p = list; (p = strstr(p, ext)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

/* Appends `ext` to the API's extension string when the host has it. */
static void add_gl_extension(struct ge_api *api, const char *ext)
{
	if (!has_word(api->host_strings[GE_HOST_EXTENSIONS], ext))
		return;
	if (*api->gl_extensions)
		strcat(api->gl_extensions, " ");
	strcat(api->gl_extensions, ext);
}

/* glGetStringi's list: the words of gl_extensions. */
static bool split_extensions(struct ge_api *api)
{
	uint32_t n = 0;
	for (const char *p = api->gl_extensions; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		n++;
		while (*p && *p != ' ')
			p++;
	}
	api->extension_list = calloc(n + 1, sizeof(char *));
	if (!api->extension_list)
		return false;
	const char *p = api->gl_extensions;
	for (uint32_t i = 0; i < n; i++) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!(api->extension_list[i] = dup_bytes(p, (uint32_t)len)))
			return false;
		api->n_extensions = i + 1;
		p += len;
	}
	return true;
}

/* What a context of `api` tells the app: our extensions where the host
 * has them (GL_OES_EGL_image and GL_EXT_EGL_image_storage also need the
 * host's EGL images), and the
 * version strings of the level it gets. */
/* Desktop OpenGL's GL_VERSION ("4.5 (Core Profile) ...", as GL defines it:
 * the version first) and GL_SHADING_LANGUAGE_VERSION (1.50 for 3.2, else
 * the GL version's own: 3.30, 4.50). */
static bool build_desktop_strings(struct ge_api *api, unsigned major, unsigned minor)
{
	const char *profile =
	        api->level.api == GL_API_GL_CORE ? "Core Profile" : "Compatibility Profile";
	if (asprintf(&api->gl_version, "%u.%u (%s) gpupipe %s (host: %s)", major, minor, profile,
	             GE_VERSION, api->host_strings[GE_HOST_VERSION]) < 0)
		api->gl_version = NULL;
	bool glsl150 = major == 3 && minor == 2;
	if (asprintf(&api->glsl_version, "%u.%02u", glsl150 ? 1 : major,
	             glsl150 ? 50 : minor * 10) < 0)
		api->glsl_version = NULL;
	return api->gl_version && api->glsl_version;
}

static bool build_api_strings(struct ge_display *d, struct ge_api *api)
{
	/* Extensions gl.xml does not know, so the codec has no bit for: they
	 * add no command and no enum the host checks. GL_OES_surfaceless_context
	 * (EGL_KHR_surfaceless_context needs it on GLES); GL_EXT_frag_depth, a
	 * GLSL ES 1.00 built-in (gl_FragDepthEXT) glslang knows. */
	static const char *const unlisted[] = {"GL_OES_surfaceless_context", "GL_EXT_frag_depth"};
	struct gles_level *l = &api->level;
	size_t cap = 1;
	for (size_t i = 0; i < sizeof(unlisted) / sizeof(unlisted[0]); i++)
		cap += strlen(unlisted[i]) + 1;
	cap += strlen("GL_OES_EGL_sync") + 1;
	for (const char *const *x = gl_gles_extensions; *x; x++)
		cap += strlen(*x) + 1;
	api->gl_extensions = calloc(1, cap);
	if (!api->gl_extensions)
		return false;
	uint64_t offered[GLES_EXT_WORDS];
	memcpy(offered, l->exts, sizeof(offered));
	memset(l->exts, 0, sizeof(l->exts));
	for (int i = 0; i < GLES_EXT_COUNT; i++) {
		const char *x = gl_gles_extensions[i];
		bool needs_image = strcmp(x, "GL_OES_EGL_image") == 0 ||
		                   strcmp(x, "GL_EXT_EGL_image_storage") == 0;
		if (!((offered[i / 64] >> (i % 64)) & 1u) ||
		    (needs_image && !(d->host.features & GL_HOST_IMAGE)))
			continue;
		add_gl_extension(api, x);
		gles_level_add_extension(l, i);
	}
	bool desktop = gl_api_desktop(l->api);
	for (size_t i = 0; !desktop && i < sizeof(unlisted) / sizeof(unlisted[0]); i++)
		add_gl_extension(api, unlisted[i]);
	/* GL_OES_EGL_sync (not in gl.xml either): EGL fence syncs in this
	 * API's command stream, where our EGL has them (and, as above, the
	 * host's GL has the extension). */
	if (!desktop && d->host.features & GL_HOST_FENCE_SYNC)
		add_gl_extension(api, "GL_OES_EGL_sync");
	if (!split_extensions(api))
		return false;
	unsigned major = GL_VERSION_MAJOR(l->version), minor = GL_VERSION_MINOR(l->version);
	if (desktop)
		return build_desktop_strings(api, major, minor);
	/* "OpenGL ES-CM 1.1 ..." for OpenGL ES 1 (the common profile), as GL
	 * ES 1.1 defines the string; it has no shading language. */
	if (asprintf(&api->gl_version, "%s %u.%u gpupipe %s (host: %s)", gl_api_name(l->api), major,
	             minor, GE_VERSION, api->host_strings[GE_HOST_VERSION]) < 0)
		api->gl_version = NULL;
	if (l->api == GL_API_GLES1)
		return api->gl_version != NULL;
	/* GLSL ES follows the API: 1.00 for ES 2.0, else 3.00, 3.10, 3.20. */
	if (asprintf(&api->glsl_version, "OpenGL ES GLSL ES %u.%02u", major > 2 ? major : 1,
	             major > 2 ? minor * 10 : 0) < 0)
		api->glsl_version = NULL;
	return api->gl_version && api->glsl_version;
}

static void build_egl_strings(struct ge_display *d)
{
	uint32_t f = d->host.features;
	const char *fence = f & GL_HOST_FENCE_SYNC ? " EGL_KHR_fence_sync" : "";
	const char *wait =
	        f & GL_HOST_FENCE_SYNC && f & GL_HOST_WAIT_SYNC ? " EGL_KHR_wait_sync" : "";
	const char *robust = f & GL_HOST_ROBUSTNESS ? " EGL_EXT_create_context_robustness" : "";
	const char *image = f & GL_HOST_IMAGE ? " EGL_KHR_image_base EGL_KHR_gl_texture_2D_image"
	                                        " EGL_KHR_gl_renderbuffer_image"
	                                      : "";
	if (asprintf(&d->egl_extensions,
	             "EGL_KHR_platform_wayland EGL_EXT_platform_wayland EGL_EXT_buffer_age "
	             "EGL_KHR_swap_buffers_with_damage EGL_EXT_swap_buffers_with_damage "
	             "EGL_KHR_surfaceless_context EGL_KHR_create_context "
	             "EGL_KHR_no_config_context EGL_KHR_get_all_proc_addresses%s%s%s%s",
	             fence, wait, image, robust) < 0)
		d->egl_extensions = NULL;
}

/* The most a host may offer of `api`: what the codec streams (a test build
 * takes what a host with GPUPIPE_TEST_OFFER_PENDING offers: info.c). */
static uint32_t most_offered(uint32_t api)
{
#ifdef GPUPIPE_TEST_HOOKS
	return gles_landing_version[api] > gles_streamed_version[api] ? gles_landing_version[api]
	                                                              : gles_streamed_version[api];
#else
	return gles_streamed_version[api];
#endif
}

/* One API block of the INIT reply. */
static bool parse_api(struct ge_display *d, struct gl_reader *r)
{
	uint32_t n;
	struct gl_api_info info;
	const void *p = read_blob(r, &n);
	if (!p || n != sizeof(info))
		return false;
	memcpy(&info, p, sizeof(info));
	/* Only what this library streams; at most once each. */
	if (info.api >= GL_API_COUNT || d->apis[info.api].level.version ||
	    info.version < GL_VERSION_CODE(1, 0) || info.version > most_offered(info.api))
		return false;
	struct ge_api *api = &d->apis[info.api];
	api->level.api = info.api;
	api->level.version = info.version;
	memcpy(api->level.exts, info.exts, sizeof(api->level.exts));
	for (int i = 0; i < 5; i++) {
		const void *str = read_blob(r, &n);
		if (!str || !(api->host_strings[i] = dup_bytes(str, n)))
			return false;
	}
	const void *limits = read_blob(r, &n);
	if (!limits || n % sizeof(struct gl_limit))
		return false;
	api->limits = malloc(n ? n : 1);
	if (!api->limits)
		return false;
	memcpy(api->limits, limits, n);
	api->n_limits = n / (uint32_t)sizeof(struct gl_limit);
	return build_api_strings(d, api);
}

/* The EGL_RENDERABLE_TYPE bits of the APIs the host offers. */
static EGLint renderable_bits(const struct ge_display *d)
{
	EGLint bits = 0;
	uint32_t es = d->apis[GL_API_GLES2].level.version;
	if (d->apis[GL_API_GLES1].level.version)
		bits |= EGL_OPENGL_ES_BIT;
	if (es >= GL_VERSION_CODE(2, 0))
		bits |= EGL_OPENGL_ES2_BIT;
	if (es >= GL_VERSION_CODE(3, 0))
		bits |= EGL_OPENGL_ES3_BIT;
	if (d->apis[GL_API_GL_CORE].level.version || d->apis[GL_API_GL_COMPAT].level.version)
		bits |= EGL_OPENGL_BIT;
	return bits;
}

/* The codec this library speaks: GLES_CODEC_ID. Test builds may pretend to be another
 * release (GPUPIPE_TEST_CODEC, hexadecimal), to test what an app gets then. */
static uint64_t library_codec(void)
{
#ifdef GPUPIPE_TEST_HOOKS
	const char *pretend = getenv("GPUPIPE_TEST_CODEC");
	if (pretend && *pretend)
		return strtoull(pretend, NULL, 16);
#endif
	return GLES_CODEC_ID;
}

enum init_result {
	INIT_OK,
	INIT_MALFORMED,
	INIT_NO_GL, /* a host of another release, or one that offers no API: logged */
};

static enum init_result parse_init(struct ge_display *d, const uint8_t *p, uint32_t size)
{
	struct gl_reader r = {.p = p, .left = size};
	uint32_t n, version;
	/* The version is the first u32 in every release (gl-stream.h). */
	if (size < sizeof(version))
		return INIT_MALFORMED;
	memcpy(&version, p, sizeof(version));
	if (version == GL_STREAM_VERSION && size >= sizeof(d->host))
		memcpy(&d->host, p, sizeof(d->host));
	if (version != GL_STREAM_VERSION ||
	    (size >= sizeof(d->host) && d->host.codec != library_codec())) {
		gp_log(WARN,
		       "gpupipe-host speaks GL stream %u (codec %016" PRIx64 "), this library %u "
		       "(codec %016" PRIx64 "): no GL on this display; install the same gpupipe "
		       "release in the app's VM and in the GPU domain",
		       version, version == GL_STREAM_VERSION ? d->host.codec : 0, GL_STREAM_VERSION,
		       library_codec());
		d->no_gl_why = "gpupipe-host is of another gpupipe release";
		return INIT_NO_GL;
	}
	if (size < sizeof(d->host))
		return INIT_MALFORMED;
	r.p += sizeof(d->host);
	r.left -= sizeof(d->host);
	if (d->host.n_apis > GL_API_COUNT)
		return INIT_MALFORMED;
	if (!d->host.n_apis) {
		gp_log(WARN, "gpupipe-host offers no GL API: no EGL on this display");
		d->no_gl_why = "gpupipe-host offers no GL";
		return INIT_NO_GL;
	}
	const void *configs = read_blob(&r, &n);
	if (!configs || n != (uint64_t)d->host.n_configs * sizeof(struct gl_config_info))
		return INIT_MALFORMED;
	for (uint32_t i = 0; i < d->host.n_apis; i++) {
		if (!parse_api(d, &r))
			return INIT_MALFORMED;
	}
	if (r.left)
		return INIT_MALFORMED;
	d->configs = calloc(d->host.n_configs + 1, sizeof(*d->configs));
	if (!d->configs)
		return INIT_MALFORMED;
	d->n_configs = ge_configs_from_host(configs, d->host.n_configs, &d->host,
	                                    renderable_bits(d), d->configs);
	build_egl_strings(d);
	return d->egl_extensions ? INIT_OK : INIT_MALFORMED;
}

static void free_host_info(struct ge_display *d)
{
	free(d->configs);
	d->configs = NULL;
	d->n_configs = 0;
	for (int a = 0; a < GL_API_COUNT; a++) {
		struct ge_api *api = &d->apis[a];
		for (int i = 0; i < 5; i++)
			free(api->host_strings[i]);
		free(api->limits);
		free(api->gl_version);
		free(api->glsl_version);
		free(api->gl_extensions);
		for (uint32_t i = 0; i < api->n_extensions; i++)
			free(api->extension_list[i]);
		free(api->extension_list);
		*api = (struct ge_api){0};
	}
	free(d->egl_extensions);
	d->egl_extensions = NULL;
}

static bool initialize(struct ge_display *d)
{
	if (!d->wl || !ge_display_probe(d))
		return false;
	if (!d->stream && !(d->stream = ge_stream_open(d, NULL)))
		return false;
	struct gl_op_init init = {.version = GL_STREAM_VERSION, .codec = library_codec()};
	d->no_gl_why = NULL;
	uint32_t size;
	const uint8_t *reply = NULL;
	if (ge_stream_op(d->stream, GL_OP_INIT, &init, sizeof(init)))
		reply = gl_enc_reply(d->stream, GL_OP_INIT, &size);
	free_host_info(d);
	enum init_result result = reply ? parse_init(d, reply, size) : INIT_MALFORMED;
	if (result == INIT_OK)
		return true;
	if (result == INIT_MALFORMED) {
		if (reply)
			ge_stream_lose(d->stream, "malformed GL_OP_INIT reply");
		gp_log(WARN, "gpupipe-host did not describe its GL: no EGL on this display");
	}
	free_host_info(d);
	return false;
}

static EGLBoolean egl_initialize(EGLDisplay dpy, EGLint *major, EGLint *minor)
{
	struct ge_display *d = ge_display_lock(dpy, false);
	if (!d)
		return EGL_FALSE;
	if (!d->initialized && !ge_display_lost(d)) {
		/* Terminated while a context was current: the binding, the
		 * display stream and the configs are still held for it, and
		 * serve the new initialization (the host's GL has not
		 * changed). Else a fresh binding and stream. */
		d->initialized = d->terminating || initialize(d);
		d->terminating = false;
	}
	bool ok = d->initialized;
	ge_display_unlock(d);
	if (!ok)
		return ge_fail(EGL_NOT_INITIALIZED);
	if (major)
		*major = 1;
	if (minor)
		*minor = 5;
	return ge_ok();
}

/* Display locked, nothing current: releases what the objects left and the
 * Wayland objects of the probe (the app may disconnect next). The next
 * eglInitialize binds gpupipe_v1 again, as Mesa re-binds its globals. */
static void teardown(struct ge_display *d)
{
	struct ge_context *c, *ctmp;
	struct ge_surface *s, *stmp;
	struct ge_sync *y, *ytmp;
	struct ge_image *i, *itmp;
	wl_list_for_each_safe(y, ytmp, &d->syncs, link) ge_sync_destroy_now(d, y);
	wl_list_for_each_safe(i, itmp, &d->images, link) ge_image_destroy_now(d, i);
	wl_list_for_each_safe(s, stmp, &d->surfaces, link) ge_surface_destroy_now(s);
	wl_list_for_each_safe(c, ctmp, &d->contexts, link) ge_context_destroy_now(c);
	ge_stream_close(d->stream);
	d->stream = NULL;
	ge_display_unprobe(d);
	free_host_info(d);
	d->terminating = false;
	atomic_store(&d->streams.lost, false);
}

void ge_display_maybe_finish_terminate(struct ge_display *d)
{
	struct ge_context *c;
	if (!d->terminating)
		return;
	wl_list_for_each(c, &d->contexts, link) if (c->current) return;
	teardown(d);
}

/* EGL 1.5, 3.2: every object of the display is marked for deletion (its
 * handle is invalid from now on); what is current on some thread stays
 * usable there until released, and is destroyed then. Surfaces before
 * contexts: a surface's destruction is ordered after its last context. */
static void mark_for_deletion(struct ge_display *d)
{
	struct ge_context *c, *ctmp;
	struct ge_surface *s, *stmp;
	struct ge_sync *y, *ytmp;
	struct ge_image *i, *itmp;
	wl_list_for_each_safe(y, ytmp, &d->syncs, link)
	{
		if (y->waiters)
			y->destroyed = true; /* the last waiter destroys it */
		else
			ge_sync_destroy_now(d, y);
	}
	wl_list_for_each_safe(i, itmp, &d->images, link) ge_image_destroy_now(d, i);
	wl_list_for_each_safe(s, stmp, &d->surfaces, link)
	{
		if (s->bound)
			s->destroyed = true;
		else if (!s->destroyed)
			ge_surface_destroy_now(s);
	}
	wl_list_for_each_safe(c, ctmp, &d->contexts, link)
	{
		if (c->current)
			c->destroyed = true;
		else
			ge_context_destroy_now(c);
	}
}

static EGLBoolean egl_terminate(EGLDisplay dpy)
{
	struct ge_display *d = ge_display_lock(dpy, false);
	if (!d)
		return EGL_FALSE;
	if (d->initialized) {
		d->initialized = false;
		d->terminating = true;
		mark_for_deletion(d);
		ge_display_maybe_finish_terminate(d);
	}
	ge_display_unlock(d);
	return ge_ok();
}

static const char *egl_query_string(EGLDisplay dpy, EGLint name)
{
	if (dpy == EGL_NO_DISPLAY && name == EGL_EXTENSIONS) {
		ge_set_error(EGL_SUCCESS);
		return client_extensions;
	}
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return NULL;
	const char *s = NULL;
	switch (name) {
	case EGL_VENDOR:
		s = "gpupipe";
		break;
	case EGL_VERSION:
		s = "1.5 gpupipe " GE_VERSION;
		break;
	case EGL_CLIENT_APIS:
		/* Desktop OpenGL where the host offers a profile of it (waffle and
		 * others look here before they ask for a desktop context). */
		s = d->apis[GL_API_GL_CORE].level.version || d->apis[GL_API_GL_COMPAT].level.version
		            ? "OpenGL OpenGL_ES"
		            : "OpenGL_ES";
		break;
	case EGL_EXTENSIONS:
		s = d->egl_extensions;
		break;
	}
	ge_display_unlock(d);
	ge_set_error(s ? EGL_SUCCESS : EGL_BAD_PARAMETER);
	return s;
}

const struct ge_proc ge_display_procs[] = {
        {"eglInitialize", (void *)egl_initialize},
        {"eglTerminate", (void *)egl_terminate},
        {"eglQueryString", (void *)egl_query_string},
        {NULL, NULL},
};
