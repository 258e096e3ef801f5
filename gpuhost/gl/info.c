/*
 * What the host can render, told to the app once per display (GL_OP_INIT):
 * the EGL configs usable for GLES 2 pbuffers in the formats frames travel
 * in, and for each API the highest version and the extensions of ours a
 * context may have, the host GL's strings, and the immutable limits the
 * app's library answers glGet* with. Queried once, during set-up: GLES 2+
 * in the present context, OpenGL ES 1.1 in a context made for it.
 */
#include <stdlib.h>
#include <string.h>

#include <gpupipe/log.h>

#include "draws.h"
#include "executor.h"
#include "extensions.h"
#include "gl.h"
#include "gles-codec.h"
#include "host-egl.h"
#include "shader-check.h"

#define MAX_CONFIGS 256u

static EGLint attr(struct gh_gl *gl, EGLConfig c, EGLint name)
{
	EGLint v = 0;
	eglGetConfigAttrib(gl->egl.dpy, c, name, &v);
	return v;
}

/* Frames are 8-bit BGRA/BGRX: only configs that render exactly that. */
static bool config_usable(struct gh_gl *gl, EGLConfig c)
{
	EGLint alpha = attr(gl, c, EGL_ALPHA_SIZE);
	return (attr(gl, c, EGL_SURFACE_TYPE) & EGL_PBUFFER_BIT) &&
	       (attr(gl, c, EGL_RENDERABLE_TYPE) & EGL_OPENGL_ES2_BIT) &&
	       attr(gl, c, EGL_COLOR_BUFFER_TYPE) == EGL_RGB_BUFFER &&
	       attr(gl, c, EGL_RED_SIZE) == 8 && attr(gl, c, EGL_GREEN_SIZE) == 8 &&
	       attr(gl, c, EGL_BLUE_SIZE) == 8 && (alpha == 0 || alpha == 8) &&
	       attr(gl, c, EGL_CONFIG_ID) > 0 && attr(gl, c, EGL_SAMPLES) <= 255;
}

static bool load_configs(struct gh_gl *gl)
{
	EGLint n = 0;
	if (!eglGetConfigs(gl->egl.dpy, NULL, 0, &n) || n <= 0)
		return false;
	EGLConfig *all = calloc((size_t)n, sizeof(*all));
	gl->configs = calloc(MAX_CONFIGS, sizeof(*gl->configs));
	if (!all || !gl->configs || !eglGetConfigs(gl->egl.dpy, all, n, &n)) {
		free(all);
		return false;
	}
	for (EGLint i = 0; i < n && gl->n_configs < MAX_CONFIGS; i++) {
		EGLConfig c = all[i];
		if (!config_usable(gl, c))
			continue;
		struct gh_gl_config *cfg = &gl->configs[gl->n_configs++];
		cfg->egl = c;
		cfg->info = (struct gl_config_info){
		        .config_id = (uint32_t)attr(gl, c, EGL_CONFIG_ID),
		        .red = 8,
		        .green = 8,
		        .blue = 8,
		        .alpha = (uint8_t)attr(gl, c, EGL_ALPHA_SIZE),
		        .depth = (uint8_t)attr(gl, c, EGL_DEPTH_SIZE),
		        .stencil = (uint8_t)attr(gl, c, EGL_STENCIL_SIZE),
		        .samples = (uint8_t)attr(gl, c, EGL_SAMPLES),
		        .sample_buffers = (uint8_t)attr(gl, c, EGL_SAMPLE_BUFFERS),
		        .caveat = (uint32_t)attr(gl, c, EGL_CONFIG_CAVEAT),
		        .renderable = (uint32_t)attr(gl, c, EGL_RENDERABLE_TYPE),
		};
	}
	free(all);
	return gl->n_configs > 0;
}

bool gh_gl_configs_load(struct gh_gl *gl)
{
	if (load_configs(gl))
		return true;
	gp_log(ERROR, "host EGL has no 8-bit RGB pbuffer config for GLES 2");
	return false;
}

struct gh_gl_config *gh_gl_config_find(struct gh_gl *gl, uint32_t config_id)
{
	for (uint32_t i = 0; i < gl->n_configs; i++) {
		if (gl->configs[i].info.config_id == config_id)
			return &gl->configs[i];
	}
	return NULL;
}

/* Immutable values of every host context, as GLES 2 names them. */
static const struct {
	uint32_t pname, count;
	bool is_float;
} limit_pnames[] = {
        {GL_MAX_VERTEX_ATTRIBS, 1, false},
        {GL_MAX_VERTEX_UNIFORM_VECTORS, 1, false},
        {GL_MAX_VARYING_VECTORS, 1, false},
        {GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS, 1, false},
        {GL_MAX_VERTEX_TEXTURE_IMAGE_UNITS, 1, false},
        {GL_MAX_TEXTURE_IMAGE_UNITS, 1, false},
        {GL_MAX_FRAGMENT_UNIFORM_VECTORS, 1, false},
        {GL_MAX_CUBE_MAP_TEXTURE_SIZE, 1, false},
        {GL_MAX_RENDERBUFFER_SIZE, 1, false},
        {GL_MAX_TEXTURE_SIZE, 1, false},
        {GL_MAX_VIEWPORT_DIMS, 2, false},
        {GL_ALIASED_POINT_SIZE_RANGE, 2, true},
        {GL_ALIASED_LINE_WIDTH_RANGE, 2, true},
        {GL_SUBPIXEL_BITS, 1, false},
        {GL_NUM_COMPRESSED_TEXTURE_FORMATS, 1, false},
        {GL_NUM_SHADER_BINARY_FORMATS, 1, false},
        {GL_SHADER_COMPILER, 1, false},
        {GL_MAX_3D_TEXTURE_SIZE, 1, false},
        {GL_MAX_ARRAY_TEXTURE_LAYERS, 1, false},
        {GL_NUM_PROGRAM_BINARY_FORMATS, 1, false},
        {GL_MAX_VERTEX_ATTRIB_BINDINGS, 1, false},
        /* Not ES 2.0, but Mesa's ES contexts answer it (EXT_clip_cull_distance
         * reuses the value) and piglit's shader_runner asks for it natively. */
        {0x0D32 /* GL_MAX_CLIP_PLANES */, 1, false},
        /* GL_KHR_debug's (the library keeps its log and group stack by them). */
        {GL_MAX_DEBUG_MESSAGE_LENGTH_KHR, 1, false},
        {GL_MAX_DEBUG_LOGGED_MESSAGES_KHR, 1, false},
        {GL_MAX_DEBUG_GROUP_STACK_DEPTH_KHR, 1, false},
        {GL_MAX_LABEL_LENGTH_KHR, 1, false},
};
#define N_LIMITS (sizeof(limit_pnames) / sizeof(limit_pnames[0]))

/* Also sets the host's own limits from the values, which its checks use,
 * from the ES context; a desktop context's (gl NULL) only for the app. */
static uint32_t query_limits(struct gh_gl *gl, struct gl_limit *out)
{
	uint32_t n = 0;
	struct gh_gl scratch;
	if (!gl)
		gl = &scratch;
	gl->max_width = gl->max_height = GL_MAX_SURFACE_SIZE;
	for (size_t i = 0; i < N_LIMITS; i++) {
		struct gl_limit *l = &out[n];
		*l = (struct gl_limit){.pname = limit_pnames[i].pname,
		                       .count = limit_pnames[i].count};
		GLint iv[4] = {0};
		if (limit_pnames[i].is_float) {
			gles_host.glGetFloatv(l->pname, l->values);
		} else {
			gles_host.glGetIntegerv(l->pname, iv);
			for (uint32_t k = 0; k < l->count; k++)
				l->values[k] = (float)iv[k];
		}
		/* Mesa advertises EGL_MAX_PBUFFER_* of 4096 and makes bigger ones
		 * anyway: the GL limits say what a back buffer can be. */
		if (l->pname == GL_MAX_RENDERBUFFER_SIZE || l->pname == GL_MAX_VIEWPORT_DIMS) {
			if (iv[0] > 0 && (uint32_t)iv[0] < gl->max_width)
				gl->max_width = (uint32_t)iv[0];
			uint32_t h = (uint32_t)iv[l->count - 1];
			if (h > 0 && h < gl->max_height)
				gl->max_height = h;
		}
		if (l->pname == GL_MAX_COMBINED_TEXTURE_IMAGE_UNITS)
			gl->max_texture_units = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_TEXTURE_SIZE)
			gl->max_texture_size = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_CUBE_MAP_TEXTURE_SIZE)
			gl->max_cube_size = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_RENDERBUFFER_SIZE)
			gl->max_renderbuffer_size = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_3D_TEXTURE_SIZE)
			gl->max_3d_texture_size = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_ARRAY_TEXTURE_LAYERS)
			gl->max_array_layers = iv[0] > 0 ? (uint32_t)iv[0] : 0;
		if (l->pname == GL_MAX_VERTEX_ATTRIBS) {
			gl->host_max_attribs = (uint32_t)iv[0];
			if (l->values[0] > GH_GL_MAX_ATTRIBS)
				l->values[0] = GH_GL_MAX_ATTRIBS;
			gl->max_attribs = (uint32_t)l->values[0];
		}
		/* ES 3.1's binding points, capped as attributes are; before ES
		 * 3.1 each attribute is its own binding point. */
		if (l->pname == GL_MAX_VERTEX_ATTRIB_BINDINGS) {
			gl->host_max_bindings = iv[0] > 0 ? (uint32_t)iv[0] : 0;
			if (l->values[0] > GH_GL_MAX_ATTRIBS)
				l->values[0] = GH_GL_MAX_ATTRIBS;
			gl->max_bindings = iv[0] > 0 ? (uint32_t)l->values[0] : 0;
		}
		/* Every shader is source that glslang checks: no binaries. */
		if (l->pname == GL_NUM_SHADER_BINARY_FORMATS ||
		    l->pname == GL_NUM_PROGRAM_BINARY_FORMATS)
			l->values[0] = 0;
		n++;
	}
	return n;
}

/* A core profile context's GL_EXTENSIONS, one glGetStringi each, joined
 * (malloc'd; NULL where there are none). */
static char *core_extensions(void)
{
	GLint n = 0;
	gles_host.glGetIntegerv(GL_NUM_EXTENSIONS, &n);
	size_t size = 1;
	for (GLint i = 0; i < n; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		size += e ? strlen(e) + 1 : 0;
	}
	char *out = n > 0 ? calloc(1, size) : NULL;
	for (GLint i = 0; out && i < n; i++) {
		const char *e = (const char *)gles_host.glGetStringi(GL_EXTENSIONS, (GLuint)i);
		if (e && strlen(out) + strlen(e) + 2 <= size) {
			if (*out)
				strcat(out, " ");
			strcat(out, e);
		}
	}
	return out;
}

/* GL_EXTENSIONS without the extensions of ours whose functions the host
 * lacks (the app's library intersects the rest with what it implements). */
static char *host_extensions(bool core)
{
	char *joined = core ? core_extensions() : NULL;
	const char *all = core ? joined : (const char *)gles_host.glGetString(GL_EXTENSIONS);
	char *out = calloc(1, all ? strlen(all) + 1 : 1);
	if (!out || !all) {
		free(joined);
		return out;
	}
	char *copy = strdup(all), *save = NULL;
	for (char *tok = copy ? strtok_r(copy, " ", &save) : NULL; tok;
	     tok = strtok_r(NULL, " ", &save)) {
		if (gh_egl_has_extension(GLES_EXTENSIONS, tok) && !gles_host_extension_ok(tok))
			continue;
		if (*out)
			strcat(out, " ");
		strcat(out, tok);
	}
	free(copy);
	free(joined);
	return out;
}

static uint8_t *put_blob(uint8_t *p, const void *data, uint32_t n)
{
	memcpy(p, &n, 4);
	memcpy(p + 4, data, n);
	memset(p + 4 + n, 0, ((n + 3) & ~3u) - n);
	return p + 4 + ((n + 3) & ~3u);
}

static uint32_t features(struct gh_gl *gl)
{
	uint32_t f = 0;
	if (gl->present == GH_GL_PRESENT_DMABUF)
		f |= GL_HOST_DMABUF;
	if (gl->egl.fence_sync)
		f |= GL_HOST_FENCE_SYNC;
	if (gl->egl.wait_sync)
		f |= GL_HOST_WAIT_SYNC;
	if (gl->egl.image_texture && gl->egl.image_renderbuffer &&
	    gles_host.glEGLImageTargetTexture2DOES &&
	    gles_host.glEGLImageTargetRenderbufferStorageOES)
		f |= GL_HOST_IMAGE;
	if (gl->egl.robustness)
		f |= GL_HOST_ROBUSTNESS;
	return f;
}

/* One API block of the reply, and what it was made of. */
struct api_desc {
	struct gl_api_info info;
	const char *
	        strings[5]; /* GL_VENDOR, RENDERER, VERSION, SHADING_LANGUAGE_VERSION, EXTENSIONS */
	char *owned[5];     /* copies of strings that outlive their context */
	struct gl_limit limits[N_LIMITS];
	uint32_t n_limits;
};

/* The highest version of `api` offered: what the codec streams; in test
 * builds with GPUPIPE_TEST_OFFER_PENDING, as if nothing were pending (an
 * API landing in steps, tried end to end before its last step). */
static uint32_t offer_cap(uint32_t api)
{
#ifdef GPUPIPE_TEST_HOOKS
	const char *knob = getenv("GPUPIPE_TEST_OFFER_PENDING");
	if (knob && *knob && strcmp(knob, "0") != 0)
		return gles_landing_version[api];
#endif
	return gles_streamed_version[api];
}

/* An extension landing in steps is offered by test builds with
 * GPUPIPE_TEST_OFFER_PENDING only, as a landing version is. */
static bool offer_extension(int index)
{
	if (!gles_extension_landing(index))
		return true;
#ifdef GPUPIPE_TEST_HOOKS
	const char *knob = getenv("GPUPIPE_TEST_OFFER_PENDING");
	return knob && *knob && strcmp(knob, "0") != 0;
#else
	return false;
#endif
}

/* What a context of `api` may be: the version the host's driver and our
 * codec both have, and our extensions that gl.xml gives the API and the
 * host's context of that API lists. */
static void describe_api(struct gh_gl *gl, uint32_t api, struct api_desc *d)
{
	const char *missing = NULL;
	uint32_t driver = gl_parse_version(d->strings[2]);
	uint32_t v = gles_host_version(api, driver, offer_cap(api), &missing);
	if (missing && v < offer_cap(api))
		gp_log(INFO, "%s %u.%u offered, not more: the host GL lacks %s", gl_api_name(api),
		       GL_VERSION_MAJOR(v), GL_VERSION_MINOR(v), missing);
	d->info = (struct gl_api_info){.api = api, .version = v};
	struct gles_level offered = {.api = api, .version = v};
	for (int i = 0; i < GLES_EXT_COUNT; i++) {
		if (gles_extension_in_api(i, api) && offer_extension(i) &&
		    gh_egl_has_extension(d->strings[4], gl_gles_extensions[i]))
			gles_level_add_extension(&offered, i);
	}
	gh_gl_ext_drop_incomplete_packs(&offered);
	memcpy(d->info.exts, offered.exts, sizeof(offered.exts));
	gl->apis[api] = offered;
}

static uint64_t blob_room(size_t n)
{
	return 4 + ((n + 3) & ~(size_t)3);
}

static bool build_reply(struct gh_gl *gl, const struct api_desc *apis, uint32_t n_apis)
{
	uint64_t size = sizeof(struct gl_host_info) +
	                blob_room((size_t)gl->n_configs * sizeof(struct gl_config_info));
	for (uint32_t a = 0; a < n_apis; a++) {
		size += blob_room(sizeof(apis[a].info)) +
		        blob_room(apis[a].n_limits * sizeof(struct gl_limit));
		for (int i = 0; i < 5; i++)
			size += blob_room(strlen(apis[a].strings[i]));
	}
	if (size > GL_MAX_COMMAND - 8)
		return false;
	gl->init_reply = calloc(1, size);
	if (!gl->init_reply)
		return false;
	gl->init_reply_size = (uint32_t)size;
	struct gl_host_info info = {
	        .version = GL_STREAM_VERSION,
	        .n_configs = gl->n_configs,
	        .n_apis = n_apis,
	        .features = features(gl),
	        .max_width = gl->max_width,
	        .max_height = gl->max_height,
	        .codec = GLES_CODEC_ID,
	};
	uint8_t *p = gl->init_reply;
	memcpy(p, &info, sizeof(info));
	p += sizeof(info);
	uint32_t n = gl->n_configs * (uint32_t)sizeof(struct gl_config_info);
	memcpy(p, &n, 4);
	p += 4;
	for (uint32_t i = 0; i < gl->n_configs; i++, p += sizeof(struct gl_config_info))
		memcpy(p, &gl->configs[i].info, sizeof(struct gl_config_info));
	for (uint32_t a = 0; a < n_apis; a++) {
		p = put_blob(p, &apis[a].info, sizeof(apis[a].info));
		for (int i = 0; i < 5; i++)
			p = put_blob(p, apis[a].strings[i], (uint32_t)strlen(apis[a].strings[i]));
		p = put_blob(p, apis[a].limits,
		             apis[a].n_limits * (uint32_t)sizeof(struct gl_limit));
	}
	return true;
}

static bool formats_fit(void)
{
	GLint compressed = 0, binary = 0;
	gles_host.glGetIntegerv(GL_NUM_COMPRESSED_TEXTURE_FORMATS, &compressed);
	gles_host.glGetIntegerv(GL_NUM_SHADER_BINARY_FORMATS, &binary);
	/* gl_get_count() sizes these lists at GL_SIZES_MAX_FORMATS. */
	if (compressed > GL_SIZES_MAX_FORMATS || binary > GL_SIZES_MAX_FORMATS) {
		gp_log(ERROR, "host GL has %d compressed and %d binary formats, over %d",
		       compressed, binary, GL_SIZES_MAX_FORMATS);
		return false;
	}
	return true;
}

/* A host value for glslang's built-in constants; false when the driver
 * does not know the pname (no error left behind). */
static int host_limit(unsigned pname, int *value, void *data)
{
	while (gles_host.glGetError() != GL_NO_ERROR)
		;
	GLint v = 0;
	if (pname >> 24)
		gles_host.glGetIntegeri_v(pname & 0xffffff, pname >> 24, &v);
	else
		gles_host.glGetIntegerv(pname, &v);
	*value = v;
	return gles_host.glGetError() == GL_NO_ERROR;
}

/* The strings of the current context; GL_EXTENSIONS as host_extensions()
 * gives it (owned). False when it cannot be had. */
static bool query_strings(struct api_desc *d, bool core)
{
	d->owned[4] = host_extensions(core);
	const char *strings[5] = {
	        (const char *)gles_host.glGetString(GL_VENDOR),
	        (const char *)gles_host.glGetString(GL_RENDERER),
	        (const char *)gles_host.glGetString(GL_VERSION),
	        (const char *)gles_host.glGetString(GL_SHADING_LANGUAGE_VERSION),
	        d->owned[4],
	};
	for (int i = 0; i < 4; i++)
		d->owned[i] = strdup(strings[i] ? strings[i] : "");
	for (int i = 0; i < 5; i++) {
		if (!d->owned[i])
			return false;
		d->strings[i] = d->owned[i];
	}
	return true;
}

static void desc_finish(struct api_desc *d)
{
	for (int i = 0; i < 5; i++)
		free(d->owned[i]);
}

/* Immutable values of OpenGL ES 1.1 contexts. */
static const struct {
	uint32_t pname, count;
	bool is_float;
} es1_limit_pnames[] = {
        {0x0D31 /* GL_MAX_LIGHTS */, 1, false},
        {0x0D32 /* GL_MAX_CLIP_PLANES */, 1, false},
        {0x84E2 /* GL_MAX_TEXTURE_UNITS */, 1, false},
        {0x0D36 /* GL_MAX_MODELVIEW_STACK_DEPTH */, 1, false},
        {0x0D38 /* GL_MAX_PROJECTION_STACK_DEPTH */, 1, false},
        {0x0D39 /* GL_MAX_TEXTURE_STACK_DEPTH */, 1, false},
        {GL_MAX_TEXTURE_SIZE, 1, false},
        {GL_MAX_VIEWPORT_DIMS, 2, false},
        {GL_SUBPIXEL_BITS, 1, false},
        {GL_ALIASED_POINT_SIZE_RANGE, 2, true},
        {GL_ALIASED_LINE_WIDTH_RANGE, 2, true},
        {0x0B12 /* GL_SMOOTH_POINT_SIZE_RANGE */, 2, true},
        {0x0B22 /* GL_SMOOTH_LINE_WIDTH_RANGE */, 2, true},
        {GL_MAX_DEBUG_MESSAGE_LENGTH_KHR, 1, false},
        {GL_MAX_DEBUG_LOGGED_MESSAGES_KHR, 1, false},
        {GL_MAX_DEBUG_GROUP_STACK_DEPTH_KHR, 1, false},
        {GL_MAX_LABEL_LENGTH_KHR, 1, false},
};
#define N_ES1_LIMITS (sizeof(es1_limit_pnames) / sizeof(es1_limit_pnames[0]))
static_assert(N_ES1_LIMITS <= N_LIMITS, "api_desc.limits holds them");

/* GL_MAX_TEXTURE_UNITS is capped at the units gpupipe tracks (fixed.c). */
static uint32_t query_es1_limits(struct gh_gl *gl, struct gl_limit *out)
{
	for (size_t i = 0; i < N_ES1_LIMITS; i++) {
		struct gl_limit *l = &out[i];
		*l = (struct gl_limit){.pname = es1_limit_pnames[i].pname,
		                       .count = es1_limit_pnames[i].count};
		GLint iv[4] = {0};
		if (es1_limit_pnames[i].is_float) {
			gles_host.glGetFloatv(l->pname, l->values);
			continue;
		}
		gles_host.glGetIntegerv(l->pname, iv);
		for (uint32_t k = 0; k < l->count; k++)
			l->values[k] = (float)iv[k];
		if (l->pname == 0x84E2) {
			gl->host_ff_units = iv[0] > 0 ? (uint32_t)iv[0] : 0;
			gl->ff_units = gl->host_ff_units < GH_GL_MAX_TEXTURE_UNITS
			                       ? gl->host_ff_units
			                       : GH_GL_MAX_TEXTURE_UNITS;
			l->values[0] = (float)gl->ff_units;
		}
	}
	return N_ES1_LIMITS;
}

/* OpenGL ES 1.1, from a context of its own made now, during set-up (the
 * driver loads what ES 1 needs before the sandbox is entered), on the
 * present context's surfaces. False, logged, where the host has none. */
static bool describe_gles1(struct gh_gl *gl, struct api_desc *d)
{
	static const EGLint es1[] = {EGL_CONTEXT_CLIENT_VERSION, 1, EGL_NONE};
	EGLContext present = eglGetCurrentContext();
	EGLSurface draw = eglGetCurrentSurface(EGL_DRAW), read = eglGetCurrentSurface(EGL_READ);
	EGLContext ctx = eglCreateContext(gl->egl.dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, es1);
	if (ctx == EGL_NO_CONTEXT) {
		gp_log(INFO, "host EGL has no OpenGL ES 1 context (0x%x): apps get none",
		       eglGetError());
		return false;
	}
	bool ok = eglMakeCurrent(gl->egl.dpy, draw, read, ctx) && query_strings(d, false);
	if (ok) {
		d->n_limits = query_es1_limits(gl, d->limits);
		describe_api(gl, GL_API_GLES1, d);
		ok = d->info.version != 0;
		gp_log(INFO, "host GL: %s; apps get OpenGL ES-CM %s", d->strings[2],
		       ok ? "1.1" : "none");
	}
	eglMakeCurrent(gl->egl.dpy, draw, read, present);
	eglDestroyContext(gl->egl.dpy, ctx);
	if (!ok)
		gl->apis[GL_API_GLES1] = (struct gles_level){0};
	return ok;
}

/* A desktop OpenGL profile (`api`: GL_API_GL_CORE or GL_API_GL_COMPAT), as
 * OpenGL ES 1.1 is: from a context of its own made now, current without a
 * surface (3.2 asked of the core profile, 1.0 of the compatibility one; the
 * driver gives its highest version of the profile). False, logged, where the
 * host has none or gpupipe streams none. */
static bool describe_desktop(struct gh_gl *gl, uint32_t api, struct api_desc *d)
{
	bool core = api == GL_API_GL_CORE;
	const char *profile = core ? "core" : "compatibility";
	const EGLint attribs[] = {
	        EGL_CONTEXT_MAJOR_VERSION,
	        core ? 3 : 1,
	        EGL_CONTEXT_MINOR_VERSION,
	        core ? 2 : 0,
	        EGL_CONTEXT_OPENGL_PROFILE_MASK,
	        core ? EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT
	             : EGL_CONTEXT_OPENGL_COMPATIBILITY_PROFILE_BIT,
	        EGL_NONE,
	};
	if (!offer_cap(api))
		return false;
	if (!gl->egl.surfaceless) {
		gp_log(INFO,
		       "host EGL has no EGL_KHR_surfaceless_context: apps get no desktop "
		       "OpenGL %s profile",
		       profile);
		return false;
	}
	EGLContext present = eglGetCurrentContext();
	EGLSurface draw = eglGetCurrentSurface(EGL_DRAW), read = eglGetCurrentSurface(EGL_READ);
	EGLint error;
	EGLContext ctx = gh_egl_create_context(&gl->egl, gl_api_desktop(api), NULL, EGL_NO_CONTEXT,
	                                       attribs, &error);
	if (ctx == EGL_NO_CONTEXT) {
		gp_log(INFO, "host EGL has no OpenGL %s profile context (0x%x): apps get none",
		       profile, error);
		return false;
	}
	bool ok = eglMakeCurrent(gl->egl.dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx) &&
	          query_strings(d, true);
	if (ok) {
		d->n_limits = query_limits(NULL, d->limits);
		if (!core) {
			/* The texture coordinate arrays the library may send (fixed.c). */
			GLint coords = 0;
			gles_host.glGetIntegerv(0x8871 /* GL_MAX_TEXTURE_COORDS */, &coords);
			gl->host_coord_units = coords > 0 ? (uint32_t)coords : 0;
			gl->coord_units = gl->host_coord_units < GH_GL_MAX_TEXTURE_UNITS
			                          ? gl->host_coord_units
			                          : GH_GL_MAX_TEXTURE_UNITS;
			/* Its colour tables, matrix and filters reach glReadPixels too
			 * (readback-bottom-up.c). */
			gl->compat_imaging = gh_egl_has_extension(d->strings[4], "GL_ARB_imaging");
		}
		describe_api(gl, api, d);
		ok = d->info.version != 0;
		gp_log(INFO, "host GL: %s; apps get OpenGL %s profile up to %u.%u", d->strings[2],
		       profile, GL_VERSION_MAJOR(d->info.version),
		       GL_VERSION_MINOR(d->info.version));
	}
	eglMakeCurrent(gl->egl.dpy, draw, read, present);
	eglDestroyContext(gl->egl.dpy, ctx);
	if (!ok)
		gl->apis[api] = (struct gles_level){0};
	return ok;
}

static bool describe_gl_core(struct gh_gl *gl, struct api_desc *d)
{
	return describe_desktop(gl, GL_API_GL_CORE, d);
}

static bool describe_gl_compat(struct gh_gl *gl, struct api_desc *d)
{
	return describe_desktop(gl, GL_API_GL_COMPAT, d);
}

/* Called with the present context current: an OpenGL ES context of the
 * highest version the host has, as a GLES2 context of the app's gets.
 * OpenGL ES 1 and desktop OpenGL are described from contexts of their own. */
bool gh_gl_info_init(struct gh_gl *gl)
{
	struct api_desc apis[4] = {0};
	uint32_t n_apis = 1;
	bool ok = formats_fit() && query_strings(&apis[0], false);
	if (ok) {
		apis[0].n_limits = query_limits(gl, apis[0].limits);
		gl->read_bgra = gh_egl_has_extension(apis[0].strings[4], "GL_EXT_read_format_bgra");
		gl->pack_reverse_row_order =
		        gh_egl_has_extension(apis[0].strings[4], "GL_ANGLE_pack_reverse_row_order");
		describe_api(gl, GL_API_GLES2, &apis[0]);
		gh_shader_check_set_limits(host_limit, NULL);
		gp_log(INFO, "host GL: %s, %s; %u configs; apps get OpenGL ES up to %u.%u",
		       apis[0].strings[1], apis[0].strings[2], gl->n_configs,
		       GL_VERSION_MAJOR(apis[0].info.version),
		       GL_VERSION_MINOR(apis[0].info.version));
	}
	/* Each API the host has takes the next block; one it lacks, or that
	 * --gl-apis leaves out, leaves none. */
	static const struct {
		bool (*describe)(struct gh_gl *, struct api_desc *);
		unsigned bit;
		const char *name;
	} others[] = {
	        {describe_gles1, GH_GL_OFFER_ES1, "OpenGL ES 1"},
	        {describe_gl_core, GH_GL_OFFER_CORE, "the OpenGL core profile"},
	        {describe_gl_compat, GH_GL_OFFER_COMPAT, "the OpenGL compatibility profile"},
	};
	for (size_t i = 0; ok && i < sizeof(others) / sizeof(others[0]); i++) {
		if (!(gl->offer & others[i].bit)) {
			gp_log(INFO, "apps get no %s (--gl-apis): they render on their own CPU",
			       others[i].name);
			continue;
		}
		if (others[i].describe(gl, &apis[n_apis])) {
			n_apis++;
		} else {
			desc_finish(&apis[n_apis]);
			apis[n_apis] = (struct api_desc){0};
		}
	}
	ok = ok && build_reply(gl, apis, n_apis);
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++)
		desc_finish(&apis[i]);
	return ok;
}
