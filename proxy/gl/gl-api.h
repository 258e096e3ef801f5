/*
 * What a context of one client API gets from the host (GL_OP_INIT): the
 * highest version offered, the host's strings in such a context, its
 * immutable limits, and the strings and extension list the app reads. The
 * EGL display holds one per API (ge.h); a context's GL state points at its
 * own (state.h), which is all the client GL side reads of the host.
 */
#ifndef GE_GL_API_H
#define GE_GL_API_H

#include <stdint.h>

#include <gpupipe/gl-stream.h>

#include "gles-codec.h"

enum ge_host_string {
	GE_HOST_VENDOR,
	GE_HOST_RENDERER,
	GE_HOST_VERSION,
	GE_HOST_GLSL,
	GE_HOST_EXTENSIONS,
};

/* One client API the host offers (GL_OP_INIT), and what a context of it
 * gets: the highest version offered (as Mesa, a request for 2.0 gets the
 * highest backward-compatible ES version) and the extensions of ours that
 * the host has. */
struct ge_api {
	struct gles_level level;
	char *host_strings[5]; /* enum ge_host_string, the host's in such a context */
	struct gl_limit *limits;
	uint32_t n_limits;
	char *gl_version, *glsl_version, *gl_extensions; /* what the app reads */
	char **extension_list;                           /* gl_extensions split, for glGetStringi */
	uint32_t n_extensions;
};

const struct gl_limit *ge_api_limit(const struct ge_api *api, uint32_t pname);
/* Extensions in api->gl_extensions, and the one at `index` (glGetStringi):
 * a NUL-terminated copy kept with the api, NULL past the end. */
uint32_t ge_api_extension_count(const struct ge_api *api);
const char *ge_api_extension(const struct ge_api *api, uint32_t index);
/* glGetStringi(GL_SHADING_LANGUAGE_VERSION, index) of desktop OpenGL 4.3 and later
 * (a static string), NULL past the end; *count (when not NULL) gets
 * GL_NUM_SHADING_LANGUAGE_VERSIONS, 0 in contexts without the list. */
const char *ge_api_glsl_version(const struct ge_api *api, uint32_t index, uint32_t *count);

#endif
