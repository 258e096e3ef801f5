/*
 * libEGL_gpupipe declines a Wayland display without gpupipe_v1 (a real
 * compositor's), so that Mesa serves it:
 *   egl-decline alone      only our vendor: EGL_NO_DISPLAY, and no EGL error
 *   egl-decline with-mesa  ours first, then Mesa's: Mesa's display
 * WAYLAND_DISPLAY names the compositor; __EGL_VENDOR_LIBRARY_FILENAMES the
 * vendors.
 */
#include <stdio.h>
#include <string.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <wayland-client.h>

static int fail(const char *what)
{
	fprintf(stderr, "FAIL: %s (EGL error 0x%x)\n", what, eglGetError());
	return 1;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	struct wl_display *wl = wl_display_connect(NULL);
	if (!wl)
		return fail("cannot connect to the compositor");
	EGLDisplay dpy = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, wl, NULL);
	if (strcmp(argv[1], "alone") == 0) {
		if (dpy != EGL_NO_DISPLAY)
			return fail("our vendor took a display without gpupipe_v1");
		if (eglGetError() != EGL_SUCCESS)
			return fail("declining set an EGL error");
		if (eglGetDisplay((EGLNativeDisplayType)wl) != EGL_NO_DISPLAY)
			return fail("eglGetDisplay on it was taken");
		/* The probe left the app's connection as it was. */
		if (wl_display_roundtrip(wl) < 0 || wl_display_dispatch_pending(wl) != 0)
			return fail("the app's connection was disturbed");
		printf("ok: declined\n");
	} else {
		if (dpy == EGL_NO_DISPLAY)
			return fail("nobody took the display");
		if (!eglInitialize(dpy, NULL, NULL))
			return fail("eglInitialize");
		const char *vendor = eglQueryString(dpy, EGL_VENDOR);
		if (!vendor || strstr(vendor, "gpupipe"))
			return fail("the display is not Mesa's");
		printf("ok: served by %s\n", vendor);
		eglTerminate(dpy);
	}
	wl_display_disconnect(wl);
	return 0;
}
