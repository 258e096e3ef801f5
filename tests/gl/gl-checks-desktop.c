/*
 * The desktop OpenGL check apps' context and framebuffer (gl-checks-desktop.h); linked to
 * libOpenGL (glvnd) and libEGL.
 */
#define GL_GLEXT_PROTOTYPES
#include <stdio.h>

#include <GL/gl.h>
#include <GL/glext.h>

#include "gl-checks-desktop.h"
#include "gl-checks.h"

#ifndef EGL_PLATFORM_WAYLAND_KHR
#define EGL_PLATFORM_WAYLAND_KHR 0x31D8
#endif

static const char *profile_name(EGLint profile)
{
	return profile == EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT ? "core" : "compatibility";
}

bool gc_desktop_open(struct gc_desktop *d, EGLint profile, int major, int minor, int *status)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	*d = (struct gc_desktop){.dpy = EGL_NO_DISPLAY, .ctx = EGL_NO_CONTEXT};
	*status = 1;
	d->wl = wl_display_connect(NULL);
	if (!d->wl)
		return printf("FAIL setup: no Wayland display\n"), false;
	d->dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, d->wl, NULL);
	EGLint n = 0;
	EGLConfig config;
	const EGLint want[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
	if (!eglInitialize(d->dpy, NULL, NULL) || !eglBindAPI(EGL_OPENGL_API))
		return printf("FAIL setup: EGL (0x%x)\n", eglGetError()), false;
	*status = 77;
	if (!eglChooseConfig(d->dpy, want, &config, 1, &n) || n < 1)
		return printf("SKIP setup: no EGL config for desktop OpenGL (0x%x)\n",
		              eglGetError()),
		       false;
	EGLint attribs[7] = {EGL_CONTEXT_OPENGL_PROFILE_MASK, profile, EGL_NONE};
	if (major) {
		attribs[2] = EGL_CONTEXT_MAJOR_VERSION;
		attribs[3] = major;
		attribs[4] = EGL_CONTEXT_MINOR_VERSION;
		attribs[5] = minor;
		attribs[6] = EGL_NONE;
	}
	d->ctx = eglCreateContext(d->dpy, config, EGL_NO_CONTEXT, attribs);
	if (d->ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(d->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, d->ctx)) {
		if (major)
			printf("SKIP setup: no OpenGL %d.%d %s context (0x%x)\n", major, minor,
			       profile_name(profile), eglGetError());
		else
			printf("SKIP setup: no OpenGL %s context (0x%x)\n", profile_name(profile),
			       eglGetError());
		return false;
	}
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	printf("info: GL_RENDERER %s\n", (const char *)glGetString(GL_RENDERER));
	*status = 0;
	return true;
}

unsigned gc_desktop_framebuffer(int size)
{
	GLuint fb, rb;
	glGenRenderbuffers(1, &rb);
	glBindRenderbuffer(GL_RENDERBUFFER, rb);
	glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size, size);
	glGenFramebuffers(1, &fb);
	glBindFramebuffer(GL_FRAMEBUFFER, fb);
	glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
	glViewport(0, 0, size, size);
	return fb;
}

void gc_desktop_check_profile(const char *check, EGLint profile)
{
	GLint major = 0, minor = 0;
	glGetIntegerv(GL_MAJOR_VERSION, &major);
	glGetIntegerv(GL_MINOR_VERSION, &minor);
	if (major * 10 + minor < 32) {
		printf("SKIP %s: OpenGL %d.%d has no GL_CONTEXT_PROFILE_MASK\n", check, major,
		       minor);
		return;
	}
	GLint want = profile == EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT
	                     ? GL_CONTEXT_CORE_PROFILE_BIT
	                     : GL_CONTEXT_COMPATIBILITY_PROFILE_BIT;
	GLint mask = -1;
	GLint64 mask64 = -1;
	GLboolean set = 7;
	glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &mask);
	bool ok = gc_no_error(check, "glGetIntegerv(GL_CONTEXT_PROFILE_MASK)");
	glGetInteger64v(GL_CONTEXT_PROFILE_MASK, &mask64);
	glGetBooleanv(GL_CONTEXT_PROFILE_MASK, &set);
	ok = gc_no_error(check, "glGetInteger64v and glGetBooleanv of it") && ok;
	if (ok && (mask != want || mask64 != want || set != GL_TRUE))
		ok = gc_fail(check,
		             "GL_CONTEXT_PROFILE_MASK %d (64-bit %lld, boolean %d) in a %s context",
		             mask, (long long)mask64, set, profile_name(profile));
	gc_result(check, ok);
}

int gc_desktop_close(struct gc_desktop *d)
{
	eglMakeCurrent(d->dpy, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglDestroyContext(d->dpy, d->ctx);
	eglTerminate(d->dpy);
	wl_display_disconnect(d->wl);
	printf("done\n");
	return gc_failures() ? 1 : 0;
}
