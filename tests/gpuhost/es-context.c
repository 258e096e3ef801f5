#include <stdlib.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES3/gl32.h>

#include "es-context.h"

int es_failures;

static void skip(const char *why)
{
	fprintf(stderr, "SKIP: %s\n", why);
	exit(77);
}

void es_context_init(void)
{
	PFNEGLGETPLATFORMDISPLAYEXTPROC get_display =
	        (PFNEGLGETPLATFORMDISPLAYEXTPROC)eglGetProcAddress("eglGetPlatformDisplayEXT");
	if (!get_display)
		skip("EGL has no eglGetPlatformDisplayEXT");
	EGLDisplay dpy = get_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, NULL);
	if (dpy == EGL_NO_DISPLAY || !eglInitialize(dpy, NULL, NULL))
		skip("no surfaceless EGL display (EGL_MESA_platform_surfaceless)");
	if (!eglBindAPI(EGL_OPENGL_ES_API))
		skip("EGL does not offer OpenGL ES");
	/* No config: EGL_KHR_no_config_context, surfaceless: GL_OES_surfaceless_context. */
	static const EGLint attribs[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 2,
	                                 EGL_NONE};
	EGLContext ctx = eglCreateContext(dpy, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, attribs);
	if (ctx == EGL_NO_CONTEXT || !eglMakeCurrent(dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, ctx))
		skip("no OpenGL ES 3.2 context without a surface");
	GLint major = 0, minor = 0;
	glGetIntegerv(GL_MAJOR_VERSION, &major);
	glGetIntegerv(GL_MINOR_VERSION, &minor);
	if (major * 10 + minor < 32)
		skip("the context is not OpenGL ES 3.2");
	printf("# %s, %s\n", (const char *)glGetString(GL_RENDERER),
	       (const char *)glGetString(GL_VERSION));
}

unsigned es_error(void)
{
	GLenum first = glGetError();
	while (first != GL_NO_ERROR && glGetError() != GL_NO_ERROR)
		;
	return first;
}
