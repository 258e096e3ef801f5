/*
 * What a context of one client API gets from the host (gl-api.h).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "gl-api.h"

uint32_t ge_api_extension_count(const struct ge_api *api)
{
	return api->n_extensions;
}

const char *ge_api_extension(const struct ge_api *api, uint32_t index)
{
	return index < api->n_extensions ? api->extension_list[index] : NULL;
}

static bool api_has_extension(const struct ge_api *api, const char *name)
{
	for (uint32_t i = 0; i < api->n_extensions; i++) {
		if (strcmp(api->extension_list[i], name) == 0)
			return true;
	}
	return false;
}

/* OpenGL 4.3's list (section 22.2): every desktop GLSL version up to the context's
 * own, the empty string standing for 1.10 without a #version line, then the GLSL ES
 * versions the context's ARB_ES*_compatibility take. The host's shader check takes
 * each (gpuhost/shader-check/shader-check.c) and the driver has each: GLSL 4.50 natively lists
 * them all. NULL from `index` on past the end, and in contexts that have no list. */
const char *ge_api_glsl_version(const struct ge_api *api, uint32_t index, uint32_t *count)
{
	static const struct {
		unsigned number;
		const char *name;
	} desktop[] = {{460, "460"}, {450, "450"}, {440, "440"}, {430, "430"}, {420, "420"},
	               {410, "410"}, {400, "400"}, {330, "330"}, {150, "150"}, {140, "140"},
	               {130, "130"}, {120, "120"}, {110, ""}};
	const char *list[sizeof(desktop) / sizeof(desktop[0]) + 2];
	uint32_t n = 0;
	unsigned major = 0, minor = 0;
	bool desktop_gl = gl_api_desktop(api->level.api);
	if (desktop_gl && api->level.version >= GL_VERSION_CODE(4, 3) && api->glsl_version &&
	    sscanf(api->glsl_version, "%u.%u", &major, &minor) == 2) {
		for (size_t i = 0; i < sizeof(desktop) / sizeof(desktop[0]); i++) {
			if (desktop[i].number <= major * 100 + minor)
				list[n++] = desktop[i].name;
		}
		if (api_has_extension(api, "GL_ARB_ES3_compatibility"))
			list[n++] = "300 es";
		if (api_has_extension(api, "GL_ARB_ES2_compatibility"))
			list[n++] = "100";
	}
	if (count)
		*count = n;
	return index < n ? list[index] : NULL;
}

const struct gl_limit *ge_api_limit(const struct ge_api *api, uint32_t pname)
{
	for (uint32_t i = 0; i < api->n_limits; i++)
		if (api->limits[i].pname == pname)
			return &api->limits[i];
	return NULL;
}
