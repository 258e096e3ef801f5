/*
 * Contexts on the host's display (host-egl.h): EGL makes a context of the thread's bound
 * API, which stays OpenGL ES between calls, so a desktop context binds OpenGL for its
 * creation alone.
 */
#include "host-egl.h"

EGLContext gh_egl_create_context(struct gh_egl *egl, bool desktop, EGLConfig config,
                                 EGLContext share, const EGLint *attribs, EGLint *error)
{
	if (desktop && !eglBindAPI(EGL_OPENGL_API)) {
		*error = eglGetError();
		return EGL_NO_CONTEXT;
	}
	EGLContext ctx =
	        eglCreateContext(egl->dpy, config ? config : EGL_NO_CONFIG_KHR, share, attribs);
	*error = ctx == EGL_NO_CONTEXT ? eglGetError() : EGL_SUCCESS;
	if (desktop)
		eglBindAPI(EGL_OPENGL_ES_API);
	return ctx;
}
