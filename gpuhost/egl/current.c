/*
 * What is current on the host thread (host-egl.h). A link process runs
 * every stream's commands on one thread, so it switches between the app's
 * contexts often; switching only when something else is current saves the
 * driver's flush at every command.
 */
#include "host-egl.h"

bool gh_egl_make_current(struct gh_egl *egl, EGLContext ctx, EGLSurface draw, EGLSurface read)
{
	if (egl->cur_ctx == ctx && egl->cur_draw == draw && egl->cur_read == read)
		return true;
	if (!eglMakeCurrent(egl->dpy, draw, read, ctx))
		return false;
	egl->cur_ctx = ctx;
	egl->cur_draw = draw;
	egl->cur_read = read;
	return true;
}

void gh_egl_release(struct gh_egl *egl, EGLContext ctx, EGLSurface surf)
{
	bool hit = (ctx != EGL_NO_CONTEXT && egl->cur_ctx == ctx) ||
	           (surf != EGL_NO_SURFACE && (egl->cur_draw == surf || egl->cur_read == surf));
	if (!hit)
		return;
	eglMakeCurrent(egl->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	egl->cur_ctx = EGL_NO_CONTEXT;
	egl->cur_draw = egl->cur_read = EGL_NO_SURFACE;
}
