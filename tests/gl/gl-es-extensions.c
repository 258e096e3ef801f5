/*
 * gl-es-extensions MAJOR MINOR: the OpenGL ES extensions a context of that version offers,
 * one "ext NAME" line each, after the usual "info:" lines (gp_print_gl_info).
 *
 * tests/integration/gl-es-extensions-offered.sh runs it natively and through gpu-0 and
 * compares: every extension the host's driver offers is offered through gpu-0 too, unless
 * proxy/egl/README.md says why not. The context draws nothing: it is made current with no
 * surface (EGL_KHR_surfaceless_context; Mesa's Wayland platform has no pbuffer configs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <GLES2/gl2.h>

#include "gl-window.h"

static EGLint renderable_bit(int major)
{
	switch (major) {
	case 1:
		return EGL_OPENGL_ES_BIT;
	case 2:
		return EGL_OPENGL_ES2_BIT;
	default:
		return EGL_OPENGL_ES3_BIT_KHR;
	}
}

int main(int argc, char **argv)
{
	int major = argc == 3 ? atoi(argv[1]) : 0, minor = argc == 3 ? atoi(argv[2]) : -1;
	if (major < 1 || major > 3 || minor < 0) {
		fprintf(stderr, "usage: gl-es-extensions MAJOR MINOR (an OpenGL ES version: 1 1, 2 "
		                "0, 3 2)\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0); /* in order with stderr in the test's log */
	struct gp_app app = {0};
	if (!gp_app_init(&app, "gl-es-extensions", renderable_bit(major)))
		return 1;
	if (!app.window_config) {
		fprintf(stderr, "gl-es-extensions: no config renderable with OpenGL ES %d\n",
		        major);
		return 77;
	}
	EGLContext ctx = gp_app_create_context(&app, app.window_config, major, minor);
	if (ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(app.egl, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx)) {
		fprintf(stderr, "gl-es-extensions: no current OpenGL ES %d.%d context: %s\n", major,
		        minor, gp_egl_error_name(eglGetError()));
		return 77;
	}
	gp_print_gl_info();
	const char *exts = (const char *)glGetString(GL_EXTENSIONS);
	if (!exts) {
		fprintf(stderr, "gl-es-extensions: glGetString(GL_EXTENSIONS) is NULL\n");
		return 1;
	}
	char *copy = strdup(exts), *save = NULL;
	for (char *name = strtok_r(copy, " ", &save); name; name = strtok_r(NULL, " ", &save))
		printf("ext %s\n", name);
	free(copy);
	eglMakeCurrent(app.egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(app.egl, ctx);
	eglTerminate(app.egl);
	printf("done\n");
	return 0;
}
