/*
 * eglChooseConfig: its rules (EGL 1.5, 3.4.1.2 and table 3.4), over a plain
 * list of configs so that a unit test can feed it a made-up list, and the
 * entry point that applies them to a display's configs.
 */
#include <stdio.h>
#include <stdlib.h>

#include <gpupipe/log.h>

#include "ge.h"

enum criterion { EXACT, AT_LEAST, MASK, IGNORED };

struct rule {
	EGLint attribute;
	enum criterion criterion;
	EGLint initial; /* the default of table 3.4 */
};

static const struct rule rules[] = {
        {EGL_BUFFER_SIZE, AT_LEAST, 0},
        {EGL_RED_SIZE, AT_LEAST, 0},
        {EGL_GREEN_SIZE, AT_LEAST, 0},
        {EGL_BLUE_SIZE, AT_LEAST, 0},
        {EGL_LUMINANCE_SIZE, AT_LEAST, 0},
        {EGL_ALPHA_SIZE, AT_LEAST, 0},
        {EGL_ALPHA_MASK_SIZE, AT_LEAST, 0},
        {EGL_BIND_TO_TEXTURE_RGB, EXACT, EGL_DONT_CARE},
        {EGL_BIND_TO_TEXTURE_RGBA, EXACT, EGL_DONT_CARE},
        {EGL_COLOR_BUFFER_TYPE, EXACT, EGL_RGB_BUFFER},
        {EGL_CONFIG_CAVEAT, EXACT, EGL_DONT_CARE},
        {EGL_CONFIG_ID, EXACT, EGL_DONT_CARE},
        {EGL_CONFORMANT, MASK, 0},
        {EGL_DEPTH_SIZE, AT_LEAST, 0},
        {EGL_LEVEL, EXACT, 0},
        {EGL_MAX_PBUFFER_WIDTH, IGNORED, 0},
        {EGL_MAX_PBUFFER_HEIGHT, IGNORED, 0},
        {EGL_MAX_PBUFFER_PIXELS, IGNORED, 0},
        {EGL_MAX_SWAP_INTERVAL, EXACT, EGL_DONT_CARE},
        {EGL_MIN_SWAP_INTERVAL, EXACT, EGL_DONT_CARE},
        {EGL_NATIVE_RENDERABLE, EXACT, EGL_DONT_CARE},
        {EGL_NATIVE_VISUAL_ID, IGNORED, 0},
        {EGL_NATIVE_VISUAL_TYPE, EXACT, EGL_DONT_CARE},
        {EGL_RENDERABLE_TYPE, MASK, EGL_OPENGL_ES_BIT},
        {EGL_SAMPLE_BUFFERS, AT_LEAST, 0},
        {EGL_SAMPLES, AT_LEAST, 0},
        {EGL_STENCIL_SIZE, AT_LEAST, 0},
        {EGL_SURFACE_TYPE, MASK, EGL_WINDOW_BIT},
        {EGL_TRANSPARENT_TYPE, EXACT, EGL_NONE},
        {EGL_TRANSPARENT_RED_VALUE, EXACT, EGL_DONT_CARE},
        {EGL_TRANSPARENT_GREEN_VALUE, EXACT, EGL_DONT_CARE},
        {EGL_TRANSPARENT_BLUE_VALUE, EXACT, EGL_DONT_CARE},
        {EGL_MATCH_NATIVE_PIXMAP, IGNORED, EGL_NONE},
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

static int rule_index(EGLint attribute)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i].attribute == attribute)
			return (int)i;
	return -1;
}

static bool value_ok(const struct rule *r, EGLint v)
{
	if (v == EGL_DONT_CARE)
		return r->attribute != EGL_LEVEL && r->attribute != EGL_MATCH_NATIVE_PIXMAP;
	switch (r->attribute) {
	case EGL_COLOR_BUFFER_TYPE:
		return v == EGL_RGB_BUFFER || v == EGL_LUMINANCE_BUFFER;
	case EGL_CONFIG_CAVEAT:
		return v == EGL_NONE || v == EGL_SLOW_CONFIG || v == EGL_NON_CONFORMANT_CONFIG;
	case EGL_TRANSPARENT_TYPE:
		return v == EGL_NONE || v == EGL_TRANSPARENT_RGB;
	case EGL_BIND_TO_TEXTURE_RGB:
	case EGL_BIND_TO_TEXTURE_RGBA:
	case EGL_NATIVE_RENDERABLE:
		return v == EGL_TRUE || v == EGL_FALSE;
	}
	return r->criterion != AT_LEAST || v >= 0;
}

/* Config value v against the wanted w under rule r. */
static bool rule_ok(const struct rule *r, EGLint v, EGLint w)
{
	return !((r->criterion == EXACT && v != w) || (r->criterion == AT_LEAST && v < w) ||
	         (r->criterion == MASK && (v & w) != w));
}

/* Whether rule i takes part in matching for `want`. */
static bool rule_used(size_t i, const EGLint *want)
{
	const struct rule *r = &rules[i];
	bool transparent_rgb = want[rule_index(EGL_TRANSPARENT_TYPE)] == EGL_TRANSPARENT_RGB;
	if (r->criterion == IGNORED || want[i] == EGL_DONT_CARE)
		return false;
	return transparent_rgb || (r->attribute != EGL_TRANSPARENT_RED_VALUE &&
	                           r->attribute != EGL_TRANSPARENT_GREEN_VALUE &&
	                           r->attribute != EGL_TRANSPARENT_BLUE_VALUE);
}

static void explain_no_match(const struct ge_config *configs, uint32_t n, const EGLint *want);

static bool matches(const struct ge_config *c, const EGLint *want)
{
	if (want[rule_index(EGL_CONFIG_ID)] != EGL_DONT_CARE)
		return c->config_id == want[rule_index(EGL_CONFIG_ID)];
	/* No pixmaps on Wayland: no config matches one. */
	if (want[rule_index(EGL_MATCH_NATIVE_PIXMAP)] != EGL_NONE)
		return false;
	for (size_t i = 0; i < N_RULES; i++) {
		EGLint v;
		if (!rule_used(i, want))
			continue;
		if (!ge_config_attrib(c, rules[i].attribute, &v) || !rule_ok(&rules[i], v, want[i]))
			return false;
	}
	return true;
}

struct sort_key {
	const struct ge_config *configs;
	bool want_red, want_green, want_blue, want_alpha;
};

static int caveat_rank(EGLint caveat)
{
	return caveat == EGL_NONE ? 0 : caveat == EGL_SLOW_CONFIG ? 1 : 2;
}

static EGLint color_bits(const struct sort_key *k, const struct ge_config *c)
{
	return (k->want_red ? c->red : 0) + (k->want_green ? c->green : 0) +
	       (k->want_blue ? c->blue : 0) + (k->want_alpha ? c->alpha : 0);
}

#define CMP(a, b)                                                                                  \
	do {                                                                                       \
		if ((a) != (b))                                                                    \
			return (a) < (b) ? -1 : 1;                                                 \
	} while (0)

static int compare(const void *pa, const void *pb, void *data)
{
	const struct sort_key *k = data;
	const struct ge_config *a = &k->configs[*(const uint32_t *)pa];
	const struct ge_config *b = &k->configs[*(const uint32_t *)pb];
	CMP(caveat_rank(a->caveat), caveat_rank(b->caveat));
	/* Every config is EGL_RGB_BUFFER: nothing to order by colour type. */
	CMP(color_bits(k, b), color_bits(k, a)); /* more bits first */
	CMP(a->red + a->green + a->blue + a->alpha, b->red + b->green + b->blue + b->alpha);
	CMP(a->sample_buffers, b->sample_buffers);
	CMP(a->samples, b->samples);
	CMP(a->depth, b->depth);
	CMP(a->stencil, b->stencil);
	/* EGL_ALPHA_MASK_SIZE is 0 and EGL_NATIVE_VISUAL_TYPE EGL_NONE for all. */
	CMP(a->config_id, b->config_id);
	return 0;
}

static bool wanted(EGLint v)
{
	return v != 0 && v != EGL_DONT_CARE;
}

int ge_configs_choose(const struct ge_config *configs, uint32_t n, const EGLint *attribs,
                      uint32_t *picked, EGLint *error)
{
	EGLint want[N_RULES];
	for (size_t i = 0; i < N_RULES; i++)
		want[i] = rules[i].initial;
	for (const EGLint *a = attribs; a && a[0] != EGL_NONE; a += 2) {
		int i = rule_index(a[0]);
		if (i < 0 || !value_ok(&rules[i], a[1])) {
			*error = ge_refuse(
			        EGL_BAD_ATTRIBUTE,
			        "eglChooseConfig: attribute 0x%x value 0x%x is not accepted", a[0],
			        a[1]);
			return -1;
		}
		want[i] = a[1];
	}
	uint32_t k = 0;
	for (uint32_t i = 0; i < n; i++)
		if (matches(&configs[i], want))
			picked[k++] = i;
	if (k == 0)
		explain_no_match(configs, n, want);
	struct sort_key key = {
	        .configs = configs,
	        .want_red = wanted(want[rule_index(EGL_RED_SIZE)]),
	        .want_green = wanted(want[rule_index(EGL_GREEN_SIZE)]),
	        .want_blue = wanted(want[rule_index(EGL_BLUE_SIZE)]),
	        .want_alpha = wanted(want[rule_index(EGL_ALPHA_SIZE)]),
	};
	qsort_r(picked, k, sizeof(*picked), compare, &key);
	return (int)k;
}

/* ---- why nothing matched (GPUPIPE_LOG=info) ---- */

static const struct {
	EGLint attribute;
	const char *name;
} attribute_names[] = {
        {EGL_BUFFER_SIZE, "EGL_BUFFER_SIZE"},
        {EGL_RED_SIZE, "EGL_RED_SIZE"},
        {EGL_GREEN_SIZE, "EGL_GREEN_SIZE"},
        {EGL_BLUE_SIZE, "EGL_BLUE_SIZE"},
        {EGL_LUMINANCE_SIZE, "EGL_LUMINANCE_SIZE"},
        {EGL_ALPHA_SIZE, "EGL_ALPHA_SIZE"},
        {EGL_ALPHA_MASK_SIZE, "EGL_ALPHA_MASK_SIZE"},
        {EGL_BIND_TO_TEXTURE_RGB, "EGL_BIND_TO_TEXTURE_RGB"},
        {EGL_BIND_TO_TEXTURE_RGBA, "EGL_BIND_TO_TEXTURE_RGBA"},
        {EGL_COLOR_BUFFER_TYPE, "EGL_COLOR_BUFFER_TYPE"},
        {EGL_CONFIG_CAVEAT, "EGL_CONFIG_CAVEAT"},
        {EGL_CONFORMANT, "EGL_CONFORMANT"},
        {EGL_DEPTH_SIZE, "EGL_DEPTH_SIZE"},
        {EGL_LEVEL, "EGL_LEVEL"},
        {EGL_MAX_SWAP_INTERVAL, "EGL_MAX_SWAP_INTERVAL"},
        {EGL_MIN_SWAP_INTERVAL, "EGL_MIN_SWAP_INTERVAL"},
        {EGL_NATIVE_RENDERABLE, "EGL_NATIVE_RENDERABLE"},
        {EGL_NATIVE_VISUAL_TYPE, "EGL_NATIVE_VISUAL_TYPE"},
        {EGL_RENDERABLE_TYPE, "EGL_RENDERABLE_TYPE"},
        {EGL_SAMPLE_BUFFERS, "EGL_SAMPLE_BUFFERS"},
        {EGL_SAMPLES, "EGL_SAMPLES"},
        {EGL_STENCIL_SIZE, "EGL_STENCIL_SIZE"},
        {EGL_SURFACE_TYPE, "EGL_SURFACE_TYPE"},
        {EGL_TRANSPARENT_TYPE, "EGL_TRANSPARENT_TYPE"},
        {EGL_TRANSPARENT_RED_VALUE, "EGL_TRANSPARENT_RED_VALUE"},
        {EGL_TRANSPARENT_GREEN_VALUE, "EGL_TRANSPARENT_GREEN_VALUE"},
        {EGL_TRANSPARENT_BLUE_VALUE, "EGL_TRANSPARENT_BLUE_VALUE"},
};

static const char *attribute_name(EGLint attribute)
{
	for (size_t i = 0; i < sizeof(attribute_names) / sizeof(attribute_names[0]); i++)
		if (attribute_names[i].attribute == attribute)
			return attribute_names[i].name;
	return "attribute";
}

/* What the candidates left offer for rule i: the union of their bits
 * (masks), their largest value (minimums), their values (exact). */
static void describe_offer(const struct ge_config *configs, const bool *left, uint32_t n, size_t i,
                           char *out, size_t cap)
{
	const struct rule *r = &rules[i];
	EGLint v, acc = 0;
	size_t o = 0;
	bool first = true;
	for (uint32_t c = 0; c < n; c++) {
		if (!left[c] || !ge_config_attrib(&configs[c], r->attribute, &v))
			continue;
		if (r->criterion == EXACT && o < cap && (first || v != acc))
			o += (size_t)snprintf(out + o, cap - o, "%s%d", first ? "" : ", ", v);
		acc = r->criterion == MASK ? acc | v : (first || v > acc ? v : acc);
		first = false;
	}
	if (r->criterion == MASK)
		snprintf(out, cap, "configs offer 0x%x", acc);
	else if (r->criterion == AT_LEAST)
		snprintf(out, cap, "configs offer at most %d", acc);
	else if (o == 0)
		snprintf(out, cap, "configs have none");
}

/* Applies the wanted attributes one at a time, in table order, and names
 * the one that leaves no candidate, with what the last candidates offer
 * (e.g. "no config with EGL_RENDERABLE_TYPE 0x1 (configs offer 0x4)"). */
static void explain_no_match(const struct ge_config *configs, uint32_t n, const EGLint *want)
{
	if (!gp_log_enabled(GP_LOG_INFO))
		return;
	if (n == 0) {
		gp_log(INFO, "eglChooseConfig: the host offers no config at all");
		return;
	}
	if (want[rule_index(EGL_CONFIG_ID)] != EGL_DONT_CARE) {
		gp_log(INFO, "eglChooseConfig: no config with EGL_CONFIG_ID %d",
		       want[rule_index(EGL_CONFIG_ID)]);
		return;
	}
	if (want[rule_index(EGL_MATCH_NATIVE_PIXMAP)] != EGL_NONE) {
		gp_log(INFO, "eglChooseConfig: EGL_MATCH_NATIVE_PIXMAP: Wayland has no pixmaps");
		return;
	}
	bool *left = malloc(n * sizeof(*left));
	if (!left)
		return;
	for (uint32_t c = 0; c < n; c++)
		left[c] = true;
	for (size_t i = 0; i < N_RULES; i++) {
		if (!rule_used(i, want))
			continue;
		uint32_t kept = 0;
		EGLint v;
		for (uint32_t c = 0; c < n; c++)
			kept += left[c] && ge_config_attrib(&configs[c], rules[i].attribute, &v) &&
			        rule_ok(&rules[i], v, want[i]);
		if (kept == 0) {
			char offer[128], value[32];
			describe_offer(configs, left, n, i, offer, sizeof(offer));
			snprintf(value, sizeof(value), rules[i].criterion == MASK ? "0x%x" : "%d",
			         want[i]);
			gp_log(INFO, "eglChooseConfig: no config with %s %s%s (%s)",
			       attribute_name(rules[i].attribute),
			       rules[i].criterion == AT_LEAST ? "at least " : "", value, offer);
			break;
		}
		for (uint32_t c = 0; c < n; c++)
			left[c] = left[c] &&
			          ge_config_attrib(&configs[c], rules[i].attribute, &v) &&
			          rule_ok(&rules[i], v, want[i]);
	}
	free(left);
}

static EGLBoolean egl_choose_config(EGLDisplay dpy, const EGLint *attribs, EGLConfig *configs,
                                    EGLint size, EGLint *num)
{
	struct ge_display *d = ge_display_lock(dpy, true);
	if (!d)
		return EGL_FALSE;
	EGLint error = EGL_SUCCESS;
	uint32_t *picked = calloc(d->n_configs + 1, sizeof(*picked));
	int k = -1;
	if (!num)
		error = EGL_BAD_PARAMETER;
	else if (!picked)
		error = EGL_BAD_ALLOC;
	else
		k = ge_configs_choose(d->configs, d->n_configs, attribs, picked, &error);
	if (k >= 0) {
		if (configs) {
			k = k < size ? k : (size > 0 ? size : 0);
			for (int i = 0; i < k; i++)
				configs[i] = ge_display_config_handle(d, &d->configs[picked[i]]);
		}
		*num = k;
	}
	free(picked);
	ge_display_unlock(d);
	return k >= 0 ? ge_ok() : ge_fail(error);
}

const struct ge_proc ge_choose_procs[] = {
        {"eglChooseConfig", (void *)egl_choose_config},
        {NULL, NULL},
};
