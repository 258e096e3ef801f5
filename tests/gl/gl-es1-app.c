/*
 * gl-es1-app: a small OpenGL ES 1.1 Wayland client for the GL tests, written as ES 1
 * apps are: an xdg_toplevel window, EGL on the Wayland platform with EGL's defaults (no
 * EGL_RENDERABLE_TYPE, no EGL_CONTEXT_CLIENT_VERSION: ES 1), libGLESv1_CM, client-side
 * vertex arrays (glVertexPointer, glColorPointer, glNormalPointer, glTexCoordPointer),
 * lighting, a texture modulated by the colour (glTexEnv), the matrix stack.
 *
 * Each frame (256x256) draws, over a dark blue clear:
 *   left half    a green quad lit by a half-white directional light (0.2 ambient + 0.5)
 *   right half   a 2x2 texture (white, yellow / yellow, white) times the colour (1, .5, 1)
 *   middle       a red square drawn inside glPushMatrix/glTranslatef/glPopMatrix
 *   bottom left  a 64x64 texture drawn into through GL_OES_framebuffer_object (a texture
 *                colour attachment and a depth renderbuffer): a near red left half, then a
 *                far green quad over all of it that the depth test keeps off the red, shown
 *                on a 48x32 quad over the lit one
 * then reads the probes back with glReadPixels and prints, as gl-patterns does
 * (gl-shot-check.py reads it):
 *
 *   checks 256x256
 *   PASS <check> <x> <y> <rrggbb>      (window coordinates, origin top left)
 *   FAIL <check> <x> <y> <expected>: got <rrggbb>
 *
 * After 3 frames it prints "held" and keeps the window until SIGTERM or SIGINT (exit 0, or
 * 1 if a check failed); 2 when the window or the context cannot be set up.
 */
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GLES/gl.h>
#include <GLES/glext.h>
#include <wayland-client.h>
#include <wayland-egl.h>

#include "xdg-shell-client-protocol.h"

#define SIZE 256
#define FRAMES 3

struct app {
	struct wl_display *display;
	struct wl_compositor *compositor;
	struct xdg_wm_base *wm_base;
	struct wl_surface *surface;
	struct xdg_surface *xdg_surface;
	struct xdg_toplevel *toplevel;
	struct wl_egl_window *native;
	bool configured;
	EGLDisplay egl;
	EGLSurface egl_surface;
	EGLContext ctx;
	int failures;
	GLuint rtt_tex, rtt_fbo, rtt_depth;
};

#define RTT_SIZE 64

/* GL_OES_framebuffer_object's functions (libGLESv1_CM need not export them). */
static PFNGLGENFRAMEBUFFERSOESPROC gen_framebuffers;
static PFNGLBINDFRAMEBUFFEROESPROC bind_framebuffer;
static PFNGLFRAMEBUFFERTEXTURE2DOESPROC framebuffer_texture_2d;
static PFNGLGENRENDERBUFFERSOESPROC gen_renderbuffers;
static PFNGLBINDRENDERBUFFEROESPROC bind_renderbuffer;
static PFNGLRENDERBUFFERSTORAGEOESPROC renderbuffer_storage;
static PFNGLFRAMEBUFFERRENDERBUFFEROESPROC framebuffer_renderbuffer;
static PFNGLCHECKFRAMEBUFFERSTATUSOESPROC check_framebuffer_status;
static PFNGLGENERATEMIPMAPOESPROC generate_mipmap;

static bool stop; /* the compositor closed the window */

static void wm_base_ping(void *data, struct xdg_wm_base *wm_base, uint32_t serial)
{
	xdg_wm_base_pong(wm_base, serial);
}

static const struct xdg_wm_base_listener wm_base_listener = {.ping = wm_base_ping};

static void global(void *data, struct wl_registry *registry, uint32_t name, const char *iface,
                   uint32_t version)
{
	struct app *app = data;
	if (strcmp(iface, wl_compositor_interface.name) == 0 && !app->compositor) {
		app->compositor = wl_registry_bind(registry, name, &wl_compositor_interface, 4);
	} else if (strcmp(iface, xdg_wm_base_interface.name) == 0 && !app->wm_base) {
		app->wm_base = wl_registry_bind(registry, name, &xdg_wm_base_interface, 1);
		xdg_wm_base_add_listener(app->wm_base, &wm_base_listener, app);
	}
}

static void global_remove(void *data, struct wl_registry *registry, uint32_t name)
{
}

static const struct wl_registry_listener registry_listener = {global, global_remove};

static void xdg_surface_configure(void *data, struct xdg_surface *xdg_surface, uint32_t serial)
{
	struct app *app = data;
	xdg_surface_ack_configure(xdg_surface, serial);
	app->configured = true;
}

static const struct xdg_surface_listener xdg_surface_listener = {.configure =
                                                                         xdg_surface_configure};

static void toplevel_configure(void *data, struct xdg_toplevel *toplevel, int32_t width,
                               int32_t height, struct wl_array *states)
{
}

static void toplevel_close(void *data, struct xdg_toplevel *toplevel)
{
	stop = 1;
}

static const struct xdg_toplevel_listener toplevel_listener = {.configure = toplevel_configure,
                                                               .close = toplevel_close};

static bool window_init(struct app *app)
{
	app->display = wl_display_connect(NULL);
	if (!app->display)
		return false;
	struct wl_registry *registry = wl_display_get_registry(app->display);
	wl_registry_add_listener(registry, &registry_listener, app);
	wl_display_roundtrip(app->display);
	if (!app->compositor || !app->wm_base)
		return false;
	app->surface = wl_compositor_create_surface(app->compositor);
	app->xdg_surface = xdg_wm_base_get_xdg_surface(app->wm_base, app->surface);
	xdg_surface_add_listener(app->xdg_surface, &xdg_surface_listener, app);
	app->toplevel = xdg_surface_get_toplevel(app->xdg_surface);
	xdg_toplevel_add_listener(app->toplevel, &toplevel_listener, app);
	xdg_toplevel_set_title(app->toplevel, "gl-es1-app");
	wl_surface_commit(app->surface);
	while (!app->configured) {
		if (wl_display_dispatch(app->display) < 0)
			return false;
	}
	app->native = wl_egl_window_create(app->surface, SIZE, SIZE);
	return app->native != NULL;
}

/* EGL's defaults, as ES 1 apps leave them: the config's EGL_RENDERABLE_TYPE is
 * EGL_OPENGL_ES_BIT, the context's version 1. Opaque (no alpha): the screenshot shows the
 * colours read back. */
static bool egl_init(struct app *app)
{
	app->egl = eglGetPlatformDisplay(EGL_PLATFORM_WAYLAND_KHR, app->display, NULL);
	if (app->egl == EGL_NO_DISPLAY || !eglInitialize(app->egl, NULL, NULL))
		return false;
	printf("info: EGL_VENDOR %s\n", eglQueryString(app->egl, EGL_VENDOR));
	const EGLint attribs[] = {EGL_SURFACE_TYPE, EGL_WINDOW_BIT,
	                          EGL_RED_SIZE,     8,
	                          EGL_GREEN_SIZE,   8,
	                          EGL_BLUE_SIZE,    8,
	                          EGL_ALPHA_SIZE,   0,
	                          EGL_NONE};
	EGLConfig configs[64];
	EGLint n = 0;
	if (!eglChooseConfig(app->egl, attribs, configs, 64, &n) || n < 1) {
		fprintf(stderr, "gl-es1-app: no ES 1 window config (0x%x)\n", eglGetError());
		return false;
	}
	EGLConfig config = configs[0];
	for (EGLint i = 0; i < n; i++) {
		EGLint alpha = -1;
		eglGetConfigAttrib(app->egl, configs[i], EGL_ALPHA_SIZE, &alpha);
		if (alpha == 0) {
			config = configs[i];
			break;
		}
	}
	app->egl_surface = eglCreatePlatformWindowSurface(app->egl, config, app->native, NULL);
	app->ctx = eglCreateContext(app->egl, config, EGL_NO_CONTEXT, NULL);
	if (app->egl_surface == EGL_NO_SURFACE || app->ctx == EGL_NO_CONTEXT ||
	    !eglMakeCurrent(app->egl, app->egl_surface, app->egl_surface, app->ctx)) {
		fprintf(stderr, "gl-es1-app: no ES 1 context (0x%x)\n", eglGetError());
		return false;
	}
	EGLint version = 0;
	eglQueryContext(app->egl, app->ctx, EGL_CONTEXT_CLIENT_VERSION, &version);
	printf("info: EGL_CONTEXT_CLIENT_VERSION %d\n", version);
	printf("info: GL_VERSION %s\n", (const char *)glGetString(GL_VERSION));
	printf("info: GL_RENDERER %s\n", (const char *)glGetString(GL_RENDERER));
	printf("info: GL_EXTENSIONS %s\n", (const char *)glGetString(GL_EXTENSIONS));
	return true;
}

/* Two triangles covering x0..x1, y0..y1 (GL coordinates, pixels). */
static void quad(GLfloat *v, float x0, float y0, float x1, float y1)
{
	const GLfloat q[12] = {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1};
	memcpy(v, q, sizeof(q));
}

static void draw_lit(void)
{
	static const GLfloat dir[4] = {0, 0, 1, 0}, half[4] = {0.5f, 0.5f, 0.5f, 1};
	GLfloat v[12], normals[18];
	GLubyte colours[24];
	quad(v, 8, 8, 120, 248);
	for (int i = 0; i < 6; i++) {
		normals[3 * i] = normals[3 * i + 1] = 0;
		normals[3 * i + 2] = 1;
		const GLubyte green[4] = {0, 255, 0, 255};
		memcpy(colours + 4 * i, green, 4);
	}
	glEnable(GL_LIGHTING);
	glEnable(GL_LIGHT0);
	glEnable(GL_COLOR_MATERIAL);
	glLightfv(GL_LIGHT0, GL_POSITION, dir);
	glLightfv(GL_LIGHT0, GL_DIFFUSE, half);
	glEnableClientState(GL_VERTEX_ARRAY);
	glEnableClientState(GL_COLOR_ARRAY);
	glEnableClientState(GL_NORMAL_ARRAY);
	glVertexPointer(2, GL_FLOAT, 0, v);
	glColorPointer(4, GL_UNSIGNED_BYTE, 0, colours);
	glNormalPointer(GL_FLOAT, 0, normals);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glDisableClientState(GL_COLOR_ARRAY);
	glDisableClientState(GL_NORMAL_ARRAY);
	glDisable(GL_LIGHTING);
	glDisable(GL_COLOR_MATERIAL);
}

static void draw_textured(GLuint tex)
{
	static const GLubyte texels[16] = {255, 255, 255, 255, 255, 255, 0,   255,
	                                   255, 255, 0,   255, 255, 255, 255, 255};
	static const GLfloat st[12] = {0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1};
	GLfloat v[12];
	quad(v, 136, 8, 248, 248);
	glBindTexture(GL_TEXTURE_2D, tex);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 2, 2, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
	glEnable(GL_TEXTURE_2D);
	glColor4f(1, 0.5f, 1, 1);
	glEnableClientState(GL_TEXTURE_COORD_ARRAY);
	glTexCoordPointer(2, GL_FLOAT, 0, st);
	glVertexPointer(2, GL_FLOAT, 0, v);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glDisable(GL_TEXTURE_2D);
}

/* A 32x32 red square at the origin, moved to the middle by the pushed matrix. */
static void draw_pushed(void)
{
	GLfloat v[12];
	quad(v, 0, 0, 32, 32);
	glPushMatrix();
	glTranslatef(112, 112, 0);
	glColor4f(1, 0, 0, 1);
	glVertexPointer(2, GL_FLOAT, 0, v);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glPopMatrix();
	GLfloat m[16];
	glGetFloatv(GL_MODELVIEW_MATRIX, m);
	if (m[12] != 0 || m[13] != 0)
		printf("FAIL matrix-pop 0 0 000000: the modelview still translates by %g, %g\n",
		       m[12], m[13]);
}

/* The render target: a texture colour attachment and a depth renderbuffer. False (with a
 * FAIL line) when the context lacks GL_OES_framebuffer_object or the FBO is incomplete. */
static bool rtt_init(struct app *app)
{
	const char *ext = (const char *)glGetString(GL_EXTENSIONS);
	if (!ext || !strstr(ext, "GL_OES_framebuffer_object")) {
		printf("FAIL oes-fbo 0 0 000000: GL_OES_framebuffer_object is not offered\n");
		return false;
	}
	gen_framebuffers = (PFNGLGENFRAMEBUFFERSOESPROC)eglGetProcAddress("glGenFramebuffersOES");
	bind_framebuffer = (PFNGLBINDFRAMEBUFFEROESPROC)eglGetProcAddress("glBindFramebufferOES");
	framebuffer_texture_2d =
	        (PFNGLFRAMEBUFFERTEXTURE2DOESPROC)eglGetProcAddress("glFramebufferTexture2DOES");
	gen_renderbuffers =
	        (PFNGLGENRENDERBUFFERSOESPROC)eglGetProcAddress("glGenRenderbuffersOES");
	bind_renderbuffer =
	        (PFNGLBINDRENDERBUFFEROESPROC)eglGetProcAddress("glBindRenderbufferOES");
	renderbuffer_storage =
	        (PFNGLRENDERBUFFERSTORAGEOESPROC)eglGetProcAddress("glRenderbufferStorageOES");
	framebuffer_renderbuffer = (PFNGLFRAMEBUFFERRENDERBUFFEROESPROC)eglGetProcAddress(
	        "glFramebufferRenderbufferOES");
	check_framebuffer_status = (PFNGLCHECKFRAMEBUFFERSTATUSOESPROC)eglGetProcAddress(
	        "glCheckFramebufferStatusOES");
	generate_mipmap = (PFNGLGENERATEMIPMAPOESPROC)eglGetProcAddress("glGenerateMipmapOES");
	if (!gen_framebuffers || !bind_framebuffer || !framebuffer_texture_2d ||
	    !gen_renderbuffers || !bind_renderbuffer || !renderbuffer_storage ||
	    !framebuffer_renderbuffer || !check_framebuffer_status || !generate_mipmap) {
		printf("FAIL oes-fbo 0 0 000000: a GL_OES_framebuffer_object function is "
		       "missing\n");
		return false;
	}
	glGenTextures(1, &app->rtt_tex);
	glBindTexture(GL_TEXTURE_2D, app->rtt_tex);
	glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, RTT_SIZE, RTT_SIZE, 0, GL_RGBA, GL_UNSIGNED_BYTE,
	             NULL);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
	glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
	gen_renderbuffers(1, &app->rtt_depth);
	bind_renderbuffer(GL_RENDERBUFFER_OES, app->rtt_depth);
	renderbuffer_storage(GL_RENDERBUFFER_OES, GL_DEPTH_COMPONENT16_OES, RTT_SIZE, RTT_SIZE);
	gen_framebuffers(1, &app->rtt_fbo);
	bind_framebuffer(GL_FRAMEBUFFER_OES, app->rtt_fbo);
	framebuffer_texture_2d(GL_FRAMEBUFFER_OES, GL_COLOR_ATTACHMENT0_OES, GL_TEXTURE_2D,
	                       app->rtt_tex, 0);
	framebuffer_renderbuffer(GL_FRAMEBUFFER_OES, GL_DEPTH_ATTACHMENT_OES, GL_RENDERBUFFER_OES,
	                         app->rtt_depth);
	GLenum status = check_framebuffer_status(GL_FRAMEBUFFER_OES);
	bind_framebuffer(GL_FRAMEBUFFER_OES, 0);
	if (status != GL_FRAMEBUFFER_COMPLETE_OES) {
		printf("FAIL oes-fbo 0 0 000000: the framebuffer is incomplete (0x%x)\n", status);
		return false;
	}
	return true;
}

/* Into the FBO: a near red left half, then a far green quad over all of it (the depth
 * test keeps it off the red); its mip chain made by glGenerateMipmapOES. */
static void rtt_draw(struct app *app)
{
	static const GLfloat near_left[18] = {0, 0, 0.5f, 32, 0,  0.5f, 32, 64, 0.5f,
	                                      0, 0, 0.5f, 32, 64, 0.5f, 0,  64, 0.5f};
	static const GLfloat far_all[18] = {0, 0, -0.5f, 64, 0,  -0.5f, 64, 64, -0.5f,
	                                    0, 0, -0.5f, 64, 64, -0.5f, 0,  64, -0.5f};
	bind_framebuffer(GL_FRAMEBUFFER_OES, app->rtt_fbo);
	glViewport(0, 0, RTT_SIZE, RTT_SIZE);
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glOrthof(0, RTT_SIZE, 0, RTT_SIZE, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glClearColor(0, 0, 1, 1);
	glClearDepthf(1);
	glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
	glEnable(GL_DEPTH_TEST);
	glDepthFunc(GL_LESS);
	glEnableClientState(GL_VERTEX_ARRAY);
	glColor4f(1, 0, 0, 1);
	glVertexPointer(3, GL_FLOAT, 0, near_left);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glColor4f(0, 1, 0, 1);
	glVertexPointer(3, GL_FLOAT, 0, far_all);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glDisable(GL_DEPTH_TEST);
	bind_framebuffer(GL_FRAMEBUFFER_OES, 0);
	glBindTexture(GL_TEXTURE_2D, app->rtt_tex);
	generate_mipmap(GL_TEXTURE_2D);
}

/* The FBO's texture on screen, unmodulated, over the bottom left of the lit quad. */
static void draw_rtt(struct app *app)
{
	static const GLfloat st[12] = {0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1};
	GLfloat v[12];
	quad(v, 8, 8, 56, 40);
	glBindTexture(GL_TEXTURE_2D, app->rtt_tex);
	glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_REPLACE);
	glEnable(GL_TEXTURE_2D);
	glEnableClientState(GL_TEXTURE_COORD_ARRAY);
	glTexCoordPointer(2, GL_FLOAT, 0, st);
	glVertexPointer(2, GL_FLOAT, 0, v);
	glDrawArrays(GL_TRIANGLES, 0, 6);
	glDisableClientState(GL_TEXTURE_COORD_ARRAY);
	glDisable(GL_TEXTURE_2D);
}

struct probe {
	const char *check;
	int x, y; /* window coordinates */
	uint32_t rgb;
	int tol;
};

static const struct probe probes[] = {
        {"clear", 4, 4, 0x000040, 1},
        {"clear", 252, 128, 0x000040, 1},
        {"lit", 40, 40, 0x00b200, 3},
        {"lit", 60, 200, 0x00b200, 3},
        {"texture-white", 160, 220, 0xff80ff, 3},
        {"texture-yellow", 220, 220, 0xff8000, 3},
        {"texture-yellow", 160, 40, 0xff8000, 3},
        {"texture-white", 220, 40, 0xff80ff, 3},
        {"pushed-matrix", 128, 128, 0xff0000, 0},
        {"pushed-matrix", 114, 141, 0xff0000, 0},
        {"oes-fbo-near", 16, 231, 0xff0000, 0},
        {"oes-fbo-far", 48, 231, 0x00ff00, 0},
};

static void check_probes(struct app *app)
{
	printf("checks %dx%d\n", SIZE, SIZE);
	for (size_t i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		const struct probe *p = &probes[i];
		GLubyte px[4] = {0};
		glReadPixels(p->x, SIZE - 1 - p->y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
		uint32_t got = (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 | px[2];
		int want[3] = {(int)(p->rgb >> 16), (int)(p->rgb >> 8 & 0xff),
		               (int)(p->rgb & 0xff)};
		bool ok = true;
		for (int c = 0; c < 3; c++)
			ok = ok && abs(px[c] - want[c]) <= p->tol;
		if (ok) {
			printf("PASS %s %d %d %06x\n", p->check, p->x, p->y, got);
		} else {
			printf("FAIL %s %d %d %06x: got %06x\n", p->check, p->x, p->y, p->rgb, got);
			app->failures++;
		}
	}
}

static void frame(struct app *app, GLuint tex)
{
	rtt_draw(app);
	glViewport(0, 0, SIZE, SIZE);
	glMatrixMode(GL_PROJECTION);
	glLoadIdentity();
	glOrthof(0, SIZE, 0, SIZE, -1, 1);
	glMatrixMode(GL_MODELVIEW);
	glLoadIdentity();
	glClearColor(0, 0, 0.25f, 1);
	glClear(GL_COLOR_BUFFER_BIT);
	draw_lit();
	draw_textured(tex);
	draw_pushed();
	draw_rtt(app);
	GLenum err = glGetError();
	if (err != GL_NO_ERROR) {
		printf("FAIL gl-error 0 0 000000: 0x%x\n", err);
		app->failures++;
	}
	check_probes(app);
}

/* Keeps the last frame on screen until SIGTERM or SIGINT (a signalfd, polled with the
 * Wayland connection: libwayland retries its own poll on EINTR). */
static void hold(struct app *app, int sfd)
{
	struct pollfd fds[2] = {{wl_display_get_fd(app->display), POLLIN, 0}, {sfd, POLLIN, 0}};
	while (!stop) {
		wl_display_dispatch_pending(app->display);
		wl_display_flush(app->display);
		if (poll(fds, 2, -1) < 0 || (fds[1].revents & POLLIN))
			return;
		if ((fds[0].revents & POLLIN) && wl_display_dispatch(app->display) < 0)
			return;
		if (fds[0].revents & (POLLERR | POLLHUP))
			return;
	}
}

int main(void)
{
	struct app app = {0};
	setvbuf(stdout, NULL, _IOLBF, 0);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int sfd = signalfd(-1, &set, SFD_CLOEXEC);
	if (sfd < 0 || !window_init(&app) || !egl_init(&app)) {
		fprintf(stderr, "gl-es1-app: cannot set up the window or the ES 1 context\n");
		return 2;
	}
	if (!rtt_init(&app))
		return 1;
	GLuint tex = 0;
	glGenTextures(1, &tex);
	for (int i = 1; i <= FRAMES; i++) {
		frame(&app, tex);
		if (!eglSwapBuffers(app.egl, app.egl_surface)) {
			printf("FAIL swap 0 0 000000: 0x%x\n", eglGetError());
			return 1;
		}
		printf("frame %d shown (%dx%d)\n", i, SIZE, SIZE);
	}
	printf("held\n");
	hold(&app, sfd);
	close(sfd);
	eglMakeCurrent(app.egl, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
	eglTerminate(app.egl);
	wl_display_disconnect(app.display);
	return app.failures ? 1 : 0;
}
