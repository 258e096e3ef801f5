/*
 * The one model of "which GL" that the generator, the EGL library and the
 * host share: a client API, a version of it, and (in gles-codec.h) the
 * extensions of ours a context has.
 *
 * A context is created for exactly one API at one version. Every GL
 * command the codec knows is present in some APIs from some version on
 * (gl.xml's <feature>s), or comes with one of our extensions; a context
 * has it when its version reaches that or it has that extension. The
 * library answers a command its context lacks with GL_INVALID_OPERATION,
 * as Mesa's dispatch does; the host ends the link, since an honest library
 * never sends one.
 */
#ifndef GPUPIPE_GL_API_H
#define GPUPIPE_GL_API_H

#include <stdbool.h>
#include <stdint.h>

/* On the wire (GL_OP_INIT, GL_OP_CREATE_CONTEXT) as u32. */
enum gl_api {
	GL_API_GLES1 = 0,     /* OpenGL ES 1.x (common profile): fixed function */
	GL_API_GLES2 = 1,     /* OpenGL ES 2.0 and every later ES version */
	GL_API_GL_CORE = 2,   /* desktop OpenGL, core profile */
	GL_API_GL_COMPAT = 3, /* desktop OpenGL, compatibility profile */
	GL_API_COUNT,
};

/* A version as one number: major << 8 | minor (3.1 is 0x0301). */
#define GL_VERSION_CODE(major, minor) ((uint32_t)(major) << 8 | (uint32_t)(minor))
#define GL_VERSION_MAJOR(code) ((code) >> 8)
#define GL_VERSION_MINOR(code) ((code)&0xffu)

/* Desktop OpenGL (a core or compatibility profile), not OpenGL ES. */
static inline bool gl_api_desktop(uint32_t api)
{
	return api == GL_API_GL_CORE || api == GL_API_GL_COMPAT;
}

/* "OpenGL ES", "OpenGL ES-CM", "OpenGL" (core) or "OpenGL" (compatibility),
 * for logs and strings; NULL for an unknown api. */
static inline const char *gl_api_name(uint32_t api)
{
	switch (api) {
	case GL_API_GLES1:
		return "OpenGL ES-CM";
	case GL_API_GLES2:
		return "OpenGL ES";
	case GL_API_GL_CORE:
		return "OpenGL core";
	case GL_API_GL_COMPAT:
		return "OpenGL compatibility";
	}
	return 0;
}

/*
 * Parses the version at the start of a GL_VERSION string the way GL
 * defines it ("OpenGL ES 3.2 Mesa ...", "OpenGL ES-CM 1.1 ...",
 * "4.5 (Core Profile) Mesa ...", "OpenGL ES GLSL ES 3.20"): the first
 * "<digits>.<digits>" after an optional prefix. 0 when there is none.
 */
static inline uint32_t gl_parse_version(const char *s)
{
	if (!s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			continue;
		uint32_t major = 0, minor = 0;
		const char *p = s;
		while (*p >= '0' && *p <= '9' && major < 100)
			major = major * 10 + (uint32_t)(*p++ - '0');
		if (*p != '.' || p[1] < '0' || p[1] > '9')
			return 0;
		p++;
		while (*p >= '0' && *p <= '9' && minor < 100)
			minor = minor * 10 + (uint32_t)(*p++ - '0');
		return major < 256 && minor < 256 ? GL_VERSION_CODE(major, minor) : 0;
	}
	return 0;
}

#endif
