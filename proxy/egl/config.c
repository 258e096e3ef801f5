/*
 * EGLConfigs: the host's configs as the app sees them, and
 * eglChooseConfig's matching and sorting (EGL 1.5, section 3.4.1.2 and
 * table 3.4). An EGLConfig handle is the config's index + 1.
 *
 * Every config renders into a pbuffer (the host renders windows into
 * pbuffers too), for the APIs the host's config has and gpupipe streams
 * (EGL_RENDERABLE_TYPE, also EGL_CONFORMANT); windows need a format wl_shm
 * knows, so only 8-bit RGB with no or 8-bit alpha configs have
 * EGL_WINDOW_BIT.
 */
#include <stddef.h>
#include <string.h>

#include <wayland-client-protocol.h>

#include "ge.h"

uint32_t ge_configs_from_host(const struct gl_config_info *in, uint32_t n,
                              const struct gl_host_info *host, EGLint renderable,
                              struct ge_config *out)
{
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++) {
		struct gl_config_info ci;
		memcpy(&ci, &in[i], sizeof(ci));
		if (!ci.config_id || ci.config_id > INT32_MAX ||
		    !(ci.renderable & (uint32_t)renderable))
			continue;
		struct ge_config *c = &out[k++];
		*c = (struct ge_config){
		        .config_id = (EGLint)ci.config_id,
		        .red = ci.red,
		        .green = ci.green,
		        .blue = ci.blue,
		        .alpha = ci.alpha,
		        .depth = ci.depth,
		        .stencil = ci.stencil,
		        .samples = ci.samples,
		        .sample_buffers = ci.sample_buffers,
		        .caveat = ci.caveat == EGL_SLOW_CONFIG ||
		                                  ci.caveat == EGL_NON_CONFORMANT_CONFIG
		                          ? (EGLint)ci.caveat
		                          : EGL_NONE,
		        .renderable = (EGLint)ci.renderable & renderable,
		        .surface_type = EGL_PBUFFER_BIT,
		        .max_pbuffer_width = (EGLint)host->max_width,
		        .max_pbuffer_height = (EGLint)host->max_height,
		};
		if (ci.red == 8 && ci.green == 8 && ci.blue == 8 &&
		    (ci.alpha == 0 || ci.alpha == 8)) {
			/* The host keeps the back buffer between frames. */
			c->surface_type |= EGL_WINDOW_BIT | EGL_SWAP_BEHAVIOR_PRESERVED_BIT;
			c->native_visual_id =
			        ci.alpha ? WL_SHM_FORMAT_ARGB8888 : WL_SHM_FORMAT_XRGB8888;
		}
	}
	return k;
}

/* Attributes held in struct ge_config. */
static const struct {
	EGLint attribute;
	size_t offset;
} fields[] = {
        {EGL_RED_SIZE, offsetof(struct ge_config, red)},
        {EGL_GREEN_SIZE, offsetof(struct ge_config, green)},
        {EGL_BLUE_SIZE, offsetof(struct ge_config, blue)},
        {EGL_ALPHA_SIZE, offsetof(struct ge_config, alpha)},
        {EGL_DEPTH_SIZE, offsetof(struct ge_config, depth)},
        {EGL_STENCIL_SIZE, offsetof(struct ge_config, stencil)},
        {EGL_SAMPLES, offsetof(struct ge_config, samples)},
        {EGL_SAMPLE_BUFFERS, offsetof(struct ge_config, sample_buffers)},
        {EGL_CONFIG_CAVEAT, offsetof(struct ge_config, caveat)},
        {EGL_CONFIG_ID, offsetof(struct ge_config, config_id)},
        {EGL_SURFACE_TYPE, offsetof(struct ge_config, surface_type)},
        {EGL_RENDERABLE_TYPE, offsetof(struct ge_config, renderable)},
        {EGL_CONFORMANT, offsetof(struct ge_config, renderable)},
        {EGL_NATIVE_VISUAL_ID, offsetof(struct ge_config, native_visual_id)},
        {EGL_MAX_PBUFFER_WIDTH, offsetof(struct ge_config, max_pbuffer_width)},
        {EGL_MAX_PBUFFER_HEIGHT, offsetof(struct ge_config, max_pbuffer_height)},
};

/* Attributes every config shares: rendering to RGB buffers, no luminance,
 * levels, transparency, texture binding or native rendering. */
static const struct {
	EGLint attribute, value;
} constants[] = {
        {EGL_COLOR_BUFFER_TYPE, EGL_RGB_BUFFER},
        {EGL_MIN_SWAP_INTERVAL, 0},
        {EGL_MAX_SWAP_INTERVAL, 1},
        {EGL_NATIVE_VISUAL_TYPE, EGL_NONE},
        {EGL_TRANSPARENT_TYPE, EGL_NONE},
        {EGL_TRANSPARENT_RED_VALUE, 0},
        {EGL_TRANSPARENT_GREEN_VALUE, 0},
        {EGL_TRANSPARENT_BLUE_VALUE, 0},
        {EGL_BIND_TO_TEXTURE_RGB, EGL_FALSE},
        {EGL_BIND_TO_TEXTURE_RGBA, EGL_FALSE},
        {EGL_NATIVE_RENDERABLE, EGL_FALSE},
        {EGL_ALPHA_MASK_SIZE, 0},
        {EGL_LUMINANCE_SIZE, 0},
        {EGL_LEVEL, 0},
};

bool ge_config_attrib(const struct ge_config *c, EGLint attribute, EGLint *value)
{
	if (attribute == EGL_BUFFER_SIZE) {
		*value = c->red + c->green + c->blue + c->alpha;
		return true;
	}
	if (attribute == EGL_MAX_PBUFFER_PIXELS) {
		int64_t pixels = (int64_t)c->max_pbuffer_width * c->max_pbuffer_height;
		*value = pixels > INT32_MAX ? INT32_MAX : (EGLint)pixels;
		return true;
	}
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].attribute == attribute) {
			memcpy(value, (const char *)c + fields[i].offset, sizeof(*value));
			return true;
		}
	}
	for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
		if (constants[i].attribute == attribute) {
			*value = constants[i].value;
			return true;
		}
	}
	return false;
}

bool ge_configs_compatible(const struct ge_config *a, const struct ge_config *b)
{
	return a == b || (a->red == b->red && a->green == b->green && a->blue == b->blue &&
	                  a->alpha == b->alpha && a->depth == b->depth &&
	                  a->stencil == b->stencil && a->samples == b->samples);
}

/* ---- entry points ---- */

static EGLBoolean egl_get_configs(EGLDisplay dpy, EGLConfig *configs, EGLint size, EGLint *num)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	if (!num) {
		ge_display_unlock(d);
		return ge_fail(EGL_BAD_PARAMETER);
	}
	EGLint n = (EGLint)d->n_configs;
	if (configs) {
		n = n < size ? n : (size > 0 ? size : 0);
		for (EGLint i = 0; i < n; i++)
			configs[i] = (EGLConfig)(uintptr_t)(i + 1);
	}
	*num = n;
	ge_display_unlock(d);
	return ge_ok();
}

static EGLBoolean egl_get_config_attrib(EGLDisplay dpy, EGLConfig config, EGLint attribute,
                                        EGLint *value)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	const struct ge_config *c = ge_display_config(d, config);
	EGLint error = EGL_SUCCESS, v = 0;
	if (!c)
		error = EGL_BAD_CONFIG;
	else if (!ge_config_attrib(c, attribute, &v))
		error = EGL_BAD_ATTRIBUTE;
	else if (!value)
		error = EGL_BAD_PARAMETER;
	else
		*value = v;
	ge_display_unlock(d);
	return error == EGL_SUCCESS ? ge_ok() : ge_fail(error);
}

const struct ge_proc ge_config_procs[] = {
        {"eglGetConfigs", (void *)egl_get_configs},
        {"eglGetConfigAttrib", (void *)egl_get_config_attrib},
        {NULL, NULL},
};
